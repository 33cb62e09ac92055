// The payload object: version, title and the other top-level texts, $schema, the three arrays
// and their counts.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

// A payload with `tools` tools, `reviewers` reviewers and `reviews` reviews, one item per line:
// line 4 opens "tools", line 22 opens "reviewers" (with 16 tools), and so on. Review k is by
// reviewer k % reviewers on tool (k / reviewers) % tools, so pairs repeat only past
// tools x reviewers reviews.
std::string sized_payload(int tools, int reviewers, int reviews) {
    std::string text = "{\n  \"version\": 1,\n  \"title\": \"A\",\n  \"tools\": [\n";
    for (int i = 0; i < tools; ++i) {
        text += "    {\"id\": \"t" + std::to_string(i) +
                R"(", "name": "T", "license": {"name": "MIT", "commercial_use": true}})" +
                (i + 1 < tools ? ",\n" : "\n");
    }
    text += "  ],\n  \"reviewers\": [\n";
    for (int i = 0; i < reviewers; ++i) {
        text += "    {\"id\": \"r" + std::to_string(i) + R"(", "name": "R"})" +
                (i + 1 < reviewers ? ",\n" : "\n");
    }
    text += "  ],\n  \"reviews\": [\n";
    for (int k = 0; k < reviews; ++k) {
        text += "    {\"tool\": \"t" + std::to_string((k / reviewers) % tools) +
                "\", \"reviewer\": \"r" + std::to_string(k % reviewers) +
                R"(", "verdict": "ship", "quote": "Q"})" + (k + 1 < reviews ? ",\n" : "\n");
    }
    return text + "  ]\n}\n";
}

std::string with_version(const std::string& version) {
    return R"({
  "version": )" + version + R"(,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})";
}

}  // namespace

TEST_CASE("top level: the payload is an object", "[top]") {
    CHECK(problems_of("[]") == Lines{"1:1: error: expected an object, got an array"});
    CHECK(problems_of(R"("hi")") == Lines{R"(1:1: error: expected an object, got the string "hi")"});
    CHECK(problems_of("null") == Lines{"1:1: error: expected an object, got null"});
    CHECK(problems_of("42") == Lines{"1:1: error: expected an object, got the number 42"});
    CHECK(problems_of("{}") == Lines{
                                   R"(1:1: error: missing required field "version")",
                                   R"(1:1: error: missing required field "title")",
                                   R"(1:1: error: missing required field "tools")",
                               });
}

TEST_CASE("top level: version must be 1", "[top]") {
    CHECK(load_payload(with_version("1")).ok());
    CHECK(problems_of(with_version("2")) ==
          Lines{"2:14: error: /version: version 2 is not supported; this widget reads version 1"});
    CHECK(problems_of(with_version("0")) ==
          Lines{"2:14: error: /version: version 0 is not supported; this widget reads version 1"});
    CHECK(problems_of(with_version("-1")) ==
          Lines{"2:14: error: /version: version -1 is not supported; this widget reads version 1"});
    CHECK(problems_of(with_version(R"("1")")) ==
          Lines{R"(2:14: error: /version: expected an integer, got the string "1")"});
    CHECK(problems_of(with_version("1.0")).empty());   // 1.0 is the integer 1, as in JSON Schema
    CHECK(problems_of(with_version("2.0")) ==
          Lines{"2:14: error: /version: version 2.0 is not supported; this widget reads version 1"});
    CHECK(problems_of(with_version("1.5")) ==
          Lines{"2:14: error: /version: expected an integer, got the number 1.5"});
    CHECK(problems_of(with_version("null")) ==
          Lines{"2:14: error: /version: expected an integer, got null"});
}

TEST_CASE("top level: title is 1 to 200 characters", "[top]") {
    const auto payload = [](const std::string& title) {
        return R"({
  "version": 1,
  "title": )" + title + R"(,
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})";
    };
    CHECK(problems_of(payload(R"("")")) ==
          Lines{"3:12: error: /title: must be 1 to 200 characters long, got 0"});
    CHECK(problems_of(payload('"' + std::string(201, 'x') + '"')) ==
          Lines{"3:12: error: /title: must be 1 to 200 characters long, got 201"});
    CHECK(problems_of(payload("3")) ==
          Lines{"3:12: error: /title: expected a string, got the number 3"});
    // Characters are code points: 200 of "é" are 400 bytes, and fine.
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "\u00e9";
    const auto result = load_payload(payload('"' + accents + '"'));
    REQUIRE(result.ok());
    CHECK(result.payload->title == accents);
}

TEST_CASE("top level: kicker, question and summary are optional and limited", "[top]") {
    const std::string text = R"({
  "version": 1,
  "title": "A",
  "kicker": ")" + std::string(81, 'k') + R"(",
  "question": ")" + std::string(201, 'q') + R"(",
  "summary": ")" + std::string(1001, 's') + R"(",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})";
    CHECK(problems_of(text) == Lines{
                                   "4:13: error: /kicker: must be at most 80 characters long, got 81",
                                   "5:15: error: /question: must be at most 200 characters long, got 201",
                                   "6:14: error: /summary: must be at most 1000 characters long, got 1001",
                               });
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "kicker": "K",
  "question": "",
  "summary": "S",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})");
    REQUIRE(result.ok());
    CHECK(result.payload->kicker == "K");
    CHECK(result.payload->question.empty());
    CHECK(result.payload->summary == "S");
    CHECK(problems_of(R"({"version": 1, "title": "A", "kicker": false,
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})") ==
          Lines{"1:40: error: /kicker: expected a string, got false"});
}

TEST_CASE("top level: $schema is allowed and must be a string", "[top]") {
    const auto result = load_payload(R"({
  "$schema": "https://versus.example/schema/versus.schema.json",
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})");
    CHECK(result.ok());
    CHECK(result.problems.empty());
    CHECK(problems_of(R"({
  "$schema": 1,
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})") == Lines{"2:14: error: /$schema: expected a string, got the number 1"});
}

TEST_CASE("top level: tools is an array of 1 to 16 tools", "[top]") {
    CHECK(problems_of(R"({"version": 1, "title": "A"})") ==
          Lines{R"(1:1: error: missing required field "tools")"});
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": []})") ==
          Lines{"1:39: error: /tools: must have 1 to 16 tools, got 0"});
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": {}})") ==
          Lines{"1:39: error: /tools: expected an array, got an object"});
    CHECK(load_payload(sized_payload(16, 1, 0)).ok());
    CHECK(problems_of(sized_payload(17, 1, 0)) ==
          Lines{"4:12: error: /tools: must have 1 to 16 tools, got 17"});
}

TEST_CASE("top level: reviewers and reviews are optional arrays with limits", "[top]") {
    const auto full = load_payload(sized_payload(16, 64, 1024));
    REQUIRE(full.ok());
    CHECK(full.problems.empty());
    CHECK(full.payload->reviews.size() == 1024);
    CHECK(full.payload->reviews[1023].tool == 15);
    CHECK(full.payload->reviews[1023].reviewer == 63);

    CHECK(problems_of(sized_payload(16, 65, 0)) ==
          Lines{"22:16: error: /reviewers: must have at most 64 reviewers, got 65"});
    // The 1025th review must repeat a pair: both problems are reported.
    CHECK(problems_of(sized_payload(16, 64, 1025)) ==
          Lines{
              "88:14: error: /reviews: must have at most 1024 reviews, got 1025",
              R"(1113:5: error: /reviews/1024: reviewer "r0" already reviewed tool "t0" at /reviews/0)",
          });
    CHECK(problems_of(R"({"version": 1, "title": "A", "reviewers": {}, "reviews": "none",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})") ==
          Lines{
              "1:43: error: /reviewers: expected an array, got an object",
              R"(1:58: error: /reviews: expected an array, got the string "none")",
          });
    const auto none = load_payload(R"({"version": 1, "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})");
    REQUIRE(none.ok());
    CHECK(none.payload->reviewers.empty());
    CHECK(none.payload->reviews.empty());
    CHECK_FALSE(none.payload->cta.has_value());
}
