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
    if (!t.vendor.empty()) text_block(c, "tool.vendor", c.fonts.small, c.pal.muted, compose(c.scratch[2], "by ", t.vendor), w);
    if (!t.tagline.empty()) text_block(c, "tool.tagline", c.fonts.body, c.pal.text, t.tagline, w);
    ImGui::Dummy(ImVec2(0, 4));

    // Figures: panel ship, community (with the service's tally and the reader's own vote), entry price.
    const PanelFigure& panel = derived_.panel[static_cast<size_t>(index)];
    const std::string panel_text = percent_text(panel.percent);
    const Votes votes = community(index);   // payload + service tally + the reader's vote, once
    const std::string community_value = percent_text(community_percent(votes));
    // Two counts up to 2^63 - 1 each (the spec allows them): their sum needs 64 unsigned bits.
    const std::uint64_t vote_count = static_cast<std::uint64_t>(votes.ship) + static_cast<std::uint64_t>(votes.skip);
    const std::string& community_label =
        vote_count == 0 ? compose(c.scratch[3], "Community")
                        : compose(c.scratch[3], "Community \xC2\xB7 ", std::to_string(vote_count), vote_count == 1 ? " vote" : " votes");
    const std::string& entry_text = t.pricing ? t.pricing->entry : compose(c.scratch[4], "\xE2\x80\x94");
    struct Fig {
        const char* role;
        const std::string* value;
        std::string_view label;
        ImU32 colour;
    };
    const Fig figs[3] = {
        {"tool.panel", &panel_text, "Panel ship", panel.percent ? c.pal.ship : c.pal.muted},
        {"tool.community", &community_value, community_label, c.pal.text},
        {"tool.entry", &entry_text, "Entry", c.pal.text},
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
    if (t.license.commercial_use) pill(c, flow, "tool.fact", "Commercial use", c.pal.ship_soft, c.pal.text);
    else pill(c, flow, "tool.fact", "Non-commercial", c.pal.skip_soft, c.pal.text);
    if (t.license.open_weights) pill(c, flow, "tool.fact", "Open weights", c.pal.ship_soft, c.pal.text);
    if (t.license.osi_approved) pill(c, flow, "tool.fact", "OSI-approved", c.pal.ship_soft, c.pal.text);
    ImGui::Dummy(ImVec2(0, 2));

    if (!t.description.empty())
        folding_text(c, reader_.expanded, compose(c.scratch[5], "description:", t.id), "tool.description", c.fonts.body, c.pal.text,
                     t.description, w, 9, 6);
    if (!t.url.empty()) {
        const std::string& label = compose(c.scratch[2], "Visit ", t.name, " \xE2\x86\x92");   // →
        if (link_button(c, "##visit", "tool.link", label, c.fonts.small_bold, w) && host.open_url) host.open_url(t.url);
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
               mine == reader_.votes.end() ? "Would you ship with it?" : "Your vote is counted. Tap it again to take it back.", w);
    Flow flow{x0, x0 + w};
    ImGui::PushID("vote");
    if (chip(c, flow, "##ship", "vote.ship", "Ship", ship_on, c.pal.ship, c.pal.card)) vote(index, Verdict::Ship);
    if (chip(c, flow, "##skip", "vote.skip", "Skip", skip_on, c.pal.skip, c.pal.card)) vote(index, Verdict::Skip);
    ImGui::PopID();
}

}  // namespace versus::ui
