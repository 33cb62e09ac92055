// Duplicate keys in one object are an error, wherever they are: JSON readers disagree on which
// one counts (nlohmann/json and browsers keep the last, others the first), so such a payload
// does not mean one thing. The error points at the repeated key and names the first one.
#include <catch2/catch.hpp>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems;
using versus::test::problems_of;

TEST_CASE("duplicate keys: each repetition is an error", "[duplicates]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "A",
  "title": "B",
  "tools": [
    {"id": "a", "name": "A", "name": "B", "license": {"name": "MIT", "commercial_use": true}}
  ],
  "extra": {"k": 1, "k": 2, "k": 3}
})");
    CHECK_FALSE(result.ok());
    CHECK(problems(result) == Lines{
        R"(4:3: error: /title: duplicate field "title", first given at line 3, column 3)",
        R"(6:30: error: /tools/0/name: duplicate field "name", first given at line 6, column 17)",
        R"(8:3: warning: /extra: unknown field "extra" is ignored)",
        R"(8:21: error: /extra/k: duplicate field "k", first given at line 8, column 13)",
        R"(8:29: error: /extra/k: duplicate field "k", first given at line 8, column 13)",
    });
}

TEST_CASE("duplicate keys: keys are compared unescaped", "[duplicates]") {
    CHECK(problems_of(R"({"x/y": 1, "x\/y": 2, "\u0041": 3, "A": 4})") == Lines{
        R"(1:1: error: missing required field "version")",
        R"(1:1: error: missing required field "title")",
        R"(1:1: error: missing required field "tools")",
        R"(1:12: error: /x~1y: duplicate field "x/y", first given at line 1, column 2)",
        R"(1:12: warning: /x~1y: unknown field "x/y" is ignored)",
        R"(1:36: error: /A: duplicate field "A", first given at line 1, column 23)",
        R"(1:36: warning: /A: unknown field "A" is ignored)",
    });
}
