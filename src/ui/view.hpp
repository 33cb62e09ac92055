// view.hpp — the comparison widget as one ImGui frame body, shared by the desktop viewer, the web
// widget and the headless tests.
//
// Why: the widget is a function of (payload, reader state, theme, width). Each platform owns the
// window, GL and input; it calls ComparisonView::draw() between ImGui::NewFrame() and
// ImGui::Render() and reads back content_height() to size itself. Nothing here knows GLFW, GL or
// the browser. The reader state (filters, votes, expanded quotes) lives apart from the payload,
// so a reload keeps what still applies.
//
// The view is split by feature (Tracy's View_<Feature>.cpp): view.cpp (frame, header, call to
// action, error card), view_cards.cpp, view_filters.cpp, view_charts.cpp, view_pricing.cpp,
// view_scorecard.cpp; view_internal.hpp holds the drawing primitives they share.
#pragma once

#include "model/payload.hpp"
#include "model/reader.hpp"
#include "model/tallies.hpp"
#include "present/figures.hpp"
#include "present/words.hpp"
#include "ui/style.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace versus::ui {

// What a frame drew, in the product's words: a test (or a state dump) reads it instead of pixels.
// Filled only when ComparisonView::record points at one, so a normal frame pays nothing.
struct DrawnItem {
    std::string role;    // "title", "card", "tool.name", "tool.panel", "quote", "error", ...
    std::string text;    // the text drawn (or the tool id for a "card")
    ImVec2 min, max;     // screen rectangle, logical pixels
};

struct FrameRecord {
    std::vector<DrawnItem> items;
    void clear() { items.clear(); }
    // First item with that role (and text, when given), or nullptr.
    const DrawnItem* find(std::string_view role, std::string_view text = {}) const;
    std::vector<const DrawnItem*> all(std::string_view role) const;
};

// What the host (desktop app, web element) does on the widget's behalf. All optional.
struct HostCallbacks {
    std::function<void(const std::string& url)> open_url;
    // The reader cast (verdict) or took back (nullopt) their vote on a tool.
    std::function<void(const std::string& tool_id, std::optional<Verdict> verdict)> on_vote;
    // The license filters changed; `shown` of `total` tools remain.
    std::function<void(const LicenseFilter& filter, int shown, int total)> on_filter;
};

// What the reader has done: kept across payload reloads where it still applies.
struct ReaderState {
    LicenseFilter filter;
    ReaderVotes votes;                 // tool id → the reader's own vote
    std::set<std::string> expanded;    // reviews shown in full: "tool/reviewer"
    PriceSort price_sort = PriceSort::Payload;
    int reviews_shown = 12;            // the scorecard shows this many reviews ("Show more" adds)
    bool all_reviewers = false;        // the matrix shows every reviewer, not the first rows
    std::string pinned;                // chart detail opened by a tap/click/Enter ("" = none)
};

// Pure layout of a grid of cards: how many columns fit and how wide each card is.
struct GridLayout {
    int columns = 1;
    float card_width = 0;
};
GridLayout grid_layout(float available_width, int count, float min_card_width, float gap);

class ComparisonView {
public:
    // The square at the widget's top corner, at the end of the reading direction (top right, or
    // top left when mirrored), that a host may cover with its own control: the web element's
    // actions menu button (web/src/style.js: 28 px inset 6 px, and a 6 px gap; a web unit test
    // checks the CSS against this). The first line of the header keeps clear of it.
    static constexpr float kHostCorner = 40.0f;

    // A payload to show. Clears any problems shown before; keeps the reader state that applies.
    void set_payload(Payload payload);
    // Problems to show in the error card (from load_payload(), formatted with `source`, e.g. a
    // file name). With a payload already shown, it stays drawn under the error list.
    void set_problems(const std::vector<Problem>& problems, std::string source);
    void clear_problems() { problems_.clear(); problem_list_.clear(); }

    bool has_payload() const { return has_payload_; }
    const Payload& payload() const { return payload_; }
    const std::vector<std::string>& problem_lines() const { return problems_; }

    ReaderState& reader() { return reader_; }
    const ReaderState& reader() const { return reader_; }
    // Replaces the reader's votes (e.g. restored by the host) and recomputes the figures.
    void set_votes(ReaderVotes votes);
    // The host's language (BCP 47: the page's `lang` on the web, `--lang` or the locale on the
    // desktop): the widget speaks the payload's `lang`, else this, else English (words.hpp).
    void set_host_language(std::string tag);
    // Resolves the words again (e.g. a translation was added to present::catalogue()).
    void refresh_words();
    // The widget's words, language and direction (rtl() for the layout).
    const present::Words& words() const { return words_; }
    // What a reader sees of each tool (present/figures.hpp), with the reader's own votes.
    const std::vector<present::ToolFigures>& figures() const { return figures_; }

    // Sets the filters as if the reader had clicked the chips (fires on_filter).
    void set_filter(const LicenseFilter& filter);

    // Live tallies from a vote service (model/tallies.hpp) and the reader's votes as that service
    // holds them (`counted`). Without tallies the community figure is the payload's counts plus
    // the reader's own vote.
    void set_tallies(std::optional<Tallies> tallies, ReaderVotes counted = {});
    const std::optional<Tallies>& tallies() const { return tallies_; }
    const ReaderVotes& counted() const { return counted_; }
    // The community figure of tools[tool] (community_votes()): what the card, the web widget's
    // HTML rendition and its events all show.
    Votes community(int tool) const;

    // A quiet line under the widget, e.g. the desktop viewer's live-votes status ("" = none).
    void set_note(std::string note);
    const std::string& note() const { return note_; }

    // Which tools pass the filters (index = tool index), and the split of the shown ones.
    const std::vector<char>& shown() const { return derived_.shown; }
    int shown_count() const { return derived_.shown_count; }
    const ReviewerSplit& split() const { return derived_.split; }

    // One frame: the whole widget in a window that covers io.DisplaySize.
    void draw(const Fonts& fonts, const Palette& palette);

    // Height in logical pixels the content needed in the last frame (to size the host); with
    // partial(), the height of what was laid out: the content is at least that tall.
    float content_height() const { return content_height_; }
    // Whether the last frame left sections out (lay_out_until).
    bool partial() const { return partial_; }
    // When above 0: the next frames lay out no section that starts below this row (logical
    // pixels from the content's top), for a first frame that shows only the rows above it; the
    // host sets it back to 0 for the frames after.
    float lay_out_until = 0;

    FrameRecord* record = nullptr;
    HostCallbacks host;
    // Whether the widget's window shows a vertical scrollbar when its content is taller than the
    // display. A host that sizes itself to content_height() turns it off, so the width of the
    // content (and so its height) never depends on the scrollbar.
    bool scrollbar = true;

    struct Ctx;   // per-frame drawing context (view_internal.hpp)

private:
    void recompute();
    void recompute_figures();
    void vote(int tool, Verdict verdict);
    void draw_header(Ctx& c);
    void draw_filters(Ctx& c);
    void draw_empty_state(Ctx& c);
    void draw_cards(Ctx& c);
    void draw_card(Ctx& c, int tool, float width);
    void draw_vote(Ctx& c, int tool, float width);
    void draw_charts(Ctx& c);
    void draw_split_bars(Ctx& c, float width);
    void draw_matrix(Ctx& c, float width);
    void draw_pinned(Ctx& c, float width);
    void draw_pricing(Ctx& c);
    void draw_scorecard(Ctx& c);
    void draw_review(Ctx& c, int review, float width, bool show_tool);
    void draw_cta(Ctx& c);
    void draw_note(Ctx& c);
    void draw_errors(Ctx& c);

    struct Derived {
        std::vector<char> shown;
        int shown_count = 0;
        std::vector<std::string> license_names;
        ReviewerSplit split;
        std::vector<PanelFigure> panel;   // per tool (all reviews of the tool)
    };

    Payload payload_;
    bool has_payload_ = false;
    std::string host_lang_;
    present::Words words_;
    std::vector<present::ToolFigures> figures_;
    std::vector<std::string> problems_;      // as the validator prints them (state dump, events)
    std::vector<Problem> problem_list_;      // the same, drawn in the widget's language (draw_errors)
    std::string problem_source_;
    ReaderState reader_;
    std::optional<Tallies> tallies_;
    ReaderVotes counted_;
    std::string note_;
    Derived derived_;
    float content_height_ = 0;
    bool partial_ = false;
    std::string scratch_[8];                  // label buffers reused every frame (see compose())
    int splitter_depth_ = 0;

public:
    static constexpr int kSplitters = 4;      // cards nest at most this deep
private:
    // The draw-list splitters, reused frame after frame. ImDrawListSplitter's implicit copy would
    // copy its channels' buffer pointers and lose the target's (a leak each time a host replaces
    // its view with a fresh one): a copied or assigned pool starts empty and frees what it had.
    struct SplitterPool {
        ImDrawListSplitter s[kSplitters];
        SplitterPool() = default;
        SplitterPool(const SplitterPool&) {}
        SplitterPool& operator=(const SplitterPool& other) {
            if (this != &other)
                for (ImDrawListSplitter& x : s) x.ClearFreeMemory();
            return *this;
        }
    };
    SplitterPool splitters_;
};

}  // namespace versus::ui
