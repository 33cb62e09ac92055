// view.cpp — the comparison widget's frame body: state, header, empty state, call to action,
// error card. The other parts live in view_<feature>.cpp.
//
// Index
//  [SECTION] Frame record and layout helpers
//  [SECTION] Payload and reader state
//  [SECTION] Frame body
//  [SECTION] Header
//  [SECTION] Empty state
//  [SECTION] Call to action
//  [SECTION] Error card
#include "ui/view_internal.hpp"

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
    const int fit = static_cast<int>(std::floor((available_width + gap) / (min_card_width + gap)));
    g.columns = std::clamp(fit, 1, count);
    g.card_width = (available_width - gap * static_cast<float>(g.columns - 1)) /
                   static_cast<float>(g.columns);
    return g;
}

// [SECTION] Payload and reader state ------------------------------------------------------------

void ComparisonView::set_payload(Payload payload) {
    payload_ = std::move(payload);
    has_payload_ = true;
    clear_problems();
    // Keep what still applies: filters whose license still exists, votes on tools still there.
    keep_applicable(reader_.filter, payload_);
    for (auto it = reader_.votes.begin(); it != reader_.votes.end();) {
        const bool known = std::any_of(payload_.tools.begin(), payload_.tools.end(),
                                       [&](const Tool& t) { return t.id == it->first; });
        it = known ? std::next(it) : reader_.votes.erase(it);
    }
    reader_.pinned.clear();
    words_.resolve(&payload_, host_lang_);
    recompute();
}

void ComparisonView::set_host_language(std::string tag) {
    host_lang_ = std::move(tag);
    refresh_words();
}

void ComparisonView::refresh_words() {
    words_.resolve(has_payload_ ? &payload_ : nullptr, host_lang_);
    recompute_figures();
}

void ComparisonView::recompute_figures() {
    figures_.clear();
    if (!has_payload_) return;
    for (int i = 0; i < static_cast<int>(payload_.tools.size()); ++i) {
        const auto mine = reader_.votes.find(payload_.tools[static_cast<size_t>(i)].id);
        figures_.push_back(present::tool_figures(
            payload_, i, mine == reader_.votes.end() ? std::nullopt : std::optional<Verdict>(mine->second), community(i), words_));
    }
}

void ComparisonView::set_problems(const std::vector<Problem>& problems, std::string source) {
    problems_.clear();
    for (const Problem& p : problems) problems_.push_back(format_problem(source, p));
    problem_list_ = problems;
    problem_source_ = std::move(source);
}

void ComparisonView::set_votes(ReaderVotes votes) {
    reader_.votes = std::move(votes);
    recompute_figures();
}

void ComparisonView::set_tallies(std::optional<Tallies> tallies, ReaderVotes counted) {
    tallies_ = std::move(tallies);
    counted_ = std::move(counted);
    recompute_figures();
}

Votes ComparisonView::community(int tool) const {
    if (tool < 0 || tool >= static_cast<int>(payload_.tools.size())) return Votes{};
    const Tool& t = payload_.tools[static_cast<size_t>(tool)];
    const Votes* tally = nullptr;
    if (tallies_) {
        const auto it = tallies_->tools.find(t.id);
        if (it != tallies_->tools.end()) tally = &it->second;
    }
    auto vote_of = [&](const ReaderVotes& votes) {
        const auto it = votes.find(t.id);
        return it == votes.end() ? std::nullopt : std::optional<Verdict>(it->second);
    };
    return community_votes(t.community, tally, vote_of(counted_), vote_of(reader_.votes));
}

void ComparisonView::set_note(std::string note) {
    if (note == note_) return;
    note_ = std::move(note);
}

void ComparisonView::set_filter(const LicenseFilter& filter) {
    reader_.filter = filter;
    if (has_payload_) keep_applicable(reader_.filter, payload_);
    reader_.pinned.clear();
    recompute();
    if (host.on_filter) host.on_filter(reader_.filter, derived_.shown_count, static_cast<int>(payload_.tools.size()));
}

void ComparisonView::recompute() {
    derived_.shown = shown_tools(payload_, reader_.filter);
    derived_.shown_count = static_cast<int>(std::count(derived_.shown.begin(), derived_.shown.end(), true));
    derived_.license_names = license_names(payload_);
    derived_.split = reviewer_split(payload_, derived_.shown);
    derived_.panel.clear();
    for (int i = 0; i < static_cast<int>(payload_.tools.size()); ++i)
        derived_.panel.push_back(panel_figure(payload_, i));
    recompute_figures();
}

void ComparisonView::vote(int tool, Verdict verdict) {
    const std::string& id = payload_.tools[static_cast<size_t>(tool)].id;
    auto it = reader_.votes.find(id);
    std::optional<Verdict> now;
    if (it != reader_.votes.end() && it->second == verdict) {
        reader_.votes.erase(it);   // the same choice again takes the vote back
    } else {
        reader_.votes[id] = verdict;
        now = verdict;
    }
    recompute_figures();
    if (host.on_vote) host.on_vote(id, now);
}

// [SECTION] Frame body ------------------------------------------------------------------------------

void ComparisonView::draw(const Fonts& fonts, const Palette& palette) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette.background);
    const ImGuiWindowFlags flags = static_cast<ImGuiWindowFlags>( ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   (scrollbar ? 0 : ImGuiWindowFlags_NoScrollbar));
    ImGui::Begin("##versus", nullptr, flags);
    ImGui::PopStyleColor();
    if (record) record->clear();

    Ctx c{fonts, palette, record, ImGui::GetWindowDrawList(), scratch_, splitters_.s, &splitter_depth_, &words_};
    // The sections after the rows shown, when lay_out_until asks for those rows only.
    partial_ = false;
    auto below = [&] {
        partial_ = partial_ || (lay_out_until > 0 && ImGui::GetCursorPosY() > lay_out_until);
        return partial_;
    };
    if (!problems_.empty()) draw_errors(c);
    if (has_payload_) {
        draw_header(c);
        if (!below()) draw_filters(c);
        if (derived_.shown_count == 0) {
            if (!below()) draw_empty_state(c);
        } else {
            if (!below()) draw_cards(c);
            if (!below()) draw_charts(c);
            if (!below()) draw_pricing(c);
            if (!below()) draw_scorecard(c);
        }
        if (!below()) draw_cta(c);
    }
    if (!note_.empty() && !below()) draw_note(c);
    const ImGuiStyle& st = ImGui::GetStyle();
    content_height_ = std::ceil(ImGui::GetCursorPosY() - st.ItemSpacing.y + st.WindowPadding.y);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !reader_.pinned.empty()) reader_.pinned.clear();
    ImGui::End();
}

// [SECTION] Header ---------------------------------------------------------------------------------

void ComparisonView::draw_header(Ctx& c) {
    const Payload& p = payload_;
    const float w = ImGui::GetContentRegionAvail().x;
    // The first block (kicker, else title) wraps short of the host's corner control: a long line,
    // or one of the other direction (aligned to the far side), never runs under it.
    const float first_w = std::max(1.0f, w - std::max(0.0f, kHostCorner - ImGui::GetStyle().WindowPadding.x));
    if (!p.kicker.empty()) text_block(c, "kicker", c.fonts.small_bold, c.pal.accent, p.kicker, first_w);
    text_block(c, "title", c.fonts.title, c.pal.text, p.title, p.kicker.empty() ? first_w : w);
    if (!p.question.empty()) text_block(c, "question", c.fonts.heading, c.pal.text, p.question, w);
    if (!p.summary.empty())
        text_block(c, "summary", c.fonts.body, c.pal.muted, p.summary, std::min(w, 760.0f));
    ImGui::Dummy(ImVec2(0, 2));
}

// [SECTION] Empty state ----------------------------------------------------------------------------

void ComparisonView::draw_empty_state(Ctx& c) {
    const float w = ImGui::GetContentRegionAvail().x;
    CardScope card(c, w, 24, c.pal.card, c.pal.border);
    text_block(c, "empty.title", c.fonts.heading, c.pal.text, words_.text(Label::empty_title), card.inner_width());
    text_block(c, "empty.text", c.fonts.body, c.pal.muted, words_.text(Label::empty_text), card.inner_width());
    if (link_button(c, "##clear-empty", "filters.clear", words_.text(Label::clear_filters), c.fonts.body_bold))
        set_filter(LicenseFilter{});
    const ImRect r = card.end();
    c.note("empty", "", r.Min, r.Max);
    ImGui::Dummy(ImVec2(0, 4));
}

// [SECTION] Call to action -------------------------------------------------------------------------

void ComparisonView::draw_cta(Ctx& c) {
    if (!payload_.cta) return;
    const Link& l = *payload_.cta;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = 16.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const std::string& label = compose(c.scratch[0], present::cta_text(l, words_));
    const float text_w = avail - 2 * pad;
    const ImVec2 ts = text_size(c.fonts.body_bold, label, text_w);
    const ImVec2 size(avail, ts.y + 2 * pad);
    const bool clicked = pressable("##cta", size);
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiID id = ImGui::GetItemID();
    item_tooltip(c, l.url);
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    c.dl->AddRectFilled(p0, p1, hovered ? c.pal.accent : c.pal.card, metrics::kRounding);
    c.dl->AddRect(p0, p1, c.pal.accent, metrics::kRounding, 0, 1.5f);
    focus_ring(id, ImRect(p0, p1), metrics::kRounding);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    text_block(c, "cta", c.fonts.body_bold, hovered ? c.pal.accent_text : c.pal.accent, label, text_w);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y));
    ImGui::Dummy(ImVec2(0, 0));
    if (clicked && host.open_url) host.open_url(l.url);
}

// [SECTION] Note -----------------------------------------------------------------------------------

void ComparisonView::draw_note(Ctx& c) {
    ImGui::Dummy(ImVec2(0, 2));
    text_block(c, "note", c.fonts.small, c.pal.muted, note_, ImGui::GetContentRegionAvail().x);
}

// [SECTION] Error card -----------------------------------------------------------------------------

void ComparisonView::draw_errors(Ctx& c) {
    const float avail = ImGui::GetContentRegionAvail().x;
    CardScope card(c, avail, 16, c.pal.error_soft, c.pal.error);
    const float w = card.inner_width();
    text_block(c, "error.title", c.fonts.heading, c.pal.error,
               words_.text(has_payload_ ? Label::error_title_stale : Label::error_title), w);
    // The framing in the widget's language, the problem as the validator wrote it (present::problem_text).
    for (const Problem& p : problem_list_)
        text_block(c, "error", c.fonts.body, c.pal.text, present::problem_text(p, problem_source_, words_).line(), w);
    card.end();
    ImGui::Dummy(ImVec2(0, 6));
}

}  // namespace versus::ui
