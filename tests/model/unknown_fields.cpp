// Unknown fields are warnings at every level (forward compatibility), pointed at by their key,
// and what they hold is never looked at.
#include <catch2/catch.hpp>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems;

TEST_CASE("unknown fields: a warning at every level, the payload still loads", "[unknown]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "colour": "red",
  "tools": [
    {
      "id": "a",
      "name": "A",
      "logo": {"version": "x", "tools": 5},
      "license": {"name": "MIT", "commercial_use": true, "year": 2024},
      "pricing": {"entry": "Free", "currency": "EUR"},
      "community": {"ship": 1, "skip": 0, "maybe": 3}
    }
  ],
  "reviewers": [{"id": "ana", "name": "Ana", "avatar": "a.png"}],
  "reviews": [{"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": "Q", "stars": 5}],
  "cta": {"label": "L", "url": "https://example.com", "target": "_blank"},
  "a/b~c": null,
  "\u00e9t\u00e9": []
})");
    CHECK(problems(result) == Lines{
        R"(4:3: warning: /colour: unknown field "colour" is ignored)",
        R"(9:7: warning: /tools/0/logo: unknown field "logo" is ignored)",
        R"(10:58: warning: /tools/0/license/year: unknown field "year" is ignored)",
        R"(11:36: warning: /tools/0/pricing/currency: unknown field "currency" is ignored)",
        R"(12:43: warning: /tools/0/community/maybe: unknown field "maybe" is ignored)",
        R"(15:46: warning: /reviewers/0/avatar: unknown field "avatar" is ignored)",
        R"(16:81: warning: /reviews/0/stars: unknown field "stars" is ignored)",
        R"(17:55: warning: /cta/target: unknown field "target" is ignored)",
        R"(18:3: warning: /a~1b~0c: unknown field "a/b~c" is ignored)",
        "19:3: warning: /\u00e9t\u00e9: unknown field \"\u00e9t\u00e9\" is ignored",
    });
    CHECK(result.ok());
    CHECK(result.error_count() == 0);
    CHECK(result.warning_count() == 10);
}

TEST_CASE("unknown fields: a near miss of a missing field names it", "[unknown]") {
    const auto lines = versus::test::problems_of(R"({"version": 1, "title": "A", "tools": [
  {"id": "a", "name": "A", "licence": {"name": "MIT", "commercial_use": true}, "Comunity": {"ship": 1, "skip": 0}}]})");
    CHECK(lines == versus::test::Lines{
        R"(2:3: error: /tools/0: missing required field "license")",
        R"(2:28: warning: /tools/0/licence: unknown field "licence" is ignored; did you mean "license"?)",
        R"(2:80: warning: /tools/0/Comunity: unknown field "Comunity" is ignored; did you mean "community"?)",
    });
    // No suggestion when the field is there already, or nothing is close.
    CHECK(versus::test::problems_of(R"({"version": 1, "title": "A", "titel": "B", "colour": "red", "tools": [
  {"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})") == versus::test::Lines{
        R"(1:30: warning: /titel: unknown field "titel" is ignored)",
        R"(1:44: warning: /colour: unknown field "colour" is ignored)",
    });
}
