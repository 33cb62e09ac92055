// validate.hpp — checks a parsed payload against every rule of payload-v1.md.
//
// Why this file exists: load_payload() is three steps (check the text, parse it, validate the
// document). This is the third: it walks the document once, builds the typed Payload and notes
// every problem with its JSON Pointer. It knows nothing of text positions; load.cpp places the
// findings afterwards, so a valid payload never pays for that.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/json_scan.hpp"
#include "model/payload.hpp"

namespace versus::detail {

// Which place of the pointed-at member a finding is about.
enum class Anchor {
    Value,   // the value (for a missing field: the object that lacks it)
    Key,     // the member's key (unknown fields, duplicate keys)
};

struct Finding {
    Severity severity = Severity::Error;
    std::string pointer;
    std::string message;
    Anchor anchor = Anchor::Value;
    std::optional<TextPos> pos;   // already known (duplicate keys); looked up otherwise
};

// At most kMaxFindings are kept (a 1 MiB payload can hold far more problems than anyone reads),
// and their pointers take at most kMaxPointerBytes together (keys can be long, and a pointer
// repeats its ancestors' keys); the rest are only counted.
inline constexpr std::size_t kMaxFindings = 1000;
inline constexpr std::size_t kMaxPointerBytes = 1024 * 1024;

struct Findings {
    std::vector<Finding> list;
    std::size_t pointer_bytes = 0;
    std::size_t dropped_errors = 0;
    std::size_t dropped_warnings = 0;
    bool has_error = false;

    // Whether a finding whose pointer has `pointer_size` bytes would be kept.
    bool has_room(std::size_t pointer_size) const {
        return list.size() < kMaxFindings && pointer_bytes + pointer_size <= kMaxPointerBytes;
    }
    void add(Finding finding);
    void drop(Severity severity);   // counts a finding that is not kept (nor built)
};

// Validates `document`. Returns the payload it describes when no error was found (by this or an
// earlier step: `findings.has_error`); adds every problem to `findings`.
std::optional<Payload> validate(const nlohmann::json& document, Findings& findings);

// `"text"` as JSON writes it, cut to `shown` characters with "…": for quoting a publisher's (or a
// client's) text in a message.
std::string in_quotes(std::string_view text, std::size_t shown = 60);

// What a JSON value is, for "expected X, got Y": null, true, the number 5, the string "abc…"
// (in_quotes, cut to `shown` characters), an array, an object.
std::string describe(const nlohmann::json& value, std::size_t shown = 60);

// Length in Unicode code points of UTF-8 text.
std::size_t code_points(std::string_view text);

}  // namespace versus::detail
