// gl_window.cpp — GLFW initialisation and the OpenGL 3.3 core context (see gl_window.hpp).
#include "platform/desktop/gl_window.hpp"

#include <GLFW/glfw3.h>

namespace versus::desktop {
namespace {

std::string g_last_error;

void on_glfw_error(int code, const char* what) {
    g_last_error = std::string(what ? what : "unknown error") + " (GLFW error " + std::to_string(code) + ")";
}

}  // namespace

GLFWwindow* create_gl_window(int width, int height, const char* title, bool visible, std::string& why) {
    glfwSetErrorCallback(on_glfw_error);
    g_last_error.clear();
    if (!glfwInit()) {
        why = g_last_error.empty() ? "GLFW cannot initialise" : g_last_error;
        return nullptr;
    }
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* w = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!w) {
        why = g_last_error.empty() ? "GLFW cannot create an OpenGL 3.3 core context" : g_last_error;
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(w);
    return w;
}

void destroy_gl_window(GLFWwindow* window) {
    if (window) glfwDestroyWindow(window);
    glfwTerminate();
}

}  // namespace versus::desktop
