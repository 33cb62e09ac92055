// state_dump.hpp — `versus --dump-state FILE`: what the viewer shows, as a small JSON document.
//
// Why: the desktop tests (and anyone scripting the viewer) need to know what the window shows —
// which version of the payload, which errors, the theme, zoom, the reader's filters and votes,
// the scroll position — without reading pixels. The viewer writes the dump only when asked, and
// only after a frame that changed it (written to FILE.tmp, then renamed, so a reader never sees
// half a document).
#pragma once

#include "ui/view.hpp"

#include <string>

namespace versus::desktop {

// What the window adds to the view's own state.
struct WindowState {
    std::string title;            // the window title
    std::string file;             // the watched file; "" for the seed, "-" for standard input
    std::string source;           // the name in messages and the title
    bool watching = false;
    int loads = 0;                // payloads shown so far (the first load counts)
    std::string theme;            // "light" | "dark"
    float zoom = 1.0f;
    float pixel_ratio = 1.0f;     // device pixels per window coordinate
    float font_scale = 1.0f;      // the fonts are rasterised at this many pixels per logical px
    float display_w = 0, display_h = 0;   // logical pixels (window size / zoom)
    int framebuffer_w = 0, framebuffer_h = 0;
    int window_x = 0, window_y = 0;       // the window's position on the screen
    float scroll = 0, scroll_max = 0;
    // --votes: the service's URL ("" without --votes), the comparison asked for, the last error,
    // and how many answers came so far. The tallies themselves are the view's.
    std::string votes_url, votes_comparison, votes_error;
    int votes_fetches = 0;
};

// The dump: window state, the view's payload title, error lines, reader state, and the key drawn
// items of `record` (titles, tool names and figures, chips and vote buttons, each with its
// rectangle in logical pixels: window coordinates / zoom; `record` may be null).
std::string state_json(const WindowState& window, const ui::ComparisonView& view, const ui::FrameRecord* record);

// Writes `text` to `path` through `path`.tmp and a rename. Returns false on failure.
bool write_atomically(const std::string& path, const std::string& text);

}  // namespace versus::desktop
