// rendition.hpp — the comparison as data for the element's HTML rendition (web only).
//
// Why: the <versus-widget> element holds a real HTML version of what the canvas draws (for
// screen readers, search engines, and readers without WebGL). Its figures must be the canvas's
// figures, so they are computed here from the same model functions the view uses (panel share,
// community share with the vote service's tally and the reader's own vote, "—" for none), and versus.js only places the
// strings into text nodes. Nothing here knows ImGui's state; the palette is passed in so the HTML
// wears the canvas's colours.
#pragma once

#include "model/payload.hpp"
#include "model/reader.hpp"
#include "ui/style.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace versus::web {

// Appends `s` as a JSON string literal (UTF-8 kept, control characters escaped).
void append_json_string(std::string& out, std::string_view s);

// "#rrggbb" of an opaque ImGui colour.
std::string hex_colour(ImU32 colour);

// The palette's colours as "#rrggbb": { background, card, border, text, muted, accent, accentText,
// ship, skip, shipSoft, skipSoft, error, errorSoft }.
std::string palette_json(const ui::Palette& palette);

// The rendition of `payload` with the reader's votes, as one JSON object:
// { id, title, kicker, question, summary,
//   palette: { background, card, border, text, muted, accent, accentText, ship, skip, ... },
//   tools: [{ id, name, vendor, category, tagline, description, url, link,
//             panel: { value, label, ship, skip, text }, community: { value, label, mine, ship, skip },
//             entry, monthly, notes, license: { name, spdx, facts: [...] }, commercialUse }],
//   reviews: [{ toolId, tool, reviewer, lens, verdict, quote }],
//   cta: { label, url } | null }
// `community` holds each tool's community figure as the view computes it
// (ui::ComparisonView::community(): payload counts + the service's tally + the reader's vote, once).
// Empty optional strings are "" (never missing), so the reader of it needs no checks.
std::string rendition_json(const Payload& payload, const ReaderVotes& votes, const std::vector<Votes>& community,
                           const ui::Palette& palette);

// The license filter as the `versus-filter` event's detail:
// { commercialUse, openWeights, osiApproved, license (name or null), active: [chip labels],
//   shown, total, tools: [ids of the shown tools] }
std::string filter_json(const Payload& payload, const LicenseFilter& filter, int shown, int total);

}  // namespace versus::web
