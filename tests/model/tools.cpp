// Tool: id (pattern, unique), name, the optional texts, url, and the nested objects' types.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

TEST_CASE("tool: every text field is checked", "[tool]") {
    const std::string text = R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "Foo",
      "name": "",
      "vendor": ")" + std::string(121, 'v') + R"(",
      "category": ")" + std::string(61, 'c') + R"(",
      "tagline": ")" + std::string(201, 't') + R"(",
      "description": ")" + std::string(4001, 'd') + R"json(",
      "url": "javascript:alert(1)",
      "license": {"name": "MIT", "commercial_use": true}
    }
  ]
})json";
    const auto result = load_payload(text);
    CHECK_FALSE(result.ok());
    CHECK(versus::test::problems(result) == Lines{
        R"(6:13: error: /tools/0/id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and '-'), got "Foo")",
        "7:15: error: /tools/0/name: must be 1 to 120 characters long, got 0",
        "8:17: error: /tools/0/vendor: must be at most 120 characters long, got 121",
        "9:19: error: /tools/0/category: must be at most 60 characters long, got 61",
        "10:18: error: /tools/0/tagline: must be at most 200 characters long, got 201",
        "11:22: error: /tools/0/description: must be at most 4000 characters long, got 4001",
        R"x(12:14: error: /tools/0/url: must be an absolute http: or https: URL, got "javascript:alert(1)")x",
    });
}

TEST_CASE("tool: required fields and the type of a tool", "[tool]") {
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": [{}]})") == Lines{
        R"(1:40: error: /tools/0: missing required field "id")",
        R"(1:40: error: /tools/0: missing required field "name")",
        R"(1:40: error: /tools/0: missing required field "license")",
    });
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": [3, "x"]})") == Lines{
        "1:40: error: /tools/0: expected an object, got the number 3",
        R"(1:43: error: /tools/1: expected an object, got the string "x")",
    });
}

TEST_CASE("tool: ids match ^[a-z0-9][a-z0-9-]{0,63}$", "[tool]") {
    const auto payload = [](const std::string& id) {
        return R"({"version": 1, "title": "A", "tools": [{"id": )" + id +
               R"(, "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})";
    };
    for (const std::string& ok : std::vector<std::string>{"a", "0", "a-", "a--b", "gpt-4o-mini",
                                                           std::string(64, 'z')}) {
        INFO(ok);
        CHECK(load_payload(payload('"' + ok + '"')).ok());
    }
    const std::string rule =
        "1:47: error: /tools/0/id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, "
        "digits and '-'), got ";
    CHECK(problems_of(payload(R"("Foo")")) == Lines{rule + R"("Foo")"});
    CHECK(problems_of(payload(R"("-a")")) == Lines{rule + R"("-a")"});
    CHECK(problems_of(payload(R"("a_b")")) == Lines{rule + R"("a_b")"});
    CHECK(problems_of(payload(R"("a b")")) == Lines{rule + R"("a b")"});
    CHECK(problems_of(payload(R"("")")) == Lines{rule + R"("")"});
    CHECK(problems_of(payload('"' + std::string(65, 'z') + '"')) ==
          Lines{rule + '"' + std::string(60, 'z') + "\u2026\""});
    CHECK(problems_of(payload("5")) ==
          Lines{"1:47: error: /tools/0/id: expected a string, got the number 5"});
}

TEST_CASE("tool: ids are unique among tools", "[tool]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}},
    {"id": "b", "name": "B", "license": {"name": "MIT", "commercial_use": true}},
    {"id": "a", "name": "C", "license": {"name": "MIT", "commercial_use": true}}
  ]
})") == Lines{R"(7:12: error: /tools/2/id: tool id "a" is already used by /tools/0)"});
}

TEST_CASE("tool: license, pricing and community are objects", "[tool]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "a",
      "name": "A",
      "license": "MIT",
      "pricing": [],
      "community": 5
    }
  ]
})") == Lines{
        R"(8:18: error: /tools/0/license: expected an object, got the string "MIT")",
        "9:18: error: /tools/0/pricing: expected an object, got an array",
        "10:20: error: /tools/0/community: expected an object, got the number 5",
    });
}

TEST_CASE("tool: a valid tool is read in full", "[tool]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "mistral-4b",
      "name": "Mistral 4B",
      "vendor": "Mistral AI",
      "category": "Developer Tools",
      "tagline": "Compact \u2014 local",
      "description": "A small model.",
      "url": "https://mistral.ai",
      "license": {"name": "Apache 2.0", "spdx": "Apache-2.0", "commercial_use": true,
                  "open_weights": true, "osi_approved": true},
      "pricing": {"entry": "Free", "entry_usd_month": 0, "notes": "Weights are free."},
      "community": {"ship": 3, "skip": 1}
    },
    {"id": "b", "name": "B", "license": {"name": "Proprietary", "commercial_use": true}}
  ]
})");
    REQUIRE(result.ok());
    CHECK(result.problems.empty());
    REQUIRE(result.payload->tools.size() == 2);
    const versus::Tool& t = result.payload->tools[0];
    CHECK(t.id == "mistral-4b");
    CHECK(t.name == "Mistral 4B");
    CHECK(t.vendor == "Mistral AI");
    CHECK(t.category == "Developer Tools");
    CHECK(t.tagline == "Compact \u2014 local");
    CHECK(t.description == "A small model.");
    CHECK(t.url == "https://mistral.ai");
    CHECK(t.license.name == "Apache 2.0");
    CHECK(t.license.spdx == std::optional<std::string>("Apache-2.0"));
    CHECK(t.license.commercial_use);
    CHECK(t.license.open_weights);
    CHECK(t.license.osi_approved);
    REQUIRE(t.pricing.has_value());
    CHECK(t.pricing->entry == "Free");
    CHECK(t.pricing->entry_usd_month == std::optional<double>(0.0));
    CHECK(t.pricing->notes == "Weights are free.");
    CHECK(t.community.ship == 3);
    CHECK(t.community.skip == 1);

    const versus::Tool& b = result.payload->tools[1];
    CHECK(b.vendor.empty());
    CHECK(b.url.empty());
    CHECK_FALSE(b.license.spdx.has_value());
    CHECK_FALSE(b.license.open_weights);
    CHECK_FALSE(b.license.osi_approved);
    CHECK_FALSE(b.pricing.has_value());
    CHECK(b.community.ship == 0);
    CHECK(b.community.skip == 0);
}
