// text_draw.cpp — see text_draw.hpp.
#include "ui/text_draw.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace versus::ui {

namespace {

// A logical coordinate on the device pixel grid, so a texel lands on a pixel.
float snap(float v, float ratio) { return std::round(v * ratio) / ratio; }

// Draws a line with its origin (left edge, top) at `origin`. Under a mirror of width W (a
// right-to-left widget, see text::Layout::set_mirror) the line is placed so that, once the whole
// frame is mirrored (x → W − x), it reads unflipped with its left edge at W − (origin.x + width):
// every quad goes to the mirror image of that final place with its texture coordinates swapped.
void draw_line(ImDrawList* dl, text::Layout& layout, const text::ShapedLine& line, ImVec2 origin, ImU32 colour) {
    if (line.quads.empty()) return;
    text::Engine& engine = layout.engine();
    const float mirror = layout.mirror();
    const float ratio = engine.pixel_ratio();
    const float final_x = mirror > 0 ? snap(mirror - (origin.x + line.width), ratio) : origin.x;
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
        const ImU32 c = q.coloured ? white : colour;
        if (mirror > 0)
            dl->PrimRectUV(ImVec2(mirror - (final_x + q.x1), origin.y + q.y0), ImVec2(mirror - (final_x + q.x0), origin.y + q.y1),
                           ImVec2(q.u1, q.v0), ImVec2(q.u0, q.v1), c);
        else
            dl->PrimRectUV(ImVec2(final_x + q.x0, origin.y + q.y0), ImVec2(final_x + q.x1, origin.y + q.y1),
                           ImVec2(q.u0, q.v0), ImVec2(q.u1, q.v1), c);
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
    // A right-to-left paragraph starts at the right edge of its box; in a mirrored (right-to-left)
    // widget every line starts at the left edge here, which the mirror makes the right edge.
    const bool rtl = w.direction == text::Direction::RightToLeft && layout.mirror() <= 0;
    float y = pos.y;
    for (const text::Line& l : w.lines) {
        if (l.end > l.begin && layout.visible(y, y + lh) && !clipped_out(dl, y, y + lh)) {
            const float x = rtl ? pos.x + width - l.width : pos.x;
            const text::ShapedLine& shaped =
                layout.line(text.substr(l.begin, l.end - l.begin), font.spec, w.direction, colour);
            draw_line(dl, layout, shaped, ImVec2(snap(x, ratio), snap(y, ratio)), colour);
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
    const float x = dir == text::Direction::RightToLeft && layout.mirror() <= 0 ? pos.x + width - shaped.width : pos.x;
    draw_line(dl, layout, shaped, ImVec2(snap(x, ratio), snap(pos.y, ratio)), colour);
}

}  // namespace versus::ui
