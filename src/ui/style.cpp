// style.cpp — palettes, contrast, the widget's fonts and ImGui style for versus.
#include "ui/style.hpp"
#include "ui/view_internal.hpp"

#include <imgui_internal.h>
#include <misc/freetype/imgui_freetype.h>   // the builder hook ImGui calls (CMakeLists.txt)

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <cstdio>
#include <cstring>

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

Fonts make_fonts(text::Layout& layout) {
    const FontSizes s;
    auto f = [&](float size, text::Weight w) { return FontRef{&layout, text::FontSpec{size, w}}; };
    using W = text::Weight;
    return Fonts{f(s.body, W::Regular),     f(s.body, W::SemiBold),    f(s.small, W::Regular),
                 f(s.small, W::SemiBold),   f(s.heading, W::SemiBold), f(s.title, W::SemiBold),
                 f(s.figure, W::SemiBold)};
}

// ImGui's own font: the widget draws every string through the text engine (src/text), never
// through ImGui's fonts, but ImGui still lays its windows out with a font size and draws shapes
// with its atlas (the white pixel, the baked anti-aliased lines). So the atlas is built here
// without a font file: one font with ImGui's usual 13 px size and Inter's vertical metrics, and a
// single glyph (the space ImGui falls back to); no TTF embedded, no rasteriser linked
// (CMakeLists.txt, "Third-party: Dear ImGui", says how stb_truetype and ProggyClean are left out).
namespace {

constexpr float kImGuiFontSize = 13.0f;
constexpr float kInterAscent = 0.96875f;     // Inter's hhea ascender / descender, per em
constexpr float kInterDescent = -0.2421875f;

bool build_glyphless_atlas(ImFontAtlas* atlas) {
    IM_ASSERT(atlas->ConfigData.Size > 0);
    ImFontAtlasBuildInit(atlas);   // registers the custom rects: white pixel (+ cursors), baked lines
    atlas->TexID = ImTextureID{};
    atlas->TexUvWhitePixel = ImVec2(0.0f, 0.0f);
    atlas->ClearTexData();

    // The custom rects side by side on one shelf (there are two or three: no packer needed).
    int x = 0, height = 0;
    for (ImFontAtlasCustomRect& r : atlas->CustomRects) {
        r.X = static_cast<unsigned short>(x);
        r.Y = 0;
        x += r.Width + atlas->TexGlyphPadding;
        height = ImMax(height, static_cast<int>(r.Height));
    }
    atlas->TexWidth = atlas->TexDesiredWidth > 0 ? atlas->TexDesiredWidth : ImUpperPowerOfTwo(ImMax(x, 1));
    atlas->TexHeight = ImUpperPowerOfTwo(ImMax(height, 1));
    IM_ASSERT(x <= atlas->TexWidth);
    atlas->TexUvScale = ImVec2(1.0f / static_cast<float>(atlas->TexWidth), 1.0f / static_cast<float>(atlas->TexHeight));
    const size_t bytes = static_cast<size_t>(atlas->TexWidth) * static_cast<size_t>(atlas->TexHeight);
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(bytes));
    std::memset(atlas->TexPixelsAlpha8, 0, bytes);

    for (ImFontConfig& cfg : atlas->ConfigData) {
        ImFont* font = cfg.DstFont;
        ImFontAtlasBuildSetupFont(atlas, font, &cfg, std::round(cfg.SizePixels * kInterAscent),
                                  std::round(cfg.SizePixels * kInterDescent));
        font->AddGlyph(&cfg, static_cast<ImWchar>(' '), 0, 0, 0, 0, 0, 0, 0, 0, std::round(cfg.SizePixels * 0.28f));
    }
    ImFontAtlasBuildFinish(atlas);   // draws the white pixel and the lines, builds the lookup tables
    return true;
}

const ImFontBuilderIO kGlyphlessBuilder{build_glyphless_atlas};

}  // namespace

void load_imgui_font(ImGuiIO& io) {
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = &kGlyphlessBuilder;
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;   // the platform draws the mouse cursor
    static const unsigned char kNoFontFile = 0;   // ImGui requires font data; no glyph is read from it
    ImFontConfig cfg;
    cfg.FontData = const_cast<unsigned char*>(&kNoFontFile);
    cfg.FontDataSize = 1;
    cfg.FontDataOwnedByAtlas = false;
    cfg.SizePixels = kImGuiFontSize;
    std::snprintf(cfg.Name, sizeof cfg.Name, "versus: no glyphs");
    io.FontDefault = io.Fonts->AddFont(&cfg);
    io.Fonts->Build();
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

// ImGui's default font builder when IMGUI_ENABLE_FREETYPE is defined (CMakeLists.txt): the
// glyph-less one above. Defined so that no other builder is linked; load_imgui_font() sets it
// explicitly as well.
namespace ImGuiFreeType {
const ImFontBuilderIO* GetBuilderForFreeType() { return &versus::ui::kGlyphlessBuilder; }
}  // namespace ImGuiFreeType
