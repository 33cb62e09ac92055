// view.cpp — the comparison widget's frame body.
//
// Index
//  [SECTION] Frame record and layout helpers
//  [SECTION] Text and shape primitives
//  [SECTION] Frame body
//  [SECTION] Header
//  [SECTION] Tool cards
//  [SECTION] Reviewer scorecard
//  [SECTION] Call to action
//  [SECTION] Error card
#include "ui/view.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace versus::ui {

// [SECTION] Frame record and layout helpers -----------------------------------------------------

const DrawnItem* FrameRecord::find(std::string_view role, std::string_view text) const {
    for (const DrawnItem& it : items)
        if (it.role == role && (text.empty() || it.text == text)) return &it;
    return nullptr;
}

std::vector<const DrawnItem*> FrameRecord::all(std::string_view role) const {
    std::vector<const DrawnItem*> out;
    for (const DrawnItem& it : items)
        if (it.role == role) out.push_back(&it);
    return out;
}

GridLayout grid_layout(float available_width, int count, float min_card_width, float gap) {
    GridLayout g;
    if (count <= 0 || available_width <= 0) return g;
    int fit = static_cast<int>(std::floor((available_width + gap) / (min_card_width + gap)));
    g.columns = std::clamp(fit, 1, count);
    g.card_width = (available_width - gap * static_cast<float>(g.columns - 1)) /
                   static_cast<float>(g.columns);
    return g;
}

namespace {
constexpr float kGap = 16.0f;          // between cards
constexpr float kCardPad = 16.0f;      // inside a card
constexpr float kMinCardWidth = 260.0f;
constexpr float kRounding = 10.0f;
}  // namespace

struct ComparisonView::Ctx {
    const Fonts& fonts;
    const Palette& pal;
    FrameRecord* record;
    ImDrawList* dl;

    void note(std::string_view role, std::string_view text, ImVec2 min, ImVec2 max) const {
        if (record) record->items.push_back({std::string(role), std::string(text), min, max});
    }
};

// [SECTION] Text and shape primitives -----------------------------------------------------------

// Wrapped text at the cursor, `width` wide at most. Returns its rectangle.
static ImRect text_block(const ComparisonView::Ctx& c, std::string_view role, ImFont* font,
                         ImU32 colour, std::string_view text, float width) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    float x0 = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(x0 + std::max(width, 1.0f));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    c.note(role, text, r.Min, r.Max);
    return r;
}

// A check (ship) or a cross (skip) in a filled circle.
static void verdict_mark(ImDrawList* dl, ImVec2 centre, float radius, Verdict v, const Palette& p) {
    ImU32 fill = v == Verdict::Ship ? p.ship : p.skip;
    dl->AddCircleFilled(centre, radius, fill, 24);
    ImU32 ink = p.card;
    float t = std::max(1.5f, radius * 0.22f);
    if (v == Verdict::Ship) {
        ImVec2 a(centre.x - radius * 0.45f, centre.y + radius * 0.02f);
        ImVec2 b(centre.x - radius * 0.12f, centre.y + radius * 0.35f);
        ImVec2 d(centre.x + radius * 0.48f, centre.y - radius * 0.35f);
        dl->AddLine(a, b, ink, t);
        dl->AddLine(b, d, ink, t);
    } else {
        float k = radius * 0.38f;
        dl->AddLine(ImVec2(centre.x - k, centre.y - k), ImVec2(centre.x + k, centre.y + k), ink, t);
        dl->AddLine(ImVec2(centre.x - k, centre.y + k), ImVec2(centre.x + k, centre.y - k), ink, t);
    }
}

// A small rounded label ("pill") at the cursor, flowing on the same line while it fits.
static void pill(const ComparisonView::Ctx& c, std::string_view role, std::string_view text,
                 ImU32 bg, ImU32 fg, float line_start_x, float line_end_x, bool* first) {
    ImGui::PushFont(c.fonts.small_bold);
    ImVec2 ts = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    ImVec2 pad(8, 3);
    ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    if (!*first) {
        ImGui::SameLine(0, 6);
        if (ImGui::GetCursorScreenPos().x + size.x > line_end_x) {
            ImGui::NewLine();
            ImGui::SetCursorScreenPos(ImVec2(line_start_x, ImGui::GetCursorScreenPos().y));
        }
    }
    *first = false;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    c.dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, size.y * 0.5f);
    c.dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), fg, text.data(), text.data() + text.size());
    ImGui::PopFont();
    c.note(role, text, p, ImVec2(p.x + size.x, p.y + size.y));
}

// [SECTION] Frame body -----------------------------------------------------------------------------

void ComparisonView::set_payload(Payload payload) {
    payload_ = std::move(payload);
    has_payload_ = true;
    problems_.clear();
}

void ComparisonView::set_problems(const std::vector<Problem>& problems, std::string source) {
    problems_.clear();
    for (const Problem& p : problems) problems_.push_back(format_problem(source, p));
}

void ComparisonView::draw(const Fonts& fonts, const Palette& palette) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette.background);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##versus", nullptr, flags);
    ImGui::PopStyleColor();
    if (record) record->clear();

    Ctx c{fonts, palette, record, ImGui::GetWindowDrawList()};
    if (!problems_.empty()) draw_errors(c);
    if (has_payload_) {
        draw_header(c);
        draw_cards(c);
        draw_scorecard(c);
        draw_cta(c);
    }
    const ImGuiStyle& st = ImGui::GetStyle();
    content_height_ = ImGui::GetCursorPosY() - st.ItemSpacing.y + st.WindowPadding.y;
    ImGui::End();
}

// [SECTION] Header ---------------------------------------------------------------------------------

void ComparisonView::draw_header(Ctx& c) {
    const Payload& p = payload_;
    float w = ImGui::GetContentRegionAvail().x;
    if (!p.kicker.empty()) text_block(c, "kicker", c.fonts.small_bold, c.pal.accent, p.kicker, w);
    text_block(c, "title", c.fonts.title, c.pal.text, p.title, w);
    if (!p.question.empty()) text_block(c, "question", c.fonts.heading, c.pal.text, p.question, w);
    if (!p.summary.empty()) text_block(c, "summary", c.fonts.body, c.pal.muted, p.summary, std::min(w, 760.0f));
    ImGui::Dummy(ImVec2(0, 6));
}

// [SECTION] Tool cards -----------------------------------------------------------------------------

void ComparisonView::draw_cards(Ctx& c) {
    const int n = static_cast<int>(payload_.tools.size());
    const float avail = ImGui::GetContentRegionAvail().x;
    const GridLayout g = grid_layout(avail, n, kMinCardWidth, kGap);
    const float x0 = ImGui::GetCursorScreenPos().x;

    for (int first = 0; first < n; first += g.columns) {
        const int last = std::min(n, first + g.columns);
        const float y0 = ImGui::GetCursorScreenPos().y;
        c.dl->ChannelsSplit(2);
        c.dl->ChannelsSetCurrent(1);
        float row_h = 0;
        for (int i = first; i < last; ++i) {
            float x = x0 + static_cast<float>(i - first) * (g.card_width + kGap);
            ImGui::SetCursorScreenPos(ImVec2(x + kCardPad, y0 + kCardPad));
            ImGui::BeginGroup();
            draw_card(c, i, g.card_width - 2 * kCardPad);
            ImGui::EndGroup();
            row_h = std::max(row_h, ImGui::GetItemRectMax().y - y0 + kCardPad);
        }
        c.dl->ChannelsSetCurrent(0);
        for (int i = first; i < last; ++i) {
            float x = x0 + static_cast<float>(i - first) * (g.card_width + kGap);
            ImVec2 a(x, y0), b(x + g.card_width, y0 + row_h);
            c.dl->AddRectFilled(a, b, c.pal.card, kRounding);
            c.dl->AddRect(a, b, c.pal.border, kRounding);
            c.note("card", payload_.tools[static_cast<size_t>(i)].id, a, b);
        }
        c.dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::Dummy(ImVec2(avail, row_h));
        ImGui::Dummy(ImVec2(0, kGap - ImGui::GetStyle().ItemSpacing.y * 2));
    }
}

void ComparisonView::draw_card(Ctx& c, int index, float w) {
    const Tool& t = payload_.tools[static_cast<size_t>(index)];
    ImGui::PushID(index);
    if (!t.category.empty()) text_block(c, "tool.category", c.fonts.small_bold, c.pal.accent, t.category, w);
    text_block(c, "tool.name", c.fonts.heading, c.pal.text, t.name, w);
    if (!t.vendor.empty()) text_block(c, "tool.vendor", c.fonts.small, c.pal.muted, "by " + t.vendor, w);
    if (!t.tagline.empty()) text_block(c, "tool.tagline", c.fonts.body, c.pal.text, t.tagline, w);
    ImGui::Dummy(ImVec2(0, 4));

    // Figures: panel ship, community, entry price — three columns.
    const PanelFigure panel = panel_figure(payload_, index);
    const std::string panel_text = percent_text(panel.percent);
    const std::string community_text = percent_text(community_percent(t.community));
    const std::string entry_text = t.pricing ? t.pricing->entry : std::string("—");
    struct Fig { const char* role; const std::string* value; const char* label; ImU32 colour; };
    const Fig figs[3] = {
        {"tool.panel", &panel_text, "Panel ship", panel.percent ? c.pal.ship : c.pal.muted},
        {"tool.community", &community_text, "Community", c.pal.text},
        {"tool.entry", &entry_text, "Entry", c.pal.text},
    };
    const float col_w = (w - 2 * 8.0f) / 3.0f;
    const ImVec2 fig0 = ImGui::GetCursorScreenPos();
    float fig_h = 0;
    for (int k = 0; k < 3; ++k) {
        ImGui::SetCursorScreenPos(ImVec2(fig0.x + static_cast<float>(k) * (col_w + 8.0f), fig0.y));
        ImGui::BeginGroup();
        text_block(c, figs[k].role, c.fonts.figure, figs[k].colour, *figs[k].value, col_w);
        text_block(c, "tool.figure-label", c.fonts.small, c.pal.muted, figs[k].label, col_w);
        ImGui::EndGroup();
        fig_h = std::max(fig_h, ImGui::GetItemRectMax().y - fig0.y);
    }
    ImGui::SetCursorScreenPos(fig0);
    ImGui::Dummy(ImVec2(w, fig_h));
    ImGui::Dummy(ImVec2(0, 2));

    // License facts as pills.
    const float lx0 = ImGui::GetCursorScreenPos().x, lx1 = lx0 + w;
    bool first = true;
    pill(c, "tool.license", t.license.name, c.pal.background, c.pal.text, lx0, lx1, &first);
    if (t.license.commercial_use)
        pill(c, "tool.fact", "Commercial use", c.pal.ship_soft, c.pal.text, lx0, lx1, &first);
    else
        pill(c, "tool.fact", "Non-commercial", c.pal.skip_soft, c.pal.text, lx0, lx1, &first);
    if (t.license.open_weights)
        pill(c, "tool.fact", "Open weights", c.pal.ship_soft, c.pal.text, lx0, lx1, &first);
    if (t.license.osi_approved)
        pill(c, "tool.fact", "OSI-approved", c.pal.ship_soft, c.pal.text, lx0, lx1, &first);
    ImGui::Dummy(ImVec2(0, 2));

    if (!t.description.empty()) text_block(c, "tool.description", c.fonts.body, c.pal.text, t.description, w);
    if (t.pricing && !t.pricing->notes.empty())
        text_block(c, "tool.pricing-notes", c.fonts.small, c.pal.muted, t.pricing->notes, w);
    if (!t.url.empty()) {
        ImGui::PushFont(c.fonts.small_bold);
        ImGui::PushStyleColor(ImGuiCol_Text, c.pal.accent);
        std::string label = "Visit " + t.name + " \xE2\x86\x92";  // →
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(std::min(w, ImGui::CalcTextSize(label.c_str()).x), 0)) &&
            host.open_url)
            host.open_url(t.url);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        c.note("tool.link", t.url, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::PopID();
}

// [SECTION] Reviewer scorecard ---------------------------------------------------------------------

void ComparisonView::draw_scorecard(Ctx& c) {
    if (payload_.reviews.empty()) return;
    const float avail = ImGui::GetContentRegionAvail().x;
    text_block(c, "heading", c.fonts.heading, c.pal.text, "Reviewer scorecard", avail);

    const int n = static_cast<int>(payload_.tools.size());
    const GridLayout g = grid_layout(avail, n, kMinCardWidth, kGap);
    const float x0 = ImGui::GetCursorScreenPos().x;
    if (g.columns == n && n > 1) {
        // Every tool has its own column: its reviews stack under it, in payload order.
        const float y0 = ImGui::GetCursorScreenPos().y;
        float bottom = y0;
        for (int t = 0; t < n; ++t) {
            ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(t) * (g.card_width + kGap), y0));
            ImGui::BeginGroup();
            for (int r = 0; r < static_cast<int>(payload_.reviews.size()); ++r)
                if (payload_.reviews[static_cast<size_t>(r)].tool == t) draw_review(c, r, g.card_width, true);
            ImGui::Dummy(ImVec2(g.card_width, 0));
            ImGui::EndGroup();
            bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::Dummy(ImVec2(avail, bottom - y0));
    } else {
        for (int r = 0; r < static_cast<int>(payload_.reviews.size()); ++r) draw_review(c, r, avail, true);
    }
    ImGui::Dummy(ImVec2(0, 4));
}

void ComparisonView::draw_review(Ctx& c, int index, float w, bool show_tool) {
    const Review& rv = payload_.reviews[static_cast<size_t>(index)];
    const Tool& tool = payload_.tools[static_cast<size_t>(rv.tool)];
    const Reviewer& who = payload_.reviewers[static_cast<size_t>(rv.reviewer)];
    const float pad = 14.0f, mark_r = 11.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float inner = w - 2 * pad - (mark_r * 2 + 10);

    c.dl->ChannelsSplit(2);
    c.dl->ChannelsSetCurrent(1);
    const float tx = p0.x + pad + mark_r * 2 + 10;
    ImGui::SetCursorScreenPos(ImVec2(tx, p0.y + pad));
    ImGui::BeginGroup();
    ImGui::PushID(index);
    const char* verdict = rv.verdict == Verdict::Ship ? "Ship" : "Skip";
    std::string head = std::string(verdict) + (show_tool ? " \xC2\xB7 " + tool.name : std::string());
    text_block(c, "review.head", c.fonts.small_bold, rv.verdict == Verdict::Ship ? c.pal.ship : c.pal.skip, head, inner);
    std::string byline = who.lens.empty() ? who.name : who.name + ", " + who.lens;
    text_block(c, "review.by", c.fonts.small, c.pal.muted, byline, inner);
    std::string quote = "\xE2\x80\x9C" + rv.quote + "\xE2\x80\x9D";  // “ ”
    text_block(c, "quote", c.fonts.body, c.pal.text, quote, inner);
    ImGui::PopID();
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectMax().y - p0.y + pad;

    c.dl->ChannelsSetCurrent(0);
    const ImVec2 p1(p0.x + w, p0.y + h);
    c.dl->AddRectFilled(p0, p1, c.pal.card, kRounding);
    c.dl->AddRect(p0, p1, c.pal.border, kRounding);
    c.dl->ChannelsSetCurrent(1);
    verdict_mark(c.dl, ImVec2(p0.x + pad + mark_r, p0.y + pad + mark_r), mark_r, rv.verdict, c.pal);
    c.dl->ChannelsMerge();
    c.note("review", tool.id + "/" + who.id, p0, p1);

    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Dummy(ImVec2(0, 2));
}

// [SECTION] Call to action -------------------------------------------------------------------------

void ComparisonView::draw_cta(Ctx& c) {
    if (!payload_.cta) return;
    const Link& l = *payload_.cta;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = 16.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const std::string arrow = " \xE2\x86\x92";
    ImGui::PushFont(c.fonts.body_bold);
    const float text_w = avail - 2 * pad;
    const ImVec2 ts = ImGui::CalcTextSize((l.label + arrow).c_str(), nullptr, false, text_w);
    ImGui::PopFont();
    const ImVec2 size(avail, ts.y + 2 * pad);
    const bool clicked = ImGui::InvisibleButton("##cta", size);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::SetItemTooltip("%s", l.url.c_str());
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    c.dl->AddRectFilled(p0, p1, hovered ? c.pal.accent : c.pal.card, kRounding);
    c.dl->AddRect(p0, p1, c.pal.accent, kRounding, 0, 1.5f);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    text_block(c, "cta", c.fonts.body_bold, hovered ? c.pal.accent_text : c.pal.accent, l.label + arrow, text_w);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y));
    ImGui::Dummy(ImVec2(0, 0));
    if (clicked && host.open_url) host.open_url(l.url);
}

// [SECTION] Error card -----------------------------------------------------------------------------

void ComparisonView::draw_errors(Ctx& c) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = 16.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    c.dl->ChannelsSplit(2);
    c.dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    const float w = avail - 2 * pad;
    text_block(c, "error.title", c.fonts.heading, c.pal.error,
               has_payload_ ? "This payload has problems (showing the last good version)"
                            : "This comparison can't be shown", w);
    for (const std::string& line : problems_) text_block(c, "error", c.fonts.body, c.pal.text, line, w);
    ImGui::EndGroup();
    const ImVec2 p1(p0.x + avail, ImGui::GetItemRectMax().y + pad);
    c.dl->ChannelsSetCurrent(0);
    c.dl->AddRectFilled(p0, p1, c.pal.error_soft, kRounding);
    c.dl->AddRect(p0, p1, c.pal.error, kRounding, 0, 1.5f);
    c.dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(avail, p1.y - p0.y));
    ImGui::Dummy(ImVec2(0, 6));
}

}  // namespace versus::ui
