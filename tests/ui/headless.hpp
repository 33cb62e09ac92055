// headless.hpp — one ImGui context with the real fonts and the comparison view, drawn with no GPU.
// Tests inject input through io.Add*Event and assert on the frame record and the draw lists.
#pragma once

#include "model/payload.hpp"
#include "ui/style.hpp"
#include "ui/view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace versus::test {

inline std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline Payload load_or_throw(std::string_view text) {
    LoadResult r = load_payload(text);
    if (!r.ok()) {
        std::string all;
        for (const Problem& p : r.problems) all += format_problem("payload", p) + "\n";
        throw std::runtime_error("payload has errors:\n" + all);
    }
    return std::move(*r.payload);
}

inline Payload seed_payload() { return load_or_throw(default_payload_text()); }

struct Headless {
    ImGuiContext* ctx = nullptr;
    ui::Fonts fonts;
    ui::Palette palette;
    ui::ComparisonView view;
    ui::FrameRecord record;

    explicit Headless(float width = 1100, float height = 900, float ratio = 1.0f,
                      ui::ThemeKind theme = ui::ThemeKind::Light) {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DisplayFramebufferScale = ImVec2(ratio, ratio);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        palette = ui::make_palette(theme);
        ui::apply_style(ImGui::GetStyle(), palette);
        pixel_ratio = ratio;
        load_fonts();
        view.record = &record;
    }
    // As a platform does: fonts rasterised for the glyphs the view needs, then "uploaded".
    void load_fonts() {
        ImGuiIO& io = ImGui::GetIO();
        fonts = ui::load_fonts(io, pixel_ratio, view.glyphs());
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);   // what a renderer would upload
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
        ++font_loads;
    }
    float pixel_ratio = 1;
    int font_loads = 0;
    ~Headless() { ImGui::DestroyContext(ctx); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One whole frame: NewFrame, the view, Render. Returns the draw data.
    ImDrawData* frame() {
        ImGui::SetCurrentContext(ctx);
        if (!fonts.covers(view.glyphs())) load_fonts();
        ImGui::NewFrame();
        view.draw(fonts, palette);
        ImGui::Render();
        return ImGui::GetDrawData();
    }
    // A few frames, so that layout that depends on the previous frame (scrollbars) settles.
    ImDrawData* settle(int n = 3) {
        ImDrawData* d = nullptr;
        for (int i = 0; i < n; ++i) d = frame();
        return d;
    }
    ImGuiIO& io() { return ImGui::GetIO(); }
};

inline bool inside(const ui::DrawnItem& inner, const ui::DrawnItem& outer) {
    return inner.min.x >= outer.min.x && inner.min.y >= outer.min.y && inner.max.x <= outer.max.x &&
           inner.max.y <= outer.max.y;
}

inline bool overlap(const ui::DrawnItem& a, const ui::DrawnItem& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
inline std::u32string utf8_decode(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
        out.push_back(static_cast<char32_t>(c));
        i += static_cast<size_t>(n > 0 ? n : 1);
    }
    return out;
}

}  // namespace versus::test
