// view_cards.cpp — one card per shown tool, side by side in rows that keep each card readable.
#include "ui/view_internal.hpp"

#include <algorithm>

namespace versus::ui {

void ComparisonView::draw_cards(Ctx& c) {
    using namespace metrics;
    std::vector<int> tools;
    for (int i = 0; i < static_cast<int>(payload_.tools.size()); ++i)
        if (derived_.shown[static_cast<size_t>(i)]) tools.push_back(i);
    const int n = static_cast<int>(tools.size());
    const float avail = ImGui::GetContentRegionAvail().x;
    const GridLayout g = grid_layout(avail, n, kMinCardWidth, kGap);
    const float x0 = ImGui::GetCursorScreenPos().x;

    Splitter pooled(c);
    ImDrawListSplitter& splitter = pooled.s;
    for (int first = 0; first < n; first += g.columns) {
        const int last = std::min(n, first + g.columns);
        const float y0 = ImGui::GetCursorScreenPos().y;
        splitter.Split(c.dl, 2);
        splitter.SetCurrentChannel(c.dl, 1);
        float row_h = 0;
        for (int k = first; k < last; ++k) {
            const float x = x0 + static_cast<float>(k - first) * (g.card_width + kGap);
            ImGui::SetCursorScreenPos(ImVec2(x + kCardPad, y0 + kCardPad));
            ImGui::BeginGroup();
            draw_card(c, tools[static_cast<size_t>(k)], g.card_width - 2 * kCardPad);
            ImGui::EndGroup();
            row_h = std::max(row_h, ImGui::GetItemRectMax().y - y0 + kCardPad);
        }
        splitter.SetCurrentChannel(c.dl, 0);
        for (int k = first; k < last; ++k) {
            const float x = x0 + static_cast<float>(k - first) * (g.card_width + kGap);
            const ImVec2 a(x, y0), b(x + g.card_width, y0 + row_h);
            c.dl->AddRectFilled(a, b, c.pal.card, kRounding);
            c.dl->AddRect(a, b, c.pal.border, kRounding);
            c.note("card", payload_.tools[static_cast<size_t>(tools[static_cast<size_t>(k)])].id, a, b);
        }
        splitter.Merge(c.dl);
        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::Dummy(ImVec2(avail, row_h + kGap - ImGui::GetStyle().ItemSpacing.y));
    }
}

void ComparisonView::draw_card(Ctx& c, int index, float w) {
    const Tool& t = payload_.tools[static_cast<size_t>(index)];
    ImGui::PushID(index);
    if (!t.category.empty()) text_block(c, "tool.category", c.fonts.small_bold, c.pal.accent, t.category, w);
    text_block(c, "tool.name", c.fonts.heading, c.pal.text, t.name, w);
    const present::ToolFigures& fig = figures_[static_cast<size_t>(index)];
    if (!t.vendor.empty()) text_block(c, "tool.vendor", c.fonts.small, c.pal.muted, fig.vendor_line, w);
    if (!t.tagline.empty()) text_block(c, "tool.tagline", c.fonts.body, c.pal.text, t.tagline, w);
    ImGui::Dummy(ImVec2(0, 4));

    // Figures: panel ship, community (with the reader's own vote), entry price (present/figures.hpp).
    const PanelFigure& panel = derived_.panel[static_cast<size_t>(index)];
    struct Fig {
        const char* role;
        const std::string* value;
        std::string_view label;
        ImU32 colour;
    };
    const Fig figs[3] = {
        {"tool.panel", &fig.panel_value, words_.text(Label::panel_ship), panel.percent ? c.pal.ship : c.pal.muted},
        {"tool.community", &fig.community_value, fig.community_label, c.pal.text},
        {"tool.entry", &fig.entry, words_.text(Label::entry), c.pal.text},
    };
    const float col_gap = 8.0f;
    const float col_w = (w - 2 * col_gap) / 3.0f;
    const ImVec2 fig0 = ImGui::GetCursorScreenPos();
    float fig_h = 0;
    for (int k = 0; k < 3; ++k) {
        ImGui::SetCursorScreenPos(ImVec2(fig0.x + static_cast<float>(k) * (col_w + col_gap), fig0.y));
        ImGui::BeginGroup();
        text_block(c, figs[k].role, c.fonts.figure, figs[k].colour, *figs[k].value, col_w);
        text_block(c, "tool.figure-label", c.fonts.small, c.pal.muted, figs[k].label, col_w);
        ImGui::EndGroup();
        fig_h = std::max(fig_h, ImGui::GetItemRectMax().y - fig0.y);
    }
    ImGui::SetCursorScreenPos(fig0);
    ImGui::Dummy(ImVec2(w, fig_h));

    draw_vote(c, index, w);
    ImGui::Dummy(ImVec2(0, 2));

    // License facts as pills; "Non-commercial" says the absence of a right in words.
    const float lx0 = ImGui::GetCursorScreenPos().x;
    Flow flow{lx0, lx0 + w};
    pill(c, flow, "tool.license", t.license.name, c.pal.background, c.pal.text);
    for (size_t k = 0; k < fig.facts.size(); ++k)   // the first says the commercial right, yes or no
        pill(c, flow, "tool.fact", fig.facts[k], k == 0 && !t.license.commercial_use ? c.pal.skip_soft : c.pal.ship_soft, c.pal.text);
    ImGui::Dummy(ImVec2(0, 2));

    if (!t.description.empty())
        folding_text(c, reader_.expanded, compose(c.scratch[5], "description:", t.id), "tool.description", c.fonts.body, c.pal.text,
                     t.description, w, 9, 6);
    if (!t.url.empty()) {
        if (link_button(c, "##visit", "tool.link", fig.link, c.fonts.small_bold, w) && host.open_url) host.open_url(t.url);
        ImGui::SetItemTooltip("%s", t.url.c_str());
    }
    ImGui::PopID();
}

void ComparisonView::draw_vote(Ctx& c, int index, float w) {
    const Tool& t = payload_.tools[static_cast<size_t>(index)];
    auto mine = reader_.votes.find(t.id);
    const bool ship_on = mine != reader_.votes.end() && mine->second == Verdict::Ship;
    const bool skip_on = mine != reader_.votes.end() && mine->second == Verdict::Skip;
    const float x0 = ImGui::GetCursorScreenPos().x;
    ImGui::Dummy(ImVec2(0, 2));
    text_block(c, "vote.label", c.fonts.small, c.pal.muted,
               words_.text(mine == reader_.votes.end() ? Label::vote_question : Label::vote_counted), w);
    Flow flow{x0, x0 + w};
    ImGui::PushID("vote");
    if (chip(c, flow, "##ship", "vote.ship", words_.verdict(Verdict::Ship), ship_on, c.pal.ship, c.pal.card)) vote(index, Verdict::Ship);
    if (chip(c, flow, "##skip", "vote.skip", words_.verdict(Verdict::Skip), skip_on, c.pal.skip, c.pal.card)) vote(index, Verdict::Skip);
    ImGui::PopID();
}

}  // namespace versus::ui
