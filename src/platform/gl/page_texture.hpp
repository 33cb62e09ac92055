// page_texture.hpp — a page of the text engine's glyph atlas as a GL texture, made the same way by
// both renderers: the desktop's OpenGL 3 (platform/desktop/gl_textures.cpp) and the web's WebGL2
// (platform/web/text_engine_web.cpp). Header-only: include it after the platform's GL header.
#pragma once

namespace versus::gl {

// An RGBA texture of w × h texels with no data yet (WebGL zero-fills it: a new page is
// transparent), left bound. Texels land on device pixels; linear filtering only matters for colour
// emoji drawn smaller than their bitmaps. Clamped, so no texel of a neighbour bleeds in.
inline GLuint new_page_texture(int w, int h) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    return tex;
}

}  // namespace versus::gl
