// atlas.cpp — see atlas.hpp.
#include "text/atlas.hpp"

namespace versus::text {

bool ShelfAtlas::allocate(int w, int h, AtlasRect& out) {
    constexpr int kGutter = 1;   // keeps bilinear sampling from bleeding into a neighbour
    const int gw = w + kGutter, gh = h + kGutter;
    if (w <= 0 || h <= 0 || gw > page_w_ || gh > page_h_) return false;
    for (std::size_t p = 0;; ++p) {
        if (p == pages_.size()) {
            if (static_cast<int>(pages_.size()) >= max_pages_) return false;
            pages_.emplace_back();
        }
        Page& page = pages_[p];
        // The best shelf: the lowest that is tall enough without wasting more than a third.
        Shelf* best = nullptr;
        for (Shelf& s : page.shelves)
            if (s.h >= gh && s.h <= gh + gh / 3 + 2 && s.x + gw <= page_w_ && (!best || s.h < best->h)) best = &s;
        if (!best && page.bottom + gh <= page_h_) {
            page.shelves.push_back({page.bottom, gh, 0});
            page.bottom += gh;
            best = &page.shelves.back();
        }
        if (!best) continue;
        out = {static_cast<std::uint32_t>(p), best->x, best->y, w, h};
        best->x += gw;
        return true;
    }
}

void ShelfAtlas::reset() {
    pages_.clear();
    ++generation_;
}

}  // namespace versus::text
