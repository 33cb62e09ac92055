// layout.cpp — see layout.hpp.
//
// Index
//  [SECTION] Grapheme clusters without the engine
//  [SECTION] Break opportunities (libunibreak + the engine's dictionary)
//  [SECTION] Cache keys
//  [SECTION] Wrapping
//  [SECTION] Shaped lines
#include "text/layout.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <functional>

extern "C" {
#include <linebreak.h>
}

namespace versus::text {

namespace {

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t* len) { return decode_utf8(s, i, len); }

// Scripts whose words UAX #14 leaves to a dictionary (line break class SA).
bool dictionary_script(std::uint32_t c) {
    return (c >= 0x0E00 && c <= 0x0EFF) ||   // Thai, Lao
           (c >= 0x1000 && c <= 0x109F) ||   // Myanmar
           (c >= 0x1780 && c <= 0x17FF) ||   // Khmer
           (c >= 0x19E0 && c <= 0x19FF) ||   // Khmer symbols
           (c >= 0x1950 && c <= 0x19DF) ||   // Tai Le, New Tai Lue
           (c >= 0x1A20 && c <= 0x1AAF) ||   // Tai Tham
           (c >= 0xA9E0 && c <= 0xA9FF) ||   // Myanmar Extended-B
           (c >= 0xAA60 && c <= 0xAADF);     // Myanmar Extended-A, Tai Viet
}

// Letters and marks of those scripts (line break class SA): their digits and punctuation ("။",
// "។", "ฯ") have classes of their own, and UAX #14 decides around them (no line starts with "။").
bool complex_context(std::uint32_t c) {
    if (!dictionary_script(c)) return false;
    return !(c == 0x0E3F || (c >= 0x0E4F && c <= 0x0E5B) ||    // Thai baht, digits, punctuation
             (c >= 0x0ED0 && c <= 0x0ED9) ||                   // Lao digits
             (c >= 0x1040 && c <= 0x104F) ||                   // Myanmar digits, punctuation
             (c >= 0x1090 && c <= 0x1099) ||                   // Myanmar Shan digits
             (c >= 0x17D4 && c <= 0x17D6) || (c >= 0x17D8 && c <= 0x17DB) ||   // Khmer punctuation, riel
             (c >= 0x17E0 && c <= 0x17F9) || (c >= 0x19E0 && c <= 0x19FF) ||   // Khmer digits, symbols
             (c >= 0x1A80 && c <= 0x1AAD) ||                   // Tai Tham digits, punctuation
             (c >= 0xA9F0 && c <= 0xA9F9) ||                   // Myanmar Tai Laing digits
             (c >= 0xAADE && c <= 0xAADF));                    // Tai Viet symbols
}

bool blank(char ch) { return ch == ' ' || ch == '\t'; }

void init_libunibreak() {
    static const bool once = [] {
        init_linebreak();
        return true;
    }();
    (void)once;
}

}  // namespace

// [SECTION] Grapheme clusters without the engine -------------------------------------------------------

// Ranges of code points and their Grapheme_Cluster_Break (UAX #29), ascending. Below U+0300 and
// from U+2010 up, each code point is a cluster of its own: Latin up to U+02FF, the punctuation,
// currency, letterlike, arrow and mathematical blocks, the ideographs, kana, Hangul syllables, CJK
// punctuation and full- and half-width forms, but for the CJK blocks' combining marks (U+302A-302F,
// U+3099-309A, U+FF9E-FF9F); none is Extend, SpacingMark, Prepend, ZWJ, a regional indicator or a
// Hangul jamo (a Hangul syllable joins only with jamo). In between, the assigned code points of
// Greek, Cyrillic, Armenian, Hebrew and Arabic with their combining marks (Extend), but for
// Arabic's Prepend signs (U+0600-0605, U+06DD); and ZWNJ (Extend), LRM, RLM and ALM (Control).
// tests/ui/text_layout.cpp checks the cuts around every covered code point against ICU's.
namespace {
struct ClusterRange {
    std::uint32_t first, last;
    ClusterBreak kind;
};
constexpr ClusterBreak O = ClusterBreak::kOther, E = ClusterBreak::kExtend, C = ClusterBreak::kControl;
constexpr ClusterRange kOwnClusters[] = {
    {0x0000, 0x001F, C}, {0x0020, 0x007E, O}, {0x007F, 0x009F, C}, {0x00A0, 0x00AC, O}, {0x00AD, 0x00AD, C},
    {0x00AE, 0x02FF, O}, {0x0300, 0x036F, E}, {0x0370, 0x0377, O}, {0x037A, 0x037F, O}, {0x0384, 0x038A, O},
    {0x038C, 0x038C, O}, {0x038E, 0x03A1, O}, {0x03A3, 0x0482, O}, {0x0483, 0x0489, E}, {0x048A, 0x052F, O},
    {0x0531, 0x0556, O}, {0x0559, 0x058A, O}, {0x058D, 0x058F, O}, {0x0591, 0x05BD, E}, {0x05BE, 0x05BE, O},
    {0x05BF, 0x05BF, E}, {0x05C0, 0x05C0, O}, {0x05C1, 0x05C2, E}, {0x05C3, 0x05C3, O}, {0x05C4, 0x05C5, E},
    {0x05C6, 0x05C6, O}, {0x05C7, 0x05C7, E}, {0x05D0, 0x05EA, O}, {0x05EF, 0x05F4, O}, {0x0606, 0x060F, O},
    {0x0610, 0x061A, E}, {0x061B, 0x061B, O}, {0x061C, 0x061C, C}, {0x061D, 0x064A, O}, {0x064B, 0x065F, E},
    {0x0660, 0x066F, O}, {0x0670, 0x0670, E}, {0x0671, 0x06D5, O}, {0x06D6, 0x06DC, E}, {0x06DE, 0x06DE, O},
    {0x06DF, 0x06E4, E}, {0x06E5, 0x06E6, O}, {0x06E7, 0x06E8, E}, {0x06E9, 0x06E9, O}, {0x06EA, 0x06ED, E},
    {0x06EE, 0x06FF, O}, {0x0750, 0x077F, O}, {0x200C, 0x200C, E}, {0x200E, 0x200F, C}, {0x2010, 0x2027, O},
    {0x2030, 0x205E, O}, {0x20A0, 0x20C0, O}, {0x2100, 0x214F, O}, {0x2190, 0x22FF, O}, {0x3000, 0x3029, O},
    {0x3030, 0x303F, O}, {0x3041, 0x3096, O}, {0x309B, 0x30FF, O}, {0x31F0, 0x31FF, O}, {0x3400, 0x4DBF, O},
    {0x4E00, 0x9FFF, O}, {0xAC00, 0xD7A3, O}, {0xF900, 0xFAFF, O}, {0xFF01, 0xFF9D, O},
};
}  // namespace

ClusterBreak own_cluster_break(std::uint32_t c) {
    const auto* end = std::end(kOwnClusters);
    const auto* it = std::upper_bound(std::begin(kOwnClusters), end, c,
                                      [](std::uint32_t v, const ClusterRange& r) { return v < r.first; });
    if (it == std::begin(kOwnClusters)) return ClusterBreak::kUnknown;
    --it;
    return c <= it->last ? it->kind : ClusterBreak::kUnknown;
}

namespace {

// Marks 1 in `starts` at each byte offset where a grapheme cluster starts (0 included). Returns
// false, with nothing marked, when the text has a code point own_cluster_break() does not cover.
// With only Other, Extend and Control code points, UAX #29 comes down to: no break between CR
// and LF (GB3), a break after a control (GB4) and before one (GB5), none before Extend (GB9), a
// break everywhere else (GB999). Prepend, SpacingMark, ZWJ, regional indicators, Hangul jamo and
// the Indic conjunct rule (GB9c) never apply: none of their code points is covered.
bool simple_clusters(std::string_view text, std::vector<std::uint8_t>& starts) {
    ClusterBreak before = ClusterBreak::kControl;   // the start of the text: a cluster starts there
    for (std::size_t i = 0, len = 1; i < text.size(); i += len) {
        const ClusterBreak here = own_cluster_break(decode(text, i, &len));
        if (here == ClusterBreak::kUnknown) {
            std::fill(starts.begin(), starts.end(), std::uint8_t{0});
            return false;
        }
        const bool crlf = text[i] == '\n' && i > 0 && text[i - 1] == '\r';
        if (!crlf && !(here == ClusterBreak::kExtend && before != ClusterBreak::kControl)) starts[i] = 1;
        before = here;
    }
    return true;
}

}  // namespace

// [SECTION] Break opportunities (libunibreak + the engine's dictionary) -------------------------------

void find_breaks(Engine& engine, std::string_view text, std::string_view lang, std::vector<std::uint8_t>& out) {
    init_libunibreak();
    const std::size_t n = text.size();
    out.assign(n + 1, kNone);
    if (n == 0) return;
    const std::string lang_z(lang.substr(0, std::min<std::size_t>(lang.size(), 15)));
    std::vector<char> lb(n);
    const auto* u8 = reinterpret_cast<const utf8_t*>(text.data());
    set_linebreaks_utf8(u8, n, lang_z.empty() ? nullptr : lang_z.c_str(), lb.data());
    // Grapheme clusters: from the text itself when it is plain Latin, else from the engine.
    std::vector<std::uint8_t> starts(n + 1, 0);
    if (!simple_clusters(text, starts)) {
        std::vector<std::uint32_t> at;
        engine.cluster_starts(text, at);
        for (std::uint32_t a : at)
            if (a < n) starts[a] = 1;
    }
    // libunibreak marks the last byte of each character: a break "after byte i" is a break
    // before byte i + 1.
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t b = starts[i + 1] ? kCluster : kNone;
        if (lb[i] == LINEBREAK_ALLOWBREAK) b = kAllow;
        if (lb[i] == LINEBREAK_MUSTBREAK) b = kMust;
        if (lb[i] == LINEBREAK_INSIDEACHAR) b = kNone;
        out[i + 1] = b;
    }
    // The end of the text is not a break the wrapper chooses; it ends the last line anyway.
    out[n] = kMust;

    // Dictionary words inside Thai, Lao, Khmer, Myanmar runs: only where both neighbours are
    // letters or marks of such a script (elsewhere UAX #14 has decided) and a cluster ends there.
    bool any = false;
    for (std::size_t i = 0, len = 1; i < n; i += len)
        if (dictionary_script(decode(text, i, &len))) {
            any = true;
            break;
        }
    if (!any) return;
    std::vector<std::uint32_t> words;
    engine.dictionary_breaks(text, words);
    for (std::uint32_t at : words) {
        if (at == 0 || at >= n || out[at] != kCluster) continue;
        std::size_t before = at - 1;
        while (before > 0 && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) --before;
        std::size_t len_a = 1, len_b = 1;
        if (complex_context(decode(text, before, &len_a)) && complex_context(decode(text, at, &len_b)))
            out[at] = kAllow;
    }
}

// [SECTION] Cache keys -----------------------------------------------------------------------------

std::size_t Layout::KeyHash::operator()(const Key& k) const {
    return static_cast<std::size_t>(k.hash) ^ (std::hash<float>()(k.width) << 1) ^
           (std::hash<float>()(k.font_size) << 3) ^ (static_cast<std::size_t>(k.extra) << 7);
}

Layout::Key Layout::key(std::string_view text, FontSpec font, float width, std::uint32_t extra) {
    std::uint64_t h = 1469598103934665603ull;   // 64-bit FNV-1a
    for (unsigned char ch : text) h = (h ^ ch) * 1099511628211ull;
    return {h, text.size(), font.size, width, extra * 2u + static_cast<std::uint32_t>(font.weight)};
}

void Layout::set_language(std::string_view lang) {
    if (lang == lang_) return;
    lang_ = std::string(lang);
    engine_.set_language(lang);
    clear();
}

void Layout::clear() {
    prefixes_.clear();
    wraps_.clear();
    widths_.clear();
    shaped_.clear();
}

Metrics Layout::metrics(FontSpec font) { return engine_.metrics(font); }

float Layout::measure(std::string_view text, FontSpec font, Direction dir) {
    return segment_width(text, font, dir);
}

float Layout::segment_width(std::string_view text, FontSpec font, Direction dir) {
    if (text.empty()) return 0.0f;
    const Key k = key(text, font, 0.0f, static_cast<std::uint32_t>(dir));
    if (auto it = widths_.find(k); it != widths_.end()) return it->second;
    if (widths_.size() > 200000) widths_.clear();
    const float w = engine_.measure(text, font, dir);
    widths_.emplace(k, w);
    return w;
}

// [SECTION] Wrapping -------------------------------------------------------------------------------
// Greedy, as browsers wrap: each line ends at the last break opportunity before which the line,
// measured whole (shaped across its words, its trailing blanks hanging), still fits. The end is
// found by measuring candidate lines: the whole rest of the paragraph first when it may fit (most
// strings are one line: one measurement), then from a guess of the end (the advance per byte
// measured so far) one break opportunity at a time (widths grow with the end), so a line costs a
// few measurements, not one per word. Only a word wider than the line is cut between grapheme
// clusters (as CSS overflow-wrap: anywhere).

const Wrapped& Layout::wrap(std::string_view text, FontSpec font, float width) {
    return wrap_lines(text, font, width, 0);
}

const Wrapped& Layout::wrap_lines(std::string_view text, FontSpec font, float width, int max_lines) {
    width = std::max(width, 1.0f);
    const std::size_t most = static_cast<std::size_t>(std::max(max_lines, 0));   // 0: every line
    const Key k = key(text, font, width, static_cast<std::uint32_t>(most));
    if (auto it = wraps_.find(k); it != wraps_.end()) return it->second;
    if (wraps_.size() > 50000) wraps_.clear();   // a bound for hosts that show many payloads
    Wrapped& w = wraps_[k];
    w.direction = engine_.paragraph_direction(text);
    const Direction dir = w.direction;
    const std::uint32_t n = static_cast<std::uint32_t>(text.size());
    find_breaks(engine_, text, lang_, breaks_);

    auto trim_end = [&](std::uint32_t b, std::uint32_t e) {
        while (e > b && (blank(text[e - 1]) || text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
        return e;
    };
    auto line_width = [&](std::uint32_t b, std::uint32_t e) {
        e = trim_end(b, e);
        return segment_width(text.substr(b, e - b), font, dir);
    };
    auto fits = [&](std::uint32_t b, std::uint32_t e) { return line_width(b, e) <= width + 0.01f; };
    auto push = [&](std::uint32_t b, std::uint32_t e) {
        const float lw = line_width(b, e);
        w.lines.push_back({b, trim_end(b, e), lw});
        w.width = std::max(w.width, lw);
    };

    // The longest run of whole clusters from `from` that fits (at least one cluster): where a word
    // wider than the line has to break.
    auto emergency_end = [&](std::uint32_t from, std::uint32_t limit) {
        std::uint32_t best = 0;
        for (std::uint32_t i = from + 1; i <= limit; ++i) {
            if (breaks_[i] == kNone) continue;
            if (best && !fits(from, i)) break;
            best = i;
        }
        return best ? best : limit;
    };

    std::vector<std::uint32_t>& ends = ends_;
    // Average advance per byte: of what this paragraph measured so far, else of the last run of
    // text (a few words at least: not a figure or a label) measured before (in ems: any size),
    // else unknown.
    float per_byte = per_byte_em_ * font.size;
    bool measured = false;
    auto learn = [&](float px, std::uint32_t bytes) {
        if (bytes == 0 || px <= 0) return;
        per_byte = std::max(px / static_cast<float>(bytes), 1e-3f);
        if (bytes >= 24) per_byte_em_ = per_byte / std::max(font.size, 1.0f);
        measured = true;
    };
    std::uint32_t start = 0;
    while (start < n || w.lines.empty()) {
        if (start >= n) {
            push(start, start);
            break;
        }
        // The paragraph's rest up to its next hard break, and the line ends allowed inside it: the
        // break opportunities, then the rest's own end (where the line ends if all of it fits).
        ends.clear();
        std::uint32_t limit = n;
        for (std::uint32_t i = start + 1; i <= n; ++i) {
            if (breaks_[i] == kMust) {
                limit = i;
                break;
            }
            if (breaks_[i] == kAllow) ends.push_back(i);
        }
        ends.push_back(limit);
        // Bytes → pixels, from what was measured: the first guess of each line's end. A rest that
        // may fit is measured whole (most strings are one line); one guessed at three lines or more
        // from earlier paragraphs (another script may advance differently per byte) or at one and a
        // half from this one is not: its first line is found from the guess.
        std::uint32_t end = limit;
        bool must = false;
        const float rest_guess = per_byte * static_cast<float>(limit - start);
        if (per_byte == 0 || rest_guess < width * (measured ? 1.5f : 3.0f)) {
            const float rest = line_width(start, limit);
            learn(rest, limit - start);
            must = rest <= width + 0.01f;
        }
        if (!must) {
            // From the guess, walk one allowed end at a time to the last one that fits (fits() grows
            // with the end): a line costs two or three measurements.
            const auto guess = start + static_cast<std::uint32_t>(width / per_byte);
            std::size_t i = static_cast<std::size_t>(std::upper_bound(ends.begin(), ends.end(), guess) - ends.begin());
            i = std::min(std::max<std::size_t>(i, 1), ends.size());   // ends[i - 1]: the candidate
            if (fits(start, ends[i - 1])) {
                while (i < ends.size() && fits(start, ends[i])) ++i;
                end = ends[i - 1];
            } else {
                while (i > 1 && !fits(start, ends[i - 2])) --i;
                end = i > 1 ? ends[i - 2] : emergency_end(start, ends[0]);
            }
            must = end == limit;   // all of the rest fits after all
            learn(line_width(start, end), end - start);
        }
        push(start, end);
        const bool full = most > 0 && w.lines.size() >= most;
        if (must && end == n) {
            // A hard break at the very end ("text\n") leaves an empty last line, as HTML's pre-line.
            if (text[n - 1] == '\n') {
                if (full) w.more = true;
                else push(n, n);
            }
            break;
        }
        start = end;
        while (start < n && blank(text[start])) ++start;   // blanks at a break vanish
        if (full) {
            w.more = start < n;
            break;
        }
    }
    return w;
}

std::size_t Layout::fit_prefix(std::string_view text, FontSpec font, float width, std::string_view suffix) {
    Key k = key(text, font, width, 0);
    k.hash ^= std::hash<std::string_view>()(suffix);
    if (auto it = prefixes_.find(k); it != prefixes_.end()) return it->second;
    if (prefixes_.size() > 50000) prefixes_.clear();
    const Direction dir = engine_.paragraph_direction(text);
    std::size_t best = text.size();
    if (segment_width(text, font, dir) > width) {
        // The longest prefix of whole clusters (blanks before the suffix dropped) that fits with the
        // suffix: widths grow with the prefix, so a binary search over the cluster boundaries.
        find_breaks(engine_, text, lang_, breaks_);
        std::vector<std::uint32_t>& cuts = ends_;
        cuts.clear();
        for (std::uint32_t i = 1; i < text.size(); ++i)
            if (breaks_[i] != kNone) cuts.push_back(i);
        std::string candidate;
        auto trimmed = [&](std::uint32_t e) {
            while (e > 0 && blank(text[e - 1])) --e;
            return e;
        };
        auto fits = [&](std::uint32_t e) {
            candidate.assign(text.substr(0, trimmed(e)));
            candidate.append(suffix);
            return engine_.measure(candidate, font, dir) <= width;
        };
        std::size_t lo = 0, hi = cuts.size();   // cuts[0, lo) fit, cuts[hi, size) do not
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (fits(cuts[mid])) lo = mid + 1;
            else hi = mid;
        }
        best = lo > 0 ? trimmed(cuts[lo - 1]) : 0;
    }
    prefixes_.emplace(k, best);
    return best;
}

// [SECTION] Shaped lines ---------------------------------------------------------------------------

const ShapedLine& Layout::line(std::string_view text, FontSpec font, Direction dir, std::uint32_t rgba) {
    const std::uint32_t colour_key = engine_.bakes_colour() ? rgba : 0u;
    // The colour goes into the hash's extra bits only for engines that bake it in.
    Key k = key(text, font, 0.0f, static_cast<std::uint32_t>(dir));
    k.hash ^= static_cast<std::uint64_t>(colour_key) * 0x9E3779B97F4A7C15ull;
    auto it = shaped_.find(k);
    const std::uint64_t gen = engine_.generation();
    if (it == shaped_.end()) {
        if (shaped_.size() > 20000) shaped_.clear();
        it = shaped_.emplace(k, Shaped{0, {}}).first;
    }
    if (it->second.generation != gen) {
        engine_.render(text, font, dir, rgba, it->second.line);
        it->second.generation = engine_.generation();
    }
    return it->second.line;
}

}  // namespace versus::text
