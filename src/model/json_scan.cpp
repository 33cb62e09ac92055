// json_scan.cpp — see json_scan.hpp. Index:
//   [SECTION] Positions and descriptions
//   [SECTION] UTF-8
//   [SECTION] Scanner
//   [SECTION] Locating JSON Pointers
#include "model/json_scan.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <unordered_set>

#include "model/json_number.hpp"

namespace versus::detail {

// [SECTION] Positions and descriptions --------------------------------------------------------

namespace {

// Moves a position over byte `c` (`next` is the byte after it, or 0). Columns count code points:
// UTF-8 continuation bytes do not move the column. "\r\n" is one line break, and so is a lone
// "\r".
void step(TextPos& pos, unsigned char c, unsigned char next) {
    if (c == '\n') {
        ++pos.line;
        pos.column = 1;
    } else if (c == '\r') {
        if (next != '\n') {
            ++pos.line;
            pos.column = 1;
        }
    } else if ((c & 0xC0) != 0x80) {
        ++pos.column;
    }
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

std::string code_point_name(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// Length of the (valid) UTF-8 sequence that starts with `c`.
std::size_t sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

std::uint32_t decode(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    switch (sequence_length(b(0))) {
    case 1: return b(0);
    case 2: return (b(0) & 0x1Fu) << 6 | (b(1) & 0x3Fu);
    case 3: return (b(0) & 0x0Fu) << 12 | (b(1) & 0x3Fu) << 6 | (b(2) & 0x3Fu);
    default: return (b(0) & 0x07u) << 18 | (b(1) & 0x3Fu) << 12 | (b(2) & 0x3Fu) << 6 | (b(3) & 0x3Fu);
    }
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

// A piece of source text for a message, cut to `max` bytes (at a character boundary) with "…".
std::string excerpt(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "\u2026";
}

}  // namespace

void append_pointer_token(std::string& pointer, std::string_view key) {
    pointer += '/';
    for (char c : key) {
        if (c == '~') {
            pointer += "~0";
        } else if (c == '/') {
            pointer += "~1";
        } else {
            pointer += c;
        }
    }
}

// [SECTION] UTF-8 -----------------------------------------------------------------------------

std::optional<ScanError> check_utf8(std::string_view s) {
    const auto at = [&](std::size_t k) -> unsigned char {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0;
    };
    if ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF)) {
        return ScanError{"invalid UTF-8: the text starts with a UTF-16 byte order mark; save the "
                         "payload as UTF-8",
                         {1, 1}};
    }
    TextPos pos{1, 1};
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = at(i);
        if (c < 0x80) {
            step(pos, c, at(i + 1));
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t lo = 0x80, hi = 0xBF;   // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;   // no overlong forms
            if (c == 0xED) hi = 0x9F;   // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;   // no overlong forms
            if (c == 0xF4) hi = 0x8F;   // nothing past U+10FFFF
        } else {
            return ScanError{"invalid UTF-8: unexpected byte " + hex_byte(c) +
                                 "; save the payload as UTF-8",
                             pos};
        }
        bool ok = i + len <= s.size() && at(i + 1) >= lo && at(i + 1) <= hi;
        for (std::size_t k = 2; ok && k < len; ++k) ok = (at(i + k) & 0xC0) == 0x80;
        if (!ok) {
            return ScanError{"invalid UTF-8: malformed sequence starting with byte " + hex_byte(c) +
                                 "; save the payload as UTF-8",
                             pos};
        }
        step(pos, c, 0);
        i += len;
    }
    return std::nullopt;
}

// [SECTION] Scanner ---------------------------------------------------------------------------

namespace {

class Scanner {
public:
    Scanner(std::string_view text, JsonEvents& events) : s_(text), events_(events) {}

    std::optional<ScanError> run() {
        enum class State { Value, AfterValue, Key };
        enum class ValueContext { Root, Member, FirstElement, NextElement };
        static const char* const kExpectedValue[] = {
            "syntax error: expected a JSON value, got ",
            "syntax error: expected a value after ':', got ",
            "syntax error: expected a value or ']', got ",
            "syntax error: expected a value after ',', got ",
        };
        skip_whitespace();
        if (at_end()) return ScanError{"the payload is empty; expected a JSON object", {1, 1}};

        State state = State::Value;
        ValueContext context = ValueContext::Root;
        bool first_key = true;
        for (;;) {
            switch (state) {
            case State::Value: {   // whitespace is skipped already
                const TextPos start = pos_;
                const unsigned char c = at_end() ? 0 : cur();
                if (!at_end() && (c == '{' || c == '[')) {
                    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
                        return ScanError{"the payload is nested more than " +
                                             std::to_string(kMaxDepth) + " levels deep",
                                         start};
                    }
                    advance();
                    skip_whitespace();
                    const bool object = c == '{';
                    stack_.push_back(object);
                    if (object) {
                        events_.begin_object(start);
                    } else {
                        events_.begin_array(start);
                    }
                    if (!at_end() && cur() == (object ? '}' : ']')) {
                        advance();
                        close();
                        state = State::AfterValue;
                    } else if (object) {
                        state = State::Key;
                        first_key = true;
                    } else {
                        context = ValueContext::FirstElement;
                    }
                } else if (!at_end() && c == '"') {
                    value_.clear();
                    if (auto error = string(&value_)) return error;
                    JsonScalar scalar;
                    scalar.kind = JsonScalar::Kind::String;
                    scalar.string = value_;
                    events_.scalar(scalar, start);
                    state = State::AfterValue;
                } else if (!at_end() && (c == '-' || is_digit(c))) {
                    JsonScalar scalar;
                    if (auto error = number(scalar)) return error;
                    events_.scalar(scalar, start);
                    state = State::AfterValue;
                } else if (JsonScalar scalar; !at_end() && literal(scalar)) {
                    events_.scalar(scalar, start);
                    state = State::AfterValue;
                } else {
                    return fail(kExpectedValue[static_cast<int>(context)] + got());
                }
                break;
            }
            case State::AfterValue:
                skip_whitespace();
                if (stack_.empty()) {
                    if (at_end()) return std::nullopt;
                    return fail("syntax error: expected the end of the text after the JSON value, "
                                "got " + got());
                }
                if (stack_.back()) {
                    if (!at_end() && cur() == ',') {
                        advance();
                        skip_whitespace();
                        state = State::Key;
                        first_key = false;
                    } else if (!at_end() && cur() == '}') {
                        advance();
                        close();
                    } else {
                        return fail("syntax error: expected ',' or '}' after an object member, "
                                    "got " + got());
                    }
                } else {
                    if (!at_end() && cur() == ',') {
                        advance();
                        skip_whitespace();
                        state = State::Value;
                        context = ValueContext::NextElement;
                    } else if (!at_end() && cur() == ']') {
                        advance();
                        close();
                    } else {
                        return fail("syntax error: expected ',' or ']' after an array element, "
                                    "got " + got());
                    }
                }
                break;
            case State::Key: {   // whitespace is skipped already
                if (at_end() || cur() != '"') {
                    return fail(std::string(first_key ? "syntax error: expected a field name in "
                                                        "double quotes or '}', got "
                                                      : "syntax error: expected a field name in "
                                                        "double quotes after ',', got ") +
                                got());
                }
                const TextPos start = pos_;
                key_.clear();
                if (auto error = string(&key_)) return error;
                events_.key(key_, start);
                skip_whitespace();
                if (at_end() || cur() != ':') {
                    return fail("syntax error: expected ':' after the field name, got " + got());
                }
                advance();
                skip_whitespace();
                state = State::Value;
                context = ValueContext::Member;
                break;
            }
            }
        }
    }

private:
    bool at_end() const { return i_ >= s_.size(); }
    unsigned char cur() const { return static_cast<unsigned char>(s_[i_]); }
    unsigned char byte(std::size_t k) const {
        return k < s_.size() ? static_cast<unsigned char>(s_[k]) : 0;
    }
    void advance() {
        step(pos_, cur(), byte(i_ + 1));
        ++i_;
    }
    void skip_whitespace() {
        while (!at_end() && (cur() == ' ' || cur() == '\t' || cur() == '\n' || cur() == '\r')) {
            advance();
        }
    }
    ScanError fail(std::string message) const { return ScanError{std::move(message), pos_}; }

    void close() {
        const bool object = stack_.back();
        stack_.pop_back();
        if (object) {
            events_.end_object();
        } else {
            events_.end_array();
        }
    }

    // What a reader sees at the current position, for "expected X, got Y".
    std::string got() const {
        if (at_end()) return "the end of the text";
        const unsigned char c = cur();
        if (c == '\'') return "a single quote (JSON strings take double quotes)";
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            std::size_t end = i_;
            while (end < s_.size() && is_word(byte(end))) ++end;
            return "'" + excerpt(s_.substr(i_, end - i_), 24) + "'";
        }
        if (c >= 0x21 && c <= 0x7E) return std::string("'") + static_cast<char>(c) + "'";
        if (c < 0x80) return "the control character " + code_point_name(c);
        const std::uint32_t cp = decode(s_, i_);
        return "'" + std::string(s_.substr(i_, sequence_length(c))) + "' (" +
               code_point_name(cp) + ")";
    }

    // true, false or null. Leaves the position alone when the word is something else.
    bool literal(JsonScalar& out) {
        std::size_t end = i_;
        while (end < s_.size() && is_word(byte(end))) ++end;
        const std::string_view word = s_.substr(i_, end - i_);
        if (word == "null") {
            out.kind = JsonScalar::Kind::Null;
        } else if (word == "true" || word == "false") {
            out.kind = JsonScalar::Kind::Boolean;
            out.boolean = word == "true";
        } else {
            return false;
        }
        while (i_ < end) advance();
        return true;
    }

    bool hex4(std::uint32_t& out) {
        out = 0;
        for (int k = 0; k < 4; ++k) {
            if (at_end()) return false;
            const unsigned char c = cur();
            std::uint32_t digit;
            if (is_digit(c)) {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                return false;
            }
            out = out << 4 | digit;
            advance();
        }
        return true;
    }

    // A string starting at the current '"'. Appends the unescaped text to `out` when given.
    std::optional<ScanError> string(std::string* out) {
        const TextPos start = pos_;
        advance();
        for (;;) {
            if (at_end()) {
                return ScanError{"syntax error: this string is not closed before the end of the "
                                 "text",
                                 start};
            }
            const unsigned char c = cur();
            if (c == '"') {
                advance();
                return std::nullopt;
            }
            if (c < 0x20) {
                static const char* const kNamed[] = {"\\b", "\\t", "\\n", nullptr, "\\f", "\\r"};
                const char* named = c >= 0x08 && c <= 0x0D ? kNamed[c - 0x08] : nullptr;
                char fallback[8];
                std::snprintf(fallback, sizeof fallback, "\\u%04X", static_cast<unsigned>(c));
                return fail("syntax error: control character " + code_point_name(c) +
                            " must be escaped in a string (write " + (named ? named : fallback) +
                            ")");
            }
            if (c != '\\') {
                if (out) out->push_back(static_cast<char>(c));
                advance();
                continue;
            }
            const TextPos escape = pos_;
            const std::size_t escape_at = i_;
            advance();
            if (at_end()) {
                return ScanError{"syntax error: this string is not closed before the end of the "
                                 "text",
                                 start};
            }
            const unsigned char e = cur();
            char simple = 0;
            switch (e) {
            case '"': simple = '"'; break;
            case '\\': simple = '\\'; break;
            case '/': simple = '/'; break;
            case 'b': simple = '\b'; break;
            case 'f': simple = '\f'; break;
            case 'n': simple = '\n'; break;
            case 'r': simple = '\r'; break;
            case 't': simple = '\t'; break;
            default: break;
            }
            if (simple) {
                if (out) out->push_back(simple);
                advance();
                continue;
            }
            if (e != 'u') {
                const std::string shown = e < 0x20 ? code_point_name(e)
                                                   : std::string(s_.substr(i_, sequence_length(e)));
                return ScanError{"syntax error: invalid escape '\\" + shown +
                                     "' in a string; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or "
                                     "\\u followed by 4 hexadecimal digits",
                                 escape};
            }
            advance();
            std::uint32_t cp = 0;
            if (!hex4(cp)) {
                return ScanError{"syntax error: expected 4 hexadecimal digits after '\\u'", escape};
            }
            const std::string written(s_.substr(escape_at, 6));
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return ScanError{"syntax error: the escape " + written +
                                     " is a low surrogate without a high surrogate before it",
                                 escape};
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                std::uint32_t low = 0;
                const bool paired = byte(i_) == '\\' && byte(i_ + 1) == 'u' &&
                                    (advance(), advance(), hex4(low)) && low >= 0xDC00 &&
                                    low <= 0xDFFF;
                if (!paired) {
                    return ScanError{"syntax error: the escape " + written +
                                         " must be followed by a low surrogate \\uDC00 to \\uDFFF",
                                     escape};
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            if (out) append_utf8(*out, cp);
        }
    }

    // A number per RFC 8259, read into `out` (JsonScalar says which type it takes). Like
    // nlohmann/json, a number that does not fit a double is an error.
    std::optional<ScanError> number(JsonScalar& out) {
        const std::size_t begin = i_;
        const TextPos start = pos_;
        bool integer = true;
        if (cur() == '-') {
            advance();
            if (at_end() || !is_digit(cur())) {
                return fail("syntax error: expected a digit after '-', got " + got());
            }
        }
        if (cur() == '0') {
            advance();
            if (!at_end() && is_digit(cur())) {
                return ScanError{"syntax error: leading zeros are not allowed in a number", start};
            }
        } else {
            while (!at_end() && is_digit(cur())) advance();
        }
        if (!at_end() && cur() == '.') {
            integer = false;
            advance();
            if (at_end() || !is_digit(cur())) {
                return fail("syntax error: expected a digit after '.', got " + got());
            }
            while (!at_end() && is_digit(cur())) advance();
        }
        if (!at_end() && (cur() == 'e' || cur() == 'E')) {
            integer = false;
            advance();
            if (!at_end() && (cur() == '+' || cur() == '-')) advance();
            if (at_end() || !is_digit(cur())) {
                return fail("syntax error: expected a digit in the exponent, got " + got());
            }
            while (!at_end() && is_digit(cur())) advance();
        }
        const std::string_view token = s_.substr(begin, i_ - begin);
        if (integer && whole(token, out)) return std::nullopt;
        const double value = decimal_to_double(token);
        if (!std::isfinite(value)) {
            return ScanError{"the number " + excerpt(token, 40) + " is too large", start, true};
        }
        out.kind = JsonScalar::Kind::Float;
        out.float_value = value;
        return std::nullopt;
    }

    // A whole number's token ("-"? digits) as nlohmann/json 3.11 types it: Unsigned without '-'
    // when it fits 64 bits, Integer with '-' when it fits int64. False when it does not fit (it
    // is then a Float, as there).
    static bool whole(std::string_view token, JsonScalar& out) {
        const bool negative = token.front() == '-';
        if (negative) token.remove_prefix(1);
        std::uint64_t magnitude = 0;
        for (const char c : token) {
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (magnitude > (UINT64_MAX - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }
        if (!negative) {
            out.kind = JsonScalar::Kind::Unsigned;
            out.unsigned_value = magnitude;
            return true;
        }
        constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;   // of INT64_MIN
        if (magnitude > kMinMagnitude) return false;
        out.kind = JsonScalar::Kind::Integer;
        out.integer_value = magnitude == kMinMagnitude ? INT64_MIN
                                                       : -static_cast<std::int64_t>(magnitude);
        return true;
    }

    std::string_view s_;
    JsonEvents& events_;
    std::size_t i_ = 0;
    TextPos pos_{1, 1};
    std::vector<char> stack_;   // open containers, true for an object
    std::string key_;           // the member key being read, reused
    std::string value_;         // the string value being read, reused
};

}  // namespace

std::optional<ScanError> scan_json(std::string_view text, JsonEvents& events) {
    return Scanner(text, events).run();
}

// [SECTION] Locating JSON Pointers ------------------------------------------------------------

namespace {

// Follows the scan with the pointer of each value, but builds pointers only for the members of
// containers that lead to a wanted pointer (proper prefixes only: the members of a wanted
// container are not looked at), so the cost stays near one pass over the text.
class Locator : public JsonEvents {
public:
    explicit Locator(const std::vector<std::string>& pointers) {
        for (const std::string& p : pointers) {
            wanted_.insert(p);
            for (std::size_t k = 0; k < p.size(); ++k) {
                if (p[k] == '/') prefixes_.insert(p.substr(0, k));
            }
        }
    }

    std::unordered_map<std::string, Located> found;

    void begin_object(TextPos pos) override { open(pos, true); }
    void begin_array(TextPos pos) override { open(pos, false); }
    void end_object() override { stack_.pop_back(); }
    void end_array() override { stack_.pop_back(); }
    void scalar(const JsonScalar&, TextPos pos) override {
        std::string pointer;
        TextPos key;
        if (here(pos, pointer, key)) note(pointer, pos, key);
    }
    void key(const std::string& name, TextPos pos) override {
        Frame& frame = stack_.back();
        if (frame.tracked) frame.key = name;
        frame.key_pos = pos;
    }

private:
    struct Frame {
        bool object = false;
        bool tracked = false;   // its pointer leads to a wanted pointer
        std::string pointer;    // only when tracked
        std::string key;        // current member's key, only when tracked
        TextPos key_pos;
        std::size_t next_index = 0;
    };

    // The pointer of the value starting now; false when its container is not tracked.
    bool here(TextPos pos, std::string& pointer, TextPos& key) {
        if (stack_.empty()) {
            pointer.clear();
            key = pos;
            return true;
        }
        Frame& frame = stack_.back();
        const std::size_t index = frame.next_index++;
        if (!frame.tracked) return false;
        pointer = frame.pointer;
        if (frame.object) {
            append_pointer_token(pointer, frame.key);
            key = frame.key_pos;
        } else {
            pointer += '/';
            pointer += std::to_string(index);
            key = pos;
        }
        return true;
    }

    void note(const std::string& pointer, TextPos value, TextPos key) {
        if (wanted_.count(pointer)) found[pointer] = Located{value, key};
    }

    void open(TextPos pos, bool object) {
        std::string pointer;
        TextPos key;
        const bool known = here(pos, pointer, key);
        if (known) note(pointer, pos, key);
        Frame frame;
        frame.object = object;
        frame.tracked = known && prefixes_.count(pointer) > 0;
        if (frame.tracked) frame.pointer = std::move(pointer);
        stack_.push_back(std::move(frame));
    }

    std::unordered_set<std::string> wanted_;
    std::unordered_set<std::string> prefixes_;
    std::vector<Frame> stack_;
};

}  // namespace

std::unordered_map<std::string, Located> locate(std::string_view text,
                                                const std::vector<std::string>& pointers) {
    Locator locator(pointers);
    if (!pointers.empty()) scan_json(text, locator);
    return std::move(locator.found);
}

}  // namespace versus::detail
