// style.hpp — fonts, palettes and metrics of the versus look, shared by every view.
//
// Why: the widget must be crisp at any devicePixelRatio and follow the host's theme. Fonts are
// rasterised at size × pixel ratio and drawn at 1/ratio scale, so a glyph pixel is a device pixel.
// Palettes are plain data so that tests can check contrast without a GPU.
#pragma once

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

struct Fonts {
    // The code points rasterised (sorted): the atlas holds only what is drawn, so that it builds
    // fast before the first frame. A payload needing more means a rebuild (see covers()).
    std::vector<ImWchar> glyphs;
    bool covers(const std::vector<ImWchar>& needed) const;
    ImFont* body = nullptr;       // Inter Regular 15
    ImFont* body_bold = nullptr;  // Inter SemiBold 15
    ImFont* small = nullptr;      // Inter Regular 12.5
    ImFont* small_bold = nullptr; // Inter SemiBold 12.5
    ImFont* heading = nullptr;    // Inter SemiBold 19
    ImFont* title = nullptr;      // Inter SemiBold 27
    ImFont* figure = nullptr;     // Inter SemiBold 24
};

// Sizes in logical (CSS) pixels.
struct FontSizes {
    float body = 15.0f, small = 12.5f, heading = 19.0f, title = 27.0f, figure = 24.0f;
};

// Clears io.Fonts and loads the embedded Inter fonts rasterised for `pixel_ratio` (device pixels
// per logical pixel, e.g. devicePixelRatio × zoom), with the glyphs of Basic Latin, of the
// widget's own labels, and `needed` (e.g. ComparisonView::glyphs()). Sets io.FontGlobalScale =
// 1 / pixel_ratio. The caller uploads the atlas texture afterwards (the renderer backend does it
// on its next frame once its font texture is destroyed).
Fonts load_fonts(ImGuiIO& io, float pixel_ratio, const std::vector<ImWchar>& needed = {});

// The code points of `text` the embedded fonts have, added to the sorted set `glyphs`.
void add_glyphs(std::vector<ImWchar>& glyphs, std::string_view text);

// The code point ranges the embedded fonts cover (zero-terminated ImWchar pairs). Matches the
// subset made by cmake/assets.cmake.
const ImWchar* glyph_ranges();

// Applies the palette to ImGui's style colours and the versus metrics (rounding, padding).
void apply_style(ImGuiStyle& style, const Palette& palette);

}  // namespace versus::ui
