// gl_window.hpp — one place that asks GLFW for an OpenGL 3.3 core context, for the viewer's
// window and for the hidden window behind `--screenshot`, with GLFW's own reason on failure.
#pragma once

#include <string>

struct GLFWwindow;

namespace versus::desktop {

// Initialises GLFW (once) and creates a window with an OpenGL 3.3 core context, made current.
// Returns nullptr with the reason in `why` (e.g. "X11: The DISPLAY environment variable is
// missing (GLFW error 65544)").
GLFWwindow* create_gl_window(int width, int height, const char* title, bool visible, std::string& why);

// Destroys the window and terminates GLFW.
void destroy_gl_window(GLFWwindow* window);

}  // namespace versus::desktop
