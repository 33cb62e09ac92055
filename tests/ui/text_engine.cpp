// The native text engine (the desktop's, the PNG export's, the headless tests'): shaping, bidi
// order, font fallback, colour emoji, placeholders. Assertions on the shaped glyphs, as a reader
// of each script would check the drawn text.
#include "headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace versus;
using text::Direction;

namespace {

const text::FontSpec kBody{15.0f, text::Weight::Regular};

std::vector<text::ShapedGlyph> shape(std::string_view s, Direction dir = Direction::LeftToRight) {
    return test::text_engine().shape(s, kBody, dir);
}

std::uint32_t only_glyph(std::string_view s) {
    const auto g = shape(s, Direction::RightToLeft);
    REQUIRE(g.size() == 1);
    return g[0].glyph;
}

}  // namespace

TEST_CASE("Arabic letters take their joined forms, right to left", "[ui][text][arabic]") {
    // ب ي ت: "bayt" joins as initial, medial, final; alone each letter is its isolated form.
    const std::string word = "\xD8\xA8\xD9\x8A\xD8\xAA";
    const auto g = shape(word, Direction::RightToLeft);
    REQUIRE(g.size() == 3);
    for (const auto& x : g) {
        CHECK(x.rtl);
        CHECK(x.font.find("Arabic") != std::string::npos);
    }
    // Visual order: the first letter (cluster 0) is drawn rightmost.
    CHECK(g[0].cluster > g[1].cluster);
    CHECK(g[1].cluster > g[2].cluster);
    const std::uint32_t b = only_glyph("\xD8\xA8"), y = only_glyph("\xD9\x8A"), t = only_glyph("\xD8\xAA");
    CHECK(g[2].glyph != b);   // initial beh, not the isolated one
    CHECK(g[1].glyph != y);   // medial yeh
    CHECK(g[0].glyph != t);   // final teh
}

TEST_CASE("a Hebrew run comes out in visual order", "[ui][text][hebrew]") {
    const auto g = shape("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", Direction::RightToLeft);   // שלום
    REQUIRE(g.size() == 4);
    for (std::size_t i = 1; i < g.size(); ++i) {
        CHECK(g[i].x > g[i - 1].x);
        CHECK(g[i].cluster < g[i - 1].cluster);   // left to right on screen = last letter first
    }
    CHECK(g[0].font.find("Hebrew") != std::string::npos);
}

TEST_CASE("mixed direction: Latin names and numbers stay readable runs inside Arabic", "[ui][text][bidi]") {
    // "أفضل من Llama 3.1 8B" in a right-to-left paragraph.
    const std::string s = "\xD8\xA3\xD9\x81\xD8\xB6\xD9\x84 \xD9\x85\xD9\x86 Llama 3.1 8B";
    const auto g = shape(s, Direction::RightToLeft);
    const std::size_t latin_at = s.find("Llama");
    std::vector<const text::ShapedGlyph*> latin, arabic;
    for (const auto& x : g) {
        if (x.cluster >= latin_at) latin.push_back(&x);
        else if (static_cast<unsigned char>(s[x.cluster]) >= 0x80) arabic.push_back(&x);
    }
    REQUIRE(latin.size() == std::string("Llama 3.1 8B").size());
    REQUIRE_FALSE(arabic.empty());
    // The Latin run is on the left of the Arabic words (it ends the sentence, read right to left)
    // and reads left to right: "Llama 3.1 8B", not "B8 1.3 amalL".
    for (const auto* a : arabic) CHECK(a->x > latin.back()->x);
    for (std::size_t i = 1; i < latin.size(); ++i) CHECK(latin[i]->cluster > latin[i - 1]->cluster);
    CHECK(latin[0]->font == "Inter");
}

TEST_CASE("Devanagari: the i vowel sign goes before its consonant, conjuncts form", "[ui][text][indic]") {
    const auto ka = shape("\xE0\xA4\x95");                 // क
    const auto ki = shape("\xE0\xA4\x95\xE0\xA4\xBF");     // कि
    REQUIRE(ka.size() == 1);
    REQUIRE(ki.size() == 2);
    CHECK(ki[1].glyph == ka[0].glyph);   // the consonant comes second on screen
    CHECK(ki[0].glyph != ka[0].glyph);
    CHECK(ki[0].font.find("Devanagari") != std::string::npos);
    // क्ष (ka + virama + ssa) is one conjunct glyph, with no visible virama.
    CHECK(shape("\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7").size() == 1);
}

TEST_CASE("fallback fonts: each script in a font made for it; Han follows the language", "[ui][text][fonts]") {
    CHECK(shape("\xE0\xB8\xA3\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\xB2")[0].font.find("Thai") != std::string::npos);
    CHECK(shape("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4")[0].font == "Noto Sans CJK KR");   // 한국어
    // 直 is drawn differently in Japanese and Chinese: the widget's language picks the style, and
    // without one, kana on the line say Japanese.
    CHECK(shape("\xE7\x9B\xB4\xE3\x81\x99")[0].font == "Noto Sans CJK JP");   // 直す
    CHECK(shape("\xE7\x9B\xB4")[0].font == "Noto Sans CJK SC");
    text::NativeEngine ja;
    ja.set_language("ja");
    CHECK(ja.shape("\xE7\x9B\xB4", kBody, Direction::LeftToRight)[0].font == "Noto Sans CJK JP");
    // Latin, Greek and Cyrillic keep the versus look.
    for (const auto& x : shape("Tiếng Việt \xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC \xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9")) {
        CHECK(x.font == "Inter");
        CHECK(x.glyph != 0);
    }
}

TEST_CASE("emoji: ZWJ sequences and flags are one colour glyph", "[ui][text][emoji]") {
    const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6";
    const std::string flag = "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";   // 🇯🇵
    const std::string heart = "\xE2\x9D\xA4\xEF\xB8\x8F";   // ❤️ (U+FE0F: a mark, and ignorable)
    const std::string keycap = "1\xEF\xB8\x8F\xE2\x83\xA3";   // 1️⃣ (U+20E3: an enclosing mark)
    for (const std::string& s : {family, flag, heart, keycap}) {
        INFO(s);
        const auto g = shape(s);
        REQUIRE(g.size() == 1);
        CHECK(g[0].font == "Noto Color Emoji");
        text::ShapedLine line;
        test::text_engine().render(s, kBody, Direction::LeftToRight, 0, line);
        REQUIRE(line.quads.size() == 1);
        CHECK(line.quads[0].coloured);
    }
    // A space after an emoji is an ordinary space, not the emoji font's wide one.
    const auto after = shape("\xF0\x9F\x9A\x80 vs");
    REQUIRE(after.size() == 4);
    CHECK(after[1].font == "Inter");
}

TEST_CASE("a character no font has shows one visible placeholder; nothing is dropped", "[ui][text]") {
    text::ShapedLine line;
    test::text_engine().render("a\xF4\x8F\xBF\xBD" "b", kBody, Direction::LeftToRight, 0, line);   // U+10FFFD
    REQUIRE(line.quads.size() == 3);   // a, the placeholder box, b
    CHECK(line.quads[1].x1 - line.quads[1].x0 > 3.0f);
    // Invalid UTF-8 and control characters never crash and never vanish without a trace.
    test::text_engine().render("\xFF\xFE x\t\x01y", kBody, Direction::LeftToRight, 0, line);
    CHECK(line.width > 0);
}

TEST_CASE("widths: measuring and drawing agree", "[ui][text]") {
    auto& e = test::text_engine();
    for (std::string_view s : {"Claude Haiku Open Weights", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 Llama 3.1",
                               "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"}) {
        text::ShapedLine line;
        const Direction d = e.paragraph_direction(s);
        e.render(s, kBody, d, 0, line);
        CHECK(line.width == Approx(e.measure(s, kBody, d)));
        // The quads stay within the advance (plus a pixel of side bearing).
        for (const text::Quad& q : line.quads) {
            CHECK(q.x0 >= -2.0f);
            CHECK(q.x1 <= line.width + 2.0f);
        }
    }
}

TEST_CASE("spaces and punctuation between words of any script are Inter's, as the browser draws them",
          "[ui][text][fonts]") {
    // ආකෘති සංසන්දනය (Sinhala): Noto Sans Sinhala's space is 0.5 em, Inter's 0.28 em; Chromium
    // shapes with the first font of the list (Inter) and falls back only for what it lacks.
    const std::string si = "\xE0\xB6\x86\xE0\xB6\x9A\xE0\xB7\x98\xE0\xB6\xAD\xE0\xB7\x92 "
                           "\xE0\xB7\x83\xE0\xB6\x82\xE0\xB7\x83\xE0\xB6\xB1\xE0\xB7\x8A\xE0\xB6\xAF\xE0\xB6\xB1\xE0\xB6\xBA:";
    const std::size_t space = si.find(' '), colon = si.find(':');
    for (const auto& g : shape(si)) {
        if (g.cluster == space || g.cluster == colon) CHECK(g.font == "Inter");
        else CHECK(g.font == "Noto Sans Sinhala");
    }
    // Punctuation Inter lacks takes the script of the line it is in, even after a Latin run: the
    // Arabic question mark ending "… Llama 3.1 8B؟" is Noto Sans Arabic's, not DejaVu Sans's.
    const std::string ar = "\xD8\xA3\xD9\x81\xD8\xB6\xD9\x84 \xD9\x85\xD9\x86 Llama 3.1 8B\xD8\x9F";
    const auto g = shape(ar, Direction::RightToLeft);
    const auto q = std::find_if(g.begin(), g.end(), [&](const text::ShapedGlyph& x) { return x.cluster == ar.size() - 2; });
    REQUIRE(q != g.end());
    CHECK(q->font == "Noto Sans Arabic");
    // The danda after a Devanagari word stays in the Devanagari font.
    for (const auto& x : shape("\xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80\xE0\xA4\x82\xE0\xA5\xA4"))   // नहीं।
        CHECK(x.font == "Noto Sans Devanagari");
}

TEST_CASE("a mark its letter's font lacks is drawn with its letter from a font that has both, not as a box",
          "[ui][text]") {
    // Inter has no U+031F (plus sign below) nor U+0320 (minus sign below): "v̟" and "o̠" (IPA) are
    // drawn, letter and mark together, from a font that has both, as Chromium draws them.
    for (std::string_view s : {"v\xCC\x9F", "o\xCC\xA0", "o\xCC\x81\xCC\xA0"}) {
        INFO(s);
        const auto g = shape(s);
        REQUIRE(g.size() >= 2);
        for (const auto& x : g) {
            CHECK(x.glyph != 0);        // no .notdef box
            CHECK(x.font == g[0].font);  // the letter moved with its marks
        }
        CHECK(g[0].font != "Inter");
    }
    // Right to left too: "ש̟" (the Hebrew font lacks U+031F) moves to a font with both, so the mark
    // sits on its letter rather than beside it.
    {
        const auto g = shape("\xD7\xA9\xCC\x9F", Direction::RightToLeft);
        REQUIRE(g.size() == 2);
        for (const auto& x : g) {
            CHECK(x.glyph != 0);
            CHECK(x.font == g[0].font);
        }
    }
    // Marks Inter has stay in Inter with their letter; the letters around a moved cluster too.
    for (const auto& x : shape("e\xCC\x81")) CHECK(x.font == "Inter");
    const auto word = shape("av\xCC\x9F" "b");
    REQUIRE(word.size() == 4);
    CHECK(word.front().font == "Inter");
    CHECK(word.back().font == "Inter");
    for (const auto& x : word) CHECK(x.glyph != 0);
}
