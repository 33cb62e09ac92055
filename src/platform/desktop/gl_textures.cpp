// gl_textures.cpp — see gl_textures.hpp. OpenGL 1.1 entry points only (no loader needed).
#include "platform/desktop/gl_textures.hpp"

#include <GLFW/glfw3.h>   // with <GL/gl.h>

namespace versus::desktop {

std::uintptr_t GlTextures::create(int w, int h) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    // Texels land on device pixels; linear filtering only matters for colour emoji drawn smaller.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    return tex;
}

void GlTextures::update(std::uintptr_t texture, int x, int y, int w, int h, const std::uint8_t* rgba, int stride) {
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, stride / 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

void GlTextures::destroy(std::uintptr_t texture) {
    if (!glfwGetCurrentContext()) return;   // the window (and its textures) are gone already
    const GLuint tex = static_cast<GLuint>(texture);
    glDeleteTextures(1, &tex);
}

}  // namespace versus::desktop
