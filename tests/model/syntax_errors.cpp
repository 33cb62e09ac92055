// Text that is not JSON: exactly one error, with a 1-based line and column (columns count code
// points) and what was expected there.
#include <catch2/catch.hpp>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

TEST_CASE("syntax: a not-JSON payload gives one error and no payload", "[syntax]") {
    const auto result = load_payload(R"({
  "version": 1
  "title": "A"
})");
    CHECK_FALSE(result.ok());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].severity == versus::Severity::Error);
    CHECK(result.problems[0].pointer.empty());
    CHECK(result.problems[0].line == 3);
    CHECK(result.problems[0].column == 3);
    CHECK(result.problems[0].message ==
          R"(syntax error: expected ',' or '}' after an object member, got '"')");
}

TEST_CASE("syntax: objects", "[syntax]") {
    CHECK(problems_of(R"({"version": 1,})") ==
          Lines{R"(1:15: error: syntax error: expected a field name in double quotes after ',', got '}')"});
    CHECK(problems_of(R"({version: 1})") ==
          Lines{R"(1:2: error: syntax error: expected a field name in double quotes or '}', got 'version')"});
    CHECK(problems_of(R"({"version" 1})") ==
          Lines{R"(1:12: error: syntax error: expected ':' after the field name, got '1')"});
    CHECK(problems_of(R"({"version": })") ==
          Lines{R"(1:13: error: syntax error: expected a value after ':', got '}')"});
    CHECK(problems_of(R"({"version": 1)") ==
          Lines{R"(1:14: error: syntax error: expected ',' or '}' after an object member, got the end of the text)"});
    CHECK(problems_of(R"({"a": 1 // a comment
})") == Lines{R"(1:9: error: syntax error: expected ',' or '}' after an object member, got '/')"});
}

TEST_CASE("syntax: arrays", "[syntax]") {
    CHECK(problems_of(R"([1,])") ==
          Lines{R"(1:4: error: syntax error: expected a value after ',', got ']')"});
    CHECK(problems_of(R"([1 2])") ==
          Lines{R"(1:4: error: syntax error: expected ',' or ']' after an array element, got '2')"});
    CHECK(problems_of(R"([})") ==
          Lines{R"(1:2: error: syntax error: expected a value or ']', got '}')"});
    CHECK(problems_of("[1,\f2]") ==
          Lines{R"(1:4: error: syntax error: expected a value after ',', got the control character U+000C)"});
}

TEST_CASE("syntax: values that are not JSON values", "[syntax]") {
    CHECK(problems_of(R"({"title": 'A'})") ==
          Lines{R"(1:11: error: syntax error: expected a value after ':', got a single quote (JSON strings take double quotes))"});
    CHECK(problems_of(R"({"a": True})") ==
          Lines{R"(1:7: error: syntax error: expected a value after ':', got 'True')"});
    CHECK(problems_of(R"([NaN])") ==
          Lines{R"(1:2: error: syntax error: expected a value or ']', got 'NaN')"});
    CHECK(problems_of(R"([truex])") ==
          Lines{R"(1:2: error: syntax error: expected a value or ']', got 'truex')"});
    CHECK(problems_of(R"(hello)") ==
          Lines{R"(1:1: error: syntax error: expected a JSON value, got 'hello')"});
    CHECK(problems_of("{\u201Ctitle\u201D: \"A\"}") ==
          Lines{"1:2: error: syntax error: expected a field name in double quotes or '}', got "
                "'\u201C' (U+201C)"});
}

TEST_CASE("syntax: text after the value", "[syntax]") {
    CHECK(problems_of(R"({} x)") ==
          Lines{R"(1:4: error: syntax error: expected the end of the text after the JSON value, got 'x')"});
    CHECK(problems_of(R"({}{})") ==
          Lines{R"(1:3: error: syntax error: expected the end of the text after the JSON value, got '{')"});
}

TEST_CASE("syntax: strings", "[syntax]") {
    CHECK(problems_of(R"({"title": "abc)") ==
          Lines{R"(1:11: error: syntax error: this string is not closed before the end of the text)"});
    CHECK(problems_of(R"({"title": "a
b"})") ==
          Lines{R"(1:13: error: syntax error: control character U+000A must be escaped in a string (write \n))"});
    CHECK(problems_of("[\"a\tb\"]") ==
          Lines{R"(1:4: error: syntax error: control character U+0009 must be escaped in a string (write \t))"});
    CHECK(problems_of("[\"a\x01\"]") ==
          Lines{R"(1:4: error: syntax error: control character U+0001 must be escaped in a string (write \u0001))"});
    CHECK(problems_of(R"({"title": "a\x"})") ==
          Lines{R"(1:13: error: syntax error: invalid escape '\x' in a string; use \" \\ \/ \b \f \n \r \t or \u followed by 4 hexadecimal digits)"});
    CHECK(problems_of(R"(["\u12G4"])") ==
          Lines{R"(1:3: error: syntax error: expected 4 hexadecimal digits after '\u')"});
    CHECK(problems_of(R"(["\uD83D"])") ==
          Lines{R"(1:3: error: syntax error: the escape \uD83D must be followed by a low surrogate \uDC00 to \uDFFF)"});
    CHECK(problems_of(R"(["\uD83D\u0041"])") ==
          Lines{R"(1:3: error: syntax error: the escape \uD83D must be followed by a low surrogate \uDC00 to \uDFFF)"});
    CHECK(problems_of(R"(["\uDE00"])") ==
          Lines{R"(1:3: error: syntax error: the escape \uDE00 is a low surrogate without a high surrogate before it)"});
}

TEST_CASE("syntax: escapes are decoded", "[syntax]") {
    const auto result = load_payload(R"({
  "version": 1,
  "title": "\uD83D\uDE00 \u00e9\t\"\\\/ A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})");
    REQUIRE(result.ok());
    CHECK(result.payload->title == "\U0001F600 \u00e9\t\"\\/ A");
}

TEST_CASE("syntax: numbers", "[syntax]") {
    CHECK(problems_of(R"([01])") ==
          Lines{R"(1:2: error: syntax error: leading zeros are not allowed in a number)"});
    CHECK(problems_of(R"([-x])") ==
          Lines{R"(1:3: error: syntax error: expected a digit after '-', got 'x')"});
    CHECK(problems_of(R"([1.])") ==
          Lines{R"(1:4: error: syntax error: expected a digit after '.', got ']')"});
    CHECK(problems_of(R"([1e])") ==
          Lines{R"(1:4: error: syntax error: expected a digit in the exponent, got ']')"});
    CHECK(problems_of(R"([+1])") ==
          Lines{R"(1:2: error: syntax error: expected a value or ']', got '+')"});
    CHECK(problems_of(R"([.5])") ==
          Lines{R"(1:2: error: syntax error: expected a value or ']', got '.')"});
}

TEST_CASE("syntax: lines end at \\n, \\r\\n or \\r; columns count code points", "[syntax]") {
    CHECK(problems_of("{\r\n  \"a\": 1\r\n  x}") ==
          Lines{R"(3:3: error: syntax error: expected ',' or '}' after an object member, got 'x')"});
    CHECK(problems_of("[1,\r2,\rx]") ==
          Lines{R"(3:1: error: syntax error: expected a value after ',', got 'x')"});
    CHECK(problems_of("[\"\u00e9\u2014\U0001F600\", x]") ==
          Lines{R"(1:9: error: syntax error: expected a value after ',', got 'x')"});
}
