// screenshot.hpp — `versus --screenshot OUT.png`: the widget rendered off-screen to a PNG.
//
// Why: publishers need the comparison as an image (social cards, the fallback image of the web
// widget) made by the same drawing code as the window, without a window showing up. A hidden
// GLFW window provides the OpenGL context; the frame is drawn into a framebuffer object of
// exactly width × scale by height × scale device pixels, read back and written as PNG.
#pragma once

#include "platform/desktop/cli.hpp"

#include <iosfwd>

namespace versus::desktop {

// Renders opts.files[0] (or the seed) with opts.theme at opts.width × opts.height (0 = fit the
// content) logical pixels and opts.scale, into opts.screenshot. Messages go to `err`.
// Returns kExitOk, kExitInvalid (payload errors: printed, no image), kExitUsage (I/O) or
// kExitNoDisplay (no OpenGL context).
int run_screenshot(const Options& opts, std::ostream& err);

}  // namespace versus::desktop
