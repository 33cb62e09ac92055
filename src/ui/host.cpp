// host.cpp — see host.hpp.
#include "ui/host.hpp"

namespace versus::ui {

Host::Host(text::Engine& engine, ImVec2 size, float pixel_ratio, ThemeKind theme, ImU32 accent)
    : engine_(engine), layout_(engine), theme_(theme), accent_(accent) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // the widget keeps no settings file
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    load_imgui_font(io);
    engine_.set_pixel_ratio(pixel_ratio);
    io.DisplayFramebufferScale = ImVec2(engine_.pixel_ratio(), engine_.pixel_ratio());
    fonts_ = make_fonts(layout_);
    set_theme(theme, accent);
}

Host::~Host() { ImGui::DestroyContext(ctx_); }

void Host::set_size(ImVec2 size) {
    make_current();
    ImGui::GetIO().DisplaySize = size;
}

void Host::set_pixel_ratio(float ratio) {
    if (ratio == engine_.pixel_ratio()) return;
    engine_.set_pixel_ratio(ratio);
    make_current();
    ImGui::GetIO().DisplayFramebufferScale = ImVec2(engine_.pixel_ratio(), engine_.pixel_ratio());
}

void Host::set_theme(ThemeKind theme, ImU32 accent) {
    theme_ = theme;
    accent_ = accent;
    palette_ = make_palette(theme, accent);
    make_current();
    apply_style(ImGui::GetStyle(), palette_);
}

void Host::headless_textures() {
    make_current();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);   // what a renderer would upload
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

ImDrawData* Host::frame(bool* again) {
    begin_frame();
    draw();
    return end_frame(again);
}

void Host::begin_frame() {
    make_current();
    ImGui::NewFrame();
}

ImDrawData* Host::end_frame(bool* again) {
    ImGui::Render();
    const bool ok = engine_.end_frame();
    if (again) *again = !ok;
    return ImGui::GetDrawData();
}

}  // namespace versus::ui
