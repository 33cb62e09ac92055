// view.hpp — the comparison widget as one ImGui frame body, shared by the desktop viewer, the web
// widget and the headless tests.
//
// Why: the widget is a function of (payload, reader state, theme, width). Each platform owns the
// window, GL and input; it calls ComparisonView::draw() between ImGui::NewFrame() and
// ImGui::Render() and reads back content_height() to size itself. Nothing here knows GLFW, GL or
// the browser. The reader state (filters, votes, expanded quotes) lives in ViewState, apart from
// the payload, so a reload keeps what still applies.
#pragma once

#include "model/payload.hpp"
#include "ui/style.hpp"

#include <functional>
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

// What the host (desktop app, web element) does on the widget's behalf.
struct HostCallbacks {
    std::function<void(const std::string& url)> open_url;
};

// Pure layout of a grid of cards: how many columns fit and how wide each card is.
struct GridLayout {
    int columns = 1;
    float card_width = 0;
};
GridLayout grid_layout(float available_width, int count, float min_card_width, float gap);

class ComparisonView {
public:
    // A payload to show. Clears any problems shown before.
    void set_payload(Payload payload);
    // Problems to show in the error card (from load_payload(), formatted with `source`, e.g. a
    // file name). With a payload already shown, it stays drawn under the error list.
    void set_problems(const std::vector<Problem>& problems, std::string source);
    void clear_problems() { problems_.clear(); }

    bool has_payload() const { return has_payload_; }
    const Payload& payload() const { return payload_; }
    const std::vector<std::string>& problem_lines() const { return problems_; }

    // One frame: the whole widget in a window that covers io.DisplaySize.
    void draw(const Fonts& fonts, const Palette& palette);

    // Height in logical pixels the content needed in the last frame (to size the host).
    float content_height() const { return content_height_; }

    FrameRecord* record = nullptr;
    HostCallbacks host;

    struct Ctx;   // per-frame drawing context (view.cpp)

private:
    void draw_header(Ctx& c);
    void draw_cards(Ctx& c);
    void draw_card(Ctx& c, int tool, float width);
    void draw_scorecard(Ctx& c);
    void draw_review(Ctx& c, int review, float width, bool show_tool);
    void draw_cta(Ctx& c);
    void draw_errors(Ctx& c);

    Payload payload_;
    bool has_payload_ = false;
    std::vector<std::string> problems_;
    float content_height_ = 0;
};

}  // namespace versus::ui
