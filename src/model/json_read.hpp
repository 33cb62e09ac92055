// json_read.hpp — the one JSON reader of the model: the scanner's events build the document.
//
// Why this file exists: the payload, a vote service's tallies and the widget's translations are
// all JSON, read into the nlohmann::json document the validator and the readers walk. Reading them
// with json_scan.hpp's scanner gives every syntax error the same wording, with a line and column,
// and reads each text once: nlohmann/json's own parser (its lexer, its error strings) is not
// linked into the web core at all. The document is what nlohmann/json 3.11's parser would build
// from the same text — the same value types (see JsonScalar), the last of duplicate keys kept —
// and it is built without recursion, at most kMaxDepth deep.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/json_scan.hpp"

namespace versus::detail {

// Reads one JSON text: UTF-8 (check_utf8), then the syntax (scan_json), into `document`. Returns
// the first problem, and `document` is null then. Every scanner event is also given to `also`,
// when given (duplicate keys, a value's pointer), in the same single pass. A byte order mark is
// not skipped here (the caller decides: without_bom).
std::optional<ScanError> read_json(std::string_view text, nlohmann::json& document,
                                   JsonEvents* also = nullptr);

// `text` without a UTF-8 byte order mark at its start, when it has one.
std::string_view without_bom(std::string_view text);

// "line 3, column 14: syntax error: expected ',' or '}' after an object member, got '\"'": a
// problem of a text read by read_json, for messages about JSON that is not a payload.
std::string placed(const ScanError& error);

// Reads a JSON text that is not a payload (a vote service's tallies, a translation, a vote body):
// a byte order mark skipped, then read_json. Returns its first problem as placed() words it.
std::optional<std::string> read_json_text(std::string_view text, nlohmann::json& document,
                                          JsonEvents* also = nullptr);

}  // namespace versus::detail
