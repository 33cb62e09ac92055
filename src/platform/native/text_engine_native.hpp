// text_engine_native.hpp — the text engine of the desktop viewer, the PNG export and the
// headless tests: Debian's text stack.
//
//   fontconfig  finds the fonts: Inter first (the versus look), then whatever the machine has
//               for each character, in the order fontconfig sorts them for the widget's language
//               (so Japanese text gets Japanese Han glyphs); colour emoji from a colour font.
//   ICU         orders each line by the Unicode Bidirectional Algorithm (ubidi), finds Thai,
//               Lao, Khmer and Myanmar word boundaries (dictionary break iterator).
//   HarfBuzz    shapes each run (Arabic joining, Indic conjuncts, marks, ligatures, kerning).
//   FreeType    rasterises each glyph once, at device resolution, into atlas pages.
//
// Headless (no TextureSink) the pages stay in memory: tests read their texels and the shaped
// glyphs. With a sink (the desktop's OpenGL textures) the texels rasterised during a frame are
// uploaded by end_frame().
#pragma once

#include "text/engine.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace versus::text {

// Where atlas pages become textures (the desktop's OpenGL implementation lives with its window).
class TextureSink {
public:
    virtual ~TextureSink() = default;
    virtual std::uintptr_t create(int w, int h) = 0;
    // Replaces the texels of x, y, w, h from straight-alpha RGBA rows of `stride` bytes.
    virtual void update(std::uintptr_t texture, int x, int y, int w, int h, const std::uint8_t* rgba, int stride) = 0;
    virtual void destroy(std::uintptr_t texture) = 0;
};

// One glyph of a shaped line, as the tests see it.
struct ShapedGlyph {
    std::uint32_t glyph;        // glyph id in its font
    std::uint32_t cluster;      // byte offset of its cluster in the line's text
    float x, advance;           // pen position and advance, logical pixels, left to right
    std::string font;           // the font's family name
    bool rtl;                   // shaped as part of a right-to-left run
};

class NativeEngine final : public Engine {
public:
    explicit NativeEngine(TextureSink* sink = nullptr);
    ~NativeEngine() override;
    NativeEngine(const NativeEngine&) = delete;
    NativeEngine& operator=(const NativeEngine&) = delete;

    void set_pixel_ratio(float ratio) override;
    float pixel_ratio() const override;
    void set_language(std::string_view lang) override;
    Metrics metrics(FontSpec font) override;
    float measure(std::string_view text, FontSpec font, Direction dir) override;
    void render(std::string_view text, FontSpec font, Direction dir, std::uint32_t rgba, ShapedLine& out) override;
    bool bakes_colour() const override { return false; }
    Direction paragraph_direction(std::string_view text) override;
    void dictionary_breaks(std::string_view text, std::vector<std::uint32_t>& out) override;
    void cluster_starts(std::string_view text, std::vector<std::uint32_t>& out) override;
    std::uintptr_t texture(std::uint32_t page) const override;
    std::uint64_t generation() const override;
    bool end_frame() override;

    // For tests: the glyphs of `text` shaped as one line, in visual order (left to right).
    std::vector<ShapedGlyph> shape(std::string_view text, FontSpec font, Direction dir);
    // For tests: the straight-alpha RGBA texels of an atlas page (page_size() square).
    const std::vector<std::uint8_t>& page_texels(std::uint32_t page) const;
    int page_size() const;
    // The fonts the engine found, primary first (family names), for --help and diagnostics.
    std::vector<std::string> font_families() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace versus::text
