// view_charts.cpp — the reviewer split: one ship/skip bar per shown tool and the reviewer × tool
// matrix. Geometry comes from charts.hpp; this file only reads data and paints. Every bar
// segment and matrix mark is a focusable button: hover or keyboard focus shows its detail as a
// tooltip, a tap/click/Enter pins it under the charts (so nothing depends on hovering).
#include "ui/charts.hpp"
#include "ui/view_internal.hpp"

#include <algorithm>

namespace versus::ui {

namespace {

const std::string& bar_key(std::string& buf, const Tool& t, Verdict v) {
    return compose(buf, "bar:", t.id, v == Verdict::Ship ? ":ship" : ":skip");
}
const std::string& cell_key(std::string& buf, const Tool& t, const Reviewer& r) {
    return compose(buf, "cell:", t.id, ":", r.id);
}

std::string clip(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // UTF-8 boundary
    return s.substr(0, cut) + "\xE2\x80\xA6";                                           // …
}

}  // namespace

// The detail of a chart element, drawn in a tooltip or in the pinned card.
static void draw_detail(const Ctx& c, const Payload& p, const std::string& key, float width) {
    std::string buf;   // drawn only for the one element hovered, focused or pinned
    for (const Review& rv : p.reviews) {
        const Tool& t = p.tools[static_cast<size_t>(rv.tool)];
        const Reviewer& who = p.reviewers[static_cast<size_t>(rv.reviewer)];
        if (key == cell_key(buf, t, who)) {
            text_block(c, "detail.head", c.fonts.small_bold, rv.verdict == Verdict::Ship ? c.pal.ship : c.pal.skip,
                       c.words->verdict(rv.verdict) + present::kDot + t.name, width);
            text_block(c, "detail.by", c.fonts.small, c.pal.muted, who.lens.empty() ? who.name : who.name + ", " + who.lens, width);
            text_block(c, "detail.quote", c.fonts.body, c.pal.text, "\xE2\x80\x9C" + rv.quote + "\xE2\x80\x9D", width);
            return;
        }
    }
    for (size_t ti = 0; ti < p.tools.size(); ++ti) {
        const Tool& t = p.tools[ti];
        for (Verdict v : {Verdict::Ship, Verdict::Skip}) {
            if (key != bar_key(buf, t, v)) continue;
            int n = 0;
            for (const Review& rv : p.reviews) n += rv.tool == static_cast<int>(ti) && rv.verdict == v;
            text_block(c, "detail.head", c.fonts.small_bold, v == Verdict::Ship ? c.pal.ship : c.pal.skip,
                       c.words->verdict(v) + present::kDot + t.name + present::kDot +
                           c.words->count(Label::reviewers, static_cast<std::uint64_t>(n)), width);
            for (const Review& rv : p.reviews) {
                if (rv.tool != static_cast<int>(ti) || rv.verdict != v) continue;
                const Reviewer& who = p.reviewers[static_cast<size_t>(rv.reviewer)];
                text_block(c, "detail.by", c.fonts.small_bold, c.pal.text, who.lens.empty() ? who.name : who.name + ", " + who.lens, width);
                text_block(c, "detail.quote", c.fonts.small, c.pal.muted, "\xE2\x80\x9C" + clip(rv.quote, 220) + "\xE2\x80\x9D", width);
            }
            return;
        }
    }
}

// A chart element: focusable, hover/focus tooltip, click pins. Returns whether it is highlighted.
static bool chart_button(const Ctx& c, const Payload& p, std::string& pinned, const std::string& key,
                         const Rect& r) {
    ImGui::SetCursorScreenPos(r.min);
    ImGui::PushID(key.c_str());
    const bool clicked = pressable("##el", ImVec2(std::max(r.width(), 1.0f), std::max(r.height(), 1.0f)));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused() && !ImGui::GetCurrentContext()->NavDisableHighlight;
    if (clicked) pinned = pinned == key ? std::string() : key;
    if ((hovered || focused) && pinned != key) {
        if (!hovered) ImGui::SetNextWindowPos(ImVec2(r.min.x, r.max.y + 4));   // keyboard: by the item
        ImGui::BeginTooltip();
        draw_detail(Ctx{c.fonts, c.pal, nullptr, ImGui::GetWindowDrawList(), c.scratch, c.splitters, c.splitter_depth, c.words}, p, key, 340);
        ImGui::EndTooltip();
    }
    focus_ring(ImGui::GetItemID(), ImRect(r.min, r.max), 4);
    return hovered || focused || pinned == key;
}

void ComparisonView::draw_charts(Ctx& c) {
    if (payload_.reviews.empty()) return;
    const float w = ImGui::GetContentRegionAvail().x;
    section_heading(c, words_.text(Label::reviewer_split), w);
    CardScope card(c, w, metrics::kCardPad, c.pal.card, c.pal.border);
    draw_split_bars(c, card.inner_width());
    ImGui::Dummy(ImVec2(0, 8));
    draw_matrix(c, card.inner_width());
    if (!reader_.pinned.empty()) draw_pinned(c, card.inner_width());
    const ImRect r = card.end();
    c.note("charts", "", r.Min, r.Max);
    ImGui::Dummy(ImVec2(0, 4));
}

void ComparisonView::draw_split_bars(Ctx& c, float w) {
    const ReviewerSplit& s = derived_.split;
    for (size_t k = 0; k < s.tools.size(); ++k) {
        const int ti = s.tools[k];
        const Tool& t = payload_.tools[static_cast<size_t>(ti)];
        const PanelFigure& f = s.per_tool[k];
        const float x0 = ImGui::GetCursorScreenPos().x;
        text_block(c, "bar.tool", c.fonts.small_bold, c.pal.text, t.name, w);
        // The same line as the rendition's (present::split_line): one truth.
        text_block(c, "bar.figures", c.fonts.small, c.pal.muted, figures_[static_cast<size_t>(ti)].panel_split, w);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const Rect bar{ImVec2(x0, p.y), ImVec2(x0 + w, p.y + 22)};
        const SplitBar sb = split_bar(bar, f.ship, f.skip);
        c.dl->AddRectFilled(bar.min, bar.max, c.pal.background, 6);
        // One segment per verdict; the rounded end is on the outside of the bar.
        auto segment = [&](Verdict v, const Rect& r, const Rect& other, ImU32 colour, ImDrawFlags outer, const char* role) {
            if (r.width() <= 0) return;
            const bool hi = chart_button(c, payload_, reader_.pinned, bar_key(c.scratch[1], t, v), r);
            c.dl->AddRectFilled(r.min, r.max, colour, 6, other.width() > 0 ? outer : ImDrawFlags_RoundCornersAll);
            if (hi) c.dl->AddRect(r.min, r.max, c.pal.text, 6, 0, 2);
            c.note(role, t.id, r.min, r.max);
        };
        segment(Verdict::Ship, sb.ship, sb.skip, c.pal.ship, ImDrawFlags_RoundCornersLeft, "bar.ship");
        segment(Verdict::Skip, sb.skip, sb.ship, c.pal.skip, ImDrawFlags_RoundCornersRight, "bar.skip");
        ImGui::SetCursorScreenPos(ImVec2(x0, bar.max.y));
        ImGui::Dummy(ImVec2(w, 8));
    }
}

void ComparisonView::draw_matrix(Ctx& c, float w) {
    const ReviewerSplit& s = derived_.split;
    const int cols = static_cast<int>(s.tools.size());
    const int all_rows = static_cast<int>(s.rows.size());
    constexpr int kFirstRows = 12;   // a large panel shows its first reviewers until asked
    const int rows = reader_.all_reviewers ? all_rows : std::min(all_rows, kFirstRows);
    if (cols == 0 || rows == 0) return;
    text_block(c, "matrix.label", c.fonts.small_bold, c.pal.muted, words_.text(Label::verdicts_by_reviewer), w);

    // Header height: the tallest tool name wrapped in its column.
    MatrixLayout m = matrix_layout(w, cols, 190, 56, 160, 0, 40, 14);   // 56 px: a 34 px mark and room
    float header_h = 0;
    for (int ti : s.tools)
        header_h = std::max(header_h, text_size(c.fonts.small_bold, payload_.tools[static_cast<size_t>(ti)].name, m.column_width - 8).y);
    m.header_height = header_h + 10;

    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImU32 differs_bg = ImGui::GetColorU32(ImGuiCol_Header);
    for (int b = 0; b < m.blocks; ++b) {
        for (int r = 0; r < rows; ++r) {
            const ReviewerSplitRow& row = s.rows[static_cast<size_t>(r)];
            const Reviewer& who = payload_.reviewers[static_cast<size_t>(row.reviewer)];
            const Rect lab = m.label(o, r, b, rows);
            const int last_col = std::min(cols, (b + 1) * m.columns_per_block) - 1;
            const Rect end_cell = m.cell(o, r, last_col, rows);
            if (row.differs) {
                c.dl->AddRectFilled(lab.min, end_cell.max, differs_bg, 6);
                c.dl->AddRectFilled(lab.min, ImVec2(lab.min.x + 4, lab.max.y), c.pal.accent, 2);
            }
            const float lh = line_height(c.fonts.small_bold);
            const float label_w = lab.max.x - 6 - (lab.min.x + 10);
            draw_text_ellipsis(c.dl, c.fonts.small_bold, ImVec2(lab.min.x + 10, lab.min.y + 3), c.pal.text, who.name, label_w);
            const std::string& sub = !row.differs ? who.lens
                                   : who.lens.empty() ? compose(c.scratch[0], words_.text(Label::differs))
                                                      : compose(c.scratch[0], who.lens, present::kDot, words_.text(Label::differs));
            draw_text_ellipsis(c.dl, c.fonts.small, ImVec2(lab.min.x + 10, lab.min.y + 3 + lh), c.pal.muted, sub, label_w);
            if (b == 0) c.note(row.differs ? "matrix.row.differs" : "matrix.row", who.id, lab.min, end_cell.max);
        }
    }
    for (int k = 0; k < cols; ++k) {
        const Tool& t = payload_.tools[static_cast<size_t>(s.tools[static_cast<size_t>(k)])];
        const Rect h = m.header(o, k, rows);
        const float name_w = text_size(c.fonts.small_bold, t.name, m.column_width - 8).x;
        // Centred over the column's marks (a wrapped name fills the column anyway).
        ImGui::SetCursorScreenPos(ImVec2(h.min.x + std::max(4.0f, (m.column_width - name_w) * 0.5f), h.min.y + 2));
        text_block(c, "matrix.tool", c.fonts.small_bold, c.pal.text, t.name, m.column_width - 8);
        for (int r = 0; r < rows; ++r) {
            const ReviewerSplitRow& row = s.rows[static_cast<size_t>(r)];
            const Rect cell = m.cell(o, r, k, rows);
            const ImVec2 centre((cell.min.x + cell.max.x) * 0.5f, (cell.min.y + cell.max.y) * 0.5f);
            const std::optional<Verdict>& v = row.verdicts[static_cast<size_t>(k)];
            if (!v) {   // not reviewed: a faint dash
                c.dl->AddLine(ImVec2(centre.x - 5, centre.y), ImVec2(centre.x + 5, centre.y), c.pal.border, 2);
                continue;
            }
            const Reviewer& who = payload_.reviewers[static_cast<size_t>(row.reviewer)];
            const float size = 34;
            const Rect hit{ImVec2(centre.x - size / 2, centre.y - size / 2), ImVec2(centre.x + size / 2, centre.y + size / 2)};
            const bool hi = chart_button(c, payload_, reader_.pinned, cell_key(c.scratch[1], t, who), hit);
            verdict_mark(c, centre, hi ? 11.0f : 9.5f, *v, c.pal.card);
            if (c.record) c.note(*v == Verdict::Ship ? "matrix.ship" : "matrix.skip", t.id + "/" + who.id, hit.min, hit.max);
        }
    }
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(w, m.total_height(rows)));
    if (all_rows > kFirstRows) {
        const std::string label = reader_.all_reviewers ? words_.count(Label::show_first_reviewers, kFirstRows)
                                                        : words_.count(Label::show_all_reviewers, static_cast<std::uint64_t>(all_rows));
        if (link_button(c, "##all-reviewers", "matrix.all", label, c.fonts.small_bold))
            reader_.all_reviewers = !reader_.all_reviewers;
    }

    if (std::any_of(s.rows.begin(), s.rows.end(), [](const ReviewerSplitRow& r) { return r.differs; })) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        c.dl->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 4, p.y + 15), c.pal.accent, 2);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 10, p.y));
        text_block(c, "matrix.legend", c.fonts.small, c.pal.muted,
                   words_.text(Label::split_legend), w - 10);
    }
}

void ComparisonView::draw_pinned(Ctx& c, float w) {
    ImGui::Dummy(ImVec2(0, 4));
    CardScope card(c, w, 12, c.pal.background, c.pal.accent);
    draw_detail(c, payload_, reader_.pinned, card.inner_width());
    if (link_button(c, "##unpin", "pinned.close", words_.text(Label::close), c.fonts.small_bold)) reader_.pinned.clear();
    const ImRect r = card.end();
    c.note("pinned", reader_.pinned, r.Min, r.Max);
}

}  // namespace versus::ui
