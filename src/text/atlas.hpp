// atlas.hpp — where rasterised text lives: pages of texels packed in shelves (rows of equal
// height), shared by the native engine (one glyph per entry) and the web engine (one line per
// entry). A page is never repacked: when every page is full the atlas is reset and its
// generation moves on, so every cached shaped line is made again (Layout checks the generation).
#pragma once

#include <cstdint>
#include <vector>

namespace versus::text {

struct AtlasRect {
    std::uint32_t page = 0;
    int x = 0, y = 0, w = 0, h = 0;
};

class ShelfAtlas {
public:
    // Pages of page_w × page_h texels, at most max_pages of them.
    ShelfAtlas(int page_w, int page_h, int max_pages) : page_w_(page_w), page_h_(page_h), max_pages_(max_pages) {}

    // Room for a w × h entry (plus a 1-texel gutter), or false when every page is full.
    bool allocate(int w, int h, AtlasRect& out);
    // Empties every page (pages() drops to 0) and moves the generation on.
    void reset();

    int page_width() const { return page_w_; }
    int page_height() const { return page_h_; }
    int pages() const { return static_cast<int>(pages_.size()); }
    std::uint64_t generation() const { return generation_; }

private:
    struct Shelf {
        int y, h, x;
    };
    struct Page {
        std::vector<Shelf> shelves;
        int bottom = 0;   // first free row under the shelves
    };
    int page_w_, page_h_, max_pages_;
    std::vector<Page> pages_;
    std::uint64_t generation_ = 1;
};

}  // namespace versus::text
