// png.cpp — PNG (RFC 2083) with a small deflate (RFC 1951) inside a zlib stream (RFC 1950).
//
// Index
//  [SECTION] Checksums
//  [SECTION] Deflate: LZ77 + fixed Huffman codes
//  [SECTION] PNG: row filters and chunks
#include "platform/desktop/png.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace versus::desktop {
namespace {

// [SECTION] Checksums -------------------------------------------------------------------------------

std::uint32_t crc32(const std::uint8_t* p, std::size_t n, std::uint32_t crc = 0) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::uint32_t adler32(const std::uint8_t* p, std::size_t n) {
    std::uint32_t a = 1, b = 0;
    while (n > 0) {
        const std::size_t chunk = std::min<std::size_t>(n, 5552);   // no overflow before the modulo
        for (std::size_t i = 0; i < chunk; ++i) { a += p[i]; b += a; }
        a %= 65521; b %= 65521;
        p += chunk; n -= chunk;
    }
    return (b << 16) | a;
}

// [SECTION] Deflate: LZ77 + fixed Huffman codes -------------------------------------------------------

class BitWriter {
public:
    explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
    // Appends the n low bits of v, least significant first (deflate's order for everything but
    // Huffman codes).
    void bits(std::uint32_t v, int n) {
        acc_ |= static_cast<std::uint64_t>(v) << count_;
        count_ += n;
        while (count_ >= 8) { out_.push_back(static_cast<std::uint8_t>(acc_)); acc_ >>= 8; count_ -= 8; }
    }
    // Appends a Huffman code, most significant bit first.
    void code(std::uint32_t c, int n) {
        std::uint32_t r = 0;
        for (int i = 0; i < n; ++i) r |= ((c >> i) & 1u) << (n - 1 - i);
        bits(r, n);
    }
    void flush() { if (count_ > 0) bits(0, 8 - count_); }

private:
    std::vector<std::uint8_t>& out_;
    std::uint64_t acc_ = 0;
    int count_ = 0;
};

constexpr int kLengthBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr int kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                  3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr int kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                               257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                               8193, 12289, 16385, 24577};
constexpr int kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

// The fixed literal/length code of symbol s (0..287).
void put_symbol(BitWriter& w, int s) {
    if (s < 144) w.code(0x30 + s, 8);
    else if (s < 256) w.code(0x190 + (s - 144), 9);
    else if (s < 280) w.code(s - 256, 7);
    else w.code(0xC0 + (s - 280), 8);
}

void put_match(BitWriter& w, int length, int distance) {
    const int li = static_cast<int>(std::upper_bound(kLengthBase, kLengthBase + 29, length) - kLengthBase) - 1;
    put_symbol(w, 257 + li);
    if (kLengthExtra[li]) w.bits(static_cast<std::uint32_t>(length - kLengthBase[li]), kLengthExtra[li]);
    const int di = static_cast<int>(std::upper_bound(kDistBase, kDistBase + 30, distance) - kDistBase) - 1;
    w.code(static_cast<std::uint32_t>(di), 5);
    if (kDistExtra[di]) w.bits(static_cast<std::uint32_t>(distance - kDistBase[di]), kDistExtra[di]);
}

// One final block with fixed codes. Greedy LZ77: a hash of the next 3 bytes finds earlier
// positions in the 32 KiB window; the longest of a few candidates wins.
void deflate_fixed(const std::uint8_t* d, std::size_t n, std::vector<std::uint8_t>& out) {
    constexpr int kHashBits = 15, kWindow = 32768, kMaxChain = 24, kMinMatch = 3, kMaxMatch = 258;
    std::vector<std::int64_t> head(std::size_t{1} << kHashBits, -1);
    std::vector<std::int64_t> prev(kWindow, -1);
    auto hash = [&](std::size_t i) {
        const std::uint32_t v = d[i] | (d[i + 1] << 8) | (d[i + 2] << 16);
        return (v * 2654435761u) >> (32 - kHashBits);
    };
    auto insert = [&](std::size_t i) {
        const std::uint32_t h = hash(i);
        prev[i & (kWindow - 1)] = head[h];
        head[h] = static_cast<std::int64_t>(i);
    };

    BitWriter w(out);
    w.bits(1, 1);   // BFINAL
    w.bits(1, 2);   // BTYPE = 01, fixed Huffman codes
    std::size_t i = 0;
    while (i < n) {
        int best_len = 0, best_dist = 0;
        if (i + kMinMatch <= n) {
            const int max_len = static_cast<int>(std::min<std::size_t>(kMaxMatch, n - i));
            std::int64_t j = head[hash(i)];
            for (int chain = kMaxChain; j >= 0 && chain > 0; --chain) {
                const std::int64_t dist = static_cast<std::int64_t>(i) - j;
                if (dist > kWindow) break;
                const std::uint8_t* a = d + i;
                const std::uint8_t* b = d + j;
                if (b[best_len] == a[best_len]) {   // can it beat the best so far?
                    int len = 0;
                    while (len < max_len && a[len] == b[len]) ++len;
                    if (len > best_len) {
                        best_len = len;
                        best_dist = static_cast<int>(dist);
                        if (len == max_len) break;
                    }
                }
                const std::int64_t next = prev[static_cast<std::size_t>(j) & (kWindow - 1)];
                if (next >= j) break;   // the slot was reused by a newer position
                j = next;
            }
            insert(i);
        }
        if (best_len >= kMinMatch) {
            put_match(w, best_len, best_dist);
            for (std::size_t k = i + 1; k < i + static_cast<std::size_t>(best_len); ++k)
                if (k + kMinMatch <= n) insert(k);
            i += static_cast<std::size_t>(best_len);
        } else {
            put_symbol(w, d[i]);
            ++i;
        }
    }
    put_symbol(w, 256);   // end of block
    w.flush();
}

// [SECTION] PNG: row filters and chunks ------------------------------------------------------------

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v >> 24));
    out.push_back(static_cast<std::uint8_t>(v >> 16));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}

void put_chunk(std::vector<std::uint8_t>& out, const char type[4], const std::vector<std::uint8_t>& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    put_u32(out, crc32(out.data() + start, out.size() - start));
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

// Each row prefixed by the filter that makes it cheapest (least sum of |signed byte|, the
// heuristic the PNG specification suggests).
std::vector<std::uint8_t> filter_rows(int width, int height, const std::uint8_t* rgb) {
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> out;
    out.reserve((stride + 1) * static_cast<std::size_t>(height));
    std::vector<std::uint8_t> zero(stride, 0), trial(stride);
    std::array<std::vector<std::uint8_t>, 5> rows;
    for (auto& r : rows) r.resize(stride);
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* cur = rgb + stride * static_cast<std::size_t>(y);
        const std::uint8_t* up = y > 0 ? cur - stride : zero.data();
        long best_cost = -1;
        int best = 0;
        for (int f = 0; f < 5; ++f) {
            std::vector<std::uint8_t>& r = rows[static_cast<std::size_t>(f)];
            long cost = 0;
            for (std::size_t x = 0; x < stride; ++x) {
                const int a = x >= 3 ? cur[x - 3] : 0, b = up[x], c = x >= 3 ? up[x - 3] : 0;
                int pred = 0;
                switch (f) {
                    case 1: pred = a; break;
                    case 2: pred = b; break;
                    case 3: pred = (a + b) / 2; break;
                    case 4: pred = paeth(a, b, c); break;
                    default: break;
                }
                r[x] = static_cast<std::uint8_t>(cur[x] - pred);
                cost += std::abs(static_cast<int>(static_cast<std::int8_t>(r[x])));
            }
            if (best_cost < 0 || cost < best_cost) { best_cost = cost; best = f; }
        }
        out.push_back(static_cast<std::uint8_t>(best));
        out.insert(out.end(), rows[static_cast<std::size_t>(best)].begin(), rows[static_cast<std::size_t>(best)].end());
    }
    return out;
}

}  // namespace

std::vector<std::uint8_t> zlib_compress(const std::uint8_t* data, std::size_t size) {
    std::vector<std::uint8_t> out = {0x78, 0x01};   // deflate, 32 KiB window; (0x7801 % 31 == 0)
    deflate_fixed(data, size, out);
    put_u32(out, adler32(data, size));
    return out;
}

std::vector<std::uint8_t> encode_png(int width, int height, const std::uint8_t* rgb) {
    static const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> png(signature, signature + 8);
    std::vector<std::uint8_t> ihdr;
    put_u32(ihdr, static_cast<std::uint32_t>(width));
    put_u32(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});   // 8 bits, truecolour, deflate, adaptive, no interlace
    put_chunk(png, "IHDR", ihdr);
    const std::vector<std::uint8_t> raw = filter_rows(width, height, rgb);
    put_chunk(png, "IDAT", zlib_compress(raw.data(), raw.size()));
    put_chunk(png, "IEND", {});
    return png;
}

bool write_png(const std::string& path, int width, int height, const std::uint8_t* rgb, std::string& why) {
    const std::vector<std::uint8_t> png = encode_png(width, height, rgb);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) { why = std::strerror(errno); return false; }
    const bool wrote = std::fwrite(png.data(), 1, png.size(), f) == png.size();
    const int saved = errno;
    if (std::fclose(f) != 0 || !wrote) {
        why = std::strerror(wrote ? errno : saved);
        std::remove(path.c_str());
        return false;
    }
    return true;
}

}  // namespace versus::desktop
