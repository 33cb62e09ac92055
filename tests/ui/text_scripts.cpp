// Every payload of the script corpus (tests/payloads/valid/scripts-*.json), every string in it,
// through the native text engine and the shared line breaker, as a reader of each script would
// check it:
//   - no glyph is the font's .notdef (the placeholder box): a Debian font exists for each script
//     of the corpus (shell/setup.sh installs it), so a box means a missing font package;
//   - the letters of each script are drawn in the font made for it (the Noto family of the
//     script), so a fallback that picks another family (a serif, a font with a few of the
//     letters, Inter's lookalikes) fails;
//   - wrapped at many widths, no line starts inside a grapheme cluster (ICU's own grapheme
//     boundaries, independent of libunibreak that the wrapper uses), no line starts with a mark
//     that closes a sentence or a syllable ("။", "।", "་", "۔", …), nothing is lost, and in the
//     scripts written without spaces (Khmer, Lao, Myanmar, Thai) lines end at ICU's word
//     boundaries.
// A new scripts-*.json must be added to kScripts below: the test fails on a payload it does not know.
#include "headless.hpp"
#include "text/layout.hpp"
#include "text/utf8.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <dirent.h>
#include <memory>
#include <set>

using namespace versus;
using text::Direction;

namespace {

struct Script {
    const char* code;     // scripts-<code>.json
    const char* family;   // the font family (a part of its name) the script's letters must be drawn in
    std::uint32_t first, last;   // the code points of those letters
    bool dictionary = false;     // written without spaces between words: lines end at ICU word boundaries
};

// Fonts from Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji and fonts-inter.
const Script kScripts[] = {
    {"am", "Noto Sans Ethiopic", 0x1200, 0x139F},
    {"ar", "Noto Sans Arabic", 0x0600, 0x06FF},
    {"bn", "Noto Sans Bengali", 0x0980, 0x09FF},
    {"bo", "Noto Serif Tibetan", 0x0F00, 0x0FFF},   // the only Tibetan font Debian ships
    {"dv", "Noto Sans Thaana", 0x0780, 0x07BF},
    {"el", "Inter", 0x0370, 0x03FF},
    {"emoji", "Noto Color Emoji", 0x1F300, 0x1FAFF},
    {"fa", "Noto Sans Arabic", 0x0600, 0x06FF},
    {"gu", "Noto Sans Gujarati", 0x0A80, 0x0AFF},
    {"he", "Noto Sans Hebrew", 0x0590, 0x05FF},
    {"he-niqqud", "Noto Sans Hebrew", 0x0590, 0x05FF},
    {"hi", "Noto Sans Devanagari", 0x0900, 0x097F},
    {"hy", "Noto Sans Armenian", 0x0531, 0x058F},
    {"ja", "Noto Sans CJK JP", 0x3040, 0x30FF},   // kana (Han follows the line's kana: text_engine.cpp)
    {"ka", "Noto Sans Georgian", 0x10A0, 0x10FF},
    {"km", "Noto Sans Khmer", 0x1780, 0x17FF, true},
    {"kn", "Noto Sans Kannada", 0x0C80, 0x0CFF},
    {"ko", "Noto Sans CJK KR", 0xAC00, 0xD7AF},
    {"lo", "Noto Sans Lao", 0x0E80, 0x0EFF, true},
    {"mixed-direction", "Noto Sans Arabic", 0x0600, 0x06FF},
    {"ml", "Noto Sans Malayalam", 0x0D00, 0x0D7F},
    {"my", "Noto Sans Myanmar", 0x1000, 0x109F, true},
    {"or", "Noto Sans Oriya", 0x0B00, 0x0B7F},
    {"pa", "Noto Sans Gurmukhi", 0x0A00, 0x0A7F},
    {"ru", "Inter", 0x0400, 0x04FF},
    {"si", "Noto Sans Sinhala", 0x0D80, 0x0DFF},
    {"syr", "Noto Sans Syriac", 0x0710, 0x074F},
    {"ta", "Noto Sans Tamil", 0x0B80, 0x0BFF},
    {"te", "Noto Sans Telugu", 0x0C00, 0x0C7F},
    {"th", "Noto Sans Thai", 0x0E00, 0x0E7F, true},
    {"ug", "Noto Sans Arabic", 0x0600, 0x06FF},
    {"ur", "Noto Sans Arabic", 0x0600, 0x06FF},
    {"vi", "Inter", 0x1EA0, 0x1EFF},
    {"yi", "Noto Sans Hebrew", 0x0590, 0x05FF},
    {"zh", "Noto Sans CJK SC", 0x4E00, 0x9FFF},
    {"zh-Hant", "Noto Sans CJK", 0x4E00, 0x9FFF},   // no lang in the payload: the CJK face fontconfig ranks first
};

const std::string kDir = VERSUS_SOURCE_DIR "/tests/payloads/valid";

std::vector<std::string> corpus() {
    std::vector<std::string> out;
    if (DIR* d = opendir(kDir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string n = e->d_name;
            if (n.rfind("scripts-", 0) == 0 && n.size() > 13 && n.substr(n.size() - 5) == ".json")
                out.push_back(n.substr(8, n.size() - 13));
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void strings_of(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    else if (j.is_structured())
        for (const auto& v : j) strings_of(v, out);
}

std::uint32_t code_point_at(const std::string& s, std::size_t i) {
    std::size_t n = 1;
    return text::decode_utf8(s, i, &n);
}

// Byte offsets where ICU's break iterator of `kind` finds a boundary in UTF-8 text `s`.
std::set<std::size_t> icu_boundaries(const std::string& s, bool words) {
    std::set<std::size_t> out;
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err)
                                                 : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
    UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
    REQUIRE(U_SUCCESS(err));
    it->setText(ut, err);
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) out.insert(static_cast<std::size_t>(b));
    utext_close(ut);
    return out;
}

// Marks that close a sentence, a clause or a syllable: UAX #14 never starts a line with them.
const char* const kNoLineStart[] = {
    "\xE0\xA5\xA4", "\xE0\xA5\xA5",                   // । ॥ danda (Indic scripts)
    "\xE1\x81\x8A", "\xE1\x81\x8B",                   // ၊ ။ Myanmar
    "\xE1\x9F\x94", "\xE1\x9F\x95",                   // ។ ៕ Khmer
    "\xE1\x8D\xA2", "\xE1\x8D\xA3", "\xE1\x8D\xA6",   // ። ፣ ፦ Ethiopic
    "\xE0\xBC\x8B", "\xE0\xBC\x8D",                   // ་ tsheg, ། shad (Tibetan)
    "\xD6\x89", "\xD5\x9D",                           // ։ ՝ Armenian
    "\xDB\x94", "\xD8\x8C", "\xD8\x9F",               // ۔ ، ؟ Urdu, Arabic
    "\xD7\x83",                                       // ׃ Hebrew
    ",", ".", ":", "!", "?", ";", "\xE2\x80\x9D",     // ” closing quote
};

}  // namespace

TEST_CASE("every script of the corpus: right fonts, no placeholder boxes, lines break between clusters",
          "[ui][text][scripts]") {
    const std::vector<std::string> codes = corpus();
    REQUIRE(codes.size() >= 36);
    text::NativeEngine& engine = test::text_engine();
    text::Layout layout(engine);
    for (const std::string& code : codes) {
        const Script* script = nullptr;
        for (const Script& s : kScripts)
            if (code == s.code) script = &s;
        INFO("scripts-" << code << ".json");
        REQUIRE(script != nullptr);   // a new payload: add its script, font and letters to kScripts
        std::vector<std::string> strings;
        strings_of(nlohmann::json::parse(test::read_text(kDir + "/scripts-" + code + ".json")), strings);
        int letters = 0;
        for (const std::string& s : strings) {
            INFO("\"" << s << "\"");
            const Direction dir = engine.paragraph_direction(s);
            for (text::Weight w : {text::Weight::Regular, text::Weight::SemiBold}) {
                for (const text::ShapedGlyph& g : engine.shape(s, {15.0f, w}, dir)) {
                    const std::uint32_t c = code_point_at(s, g.cluster);
                    INFO("U+" << std::hex << c << std::dec << " in " << g.font);
                    CHECK(g.glyph != 0);   // .notdef: no font for this character
                    if (c >= script->first && c <= script->last) {
                        ++letters;
                        CHECK(g.font.find(script->family) != std::string::npos);
                    }
                }
            }
            const std::set<std::size_t> clusters = icu_boundaries(s, false);
            const std::set<std::size_t> words = script->dictionary ? icu_boundaries(s, true) : std::set<std::size_t>{};
            const text::FontSpec font{15.0f, text::Weight::Regular};
            const float full = engine.measure(s, font, dir);
            std::vector<std::uint8_t> breaks;
            text::find_breaks(engine, s, "", breaks);
            for (float width = 36; width < full + 40; width *= 1.35f) {
                const text::Wrapped& wrapped = layout.wrap(s, font, width);
                CAPTURE(width);
                std::size_t end = 0, prev_begin = 0;
                for (const text::Line& l : wrapped.lines) {
                    const std::string line = s.substr(l.begin, l.end - l.begin);
                    CAPTURE(line);
                    CHECK(clusters.count(l.begin) == 1);   // never inside a grapheme cluster
                    CHECK(clusters.count(l.end) == 1);
                    // Nothing between two lines but the spaces a break swallows.
                    REQUIRE(l.begin >= end);
                    CHECK(s.substr(end, l.begin - end).find_first_not_of(" \n") == std::string::npos);
                    end = l.end;
                    if (l.begin > 0 && breaks[l.begin] >= text::kAllow) {
                        for (const char* mark : kNoLineStart) CHECK(line.rfind(mark, 0) != 0);
                        // Scripts without spaces break between dictionary words.
                        if (script->dictionary && s[l.begin - 1] != ' ' && s[l.begin - 1] != '\n') CHECK(words.count(l.begin) == 1);
                    } else if (l.begin > 0) {
                        // Inside a word only when the word alone is wider than the line: the line
                        // before holds no break opportunity.
                        for (std::size_t i = prev_begin + 1; i < l.begin; ++i) CHECK(breaks[i] < text::kAllow);
                    }
                    prev_begin = l.begin;
                    // A line is no wider than the box unless it is one cluster.
                    if (std::next(clusters.find(l.begin)) != clusters.end() && *std::next(clusters.find(l.begin)) < l.end)
                        CHECK(l.width <= width + 0.01f);
                }
                CHECK(end == s.size());
            }
        }
        CHECK(letters > 40);   // the payload is written in its script
    }
}

TEST_CASE("scripts beyond the corpus: each in the Noto family made for it, no placeholder boxes",
          "[ui][text][scripts]") {
    // A few words in scripts no payload of the corpus uses, all covered by fonts-noto-core. ICU's
    // script names are not always the font's ("Canadian_Aboriginal", "Oriya"): a wrong family name
    // falls back to whatever fontconfig ranks first (DejaVu Sans for the syllabics).
    const std::pair<const char*, const char*> samples[] = {
        {"\xE0\xAC\x93\xE0\xAC\xA1\xE0\xAC\xBC\xE0\xAC\xBF\xE0\xAC\x86", "Noto Sans Oriya"},              // ଓଡ଼ିଆ
        {"\xDE\x8B\xDE\xA8\xDE\x88\xDE\xAC\xDE\x80\xDE\xA8", "Noto Sans Thaana"},                          // ދިވެހި
        {"\xDC\xA0\xDC\xAB\xDC\xA2\xDC\x90", "Noto Sans Syriac"},                                         // ܠܫܢܐ
        {"\xE1\x8F\xA3\xE1\x8E\xB3\xE1\x8E\xA9", "Noto Sans Cherokee"},                                   // ᏣᎳᎩ
        {"\xE1\x90\x83\xE1\x93\x84\xE1\x92\x83\xE1\x91\x8E\xE1\x91\x90\xE1\x91\xA6", "Noto Sans Canadian Aboriginal"},   // ᐃᓄᒃᑎᑐᑦ
        {"\xE2\xB5\x9C\xE2\xB4\xB0\xE2\xB5\x8E\xE2\xB4\xB0\xE2\xB5\xA3\xE2\xB5\x89\xE2\xB5\x96\xE2\xB5\x9C", "Noto Sans Tifinagh"},   // ⵜⴰⵎⴰⵣⵉⵖⵜ
        {"\xE1\xB1\xA5\xE1\xB1\x9F\xE1\xB1\xB1\xE1\xB1\x9B\xE1\xB1\x9F\xE1\xB1\xB2\xE1\xB1\xA4", "Noto Sans Ol Chiki"},   // ᱥᱟᱱᱛᱟᱲᱤ
        {"\xE1\xA0\xAE\xE1\xA0\xA3\xE1\xA0\xA9\xE1\xA0\xAD\xE1\xA0\xA3\xE1\xA0\xAF", "Noto Sans Mongolian"},   // ᠮᠣᠩᠭᠣᠯ
        {"\xE0\xBD\xA2\xE0\xBE\xAB\xE0\xBD\xBC\xE0\xBD\x84\xE0\xBC\x8B\xE0\xBD\x81", "Noto Serif Tibetan"},   // རྫོང་ཁ (Dzongkha)
        {"\xDF\x92\xDF\x9E\xDF\x8F\x20\xDF\x9E\xDF\x8A\xDF\xB2\xDF\x9C\xDF\x8D", "Noto Sans NKo"},   // ߒߞߏ (N'Ko, right to left)
        {"\xEA\xA6\xB2\xEA\xA6\x8F\xEA\xA7\x80\xEA\xA6\xB1\xEA\xA6\xAB\xEA\xA6\x97\xEA\xA6\xAE", "Noto Sans Javanese"},   // ꦲꦏ꧀ꦱꦫꦗꦮ (a virama stacking the next letter)
        {"\xEA\x95\x99\xEA\x94\xA4\x20\xEA\x95\x9E\xEA\x95\x8C\xEA\x96\x9D", "Noto Sans Vai"},   // ꕙꔤ
        {"\xE1\xAC\x85\xE1\xAC\x93\xE1\xAD\x84\xE1\xAC\xB1\xE1\xAC\xAD", "Noto Sans Balinese"},   // ᬅᬓ᭄ᬱᬭ
        {"\xF0\x90\xB4\x8C\xF0\x90\xB4\x9F\xF0\x90\xB4\x87\xF0\x90\xB4\xA5\xF0\x90\xB4\x9D\xF0\x90\xB4\x9A\xF0\x90\xB4\x92\xF0\x90\xB4\x99\xF0\x90\xB4\x9D", "Noto Sans Hanifi Rohingya"},   // Hanifi Rohingya (right to left, astral)
    };
    for (const auto& [s, family] : samples) {
        INFO(s);
        const auto glyphs = test::text_engine().shape(s, {15.0f, text::Weight::Regular}, test::text_engine().paragraph_direction(s));
        REQUIRE_FALSE(glyphs.empty());
        for (const text::ShapedGlyph& g : glyphs) {
            CHECK(g.glyph != 0);
            if (g.font != "Inter") CHECK(g.font == family);
        }
    }
}
