// License: name, spdx (string or null), commercial_use (required), open_weights, osi_approved.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

TEST_CASE("license: every field is checked", "[license]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "a",
      "name": "A",
      "license": {
        "name": "",
        "spdx": 3,
        "commercial_use": "no",
        "open_weights": 1,
        "osi_approved": null
      }
    }
  ]
})") == Lines{
        "9:17: error: /tools/0/license/name: must be 1 to 120 characters long, got 0",
        "10:17: error: /tools/0/license/spdx: expected a string or null, got the number 3",
        R"(11:27: error: /tools/0/license/commercial_use: expected a boolean, got the string "no")",
        "12:25: error: /tools/0/license/open_weights: expected a boolean, got the number 1",
        "13:25: error: /tools/0/license/osi_approved: expected a boolean, got null",
    });
}

TEST_CASE("license: name and commercial_use are required", "[license]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {"id": "a", "name": "A", "license": {}},
    {"id": "b", "name": "B", "license": {"name": ")" + std::string(121, 'n') + R"(", "commercial_use": true}}
  ]
})") == Lines{
        R"(5:41: error: /tools/0/license: missing required field "name")",
        R"(5:41: error: /tools/0/license: missing required field "commercial_use")",
        "6:50: error: /tools/1/license/name: must be 1 to 120 characters long, got 121",
    });
}

TEST_CASE("license: facts are read, absent ones are false", "[license]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {"id": "a", "name": "A", "license": {"name": "Research, non-commercial", "spdx": null,
                                         "commercial_use": false, "open_weights": true}},
    {"id": "b", "name": "B", "license": {"name": "Apache 2.0", "spdx": "Apache-2.0",
                                         "commercial_use": true, "osi_approved": true}}
  ]
})");
    REQUIRE(result.ok());
    const versus::License& a = result.payload->tools[0].license;
    CHECK(a.name == "Research, non-commercial");
    CHECK_FALSE(a.spdx.has_value());
    CHECK_FALSE(a.commercial_use);
    CHECK(a.open_weights);
    CHECK_FALSE(a.osi_approved);
    const versus::License& b = result.payload->tools[1].license;
    CHECK(b.spdx == std::optional<std::string>("Apache-2.0"));
    CHECK(b.commercial_use);
    CHECK_FALSE(b.open_weights);
    CHECK(b.osi_approved);
}
