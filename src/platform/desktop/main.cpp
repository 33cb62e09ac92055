// main.cpp — the desktop viewer: `versus [FILE]` in a GLFW + OpenGL 3 window, and the CLI.
//
// Thin glue: the window, GL, input and the frame loop live here; everything drawn comes from
// src/ui (ComparisonView), everything read from src/model. The loop sleeps in glfwWaitEvents
// while nothing happens, so an idle viewer costs no CPU.
#include "model/payload.hpp"
#include "platform/desktop/cli.hpp"
#include "ui/style.hpp"
#include "ui/view.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>   // with <GL/gl.h> for glViewport/glClear

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <iostream>
#include <string>

extern char** environ;

namespace {

std::string g_glfw_error;

void on_glfw_error(int code, const char* what) {
    g_glfw_error = std::string(what ? what : "unknown error") + " (GLFW error " + std::to_string(code) + ")";
}

// Opens a URL in the desktop's browser without a shell (the URL was validated as http(s)).
void open_url(const std::string& url) {
    pid_t pid;
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
        std::fprintf(stderr, "versus: cannot open %s (xdg-open not found)\n", url.c_str());
}

float pixel_ratio(GLFWwindow* w) {
    int ww, wh, fw, fh;
    glfwGetWindowSize(w, &ww, &wh);
    glfwGetFramebufferSize(w, &fw, &fh);
    return ww > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace versus;
    auto opts = desktop::parse_args(argc, argv, std::cerr);
    if (!opts) return 2;
    switch (opts->mode) {
        case desktop::Options::Mode::Help: std::cout << desktop::usage_text(); return 0;
        case desktop::Options::Mode::Version: std::cout << "versus " VERSUS_VERSION "\n"; return 0;
        case desktop::Options::Mode::Validate: return desktop::run_validate(opts->files, std::cout, std::cerr);
        case desktop::Options::Mode::View: break;
    }

    // The payload: a file, standard input, or the built-in seed.
    std::string source = std::string(default_payload_name());
    std::string text(default_payload_text());
    if (!opts->files.empty()) {
        source = opts->files[0] == "-" ? "<stdin>" : opts->files[0];
        std::string why;
        if (!desktop::read_file(opts->files[0], text, why)) {
            std::cerr << "versus: cannot read " << source << ": " << why << "\n";
            return 2;
        }
    }
    ui::ComparisonView view;
    LoadResult loaded = load_payload(text);
    for (const Problem& p : loaded.problems) std::cerr << format_problem(source, p) << "\n";
    if (loaded.ok()) view.set_payload(std::move(*loaded.payload));
    view.set_problems(loaded.problems.empty() || loaded.ok() ? std::vector<Problem>{} : loaded.problems, source);
    view.host.open_url = open_url;

    // The window.
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        std::cerr << "versus: cannot open a window: " << g_glfw_error
                  << "\n(no display? `versus --validate FILE` works without one)\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    std::string title = "versus \xE2\x80\x94 " + (view.has_payload() ? view.payload().title : source);
    GLFWwindow* window = glfwCreateWindow(1100, 820, title.c_str(), nullptr, nullptr);
    if (!window) {
        std::cerr << "versus: cannot create an OpenGL 3.3 window: " << g_glfw_error << "\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // no imgui.ini litter in the working directory
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    const ui::Palette palette = ui::make_palette(opts->theme == "dark" ? ui::ThemeKind::Dark : ui::ThemeKind::Light);
    ui::apply_style(ImGui::GetStyle(), palette);
    float ratio = pixel_ratio(window);
    ui::Fonts fonts = ui::load_fonts(io, ratio);

    // Frames are drawn while something happens, and for a short while after (hover fades,
    // tooltips); then the loop sleeps until the next event.
    double busy_until = glfwGetTime() + 0.5;
    while (!glfwWindowShouldClose(window)) {
        if (glfwGetTime() > busy_until) glfwWaitEvents();
        else glfwPollEvents();
        if (glfwGetWindowAttrib(window, GLFW_ICONIFIED)) { busy_until = 0; continue; }

        float r = pixel_ratio(window);
        if (r != ratio && r > 0) {
            ratio = r;
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            fonts = ui::load_fonts(io, ratio);
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        view.draw(fonts, palette);
        ImGui::Render();
        int fw, fh;
        glfwGetFramebufferSize(window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette.background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseDown[0] ||
            io.InputQueueCharacters.Size > 0 || ImGui::IsAnyItemActive())
            busy_until = glfwGetTime() + 0.5;
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
