// The one JSON reader (model/json_read.hpp): the scanner builds the document the validator reads.
// Every JSON kind gets its value and its nlohmann/json type; numbers at the edges take the type
// nlohmann/json 3.11's parser gives them; escapes and surrogate pairs are unescaped; the last of
// duplicate keys wins; nesting is read up to the limit and refused past it. nlohmann's own parser
// is the oracle here (native tests only: the web core no longer links it).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "model/json_number.hpp"
#include "model/json_read.hpp"
#include "support.hpp"

using nlohmann::json;
using versus::detail::kMaxDepth;
using versus::detail::placed;
using versus::detail::read_json;
using versus::detail::ScanError;

namespace {

json read(std::string_view text) {
    json document;
    const auto error = read_json(text, document);
    INFO(text);
    REQUIRE_FALSE(error);
    return document;
}

std::string error_of(std::string_view text) {
    json document = 1;
    const auto error = read_json(text, document);
    CHECK(document.is_null());   // nothing half-read is left
    return error ? placed(*error) : std::string("(read)");
}

// The same value with the same type at every place (json's == calls 1u and 1 equal).
bool same(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
            if (ia.key() != ib.key() || !same(*ia, *ib)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (!same(a[k], b[k])) return false;
        }
        return true;
    }
    if (a.is_number_float()) {   // bit for bit: -0.0 is not 0.0 here
        const double x = a.get<double>(), y = b.get<double>();
        return std::signbit(x) == std::signbit(y) && x == y;
    }
    return a == b;
}

// Reads `text` and checks it against nlohmann/json's parse of the same text.
void check_as_nlohmann(const std::string& text) {
    INFO(text.substr(0, 200));
    json mine;
    const auto error = read_json(text, mine);
    const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(theirs.is_discarded());
    REQUIRE_FALSE(error);
    CHECK(same(mine, theirs));
    CHECK(mine.dump() == theirs.dump());
}

}  // namespace

TEST_CASE("json reader: every kind of value, with nlohmann/json's types", "[json_read]") {
    const json doc = read(R"({"s": "text", "u": 42, "i": -7, "f": 2.5, "t": true, "n": false,
                              "z": null, "a": [1, "two", [], {}], "o": {"k": {"deep": [null]}}})");
    REQUIRE(doc.is_object());
    CHECK(doc.size() == 9);
    CHECK(doc["s"].is_string());
    CHECK(doc["s"] == "text");
    CHECK(doc["u"].is_number_unsigned());
    CHECK(doc["u"].get<std::uint64_t>() == 42);
    CHECK(doc["i"].type() == json::value_t::number_integer);
    CHECK(doc["i"].get<std::int64_t>() == -7);
    CHECK(doc["f"].is_number_float());
    CHECK(doc["f"].get<double>() == 2.5);
    CHECK(doc["t"].is_boolean());
    CHECK(doc["t"].get<bool>());
    CHECK(doc["n"].is_boolean());
    CHECK_FALSE(doc["n"].get<bool>());
    CHECK(doc["z"].is_null());
    REQUIRE(doc["a"].is_array());
    CHECK(doc["a"].dump() == R"([1,"two",[],{}])");
    CHECK(doc["o"]["k"]["deep"].dump() == "[null]");
    // Any value may be the whole text.
    CHECK(read("  \"only\"\n").get<std::string>() == "only");
    CHECK(read("17").is_number_unsigned());
    CHECK(read("null").is_null());
    CHECK(read("[]").dump() == "[]");
    CHECK(read("{}").dump() == "{}");
}

TEST_CASE("json reader: numbers at the edges take nlohmann/json 3.11's types", "[json_read]") {
    // "-0" is a whole number: the integer 0, as nlohmann/json's parser reads it.
    CHECK(read("-0").type() == json::value_t::number_integer);
    CHECK(read("-0").dump() == "0");
    CHECK(read("0").is_number_unsigned());
    // A fraction or an exponent makes a float, even when the value is whole.
    CHECK(read("1.0").is_number_float());
    CHECK(read("1.0").dump() == "1.0");
    CHECK(read("-0.0").dump() == "-0.0");
    CHECK(read("1e3").is_number_float());
    CHECK(read("1E+3").dump() == "1000.0");
    CHECK(read("1.5").dump() == "1.5");
    CHECK(read("1e+300").dump() == "1e+300");
    // The ends of the 64-bit integers, and one past them (a float then).
    CHECK(read("18446744073709551615").is_number_unsigned());
    CHECK(read("18446744073709551615").get<std::uint64_t>() == std::numeric_limits<std::uint64_t>::max());
    CHECK(read("18446744073709551616").is_number_float());
    CHECK(read("18446744073709551616").get<double>() == 18446744073709551616.0);
    CHECK(read("-9223372036854775808").type() == json::value_t::number_integer);
    CHECK(read("-9223372036854775808").get<std::int64_t>() == std::numeric_limits<std::int64_t>::min());
    CHECK(read("-9223372036854775809").is_number_float());
    CHECK(read("9223372036854775808").is_number_unsigned());   // past int64, still unsigned
    // Too small for a double is 0 (or a subnormal), not an error; too large is the scanner's error.
    CHECK(read("1e-400").get<double>() == 0.0);
    CHECK(read("4.9e-324").get<double>() > 0.0);
    CHECK(error_of("1e400") == "line 1, column 1: the number 1e400 is too large");
    CHECK(error_of("[-1e400]") == "line 1, column 2: the number -1e400 is too large");
    CHECK(error_of("[" + std::string(400, '9') + "]") ==
          "line 1, column 2: the number " + std::string(40, '9') + "\u2026 is too large");
    // The nearest double, as strtod gives it.
    CHECK(read("0.1").get<double>() == 0.1);
    CHECK(read("2.2250738585072014e-308").get<double>() == std::numeric_limits<double>::min());
    CHECK(read("1.7976931348623157e308").get<double>() == std::numeric_limits<double>::max());
    CHECK(versus::detail::decimal_to_double("-12.5e-1") == -1.25);
    CHECK(std::isinf(versus::detail::decimal_to_double("1e400")));
    for (const char* text : {"-0", "0", "1.0", "-0.0", "1e3", "1E+3", "1e-400", "123456789012345678",
                             "1234567890123456789", "18446744073709551615", "18446744073709551616",
                             "-9223372036854775807", "-9223372036854775808", "-9223372036854775809",
                             "99999999999999999999999", "0.30000000000000004", "5e-324", "1.5e308",
                             "[1, -1, 1.25, 100000000000000000000000000000000000000000]"}) {
        check_as_nlohmann(text);
    }
}

TEST_CASE("json reader: escapes and surrogate pairs are unescaped", "[json_read]") {
    CHECK(read(R"("a\"b\\c\/d\be\ff\ng\rh\ti")").get<std::string>() == "a\"b\\c/d\be\ff\ng\rh\ti");
    CHECK(read(R"("\u00e9\u00C9\u2014")").get<std::string>() == "\u00e9\u00c9\u2014");
    CHECK(read(R"("\ud83d\ude00")").get<std::string>() == "\U0001F600");
    CHECK(read(R"("\uD834\uDD1E")").get<std::string>() == "\U0001D11E");
    CHECK(read(R"("\u0000")").get<std::string>() == std::string(1, '\0'));
    CHECK(read("\"raw UTF-8: \xC3\xA9 \xF0\x9F\x98\x80\"").get<std::string>() == "raw UTF-8: \u00e9 \U0001F600");
    // Keys are unescaped the same way.
    CHECK(read(R"({"\u0041\n": 1})").begin().key() == "A\n");
    CHECK(error_of(R"("\ud83d")") ==
          R"(line 1, column 2: syntax error: the escape \ud83d must be followed by a low surrogate \uDC00 to \uDFFF)");
    CHECK(error_of(R"("\ude00")") ==
          R"(line 1, column 2: syntax error: the escape \ude00 is a low surrogate without a high surrogate before it)");
    CHECK(error_of("\"\xE9\"") == "line 1, column 2: invalid UTF-8: malformed sequence starting with byte 0xE9; save the payload as UTF-8");
    for (const char* text : {R"(["\u00e9", "\ud83d\ude00", "\"\\\/\b\f\n\r\t", "\u0000x"])",
                             "{\"\xC3\xA9\": \"\xE2\x80\x94\"}"}) {
        check_as_nlohmann(text);
    }
}

TEST_CASE("json reader: with duplicate keys the last member wins", "[json_read]") {
    const json doc = read(R"({"a": 1, "b": {"x": true}, "a": [2], "b": "last"})");
    CHECK(doc.dump() == R"({"a":[2],"b":"last"})");
    check_as_nlohmann(R"({"a": 1, "b": {"x": true}, "a": [2], "b": "last"})");
    check_as_nlohmann(R"([{"k": {"k": 1, "k": 2}, "k": {"k": 3}}])");
}

TEST_CASE("json reader: nesting up to the limit is read, past it refused, without recursion", "[json_read]") {
    const auto nested = [](int depth, const char* open, const char* close, const std::string& inner) {
        std::string text;
        for (int k = 0; k < depth; ++k) text += open;
        text += inner;
        for (int k = 0; k < depth; ++k) text += close;
        return text;
    };
    const json arrays = read(nested(kMaxDepth, "[", "]", "7"));
    const json* at = &arrays;
    int depth = 0;
    while (at->is_array()) {
        REQUIRE(at->size() == 1);
        at = &(*at)[0];
        ++depth;
    }
    CHECK(depth == kMaxDepth);
    CHECK(*at == 7);
    check_as_nlohmann(nested(kMaxDepth, "[", "]", "7"));
    check_as_nlohmann(nested(kMaxDepth - 1, "{\"k\": ", "}", "{}"));
    CHECK(error_of(nested(kMaxDepth + 1, "[", "]", "")) ==
          "line 1, column 65: the payload is nested more than 64 levels deep");
    // A million levels: one error, found at the limit (no stack is spent on the rest).
    CHECK(error_of(std::string(1000000, '[')) == "line 1, column 65: the payload is nested more than 64 levels deep");
}

TEST_CASE("json reader: a syntax error leaves no document and says where", "[json_read]") {
    CHECK(error_of("") == "line 1, column 1: the payload is empty; expected a JSON object");
    CHECK(error_of("<html>502 Bad Gateway</html>") ==
          "line 1, column 1: syntax error: expected a JSON value, got '<'");
    CHECK(error_of("{\"a\": [1, 2,\n  ]}") == "line 2, column 3: syntax error: expected a value after ',', got ']'");
    CHECK(error_of("[1] x") ==
          "line 1, column 5: syntax error: expected the end of the text after the JSON value, got 'x'");
    // A byte order mark is the caller's to skip.
    CHECK(versus::detail::without_bom("\xEF\xBB\xBF{}") == "{}");
    CHECK(versus::detail::without_bom("{}") == "{}");
    CHECK(error_of("\xEF\xBB\xBF{}") == "line 1, column 1: syntax error: expected a JSON value, got '\xEF\xBB\xBF' (U+FEFF)");
}

TEST_CASE("json reader: every payload of the corpus reads as nlohmann/json parses it", "[json_read]") {
    int files = 0;
    for (const char* dir : {"/tests/payloads/valid", "/tests/payloads/invalid", "/assets/payloads"}) {
        for (const auto& entry : std::filesystem::directory_iterator(std::string(VERSUS_SOURCE_DIR) + dir)) {
            if (entry.path().extension() != ".json") continue;
            const std::string text = versus::test::read_file(entry.path().string());
            INFO(entry.path().string());
            json mine;
            const auto error = read_json(versus::detail::without_bom(text), mine);
            const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
            // Both refuse the same texts, but for nesting: the scanner refuses what is deeper
            // than kMaxDepth, which nlohmann reads.
            if (error && !theirs.is_discarded()) {
                CHECK(error->message == "the payload is nested more than 64 levels deep");
                continue;
            }
            CHECK(error.has_value() == theirs.is_discarded());
            if (!error && !theirs.is_discarded()) {
                CHECK(same(mine, theirs));
                ++files;
            }
        }
    }
    CHECK(files > 100);
}

TEST_CASE("json reader: generated numbers and strings read as nlohmann/json parses them", "[json_read]") {
    // Deterministic pseudo-random tokens: signs, leading digits, lengths around the 64-bit
    // limits, fractions, exponents near the double's range; strings with every escape.
    std::uint64_t state = 0x9E3779B97F4A7C15u;
    const auto next = [&state](std::uint64_t n) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state % n;
    };
    std::string numbers = "[";
    for (int k = 0; k < 3000; ++k) {
        std::string token;
        if (next(2)) token += '-';
        const std::uint64_t digits = 1 + next(24);
        token += next(8) ? static_cast<char>('1' + next(9)) : '0';
        if (token.back() != '0') {
            for (std::uint64_t d = 1; d < digits; ++d) token += static_cast<char>('0' + next(10));
        }
        if (next(3) == 0) {
            token += '.';
            for (std::uint64_t d = 0, n = 1 + next(20); d < n; ++d) token += static_cast<char>('0' + next(10));
        }
        if (next(3) == 0) {
            token += next(2) ? 'e' : 'E';
            if (next(2)) token += next(2) ? '-' : '+';
            token += std::to_string(next(330));
        }
        json mine;
        if (read_json(token, mine)) continue;   // too large: checked above
        numbers += (numbers.size() > 1 ? ", " : "") + token;
    }
    numbers += "]";
    check_as_nlohmann(numbers);

    const char* const pieces[] = {"a", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000",
                                  "\\u001f", "\\u00E9", "\\u20ac", "\\uFFFF", "\\ud83d\\ude00", "\\uDBFF\\uDFFF",
                                  "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", " "};
    std::string strings = "{";
    for (int k = 0; k < 500; ++k) {
        std::string text;
        for (std::uint64_t p = 0, n = next(12); p < n; ++p) text += pieces[next(std::size(pieces))];
        strings += (k ? ", \"" : "\"") + text + std::to_string(k) + "\": \"" + text + "\"";
    }
    strings += "}";
    check_as_nlohmann(strings);
}
