// text_draw.cpp — see text_draw.hpp.
#include "ui/text_draw.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace versus::ui {

namespace {

// A logical coordinate on the device pixel grid, so a texel lands on a pixel.
float snap(float v, float ratio) { return std::round(v * ratio) / ratio; }

void draw_line(ImDrawList* dl, text::Engine& engine, const text::ShapedLine& line, ImVec2 origin, ImU32 colour) {
    if (line.quads.empty()) return;
    const ImU32 white = (colour & IM_COL32_A_MASK) | IM_COL32(255, 255, 255, 0);
    std::uint32_t page = ~0u;
    bool pushed = false;
    for (const text::Quad& q : line.quads) {
        if (q.page != page) {
            if (pushed) dl->PopTextureID();
            page = q.page;
            dl->PushTextureID(reinterpret_cast<ImTextureID>(engine.texture(page)));
            pushed = true;
        }
        dl->PrimReserve(6, 4);
        dl->PrimRectUV(ImVec2(origin.x + q.x0, origin.y + q.y0), ImVec2(origin.x + q.x1, origin.y + q.y1),
                       ImVec2(q.u0, q.v0), ImVec2(q.u1, q.v1), q.coloured ? white : colour);
    }
    if (pushed) dl->PopTextureID();
}

bool clipped_out(ImDrawList* dl, float y0, float y1) {
    return y1 < dl->GetClipRectMin().y || y0 > dl->GetClipRectMax().y;
}

}  // namespace

float line_height(const FontRef& font) { return font.layout->metrics(font.spec).line_height; }

ImVec2 measure_text(const FontRef& font, std::string_view text, float width) {
    const text::Wrapped& w = font.layout->wrap(text, font.spec, width);
    return ImVec2(w.width, line_height(font) * static_cast<float>(w.lines.size()));
}

ImVec2 draw_text(ImDrawList* dl, const FontRef& font, ImVec2 pos, ImU32 colour, std::string_view text, float width) {
    text::Layout& layout = *font.layout;
    const text::Wrapped& w = layout.wrap(text, font.spec, width);
    const float lh = line_height(font);
    const float ratio = layout.engine().pixel_ratio();
    const bool rtl = w.direction == text::Direction::RightToLeft;
    float y = pos.y;
    for (const text::Line& l : w.lines) {
        if (l.end > l.begin && layout.visible(y, y + lh) && !clipped_out(dl, y, y + lh)) {
            const float x = rtl ? pos.x + width - l.width : pos.x;
            const text::ShapedLine& shaped =
                layout.line(text.substr(l.begin, l.end - l.begin), font.spec, w.direction, colour);
            draw_line(dl, layout.engine(), shaped, ImVec2(snap(x, ratio), snap(y, ratio)), colour);
        }
        y += lh;
    }
    return ImVec2(rtl ? std::max(width, w.width) : w.width, y - pos.y);
}

void draw_text_ellipsis(ImDrawList* dl, const FontRef& font, ImVec2 pos, ImU32 colour, std::string_view text,
                        float width) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    text::Layout& layout = *font.layout;
    const float lh = line_height(font);
    if (!layout.visible(pos.y, pos.y + lh) || clipped_out(dl, pos.y, pos.y + lh)) return;
    const std::size_t fit = layout.fit_prefix(text, font.spec, width, kEllipsis);
    const text::Direction dir = layout.engine().paragraph_direction(text);
    std::string cut;
    std::string_view shown = text;
    if (fit < text.size()) {
        cut.assign(text.substr(0, fit));
        cut.append(kEllipsis);
        shown = cut;
    }
    const float ratio = layout.engine().pixel_ratio();
    const text::ShapedLine& shaped = layout.line(shown, font.spec, dir, colour);
    const float x = dir == text::Direction::RightToLeft ? pos.x + width - shaped.width : pos.x;
    draw_line(dl, layout.engine(), shaped, ImVec2(snap(x, ratio), snap(pos.y, ratio)), colour);
}

}  // namespace versus::ui
