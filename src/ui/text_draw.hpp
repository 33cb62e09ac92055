// text_draw.hpp — the widget's text on an ImDrawList: paragraphs wrapped by the text layout
// (src/text/layout.hpp) and drawn as the quads the platform's engine rasterised.
//
// Why here: src/text knows no ImGui; this is the one place that turns its quads into draw-list
// primitives (one texture switch per atlas page of a line), snapped to device pixels so that a
// texel is a pixel.
#pragma once

#include "ui/style.hpp"

#include <imgui.h>

#include <string_view>

namespace versus::ui {

// Height of one line of `font`, logical pixels.
float line_height(const FontRef& font);

// Size of `text` wrapped at `width`: the widest line × the lines.
ImVec2 measure_text(const FontRef& font, std::string_view text, float width);

// Draws `text` wrapped at `width` with its top-left at `pos`. Each line starts at its paragraph's
// start edge: the left, or the right edge of `width` for a right-to-left paragraph. Returns the
// size taken (a right-to-left paragraph takes the whole width).
ImVec2 draw_text(ImDrawList* dl, const FontRef& font, ImVec2 pos, ImU32 colour, std::string_view text, float width);

// One line of `text` at `pos`, cut at a grapheme cluster with "…" when wider than `width`.
void draw_text_ellipsis(ImDrawList* dl, const FontRef& font, ImVec2 pos, ImU32 colour, std::string_view text,
                        float width);

}  // namespace versus::ui
