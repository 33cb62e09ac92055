// engine.hpp — what a platform's text engine does for the widget: measure, shape and rasterise
// runs of text in any script, and find word boundaries where a script writes none.
//
// Why: Dear ImGui draws one glyph per code point, left to right, from one font atlas built ahead
// of time. That is wrong for most of the world's writing (Arabic letters join, Devanagari forms
// conjuncts, Hebrew and Arabic run right to left, CJK needs tens of thousands of glyphs). So the
// widget never asks ImGui to draw text: src/text/layout.hpp breaks paragraphs into lines (UAX #14
// with libunibreak, grapheme clusters), and an Engine turns each line into textured quads:
//   - native (desktop viewer, PNG export, headless tests): FreeType + HarfBuzz + ICU bidi +
//     fontconfig fallback fonts (src/platform/native/text_engine_native.cpp);
//   - web: the browser's own text engine and fonts through a 2D canvas, so whatever the page can
//     draw in HTML the canvas draws too, in the publisher's CSS font (src/platform/web/).
// CMake links exactly one. Nothing here knows ImGui: src/ui/text_draw.cpp turns quads into
// ImDrawList primitives. Coordinates are logical (CSS) pixels; glyphs are rasterised for the
// pixel ratio, so one texel is one device pixel.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace versus::text {

enum class Weight : std::uint8_t { Regular, SemiBold };

// A font as the widget asks for it: a size in logical pixels and a weight. The family is the
// engine's: Inter first, then fallbacks (native: fontconfig; web: the element's CSS font-family).
struct FontSpec {
    float size = 15.0f;
    Weight weight = Weight::Regular;
    bool operator==(const FontSpec& o) const { return size == o.size && weight == o.weight; }
};

enum class Direction : std::uint8_t { LeftToRight, RightToLeft };

// Vertical metrics of a font, logical pixels. A line box is `line_height` tall with its baseline
// at `ascent` from its top.
// The line box of every font: line_height = size × kLineHeight (as CSS line-height: 1.3), on
// every platform, so that the desktop and the web lay out the same heights.
constexpr float kLineHeight = 1.3f;

struct Metrics {
    float ascent = 0, descent = 0, line_height = 0;
};

// One textured rectangle of a shaped line, relative to the line's origin (its left edge, the top
// of its line box), in logical pixels; texture coordinates in 0..1 of atlas page `page`.
// `coloured`: the texels carry their own colour (a colour emoji, or a line the engine rasterised
// in the requested colour): drawn with white × the requested alpha. Otherwise the texels are
// white coverage, tinted with the requested colour.
struct Quad {
    float x0, y0, x1, y1;
    float u0, v0, u1, v1;
    std::uint32_t page;
    bool coloured;
};

// A line shaped, ordered (bidi) and rasterised: its advance width and the quads that draw it.
struct ShapedLine {
    float width = 0;
    std::vector<Quad> quads;
};

class Engine {
public:
    virtual ~Engine() = default;

    // Device pixels per logical pixel (devicePixelRatio × zoom). A change drops every rasterised
    // glyph (generation() moves on).
    virtual void set_pixel_ratio(float ratio) = 0;
    virtual float pixel_ratio() const = 0;
    // The language of the widget (BCP 47, "" = unknown): picks fallback fonts (Japanese vs
    // Chinese Han glyphs), shaping language and word dictionaries.
    virtual void set_language(std::string_view lang) = 0;

    virtual Metrics metrics(FontSpec font) = 0;
    // Advance width of `text` drawn as one line in a paragraph of direction `dir`.
    virtual float measure(std::string_view text, FontSpec font, Direction dir) = 0;
    // Shapes, orders (Unicode Bidirectional Algorithm, paragraph direction `dir`) and rasterises
    // `text` as one line. `rgba` (IM_COL32 layout) is the colour it will be drawn in: engines that
    // bake colour into their texels (bakes_colour()) use it, the others ignore it.
    virtual void render(std::string_view text, FontSpec font, Direction dir, std::uint32_t rgba,
                        ShapedLine& out) = 0;
    virtual bool bakes_colour() const = 0;

    // The direction of a paragraph: that of its first strong character (UAX #9 P2-P3), left to
    // right when it has none.
    virtual Direction paragraph_direction(std::string_view text) = 0;
    // Byte offsets inside `text` where a line may break between two words of a script written
    // without spaces that UAX #14 leaves to a dictionary (Thai, Lao, Khmer, Myanmar: class SA).
    // Appends to `out` (unsorted); other break opportunities come from layout.cpp.
    virtual void dictionary_breaks(std::string_view text, std::vector<std::uint32_t>& out) = 0;
    // Byte offsets inside `text` where a grapheme cluster starts (UAX #29 extended grapheme
    // clusters: a letter with its marks, a Hangul syllable, an emoji ZWJ sequence, a flag), but
    // for offset 0; appended to `out` in ascending order. Wrapping, folding and ellipses never cut
    // inside one. layout.cpp asks only for text it cannot cut itself (own_cluster_break()):
    // the browser's own segmenter on the web (Intl.Segmenter, the clusters its HTML uses), ICU's
    // on the desktop.
    virtual void cluster_starts(std::string_view text, std::vector<std::uint32_t>& out) = 0;

    // The texture of an atlas page, as the renderer knows it (an OpenGL/WebGL texture name).
    virtual std::uintptr_t texture(std::uint32_t page) const = 0;
    // Moves on whenever rasterised glyphs are dropped (new pixel ratio, full atlas, fonts that
    // loaded late): shaped lines made before are stale and must be rendered again.
    virtual std::uint64_t generation() const = 0;
    // Called once a frame has been built and before it is rendered: the engine uploads the
    // texels it rasterised during the frame. Returns false when the atlas overflowed during the
    // frame (the host draws one more frame; generation() has moved on).
    virtual bool end_frame() = 0;
};

}  // namespace versus::text
