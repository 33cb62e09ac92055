// All problems in one pass, sorted in document order, each at the line and column of the value
// its pointer names (a missing field: the object's opening brace; an unknown field: its key).
// Columns count code points.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems;
using versus::test::problems_of;

TEST_CASE("positions: several problems, one pass, document order", "[positions]") {
    const auto result = load_payload(R"({
  "cta": {"label": "", "url": "https://example.com"},
  "tools": [
    {"id": "A", "name": "A", "license": {"name": "MIT", "commercial_use": "yes"}}
  ],
  "title": "",
  "version": 2,
  "colour": "red"
})");
    CHECK_FALSE(result.ok());
    CHECK(result.error_count() == 5);
    CHECK(result.warning_count() == 1);
    CHECK(problems(result) == Lines{
        "2:20: error: /cta/label: must be 1 to 120 characters long, got 0",
        R"(4:12: error: /tools/0/id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and '-'), got "A")",
        R"(4:75: error: /tools/0/license/commercial_use: expected a boolean, got the string "yes")",
        "6:12: error: /title: must be 1 to 200 characters long, got 0",
        "7:14: error: /version: version 2 is not supported; this widget reads version 1",
        R"(8:3: warning: /colour: unknown field "colour" is ignored)",
    });
    const versus::Problem& p = result.problems[2];
    CHECK(p.severity == versus::Severity::Error);
    CHECK(p.pointer == "/tools/0/license/commercial_use");
    CHECK(p.line == 4);
    CHECK(p.column == 75);
}

TEST_CASE("positions: columns count code points, not bytes", "[positions]") {
    CHECK(problems_of(R"({"title": "—", "kicker": 5, "version": 1,
 "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})") ==
          Lines{"1:26: error: /kicker: expected a string, got the number 5"});
}

TEST_CASE("positions: array indices are told apart (/tools/1 and /tools/10)", "[positions]") {
    std::string text = "{\n  \"version\": 1,\n  \"title\": \"A\",\n  \"tools\": [\n";
    for (int i = 0; i < 11; ++i) {
        const std::string name = i == 1 || i == 10 ? "" : "T";
        text += "    {\"id\": \"t" + std::to_string(i) + "\", \"name\": \"" + name +
                R"(", "license": {"name": "MIT", "commercial_use": true}})" +
                (i < 10 ? ",\n" : "\n");
    }
    text += "  ]\n}";
    CHECK(problems_of(text) == Lines{
        "6:26: error: /tools/1/name: must be 1 to 120 characters long, got 0",
        "15:27: error: /tools/10/name: must be 1 to 120 characters long, got 0",
    });
}

TEST_CASE("positions: a problem of a key in an escaped form", "[positions]") {
    // "\u0074itle" is "title": the pointer uses the key's value, the position its text.
    CHECK(problems_of(R"({"version": 1, "\u0074itle": 7,
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})") ==
          Lines{"1:30: error: /title: expected a string, got the number 7"});
}
