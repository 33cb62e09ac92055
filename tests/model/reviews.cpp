// Review: tool and reviewer name existing ids, verdict is "ship" or "skip", quote is 1 to 4000
// characters, and a reviewer reviews a tool at most once.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

TEST_CASE("review: every rule is checked", "[review]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "reviewers": [{"id": "ana", "name": "Ana"}],
  "reviews": [
    {"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": "Good."},
    {"tool": "foo", "reviewer": "bar", "verdict": "maybe", "quote": ""},
    {"tool": "a", "reviewer": "ana", "verdict": "skip", "quote": "Bad."},
    {"tool": 1, "reviewer": null, "verdict": true, "quote": 2},
    {}
  ]
})") == Lines{
        R"(8:14: error: /reviews/1/tool: no tool has the id "foo")",
        R"(8:33: error: /reviews/1/reviewer: no reviewer has the id "bar")",
        R"(8:51: error: /reviews/1/verdict: must be "ship" or "skip", got "maybe")",
        "8:69: error: /reviews/1/quote: must be 1 to 4000 characters long, got 0",
        R"(9:5: error: /reviews/2: reviewer "ana" already reviewed tool "a" at /reviews/0)",
        "10:14: error: /reviews/3/tool: expected a string, got the number 1",
        "10:29: error: /reviews/3/reviewer: expected a string, got null",
        "10:46: error: /reviews/3/verdict: expected a string, got true",
        "10:61: error: /reviews/3/quote: expected a string, got the number 2",
        R"(11:5: error: /reviews/4: missing required field "tool")",
        R"(11:5: error: /reviews/4: missing required field "reviewer")",
        R"(11:5: error: /reviews/4: missing required field "verdict")",
        R"(11:5: error: /reviews/4: missing required field "quote")",
    });
}

TEST_CASE("review: quotes are at most 4000 characters", "[review]") {
    CHECK(problems_of(R"({"version": 1, "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "reviewers": [{"id": "ana", "name": "Ana"}],
  "reviews": [{"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": ")" +
                      std::string(4001, 'q') + R"("}]})") ==
          Lines{"4:76: error: /reviews/0/quote: must be 1 to 4000 characters long, got 4001"});
}

TEST_CASE("review: references without reviewers, or with unreadable tools", "[review]") {
    // No "reviewers" means an empty panel: every reviewer reference is unknown.
    CHECK(problems_of(R"({"version": 1, "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "reviews": [{"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": "Q"}]})") ==
          Lines{R"(3:41: error: /reviews/0/reviewer: no reviewer has the id "ana")"});
    // When "tools" itself is wrong, tool references are not checked against it.
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": 5, "reviewers": [],
  "reviews": [{"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": "Q"}]})") ==
          Lines{
              "1:39: error: /tools: expected an array, got the number 5",
              R"(2:41: error: /reviews/0/reviewer: no reviewer has the id "ana")",
          });
}

TEST_CASE("review: valid reviews are read with indices", "[review]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}},
    {"id": "b", "name": "B", "license": {"name": "MIT", "commercial_use": true}}
  ],
  "reviewers": [{"id": "ana", "name": "Ana"}, {"id": "bo", "name": "Bo"}],
  "reviews": [
    {"tool": "b", "reviewer": "ana", "verdict": "skip", "quote": "No \u2014 not yet."},
    {"tool": "a", "reviewer": "ana", "verdict": "ship", "quote": "Yes."},
    {"tool": "b", "reviewer": "bo", "verdict": "ship", "quote": "Sure."}
  ]
})");
    REQUIRE(result.ok());
    const auto& reviews = result.payload->reviews;
    REQUIRE(reviews.size() == 3);
    CHECK(reviews[0].tool == 1);
    CHECK(reviews[0].reviewer == 0);
    CHECK(reviews[0].verdict == versus::Verdict::Skip);
    CHECK(reviews[0].quote == "No \u2014 not yet.");
    CHECK(reviews[1].tool == 0);
    CHECK(reviews[1].verdict == versus::Verdict::Ship);
    CHECK(reviews[2].tool == 1);
    CHECK(reviews[2].reviewer == 1);
}
