// view_internal.hpp — drawing primitives shared by the view_*.cpp files. Not a public API.
#pragma once

#include "ui/text_draw.hpp"
#include "ui/view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <set>
#include <string>
#include <string_view>

namespace versus::ui {

namespace metrics {
constexpr float kGap = 16.0f;           // between cards and sections
constexpr float kCardPad = 16.0f;       // inside a card
constexpr float kMinCardWidth = 260.0f;
constexpr float kRounding = 10.0f;
constexpr float kTouchTarget = 32.0f;   // smallest height of anything a finger taps
}  // namespace metrics

struct ComparisonView::Ctx {
    const Fonts& fonts;
    const Palette& pal;
    FrameRecord* record;
    ImDrawList* dl;
    std::string* scratch = nullptr;   // kScratch strings that keep their capacity between frames
    ImDrawListSplitter* splitters = nullptr;   // kSplitters, reused by nesting depth (see Splitter)
    int* splitter_depth = nullptr;
    const present::Words* words = nullptr;   // the widget's words (never null while drawing)

    void note(std::string_view role, std::string_view text, ImVec2 min, ImVec2 max) const {
        if (record) record->items.push_back({std::string(role), std::string(text), min, max});
    }
    void note_item(std::string_view role, std::string_view text) const {
        if (record) note(role, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
};
using Ctx = ComparisonView::Ctx;

// Builds a string from parts in `buf`, which keeps its capacity from frame to frame: once warm,
// composing a label allocates nothing.
template <class... Parts>
const std::string& compose(std::string& buf, const Parts&... parts) {
    buf.clear();
    (buf.append(parts), ...);
    return buf;
}

// Size of `text` wrapped at `width` (text_draw.hpp), in logical pixels.
ImVec2 text_size(const FontRef& font, std::string_view text, float width);

// Wrapped text at the cursor, `width` wide at most (text_draw.hpp); a right-to-left paragraph is
// aligned to the right edge. Returns its rectangle.
ImRect text_block(const Ctx& c, std::string_view role, const FontRef& font, ImU32 colour,
                  std::string_view text, float width);

// The last item's tooltip (as ImGui::SetItemTooltip, shown after the hover delay) holding `text`.
void item_tooltip(const Ctx& c, std::string_view text);

// A section heading ("Reviewer split", ...).
void section_heading(const Ctx& c, std::string_view text, float width);

// A check (ship) or a cross (skip) in a filled circle. Like text, the check is drawn so that a
// right-to-left widget's mirror (ui::Host) leaves it as it is everywhere: a check is a glyph, not
// an arrow that points the reading way.
void verdict_mark(const Ctx& c, ImVec2 centre, float radius, Verdict v, ImU32 ink);

// +1, or -1 in a right-to-left widget, whose frame is mirrored as a whole: multiply the x offsets
// of a glyph-like shape (a check mark) around its centre by it so that it comes out unmirrored.
float glyph_x_sign(const Ctx& c);

// Every clickable thing of the widget: an invisible button that shows the hand cursor when
// hovered. Returns true when clicked, tapped or activated from the keyboard.
bool pressable(const char* id, ImVec2 size);

// A focus ring around the last item when the keyboard is driving (ImGui's nav highlight).
void focus_ring(ImGuiID id, const ImRect& rect, float rounding);

// Flow layout for small items on lines `start_x`..`end_x`: call before each item of `width`.
struct Flow {
    float start_x, end_x;
    bool first = true;
    void place(float width, float spacing = 6.0f);
};

// A non-interactive rounded label.
void pill(const Ctx& c, Flow& flow, std::string_view role, std::string_view text, ImU32 bg, ImU32 fg);

// A toggle chip: returns true when clicked/tapped/activated. Drawn filled when `on`.
bool chip(const Ctx& c, Flow& flow, const char* id, std::string_view role, std::string_view text,
          bool on, ImU32 on_bg, ImU32 on_fg);

// A small text button ("Clear filters", "Show more"): returns true when activated. Its text
// wraps at `max_width` (0 = the room left in the window).
bool link_button(const Ctx& c, const char* id, std::string_view role, std::string_view text, const FontRef& font,
                 float max_width = 0);

// Byte length of the first `max_lines` lines of `text` wrapped at `width` in `font`, as
// text_block() would draw it, or text.size() when it fits.
size_t fit_lines(const FontRef& font, std::string_view text, float width, int max_lines);

// Text that folds when long: over `fold_after` lines it shows its first `folded_lines` with "…"
// and a "Show more" button (role + ".more"); unfolded ones (their `key` in `expanded`) end with
// "Show less" (role + ".less").
void folding_text(const Ctx& c, std::set<std::string>& expanded, const std::string& key, std::string_view role,
                  const FontRef& font, ImU32 colour, const std::string& text, float width, int fold_after = 6,
                  int folded_lines = 4);

// A draw-list splitter from the view's pool, by nesting depth: its channel buffers keep their
// memory from frame to frame (a local ImDrawListSplitter frees them on every card).
struct Splitter {
    const Ctx& c;
    ImDrawListSplitter& s;
    explicit Splitter(const Ctx& ctx) : c(ctx), s(ctx.splitters[(*ctx.splitter_depth)++]) {
        IM_ASSERT(*ctx.splitter_depth <= ComparisonView::kSplitters && "cards nested too deep");
    }
    ~Splitter() { --*c.splitter_depth; }
    Splitter(const Splitter&) = delete;
    Splitter& operator=(const Splitter&) = delete;
};

// Begin/end a card: content goes on a channel above the card's background, which is drawn once
// the content's height is known. `width` is the card's outer width. Cards nest (each scope has
// its own splitter).
struct CardScope {
    const Ctx& c;
    Splitter pooled;
    ImDrawListSplitter& splitter = pooled.s;
    ImVec2 p0;
    float width, pad;
    ImU32 fill, edge;
    CardScope(const Ctx& c, float width, float pad, ImU32 fill, ImU32 edge);
    float inner_width() const { return width - 2 * pad; }
    // Ends the card; returns its rectangle. Leaves the cursor under it.
    ImRect end();
};

}  // namespace versus::ui
