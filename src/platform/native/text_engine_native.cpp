// text_engine_native.cpp — see text_engine_native.hpp.
//
// Index
//  [SECTION] Fonts (fontconfig, FreeType, HarfBuzz faces)
//  [SECTION] Itemising a line: bidi runs, fonts, scripts
//  [SECTION] Shaping
//  [SECTION] Rasterising glyphs into the atlas
//  [SECTION] Engine interface
#include "platform/native/text_engine_native.hpp"

#include "text/atlas.hpp"
#include "text/utf8.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>
#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

namespace versus::text {

namespace {

constexpr int kPageSize = 1024;
constexpr int kMaxPages = 8;

// UTF-8 → UTF-16 with, for every UTF-16 unit, the byte offset of its character. Control
// characters (tabs, line ends) become spaces unless asked not to: a line draws them as blanks.
struct Utf16 {
    std::vector<UChar> units;
    std::vector<std::uint32_t> byte_of;   // units.size() + 1 entries
};

void to_utf16(std::string_view s, Utf16& out, bool controls_as_spaces = true) {
    out.units.clear();
    out.byte_of.clear();
    for (std::size_t i = 0, n = 1; i < s.size(); i += n) {
        UChar32 c = static_cast<UChar32>(decode_utf8(s, i, &n));
        if (controls_as_spaces && (c < 0x20 || c == 0x7F)) c = ' ';
        if (c > 0xFFFF) {
            out.units.push_back(U16_LEAD(c));
            out.units.push_back(U16_TRAIL(c));
            out.byte_of.push_back(static_cast<std::uint32_t>(i));
            out.byte_of.push_back(static_cast<std::uint32_t>(i));
        } else {
            out.units.push_back(static_cast<UChar>(c));
            out.byte_of.push_back(static_cast<std::uint32_t>(i));
        }
    }
    out.byte_of.push_back(static_cast<std::uint32_t>(s.size()));
}

bool is_mark(UChar32 c) {
    const int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

// Characters that belong to the cluster before them: marks, joiners, variation selectors, emoji
// modifiers and tags. They take the font of that cluster.
bool extends_cluster(UChar32 c) {
    if (c == 0x200C || c == 0x200D) return true;
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return true;
    if (c >= 0xE0020 && c <= 0xE007F) return true;
    if (c >= 0x1F3FB && c <= 0x1F3FF) return true;
    return is_mark(c);
}

bool wants_colour_emoji(UChar32 c, UChar32 next) {
    if (next == 0xFE0F) return true;
    if (next == 0xFE0E) return false;
    return u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

UScriptCode script_of(UChar32 c) {
    UErrorCode err = U_ZERO_ERROR;   // (a null error pointer makes ICU answer USCRIPT_INVALID_CODE)
    const UScriptCode s = uscript_getScript(c, &err);
    return U_SUCCESS(err) ? s : USCRIPT_COMMON;
}

hb_script_t hb_script_of(UScriptCode s) {
    const char* name = uscript_getShortName(s);
    return name ? hb_script_from_string(name, -1) : HB_SCRIPT_UNKNOWN;
}

}  // namespace

// [SECTION] Fonts (fontconfig, FreeType, HarfBuzz faces) ---------------------------------------------

struct Face {
    std::string path;
    int index = 0;
    std::string family;
    FcCharSet* charset = nullptr;   // owned (FcCharSetCopy)
    bool colour = false;
    bool loaded = false, broken = false;
    FT_Face ft = nullptr;
    hb_font_t* hb = nullptr;
    float upem = 1000;
    bool bitmap_only = false;      // colour bitmap strikes (Noto Color Emoji)
    float strike_px = 0;
    float ascent = 0.9f, descent = 0.25f;   // of the em
    bool covers(UChar32 c) const { return charset && FcCharSetHasChar(charset, static_cast<FcChar32>(c)); }
};

struct Item {
    int start, end;      // UTF-16 range of the line
    int face;
    hb_script_t script;
    bool rtl;
};

// Glyphs are rasterised at a quarter-pixel horizontal offset of their pen position, so joined
// scripts (Arabic) keep their joins and Latin keeps its spacing: positions are not rounded whole.
constexpr int kSubpixelBins = 4;

struct GlyphKey {
    int face;
    std::uint32_t glyph;
    int size64;   // device pixel size × 64
    int bin;      // horizontal offset in 1/kSubpixelBins pixels
    bool operator==(const GlyphKey& o) const {
        return face == o.face && glyph == o.glyph && size64 == o.size64 && bin == o.bin;
    }
};
struct GlyphKeyHash {
    std::size_t operator()(const GlyphKey& k) const {
        return (static_cast<std::size_t>(k.face) * 1000003u) ^ (static_cast<std::size_t>(k.glyph) << 8) ^
               static_cast<std::size_t>(k.size64) ^ (static_cast<std::size_t>(k.bin) << 28);
    }
};
struct GlyphSlot {
    AtlasRect rect;
    int left = 0, top = 0;   // bitmap offset from the pen, device pixels (top: above the baseline)
    bool coloured = false;
    bool empty = true;       // nothing to draw (a space)
};

struct NativeEngine::Impl {
    TextureSink* sink = nullptr;
    FT_Library ft = nullptr;
    float ratio = 1.0f;
    std::string lang;
    std::vector<Face> faces;
    std::map<std::string, int> face_by_path;
    std::map<std::pair<int, std::string>, std::vector<int>> lists;   // (weight, lang) → faces
    int emoji_face = -2;   // -2 not looked up yet, -1 none
    std::unordered_map<std::uint64_t, int> fallbacks;   // (weight, character) → face
    // (weight, script, Han hint) → the face of the script's own Noto family found for one of its
    // characters: it serves every other character of that script it has (fallback_for).
    std::unordered_map<std::uint64_t, int> script_faces;
    std::map<std::vector<UChar32>, int> cluster_fonts;   // (a letter and its marks, weight, script) → face
    // Without a widget language, Han characters take the style of the line's other CJK text:
    // Japanese next to kana, Korean next to Hangul, else Simplified Chinese.
    std::string han_hint = "zh-cn";
    std::vector<UScriptCode> line_scripts;   // the scripts of the line being itemised, in logical order
    std::unique_ptr<icu::BreakIterator> characters;   // grapheme clusters (cluster_starts), made once

    ShelfAtlas atlas{kPageSize, kPageSize, kMaxPages};
    std::vector<std::vector<std::uint8_t>> texels;
    struct Dirty {
        int x0 = kPageSize, y0 = kPageSize, x1 = 0, y1 = 0;
        bool any() const { return x1 > x0; }
    };
    std::vector<Dirty> dirty;
    std::vector<std::uintptr_t> textures;
    std::unordered_map<GlyphKey, GlyphSlot, GlyphKeyHash> glyphs;
    bool overflowed = false;

    Utf16 u16;
    hb_buffer_t* buffer = nullptr;
    UBiDi* bidi = nullptr;

    Impl() {
        FT_Init_FreeType(&ft);
        FcInit();
        buffer = hb_buffer_create();
        bidi = ubidi_open();
    }
    ~Impl() {
        for (Face& f : faces) {
            if (f.hb) hb_font_destroy(f.hb);
            if (f.ft) FT_Done_Face(f.ft);
            if (f.charset) FcCharSetDestroy(f.charset);
        }
        if (sink)
            for (std::uintptr_t t : textures) sink->destroy(t);
        hb_buffer_destroy(buffer);
        ubidi_close(bidi);
        FT_Done_FreeType(ft);
    }

    int add_face(FcPattern* p) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) return -1;
        int index = 0;
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        const std::string key = std::string(reinterpret_cast<const char*>(file)) + "#" + std::to_string(index);
        if (auto it = face_by_path.find(key); it != face_by_path.end()) return it->second;
        Face f;
        f.path = reinterpret_cast<const char*>(file);
        f.index = index;
        FcChar8* family = nullptr;
        if (FcPatternGetString(p, FC_FAMILY, 0, &family) == FcResultMatch) f.family = reinterpret_cast<const char*>(family);
        FcCharSet* cs = nullptr;
        if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch) f.charset = FcCharSetCopy(cs);
        FcBool colour = FcFalse;
        if (FcPatternGetBool(p, FC_COLOR, 0, &colour) == FcResultMatch) f.colour = colour == FcTrue;
        faces.push_back(std::move(f));
        const int id = static_cast<int>(faces.size()) - 1;
        face_by_path[key] = id;
        return id;
    }

    // Inter first, then every font fontconfig sorts after it for this weight and language (trimmed
    // to those that add characters).
    const std::vector<int>& list(Weight w) {
        auto k = std::make_pair(static_cast<int>(w), lang);
        if (auto it = lists.find(k); it != lists.end()) return it->second;
        std::vector<int>& out = lists[k];
        FcPattern* pat = FcPatternCreate();
        FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("Inter"));
        FcPatternAddInteger(pat, FC_WEIGHT, w == Weight::SemiBold ? FC_WEIGHT_SEMIBOLD : FC_WEIGHT_REGULAR);
        if (!lang.empty()) FcPatternAddString(pat, FC_LANG, reinterpret_cast<const FcChar8*>(lang.c_str()));
        FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcFontSet* set = FcFontSort(nullptr, pat, FcTrue, nullptr, &res);
        if (set) {
            for (int i = 0; i < set->nfont && out.size() < 8; ++i) {
                FcBool colour = FcFalse;
                if (FcPatternGetBool(set->fonts[i], FC_COLOR, 0, &colour) == FcResultMatch && colour) continue;
                const int id = add_face(set->fonts[i]);
                if (id >= 0) out.push_back(id);
            }
            FcFontSetDestroy(set);
        }
        FcPatternDestroy(pat);
        return out;
    }

    int colour_emoji() {
        if (emoji_face != -2) return emoji_face;
        emoji_face = -1;
        FcPattern* pat = FcPatternCreate();
        FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Color Emoji"));
        FcPatternAddBool(pat, FC_COLOR, FcTrue);
        FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern* m = FcFontMatch(nullptr, pat, &res);
        if (m) {
            FcBool colour = FcFalse;
            if (FcPatternGetBool(m, FC_COLOR, 0, &colour) == FcResultMatch && colour) emoji_face = add_face(m);
            FcPatternDestroy(m);
        }
        FcPatternDestroy(pat);
        return emoji_face;
    }

    bool load(Face& f) {
        if (f.loaded) return !f.broken;
        f.loaded = true;
        if (FT_New_Face(ft, f.path.c_str(), f.index, &f.ft) != 0) {
            f.broken = true;
            return false;
        }
        hb_blob_t* blob = hb_blob_create_from_file(f.path.c_str());
        hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(f.index & 0xFFFF));
        f.hb = hb_font_create(face);
        f.upem = static_cast<float>(hb_face_get_upem(face));
        hb_font_set_scale(f.hb, static_cast<int>(f.upem), static_cast<int>(f.upem));
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        f.bitmap_only = !FT_IS_SCALABLE(f.ft) && f.ft->num_fixed_sizes > 0;
        if (f.bitmap_only) {
            FT_Select_Size(f.ft, 0);
            f.strike_px = static_cast<float>(f.ft->available_sizes[0].y_ppem) / 64.0f;
        }
        if (f.ft->units_per_EM > 0) {
            f.ascent = static_cast<float>(f.ft->ascender) / static_cast<float>(f.ft->units_per_EM);
            f.descent = -static_cast<float>(f.ft->descender) / static_cast<float>(f.ft->units_per_EM);
        }
        return true;
    }

    Face* primary(Weight w) {
        const std::vector<int>& l = list(w);
        for (int id : l)
            if (load(faces[static_cast<std::size_t>(id)])) return &faces[static_cast<std::size_t>(id)];
        return nullptr;
    }

    // [SECTION] Itemising a line: bidi runs, fonts, scripts ---------------------------------------------

    // The font for a character Inter lacks: the one fontconfig matches best for a pattern that
    // asks for Inter's weight, that character and the language of its script (or the widget's),
    // as browsers on Linux pick fallback fonts. Cached per weight and character. `sc` is the
    // character's script, or for punctuation shared by scripts (Common: "،", "؟", "।") the one
    // of its scripts that the line is written in.
    int fallback_for(UChar32 c, Weight w, UScriptCode sc) {
        const bool han = sc == USCRIPT_HAN;
        const std::uint64_t key = (static_cast<std::uint64_t>(w) << 32) | static_cast<std::uint32_t>(c) |
                                  (static_cast<std::uint64_t>(sc & 0x3FF) << 40) |
                                  (han ? static_cast<std::uint64_t>(han_hint[0] * 31 + han_hint[1]) << 50 : 0u);
        if (auto it = fallbacks.find(key); it != fallbacks.end()) return it->second;
        // The face already found for this script's own Noto family (the pattern's family after
        // Inter) is what fontconfig would sort first again for any character it has: fonts with
        // the character are ranked by the pattern's families, and Inter, the only one before it,
        // lacks the character (else it would not fall back). One sort per script and weight, not
        // one per character: the Japanese test payload's 123 kana and ideographs took ≈ 250 sorts,
        // most of its start's extra time over the seed's.
        const std::uint64_t script_key = key & ~std::uint64_t{0xFFFFFFFF};
        if (auto it = script_faces.find(script_key); it != script_faces.end() &&
                                                      faces[static_cast<std::size_t>(it->second)].covers(c)) {
            fallbacks.emplace(key, it->second);
            return it->second;
        }
        const std::string script_family = noto_family_for(sc);
        const int found = first_font_with({c}, w, sc);
        fallbacks.emplace(key, found);
        if (found >= 0 && !script_family.empty() && faces[static_cast<std::size_t>(found)].family == script_family)
            script_faces.emplace(script_key, found);
        return found;
    }

    // The font for a letter and marks its own font lacks, together (itemise): the first that has
    // them all, found as fallback_for finds one for a character. -1 when no font has them all.
    int cluster_font(const std::vector<UChar32>& chars, Weight w, UScriptCode sc) {
        std::vector<UChar32> key = chars;
        key.push_back(static_cast<UChar32>(w));
        key.push_back(static_cast<UChar32>(sc));
        if (auto it = cluster_fonts.find(key); it != cluster_fonts.end()) return it->second;
        const int found = first_font_with(chars, w, sc);
        cluster_fonts.emplace(std::move(key), found);
        return found;
    }

    // Fontconfig's sort for a pattern asking for Inter's weight, the characters and the language
    // of the script (or the widget's): the first font (not a colour one) that has every character.
    int first_font_with(const std::vector<UChar32>& chars, Weight w, UScriptCode sc) {
        const std::string script_family = noto_family_for(sc);
        int found = -1;
        FcPattern* pat = FcPatternCreate();
        // Families in order: Inter, then the Noto family made for the character's script (one
        // design for every script), then fontconfig's defaults. Fontconfig ranks fonts that have
        // the characters above every family, so a missing family costs nothing.
        for (const std::string& family : {std::string("Inter"), script_family, std::string("Noto Sans")})
            if (!family.empty()) FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
        FcPatternAddInteger(pat, FC_WEIGHT, w == Weight::SemiBold ? FC_WEIGHT_SEMIBOLD : FC_WEIGHT_REGULAR);
        FcCharSet* cs = FcCharSetCreate();
        for (UChar32 c : chars) FcCharSetAddChar(cs, static_cast<FcChar32>(c));
        FcPatternAddCharSet(pat, FC_CHARSET, cs);
        const std::string l = language_for(sc);
        if (!l.empty()) FcPatternAddString(pat, FC_LANG, reinterpret_cast<const FcChar8*>(l.c_str()));
        FcPatternAddBool(pat, FC_COLOR, FcFalse);
        FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        if (FcFontSet* set = FcFontSort(nullptr, pat, FcFalse, nullptr, &res)) {
            for (int i = 0; i < set->nfont && i < 64 && found < 0; ++i) {
                FcBool colour = FcFalse;
                if (FcPatternGetBool(set->fonts[i], FC_COLOR, 0, &colour) == FcResultMatch && colour) continue;
                FcCharSet* fcs = nullptr;
                if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &fcs) != FcResultMatch ||
                    !std::all_of(chars.begin(), chars.end(), [&](UChar32 c) { return FcCharSetHasChar(fcs, static_cast<FcChar32>(c)); }))
                    continue;
                const int id = add_face(set->fonts[i]);
                if (id >= 0 && load(faces[static_cast<std::size_t>(id)])) found = id;
            }
            FcFontSetDestroy(set);
        }
        FcCharSetDestroy(cs);
        FcPatternDestroy(pat);
        return found;
    }

    std::string noto_family_for(UScriptCode sc) {
        if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL ||
            sc == USCRIPT_BOPOMOFO) {
            const std::string l = sc == USCRIPT_HANGUL ? std::string("ko") : language_for(sc);
            if (l.rfind("ja", 0) == 0) return "Noto Sans CJK JP";
            if (l.rfind("ko", 0) == 0) return "Noto Sans CJK KR";
            if (l == "zh-tw" || l == "zh-hk" || l.rfind("zh-Hant", 0) == 0 || l == "zh-TW" || l == "zh-HK")
                return "Noto Sans CJK TC";
            return "Noto Sans CJK SC";
        }
        if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_LATIN) return "";
        if (sc == USCRIPT_TIBETAN) return "Noto Serif Tibetan";   // Debian has no Noto Sans Tibetan
        // ICU's long names write spaces as underscores ("Canadian_Aboriginal"); fontconfig
        // compares family names ignoring case and spaces, not underscores.
        const char* name = uscript_getName(sc);
        if (!name) return std::string();
        std::string family = std::string("Noto Sans ") + name;
        std::replace(family.begin(), family.end(), '_', ' ');
        return family;
    }

    // The language whose fonts suit a character: the widget's for Han (Japanese and Chinese draw
    // the same character differently), else the main language of the character's script.
    std::string language_for(UScriptCode sc) {
        switch (sc) {
            case USCRIPT_HAN:   // the widget's language when it writes Han, else the line's hint
                return lang.rfind("ja", 0) == 0 || lang.rfind("zh", 0) == 0 || lang.rfind("ko", 0) == 0 ? lang : han_hint;
            case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return "ja";
            case USCRIPT_HANGUL: return "ko";
            case USCRIPT_ARABIC: return lang.rfind("fa", 0) == 0 || lang.rfind("ur", 0) == 0 ? lang : std::string("ar");
            case USCRIPT_HEBREW: return "he";
            case USCRIPT_DEVANAGARI: return "hi";
            case USCRIPT_THAI: return "th";
            case USCRIPT_CYRILLIC: return "ru";
            case USCRIPT_GREEK: return "el";
            default: return lang;
        }
    }

    int font_for(UChar32 c, UChar32 next, Weight w, int primary_face, int previous) {
        const int emoji = colour_emoji();
        if (wants_colour_emoji(c, next) && emoji >= 0 && faces[static_cast<std::size_t>(emoji)].covers(c) &&
            load(faces[static_cast<std::size_t>(emoji)]))
            return emoji;
        // Every character the primary font (Inter) has is drawn in it, spaces and punctuation
        // between words of another script included, as Chromium does: it shapes with the first
        // font of the list and falls back only for what that font lacks. (Noto Sans Sinhala's
        // space is twice Inter's; a space kept in the run's font spread Sinhala lines apart.)
        if (primary_face >= 0 && faces[static_cast<std::size_t>(primary_face)].covers(c)) return primary_face;
        // Punctuation Inter lacks (danda, Arabic comma, CJK marks) stays in the run's font (not
        // the emoji font's: its punctuation is an emoji wide).
        const UScriptCode s = script_of(c);
        if (previous >= 0 && previous != emoji && (s == USCRIPT_COMMON || s == USCRIPT_INHERITED) &&
            faces[static_cast<std::size_t>(previous)].covers(c))
            return previous;
        return fallback_for(c, w, s == USCRIPT_COMMON || s == USCRIPT_INHERITED ? shared_script(c) : s);
    }

    // The script a character shared by several scripts (Common or Inherited, with Script_Extensions:
    // "،" Arabic, Syriac, Thaana…; "।" the Indic scripts) is drawn in: the first of its scripts that
    // the line is written in, else its first; Common when it has none.
    UScriptCode shared_script(UChar32 c) {
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode scx[32];
        const int n = uscript_getScriptExtensions(c, scx, 32, &err);
        if (U_FAILURE(err) || n <= 0) return USCRIPT_COMMON;
        for (UScriptCode l : line_scripts)
            if (std::find(scx, scx + n, l) != scx + n) return l;
        return scx[0] == USCRIPT_INHERITED ? USCRIPT_COMMON : scx[0];
    }

    // Splits u16.units into items of one direction, one font and one script, in visual order.
    void itemise(Weight w, Direction dir, std::vector<Item>& items) {
        items.clear();
        const int n = static_cast<int>(u16.units.size());
        if (n == 0) return;
        UErrorCode err = U_ZERO_ERROR;
        ubidi_setPara(bidi, u16.units.data(), n, dir == Direction::RightToLeft ? UBIDI_RTL : UBIDI_LTR, nullptr, &err);
        if (U_FAILURE(err)) return;
        const int runs = ubidi_countRuns(bidi, &err);
        Face* first = primary(w);
        han_hint = "zh-cn";
        line_scripts.clear();
        for (int i = 0; i < n;) {
            UChar32 c;
            U16_NEXT(u16.units.data(), i, n, c);
            if (c >= 0x0370) {
                const UScriptCode s = script_of(c);
                if (s > USCRIPT_INHERITED && std::find(line_scripts.begin(), line_scripts.end(), s) == line_scripts.end())
                    line_scripts.push_back(s);
            }
        }
        for (int i = 0; i < n;) {
            UChar32 c;
            U16_NEXT(u16.units.data(), i, n, c);
            const UScriptCode sc = c < 0x3000 ? USCRIPT_COMMON : script_of(c);
            if (sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA) {
                han_hint = "ja";
                break;
            }
            if (sc == USCRIPT_HANGUL) han_hint = "ko";
        }
        const int fallback = first ? static_cast<int>(first - faces.data()) : -1;
        std::vector<Item> logical;
        for (int r = 0; r < runs; ++r) {
            int32_t start = 0, length = 0;
            const bool rtl = ubidi_getVisualRun(bidi, r, &start, &length) == UBIDI_RTL;
            logical.clear();
            int face = -1;
            hb_script_t script = HB_SCRIPT_COMMON;
            int cluster = start;   // where the cluster of the character being placed starts
            for (int i = start; i < start + length;) {
                UChar32 c;
                int j = i;
                U16_NEXT(u16.units.data(), j, n, c);
                UChar32 next = 0;
                if (j < n) {
                    int k = j;
                    U16_NEXT(u16.units.data(), k, n, next);
                }
                const bool extends = extends_cluster(c) && !logical.empty();
                if (!extends) cluster = i;
                int f;
                if (extends) f = logical.back().face;
                else f = font_for(c, next, w, fallback, logical.empty() ? -1 : logical.back().face);
                if (f < 0) f = fallback;   // no font has it: the primary font's .notdef box
                if (extends && f >= 0 && f != colour_emoji() && is_mark(c) &&
                    !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
                    !faces[static_cast<std::size_t>(f)].covers(c)) {
                    // A mark its letter's font lacks (Inter has no U+031F, U+0320, nor most of
                    // U+1AB0-U+1AFF). As Chromium does: the whole cluster moves to a font that has
                    // the letter and every mark of it, so that the marks attach; failing that, the
                    // mark alone comes from a font that has it, rather than as a .notdef box.
                    // Not variation selectors (Mn, but default-ignorable: the shaper hides them)
                    // nor the marks of an emoji sequence (the keycap's U+20E3: the emoji font's
                    // own ligature draws it).
                    std::vector<UChar32> chars;
                    UScriptCode base = USCRIPT_COMMON;
                    for (int k = cluster; k < j;) {
                        UChar32 m;
                        U16_NEXT(u16.units.data(), k, n, m);
                        if (chars.empty()) base = script_of(m);
                        if (!u_hasBinaryProperty(m, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) chars.push_back(m);
                    }
                    const int whole = cluster_font(chars, w, base);
                    const int g = whole >= 0 ? whole : font_for(c, next, w, -1, -1);
                    if (g >= 0) {
                        // The items from `from` on (a mark placed alone before) give way to one
                        // item for the cluster, in the script of the item its letter was in.
                        const int from = whole >= 0 ? cluster : i;
                        hb_script_t keep = logical.back().script;
                        while (!logical.empty() && logical.back().start >= from) {
                            keep = logical.back().script;
                            logical.pop_back();
                        }
                        if (!logical.empty() && logical.back().end > from) {
                            keep = logical.back().script;
                            logical.back().end = from;
                        }
                        logical.push_back({from, j, g, keep, rtl});
                        face = g;
                        script = keep;
                        i = j;
                        continue;
                    }
                }
                const UScriptCode us = script_of(c);
                hb_script_t s = (us == USCRIPT_COMMON || us == USCRIPT_INHERITED) ? HB_SCRIPT_COMMON : hb_script_of(us);
                if (logical.empty() || f != face || (s != HB_SCRIPT_COMMON && script != HB_SCRIPT_COMMON && s != script)) {
                    logical.push_back({i, j, f, s, rtl});
                    face = f;
                    script = s;
                } else {
                    logical.back().end = j;
                    if (script == HB_SCRIPT_COMMON && s != HB_SCRIPT_COMMON) logical.back().script = script = s;
                }
                i = j;
            }
            if (rtl) std::reverse(logical.begin(), logical.end());
            items.insert(items.end(), logical.begin(), logical.end());
        }
    }

    // [SECTION] Shaping -------------------------------------------------------------------------------

    struct Placed {
        int face;
        std::uint32_t glyph, cluster;
        float x, y, advance;   // device pixels
        bool rtl;
    };

    // Shapes `text` into glyphs in visual order with device-pixel positions. Returns the advance.
    float shape_line(std::string_view text, FontSpec font, Direction dir, std::vector<Placed>* out) {
        to_utf16(text, u16);
        std::vector<Item> items;
        itemise(font.weight, dir, items);
        const float px = font.size * ratio;
        float pen = 0;
        const hb_language_t language = lang.empty() ? hb_language_get_default() : hb_language_from_string(lang.c_str(), -1);
        for (const Item& it : items) {
            if (it.face < 0) continue;
            Face& f = faces[static_cast<std::size_t>(it.face)];
            hb_buffer_clear_contents(buffer);
            hb_buffer_add_utf16(buffer, reinterpret_cast<const uint16_t*>(u16.units.data()),
                                static_cast<int>(u16.units.size()), static_cast<unsigned>(it.start), it.end - it.start);
            hb_buffer_set_direction(buffer, it.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
            hb_buffer_set_script(buffer, it.script == HB_SCRIPT_COMMON ? HB_SCRIPT_LATIN : it.script);
            hb_buffer_set_language(buffer, language);
            hb_shape(f.hb, buffer, nullptr, 0);
            unsigned count = 0;
            const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
            const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
            const float k = px / f.upem;
            for (unsigned g = 0; g < count; ++g) {
                const float adv = static_cast<float>(pos[g].x_advance) * k;
                if (out)
                    out->push_back({it.face, info[g].codepoint, u16.byte_of[info[g].cluster],
                                    pen + static_cast<float>(pos[g].x_offset) * k,
                                    static_cast<float>(pos[g].y_offset) * k, adv, it.rtl});
                pen += adv;
            }
        }
        return pen;
    }

    // [SECTION] Rasterising glyphs into the atlas ----------------------------------------------------------

    void ensure_page(std::uint32_t page) {
        while (texels.size() <= page) {
            texels.emplace_back(static_cast<std::size_t>(kPageSize) * kPageSize * 4, 0);
            dirty.emplace_back();
            // Headless: a name that no renderer gave out (ImGui's own atlas is 1 in the tests).
            textures.push_back(sink ? sink->create(kPageSize, kPageSize) : static_cast<std::uintptr_t>(0x10000 + texels.size()));
        }
    }

    void reset_atlas() {
        atlas.reset();
        glyphs.clear();
        for (std::size_t p = 0; p < texels.size(); ++p) {
            std::fill(texels[p].begin(), texels[p].end(), 0);
            dirty[p] = {0, 0, kPageSize, kPageSize};
        }
        overflowed = true;
    }

    // Copies a rasterised bitmap (GRAY coverage or premultiplied BGRA) into the atlas, scaled by
    // `scale` (< 1 for colour bitmap strikes drawn smaller). Returns false when the atlas is full.
    bool store(const FT_Bitmap& bm, float scale, GlyphSlot& slot) {
        const int sw = static_cast<int>(bm.width), sh = static_cast<int>(bm.rows);
        const int w = std::max(1, static_cast<int>(std::lround(static_cast<float>(sw) * scale)));
        const int h = std::max(1, static_cast<int>(std::lround(static_cast<float>(sh) * scale)));
        AtlasRect r;
        if (!atlas.allocate(w, h, r)) {
            reset_atlas();
            if (!atlas.allocate(w, h, r)) return false;
        }
        ensure_page(r.page);
        std::vector<std::uint8_t>& page = texels[r.page];
        const bool bgra = bm.pixel_mode == FT_PIXEL_MODE_BGRA;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                // Box filter over the source texels this texel covers (exact copy at scale 1).
                const int sx0 = static_cast<int>(static_cast<float>(x) / scale), sy0 = static_cast<int>(static_cast<float>(y) / scale);
                const int sx1 = std::max(sx0 + 1, std::min(sw, static_cast<int>(static_cast<float>(x + 1) / scale)));
                const int sy1 = std::max(sy0 + 1, std::min(sh, static_cast<int>(static_cast<float>(y + 1) / scale)));
                float acc[4] = {0, 0, 0, 0};
                int cnt = 0;
                for (int yy = sy0; yy < sy1 && yy < sh; ++yy)
                    for (int xx = sx0; xx < sx1 && xx < sw; ++xx) {
                        const unsigned char* src = bm.buffer + static_cast<std::ptrdiff_t>(yy) * bm.pitch;
                        if (bgra) {
                            const unsigned char* p = src + xx * 4;
                            acc[0] += p[2];
                            acc[1] += p[1];
                            acc[2] += p[0];
                            acc[3] += p[3];
                        } else {
                            acc[0] += 255.0f * src[xx] / 255.0f;
                            acc[3] += src[xx];
                        }
                        ++cnt;
                    }
                std::uint8_t* d = &page[(static_cast<std::size_t>(r.y + y) * kPageSize + static_cast<std::size_t>(r.x + x)) * 4];
                if (cnt == 0) continue;
                const float a = acc[3] / static_cast<float>(cnt);
                if (bgra) {   // premultiplied → straight alpha
                    const float inv = a > 0 ? 255.0f / a : 0.0f;
                    for (int ch = 0; ch < 3; ++ch)
                        d[ch] = static_cast<std::uint8_t>(std::clamp(acc[ch] / static_cast<float>(cnt) * inv, 0.0f, 255.0f));
                } else {
                    d[0] = d[1] = d[2] = 255;
                }
                d[3] = static_cast<std::uint8_t>(std::clamp(a, 0.0f, 255.0f));
            }
        }
        Dirty& dd = dirty[r.page];
        dd.x0 = std::min(dd.x0, r.x);
        dd.y0 = std::min(dd.y0, r.y);
        dd.x1 = std::max(dd.x1, r.x + w);
        dd.y1 = std::max(dd.y1, r.y + h);
        slot.rect = r;
        slot.coloured = bgra;
        slot.empty = false;
        return true;
    }

    const GlyphSlot& glyph(int face, std::uint32_t gid, float px, int bin) {
        Face& f = faces[static_cast<std::size_t>(face)];
        if (f.bitmap_only) bin = 0;
        const GlyphKey key{face, gid, static_cast<int>(std::lround(px * 64.0f)), bin};
        if (auto it = glyphs.find(key); it != glyphs.end()) return it->second;
        GlyphSlot slot;
        float scale = 1.0f;
        FT_Int32 flags = FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT;
        if (f.bitmap_only) {
            FT_Select_Size(f.ft, 0);
            scale = f.strike_px > 0 ? px / f.strike_px : 1.0f;
            flags = FT_LOAD_COLOR;
        } else {
            FT_Set_Char_Size(f.ft, 0, static_cast<FT_F26Dot6>(std::lround(px * 64.0f)), 72, 72);
            FT_Vector shift{static_cast<FT_Pos>(bin * 64 / kSubpixelBins), 0};
            FT_Set_Transform(f.ft, nullptr, &shift);
            if (f.colour) flags |= FT_LOAD_COLOR;
        }
        if (FT_Load_Glyph(f.ft, gid, flags) == 0 &&
            (f.ft->glyph->format == FT_GLYPH_FORMAT_BITMAP || FT_Render_Glyph(f.ft->glyph, FT_RENDER_MODE_LIGHT) == 0)) {
            const FT_Bitmap& bm = f.ft->glyph->bitmap;
            if (bm.width > 0 && bm.rows > 0 && store(bm, scale, slot)) {
                slot.left = static_cast<int>(std::lround(static_cast<float>(f.ft->glyph->bitmap_left) * scale));
                slot.top = static_cast<int>(std::lround(static_cast<float>(f.ft->glyph->bitmap_top) * scale));
            }
        }
        return glyphs.emplace(key, slot).first->second;
    }

    Metrics metrics(FontSpec font) {
        Face* f = primary(font.weight);
        const float asc = f ? f->ascent : 0.9f, desc = f ? f->descent : 0.25f;
        Metrics m;
        m.line_height = font.size * kLineHeight;
        m.ascent = (m.line_height - (asc + desc) * font.size) * 0.5f + asc * font.size;
        m.descent = desc * font.size;
        return m;
    }
};

// [SECTION] Engine interface ---------------------------------------------------------------------------

NativeEngine::NativeEngine(TextureSink* sink) : impl_(std::make_unique<Impl>()) { impl_->sink = sink; }
NativeEngine::~NativeEngine() = default;

void NativeEngine::set_pixel_ratio(float ratio) {
    ratio = std::clamp(ratio, 0.25f, 8.0f);
    if (ratio == impl_->ratio) return;
    impl_->ratio = ratio;
    impl_->reset_atlas();
    impl_->overflowed = false;   // not an overflow: the host re-renders anyway
}

float NativeEngine::pixel_ratio() const { return impl_->ratio; }

void NativeEngine::set_language(std::string_view lang) {
    if (lang == impl_->lang) return;
    impl_->lang = std::string(lang);
    impl_->fallbacks.clear();   // Han characters are drawn in the language's own style
    impl_->script_faces.clear();
}

Metrics NativeEngine::metrics(FontSpec font) { return impl_->metrics(font); }

float NativeEngine::measure(std::string_view text, FontSpec font, Direction dir) {
    return impl_->shape_line(text, font, dir, nullptr) / impl_->ratio;
}

void NativeEngine::render(std::string_view text, FontSpec font, Direction dir, std::uint32_t, ShapedLine& out) {
    Impl& m = *impl_;
    out.quads.clear();
    std::vector<Impl::Placed> placed;
    const float px = font.size * m.ratio;
    out.width = m.shape_line(text, font, dir, &placed) / m.ratio;
    const float baseline = std::round(m.metrics(font).ascent * m.ratio);
    const float inv = 1.0f / m.ratio, uv = 1.0f / static_cast<float>(kPageSize);
    const std::uint64_t gen = m.atlas.generation();
    for (const Impl::Placed& p : placed) {
        const float whole = std::floor(p.x);
        int bin = static_cast<int>(std::lround((p.x - whole) * kSubpixelBins));
        const float pen = whole + (bin == kSubpixelBins ? 1.0f : 0.0f);
        bin %= kSubpixelBins;
        const GlyphSlot& s = m.glyph(p.face, p.glyph, px, bin);
        if (m.atlas.generation() != gen) break;   // the atlas was reset meanwhile: this frame is redrawn
        if (s.empty) continue;
        const float x0 = pen + static_cast<float>(s.left);
        const float y0 = std::round(baseline - p.y) - static_cast<float>(s.top);
        out.quads.push_back({x0 * inv, y0 * inv, (x0 + static_cast<float>(s.rect.w)) * inv,
                             (y0 + static_cast<float>(s.rect.h)) * inv, static_cast<float>(s.rect.x) * uv,
                             static_cast<float>(s.rect.y) * uv, static_cast<float>(s.rect.x + s.rect.w) * uv,
                             static_cast<float>(s.rect.y + s.rect.h) * uv, s.rect.page, s.coloured});
    }
}

Direction NativeEngine::paragraph_direction(std::string_view text) {
    to_utf16(text, impl_->u16);
    const UBiDiDirection d = ubidi_getBaseDirection(impl_->u16.units.data(), static_cast<int32_t>(impl_->u16.units.size()));
    return d == UBIDI_RTL ? Direction::RightToLeft : Direction::LeftToRight;
}

void NativeEngine::dictionary_breaks(std::string_view text, std::vector<std::uint32_t>& out) {
    Utf16 u;
    to_utf16(text, u);
    UErrorCode err = U_ZERO_ERROR;
    const icu::Locale locale(impl_->lang.empty() ? "th" : impl_->lang.c_str());
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(locale, err));
    if (U_FAILURE(err) || !it) return;
    const icu::UnicodeString s(false, u.units.data(), static_cast<int32_t>(u.units.size()));
    it->setText(s);
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next())
        if (b > 0 && b < static_cast<int32_t>(u.units.size())) out.push_back(u.byte_of[static_cast<std::size_t>(b)]);
}

void NativeEngine::cluster_starts(std::string_view text, std::vector<std::uint32_t>& out) {
    Impl& m = *impl_;
    to_utf16(text, m.u16, false);   // controls as they are: a mark after one is a cluster of its own (UAX #29 GB4)
    if (!m.characters) {
        UErrorCode err = U_ZERO_ERROR;
        m.characters.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
        if (U_FAILURE(err)) m.characters.reset();
    }
    const auto units = static_cast<int32_t>(m.u16.units.size());
    if (!m.characters) {   // no ICU data: every code point a cluster (never seen with Debian's ICU)
        for (int32_t u = 1; u < units; ++u)
            if (!U16_IS_TRAIL(m.u16.units[static_cast<std::size_t>(u)])) out.push_back(m.u16.byte_of[static_cast<std::size_t>(u)]);
        return;
    }
    const icu::UnicodeString s(false, m.u16.units.data(), units);
    m.characters->setText(s);
    for (int32_t b = m.characters->next(); b != icu::BreakIterator::DONE && b < units; b = m.characters->next())
        out.push_back(m.u16.byte_of[static_cast<std::size_t>(b)]);
}

std::uintptr_t NativeEngine::texture(std::uint32_t page) const {
    return page < impl_->textures.size() ? impl_->textures[page] : 0;
}

std::uint64_t NativeEngine::generation() const { return impl_->atlas.generation(); }

bool NativeEngine::end_frame() {
    Impl& m = *impl_;
    for (std::size_t p = 0; p < m.texels.size(); ++p) {
        Impl::Dirty& d = m.dirty[p];
        if (!d.any()) continue;
        if (m.sink)
            m.sink->update(m.textures[p], d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0,
                           &m.texels[p][(static_cast<std::size_t>(d.y0) * kPageSize + static_cast<std::size_t>(d.x0)) * 4],
                           kPageSize * 4);
        d = {};
    }
    const bool ok = !m.overflowed;
    m.overflowed = false;
    return ok;
}

std::vector<ShapedGlyph> NativeEngine::shape(std::string_view text, FontSpec font, Direction dir) {
    std::vector<Impl::Placed> placed;
    impl_->shape_line(text, font, dir, &placed);
    std::vector<ShapedGlyph> out;
    for (const Impl::Placed& p : placed)
        out.push_back({p.glyph, p.cluster, p.x / impl_->ratio, p.advance / impl_->ratio,
                       impl_->faces[static_cast<std::size_t>(p.face)].family, p.rtl});
    return out;
}

const std::vector<std::uint8_t>& NativeEngine::page_texels(std::uint32_t page) const {
    static const std::vector<std::uint8_t> none;
    return page < impl_->texels.size() ? impl_->texels[page] : none;
}

int NativeEngine::page_size() const { return kPageSize; }

std::vector<std::string> NativeEngine::font_families() const {
    std::vector<std::string> out;
    for (int id : impl_->list(Weight::Regular)) out.push_back(impl_->faces[static_cast<std::size_t>(id)].family);
    return out;
}

}  // namespace versus::text
