// headless.hpp — the comparison view in a host with the native text engine (the desktop's: fonts
// from fontconfig, HarfBuzz, ICU), drawn with no GPU.
// Tests inject input through io.Add*Event and assert on the frame record and the draw lists.
#pragma once

#include "model/payload.hpp"
#include "platform/native/text_engine_native.hpp"
#include "ui/host.hpp"
#include "ui/style.hpp"
#include "ui/text_draw.hpp"
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

// The native text engine is made once per test process (fontconfig's font lists are the slow
// part); each Headless is its own host over it.
inline text::NativeEngine& text_engine() {
    static text::NativeEngine* engine = new text::NativeEngine();   // headless: pages in memory
    return *engine;
}

struct Headless {
    ui::Host host;
    ui::ComparisonView& view = host.view;
    ui::FrameRecord record;
    const ui::Fonts& fonts = host.fonts();
    ui::Palette palette;

    explicit Headless(float width = 1100, float height = 900, float ratio = 1.0f,
                      ui::ThemeKind theme = ui::ThemeKind::Light)
        : host(text_engine(), ImVec2(width, height), ratio, theme), palette(host.palette()) {
        host.headless_textures();
        view.record = &record;
    }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One whole frame: NewFrame, the view, Render. Returns the draw data.
    ImDrawData* frame() { return host.frame(); }
    // A few frames, so that layout that depends on the previous frame (scrollbars) settles.
    ImDrawData* settle(int n = 3) {
        ImDrawData* d = nullptr;
        for (int i = 0; i < n; ++i) d = frame();
        return d;
    }
    ImGuiIO& io() {
        host.make_current();
        return ImGui::GetIO();
    }
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
