// screenshot.cpp — off-screen rendering for `versus --screenshot` (see screenshot.hpp).
//
// Index
//  [SECTION] Framebuffer object (GL 3.0 entry points through GLFW)
//  [SECTION] Frames: measure, then draw at the final size
//  [SECTION] run_screenshot
#include "platform/desktop/screenshot.hpp"

#include "model/payload.hpp"
#include "platform/desktop/gl_textures.hpp"
#include "platform/desktop/gl_window.hpp"
#include "platform/desktop/png.hpp"
#include "platform/desktop/live_votes.hpp"
#include "platform/native/text_engine_native.hpp"
#include "ui/host.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>   // ImGuiWindow::ScrollMax, to check that the content fits

#define GLFW_INCLUDE_GLEXT
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace versus::desktop {
namespace {

// [SECTION] Framebuffer object (GL 3.0 entry points through GLFW) ---------------------------------

struct FboApi {
    PFNGLGENFRAMEBUFFERSPROC GenFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC BindFramebuffer = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC DeleteFramebuffers = nullptr;
    PFNGLGENRENDERBUFFERSPROC GenRenderbuffers = nullptr;
    PFNGLBINDRENDERBUFFERPROC BindRenderbuffer = nullptr;
    PFNGLDELETERENDERBUFFERSPROC DeleteRenderbuffers = nullptr;
    PFNGLRENDERBUFFERSTORAGEPROC RenderbufferStorage = nullptr;
    PFNGLFRAMEBUFFERRENDERBUFFERPROC FramebufferRenderbuffer = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC CheckFramebufferStatus = nullptr;

    bool load() {
        auto get = [](auto& fn, const char* name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(glfwGetProcAddress(name));
            return fn != nullptr;
        };
        return get(GenFramebuffers, "glGenFramebuffers") && get(BindFramebuffer, "glBindFramebuffer") &&
               get(DeleteFramebuffers, "glDeleteFramebuffers") && get(GenRenderbuffers, "glGenRenderbuffers") &&
               get(BindRenderbuffer, "glBindRenderbuffer") && get(DeleteRenderbuffers, "glDeleteRenderbuffers") &&
               get(RenderbufferStorage, "glRenderbufferStorage") &&
               get(FramebufferRenderbuffer, "glFramebufferRenderbuffer") &&
               get(CheckFramebufferStatus, "glCheckFramebufferStatus");
    }
};

// A colour-only framebuffer of w × h device pixels, bound while it lives.
class OffscreenTarget {
public:
    OffscreenTarget(const FboApi& gl, int w, int h) : gl_(gl) {
        gl_.GenFramebuffers(1, &fbo_);
        gl_.GenRenderbuffers(1, &rbo_);
        gl_.BindRenderbuffer(GL_RENDERBUFFER, rbo_);
        gl_.RenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        gl_.BindFramebuffer(GL_FRAMEBUFFER, fbo_);
        gl_.FramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rbo_);
        ok_ = gl_.CheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~OffscreenTarget() {
        gl_.BindFramebuffer(GL_FRAMEBUFFER, 0);
        gl_.DeleteFramebuffers(1, &fbo_);
        gl_.DeleteRenderbuffers(1, &rbo_);
    }
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    bool ok() const { return ok_; }

private:
    const FboApi& gl_;
    GLuint fbo_ = 0, rbo_ = 0;
    bool ok_ = false;
};

// [SECTION] Frames: measure, then draw at the final size -------------------------------------------

// One ImGui frame of the widget at `size` logical pixels, drawn again while the text atlas
// overflows. Returns the window's vertical scroll range (0 when everything fits).
float frame(ui::Host& host, ImVec2 size, ImVec2 fb_scale) {
    host.set_size(size);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplayFramebufferScale = fb_scale;
    io.DeltaTime = 1.0f / 60.0f;
    float scroll_max = 0.0f;
    bool again = true;
    for (int tries = 0; again && tries < 3; ++tries) {
        ImGui_ImplOpenGL3_NewFrame();
        host.begin_frame();
        host.draw();
        const ImGuiWindow* w = ImGui::FindWindowByName("##versus");
        scroll_max = w ? w->ScrollMax.y : 0.0f;
        host.end_frame(&again);
    }
    return scroll_max;
}

// --votes URL: the service's tallies, fetched once (nothing to keep responsive here). A failure
// is printed and said in the image's note line; the image is still written.
void add_live_votes(ui::ComparisonView& view, const std::string& url, std::ostream& err) {
    std::string why;
    const std::optional<ServiceUrl> service = parse_service_url(url, why);
    if (!service) return;   // the CLI checked it
    LiveTallies live;
    live.comparison = view.payload().id;
    if (!live.comparison.empty()) {
        FetchResult r = fetch_tallies(*service, live.comparison);
        live.tallies = std::move(r.tallies);
        live.error = r.error;
    }
    const LiveVotesNote note = live_votes_note(url, live, view.words());
    view.set_tallies(live.tallies);
    view.set_note(note.text);
    if (!note.problem.empty()) err << "versus: --votes " << url << ": " << note.problem << "\n";
}

}  // namespace

// [SECTION] run_screenshot ----------------------------------------------------------------------------

int run_screenshot(const Options& opts, std::ostream& err) {
    // The payload: errors mean no image (a fallback image must never show an error card).
    std::string source(default_payload_name());
    std::string text(default_payload_text());
    if (!opts.files.empty()) {
        source = display_name(opts.files[0]);
        std::string why;
        if (!read_file(opts.files[0], text, why)) {
            err << "versus: cannot read " << source << ": " << why << "\n";
            return kExitUsage;
        }
    }
    LoadResult loaded = load_payload(text);
    for (const Problem& p : loaded.problems) err << format_problem(source, p) << "\n";
    if (!loaded.ok()) {
        err << "versus: " << source << " has errors; no image written\n";
        return kExitInvalid;
    }

    std::string why;
    GLFWwindow* window = create_gl_window(64, 64, "versus --screenshot", /*visible=*/false, why);
    if (!window) {
        err << "versus: cannot create an OpenGL context for --screenshot: " << why << "\n"
            << "(it needs a display; on a machine without one, run it under xvfb-run -a)\n";
        return kExitNoDisplay;
    }
    FboApi fbo_api;
    if (!fbo_api.load()) {
        err << "versus: cannot create an OpenGL context for --screenshot: no framebuffer objects\n";
        destroy_gl_window(window);
        return kExitNoDisplay;
    }
    GLint max_rb = 0, max_vp[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_vp);
    const int max_w = std::min<int>(max_rb, max_vp[0]), max_h = std::min<int>(max_rb, max_vp[1]);

    const float scale = opts.scale;
    int status = kExitOk;
    {
    GlTextures textures;
    text::NativeEngine engine(&textures);
    ui::Host host(engine, ImVec2(static_cast<float>(opts.width), 100000.0f), scale,
                  opts.theme == "dark" ? ui::ThemeKind::Dark : ui::ThemeKind::Light, opts.accent);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ImGui::GetStyle().ScrollbarSize = 0.0f;   // an image has no scrollbar (a fixed height crops)
    ui::ComparisonView& view = host.view;
    view.set_host_language(host_language(opts));
    view.set_payload(std::move(*loaded.payload));
    if (!opts.votes.empty()) add_live_votes(view, opts.votes, err);

    // Height: as asked, or measured on a frame tall enough for everything (so no scrollbar takes
    // width away), then checked at the final size until nothing scrolls.
    const float width = static_cast<float>(opts.width);
    float height = static_cast<float>(opts.height);
    const ImVec2 fb_scale(scale, scale);
    if (opts.height == 0) {
        for (int i = 0; i < 2; ++i) frame(host, ImVec2(width, 100000.0f), fb_scale);
        height = std::ceil(view.content_height());
        for (int i = 0; i < 4; ++i) {
            frame(host, ImVec2(width, height), fb_scale);
            const float over = frame(host, ImVec2(width, height), fb_scale);
            if (over <= 0.0f) break;
            height += std::ceil(over);
        }
    }
    const int px_w = static_cast<int>(std::lround(width * scale));
    const int px_h = static_cast<int>(std::lround(height * scale));

    if (px_w > max_w || px_h > max_h) {
        err << "versus: the image would be " << px_w << "x" << px_h << " pixels; this OpenGL draws at most "
            << max_w << "x" << max_h << " (use a smaller --size or --scale)\n";
        status = kExitUsage;
    } else {
        // The backend sizes its viewport as (int)(DisplaySize × FramebufferScale): nudge the scale
        // so that this is exactly the image size.
        const ImVec2 exact((static_cast<float>(px_w) + 0.25f) / width, (static_cast<float>(px_h) + 0.25f) / height);
        OffscreenTarget target(fbo_api, px_w, px_h);
        if (!target.ok()) {
            err << "versus: cannot create a " << px_w << "x" << px_h << " framebuffer for --screenshot\n";
            status = kExitNoDisplay;
        } else {
            frame(host, ImVec2(width, height), exact);   // settle at the final size
            frame(host, ImVec2(width, height), exact);
            glViewport(0, 0, px_w, px_h);
            const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(host.palette().background);
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            glFinish();
            const std::size_t stride = static_cast<std::size_t>(px_w) * 3;
            std::vector<std::uint8_t> pixels(stride * static_cast<std::size_t>(px_h));
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(0, 0, px_w, px_h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
            // GL's rows run bottom-up; PNG's top-down.
            std::vector<std::uint8_t> row(stride);
            for (int y = 0; y < px_h / 2; ++y) {
                std::uint8_t* a = pixels.data() + stride * static_cast<std::size_t>(y);
                std::uint8_t* b = pixels.data() + stride * static_cast<std::size_t>(px_h - 1 - y);
                std::memcpy(row.data(), a, stride);
                std::memcpy(a, b, stride);
                std::memcpy(b, row.data(), stride);
            }
            if (!write_png(opts.screenshot, px_w, px_h, pixels.data(), why)) {
                err << "versus: cannot write " << opts.screenshot << ": " << why << "\n";
                status = kExitUsage;
            }
        }
    }

    ImGui_ImplOpenGL3_Shutdown();
    }   // the host and the engine's textures go while the GL context is still there
    destroy_gl_window(window);
    return status;
}

}  // namespace versus::desktop
