// Reviewer: id (pattern, unique among reviewers), name (1 to 80), lens (<= 80).
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

TEST_CASE("reviewer: every rule is checked", "[reviewer]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "reviewers": [
    {"id": "ana", "name": "Ana", "lens": "Skeptic"},
    {"id": "Bo", "name": "", "lens": ")" + std::string(81, 'l') + R"("},
    {"id": "ana", "name": ")" + std::string(81, 'n') + R"("},
    {},
    "cy"
  ]
})") == Lines{
        R"(7:12: error: /reviewers/1/id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and '-'), got "Bo")",
        "7:26: error: /reviewers/1/name: must be 1 to 80 characters long, got 0",
        "7:38: error: /reviewers/1/lens: must be at most 80 characters long, got 81",
        R"(8:12: error: /reviewers/2/id: reviewer id "ana" is already used by /reviewers/0)",
        "8:27: error: /reviewers/2/name: must be 1 to 80 characters long, got 81",
        R"(9:5: error: /reviewers/3: missing required field "id")",
        R"(9:5: error: /reviewers/3: missing required field "name")",
        R"(10:5: error: /reviewers/4: expected an object, got the string "cy")",
    });
}

TEST_CASE("reviewer: a valid panel is read in order", "[reviewer]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "reviewers": [
    {"id": "ana", "name": "Ana", "lens": "Skeptic"},
    {"id": "bo", "name": "Bo"}
  ]
})");
    REQUIRE(result.ok());
    REQUIRE(result.payload->reviewers.size() == 2);
    CHECK(result.payload->reviewers[0].id == "ana");
    CHECK(result.payload->reviewers[0].name == "Ana");
    CHECK(result.payload->reviewers[0].lens == "Skeptic");
    CHECK(result.payload->reviewers[1].id == "bo");
    CHECK(result.payload->reviewers[1].lens.empty());
}
