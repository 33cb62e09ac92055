// text_wrap.hpp — word wrapping for the widget's text.
//
// Why not ImGui's: Dear ImGui 1.90 allows a line break after '.', ',', ';', '!', '?' and '"',
// so "Apache 2.0" can wrap as "Apache 2." / "0" and "1,000" as "1," / "000". Here lines break
// at spaces, after hyphens, dashes and slashes, at '\n', and inside a word only when the word
// alone is wider than the line. Widths are the font's advances, exactly what ImGui draws.
#pragma once

#include <imgui.h>

#include <string_view>
#include <vector>

namespace versus::ui {

struct TextLine {
    unsigned begin = 0, end = 0;   // byte offsets into the text; trailing spaces excluded
    float width = 0;               // drawn width, pixels at `scale`
};

// Splits `text` into lines at most `width` wide (a lone wide character may exceed it). Clears
// `out` first; an empty text gives one empty line.
void wrap_text(const ImFont* font, float scale, std::string_view text, float width, std::vector<TextLine>& out);

}  // namespace versus::ui
