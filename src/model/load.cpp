// load.cpp — load_payload(): the text checks, the parse and the validation, in that order.
//
// Why this file exists: a publisher's payload may be anything — too big, not UTF-8, not JSON,
// nested a million levels deep, or JSON that breaks the rules of payload-v1.md. Each case must
// end as a list of problems a person can act on, never as an exception, an abort or a stack
// overflow. The steps:
//   1. size: over kMaxPayloadBytes is one error, and nothing is read;
//   2. a UTF-8 byte order mark at the start is skipped (accepted, not counted in columns);
//   3. UTF-8, syntax, nesting depth and number range, read into the document in one pass
//      (json_read.hpp): the first problem is the one error; duplicate keys are noted on the way;
//   4. validate.cpp checks every rule;
//   5. the findings get their line and column from one more scan, and are sorted in document
//      order (the first kMaxFindings are listed, the rest counted in one last line).
//
// Decisions where payload-v1.md is silent (keep the project's docs in step):
//   - a UTF-8 byte order mark is accepted; a UTF-16 one is an error naming it;
//   - duplicate keys in an object are an error, wherever they are (readers disagree on which
//     one counts), pointed at the repeated key;
//   - a whole number is an integer however written (2.0, 1e3), as in JSON Schema; 2.5 is
//     "expected an integer"; counts above INT64_MAX are an error; a number no double can hold (1e400) is an error found while
//     reading the text, reported with the value's JSON Pointer as well as its line and column;
//   - columns count Unicode code points (a tab is one), lines end at \n, \r\n or \r;
//   - URLs: the scheme is case-insensitive; user info, IPv6 literals and ports are allowed;
//     blanks, controls and '\' anywhere are not;
//   - texts may be blank ("  " is 2 characters); spdx has no length limit.
#include <algorithm>
#include <numeric>
#include <tuple>
#include <climits>
#include <exception>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "model/json_read.hpp"
#include "model/json_scan.hpp"
#include "model/payload.hpp"
#include "model/validate.hpp"

namespace versus {

namespace {

using detail::Finding;
using detail::Findings;
using detail::TextPos;

// Notes every member whose key already appeared in the same object. Duplicate keys are an error:
// JSON parsers disagree on which one counts (nlohmann/json and browsers keep the last, others
// the first), so the payload would not mean one thing.
//
// A pointer is built only for a duplicate that Findings has room for: each frame knows the
// length its pointer would have, so a long key above many duplicates costs nothing.
class DuplicateKeys : public detail::JsonEvents {
public:
    explicit DuplicateKeys(Findings& findings) : findings_(findings) {}

    void begin_object(TextPos) override { open(true); }
    void begin_array(TextPos) override { open(false); }
    void end_object() override { stack_.pop_back(); }
    void end_array() override { stack_.pop_back(); }
    void scalar(const detail::JsonScalar&, TextPos) override { opened(); }
    void key(const std::string& name, TextPos pos) override {
        Frame& frame = stack_.back();
        frame.key = name;
        frame.key_length = token_length(name);
        const auto [it, fresh] = frame.seen.emplace(name, pos);
        if (fresh) return;
        if (!findings_.has_room(frame.pointer_length + frame.key_length)) {
            return findings_.drop(Severity::Error);
        }
        std::string pointer = container_pointer();
        detail::append_pointer_token(pointer, name);
        findings_.add(Finding{Severity::Error, std::move(pointer),
                              "duplicate field " + detail::in_quotes(name) +
                                  ", first given at line " + std::to_string(it->second.line) +
                                  ", column " + std::to_string(it->second.column),
                              detail::Anchor::Key, pos});
    }

    // The pointer of the value the scanner is reading now (before its scalar() event).
    std::string value_pointer() const {
        std::string pointer = container_pointer();
        if (stack_.empty()) return pointer;
        const Frame& frame = stack_.back();
        if (frame.object) detail::append_pointer_token(pointer, frame.key);
        else pointer += '/' + std::to_string(frame.elements);
        return pointer;
    }

private:
    struct Frame {
        bool object = false;
        std::size_t pointer_length = 0;   // of this container's pointer
        std::size_t elements = 0;         // arrays: values begun so far
        std::string key;                  // objects: the current member's key
        std::size_t key_length = 0;       // and its length as a pointer token
        std::unordered_map<std::string, TextPos> seen;
    };

    static std::size_t token_length(const std::string& key) {
        std::size_t n = 1 + key.size();   // "/" and the key, with "~" and "/" taking two
        for (char c : key) n += c == '~' || c == '/';
        return n;
    }

    void opened() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().elements;
    }

    void open(bool object) {
        opened();
        Frame frame;
        frame.object = object;
        if (!stack_.empty()) {
            const Frame& parent = stack_.back();
            frame.pointer_length =
                parent.pointer_length +
                (parent.object ? parent.key_length
                               : 1 + std::to_string(parent.elements - 1).size());
        }
        stack_.push_back(std::move(frame));
    }

    // The pointer of the innermost open container.
    std::string container_pointer() const {
        std::string pointer;
        for (std::size_t k = 0; k + 1 < stack_.size(); ++k) {
            const Frame& frame = stack_[k];
            if (frame.object) {
                detail::append_pointer_token(pointer, frame.key);
            } else {
                pointer += '/' + std::to_string(frame.elements - 1);
            }
        }
        return pointer;
    }

    Findings& findings_;
    std::vector<Frame> stack_;
};

LoadResult one_error(std::string message, TextPos pos = {}) {
    LoadResult result;
    result.problems.push_back(Problem{Severity::Error, "", std::move(message), pos.line, pos.column});
    return result;
}

LoadResult load(std::string_view text) {
    if (text.size() > kMaxPayloadBytes) {
        return one_error("the payload is " + std::to_string(text.size()) +
                         " bytes; the limit is " + std::to_string(kMaxPayloadBytes) +
                         " bytes (1 MiB)");
    }
    text = detail::without_bom(text);

    Findings findings;
    DuplicateKeys duplicates(findings);
    nlohmann::json document;
    if (auto error = detail::read_json(text, document, &duplicates)) {
        LoadResult result = one_error(error->message, error->pos);
        if (error->at_value) result.problems.front().pointer = duplicates.value_pointer();
        return result;
    }
    std::optional<Payload> payload = detail::validate(document, findings);

    std::vector<std::string> pointers;
    for (const Finding& f : findings.list) {
        if (!f.pos) pointers.push_back(f.pointer);
    }
    const auto located = detail::locate(text, pointers);

    LoadResult result;
    result.problems.reserve(findings.list.size() + 1);
    for (Finding& f : findings.list) {
        TextPos pos;
        if (f.pos) {
            pos = *f.pos;
        } else if (const auto it = located.find(f.pointer); it != located.end()) {
            pos = f.anchor == detail::Anchor::Key ? it->second.key : it->second.value;
        }
        result.problems.push_back(
            Problem{f.severity, std::move(f.pointer), std::move(f.message), pos.line, pos.column});
    }
    // In the order of their place in the text (those without one last), the problems of one
    // place in the order found: std::sort of indices with the index as tie-break, which is what
    // std::stable_sort gives, without its merge code in the web core (1.5 KB gzip).
    {
        std::vector<std::size_t> order(result.problems.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto key = [&](std::size_t i) {
            const Problem& p = result.problems[i];
            return std::make_tuple(p.line > 0 ? p.line : INT_MAX, p.column, i);
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        std::vector<Problem> sorted;
        sorted.reserve(order.size());
        for (std::size_t i : order) sorted.push_back(std::move(result.problems[i]));
        result.problems = std::move(sorted);
    }
    if (const std::size_t dropped = findings.dropped_errors + findings.dropped_warnings) {
        result.problems.push_back(Problem{
            findings.dropped_errors ? Severity::Error : Severity::Warning, "",
            "and " + std::to_string(dropped) + " more problems not listed",
            0, 0});
    }
    if (!findings.has_error) result.payload = std::move(payload);
    return result;
}

}  // namespace

LoadResult load_payload(std::string_view text) {
#if defined(__cpp_exceptions)
    try {
        try {
            return load(text);
        } catch (const std::exception& e) {   // out of memory, or a bug: still a value
            return one_error(std::string("the payload could not be read: ") + e.what());
        }
    } catch (...) {
        return LoadResult{};   // not even the message fits in memory: no payload, no words
    }
#else
    return load(text);   // built without exceptions (the web core): nothing here throws
#endif
}

}  // namespace versus
