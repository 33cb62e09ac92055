// style.cpp — palettes, contrast, the widget's fonts and ImGui style for versus.
#include "ui/style.hpp"
#include "ui/view_internal.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <cstring>

namespace versus::assets {
extern const unsigned char imgui_font[];   // cmake/assets.cmake: Inter Regular, ASCII only
extern const unsigned int imgui_font_size;
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

Fonts make_fonts(text::Layout& layout) {
    const FontSizes s;
    auto f = [&](float size, text::Weight w) { return FontRef{&layout, text::FontSpec{size, w}}; };
    using W = text::Weight;
    return Fonts{f(s.body, W::Regular),     f(s.body, W::SemiBold),    f(s.small, W::Regular),
                 f(s.small, W::SemiBold),   f(s.heading, W::SemiBold), f(s.title, W::SemiBold),
                 f(s.figure, W::SemiBold)};
}

void load_imgui_font(ImGuiIO& io) {
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;   // embedded, static
    cfg.OversampleH = cfg.OversampleV = 1;
    static const ImWchar ascii[] = {0x0020, 0x007E, 0};
    io.FontDefault = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::imgui_font),
                                                    static_cast<int>(assets::imgui_font_size), 13.0f, &cfg, ascii);
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
