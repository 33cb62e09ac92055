// core.cpp — the web core: the comparison view behind one <versus-widget>, driven from JavaScript.
//
// Why it looks like this: the browser page belongs to the publisher. Emscripten's GLFW emulation
// listens to keys on the whole window and knows nothing of devicePixelRatio, so it is not used.
// Instead web/versus.js owns the canvas (inside the element's shadow root), listens to that
// canvas only, decides when to draw, and calls the plain C functions below. Each widget is its own
// instance of this module (one compiled WebAssembly module, many instances), so the state here is
// simply file-scope: one view, one ImGui context, one WebGL2 context per instance.
//
// Coordinates are CSS pixels (ImGui's logical pixels) from the top of the widget's content. The
// view is laid out at its full content height, but the canvas may hold only a slice of it (the
// part near the viewport, see versus.js): the draw data is translated to that slice before it is
// rendered, so a very tall widget stays sharp at any devicePixelRatio without a canvas taller than
// WebGL allows. Text is the browser's own (BrowserTextEngine: the page's text engine and fonts,
// rasterised per line at the device pixel ratio); only the lines inside the slice are rasterised.
//
// Without WebGL (disabled, blocked, or the context could not be created) the instance still
// loads payloads and answers versus_rendition_json(): the element then shows its HTML rendition.
//
// Index
//  [SECTION] Instance state
//  [SECTION] JavaScript hooks (EM_JS)
//  [SECTION] Set-up, theme, size, payload
//  [SECTION] Input
//  [SECTION] Frame
//  [SECTION] Reader state: votes, filters, rendition
//  [SECTION] What was drawn (tests)
//  [SECTION] Teardown
#include "model/payload.hpp"
#include "model/tallies.hpp"
#include "platform/web/text_engine_web.hpp"
#include "platform/web/webgl_renderer.hpp"
#include "present/rendition.hpp"
#include "present/words.hpp"
#include "ui/host.hpp"
#include "ui/palette_css.hpp"
#include "ui/style.hpp"
#include "ui/view.hpp"

#include <imgui.h>
#include <imgui_internal.h>   // GImGui->InputEventsQueue (input still waiting), nav rectangle

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace versus;

// [SECTION] Instance state --------------------------------------------------------------------

// After an input event, frames keep coming this long: hover fades, the tooltip delay
// (HoverStationaryDelay + HoverDelayShort ≈ 0.3 s), keyboard-nav highlight.
constexpr double kBusyAfterInputMs = 600.0;
// ...and, however slow the frames are, for this many frames after ImGui has taken the last queued
// input: ImGui trickles a fast click over several frames (a tap needs three: move, press,
// release), and what a click changed is drawn a frame later.
constexpr int kFramesAfterInput = 3;
// Rows beyond the slice's edges that are still rasterised (a line straddling an edge) and laid
// out by a first frame of the rows in view (versus_frame bit 1).
constexpr float kRowMargin = 64.0f;

struct Core {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;   // 0: no WebGL, text-only instance (rendition only)
    // The browser's text engine (web/src/text.js) and the host around the view (ImGui context,
    // text layout, fonts, palette). Both exist without WebGL too (payloads, rendition).
    std::unique_ptr<web::BrowserTextEngine> text;
    std::unique_ptr<ui::Host> host;
    web::WebGLRenderer renderer;   // draws ImGui's draw data; reads no GL state back
    ui::ThemeKind theme = ui::ThemeKind::Light;
    ImU32 accent = 0;            // 0: the theme's own accent
    float css_w = 1, layout_h = 1, dpr = 1;   // the view's logical size (full content height)
    float slice_top = 0, slice_h = 1;         // the part of it the canvas holds
    int fb_w = 1, fb_h = 1;                   // the canvas's drawing buffer
    double last_frame_ms = 0;    // emscripten_get_now() of the previous frame
    double busy_until_ms = 0;    // frame() asks for more frames until then
    int input_frames = 0;        // frames still wanted once the input queue is empty
    int settle_frames = 0;       // frames still wanted after a layout change (ImGui measures a frame late)
    std::vector<std::string> problem_lines;   // of the last set_payload(), --validate format
    std::vector<Problem> problems;            // the same, for the error card in the widget's language
    std::string problem_source;
    ui::FrameRecord record;      // what the last frame drew, while recording is on (tests)
    std::string host_lang;       // the page's language (versus_set_host_lang)
    std::string json;            // the last JSON handed out (record, rendition); valid until the next
    float nav_rect[5] = {0, 0, 0, 0, 0};      // versus_nav_rect(): shown?, x0, y0, x1, y1
};

Core* g = nullptr;

void keep_busy() {
    g->busy_until_ms = std::max(g->busy_until_ms, emscripten_get_now() + kBusyAfterInputMs);
    g->input_frames = kFramesAfterInput;
}

bool has_gl() { return g && g->gl > 0; }

// [SECTION] JavaScript hooks (EM_JS) ----------------------------------------------------------

// Registers this instance's canvas (Module.canvas, given to createVersusCore by versus.js) under a
// special target name: the canvas lives in a shadow root, where document.querySelector can't see it.
EM_JS(void, versus_js_bind_canvas, (), {
    specialHTMLTargets["!versus-canvas"] = Module["canvas"];
});

// Opens a link of the payload (already validated as http/https): versus.js may take it over
// (Module.onOpenUrl), otherwise a new tab without access to this page.
EM_JS(void, versus_js_open_url, (const char* url), {
    var u = UTF8ToString(url);
    if (Module["onOpenUrl"]) Module["onOpenUrl"](u);
    else window.open(u, "_blank", "noopener");
});

// The reader cast (1 ship, 2 skip) or took back (0) their vote on a tool. Called during a frame:
// versus.js queues it and tells the page once the frame is done.
EM_JS(void, versus_js_vote, (const char* tool, int verdict), {
    if (Module["onVote"]) Module["onVote"](UTF8ToString(tool), verdict);
});

// The license filters changed: the `versus-filter` detail as JSON (filter_json()).
EM_JS(void, versus_js_filter, (const char* json), {
    if (Module["onFilter"]) Module["onFilter"](UTF8ToString(json));
});

void open_url(const std::string& url) { versus_js_open_url(url.c_str()); }

void on_vote(const std::string& tool, std::optional<Verdict> verdict) {
    versus_js_vote(tool.c_str(), !verdict ? 0 : *verdict == Verdict::Ship ? 1 : 2);
}

void on_filter(const LicenseFilter& filter, int shown, int total) {
    versus_js_filter(present::filter_json(g->host->view.payload(), filter, shown, total, g->host->view.words()).c_str());
}

void connect_host() {
    g->host->view.host.open_url = open_url;
    g->host->view.host.on_vote = on_vote;
    g->host->view.host.on_filter = on_filter;
    // The element grows to its content, so the window never scrolls: a scrollbar must not take
    // width (it would show for a frame after every resize and make the height flip).
    g->host->view.scrollbar = false;
}

// [SECTION] Set-up, theme, size, payload -------------------------------------------------------

void apply_style() {
    g->host->set_theme(g->theme, g->accent);
    g->settle_frames = std::max(g->settle_frames, 1);
}

const ui::Palette& palette() { return g->host->palette(); }

// Votes as versus.js hands them over: one "ship ID" or "skip ID" per line. Votes on tools the
// payload doesn't have are dropped.
ReaderVotes parse_vote_lines(const char* lines) {
    ReaderVotes votes;
    std::string_view rest = lines ? lines : "";
    while (!rest.empty()) {
        const size_t end = std::min(rest.find('\n'), rest.size());
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line.size() < 6 || line[4] != ' ') continue;
        const std::string_view verdict = line.substr(0, 4), id = line.substr(5);
        if (verdict != "ship" && verdict != "skip") continue;
        for (const Tool& t : g->host->view.payload().tools)
            if (t.id == id) votes[t.id] = verdict == "ship" ? Verdict::Ship : Verdict::Skip;
    }
    return votes;
}

}  // namespace

extern "C" {

// Creates the instance: WebGL2 on Module.canvas, ImGui and the view. css_w/css_h: the canvas's
// CSS size; dpr: devicePixelRatio; theme: 0 light, 1 dark. Returns 1 when it can draw, 0 when
// WebGL2 is unavailable: the instance then works without drawing (payloads, rendition, votes).
EMSCRIPTEN_KEEPALIVE int versus_init(float css_w, float css_h, float dpr, int theme) {
    if (g) return has_gl() ? 1 : 0;
    g = new Core();
    g->theme = theme == 1 ? ui::ThemeKind::Dark : ui::ThemeKind::Light;
    g->css_w = std::max(css_w, 1.0f);
    g->layout_h = g->slice_h = std::max(css_h, 1.0f);
    g->dpr = std::clamp(dpr, 0.5f, 6.0f);

    versus_js_bind_canvas();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;          // the widget paints its own opaque background
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;      // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = true;
    attrs.preserveDrawingBuffer = false;
    attrs.enableExtensionsByDefault = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("!versus-canvas", &attrs);
    if (gl > 0) {
        emscripten_webgl_make_context_current(gl);
        g->gl = gl;
    }
    IMGUI_CHECKVERSION();
    g->text = std::make_unique<web::BrowserTextEngine>();
    g->host = std::make_unique<ui::Host>(*g->text, ImVec2(g->css_w, g->layout_h), g->dpr, g->theme);
    connect_host();
    apply_style();
    if (!has_gl()) return 0;

    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "versus_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    g->renderer.init();
    g->last_frame_ms = emscripten_get_now();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void versus_set_theme(int theme) {
    if (!g) return;
    g->theme = theme == 1 ? ui::ThemeKind::Dark : ui::ThemeKind::Light;
    apply_style();
}

// The accent colour, "#rrggbb" or "#rgb"; anything else (or "") restores the theme's own.
EMSCRIPTEN_KEEPALIVE void versus_set_accent(const char* hex) {
    if (!g) return;
    g->accent = ui::parse_hex_colour(hex);
    apply_style();
}

// The view's logical size and the slice of it the canvas holds, all in CSS pixels:
// css_w × layout_h is the whole widget (layout_h = its content height), the canvas shows the rows
// slice_top .. slice_top + slice_h. scale: the device pixels per CSS pixel the fonts are rasterised
// for (devicePixelRatio, or less when even a slice would exceed WebGL's limits). The drawing
// buffer was sized by versus.js: it is read back, so the viewport always matches what the browser
// really allocated.
EMSCRIPTEN_KEEPALIVE void versus_resize(float css_w, float layout_h, float slice_top, float slice_h, float scale) {
    if (!has_gl()) return;
    g->css_w = std::max(css_w, 1.0f);
    g->layout_h = std::max(layout_h, 1.0f);
    g->slice_top = std::max(slice_top, 0.0f);
    g->slice_h = std::max(slice_h, 1.0f);
    int w = 0, h = 0;
    if (emscripten_webgl_get_drawing_buffer_size(g->gl, &w, &h) != EMSCRIPTEN_RESULT_SUCCESS || w <= 0 || h <= 0) {
        w = static_cast<int>(std::lround(g->css_w * scale));
        h = static_cast<int>(std::lround(g->slice_h * scale));
    }
    g->fb_w = std::max(1, w);
    g->fb_h = std::max(1, h);
    g->settle_frames = std::max(g->settle_frames, 2);
    // Text pages sized from the canvas; a new ratio re-rasterises every line for it; only the
    // lines inside the slice (with a line of margin) are rasterised.
    g->dpr = std::clamp(scale, 0.5f, 6.0f);
    g->text->set_canvas_size(g->fb_w, g->fb_h);
    g->host->set_pixel_ratio(g->dpr);
    g->host->set_size(ImVec2(g->css_w, g->layout_h));
    g->host->layout().set_visible(g->slice_top - kRowMargin, g->slice_top + g->slice_h + kRowMargin);
}

// Parses and validates `len` bytes of payload text. `source` names it in the problem lines (the
// file name, as `versus --validate` would print it). Returns 1 when the payload is shown, 0 when
// it has errors (the view then keeps nothing half-drawn). Either way the problems (warnings too)
// are available through versus_problem_count() / versus_problem().
EMSCRIPTEN_KEEPALIVE int versus_set_payload(const char* text, int len, const char* source) {
    if (!g) return 0;
    LoadResult r = load_payload(std::string_view(text, static_cast<std::size_t>(std::max(len, 0))));
    const std::string name = source ? source : "";
    g->problem_lines.clear();
    for (const Problem& p : r.problems) g->problem_lines.push_back(format_problem(name, p));
    g->problems = r.problems;
    g->problem_source = name;
    if (r.ok()) {
        // (The widget's language and direction follow the view's words: ui::Host::begin_frame.)
        g->host->view.set_payload(std::move(*r.payload));
    } else {
        const std::string host_lang = g->host_lang;
        g->host->view = ui::ComparisonView();   // never a payload half-way
        connect_host();
        g->host->view.set_host_language(host_lang);
        g->host->view.set_problems(r.problems, name);
    }
    g->settle_frames = std::max(g->settle_frames, 2);
    return r.ok() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int versus_problem_count() { return g ? static_cast<int>(g->problem_lines.size()) : 0; }

// One problem line (UTF-8, valid until the next versus_set_payload), or "" out of range.
EMSCRIPTEN_KEEPALIVE const char* versus_problem(int i) {
    if (!g || i < 0 || i >= static_cast<int>(g->problem_lines.size())) return "";
    return g->problem_lines[static_cast<std::size_t>(i)].c_str();
}

// The problems as the error card shows them, in the widget's language (present::problem_text):
// [{"head": "Fehler (seed.json, Zeile 3, Spalte 5)", "detail": "/tools/0/name: expected a string"}].
EMSCRIPTEN_KEEPALIVE const char* versus_problems_json() {
    if (!g) return "[]";
    std::string& out = g->json;
    out = "[";
    for (const Problem& p : g->problems) {
        const present::ProblemText t = present::problem_text(p, g->problem_source, g->host->view.words());
        if (out.size() > 1) out += ',';
        out += "{\"head\":";
        present::append_json_string(out, t.head);
        out += ",\"detail\":";
        present::append_json_string(out, t.detail);
        out += '}';
    }
    out += ']';
    return out.c_str();
}

// [SECTION] Input -------------------------------------------------------------------------------
// Positions are CSS pixels from the top-left of the widget's content (not of the canvas slice).
// pointer_type: 0 mouse, 1 touch, 2 pen. button: DOM numbering (0 left, 1 middle, 2 right).

static int imgui_button(int dom_button) { return dom_button == 1 ? 2 : dom_button == 2 ? 1 : dom_button; }

static void pointer_source(int pointer_type) {
    ImGui::GetIO().AddMouseSourceEvent(pointer_type == 1   ? ImGuiMouseSource_TouchScreen
                                       : pointer_type == 2 ? ImGuiMouseSource_Pen
                                                           : ImGuiMouseSource_Mouse);
}

EMSCRIPTEN_KEEPALIVE void versus_pointer_move(float x, float y, int pointer_type) {
    if (!has_gl()) return;
    pointer_source(pointer_type);
    ImGui::GetIO().AddMousePosEvent(x, y);
    keep_busy();
}

// A button pressed or released at (x, y), as ImGui wants it: the position first.
static void pointer_button(float x, float y, int button, int pointer_type, bool down) {
    if (!has_gl()) return;
    const int b = imgui_button(button);
    if (b < 0 || b >= ImGuiMouseButton_COUNT) return;
    ImGuiIO& io = ImGui::GetIO();
    pointer_source(pointer_type);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(b, down);
    keep_busy();
}

EMSCRIPTEN_KEEPALIVE void versus_pointer_down(float x, float y, int button, int pointer_type) {
    pointer_button(x, y, button, pointer_type, true);
}

EMSCRIPTEN_KEEPALIVE void versus_pointer_up(float x, float y, int button, int pointer_type) {
    pointer_button(x, y, button, pointer_type, false);
}

// The pointer left the widget (or the touch ended): nothing is hovered any more.
EMSCRIPTEN_KEEPALIVE void versus_pointer_leave() {
    if (!has_gl()) return;
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    keep_busy();
}

// The browser took the pointer over (a touch became a page scroll): buttons are released away
// from every item, so the gesture clicks nothing.
EMSCRIPTEN_KEEPALIVE void versus_pointer_cancel() {
    if (!has_gl()) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) io.AddMouseButtonEvent(b, false);   // no-op when up
    keep_busy();
}

// The keys versus.js forwards, by index in its KEYS table (same order).
static const ImGuiKey kKeys[] = {
    ImGuiKey_Tab, ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
    ImGuiKey_PageUp, ImGuiKey_PageDown, ImGuiKey_Home, ImGuiKey_End, ImGuiKey_Enter,
    ImGuiKey_Space, ImGuiKey_Escape, ImGuiKey_Backspace, ImGuiKey_Delete, ImGuiKey_Insert,
};

// A key went down or up while the widget has focus. mods: bit 0 Ctrl, 1 Shift, 2 Alt, 3 Meta.
// Returns 1 when the widget used the key (JS then calls preventDefault), 0 to let the page have it.
// Tab is never taken: focus must be able to leave the widget.
EMSCRIPTEN_KEEPALIVE int versus_key(int key, int down, int mods) {
    if (!has_gl() || key < 0 || key >= static_cast<int>(sizeof(kKeys) / sizeof(kKeys[0]))) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
    const ImGuiKey k = g->host->layout_key(kKeys[key]);   // Left and Right swap in a mirrored widget
    if (k == ImGuiKey_Tab) return 0;
    io.AddKeyEvent(k, down != 0);
    keep_busy();
    // Arrows move between the widget's items and Enter/Space activate one: those are the widget's
    // while it has focus. Page keys (PageUp/Down, Home, End) still scroll the page: the widget
    // never scrolls itself.
    const bool nav_key = k == ImGuiKey_LeftArrow || k == ImGuiKey_RightArrow || k == ImGuiKey_UpArrow ||
                         k == ImGuiKey_DownArrow || k == ImGuiKey_Enter || k == ImGuiKey_Space;
    return io.NavActive && nav_key ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void versus_text(unsigned codepoint) {
    if (!has_gl()) return;
    ImGui::GetIO().AddInputCharacter(codepoint);
    keep_busy();
}

EMSCRIPTEN_KEEPALIVE void versus_focus(int focused) {
    if (!has_gl()) return;
    ImGui::GetIO().AddFocusEvent(focused != 0);
    keep_busy();
}

// [SECTION] Frame ---------------------------------------------------------------------------------

// Lays out the whole widget and draws the current slice of it into the canvas. `flags` bit 0
// (draw): 0 lays out only (the element learns the content's height before it sizes the canvas
// for the first frame; the lines are still rasterised, so the frame drawn next reuses them).
// Bit 1 (rows in view): no section that starts below the slice (and a margin) is laid out, for
// a first frame whose slice is the rows in view (versus.js #bandRows); the content's height is
// then only what was laid out. Returns bit 0 when more frames are wanted soon (recent input:
// hover fades, tooltip delay, an active item; or a layout still settling), bit 1 when sections
// were left out.
EMSCRIPTEN_KEEPALIVE int versus_frame(int flags) {
    const bool draw = (flags & 1) != 0;
    if (!has_gl()) return 0;
    emscripten_webgl_make_context_current(g->gl);
    g->host->make_current();
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_get_now();
    io.DeltaTime = static_cast<float>(std::clamp((now - g->last_frame_ms) / 1000.0, 1e-4, 0.1));
    g->last_frame_ms = now;

    // The lines rasterised during the frame reach their texture pages before they are drawn
    // (Host::end_frame: the engine's end_frame). A full atlas was reset meanwhile: one more frame
    // draws every line again.
    // The atlas filled up during the frame: lines shaped before the reset point at texels that are
    // gone, so the frame is built again at once (the atlas now has room) rather than shown.
    bool again = false;
    g->host->view.lay_out_until = (flags & 2) != 0 ? g->slice_top + g->slice_h + kRowMargin : 0.0f;
    ImDrawData* dd = g->host->frame(&again);
    if (again) dd = g->host->frame(&again);
    g->host->view.lay_out_until = 0.0f;
    const bool partial = g->host->view.partial();
    if (again) g->settle_frames = std::max(g->settle_frames, 1);

    // Only the slice: the draw data's display rectangle moves to it, so the projection and the
    // scissor rectangles of the backend map those rows onto the canvas (the rest is clipped).
    dd->DisplayPos = ImVec2(0.0f, g->slice_top);
    dd->DisplaySize = ImVec2(g->css_w, g->slice_h);
    dd->FramebufferScale = ImVec2(static_cast<float>(g->fb_w) / g->css_w, static_cast<float>(g->fb_h) / g->slice_h);
    if (draw) {
        glViewport(0, 0, g->fb_w, g->fb_h);
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette().background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        g->renderer.render(dd);
    }

    // Where the keyboard focus is (versus.js scrolls the page to keep it in view).
    const ImGuiContext& ctx = *GImGui;
    ImGuiWindow* nav = ctx.NavWindow;
    const bool shown = nav && ctx.NavId != 0 && !ctx.NavDisableHighlight && ctx.NavIdIsAlive;
    g->nav_rect[0] = shown ? 1.0f : 0.0f;
    if (shown) {
        const ImRect r = ImGui::WindowRectRelToAbs(nav, nav->NavRectRel[ctx.NavLayer]);
        g->nav_rect[1] = r.Min.x;
        g->nav_rect[2] = r.Min.y;
        g->nav_rect[3] = r.Max.x;
        g->nav_rect[4] = r.Max.y;
    }

    bool more = now < g->busy_until_ms || ImGui::IsAnyItemActive();
    if (!ctx.InputEventsQueue.empty()) {
        more = true;                       // input ImGui has not taken yet (trickled to next frames)
    } else if (g->input_frames > 0) {
        --g->input_frames;
        more = true;
    }
    if (g->settle_frames > 0) {
        --g->settle_frames;
        more = true;
    }
    return (more ? 1 : 0) | (partial ? 2 : 0);
}

// Fonts changed (a face the page registered finished loading, or the element's font-family
// changed; versus.js has told the text engine): every measured width and rasterised line goes.
EMSCRIPTEN_KEEPALIVE void versus_fonts_changed() {
    if (!has_gl()) return;
    emscripten_webgl_make_context_current(g->gl);
    g->text->fonts_changed();
    g->host->text_changed();
    g->settle_frames = std::max(g->settle_frames, 2);
}

// The largest drawing-buffer side this WebGL implementation renders (MAX_VIEWPORT_DIMS and
// MAX_RENDERBUFFER_SIZE): versus.js keeps the canvas within it.
EMSCRIPTEN_KEEPALIVE int versus_max_drawing_buffer() {
    if (!has_gl()) return 0;
    GLint dims[2] = {0, 0}, rb = 0;
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    return std::min({dims[0], dims[1], rb});
}

// Height in CSS pixels the content needed in the last frame (the element sizes itself to it).
EMSCRIPTEN_KEEPALIVE float versus_content_height() { return g ? g->host->view.content_height() : 0.0f; }

// The mouse cursor for the last frame (ImGuiMouseCursor: 0 arrow, 1 text, 7 hand, ...).
EMSCRIPTEN_KEEPALIVE int versus_mouse_cursor() {
    if (!has_gl()) return 0;
    return static_cast<int>(ImGui::GetMouseCursor());
}

// The keyboard focus of the last frame: [shown (0/1), x0, y0, x1, y1] in content CSS pixels.
EMSCRIPTEN_KEEPALIVE const float* versus_nav_rect() {
    static const float none[5] = {0, 0, 0, 0, 0};
    return g ? g->nav_rect : none;
}

// [SECTION] Reader state: votes, filters, rendition --------------------------------------------------

// Replaces the reader's votes, e.g. restored from localStorage: one "ship ID" or "skip ID" per
// line. Votes on tools the payload doesn't have are dropped.
EMSCRIPTEN_KEEPALIVE void versus_set_votes(const char* lines) {
    if (!g) return;
    g->host->view.set_votes(parse_vote_lines(lines));
    g->settle_frames = std::max(g->settle_frames, 1);
}

// Live tallies from the vote service (votes="..."): `tallies` is the service's answer to GET
// .../tallies (possibly patched by vote answers), `counted` the reader's votes as the service
// holds them, one "ship ID" or "skip ID" per line. The community figures then count every
// reader's votes and this reader's own vote once (model/tallies.hpp). An empty `tallies` drops
// them (back to the payload's counts + the reader's vote). Returns 1; 0 when the tallies can't be
// read (the reason goes to the console, the figures stay as they were).
EMSCRIPTEN_KEEPALIVE int versus_set_tallies(const char* tallies, const char* counted) {
    if (!g || !g->host->view.has_payload()) return 0;
    std::string_view text = tallies ? tallies : "";
    if (text.empty()) {
        g->host->view.set_tallies(std::nullopt);
        g->settle_frames = std::max(g->settle_frames, 1);
        return 1;
    }
    std::string error;
    std::optional<Tallies> parsed = parse_tallies(text, g->host->view.payload().id, error);
    if (!parsed) {
        std::fprintf(stderr, "the vote service's tallies can't be used: %s\n", error.c_str());
        return 0;
    }
    g->host->view.set_tallies(std::move(parsed), parse_vote_lines(counted));
    g->settle_frames = std::max(g->settle_frames, 1);
    return 1;
}

// The payload's title ("" without one): what the element needs of the comparison before its first
// frame (the reader's stored votes are kept under it), without building the whole rendition.
EMSCRIPTEN_KEEPALIVE const char* versus_title() {
    if (!g || !g->host->view.has_payload()) return "";
    return g->host->view.payload().title.c_str();
}

// The comparison for the element's HTML rendition (rendition.hpp), with the reader's votes and
// the current palette. Valid until the next call that returns JSON.
EMSCRIPTEN_KEEPALIVE const char* versus_rendition_json() {
    if (!g || !g->host->view.has_payload()) return "null";
    g->json = present::rendition_json(g->host->view.payload(), g->host->view.figures(), g->host->view.words(), ui::palette_json(palette()));
    return g->json.c_str();
}

// The current palette alone (also before any payload): {"background":"#rrggbb", ...}.
EMSCRIPTEN_KEEPALIVE const char* versus_palette_json() {
    if (!g) return "{}";
    g->json = ui::palette_json(palette());
    return g->json.c_str();
}

// [SECTION] Language ---------------------------------------------------------------------------------
// The element tells the core the page's language (the element's or its nearest ancestor's `lang`);
// the payload's `lang` comes first (present/words.hpp). English is built in; another language's
// words arrive as dist/i18n/<lang>.json, which the element fetches when versus_wanted_lang() names
// a language the core does not speak yet.

EMSCRIPTEN_KEEPALIVE void versus_set_host_lang(const char* tag) {
    if (!g) return;
    g->host_lang = tag ? tag : "";
    g->host->view.set_host_language(g->host_lang);
    g->settle_frames = std::max(g->settle_frames, 1);
}

// Adds a translation document; returns "" or the reason it was refused. The view speaks it at once
// if it is the language wanted.
EMSCRIPTEN_KEEPALIVE const char* versus_add_translation(const char* json) {
    if (!g) return "";
    g->json = present::catalogue().add(json ? json : "");
    g->host->view.refresh_words();
    g->settle_frames = std::max(g->settle_frames, 2);
    return g->json.c_str();
}

// The language the widget would speak ("de") and the one it speaks now (differs until its
// translation is added).
EMSCRIPTEN_KEEPALIVE const char* versus_wanted_lang() { return g ? g->host->view.words().wanted().c_str() : "en"; }
EMSCRIPTEN_KEEPALIVE const char* versus_lang() { return g ? g->host->view.words().lang().c_str() : "en"; }

// The words around the canvas (error card title, loading line, labels), with lang and dir.
EMSCRIPTEN_KEEPALIVE const char* versus_chrome_json() {
    if (!g) return "{}";
    g->json = present::chrome_json(g->host->view.words());
    return g->json.c_str();
}

// [SECTION] What was drawn (tests) -----------------------------------------------------------------
// Lets a browser test find things by what they are ("quote.more", "tool.link") instead of by
// pixel positions that move whenever the layout changes. Off by default: a normal frame records
// nothing.

EMSCRIPTEN_KEEPALIVE void versus_record(int on) {
    if (!g) return;
    g->record.clear();
    g->host->view.record = on ? &g->record : nullptr;
}

// The items of the last recorded frame as JSON: [{"role","text","x0","y0","x1","y1"}], CSS pixels
// from the top-left of the widget's content. Valid until the next call that returns JSON.
EMSCRIPTEN_KEEPALIVE const char* versus_record_json() {
    if (!g) return "[]";
    std::string& out = g->json;
    out = "[";
    for (const ui::DrawnItem& it : g->record.items) {
        if (out.size() > 1) out += ',';
        out += "{\"role\":";
        present::append_json_string(out, it.role);
        out += ",\"text\":";
        present::append_json_string(out, it.text);
        char nums[160];
        std::snprintf(nums, sizeof nums, ",\"x0\":%.2f,\"y0\":%.2f,\"x1\":%.2f,\"y1\":%.2f}",
                      it.min.x, it.min.y, it.max.x, it.max.y);
        out += nums;
    }
    out += ']';
    return out.c_str();
}

// [SECTION] Teardown --------------------------------------------------------------------------------

// Frees everything the instance holds (the element was removed from the page): ImGui, its GL
// objects, the WebGL context's slot. versus.js then loses the context and drops the module, whose
// memory the browser collects.
EMSCRIPTEN_KEEPALIVE void versus_destroy() {
    if (!g) return;
    if (has_gl()) {
        emscripten_webgl_make_context_current(g->gl);
        g->host->make_current();
        g->renderer.shutdown();
    }
    g->host.reset();   // the ImGui context; the engine outlives its host
    g->text.reset();   // its textures, while the WebGL context is current
    if (has_gl()) {
        emscripten_webgl_make_context_current(0);
        emscripten_webgl_destroy_context(g->gl);
    }
    delete g;
    g = nullptr;
}

}  // extern "C"
