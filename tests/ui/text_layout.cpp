// Line breaking and wrapping (src/text/layout.cpp): UAX #14 by libunibreak with the dictionary
// words of Thai, grapheme clusters, and the product's rules (never inside "2.0" or "1,000").
#include "headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace versus;
using text::Direction;

namespace {

const text::FontSpec kBody{15.0f, text::Weight::Regular};

struct Wrap {
    text::Layout layout{test::text_engine()};
    std::vector<std::string> operator()(std::string_view s, float width) {
        const text::Wrapped& w = layout.wrap(s, kBody, width);
        std::vector<std::string> out;
        for (const text::Line& l : w.lines) {
            const std::string_view line = s.substr(l.begin, l.end - l.begin);
            // What wrapping measured is what drawing draws.
            CHECK(l.width == Approx(test::text_engine().measure(line, kBody, w.direction)).margin(0.01));
            out.emplace_back(line);
        }
        return out;
    }
    float width(std::string_view s) { return test::text_engine().measure(s, kBody, Direction::LeftToRight); }
};

std::vector<std::uint8_t> breaks_of(std::string_view s, std::string_view lang = "") {
    std::vector<std::uint8_t> b;
    text::find_breaks(test::text_engine(), s, lang, b);
    return b;
}

// The native engine, counting what the layout asks it to measure and to cut into clusters.
struct CountingEngine : text::Engine {
    text::Engine& e = test::text_engine();
    int measures = 0;
    std::size_t longest = 0;   // bytes of the longest text measured
    int clusters = 0;
    void set_pixel_ratio(float r) override { e.set_pixel_ratio(r); }
    float pixel_ratio() const override { return e.pixel_ratio(); }
    void set_language(std::string_view l) override { e.set_language(l); }
    text::Metrics metrics(text::FontSpec f) override { return e.metrics(f); }
    float measure(std::string_view t, text::FontSpec f, Direction d) override {
        ++measures;
        longest = std::max(longest, t.size());
        return e.measure(t, f, d);
    }
    void render(std::string_view t, text::FontSpec f, Direction d, std::uint32_t c, text::ShapedLine& o) override {
        e.render(t, f, d, c, o);
    }
    bool bakes_colour() const override { return e.bakes_colour(); }
    Direction paragraph_direction(std::string_view t) override { return e.paragraph_direction(t); }
    void dictionary_breaks(std::string_view t, std::vector<std::uint32_t>& o) override { e.dictionary_breaks(t, o); }
    void cluster_starts(std::string_view t, std::vector<std::uint32_t>& o) override {
        ++clusters;
        e.cluster_starts(t, o);
    }
    std::uintptr_t texture(std::uint32_t p) const override { return e.texture(p); }
    std::uint64_t generation() const override { return e.generation(); }
    bool end_frame() override { return e.end_frame(); }
};

}  // namespace

TEST_CASE("wrap: numbers with '.' and ',' stay whole", "[ui][text]") {
    Wrap wrap;
    const std::string text = "Released under the Apache 2.0 license, 1,000 downloads";
    for (float w = wrap.width("Released under the Apache 2"); w < wrap.width("Released under the Apache 2.0 license,") + 2; w += 0.5f) {
        CAPTURE(w);
        for (const std::string& line : wrap(text, w)) {
            CHECK((line.find("2.") == std::string::npos || line.find("2.0") != std::string::npos));
            CHECK((line.size() < 2 || line.substr(line.size() - 2) != "1,"));
        }
    }
}

TEST_CASE("wrap: spaces, dashes, newlines and long words", "[ui][text]") {
    Wrap wrap;
    CHECK(wrap("", 100) == std::vector<std::string>{""});
    CHECK(wrap("short", 1000) == std::vector<std::string>{"short"});
    CHECK(wrap("one\ntwo", 1000) == std::vector<std::string>{"one", "two"});
    CHECK(wrap("alpha beta gamma", wrap.width("alpha beta") + 1) == std::vector<std::string>{"alpha beta", "gamma"});
    CHECK(wrap("alpha   beta", wrap.width("alpha") + 1) == std::vector<std::string>{"alpha", "beta"});
    CHECK(wrap("state-of-the-art", wrap.width("state-of-") + 1) == std::vector<std::string>{"state-of-", "the-art"});
    CHECK(wrap("no cloud\xE2\x80\x94needed", wrap.width("no cloud\xE2\x80\x94") + 1) ==
          std::vector<std::string>{"no cloud\xE2\x80\x94", "needed"});
    // A word wider than the line breaks inside, and no line is wider than the width.
    const float narrow = wrap.width("Supercali") + 1;
    const auto lines = wrap("Supercalifragilisticexpialidocious", narrow);
    CHECK(lines.size() >= 3);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(wrap.width(l) <= narrow);
        joined += l;
    }
    CHECK(joined == "Supercalifragilisticexpialidocious");
    // A width smaller than one character still makes progress, one cluster a line.
    CHECK(wrap("abc", 1).size() == 3);
}

TEST_CASE("wrap: Chinese and Japanese break between ideographs, never before a closing mark", "[ui][text][cjk]") {
    Wrap wrap;
    const std::string ja = "\xE6\x9C\xAC\xE5\xBD\x93\xE3\x81\xAE\xE9\x9A\x9C\xE5\xAE\xB3\xE3\x81\xAF\xE9\x87\x8D\xE3\x81\xBF\xE3\x81\xA7\xE3\x81\xAF\xE3\x81\xAA\xE3\x81\x8F\xE3\x80\x81\xE3\x83\xA9\xE3\x82\xA4\xE3\x82\xBB\xE3\x83\xB3\xE3\x82\xB9\xE3\x81\xA0\xE3\x80\x82";   // 本当の障害は重みではなく、ライセンスだ。
    for (float w = 40; w < 200; w += 7) {
        CAPTURE(w);
        const auto lines = wrap(ja, w);
        CHECK(lines.size() > 1);
        std::string joined;
        for (const auto& l : lines) {
            joined += l;
            CHECK(wrap.width(l) <= w + 0.01f);
            CHECK(l.rfind("\xE3\x80\x81", 0) != 0);   // no line starts with 、
            CHECK(l.rfind("\xE3\x80\x82", 0) != 0);   // nor with 。
        }
        CHECK(joined == ja);   // nothing lost, no spaces invented
    }
}

TEST_CASE("wrap: Thai breaks at word boundaries", "[ui][text][thai]") {
    Wrap wrap;
    // อุปสรรคที่แท้จริงคือสัญญาอนุญาต ("the real obstacle is the license"): no spaces between words.
    const std::string th = "\xE0\xB8\xAD\xE0\xB8\xB8\xE0\xB8\x9B\xE0\xB8\xAA\xE0\xB8\xA3\xE0\xB8\xA3\xE0\xB8\x84\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88\xE0\xB9\x81\xE0\xB8\x97\xE0\xB9\x89\xE0\xB8\x88\xE0\xB8\xA3\xE0\xB8\xB4\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\xAA\xE0\xB8\xB1\xE0\xB8\x8D\xE0\xB8\x8D\xE0\xB8\xB2\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\xB8\xE0\xB8\x8D\xE0\xB8\xB2\xE0\xB8\x95";
    std::vector<std::uint32_t> words;
    test::text_engine().dictionary_breaks(th, words);
    REQUIRE(words.size() >= 4);   // ICU's dictionary finds the words
    const auto b = breaks_of(th, "th");
    int allowed = 0;
    for (std::size_t i = 1; i < th.size(); ++i)
        if (b[i] >= text::kAllow) {
            ++allowed;
            CHECK(std::find(words.begin(), words.end(), i) != words.end());   // only between words
        }
    CHECK(allowed >= 3);
    const auto lines = wrap(th, wrap.width(th) / 2.5f);
    CHECK(lines.size() >= 3);
    std::size_t at = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        at += lines[k].size();
        CHECK(std::find(words.begin(), words.end(), at) != words.end());
    }
}

TEST_CASE("wrap: an Arabic sentence breaks between words, never inside a joined word", "[ui][text][arabic]") {
    Wrap wrap;
    const std::string s = "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xB1\xD8\xAE\xD9\x8A\xD8\xB5 \xD9\x87\xD9\x88 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD8\xA6\xD9\x82 \xD8\xA7\xD9\x84\xD8\xAD\xD9\x82\xD9\x8A\xD9\x82\xD9\x8A";
    text::Layout layout(test::text_engine());
    const float w = test::text_engine().measure("\xD8\xA7\xD9\x84\xD8\xAA\xD8\xB1\xD8\xAE\xD9\x8A\xD8\xB5 \xD9\x87\xD9\x88", kBody, Direction::RightToLeft) + 2;
    const text::Wrapped& wrapped = layout.wrap(s, kBody, w);
    CHECK(wrapped.direction == Direction::RightToLeft);
    REQUIRE(wrapped.lines.size() >= 2);
    for (const text::Line& l : wrapped.lines) {
        // Every line starts and ends at a word boundary (a space or the ends of the text).
        CHECK((l.begin == 0 || s[l.begin - 1] == ' '));
        CHECK((l.end == s.size() || s[l.end] == ' '));
    }
}

TEST_CASE("an ellipsis never splits a grapheme cluster", "[ui][text]") {
    text::Layout layout(test::text_engine());
    const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";   // 👨‍👩‍👧
    const std::string texts[] = {family + family + family + family,
                                 "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\xAF",   // क्षत्रिय
                                 "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t Nam"};
    for (const std::string& s : texts) {
        const auto b = breaks_of(s);
        for (float w = 4; w < 120; w += 3) {
            const std::size_t fit = layout.fit_prefix(s, kBody, w, "\xE2\x80\xA6");
            CAPTURE(s, w, fit);
            CHECK((fit == 0 || fit == s.size() || b[fit] >= text::kCluster));
        }
    }
}

// Text the layout can cut into grapheme clusters itself is not handed to the engine (on the web
// each question is a call into the browser, and its first Intl.Segmenter costs ~11 ms): plain
// Latin, Chinese, Japanese and Korean, and Greek, Cyrillic, Armenian, Hebrew and Arabic with their
// combining marks. Every code point text::own_cluster_break() covers is checked against ICU's cuts
// (the desktop engine's): alone between letters, with a mark after it, after a control,
// around CR LF and at the very start; the cuts must be ICU's, made without asking the engine.
TEST_CASE("clusters of Latin, CJK, Greek, Cyrillic, Armenian, Hebrew and Arabic text are cut without the engine, as ICU cuts them", "[ui][text]") {
    using text::ClusterBreak;
    const auto put = [](std::string& s, std::uint32_t c) {
        if (c < 0x80) s += static_cast<char>(c);
        else if (c < 0x800) s += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        else s += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (c & 0x3F))};
    };
    const std::uint32_t kDiaeresis = 0x0308;   // a combining mark (Extend)
    // Marks at the start, after LF and after CR. (Not after a space: there UAX #14 lets a line end
    // before the mark (LB10) though the cluster goes on, so a break is marked inside a cluster.)
    std::string s = "\xCC\x88" "a\r\nb\r\r\n\n\xCC\x88\r\xCC\x88";
    int covered = 0;
    int extend = 0;
    int control = 0;
    for (std::uint32_t c = 1; c < 0x10000; ++c) {
        const ClusterBreak k = text::own_cluster_break(c);
        if (k == ClusterBreak::kUnknown) continue;
        ++covered;
        if (c == ' ') continue;   // see above
        extend += k == ClusterBreak::kExtend;
        control += k == ClusterBreak::kControl;
        s += 'a';
        put(s, c);
        put(s, kDiaeresis);   // joins c, or starts a cluster of its own after a control
        s += 'b';
        put(s, c);
        s += ' ';
    }
    CHECK(covered > 40000);
    CHECK(extend > 200);   // U+0300-036F, Cyrillic, Hebrew and Arabic marks, ZWNJ
    CHECK(control == 68);  // U+0001-001F (CR and LF too), DEL and C1, soft hyphen, ALM, LRM, RLM
    // Spot checks of what is covered and what goes to the engine.
    CHECK(text::own_cluster_break(0x0416) == ClusterBreak::kOther);    // Ж
    CHECK(text::own_cluster_break(0x05B8) == ClusterBreak::kExtend);   // Hebrew qamats
    CHECK(text::own_cluster_break(0x064E) == ClusterBreak::kExtend);   // Arabic fatha
    CHECK(text::own_cluster_break(0x0600) == ClusterBreak::kUnknown);  // Arabic number sign: Prepend
    CHECK(text::own_cluster_break(0x200D) == ClusterBreak::kUnknown);  // ZWJ (emoji sequences)
    CHECK(text::own_cluster_break(0x0915) == ClusterBreak::kUnknown);  // Devanagari (conjuncts)
    CHECK(text::own_cluster_break(0x1F600) == ClusterBreak::kUnknown); // emoji
    std::vector<std::uint32_t> icu;
    test::text_engine().cluster_starts(s, icu);
    REQUIRE(icu.size() > 4 * 40000);
    CountingEngine engine;
    std::vector<std::uint8_t> b;
    text::find_breaks(engine, s, "", b);
    CHECK(engine.clusters == 0);
    std::vector<std::uint32_t> mine;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (b[i] != text::kNone) mine.push_back(static_cast<std::uint32_t>(i));
    CHECK(mine == icu);
    // Text with a code point not covered goes to the engine, and its clusters are the engine's:
    // "क्ष" (Devanagari KA, VIRAMA, SSA: one conjunct) after Russian.
    text::find_breaks(engine, "\xD0\x96 \xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7", "", b);
    CHECK(engine.clusters == 1);
    // "か" + U+3099 (the combining voiced mark): likewise, the mark stays with its kana.
    text::find_breaks(engine, "\xE3\x81\x8B\xE3\x82\x99\xE3\x81\x84", "", b);
    CHECK(engine.clusters == 2);
    CHECK(b[3] == text::kNone);
    CHECK(b[6] != text::kNone);
    // Arabic with its marks, cut by the layout: "بِسْمِ" keeps each mark with its letter.
    const std::string bism = "\xD8\xA8\xD9\x90\xD8\xB3\xD9\x92\xD9\x85\xD9\x90";
    text::find_breaks(engine, bism, "", b);
    CHECK(engine.clusters == 2);
    for (std::size_t i : {1u, 2u, 3u, 5u, 6u, 7u, 9u, 10u, 11u}) CHECK(b[i] == text::kNone);
    CHECK(b[4] == text::kCluster);
    CHECK(b[8] == text::kCluster);
}

// Measuring is the costly part of wrapping on the web (each measurement is a canvas measureText):
// a paragraph costs a few measurements a line, not one a word, and each line is still the
// longest that fits (greedy, as a browser wraps).
TEST_CASE("wrap: a few measurements a line, and every line the longest that fits", "[ui][text]") {
    const std::string paragraph =
        "Mistral 4B is a lightweight large language model purpose-built for on-device and edge inference, "
        "delivering competitive MMLU benchmark scores while running efficiently on consumer hardware and "
        "mobile NPUs. Released under the Apache 2.0 license, the model weights are freely available on "
        "Hugging Face, making it accessible for both commercial and research use.";
    for (float width : {120.0f, 240.0f, 390.0f, 700.0f}) {
        CAPTURE(width);
        CountingEngine counting;
        text::Layout layout(counting);
        const text::Wrapped& w = layout.wrap(paragraph, kBody, width);
        const int words = static_cast<int>(std::count(paragraph.begin(), paragraph.end(), ' ')) + 1;
        CHECK(w.lines.size() > 1);
        CHECK(counting.measures <= 4 * static_cast<int>(w.lines.size()) + 2);
        if (width >= 240) CHECK(counting.measures < words);   // lines of several words: fewer than one a word
        for (std::size_t i = 0; i < w.lines.size(); ++i) {
            const text::Line& l = w.lines[i];
            CHECK(l.width <= width + 0.01f);
            if (i + 1 == w.lines.size()) continue;
            // The line with the next word too would not fit.
            std::size_t next = paragraph.find(' ', w.lines[i + 1].begin);
            if (next == std::string::npos) next = paragraph.size();
            const std::string longer(paragraph.substr(l.begin, next - l.begin));
            CHECK(test::text_engine().measure(longer, kBody, Direction::LeftToRight) > width);
        }
    }
    // One line that fits: measured once.
    CountingEngine counting;
    text::Layout layout(counting);
    CHECK(layout.wrap("Would you ship with it?", kBody, 400).lines.size() == 1);
    CHECK(counting.measures == 1);
}

// A paragraph that runs over several lines is not measured whole (on the web, measureText of a
// whole quote is the costliest call): after other text has been measured, its length tells that
// it cannot fit, and its first line is found from a guess. Whatever was measured before (another
// script advances differently per byte), the lines are the ones a fresh layout finds.
TEST_CASE("wrap: a paragraph of several lines is not measured whole, and earlier text never changes its lines", "[ui][text]") {
    const std::string quote =
        "\xE2\x80\x9C" "The primitive here is simple: a downloadable weight file you can run locally without hitting an API "
        "endpoint or setting environment variables. The DX story is a research license and a model card; "
        "nothing else ships with it, so every integration is yours to build and maintain." "\xE2\x80\x9D";
    CountingEngine counting;
    text::Layout layout(counting);
    layout.wrap("Anthropic's first open-weight model release for research use", kBody, 300);
    const text::Wrapped& w = layout.wrap_lines(quote, kBody, 300, 3);
    CHECK(w.more);
    CHECK(counting.longest < quote.size() / 2);   // lines and candidates, never the whole
    // Before the quote: Thai, Japanese, Hindi, Arabic or digits (other advances per byte); the
    // quote, Japanese and Hindi after each, at widths where they take one line or several.
    const std::vector<std::string> texts = {
        quote, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87\xE7\xAB\xA0\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82",
        "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80 \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82 \xE0\xA4\xA4\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xA8\xE0\xA4\xBE",
        "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xB1\xD9\x86\xD8\xA9 \xD8\xA8\xD9\x8A\xD9\x86 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xAF\xD9\x88\xD8\xA7\xD8\xAA",
        "1,000 2.0 $0 / month 50%"};
    for (const std::string& before : texts) {
        for (const std::string& s : {texts[0], texts[1], texts[2]}) {
            for (float width : {60.0f, 180.0f, 390.0f, 2000.0f}) {
                CAPTURE(before, s, width);
                text::Layout fresh(test::text_engine()), primed(test::text_engine());
                primed.wrap(before, kBody, 500);
                const text::Wrapped& a = fresh.wrap(s, kBody, width);
                const text::Wrapped& b = primed.wrap(s, kBody, width);
                REQUIRE(a.lines.size() == b.lines.size());
                for (std::size_t i = 0; i < a.lines.size(); ++i) {
                    CHECK(a.lines[i].begin == b.lines[i].begin);
                    CHECK(a.lines[i].end == b.lines[i].end);
                }
            }
        }
    }
}

TEST_CASE("an ellipsis is found in a few measurements", "[ui][text]") {
    CountingEngine counting;
    text::Layout layout(counting);
    const std::string quote(
        "The primitive here is simple: a downloadable weight file you can run locally without hitting an API "
        "endpoint or setting environment variables.");
    const std::size_t fit = layout.fit_prefix(quote, kBody, 200, "\xE2\x80\xA6");
    REQUIRE(fit > 0);
    REQUIRE(fit < quote.size());
    CHECK(counting.measures <= 10);   // the whole, then a binary search over ~140 cluster boundaries
    const std::string shown = quote.substr(0, fit) + "\xE2\x80\xA6";
    CHECK(test::text_engine().measure(shown, kBody, Direction::LeftToRight) <= 200);
    const std::string one_more = quote.substr(0, fit + 1) + "\xE2\x80\xA6";
    CHECK(test::text_engine().measure(one_more, kBody, Direction::LeftToRight) > 200);
}

TEST_CASE("wrap_lines: the first lines of a wrap and whether more follow, without wrapping the rest", "[ui][text]") {
    const std::string paragraph =
        "\xE2\x80\x9C" "Direct competitors here are Llama 3.1 8B and Mistral 7B \xE2\x80\x94 both fully open, commercially "
        "licensable, and already deeply integrated into every inference stack on the planet. Haiku open weights "
        "under a non-commercial research license is Anthropic getting credit for openness without actually being "
        "open; the moment anyone wants to build a product on this, they're back on the API." "\xE2\x80\x9D";
    const std::vector<std::string> texts = {paragraph, "One line.", "", "first\nsecond\n", "a\n\nb",
                                            "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87\xE7\xAB\xA0\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82"};
    for (const std::string& s : texts) {
        for (float width : {40.0f, 180.0f, 390.0f, 2000.0f}) {
            text::Layout whole(test::text_engine());
            const text::Wrapped& all = whole.wrap(s, kBody, width);
            for (std::size_t k = 1; k <= all.lines.size() + 1; ++k) {
                CAPTURE(s, width, k);
                text::Layout layout(test::text_engine());
                const text::Wrapped& some = layout.wrap_lines(s, kBody, width, static_cast<int>(k));
                REQUIRE(some.lines.size() == std::min(k, all.lines.size()));
                for (std::size_t i = 0; i < some.lines.size(); ++i) {
                    CHECK(some.lines[i].begin == all.lines[i].begin);
                    CHECK(some.lines[i].end == all.lines[i].end);
                    CHECK(some.lines[i].width == all.lines[i].width);
                }
                CHECK(some.more == (all.lines.size() > k));
                CHECK(some.direction == all.direction);
            }
        }
    }
    // A folded quote: its first three lines cost a fraction of the whole wrap's measurements.
    CountingEngine whole_count, first_count;
    text::Layout whole(whole_count), first(first_count);
    const std::size_t lines = whole.wrap(paragraph, kBody, 300).lines.size();
    REQUIRE(lines >= 8);
    CHECK(first.wrap_lines(paragraph, kBody, 300, 3).more);
    CHECK(first_count.measures * 2 < whole_count.measures);
}
