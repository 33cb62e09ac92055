// webgl_renderer.hpp — draws ImGui's draw data into the widget's WebGL2 context.
//
// Dear ImGui's imgui_impl_opengl3 backs up and restores the GL state around every frame with about
// twenty glGetIntegerv / glIsEnabled calls, for apps that share their context with other drawing.
// In a browser each of those that Chromium cannot answer from its client-side cache is a
// synchronous round trip to the GPU process that waits for all the work queued before it: measured
// ~220 ms of the seed's first frame under SwiftShader, in versus_frame alone. The widget owns its
// context (nothing else draws in it), so this renderer sets the state it needs and reads nothing
// back. Same shaders, blending, projection and scissoring as imgui_impl_opengl3 (ES 3.0 path).
#pragma once

#include <GLES3/gl3.h>

struct ImDrawData;

namespace versus::web {

class WebGLRenderer {
public:
    // Shaders, buffers and ImGui's own atlas texture, in the current context (the ImGui context
    // current too). False when a shader fails to compile or link (printed).
    bool init();
    // Draws `dd` (its display rectangle × framebuffer scale: the canvas's device pixels) into the
    // canvas; the caller has set the viewport and cleared.
    void render(const ImDrawData* dd) const;
    // Deletes the GL objects (the context current).
    void shutdown();

private:
    GLuint program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, atlas_ = 0;
    GLint proj_ = -1, texture_ = -1;
};

}  // namespace versus::web
