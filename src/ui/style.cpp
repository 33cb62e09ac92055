// style.cpp — palettes, contrast, font loading and ImGui style for versus.
#include "ui/style.hpp"
#include "ui/view_internal.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <cstring>

namespace versus::assets {
extern const unsigned char inter_regular[];
extern const unsigned int inter_regular_size;
extern const unsigned char inter_semibold[];
extern const unsigned int inter_semibold_size;
}  // namespace versus::assets

namespace versus::ui {

// [SECTION] Palettes ---------------------------------------------------------------------------

static constexpr ImU32 rgb(unsigned v) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF);
}

static ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, 1.0f));
}

Palette make_palette(ThemeKind kind, ImU32 accent) {
    Palette p{};
    if (kind == ThemeKind::Light) {
        p.background = rgb(0xF6F7F9);
        p.card = rgb(0xFFFFFF);
        p.border = rgb(0xDCDFE5);
        p.text = rgb(0x16181D);
        p.muted = rgb(0x565B66);
        p.accent = accent ? accent : rgb(0x4338CA);
        p.ship = rgb(0x15803D);
        p.skip = rgb(0xC2410C);
        p.error = rgb(0xB42318);
    } else {
        p.background = rgb(0x0F1115);
        p.card = rgb(0x1A1D24);
        p.border = rgb(0x2F3440);
        p.text = rgb(0xECEEF2);
        p.muted = rgb(0xA4AAB6);
        p.accent = accent ? accent : rgb(0x9B94FF);
        p.ship = rgb(0x4ADE80);
        p.skip = rgb(0xFB8F5C);
        p.error = rgb(0xFF8A80);
    }
    // Text on the accent: whichever of white and near-black reads better.
    p.accent_text = contrast_ratio(p.accent, rgb(0xFFFFFF)) >= contrast_ratio(p.accent, rgb(0x111111))
                        ? rgb(0xFFFFFF) : rgb(0x111111);
    p.ship_soft = mix(p.card, p.ship, 0.14f);
    p.skip_soft = mix(p.card, p.skip, 0.14f);
    p.error_soft = mix(p.card, p.error, 0.10f);
    return p;
}

static float linear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

static float luminance(ImU32 c) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return 0.2126f * linear(v.x) + 0.7152f * linear(v.y) + 0.0722f * linear(v.z);
}

float contrast_ratio(ImU32 a, ImU32 b) {
    float la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

ImU32 parse_hex_colour(const char* text) {
    if (!text || text[0] != '#') return 0;
    size_t n = std::strlen(text + 1);
    if (n != 3 && n != 6) return 0;
    for (size_t i = 1; i <= n; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return 0;
    unsigned v = static_cast<unsigned>(std::strtoul(text + 1, nullptr, 16));
    if (n == 3) v = ((v & 0xF00) * 0x1100) | ((v & 0x0F0) * 0x110) | ((v & 0x00F) * 0x11);
    return rgb(v);
}

// [SECTION] Fonts ------------------------------------------------------------------------------

const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E,  // Basic Latin
        0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A
        0x2000, 0x206F,  // General Punctuation
        0x20A0, 0x20CF,  // Currency Symbols
        0x2190, 0x2193,  // arrows
        0x2212, 0x2212,  // minus
        0x2264, 0x2265,  // ≤ ≥ (the validator's messages)
        0xFFFD, 0xFFFD,  // replacement character
        0,
    };
    return ranges;
}

static bool in_subset(unsigned c) {
    for (const ImWchar* r = glyph_ranges(); r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

void add_glyphs(std::vector<ImWchar>& glyphs, std::string_view text) {
    const size_t before = glyphs.size();
    for (const char* s = text.data(), *end = text.data() + text.size(); s < end;) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        s += n > 0 ? n : 1;
        if (c >= 0x80 && in_subset(c)) glyphs.push_back(static_cast<ImWchar>(c));   // ASCII is always there
    }
    if (glyphs.size() == before) return;
    std::sort(glyphs.begin(), glyphs.end());
    glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
}

bool Fonts::covers(const std::vector<ImWchar>& needed) const {
    return std::includes(glyphs.begin(), glyphs.end(), needed.begin(), needed.end());
}

// The widget's own labels outside ASCII: — “ ” ‘ ’ · → … ≥ ≤ and the replacement character.
static const char kLabelGlyphs[] =
    "\xE2\x80\x94\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99\xC2\xB7\xE2\x86\x92\xE2\x80\xA6"
    "\xE2\x89\xA5\xE2\x89\xA4\xEF\xBF\xBD";

static ImFont* add_font(ImGuiIO& io, const unsigned char* data, unsigned size, float px, float ratio,
                        const ImWchar* ranges) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;   // embedded, static
    cfg.OversampleH = 1;                // rasterised at device resolution: no oversampling needed
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                          std::round(px * ratio), &cfg, ranges);
}

Fonts load_fonts(ImGuiIO& io, float pixel_ratio, const std::vector<ImWchar>& needed) {
    pixel_ratio = std::clamp(pixel_ratio, 0.5f, 6.0f);
    clear_layout_cache();   // lines wrapped with the old fonts no longer apply
    io.Fonts->Clear();
    Fonts f;
    f.glyphs = needed;
    add_glyphs(f.glyphs, kLabelGlyphs);
    std::sort(f.glyphs.begin(), f.glyphs.end());
    f.glyphs.erase(std::unique(f.glyphs.begin(), f.glyphs.end()), f.glyphs.end());
    // ImGui wants zero-terminated [first, last] pairs that live until the atlas is built (below).
    static std::vector<ImWchar> ranges;
    ranges.assign({0x0020, 0x007E});
    for (ImWchar c : f.glyphs) {
        if (c == ranges.back() + 1) ranges.back() = c;
        else ranges.insert(ranges.end(), {c, c});
    }
    ranges.push_back(0);

    const FontSizes s;
    const unsigned char* reg = assets::inter_regular;
    const unsigned char* bold = assets::inter_semibold;
    const unsigned reg_n = assets::inter_regular_size, bold_n = assets::inter_semibold_size;
    const ImWchar* r = ranges.data();
    f.body = add_font(io, reg, reg_n, s.body, pixel_ratio, r);
    f.body_bold = add_font(io, bold, bold_n, s.body, pixel_ratio, r);
    f.small = add_font(io, reg, reg_n, s.small, pixel_ratio, r);
    f.small_bold = add_font(io, bold, bold_n, s.small, pixel_ratio, r);
    f.heading = add_font(io, bold, bold_n, s.heading, pixel_ratio, r);
    f.title = add_font(io, bold, bold_n, s.title, pixel_ratio, r);
    f.figure = add_font(io, bold, bold_n, s.figure, pixel_ratio, r);
    io.FontDefault = f.body;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.Fonts->Build();
    return f;
}

// [SECTION] ImGui style ------------------------------------------------------------------------

void apply_style(ImGuiStyle& style, const Palette& p) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(20, 20);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 6;
    style.ScrollbarSize = 12;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;

    auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    ImVec4* col = style.Colors;
    col[ImGuiCol_Text] = c(p.text);
    col[ImGuiCol_TextDisabled] = c(p.muted);
    col[ImGuiCol_WindowBg] = c(p.background);
    col[ImGuiCol_ChildBg] = c(p.card);
    col[ImGuiCol_PopupBg] = c(p.card);
    col[ImGuiCol_Border] = c(p.border);
    col[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_FrameBg] = c(p.card);
    col[ImGuiCol_FrameBgHovered] = c(mix(p.card, p.accent, 0.08f));
    col[ImGuiCol_FrameBgActive] = c(mix(p.card, p.accent, 0.16f));
    col[ImGuiCol_Button] = c(p.card);
    col[ImGuiCol_ButtonHovered] = c(mix(p.card, p.accent, 0.10f));
    col[ImGuiCol_ButtonActive] = c(mix(p.card, p.accent, 0.20f));
    col[ImGuiCol_Header] = c(mix(p.card, p.accent, 0.12f));
    col[ImGuiCol_HeaderHovered] = c(mix(p.card, p.accent, 0.18f));
    col[ImGuiCol_HeaderActive] = c(mix(p.card, p.accent, 0.26f));
    col[ImGuiCol_CheckMark] = c(p.accent);
    col[ImGuiCol_Separator] = c(p.border);
    col[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_ScrollbarGrab] = c(mix(p.background, p.muted, 0.45f));
    col[ImGuiCol_ScrollbarGrabHovered] = c(mix(p.background, p.muted, 0.65f));
    col[ImGuiCol_ScrollbarGrabActive] = c(p.muted);
    col[ImGuiCol_NavHighlight] = c(p.accent);
    col[ImGuiCol_TableHeaderBg] = c(mix(p.card, p.border, 0.5f));
    col[ImGuiCol_TableBorderStrong] = c(p.border);
    col[ImGuiCol_TableBorderLight] = c(p.border);
    col[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_TableRowBgAlt] = c(mix(p.card, p.border, 0.25f));
}

}  // namespace versus::ui
