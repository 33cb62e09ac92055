// png.hpp — a small, dependency-free PNG writer for `versus --screenshot`.
//
// Why: the export needs one thing — RGB pixels to a PNG file — and no PNG library ships with
// Dear ImGui. This encoder filters each row (PNG filters 0–4, picked per row) and compresses with
// a one-block deflate (LZ77 over a 32 KiB window, fixed Huffman codes): screenshots of the widget,
// large flat areas and text, come out roughly as small as libpng's default settings make them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace versus::desktop {

// Encodes width × height pixels, 3 bytes (R, G, B) each, rows top to bottom, into a PNG file's
// bytes (8-bit truecolour, no alpha).
std::vector<std::uint8_t> encode_png(int width, int height, const std::uint8_t* rgb);

// encode_png() written to `path`. Returns false with a reason on failure.
bool write_png(const std::string& path, int width, int height, const std::uint8_t* rgb, std::string& why);

// The zlib stream (RFC 1950) of `data`, compressed with the encoder's deflate. Exposed for tests.
std::vector<std::uint8_t> zlib_compress(const std::uint8_t* data, std::size_t size);

}  // namespace versus::desktop
