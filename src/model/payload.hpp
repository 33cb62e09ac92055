// payload.hpp — the versus payload (../shared/spec/payload-v1.md) as typed C++ values.
//
// Why this file exists: every target (desktop viewer, web widget, tests, fuzzers) draws one
// comparison from one JSON document. This header is the one place that says what that document
// is once parsed and validated. It knows nothing of ImGui, GL or the browser.
//
// Errors are values: load_payload() never throws and never aborts; it returns the payload (when
// there are no errors) together with every problem found, each with a JSON Pointer and, where
// the text is at hand, a 1-based line and column.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/labels.hpp"

namespace versus {

// [SECTION] Payload values --------------------------------------------------------------------

struct License {
    std::string name;                 // as a reader reads it: "Apache 2.0"
    std::optional<std::string> spdx;  // "Apache-2.0", or none
    bool commercial_use = false;
    bool open_weights = false;
    bool osi_approved = false;
};

struct Pricing {
    std::string entry;                       // "Free", "$20 / month"
    std::optional<double> entry_usd_month;   // none when unknown
    std::string notes;                       // may be empty
};

struct Votes {
    std::int64_t ship = 0;
    std::int64_t skip = 0;
};

struct Tool {
    std::string id;
    std::string name;
    std::string vendor;       // empty when absent (likewise the other optional strings)
    std::string category;
    std::string tagline;
    std::string description;
    std::string url;
    License license;
    std::optional<Pricing> pricing;
    Votes community;          // {0,0} when absent
};

struct Reviewer {
    std::string id;
    std::string name;
    std::string lens;
};

enum class Verdict { Ship, Skip };

struct Review {
    int tool = 0;       // index into Payload::tools
    int reviewer = 0;   // index into Payload::reviewers
    Verdict verdict = Verdict::Ship;
    std::string quote;
};

struct Link {
    std::string label;
    std::string url;
};

// The payload's `dir`: the direction of the whole widget.
enum class TextDirection { Auto, Ltr, Rtl };

struct Payload {
    int version = 1;
    std::string lang;                            // BCP 47 tag as written ("pt-BR"), "" when absent
    TextDirection dir = TextDirection::Auto;
    std::array<std::string, kLabelCount> labels; // the publisher's words by Label; "" = not given
    std::string id;        // the comparison's stable id (a vote service keys on it); empty when absent
    std::string title;
    std::string kicker;
    std::string question;
    std::string summary;
    std::vector<Tool> tools;
    std::vector<Reviewer> reviewers;
    std::vector<Review> reviews;   // in payload order
    std::optional<Link> cta;
};

// [SECTION] Problems --------------------------------------------------------------------------

enum class Severity { Error, Warning };

struct Problem {
    Severity severity = Severity::Error;
    std::string pointer;   // RFC 6901 JSON Pointer, "" for the whole document
    std::string message;   // a sentence a publisher understands
    int line = 0;          // 1-based; 0 when unknown
    int column = 0;        // 1-based; 0 when unknown
};

struct LoadResult {
    std::optional<Payload> payload;   // set only when there is no error (warnings allowed)
    std::vector<Problem> problems;    // errors and warnings, in document order
    bool ok() const { return payload.has_value(); }
    std::size_t error_count() const;
    std::size_t warning_count() const;
};

inline constexpr std::size_t kMaxPayloadBytes = 1024 * 1024;   // 1 MiB

// Parses and validates a payload text. Never throws. All problems in one pass.
LoadResult load_payload(std::string_view text);

// Whether `tag` is a well-formed BCP 47 language tag of at most 35 characters ("en", "pt-BR",
// "zh-Hans-CN", "x-private"), as the payload's `lang` must be.
bool is_language_tag(std::string_view tag);

// "FILE:LINE:COL: error: POINTER: message". ":LINE:COL" is left out when unknown; a problem of
// the whole document (empty pointer, e.g. a syntax error) has no "POINTER: " part. With an empty
// FILE the line starts at "LINE:COL: ". The one format the CLI, the web `versus-error` event and
// the error card share.
std::string format_problem(std::string_view file, const Problem& problem);

// [SECTION] Derived figures (spec: "Derived figures") -----------------------------------------

struct PanelFigure {
    int ship = 0;
    int skip = 0;
    std::optional<int> percent;   // round(100 * ship / (ship + skip)); none with no reviews
};

// Panel figure of tools[tool], counting every review of that tool.
PanelFigure panel_figure(const Payload& payload, int tool);

// round(100 * ship / (ship + skip)), none with no votes.
std::optional<int> community_percent(const Votes& votes);

// Text a reader sees for a percentage: "75%" or "—" (U+2014).
std::string percent_text(const std::optional<int>& percent);

struct ReviewerSplitRow {
    int reviewer = 0;                             // index into Payload::reviewers
    std::vector<std::optional<Verdict>> verdicts; // one per *shown* tool, in shown order
    int reviewed = 0;                             // how many shown tools this reviewer reviewed
    bool differs = false;                         // reviewed >= 2 shown tools and verdicts differ
};

struct ReviewerSplit {
    std::vector<int> tools;                       // shown tool indices, display order
    std::vector<PanelFigure> per_tool;            // one per shown tool
    std::vector<ReviewerSplitRow> rows;           // every reviewer with >= 1 review of a shown tool
};

// shown[i] tells whether tools[i] is shown (an empty vector means all are shown).
ReviewerSplit reviewer_split(const Payload& payload, const std::vector<char>& shown = {});

// The default payload (the seed comparison), embedded at build time.
std::string_view default_payload_text();
std::string_view default_payload_name();   // "haiku-vs-mistral.json"

}  // namespace versus
