// host.hpp — what every platform sets up the same way around the comparison view: one ImGui
// context, the text layout over the platform's text engine, the fonts, the palette.
//
// Why: the desktop viewer, the PNG export, the web instance, the headless tests, the fuzzer and
// the benchmarks all need the same context, style, fonts and text set-up; a text, theme or pixel
// ratio fix must land once. A platform owns its window, GL and input; around Host::frame() it calls
// its renderer backend (NewFrame before, RenderDrawData after).
#pragma once

#include "text/engine.hpp"
#include "text/layout.hpp"
#include "ui/style.hpp"
#include "ui/view.hpp"

#include <imgui.h>

#include <string_view>

namespace versus::ui {

class Host {
public:
    // A context `size` logical pixels large, text rasterised for `pixel_ratio`. The engine outlives
    // the host.
    Host(text::Engine& engine, ImVec2 size, float pixel_ratio = 1.0f, ThemeKind theme = ThemeKind::Light,
         ImU32 accent = 0);
    ~Host();
    Host(const Host&) = delete;
    Host& operator=(const Host&) = delete;

    ImGuiContext* context() const { return ctx_; }
    // Makes this host's ImGui context current (a process may hold several hosts).
    void make_current() const { ImGui::SetCurrentContext(ctx_); }

    void set_size(ImVec2 size);
    // Device pixels per logical pixel (devicePixelRatio × zoom): text is rasterised for it.
    void set_pixel_ratio(float ratio);
    float pixel_ratio() const { return engine_.pixel_ratio(); }
    void set_theme(ThemeKind theme, ImU32 accent = 0);
    ThemeKind theme() const { return theme_; }
    ImU32 accent() const { return accent_; }
    const Palette& palette() const { return palette_; }
    // The widget's language (BCP 47): line-break rules and fallback fonts. begin_frame() takes it,
    // and the direction, from the view's words (present::Words: the payload's `lang` and `dir`, the
    // host's language), so every platform gets them the same way.
    void set_language(std::string_view lang) { layout_.set_language(lang); }
    // The widget's direction. Right to left mirrors the whole widget as an HTML page with
    // dir="rtl" would be: the view is laid out left to right, then every frame is mirrored
    // (shapes, clip rectangles, the frame record), the pointer's x and the arrow keys are mirrored
    // on their way in, and text is drawn so that the mirror leaves it readable and right-aligned
    // (text_draw.cpp). Tools then run from the right, charts grow from the right, chips flow
    // leftwards, the scrollbar is on the left.
    void set_direction(text::Direction dir) { direction_ = dir; }
    text::Direction direction() const { return direction_; }
    bool mirrored() const { return direction_ == text::Direction::RightToLeft; }
    // The key the layout understands for a key the reader pressed: in a mirrored widget Left and
    // Right swap, so that Right still moves to what is on the right. Platforms map keys with it
    // before io.AddKeyEvent (ImGui keeps the state of each key, so the queue cannot be rewritten).
    ImGuiKey layout_key(ImGuiKey key) const {
        if (!mirrored()) return key;
        return key == ImGuiKey_LeftArrow ? ImGuiKey_RightArrow : key == ImGuiKey_RightArrow ? ImGuiKey_LeftArrow : key;
    }
    // Fonts loaded late or changed: every shaped line is made again.
    void text_changed() { layout_.clear(); }

    text::Layout& layout() { return layout_; }
    text::Engine& engine() { return engine_; }
    const Fonts& fonts() const { return fonts_; }

    // One frame of the view: ImGui::NewFrame, the view, ImGui::Render, the engine's uploads.
    // Returns the draw data. *again (when given) says that one more frame is needed now (the
    // text atlas filled up during this one, or fonts changed).
    ImDrawData* frame(bool* again = nullptr);
    // The same in steps, for hosts that act between them (keys after NewFrame, scroll before the
    // view, window state after it): begin_frame(), draw(), end_frame().
    void begin_frame();
    void draw() { view.draw(fonts_, palette_); }
    ImDrawData* end_frame(bool* again = nullptr);

    // For hosts without a renderer (tests, fuzzer, benchmarks): ImGui's own atlas counts as
    // uploaded.
    void headless_textures();

    ComparisonView view;

private:
    text::Engine& engine_;
    text::Layout layout_;
    Fonts fonts_;
    Palette palette_{};
    ThemeKind theme_;
    ImU32 accent_;
    text::Direction direction_ = text::Direction::LeftToRight;
    ImGuiContext* ctx_ = nullptr;
    unsigned next_input_event_ = 0;   // input events before this id were mirrored already

    void mirror_input();
    void mirror_frame(ImDrawData* data);
};

}  // namespace versus::ui
