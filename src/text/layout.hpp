// layout.hpp — paragraphs into lines, lines into shaped quads, with the caches that make a frame
// cheap: the part of the text engine every platform shares.
//
// Why: wrapping is most of a frame's work, and text rarely changes between frames. Line breaks
// follow UAX #14 (libunibreak, the same code on every platform, so the desktop and the web break
// the same string at the same places), with dictionary word breaks for Thai, Lao, Khmer and
// Myanmar from the platform's engine; a line never ends inside a grapheme cluster. Widths come
// from the engine (shaped text), so what wrapping measures is what drawing draws.
//
// One Layout per host (desktop window, web instance, test): nothing here is process-wide.
#pragma once

#include "text/engine.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace versus::text {

// One line of a wrapped paragraph: byte offsets into the text (trailing spaces excluded) and its
// shaped width in logical pixels.
struct Line {
    std::uint32_t begin = 0, end = 0;
    float width = 0;
};

struct Wrapped {
    std::vector<Line> lines;   // at least one (an empty text gives one empty line)
    Direction direction = Direction::LeftToRight;   // of the paragraph (first strong character)
    float width = 0;           // the widest line
    bool more = false;         // wrap_lines(): text follows the last line (a whole wrap has more lines)
};

// Break opportunities of a text, by byte offset: kMust after a hard line break, kAllow where a
// line may end (UAX #14 + dictionary words), kCluster where only a grapheme cluster ends (an
// emergency break inside a word too wide for the line), kNone elsewhere (inside a character too).
enum Break : std::uint8_t { kNone = 0, kCluster = 1, kAllow = 2, kMust = 3 };
// breaks[i] says whether a line may end right before byte i (i in 1..size; [0] unused).
void find_breaks(Engine& engine, std::string_view text, std::string_view lang, std::vector<std::uint8_t>& breaks);

// The Grapheme_Cluster_Break (UAX #29) of the code points find_breaks cuts into clusters itself,
// without asking the engine: Other (CR and LF count as Control here), Extend or Control; kUnknown
// for every other code point (a text with one goes to the engine). Covered: Latin up to U+02FF and
// its combining marks, Greek, Cyrillic, Armenian, Hebrew and Arabic (but for its Prepend marks),
// ZWNJ, LRM, RLM and ALM, and the punctuation, symbol and CJK blocks of one cluster per code point.
enum class ClusterBreak : std::uint8_t { kUnknown, kOther, kExtend, kControl };
ClusterBreak own_cluster_break(std::uint32_t c);

class Layout {
public:
    explicit Layout(Engine& engine) : engine_(engine) {}
    Engine& engine() { return engine_; }

    // The widget's language (BCP 47): line-break tailoring and the engine's fonts. Clears caches.
    void set_language(std::string_view lang);

    // `text` wrapped at `width` logical pixels ('\n' always breaks). Cached: the reference stays
    // valid until clear() (the cache is bounded: a host showing payload after payload stays small).
    const Wrapped& wrap(std::string_view text, FontSpec font, float width);
    // The first `max_lines` lines of wrap(text, font, width), and whether more follow, found
    // without wrapping the rest: how a folded paragraph learns what it shows (a long quote is
    // measured for the lines it shows, not for all of them). Cached alike.
    const Wrapped& wrap_lines(std::string_view text, FontSpec font, float width, int max_lines);
    // A line of text shaped and rasterised, in the colour it is drawn in. Cached per engine
    // generation; valid until the next call to line() or clear().
    const ShapedLine& line(std::string_view text, FontSpec font, Direction dir, std::uint32_t rgba);
    float measure(std::string_view text, FontSpec font, Direction dir);
    Metrics metrics(FontSpec font);
    // Bytes of the longest prefix of `text` that ends at a grapheme cluster boundary and fits in
    // `width` with `suffix` (an ellipsis) after it; text.size() when the whole text fits alone.
    // Cached.
    std::size_t fit_prefix(std::string_view text, FontSpec font, float width, std::string_view suffix);

    // The band of the layout (logical y, the host's coordinates) that can be seen this frame:
    // lines outside it are not rasterised (the web canvas holds only a slice of a tall widget).
    void set_visible(float y0, float y1) {
        visible_y0_ = y0;
        visible_y1_ = y1;
    }
    bool visible(float y0, float y1) const { return y1 >= visible_y0_ && y0 <= visible_y1_; }

    // A right-to-left widget is laid out left to right and mirrored as a whole once its frame is
    // built (ui::Host). Text must not come out mirrored: with a mirror width set, lines are drawn
    // so that the mirror puts each line, unflipped, at the mirrored place of its box (its end at
    // the box's start edge). 0 = no mirror.
    void set_mirror(float width) { mirror_width_ = width; }
    float mirror() const { return mirror_width_; }

    // Drops every cached layout (new fonts, new language, new pixel ratio).
    void clear();
    std::size_t cached_layouts() const { return wraps_.size(); }

private:
    struct Key {
        std::uint64_t hash;
        std::size_t size;
        float font_size, width;
        std::uint32_t extra;   // weight, direction, colour…
        bool operator==(const Key& o) const {
            return hash == o.hash && size == o.size && font_size == o.font_size && width == o.width &&
                   extra == o.extra;
        }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    static Key key(std::string_view text, FontSpec font, float width, std::uint32_t extra);

    float segment_width(std::string_view text, FontSpec font, Direction dir);

    Engine& engine_;
    std::string lang_;
    std::unordered_map<Key, Wrapped, KeyHash> wraps_;
    std::unordered_map<Key, float, KeyHash> widths_;
    std::unordered_map<Key, std::size_t, KeyHash> prefixes_;
    float visible_y0_ = -1e30f, visible_y1_ = 1e30f;
    float mirror_width_ = 0;
    struct Shaped {
        std::uint64_t generation;
        ShapedLine line;
    };
    std::unordered_map<Key, Shaped, KeyHash> shaped_;
    float per_byte_em_ = 0;              // advance per byte, in ems, of the text wrapped last (a first guess)
    std::vector<std::uint8_t> breaks_;   // scratch
    std::vector<std::uint32_t> ends_;    // scratch: a line's allowed ends (wrap)
    std::vector<std::uint32_t> dict_;    // scratch
};

}  // namespace versus::text
