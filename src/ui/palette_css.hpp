// palette_css.hpp — the palette as CSS colours, for the web element (its HTML parts wear the
// canvas's colours) and for the check that web/src/style.js's fallback colours are these.
#pragma once

#include "ui/style.hpp"

#include <string>

namespace versus::ui {

// "#rrggbb" of an opaque ImGui colour.
std::string hex_colour(ImU32 colour);

// The palette's colours as "#rrggbb": { background, card, border, text, muted, accent, accentText,
// ship, skip, shipSoft, skipSoft, error, errorSoft }.
std::string palette_json(const Palette& palette);

}  // namespace versus::ui
