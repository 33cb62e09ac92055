// hello.cpp — the baseline of the web benchmark (tests/bench/web/bench-web.mjs): a typical Dear
// ImGui 1.90.1 web app, as the examples and most tutorials build it. One window with a text line
// and a button, Emscripten's GLFW emulation (-sUSE_GLFW=3) + WebGL2 through imgui_impl_glfw and
// imgui_impl_opengl3, the default ProggyClean font, emscripten_set_main_loop (requestAnimationFrame:
// it draws every frame, ~60 a second), and nlohmann::json parsing a tiny document. Built with the
// same compile and link flags as versus-core (VERSUS_WEB_COMMON_LINK_FLAGS, cmake/bench_web.cmake).
//
// When its first frame is drawn it sets globalThis.__helloFirstFrame = performance.now() and logs
// it; hello.html turns that into milliseconds since its script started (like versus-ready's
// detail.firstFrameMs).
#include <emscripten.h>
#include <GLFW/glfw3.h>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

#include <string>

namespace {

GLFWwindow* window = nullptr;
std::string greeting;
int clicks = 0;
bool first = true;

void frame() {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();

  ImGui::Begin("Hello, world!");
  ImGui::Text("%s (%d clicks)", greeting.c_str(), clicks);
  if (ImGui::Button("Click me")) ++clicks;
  ImGui::End();

  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.45f, 0.55f, 0.60f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window);

  if (first) {
    first = false;
    EM_ASM({
      globalThis.__helloFirstFrame = performance.now();
      console.log('hello: first frame at ' + globalThis.__helloFirstFrame.toFixed(1) + ' ms');
    });
  }
}

}  // namespace

int main() {
  const nlohmann::json doc = nlohmann::json::parse(R"({"greeting": "Hello from nlohmann::json"})", nullptr, false);
  greeting = doc.is_object() && doc.contains("greeting") && doc["greeting"].is_string()
                 ? doc["greeting"].get<std::string>() : std::string("parse failed");

  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  window = glfwCreateWindow(1280, 720, "hello", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplGlfw_InstallEmscriptenCanvasResizeCallback("#canvas");
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
