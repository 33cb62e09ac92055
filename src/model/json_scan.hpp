// json_scan.hpp — a small, strict, non-recursive JSON scanner that knows where things are.
//
// Why this file exists: nlohmann/json parses well but reports errors as byte offsets with its own
// wording, and keeps no positions. The payload's publishers need "line 3, column 14: expected ','
// or '}' after an object member", and every validation problem needs the line and column of the
// value its JSON Pointer names. This scanner checks the text (syntax, UTF-8, nesting depth,
// number range) with messages written for people while it reads every value (json_read.hpp
// builds the document from its events: nlohmann/json's parser is not used), then — only when
// there are problems to place — scans the known-valid text once more to map JSON Pointers to
// positions.
//
// Positions are 1-based. Columns count Unicode code points (not bytes, not UTF-16 units), so
// "é" or "—" count as one column and a tab counts as one. Lines end at "\n", "\r\n" or a lone
// "\r". A UTF-8 byte order mark at the start is skipped by the caller and not counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace versus::detail {

struct TextPos {
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;   // 1-based, in code points; 0 when unknown
};

inline constexpr int kMaxDepth = 64;   // objects and arrays nested deeper are an error

struct ScanError {
    std::string message;
    TextPos pos;
    bool at_value = false;   // a problem of one value (a number too large), not of the syntax:
                             // it has a JSON Pointer (the value's, from the events so far)
};

// A scalar value as the scanner read it. Numbers take the type nlohmann/json 3.11's parser gave
// them: a whole number written without fraction or exponent is Unsigned when it has no '-' and
// fits 64 bits, Integer when it has a '-' and fits int64 ("-0" is the Integer 0), and Float
// otherwise (2.0, 1e3, 18446744073709551616), converted by decimal_to_double (json_number.hpp).
struct JsonScalar {
    enum class Kind : unsigned char { String, Unsigned, Integer, Float, Boolean, Null };
    Kind kind = Kind::Null;
    std::string_view string;             // String: the unescaped text, valid during the event
    std::uint64_t unsigned_value = 0;    // Unsigned
    std::int64_t integer_value = 0;      // Integer
    double float_value = 0;              // Float: always finite (larger is a ScanError)
    bool boolean = false;                // Boolean
};

// Events of one scan, in document order. Values report where they start; object members report
// their key (unescaped) and where the key's opening quote is, before the member's value.
class JsonEvents {
public:
    virtual ~JsonEvents() = default;
    virtual void begin_object(TextPos) {}
    virtual void key(const std::string& /*unescaped*/, TextPos) {}
    virtual void end_object() {}
    virtual void begin_array(TextPos) {}
    virtual void end_array() {}
    virtual void scalar(const JsonScalar& /*value*/, TextPos) {}
};

// Checks that `text` is UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF). Returns the first problem, placed at the offending byte.
std::optional<ScanError> check_utf8(std::string_view text);

// Scans one JSON text (RFC 8259, strict: no comments, no trailing commas, no NaN) that is known
// to be UTF-8, reporting events to `events`. Returns the first syntax problem, if any; nothing
// deeper than kMaxDepth is ever entered, and nothing here recurses.
std::optional<ScanError> scan_json(std::string_view text, JsonEvents& events);

// A value's place in the text: where the value starts and, for an object member, where its key
// starts (the value's own position otherwise).
struct Located {
    TextPos value;
    TextPos key;
};

// Positions of the given JSON Pointers (RFC 6901) in a text that scan_json accepted. Pointers
// not found are left out. With duplicate keys, the last member wins, as in nlohmann/json.
std::unordered_map<std::string, Located> locate(std::string_view text,
                                                const std::vector<std::string>& pointers);

// "/" + key with "~" and "/" escaped as RFC 6901 says.
void append_pointer_token(std::string& pointer, std::string_view key);

}  // namespace versus::detail
