// view_primitives.cpp — the drawing primitives the view files share (view_internal.hpp).
#include "ui/view_internal.hpp"

#include <algorithm>
#include <cmath>

namespace versus::ui {

// [SECTION] Text
// Every string goes through the text layout of the font (text_draw.hpp): wrapped by UAX #14,
// shaped by the platform's engine, cached per text, font and width by the host's text::Layout.

ImVec2 text_size(const FontRef& font, std::string_view text, float width) {
    return measure_text(font, text, std::max(width, 1.0f));
}

static ImVec2 draw_wrapped(ImDrawList* dl, const FontRef& font, ImVec2 pos, ImU32 colour, std::string_view text,
                           float width) {
    return draw_text(dl, font, pos, colour, text, std::max(width, 1.0f));
}

ImRect text_block(const Ctx& c, std::string_view role, const FontRef& font, ImU32 colour,
                  std::string_view text, float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size = draw_wrapped(ImGui::GetWindowDrawList(), font, p, colour, text, width);
    ImGui::Dummy(size);
    const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    c.note(role, text, r.Min, r.Max);
    return r;
}

void section_heading(const Ctx& c, std::string_view text, float width) {
    ImGui::Dummy(ImVec2(0, 6));
    text_block(c, "heading", c.fonts.heading, c.pal.text, text, width);
}

float glyph_x_sign(const Ctx& c) { return c.fonts.body.layout && c.fonts.body.layout->mirror() > 0 ? -1.0f : 1.0f; }

void verdict_mark(const Ctx& c, ImVec2 centre, float radius, Verdict v, ImU32 ink) {
    ImDrawList* dl = c.dl;
    dl->AddCircleFilled(centre, radius, v == Verdict::Ship ? c.pal.ship : c.pal.skip, 24);
    const float t = std::max(1.5f, radius * 0.22f);
    if (v == Verdict::Ship) {
        const float sx = glyph_x_sign(c) * radius;   // pre-compensates the mirror (a check is never flipped)
        ImVec2 a(centre.x - sx * 0.45f, centre.y + radius * 0.02f);
        ImVec2 b(centre.x - sx * 0.12f, centre.y + radius * 0.35f);
        ImVec2 d(centre.x + sx * 0.48f, centre.y - radius * 0.35f);
        dl->AddLine(a, b, ink, t);
        dl->AddLine(b, d, ink, t);
    } else {
        const float k = radius * 0.38f;
        dl->AddLine(ImVec2(centre.x - k, centre.y - k), ImVec2(centre.x + k, centre.y + k), ink, t);
        dl->AddLine(ImVec2(centre.x - k, centre.y + k), ImVec2(centre.x + k, centre.y - k), ink, t);
    }
}

bool pressable(const char* id, ImVec2 size) {
    const bool clicked = ImGui::InvisibleButton(id, size);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked;
}

void focus_ring(ImGuiID id, const ImRect& rect, float rounding) {
    ImGui::RenderNavHighlight(rect, id, ImGuiNavHighlightFlags_TypeThin);
    (void)rounding;
}

void Flow::place(float width, float spacing) {
    if (!first) {
        ImGui::SameLine(0, spacing);
        if (ImGui::GetCursorScreenPos().x + width > end_x) {
            ImGui::NewLine();
            ImGui::SetCursorScreenPos(ImVec2(start_x, ImGui::GetCursorScreenPos().y));
        }
    }
    first = false;
}

// A pill's size: its text on one line, or wrapped when the line is too narrow for it.
static ImVec2 pill_size(const FontRef& font, std::string_view text, ImVec2 pad, float max_width) {
    const ImVec2 ts = text_size(font, text, std::max(max_width - pad.x * 2, 1.0f));
    return ImVec2(ts.x + pad.x * 2, ts.y + pad.y * 2);
}

void pill(const Ctx& c, Flow& flow, std::string_view role, std::string_view text, ImU32 bg, ImU32 fg) {
    const ImVec2 pad(8, 3);
    const ImVec2 size = pill_size(c.fonts.small_bold, text, pad, flow.end_x - flow.start_x);
    flow.place(size.x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    c.dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, std::min(size.y * 0.5f, 11.0f));
    draw_wrapped(c.dl, c.fonts.small_bold, ImVec2(p.x + pad.x, p.y + pad.y), fg, text, size.x - pad.x * 2 + 0.5f);
    c.note(role, text, p, ImVec2(p.x + size.x, p.y + size.y));
}

bool chip(const Ctx& c, Flow& flow, const char* id, std::string_view role, std::string_view text,
          bool on, ImU32 on_bg, ImU32 on_fg) {
    const ImVec2 pad(12, 7);
    const float check_w = on ? 4.0f : 0.0f;   // room for the check drawn before the label
    ImVec2 size = pill_size(c.fonts.small_bold, text, ImVec2(pad.x + check_w * 0.5f, pad.y), flow.end_x - flow.start_x);
    size.y = std::max(size.y, metrics::kTouchTarget);
    flow.place(size.x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = pressable(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImRect r(p, ImVec2(p.x + size.x, p.y + size.y));
    const float round = std::min(size.y * 0.5f, metrics::kTouchTarget * 0.5f);
    if (on) {
        c.dl->AddRectFilled(r.Min, r.Max, on_bg, round);
    } else {
        c.dl->AddRectFilled(r.Min, r.Max, hovered ? ImGui::GetColorU32(ImGuiCol_ButtonHovered) : c.pal.card, round);
        c.dl->AddRect(r.Min, r.Max, hovered ? c.pal.accent : c.pal.border, round, 0, 1.0f);
    }
    const ImU32 fg = on ? on_fg : c.pal.text;
    if (on) {   // a check before the label says "on" without relying on colour
        const float cx = p.x + 9, cy = p.y + size.y * 0.5f, sx = glyph_x_sign(c);   // unmirrored (verdict_mark)
        c.dl->AddLine(ImVec2(cx - sx * 3.5f, cy), ImVec2(cx - sx * 1, cy + 2.5f), fg, 1.6f);
        c.dl->AddLine(ImVec2(cx - sx * 1, cy + 2.5f), ImVec2(cx + sx * 3.5f, cy - 3), fg, 1.6f);
    }
    const float text_w = size.x - pad.x * 2 - check_w;
    const ImVec2 ts = text_size(c.fonts.small_bold, text, text_w + 0.5f);
    draw_wrapped(c.dl, c.fonts.small_bold, ImVec2(p.x + pad.x + check_w, p.y + (size.y - ts.y) * 0.5f), fg, text, text_w + 0.5f);
    focus_ring(ImGui::GetItemID(), r, round);
    c.note(role, text, r.Min, r.Max);
    if (on && c.record) c.note(std::string(role) + ".on", text, r.Min, r.Max);
    return clicked;
}

bool link_button(const Ctx& c, const char* id, std::string_view role, std::string_view text, const FontRef& font,
                 float max_width) {
    if (max_width <= 0) max_width = ImGui::GetContentRegionAvail().x;
    const ImVec2 ts = text_size(font, text, std::max(max_width - 4, 1.0f));
    const ImVec2 size(ts.x + 4, std::max(ts.y + 8, 24.0f));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = pressable(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 tp(p.x + 2, p.y + (size.y - ts.y) * 0.5f);
    draw_wrapped(c.dl, font, tp, c.pal.accent, text, ts.x + 0.5f);
    if (hovered) c.dl->AddLine(ImVec2(tp.x, tp.y + ts.y), ImVec2(tp.x + ts.x, tp.y + ts.y), c.pal.accent, 1.0f);
    focus_ring(ImGui::GetItemID(), ImRect(p, ImVec2(p.x + size.x, p.y + size.y)), 4);
    c.note(role, text, p, ImVec2(p.x + size.x, p.y + size.y));
    return clicked;
}

size_t fit_lines(const FontRef& font, std::string_view text, float width, int max_lines) {
    if (max_lines <= 0) return text.size();
    const text::Wrapped& w = font.layout->wrap_lines(text, font.spec, std::max(width, 1.0f), max_lines);
    return w.more ? w.lines.back().end : text.size();
}

void item_tooltip(const Ctx& c, std::string_view text) {
    if (!ImGui::BeginItemTooltip()) return;
    const float w = std::min(text_size(c.fonts.small, text, 420.0f).x, 420.0f) + 1.0f;
    text_block(Ctx{c.fonts, c.pal, nullptr, ImGui::GetWindowDrawList(), c.scratch, c.splitters, c.splitter_depth},
               "tooltip", c.fonts.small, c.pal.text, text, w);
    ImGui::EndTooltip();
}

void folding_text(const Ctx& c, std::set<std::string>& expanded, const std::string& key, std::string_view role,
                  const FontRef& font, ImU32 colour, const std::string& text, float width, int fold_after, int folded_lines) {
    const bool long_text = fit_lines(font, text, width, fold_after) < text.size();
    const bool open = expanded.count(key) > 0;
    if (long_text && !open) {
        // The folded text leaves room for the "…" on its last line.
        size_t fold = fit_lines(font, text, width - text_size(font, "\xE2\x80\xA6", width).x - 2, folded_lines);
        while (fold > 0 && text[fold - 1] == ' ') --fold;
        text_block(c, role, font, colour, compose(c.scratch[6], std::string_view(text).substr(0, fold), "\xE2\x80\xA6"), width);
    } else {
        text_block(c, role, font, colour, text, width);
    }
    if (!long_text) return;
    ImGui::PushID(key.c_str());
    const std::string& button_role = compose(c.scratch[7], role, open ? ".less" : ".more");
    if (link_button(c, "##fold", button_role, c.words->text(open ? Label::show_less : Label::show_more), c.fonts.small_bold)) {
        if (open) expanded.erase(key);
        else expanded.insert(key);
    }
    ImGui::PopID();
}

CardScope::CardScope(const Ctx& ctx, float w, float p, ImU32 f, ImU32 e)
    : c(ctx), pooled(ctx), p0(ImGui::GetCursorScreenPos()), width(w), pad(p), fill(f), edge(e) {
    splitter.Split(c.dl, 2);
    splitter.SetCurrentChannel(c.dl, 1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
}

ImRect CardScope::end() {
    ImGui::Dummy(ImVec2(inner_width(), 0));
    ImGui::EndGroup();
    const ImVec2 p1(p0.x + width, ImGui::GetItemRectMax().y + pad);
    splitter.SetCurrentChannel(c.dl, 0);
    c.dl->AddRectFilled(p0, p1, fill, metrics::kRounding);
    if (edge) c.dl->AddRect(p0, p1, edge, metrics::kRounding);
    splitter.Merge(c.dl);
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(width, p1.y - p0.y));
    return ImRect(p0, p1);
}

}  // namespace versus::ui
