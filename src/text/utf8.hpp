// utf8.hpp — one UTF-8 decoder for the text engine (layout and the engines).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace versus::text {

// The character at s[i] and its length in *len (≥ 1). A byte that does not start a well-formed
// sequence (a stray continuation byte, a truncated or overlong-free broken sequence) is one
// character of its own: U+FFFD, so that nothing is dropped and every byte is consumed.
inline std::uint32_t decode_utf8(std::string_view s, std::size_t i, std::size_t* len) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    *len = 1;
    if (n == 1) return b;
    if (n == 0 || i + static_cast<std::size_t>(n) > s.size()) return 0xFFFD;
    std::uint32_t c = n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (int k = 1; k < n; ++k) {
        const auto cb = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((cb & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (cb & 0x3Fu);
    }
    *len = static_cast<std::size_t>(n);
    return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c;
}

}  // namespace versus::text
