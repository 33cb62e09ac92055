// The text as a whole: empty, too big, too deep, not UTF-8, numbers out of range, a byte order
// mark, more problems than anyone reads.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::kMaxPayloadBytes;
using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

// A valid payload with an unknown field "padding" holding `padding` bytes of text.
std::string padded_payload(std::size_t padding) {
    return R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "license": )"
           R"({"name": "MIT", "commercial_use": true}}], "padding": ")" +
           std::string(padding, 'x') + "\"}";
}

}  // namespace

TEST_CASE("limits: an empty payload", "[limits]") {
    CHECK(problems_of("") == Lines{"1:1: error: the payload is empty; expected a JSON object"});
    CHECK(problems_of(" \n\t\r\n ") ==
          Lines{"1:1: error: the payload is empty; expected a JSON object"});
}

TEST_CASE("limits: a payload over 1 MiB is not read", "[limits]") {
    const std::string at_limit = padded_payload(kMaxPayloadBytes - padded_payload(0).size());
    REQUIRE(at_limit.size() == kMaxPayloadBytes);
    CHECK(problems_of(at_limit) ==
          Lines{R"(1:119: warning: /padding: unknown field "padding" is ignored)"});

    const std::string over = padded_payload(kMaxPayloadBytes + 1 - padded_payload(0).size());
    const auto result = load_payload(over);
    CHECK_FALSE(result.ok());
    CHECK(problems_of(over) ==
          Lines{"error: the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)"});
    CHECK(problems_of(std::string(kMaxPayloadBytes + 1, '[')) ==
          Lines{"error: the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)"});
}

TEST_CASE("limits: nesting deeper than 64 levels", "[limits]") {
    CHECK(problems_of(std::string(65, '[') + std::string(65, ']')) ==
          Lines{"1:65: error: the payload is nested more than 64 levels deep"});
    CHECK(problems_of(std::string(kMaxPayloadBytes, '[')) ==
          Lines{"1:65: error: the payload is nested more than 64 levels deep"});
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    CHECK(problems_of(objects) ==
          Lines{"1:321: error: the payload is nested more than 64 levels deep"});

    // 64 levels are fine: the payload object and 63 arrays in an unknown field.
    const std::string deep = R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", )"
                             R"("license": {"name": "MIT", "commercial_use": true}}], "deep": )" +
                             std::string(63, '[') + std::string(63, ']') + "}";
    CHECK(problems_of(deep) == Lines{R"(1:119: warning: /deep: unknown field "deep" is ignored)"});
}

TEST_CASE("limits: numbers a double cannot hold", "[limits]") {
    CHECK(problems_of(R"({"version": 1e400})") ==
          Lines{"1:13: error: /version: the number 1e400 is too large"});
    CHECK(problems_of(R"([-1.5e999])") == Lines{"1:2: error: /0: the number -1.5e999 is too large"});
    // The JSON Pointer of the value, as every problem but syntax has (spec, "Errors").
    CHECK(problems_of(R"({"tools": [{"community": {"ship": 1, "skip": 2}}, {"community": {"ship": 1e400}}]})") ==
          Lines{"1:74: error: /tools/1/community/ship: the number 1e400 is too large"});
    CHECK(problems_of(R"({"a~b/c": [0, [1, 2, 3e999]]})") == Lines{"1:22: error: /a~0b~1c/1/2: the number 3e999 is too large"});
    CHECK(problems_of("[1" + std::string(400, '0') + "]") ==
          Lines{"1:2: error: /0: the number 1" + std::string(39, '0') + "\u2026 is too large"});
    // Tiny numbers are rounded to zero, as any JSON reader does.
    CHECK(problems_of(R"([1e-400, 0.000001, 123456789012345678901234567890])") ==
          Lines{"1:1: error: expected an object, got an array"});
}

TEST_CASE("limits: text that is not UTF-8", "[limits]") {
    CHECK(problems_of("{\"title\": \"caf\xE9\"}") ==
          Lines{"1:15: error: invalid UTF-8: malformed sequence starting with byte 0xE9; save the "
                "payload as UTF-8"});
    CHECK(problems_of("[\"\x80\"]") ==
          Lines{"1:3: error: invalid UTF-8: unexpected byte 0x80; save the payload as UTF-8"});
    CHECK(problems_of("[\"\xC0\xAF\"]") ==   // overlong '/'
          Lines{"1:3: error: invalid UTF-8: unexpected byte 0xC0; save the payload as UTF-8"});
    CHECK(problems_of("[\"\xED\xA0\x80\"]") ==   // an encoded surrogate
          Lines{"1:3: error: invalid UTF-8: malformed sequence starting with byte 0xED; save the "
                "payload as UTF-8"});
    CHECK(problems_of("[\n\"\xE2\x80") ==   // cut in the middle of a character
          Lines{"2:2: error: invalid UTF-8: malformed sequence starting with byte 0xE2; save the "
                "payload as UTF-8"});
    CHECK(problems_of("\xFF\xFE{\0}") ==
          Lines{"1:1: error: invalid UTF-8: the text starts with a UTF-16 byte order mark; save "
                "the payload as UTF-8"});
}

TEST_CASE("limits: a UTF-8 byte order mark is accepted and not counted", "[limits]") {
    const auto result = load_payload("\xEF\xBB\xBF" R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]
})");
    CHECK(result.ok());
    CHECK(result.problems.empty());
    CHECK(problems_of("\xEF\xBB\xBF{x}") ==
          Lines{"1:2: error: syntax error: expected a field name in double quotes or '}', got 'x'"});
    CHECK(problems_of("\xEF\xBB\xBF") ==
          Lines{"1:1: error: the payload is empty; expected a JSON object"});
}

TEST_CASE("limits: at most 1000 problems are listed, the rest are counted", "[limits]") {
    std::string text = R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", )"
                       R"("license": {"name": "MIT", "commercial_use": true}}])";
    for (int i = 0; i < 1500; ++i) text += ", \"x" + std::to_string(i) + "\": 0";
    text += "}";
    const auto result = load_payload(text);
    CHECK(result.ok());   // only warnings
    REQUIRE(result.problems.size() == 1001);
    CHECK(result.warning_count() == 1001);
    CHECK(versus::format_problem("", result.problems.back()) ==
          "warning: and 500 more problems not listed");
}

TEST_CASE("limits: a long key above many values or problems stays cheap", "[limits]") {
    const std::string key(400000, 'k');
    std::string arrays = "{\"" + key + "\": [";
    while (arrays.size() + 8 < kMaxPayloadBytes) arrays += "[],";
    arrays += "[]]}";
    const auto many_values = load_payload(arrays);
    REQUIRE(many_values.problems.size() == 4);
    CHECK(many_values.problems[3].pointer == "/" + key);
    CHECK(many_values.problems[3].line == 1);
    CHECK(many_values.problems[3].column == 2);

    // Each duplicate's pointer repeats the long key: pointers are kept up to 1 MiB in all, and
    // the rest are counted.
    std::string duplicates = "{\"" + key + "\": [";
    while (duplicates.size() + 20 < kMaxPayloadBytes) duplicates += "{\"a\":1,\"a\":1},";
    duplicates += "{}]}";
    const auto many_problems = load_payload(duplicates);
    std::size_t pointer_bytes = 0;
    for (const versus::Problem& p : many_problems.problems) pointer_bytes += p.pointer.size();
    CHECK(pointer_bytes <= kMaxPayloadBytes);
    REQUIRE(many_problems.problems.size() == 6);
    CHECK(many_problems.problems[3].pointer == "/" + key + "/0/a");
    CHECK(many_problems.problems[3].message == R"(duplicate field "a", first given at line 1, column 400008)");
    CHECK(versus::format_problem("", many_problems.problems[5]) ==
          "error: and 46324 more problems not listed");
}
