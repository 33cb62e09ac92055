// view_scorecard.cpp — the reviewer scorecard: every verdict with its quote, reviewer and lens.
// When every shown tool has its own column, each tool's reviews stack under it; otherwise one
// list in payload order. Long quotes fold to a few lines with "Show more".
#include "ui/view_internal.hpp"

#include <algorithm>

namespace versus::ui {

namespace {
constexpr int kReviewPage = 12;      // reviews shown at first, and added by "Show more"
}  // namespace

void ComparisonView::draw_scorecard(Ctx& c) {
    using namespace metrics;
    std::vector<int> tools;
    for (int i = 0; i < static_cast<int>(payload_.tools.size()); ++i)
        if (derived_.shown[static_cast<size_t>(i)]) tools.push_back(i);
    // Reviews of the shown tools, in payload order; a long panel is shown a page at a time.
    std::vector<int> reviews;
    for (int r = 0; r < static_cast<int>(payload_.reviews.size()); ++r)
        if (derived_.shown[static_cast<size_t>(payload_.reviews[static_cast<size_t>(r)].tool)]) reviews.push_back(r);
    if (reviews.empty()) return;
    const int total = static_cast<int>(reviews.size());
    const int visible = std::min(total, std::max(reader_.reviews_shown, kReviewPage));
    reviews.resize(static_cast<size_t>(visible));

    const float avail = ImGui::GetContentRegionAvail().x;
    section_heading(c, words_.text(Label::reviewer_scorecard), avail);
    const int n = static_cast<int>(tools.size());
    const GridLayout g = grid_layout(avail, n, kMinCardWidth, kGap);
    const float x0 = ImGui::GetCursorScreenPos().x;
    if (g.columns == n && n > 1) {
        // Every shown tool has its own column: its reviews stack under it.
        const float y0 = ImGui::GetCursorScreenPos().y;
        float bottom = y0;
        for (int k = 0; k < n; ++k) {
            ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(k) * (g.card_width + kGap), y0));
            ImGui::BeginGroup();
            for (int r : reviews)
                if (payload_.reviews[static_cast<size_t>(r)].tool == tools[static_cast<size_t>(k)])
                    draw_review(c, r, g.card_width, true);
            ImGui::Dummy(ImVec2(g.card_width, 0));
            ImGui::EndGroup();
            bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::Dummy(ImVec2(avail, bottom - y0));
    } else {
        // One list in payload order, laid in columns of readable width (left to right, then down).
        const GridLayout cols = grid_layout(avail, std::min(3, static_cast<int>(reviews.size())), 340, kGap);
        if (cols.columns == 1) {
            for (int r : reviews) draw_review(c, r, avail, true);
        } else {
            const float y0 = ImGui::GetCursorScreenPos().y;
            std::vector<float> column_y(static_cast<size_t>(cols.columns), y0);
            for (size_t k = 0; k < reviews.size(); ++k) {
                const size_t col = k % static_cast<size_t>(cols.columns);
                ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(col) * (cols.card_width + kGap), column_y[col]));
                draw_review(c, reviews[k], cols.card_width, true);
                column_y[col] = ImGui::GetCursorScreenPos().y;
            }
            ImGui::SetCursorScreenPos(ImVec2(x0, y0));
            ImGui::Dummy(ImVec2(avail, *std::max_element(column_y.begin(), column_y.end()) - y0 - ImGui::GetStyle().ItemSpacing.y));
        }
    }
    if (visible < total) {
        text_block(c, "scorecard.status", c.fonts.small, c.pal.muted,
                   words_.count(Label::showing_reviews, static_cast<std::uint64_t>(total),
                                {{"shown", words_.number(static_cast<std::uint64_t>(visible))}}), avail);
        const std::string more = words_.count(Label::show_n_more, static_cast<std::uint64_t>(std::min(kReviewPage, total - visible)));
        if (link_button(c, "##more-reviews", "scorecard.more", more, c.fonts.small_bold))
            reader_.reviews_shown = visible + kReviewPage;
        ImGui::SameLine(0, 16);
        if (link_button(c, "##all-reviews", "scorecard.all", words_.text(Label::show_all), c.fonts.small_bold))
            reader_.reviews_shown = total;
    }
    ImGui::Dummy(ImVec2(0, 4));
}

void ComparisonView::draw_review(Ctx& c, int index, float w, bool show_tool) {
    const Review& rv = payload_.reviews[static_cast<size_t>(index)];
    const Tool& tool = payload_.tools[static_cast<size_t>(rv.tool)];
    const Reviewer& who = payload_.reviewers[static_cast<size_t>(rv.reviewer)];
    const std::string& key = compose(c.scratch[2], tool.id, "/", who.id);
    const float mark_r = 11.0f;
    ImGui::PushID(index);
    CardScope card(c, w, 14, c.pal.card, c.pal.border);
    const ImVec2 mark_at(card.p0.x + card.pad + mark_r, card.p0.y + card.pad + mark_r);
    const float indent = mark_r * 2 + 10;
    const float inner = card.inner_width() - indent;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x + indent, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    const std::string& head = show_tool ? present::review_head(payload_, rv, words_, c.scratch[3]) : words_.verdict(rv.verdict);
    text_block(c, "review.head", c.fonts.small_bold, rv.verdict == Verdict::Ship ? c.pal.ship : c.pal.skip, head, inner);
    text_block(c, "review.by", c.fonts.small, c.pal.muted, present::reviewer_line(who, c.scratch[4]), inner);

    const std::string& quote = compose(c.scratch[5], "\xE2\x80\x9C", rv.quote, "\xE2\x80\x9D");   // “ ”
    folding_text(c, reader_.expanded, key, "quote", c.fonts.body, c.pal.text, quote, inner);
    ImGui::EndGroup();
    verdict_mark(c, mark_at, mark_r, rv.verdict, c.pal.card);
    const ImRect r = card.end();
    c.note("review", key, r.Min, r.Max);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 2));
}

}  // namespace versus::ui
