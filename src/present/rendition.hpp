// rendition.hpp — the comparison as data for the web element's HTML rendition, and the
// `versus-filter` event's detail. Shared code (no ImGui, no browser): native tests cover it.
//
// Why: the <versus-widget> element holds a real HTML version of what the canvas draws (for
// screen readers, search engines, and readers without WebGL). Its words and figures must be the
// canvas's, so they come from the same presentation layer (figures.hpp, words.hpp) in the
// widget's language, and web/src/rendition.js only places the strings into text nodes: it
// writes no word of its own. The palette arrives as JSON (ui/palette_css.hpp) so that the HTML
// wears the canvas's colours.
#pragma once

#include "model/payload.hpp"
#include "model/reader.hpp"
#include "present/figures.hpp"
#include "present/words.hpp"

#include <string>
#include <string_view>

namespace versus::present {

// Appends `s` as a JSON string literal (UTF-8 kept, control characters escaped).
void append_json_string(std::string& out, std::string_view s);

// The rendition of `payload` as one JSON object, from the figures the canvas draws (one per tool:
// ui::ComparisonView::figures(), with the vote service's tally and the reader's own vote):
// { id, lang, dir, title, kicker, question, summary, palette: {...},
//   words: { tools, scorecard, entry, license, yourVote },
//   tools: [{ id, name, vendor, vendorLine, category, tagline, description, url, link,
//             panel: { value, label, ship, skip, text }, community: { value, label, mine, mineText, ship, skip },
//             entry, monthly, notes, pricing, license: { name, spdx, facts: [...] }, commercialUse,
//             text (the card as plain text) }],
//   reviews: [{ toolId, tool, reviewer, lens, by, verdict, verdictKey, head, quote, text }],
//   table: [[header cells], [a tool's cells], ...] (the CSV: tools_table()),
//   cta: { label, url, text } | null }
// Empty optional strings are "" (never missing), so the reader of it needs no checks.
std::string rendition_json(const Payload& payload, const std::vector<ToolFigures>& figures, const Words& words,
                           std::string_view palette_json);

// The license filter as the `versus-filter` event's detail:
// { commercialUse, openWeights, osiApproved, license (name or null), active: [chip words],
//   shown, total, tools: [ids of the shown tools] }
std::string filter_json(const Payload& payload, const LicenseFilter& filter, int shown, int total, const Words& words);

// The words the element shows around the canvas, in the widget's language:
// { lang, dir, errorTitle, loading, interactive, voteNotSent, talliesNotLoaded, problemError,
//   actions: { image, csv, json, copy, menu, menuLabel } }.
std::string chrome_json(const Words& words);

}  // namespace versus::present
