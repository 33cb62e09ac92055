// viewer.cpp — the live-preview window (see viewer.hpp).
//
// The loop sleeps while nothing happens: in glfwWaitEventsTimeout() until the next look at the
// watched file (every 100 ms, a stat() call), or in glfwWaitEvents() when nothing is watched.
// A frame is drawn only after input, a window change or a new version of the file, and for half
// a second after (hover fades, tooltips).
//
// Index
//  [SECTION] Helpers
//  [SECTION] Viewer: the document (load, reload, watch, drop)
//  [SECTION] Viewer: a frame (zoom, keys, scroll, title, state dump)
//  [SECTION] Viewer: the loop
//  [SECTION] run_viewer
#include "platform/desktop/viewer.hpp"

#include "model/payload.hpp"
#include "platform/desktop/gl_textures.hpp"
#include "platform/desktop/gl_window.hpp"
#include "platform/desktop/live_votes.hpp"
#include "platform/desktop/state_dump.hpp"
#include "platform/desktop/watch.hpp"
#include "platform/native/text_engine_native.hpp"
#include "ui/host.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>   // the input queue (zoom maps mouse positions) and the window's scroll

#include <GLFW/glfw3.h>   // with <GL/gl.h> for glViewport/glClear

#include <spawn.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace versus::desktop {
namespace {

// [SECTION] Helpers -----------------------------------------------------------------------------------

// Opens a URL in the desktop's browser without a shell (the URL was validated as http(s)).
void open_url(const std::string& url) {
    pid_t pid;
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
        std::fprintf(stderr, "versus: cannot open %s (xdg-open not found)\n", url.c_str());
}

// Device pixels per window coordinate (2 on a Retina Mac, 1 on X11).
float pixel_ratio(GLFWwindow* w) {
    int ww, wh, fw, fh;
    glfwGetWindowSize(w, &ww, &wh);
    glfwGetFramebufferSize(w, &fw, &fh);
    return ww > 0 && fw > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 0.0f;
}

// The zoom levels Ctrl + and Ctrl - step through (a browser's).
constexpr float kZoomSteps[] = {0.5f, 0.67f, 0.75f, 0.8f, 0.9f, 1.0f, 1.1f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f};

float zoom_step(float zoom, int direction) {
    if (direction > 0) {
        for (float z : kZoomSteps)
            if (z > zoom + 0.001f) return z;
        return kZoomSteps[std::size(kZoomSteps) - 1];
    }
    for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it)
        if (*it < zoom - 0.001f) return *it;
    return kZoomSteps[0];
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_json_name(const std::string& path) {
    if (path.size() < 5) return false;
    std::string ext = path.substr(path.size() - 5);
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext == ".json";
}

// [SECTION] Viewer: the document (load, reload, watch, drop) -------------------------------------------

class Viewer {
public:
    explicit Viewer(const Options& opts);
    int run();

private:
    // The document: the seed (path_ ""), standard input ("-") or a watched file.
    bool load_initial();
    void open_dropped(const std::string& path);
    void reload(bool settle);
    void apply(LoadResult result);
    void show_problem(const std::string& message);
    void print_problems(const std::vector<Problem>& problems);
    bool check_file(double now);
    void new_view();

    // The window.
    void scale_mouse_events();
    void read_keys();
    void frame();
    void apply_actions();
    void update_title();
    void dump_state();
    void follow_votes(bool again);
    bool take_votes();

    static void on_drop(GLFWwindow* w, int count, const char** paths);
    static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void on_refresh(GLFWwindow* w);
    static void on_framebuffer_size(GLFWwindow* w, int, int);

    Options opts_;
    std::string path_;            // "" seed, "-" stdin, else the file
    std::string name_;            // the name in messages: the path as given, or "<stdin>"
    FileWatch watch_;
    std::optional<LoadResult> pending_;   // invalid text waiting for one more quiet look
    std::vector<std::string> printed_;    // problems last printed to stderr
    // The widget: its host (ImGui context, text over the native engine, palette) made before the
    // window, so that a payload can be loaded first; atlas textures are made during frames.
    GlTextures textures_;
    text::NativeEngine engine_{&textures_};
    ui::Host host_;
    ui::ComparisonView& view_ = host_.view;
    ui::FrameRecord record_;
    int loads_ = 0;

    GLFWwindow* window_ = nullptr;
    ui::ThemeKind theme_ = ui::ThemeKind::Light;
    ImU32 accent_ = 0;   // --accent, kept across theme toggles
    float ratio_ = 1.0f;
    float zoom_ = 1.0f;
    std::string title_;
    ImU32 next_unscaled_event_ = 0;
    std::vector<std::string> dropped_;
    bool refresh_ = true;

    // Actions asked for by keys during a frame, applied after it.
    bool act_reload_ = false, act_theme_ = false, act_quit_ = false;
    float act_zoom_ = 0;

    // Scroll: kept by ImGui across reloads. When errors appear over the last good version the
    // view jumps to them and comes back to where the reader was once the file is fixed.
    float scroll_ = 0, scroll_max_ = 0;
    float scroll_before_errors_ = 0;
    bool errors_shown_ = false;
    std::optional<float> next_scroll_;

    std::string dump_path_, last_dump_;

    // --votes: the service's tallies, fetched on a background thread (live_votes.hpp).
    std::unique_ptr<LiveVotes> votes_;
    LiveTallies live_;
    std::string printed_votes_error_;   // the live-votes error last printed to stderr
};

Viewer* g_viewer = nullptr;   // for GLFW's callbacks (one window)

Viewer::Viewer(const Options& opts)
    : opts_(opts),
      host_(engine_, ImVec2(1100, 820), 1.0f, opts.theme == "dark" ? ui::ThemeKind::Dark : ui::ThemeKind::Light,
            opts.accent) {
    theme_ = host_.theme();
    accent_ = opts.accent;
    zoom_ = opts.zoom;
    dump_path_ = opts.dump_state;
    if (dump_path_.empty())
        if (const char* env = std::getenv("VERSUS_STATE_FILE")) dump_path_ = env;
    new_view();
}

void Viewer::new_view() {
    view_ = ui::ComparisonView{};
    view_.set_host_language(host_language(opts_));
    view_.host.open_url = open_url;
    view_.record = dump_path_.empty() ? nullptr : &record_;
    pending_.reset();
    printed_.clear();
    next_scroll_ = 0.0f;
    errors_shown_ = false;
    scroll_before_errors_ = 0;
}

bool Viewer::load_initial() {
    if (opts_.files.empty()) {
        name_ = std::string(default_payload_name());
        apply(load_payload(default_payload_text()));
        return true;
    }
    path_ = opts_.files[0];
    name_ = display_name(path_);
    std::string text, why;
    if (!read_file(path_, text, why)) {
        std::cerr << "versus: cannot read " << name_ << ": " << why << "\n";
        return false;
    }
    if (path_ != "-") watch_ = FileWatch(path_);
    apply(load_payload(text));
    return true;
}

// A file dropped on the window replaces the document: a new view (the reader state of another
// comparison does not apply), at the top, watched from now on.
void Viewer::open_dropped(const std::string& path) {
    path_ = path;
    name_ = path;
    new_view();
    watch_ = FileWatch(path_);
    reload(/*settle=*/false);
}

// Reads the file again. With `settle`, invalid text is held back until the next look at the file
// finds it unchanged: an editor writing in place can be caught half-way, and that must not flash
// an error. Valid text is shown at once.
void Viewer::reload(bool settle) {
    if (path_.empty() || path_ == "-") return;   // the seed and stdin cannot change
    std::string text, why;
    if (!read_file(path_, text, why)) {
        show_problem("cannot read the file: " + why);
        return;
    }
    LoadResult r = load_payload(text);
    if (!r.ok() && settle) {
        pending_ = std::move(r);
        return;
    }
    apply(std::move(r));
}

void Viewer::apply(LoadResult result) {
    pending_.reset();
    print_problems(result.problems);
    if (result.ok()) {
        view_.set_payload(std::move(*result.payload));   // keeps the reader state that applies
        ++loads_;
        follow_votes(/*again=*/true);
    } else {
        view_.set_problems(result.problems, name_);      // over the last good version, if any
    }
    refresh_ = true;
}

void Viewer::show_problem(const std::string& message) {
    pending_.reset();
    const std::vector<Problem> problems = {Problem{Severity::Error, "", message, 0, 0}};
    print_problems(problems);
    view_.set_problems(problems, name_);
    refresh_ = true;
}

// Problems go to stderr too, once per distinct set (a terminal next to the editor is handy).
void Viewer::print_problems(const std::vector<Problem>& problems) {
    std::vector<std::string> lines;
    for (const Problem& p : problems) lines.push_back(format_problem(name_, p));
    if (lines == printed_) return;
    for (const std::string& l : lines) std::cerr << l << "\n";
    if (lines.empty() && !printed_.empty()) std::cerr << "versus: " << name_ << " is valid again\n";
    printed_ = std::move(lines);
}

// Returns true when the document changed.
bool Viewer::check_file(double now) {
    switch (watch_.poll(now)) {
        case FileWatch::Event::Changed:
            reload(/*settle=*/true);
            return true;
        case FileWatch::Event::Same:
            if (!pending_) return false;
            apply(std::move(*pending_));
            return true;
        case FileWatch::Event::Gone:
            show_problem("the file is gone (deleted, or renamed away); this is the last version read");
            return true;
        default:   // not due, or missing for a moment (an editor saving by rename)
            return false;
    }
}

// --votes: asks for the tallies of the payload's comparison (again: also when it is the same one,
// after a reload). The figures keep the last tallies of that comparison meanwhile.
void Viewer::follow_votes(bool again) {
    if (!votes_ || !view_.has_payload()) return;
    const std::string& id = view_.payload().id;
    if (live_.comparison != id) {
        live_ = LiveTallies{};
        live_.comparison = id;
    }
    view_.set_tallies(live_.tallies);   // also into a new view (a dropped file of the same comparison)
    view_.set_note(live_votes_note(votes_->url(), live_, view_.words()).text);
    votes_->follow(id, again);
}

// Takes what the background thread fetched. Returns true when the window must show it.
bool Viewer::take_votes() {
    if (!votes_) return false;
    std::optional<LiveTallies> got = votes_->take();
    if (!got) return false;
    live_ = std::move(*got);
    if (view_.has_payload() && live_.comparison == view_.payload().id) view_.set_tallies(live_.tallies);
    const LiveVotesNote note = live_votes_note(votes_->url(), live_, view_.words());
    view_.set_note(note.text);
    // Printed once per distinct problem (a service down for an hour prints one line, not 360).
    const std::string& error = note.problem;
    if (error != printed_votes_error_) {
        if (!error.empty()) std::cerr << "versus: --votes " << votes_->url() << ": " << error << "\n";
        else if (!printed_votes_error_.empty()) std::cerr << "versus: --votes " << votes_->url() << ": live votes are back\n";
        printed_votes_error_ = error;
    }
    return true;
}

// [SECTION] Viewer: a frame (zoom, keys, scroll, title, state dump) ------------------------------------

// The GLFW backend queues mouse positions in window coordinates; with zoom, ImGui's coordinates
// are window coordinates / zoom.
void Viewer::scale_mouse_events() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiInputEvent& e : g.InputEventsQueue) {
        if (e.EventId < next_unscaled_event_ || e.Type != ImGuiInputEventType_MousePos) continue;
        if (e.MousePos.PosX > -FLT_MAX && e.MousePos.PosY > -FLT_MAX) {
            e.MousePos.PosX /= zoom_;
            e.MousePos.PosY /= zoom_;
        }
    }
    next_unscaled_event_ = g.InputEventsNextEventId;
}

void Viewer::read_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl && !io.KeyAlt;
    auto pressed = [](ImGuiKey k, bool repeat = false) { return ImGui::IsKeyPressed(k, repeat); };
    if ((ctrl && pressed(ImGuiKey_R)) || pressed(ImGuiKey_F5)) act_reload_ = true;
    if (ctrl && pressed(ImGuiKey_T)) act_theme_ = true;
    if (ctrl && (pressed(ImGuiKey_Equal, true) || pressed(ImGuiKey_KeypadAdd, true))) act_zoom_ = zoom_step(zoom_, +1);
    if (ctrl && (pressed(ImGuiKey_Minus, true) || pressed(ImGuiKey_KeypadSubtract, true))) act_zoom_ = zoom_step(zoom_, -1);
    if (ctrl && (pressed(ImGuiKey_0) || pressed(ImGuiKey_Keypad0))) act_zoom_ = 1.0f;
    if (ctrl && (pressed(ImGuiKey_Q) || pressed(ImGuiKey_W))) act_quit_ = true;
}

void Viewer::frame() {
    ImGuiIO& io = ImGui::GetIO();
    const float r = pixel_ratio(window_);
    if (r > 0) ratio_ = r;
    // Text rasterised for pixel ratio × zoom: a zoomed glyph is as crisp as an unzoomed one.
    host_.set_pixel_ratio(ratio_ * zoom_);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Zoom: fewer logical pixels on the same framebuffer (not a bitmap scale: the fonts were
    // rasterised for it, and every shape is drawn at device resolution).
    io.DisplaySize = ImVec2(io.DisplaySize.x / zoom_, io.DisplaySize.y / zoom_);
    io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * zoom_, io.DisplayFramebufferScale.y * zoom_);
    scale_mouse_events();
    host_.begin_frame();
    read_keys();

    const bool errors = view_.has_payload() && !view_.problem_lines().empty();
    if (errors && !errors_shown_) {
        scroll_before_errors_ = scroll_;
        next_scroll_ = 0.0f;
    } else if (!errors && errors_shown_ && scroll_ < 1.0f) {
        next_scroll_ = scroll_before_errors_;   // the reader did not scroll meanwhile: go back
    }
    errors_shown_ = errors;
    if (next_scroll_) {
        ImGui::SetNextWindowScroll(ImVec2(-1.0f, *next_scroll_));
        next_scroll_.reset();
    }
    host_.draw();
    if (const ImGuiWindow* w = ImGui::FindWindowByName("##versus")) {
        scroll_ = w->Scroll.y;
        scroll_max_ = w->ScrollMax.y;
    }
    bool again = false;
    host_.end_frame(&again);   // uploads the glyphs rasterised during the frame
    if (again) refresh_ = true;   // the text atlas filled up: this frame's text is drawn again

    int fw, fh;
    glfwGetFramebufferSize(window_, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(host_.palette().background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);

    // The title first: the dump tells the window as it now is (another frame may not come soon).
    update_title();
    dump_state();
    apply_actions();   // what it changes (reload, theme, zoom) sets refresh_: the next frame shows it
}

void Viewer::apply_actions() {
    if (act_reload_) {
        watch_.mark_seen();
        reload(/*settle=*/false);
        if (votes_) votes_->refresh();   // also for the seed and stdin, which don't reload
    }
    if (act_theme_) {
        theme_ = theme_ == ui::ThemeKind::Light ? ui::ThemeKind::Dark : ui::ThemeKind::Light;
        host_.set_theme(theme_, accent_);
        refresh_ = true;
    }
    if (act_zoom_ > 0 && act_zoom_ != zoom_) {
        zoom_ = act_zoom_;
        refresh_ = true;
    }
    if (act_quit_) glfwSetWindowShouldClose(window_, GLFW_TRUE);
    act_reload_ = act_theme_ = act_quit_ = false;
    act_zoom_ = 0;
}

// "versus — haiku.json", with "(errors)" while the errors of the file are shown.
void Viewer::update_title() {
    std::string t = "versus \xE2\x80\x94 " + (path_.empty() || path_ == "-" ? name_ : base_name(path_));
    if (!view_.problem_lines().empty()) t += " (errors)";
    if (t == title_) return;
    title_ = t;
    glfwSetWindowTitle(window_, title_.c_str());
}

void Viewer::dump_state() {
    if (dump_path_.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    WindowState w;
    w.title = title_;
    w.file = path_;
    w.source = name_;
    w.watching = watch_.active();
    w.loads = loads_;
    w.theme = theme_ == ui::ThemeKind::Dark ? "dark" : "light";
    w.zoom = zoom_;
    w.pixel_ratio = ratio_;
    w.font_scale = ratio_ * zoom_;
    w.display_w = io.DisplaySize.x;
    w.display_h = io.DisplaySize.y;
    glfwGetFramebufferSize(window_, &w.framebuffer_w, &w.framebuffer_h);
    glfwGetWindowPos(window_, &w.window_x, &w.window_y);
    w.scroll = scroll_;
    w.scroll_max = scroll_max_;
    if (votes_) {
        w.votes_url = votes_->url();
        w.votes_comparison = live_.comparison;
        w.votes_error = live_.error;
        w.votes_fetches = live_.fetches;
    }
    std::string text = state_json(w, view_, &record_);
    if (text == last_dump_) return;
    if (!write_atomically(dump_path_, text))
        std::cerr << "versus: cannot write the state dump " << dump_path_ << "\n";
    last_dump_ = std::move(text);
}

// [SECTION] Viewer: the loop --------------------------------------------------------------------------

void Viewer::on_drop(GLFWwindow*, int count, const char** paths) {
    if (!g_viewer) return;
    for (int i = 0; i < count; ++i) g_viewer->dropped_.push_back(paths[i]);
}

// Keys go to ImGui's GLFW backend, with Left and Right swapped in a right-to-left widget (so that
// Right still moves to what is on the right: ui::Host::layout_key).
void Viewer::on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    if (g_viewer && g_viewer->host_.mirrored()) {
        if (key == GLFW_KEY_LEFT) key = GLFW_KEY_RIGHT;
        else if (key == GLFW_KEY_RIGHT) key = GLFW_KEY_LEFT;
    }
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void Viewer::on_refresh(GLFWwindow*) {
    if (g_viewer) g_viewer->refresh_ = true;
}

void Viewer::on_framebuffer_size(GLFWwindow*, int, int) {
    if (g_viewer) g_viewer->refresh_ = true;
}

int Viewer::run() {
    if (!opts_.votes.empty()) {
        std::string why;
        const std::optional<ServiceUrl> service = parse_service_url(opts_.votes, why);   // checked by the CLI
        if (service) votes_ = std::make_unique<LiveVotes>(*service, opts_.votes, opts_.votes_every, [] { glfwPostEmptyEvent(); });
    }
    if (!load_initial()) return kExitUsage;

    std::string why;
    window_ = create_gl_window(1100, 820, "versus", /*visible=*/true, why);
    if (!window_) {
        std::cerr << "versus: cannot open a window: " << why
                  << "\n(no display? `versus --validate FILE` works without one; "
                     "`versus --screenshot` under xvfb-run)\n";
        return kExitNoDisplay;
    }
    glfwSwapInterval(1);
    g_viewer = this;
    glfwSetDropCallback(window_, on_drop);
    glfwSetWindowRefreshCallback(window_, on_refresh);
    glfwSetFramebufferSizeCallback(window_, on_framebuffer_size);

    host_.make_current();   // the host made the context (no imgui.ini is written)
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    glfwSetKeyCallback(window_, on_key);   // in place of the backend's, which on_key calls
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ratio_ = pixel_ratio(window_);
    if (ratio_ <= 0) ratio_ = 1.0f;
    update_title();

    double busy_until = 0;
    while (!glfwWindowShouldClose(window_)) {
        double now = glfwGetTime();
        if (now < busy_until) glfwPollEvents();
        else if (watch_.active()) glfwWaitEventsTimeout(std::max(0.005, watch_.due_in(now)));
        else glfwWaitEvents();
        now = glfwGetTime();

        if (votes_) votes_->set_shown(!glfwGetWindowAttrib(window_, GLFW_ICONIFIED) && glfwGetWindowAttrib(window_, GLFW_VISIBLE));
        bool changed = check_file(now);
        if (take_votes()) changed = true;
        if (!dropped_.empty()) {
            // The first .json file of the drop (or the first file, whatever its name).
            const auto json = std::find_if(dropped_.begin(), dropped_.end(), is_json_name);
            open_dropped(json != dropped_.end() ? *json : dropped_.front());
            dropped_.clear();
            changed = true;
        }
        const bool input = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
        if (changed || input || refresh_) busy_until = now + 0.5;
        refresh_ = false;
        if (now >= busy_until) continue;   // nothing new: sleep again
        if (glfwGetWindowAttrib(window_, GLFW_ICONIFIED)) continue;
        frame();
    }

    g_viewer = nullptr;
    votes_.reset();   // stops the thread before the window (its wake-up) goes
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    destroy_gl_window(window_);   // the host's context goes with the viewer
    return kExitOk;
}

}  // namespace

// [SECTION] run_viewer --------------------------------------------------------------------------------

int run_viewer(const Options& opts) {
    Viewer viewer(opts);
    return viewer.run();
}

}  // namespace versus::desktop
