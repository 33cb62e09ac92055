// format_problem: "FILE:LINE:COL: error: POINTER: message", leaving out what is unknown.
#include <catch2/catch.hpp>

#include "model/payload.hpp"

using versus::format_problem;
using versus::Problem;
using versus::Severity;

TEST_CASE("format: every part present", "[format]") {
    const Problem p{Severity::Error, "/tools/1/license/commercial_use",
                    R"(expected a boolean, got the string "no")", 12, 27};
    CHECK(format_problem("payload.json", p) ==
          R"(payload.json:12:27: error: /tools/1/license/commercial_use: expected a boolean, got the string "no")");
    CHECK(format_problem("", p) ==
          R"(12:27: error: /tools/1/license/commercial_use: expected a boolean, got the string "no")");
}

TEST_CASE("format: warnings, whole-document problems, unknown positions", "[format]") {
    const Problem warning{Severity::Warning, "/colour", R"(unknown field "colour" is ignored)", 4, 3};
    CHECK(format_problem("a.json", warning) ==
          R"(a.json:4:3: warning: /colour: unknown field "colour" is ignored)");
    const Problem syntax{Severity::Error, "", "syntax error: expected a value after ':', got '}'", 1, 13};
    CHECK(format_problem("a.json", syntax) ==
          "a.json:1:13: error: syntax error: expected a value after ':', got '}'");
    const Problem size{Severity::Error, "", "the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)", 0, 0};
    CHECK(format_problem("a.json", size) ==
          "a.json: error: the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)");
    CHECK(format_problem("", size) ==
          "error: the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)");
    const Problem line_only{Severity::Error, "/title", "m", 3, 0};
    CHECK(format_problem("a.json", line_only) == "a.json:3: error: /title: m");
}

TEST_CASE("format: problems of a load, with counts", "[format]") {
    const auto result = versus::load_payload(R"({"version": 1, "title": "", "x": 1,
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})");
    REQUIRE(result.problems.size() == 2);
    CHECK(result.error_count() == 1);
    CHECK(result.warning_count() == 1);
    CHECK(format_problem("p.json", result.problems[0]) ==
          "p.json:1:25: error: /title: must be 1 to 200 characters long, got 0");
    CHECK(format_problem("p.json", result.problems[1]) ==
          R"(p.json:1:29: warning: /x: unknown field "x" is ignored)");
}
