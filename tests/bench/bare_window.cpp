// bare_window.cpp — bench_window: the desktop baselines the viewer is measured against.
//
// Why this file exists: under Xvfb the OpenGL stack is Mesa's llvmpipe, whose start-up and
// memory (an LLVM JIT, shader compiles) are part of every figure the viewer gets. Two baselines
// separate that from what versus adds:
//   bench_window --dump-state FILE           a bare GLFW window with an OpenGL 3.3 core context,
//                                            cleared and swapped once;
//   bench_window --imgui --dump-state FILE   the same with an ImGui 1.90.1 hello-world window
//                                            (GLFW + OpenGL3 backends, the embedded ASCII Inter).
// Like `versus --dump-state FILE`, each writes FILE right after its first frame was swapped and
// then waits for events until it is ended (tests/bench/desktop_start.py times the spawn to FILE).
#include "ui/style.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    bool imgui = false;
    std::string dump;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--imgui")) {
            imgui = true;
        } else if (!std::strcmp(argv[i], "--dump-state") && i + 1 < argc) {
            dump = argv[++i];
        } else {
            std::fprintf(stderr, "usage: bench_window [--imgui] --dump-state FILE\n");
            return 2;
        }
    }
    glfwSetErrorCallback([](int code, const char* what) {
        std::fprintf(stderr, "bench_window: GLFW error %d: %s\n", code, what ? what : "?");
    });
    if (!glfwInit()) return 3;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1100, 820, "bench_window", nullptr, nullptr);
    if (!window) return 3;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    if (imgui) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        versus::ui::load_imgui_font(io);
    }
    bool first = true;
    while (!glfwWindowShouldClose(window)) {
        if (imgui) {
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            ImGui::Begin("Hello, world!");
            ImGui::Text("This is a Dear ImGui %s hello-world window.", IMGUI_VERSION);
            ImGui::End();
            ImGui::Render();
        }
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        if (imgui) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        if (first && !dump.empty()) {
            const std::string tmp = dump + ".tmp";
            if (FILE* f = std::fopen(tmp.c_str(), "w")) {
                std::fputs("{\"frames\": 1}\n", f);
                std::fclose(f);
                std::rename(tmp.c_str(), dump.c_str());
            }
        }
        first = false;
        glfwWaitEvents();
    }
    if (imgui) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
