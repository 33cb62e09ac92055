// style.hpp — fonts, palettes and metrics of the versus look, shared by every view.
//
// Why: the widget must follow the host's theme and stay readable. Palettes are plain data so that
// tests can check contrast without a GPU. Text is drawn by the text engine (src/text), rasterised
// for the pixel ratio, so a glyph pixel is a device pixel.
#pragma once

#include "text/layout.hpp"

#include <imgui.h>

#include <string_view>
#include <vector>

namespace versus::ui {

enum class ThemeKind { Light, Dark };

struct Palette {
    ImU32 background;   // widget background
    ImU32 card;         // card surface
    ImU32 border;
    ImU32 text;         // body text
    ImU32 muted;        // secondary text
    ImU32 accent;       // kicker, links, focus
    ImU32 accent_text;  // text drawn on the accent colour
    ImU32 ship;         // "ship" marks and bars
    ImU32 skip;         // "skip" marks and bars
    ImU32 ship_soft;    // tinted backgrounds
    ImU32 skip_soft;
    ImU32 error;        // error card text and edge
    ImU32 error_soft;
};

// The palette for a theme, with an optional accent (0 = the theme's own accent).
Palette make_palette(ThemeKind kind, ImU32 accent = 0);

// WCAG 2 contrast ratio of two opaque colours (1..21).
float contrast_ratio(ImU32 a, ImU32 b);

// Parses "#rrggbb" or "#rgb"; returns 0 when the text is not a colour.
ImU32 parse_hex_colour(const char* text);

// A font of the widget, as the view asks for it: which text layout draws it, at what size and
// weight. The view never touches ImGui's fonts: every string goes through the text engine
// (src/text), which shapes, orders and rasterises any script.
struct FontRef {
    text::Layout* layout = nullptr;
    text::FontSpec spec;
};

struct Fonts {
    FontRef body;        // Regular 15
    FontRef body_bold;   // SemiBold 15
    FontRef small;       // Regular 12.5
    FontRef small_bold;  // SemiBold 12.5
    FontRef heading;     // SemiBold 19
    FontRef title;       // SemiBold 27
    FontRef figure;      // SemiBold 24
};

// Sizes in logical (CSS) pixels.
struct FontSizes {
    float body = 15.0f, small = 12.5f, heading = 19.0f, title = 27.0f, figure = 24.0f;
};

// The widget's fonts, drawn by `layout`.
Fonts make_fonts(text::Layout& layout);

// Gives ImGui's own atlas the one small font it needs for its white pixel and internals (an ASCII
// subset of Inter, embedded). The widget draws no text through it. Call once per context.
void load_imgui_font(ImGuiIO& io);

// Applies the palette to ImGui's style colours and the versus metrics (rounding, padding).
void apply_style(ImGuiStyle& style, const Palette& palette);

}  // namespace versus::ui
