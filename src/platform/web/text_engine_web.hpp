// text_engine_web.hpp — the web's text::Engine: the browser's own text engine and fonts, through
// a 2D canvas (web/src/text.js), feeding WebGL texture pages the UI draws from.
//
// Why: the reader's browser already shapes, orders and draws every script it can show in HTML,
// with the publisher's fonts. Asking it per line (measureText, fillText) gives the canvas the same
// text as the page, for a few kilobytes of JavaScript instead of megabytes of fonts and shapers
// compiled to wasm. Each line is rasterised whole, in the colour it is drawn in (bakes_colour():
// colour emoji come out right), at the device pixel ratio (one texel = one device pixel), into a
// rectangle of a texture page packed by text::ShelfAtlas; the texels reach the GPU once a frame
// (end_frame), only the rectangles drawn in it.
//
// Decisions (the contract is src/text/engine.hpp):
//  - metrics(): the line box of CSS (line-height = size × kLineHeight): the font's ascent and
//    descent (fontBoundingBox*) centred in it with half-leading, so `ascent` is where the
//    baseline sits from the top of the line box, as in the HTML rendition.
//  - Quads are at whole device pixels from the line's origin and exactly as many texels as they
//    cover: with the origin on a device pixel (text_draw snaps it), text is drawn 1:1.
//  - Pages are as wide as the canvas's drawing buffer (rounded up to 64 texels) and 512 tall; at
//    most as many as hold ~2 × the canvas's area in texels (2 to 16; textures are made as lines
//    need them): a small widget holds small pages, and six widgets on a page stay within tens of
//    megabytes. A full atlas is reset with two more pages allowed (generation() moves on,
//    end_frame() returns false): only the lines still shown come back.
//  - The GL context of the instance must be current whenever the engine is called or destroyed.
#pragma once

#include "text/atlas.hpp"
#include "text/engine.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace versus::web {

class BrowserTextEngine final : public text::Engine {
public:
    BrowserTextEngine();
    ~BrowserTextEngine() override;
    BrowserTextEngine(const BrowserTextEngine&) = delete;
    BrowserTextEngine& operator=(const BrowserTextEngine&) = delete;

    // The canvas's drawing buffer in device pixels: pages are sized from it. A wider canvas than
    // the pages resets the atlas (its lines would not fit).
    void set_canvas_size(int device_w, int device_h);
    // Fonts changed (a face finished loading, the element's font-family changed): every measure
    // and texel is dropped. The caller clears its Layout too.
    void fonts_changed();
    int page_count() const { return static_cast<int>(textures_.size()); }

    void set_pixel_ratio(float ratio) override;
    float pixel_ratio() const override { return ratio_; }
    void set_language(std::string_view lang) override;

    text::Metrics metrics(text::FontSpec font) override;
    float measure(std::string_view text, text::FontSpec font, text::Direction dir) override;
    void render(std::string_view text, text::FontSpec font, text::Direction dir, std::uint32_t rgba,
                text::ShapedLine& out) override;
    bool bakes_colour() const override { return true; }

    text::Direction paragraph_direction(std::string_view text) override;
    void dictionary_breaks(std::string_view text, std::vector<std::uint32_t>& out) override;
    void cluster_starts(std::string_view text, std::vector<std::uint32_t>& out) override;

    std::uintptr_t texture(std::uint32_t page) const override;
    std::uint64_t generation() const override { return generation_; }
    bool end_frame() override;

private:
    void reset_atlas();          // every page emptied (textures kept), generation moves on
    void release_textures();
    unsigned page_texture(std::uint32_t page);   // created on first use
    // Appends what the JS engine finds in `text` (vt_byte_offsets: 0 dictionary word breaks, 1
    // grapheme cluster starts), as byte offsets.
    void byte_offsets(int what, std::string_view text, std::vector<std::uint32_t>& out);

    float ratio_ = 1.0f;
    std::string lang_;
    int canvas_w_ = 0, canvas_h_ = 0;
    int max_pages_ = 2;
    text::ShelfAtlas atlas_{256, 512, 2};
    std::vector<unsigned> textures_;   // GL names, one per page in use
    std::vector<char> dirty_;          // pages with lines queued in JS since the last end_frame
    std::uint64_t generation_ = 1;
    bool overflowed_ = false;
    bool reset_in_frame_ = false;      // the atlas was reset during this frame already
    struct CachedMetrics {
        text::FontSpec font;
        text::Metrics metrics;
    };
    std::vector<CachedMetrics> metrics_;
    std::vector<std::uint32_t> scratch_;
};

}  // namespace versus::web
