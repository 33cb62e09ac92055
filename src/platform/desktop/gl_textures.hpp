// gl_textures.hpp — the text engine's atlas pages as OpenGL textures (the desktop's TextureSink).
#pragma once

#include "platform/native/text_engine_native.hpp"

namespace versus::desktop {

// Needs the window's GL context current whenever the engine rasterises (during frames).
class GlTextures final : public text::TextureSink {
public:
    std::uintptr_t create(int w, int h) override;
    void update(std::uintptr_t texture, int x, int y, int w, int h, const std::uint8_t* rgba, int stride) override;
    void destroy(std::uintptr_t texture) override;
};

}  // namespace versus::desktop
