// figures.hpp — every figure and label of a tool as a reader sees it, computed once.
//
// Why this file exists: the canvas card, the HTML rendition, the events and the desktop state
// dump used to compose "Community · 4 votes", "3 ship · 1 skip · 75% ship" or "Visit X →" each in
// their own way, and they drifted. They all read these strings now.
#pragma once

#include "model/payload.hpp"
#include "model/reader.hpp"
#include "present/words.hpp"

#include <optional>
#include <string>
#include <vector>

namespace versus::present {

struct ToolFigures {
    std::string panel_value;       // "75%", "—"
    std::string panel_split;       // "3 Ship · 1 Skip · 75% Ship", or "No reviews"
    int panel_ship = 0, panel_skip = 0;
    Votes community;               // the figure counted: payload + a vote service's tally + the reader's vote
    std::string community_value;   // "67%", "—"
    std::string community_label;   // "Community · 3 votes", "Community"
    std::optional<Verdict> mine;   // the reader's own vote
    std::string entry;             // the publisher's entry price as written, "—" without pricing
    std::string monthly;           // "$20 / month", "—"
    std::string vendor_line;       // "by Anthropic", "" without a vendor
    std::string link;              // "Visit X →", "" without a url
    std::vector<std::string> facts;   // "Commercial use" | "Non-commercial", "Open weights", "OSI-approved"
    std::string commercial;        // "Yes" / "No"
};

// `community`: the tool's community votes as counted (ui::ComparisonView::community()).
ToolFigures tool_figures(const Payload& payload, int tool, std::optional<Verdict> mine, const Votes& community,
                         const Words& words);
// Without a vote service: the payload's counts with the reader's own vote.
ToolFigures tool_figures(const Payload& payload, int tool, const ReaderVotes& votes, const Words& words);

// "3 Ship · 1 Skip · 75% Ship", or "No reviews": the split of a panel figure.
std::string split_line(const PanelFigure& figure, const Words& words);

// "$20 / month", "20 $ / Monat", "—" when unknown.
std::string monthly_text(const std::optional<double>& usd_per_month, const Words& words);

// The words of the license filter chips that are on, in chip order.
std::vector<std::string> active_filter_labels(const LicenseFilter& filter, const Words& words);

// The call to action's line: "Get the next comparison →" (the arrow points the reading way).
std::string cta_text(const Link& cta, const Words& words);

// A validator's problem as the error card shows it to a reader: the framing in the widget's
// language, the problem itself as the validator wrote it (a publisher's message, English, like a
// compiler's; docs/embedding.md, "Language and direction").
//   head:   "Fehler (seed.json, Zeile 3, Spalte 5)", "Error (line 1)", "Warnung"
//   detail: "/tools/0/name: expected a string" (the JSON Pointer, then the message)
struct ProblemText {
    std::string head, detail;
    std::string line() const { return head + ": " + detail; }
};
ProblemText problem_text(const Problem& problem, std::string_view source, const Words& words);

// A tool's card as plain text (the actions menu's "Copy text"): what the card says, a fact a line.
std::string card_text(const Payload& payload, int tool, const ToolFigures& figures, const Words& words);
// How a reviewer is named under a quote: "Name, lens", or the name alone. And a review's heading:
// "Ship · Tool" in the widget's words. Written into `out` (the canvas reuses one buffer a frame);
// the scorecard, the rendition and the copied text all name them so.
const std::string& reviewer_line(const Reviewer& who, std::string& out);
const std::string& review_head(const Payload& payload, const Review& review, const Words& words, std::string& out);

// A review as plain text: "“quote” — reviewer, lens (verdict · tool)".
std::string review_text(const Payload& payload, const Review& review, const Words& words);

// The comparison as a table (the actions menu's CSV): a header row in the widget's language, then
// a row per tool with its figures as the canvas writes them. Every cell a string.
std::vector<std::vector<std::string>> tools_table(const Payload& payload, const std::vector<ToolFigures>& figures,
                                                  const Words& words);

inline const char* const kDash = "\xE2\x80\x94";   // —
inline const char* const kDot = " \xC2\xB7 ";      // " · "

}  // namespace versus::present
