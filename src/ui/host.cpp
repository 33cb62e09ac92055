// host.cpp — see host.hpp.
#include "ui/host.hpp"

#include <imgui_internal.h>   // the input queue (mirrored for right-to-left widgets)

#include <cfloat>
#include <utility>

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

// Pointer positions arrive in screen space; a mirrored widget is laid out in its own unmirrored
// space: x → W − x. (Keys are mapped by the platform before they are queued: layout_key().)
void Host::mirror_input() {
    ImGuiContext& g = *ctx_;
    if (mirrored()) {
        const float w = g.IO.DisplaySize.x;
        for (ImGuiInputEvent& e : g.InputEventsQueue) {
            if (e.EventId < next_input_event_) continue;
            if (e.Type == ImGuiInputEventType_MousePos && e.MousePos.PosX > -FLT_MAX)
                e.MousePos.PosX = w - e.MousePos.PosX;
        }
    }
    next_input_event_ = g.InputEventsNextEventId;
}

// The frame, laid out left to right, mirrored into screen space: vertices, clip rectangles and the
// rectangles of the frame record.
void Host::mirror_frame(ImDrawData* data) {
    const float w = ImGui::GetIO().DisplaySize.x;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        ImDrawList* list = data->CmdLists[i];
        for (ImDrawVert& v : list->VtxBuffer) v.pos.x = w - v.pos.x;
        for (ImDrawCmd& cmd : list->CmdBuffer) {
            const float x0 = cmd.ClipRect.x, x1 = cmd.ClipRect.z;
            cmd.ClipRect.x = w - x1;
            cmd.ClipRect.z = w - x0;
        }
    }
    if (view.record)
        for (DrawnItem& it : view.record->items) {
            const float x0 = it.min.x, x1 = it.max.x;
            it.min.x = w - x1;
            it.max.x = w - x0;
        }
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
    set_language(view.words().content_lang());
    set_direction(view.words().rtl() ? text::Direction::RightToLeft : text::Direction::LeftToRight);
    layout_.set_mirror(mirrored() ? ImGui::GetIO().DisplaySize.x : 0.0f);
    mirror_input();
    ImGui::NewFrame();
}

ImDrawData* Host::end_frame(bool* again) {
    ImGui::Render();
    if (mirrored()) mirror_frame(ImGui::GetDrawData());
    const bool ok = engine_.end_frame();
    if (again) *again = !ok;
    return ImGui::GetDrawData();
}

}  // namespace versus::ui
