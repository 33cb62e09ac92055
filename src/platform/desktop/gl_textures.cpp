// gl_textures.cpp — see gl_textures.hpp. OpenGL 1.1 entry points only (no loader needed).
#include "platform/desktop/gl_textures.hpp"

#include <GLFW/glfw3.h>   // with <GL/gl.h>

#include "platform/gl/page_texture.hpp"

namespace versus::desktop {

std::uintptr_t GlTextures::create(int w, int h) { return gl::new_page_texture(w, h); }

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
