// text_engine_web.cpp — see text_engine_web.hpp. The JavaScript half is web/src/text.js, handed
// to the core by versus.js as Module.versusText (one per widget).
//
// Index
//  [SECTION] JavaScript calls (EM_JS)
//  [SECTION] Pages
//  [SECTION] Engine
#include "platform/web/text_engine_web.hpp"

#include <GLES3/gl3.h>

#include "platform/gl/page_texture.hpp"
#include "text/utf8.hpp"
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>

namespace versus::web {

// [SECTION] JavaScript calls (EM_JS) ------------------------------------------------------------
// Strings go over as (pointer, byte length): a string_view is not NUL-terminated.

EM_JS(double, vt_measure, (const char* s, int n, float size, int weight, int rtl), {
    return Module["versusText"].measure(UTF8ToString(s, n), size, weight, rtl);
});

EM_JS(void, vt_metrics, (float size, int weight, float* out), {
    var m = Module["versusText"].metrics(size, weight);
    HEAPF32[out >> 2] = m[0];
    HEAPF32[(out >> 2) + 1] = m[1];
});

EM_JS(void, vt_ink, (const char* s, int n, float size, int weight, int rtl, float ratio, float* out), {
    var m = Module["versusText"].ink(UTF8ToString(s, n), size, weight, rtl, ratio);
    for (var i = 0; i < 4; i++) HEAPF32[(out >> 2) + i] = Number.isFinite(m[i]) ? m[i] : 0;
});

EM_JS(void, vt_queue, (int page, int x, int y, int w, int h, int ox, int oy, const char* s, int n, float size,
                       int weight, int rtl, float ratio, unsigned rgba), {
    Module["versusText"].queue(page, x, y, w, h, ox, oy, UTF8ToString(s, n), size, weight, rtl, ratio, rgba);
});

// Draws the lines queued for `page` into the texture bound to TEXTURE_2D (GLctx: this instance's
// current WebGL context).
EM_JS(void, vt_flush, (int page), { Module["versusText"].flush(GLctx, page); });

EM_JS(void, vt_drop, (), { Module["versusText"].drop(); });

EM_JS(int, vt_paragraph_rtl, (const char* s, int n), {
    return Module["versusText"].paragraphRtl(UTF8ToString(s, n));
});

// Byte offsets from the JS engine: `what` 0 the dictionary word breaks of `s` in `lang`, 1 its
// grapheme cluster starts. Writes at most `cap` of them to `out`; returns how many.
EM_JS(int, vt_byte_offsets, (int what, const char* s, int n, const char* lang, unsigned* out, int cap), {
    var t = Module["versusText"];
    var text = UTF8ToString(s, n);
    var b = what ? t.clusterStarts(text) : t.dictionaryBreaks(text, UTF8ToString(lang));
    var k = Math.min(b.length, cap);
    for (var i = 0; i < k; i++) HEAPU32[(out >> 2) + i] = b[i];
    return k;
});

EM_JS(void, vt_set_language, (const char* lang), {
    if (Module["versusText"].setLanguage) Module["versusText"].setLanguage(UTF8ToString(lang));
});

namespace {

int weight_index(text::Weight w) { return w == text::Weight::SemiBold ? 1 : 0; }

// Whether `c` may make a paragraph right to left (text.js paragraphRtl): the letters of the
// scripts written right to left (Hebrew to the Arabic extensions, their presentation forms, and
// the supplementary blocks of Kharoshthi, Adlam, Mende Kikakui…) and the right-to-left marks,
// embeddings and isolate. A text with none of them is left to right, with no call into JS.
bool may_be_rtl(std::uint32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || c == 0x200F || c == 0x202B || c == 0x202E || c == 0x2067 ||
           (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
           (c >= 0x1E800 && c <= 0x1EFFF);
}
int rtl(text::Direction d) { return d == text::Direction::RightToLeft ? 1 : 0; }

// [SECTION] Pages ---------------------------------------------------------------------------------

constexpr int kPageHeight = 512;
constexpr int kMinPageWidth = 256;
constexpr int kMinPages = 2, kMaxPages = 16;
// Transparent device pixels around a line's ink inside its rectangle: antialiasing that the ink
// box misses stays inside, and bilinear sampling at the quad's edge reads zero.
constexpr int kPad = 2;

struct PageGeometry {
    int w, h, pages;
};

// Pages for a canvas of cw × ch device pixels (see the header: as wide as the canvas, ~2 × its
// area in all).
PageGeometry page_geometry(int cw, int ch, int max_texture) {
    const int limit = std::max(kMinPageWidth, max_texture);
    const int w = std::clamp((std::max(cw, 1) + 2 * kPad + 63) / 64 * 64, kMinPageWidth, limit);
    const int h = std::min(kPageHeight, limit);
    const double area = 2.0 * std::max(cw, 1) * std::max(ch, 1);
    const int pages = std::clamp(static_cast<int>(std::ceil(area / (static_cast<double>(w) * h))), kMinPages, kMaxPages);
    return {w, h, pages};
}

int max_texture_size() {
    static int size = 0;
    if (!size) {
        GLint v = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &v);
        size = v > 0 ? v : 2048;
    }
    return size;
}

}  // namespace

// [SECTION] Engine ----------------------------------------------------------------------------------

BrowserTextEngine::BrowserTextEngine() = default;

BrowserTextEngine::~BrowserTextEngine() { release_textures(); }

void BrowserTextEngine::release_textures() {
    if (!textures_.empty()) glDeleteTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    textures_.clear();
    dirty_.clear();
}

void BrowserTextEngine::reset_atlas() {
    atlas_.reset();
    vt_drop();
    std::fill(dirty_.begin(), dirty_.end(), false);
    ++generation_;
}

void BrowserTextEngine::set_canvas_size(int device_w, int device_h) {
    if (device_w == canvas_w_ && device_h == canvas_h_) return;
    canvas_w_ = device_w;
    canvas_h_ = device_h;
    const PageGeometry g = page_geometry(device_w, device_h, max_texture_size());
    // Pages change only when lines could no longer fit (a wider canvas, a taller one needing more
    // pages) or nothing is rasterised yet; a smaller canvas keeps its pages.
    if (atlas_.pages() == 0 && textures_.empty()) {
        atlas_ = text::ShelfAtlas(g.w, g.h, g.pages);
        max_pages_ = g.pages;
    } else if (g.w > atlas_.page_width() || g.pages > max_pages_) {
        const int w = std::max(g.w, atlas_.page_width());
        if (w != atlas_.page_width()) release_textures();   // textures of the old size
        max_pages_ = std::max(g.pages, max_pages_);
        atlas_ = text::ShelfAtlas(w, g.h, max_pages_);
        vt_drop();
        std::fill(dirty_.begin(), dirty_.end(), false);
        ++generation_;
    }
}

void BrowserTextEngine::fonts_changed() {
    metrics_.clear();
    reset_atlas();
}

void BrowserTextEngine::set_pixel_ratio(float ratio) {
    ratio = std::clamp(ratio, 0.25f, 8.0f);
    if (ratio == ratio_) return;
    ratio_ = ratio;
    reset_atlas();
}

void BrowserTextEngine::set_language(std::string_view lang) {
    const std::string l(lang);
    vt_set_language(l.c_str());
    lang_ = l;
}

text::Metrics BrowserTextEngine::metrics(text::FontSpec font) {
    for (const CachedMetrics& m : metrics_)
        if (m.font == font) return m.metrics;
    float ad[2] = {0, 0};
    vt_metrics(font.size, weight_index(font.weight), ad);
    const float line = font.size * text::kLineHeight;
    const float half_leading = (line - (ad[0] + ad[1])) / 2.0f;
    text::Metrics m;
    m.ascent = ad[0] + half_leading;
    m.descent = line - m.ascent;
    m.line_height = line;
    metrics_.push_back({font, m});
    return m;
}

float BrowserTextEngine::measure(std::string_view text, text::FontSpec font, text::Direction dir) {
    if (text.empty()) return 0.0f;
    return static_cast<float>(vt_measure(text.data(), static_cast<int>(text.size()), font.size,
                                         weight_index(font.weight), rtl(dir)));
}

unsigned BrowserTextEngine::page_texture(std::uint32_t page) {
    while (textures_.size() <= page) {
        // No glGet of the previous binding (a WebGL getParameter per call): the renderer binds
        // the texture of each draw command itself.
        const GLuint tex = gl::new_page_texture(atlas_.page_width(), atlas_.page_height());
        glBindTexture(GL_TEXTURE_2D, 0);
        textures_.push_back(tex);
        dirty_.push_back(false);
    }
    return textures_[page];
}

void BrowserTextEngine::render(std::string_view text, text::FontSpec font, text::Direction dir, std::uint32_t rgba,
                               text::ShapedLine& out) {
    out.quads.clear();
    out.width = measure(text, font, dir);
    if (text.empty()) return;
    if (canvas_w_ == 0) set_canvas_size(1024, 1024);   // no size told yet: a moderate default

    const int n = static_cast<int>(text.size());
    const int w8 = weight_index(font.weight);
    float ink[4] = {0, 0, 0, 0};   // left, right, ascent, descent: device pixels from the origin
    vt_ink(text.data(), n, font.size, w8, rtl(dir), ratio_, ink);
    if (ink[0] + ink[1] <= 0.0f || ink[2] + ink[3] <= 0.0f) return;   // spaces only: nothing to draw

    // The rectangle, in device pixels relative to the line's origin (left end, top of line box).
    const int baseline = static_cast<int>(std::lround(metrics(font).ascent * ratio_));
    int x0 = static_cast<int>(std::floor(-ink[0])) - kPad;
    int x1 = static_cast<int>(std::ceil(ink[1])) + kPad;
    const int y0 = baseline - static_cast<int>(std::ceil(ink[2])) - kPad;
    const int y1 = baseline + static_cast<int>(std::ceil(ink[3])) + kPad;
    // A line wider than a page (only when the canvas grew since the pages were made, until the
    // next reset) keeps its start: the end of its reading order is cut, never the beginning.
    const int room = atlas_.page_width() - 1;
    if (x1 - x0 > room) {
        if (dir == text::Direction::RightToLeft) x0 = x1 - room;
        else x1 = x0 + room;
    }
    const int h = std::min(y1 - y0, atlas_.page_height() - 1);

    text::AtlasRect r;
    if (!atlas_.allocate(x1 - x0, h, r)) {
        // Every page is full: start over, with room for more pages (the frame's text did not fit).
        // This line still gets drawn; the ones shaped earlier in this frame point at texels that
        // are gone, so end_frame() asks for the frame to be built again. Once per frame only: a
        // frame whose text cannot fit even then leaves the lines that don't fit undrawn rather
        // than asking for frames forever.
        if (reset_in_frame_) return;
        reset_in_frame_ = true;
        max_pages_ = std::min(kMaxPages, max_pages_ + 2);
        atlas_ = text::ShelfAtlas(atlas_.page_width(), atlas_.page_height(), max_pages_);
        reset_atlas();
        overflowed_ = true;
        if (!atlas_.allocate(x1 - x0, h, r)) return;
    }
    page_texture(r.page);
    dirty_[r.page] = true;
    vt_queue(static_cast<int>(r.page), r.x, r.y, r.w, r.h, -x0, baseline - y0, text.data(), n, font.size, w8,
             rtl(dir), ratio_, rgba);

    const float pw = static_cast<float>(atlas_.page_width()), ph = static_cast<float>(atlas_.page_height());
    text::Quad q;
    q.x0 = static_cast<float>(x0) / ratio_;
    q.y0 = static_cast<float>(y0) / ratio_;
    q.x1 = static_cast<float>(x0 + r.w) / ratio_;
    q.y1 = static_cast<float>(y0 + r.h) / ratio_;
    q.u0 = static_cast<float>(r.x) / pw;
    q.v0 = static_cast<float>(r.y) / ph;
    q.u1 = static_cast<float>(r.x + r.w) / pw;
    q.v1 = static_cast<float>(r.y + r.h) / ph;
    q.page = r.page;
    q.coloured = true;
    out.quads.push_back(q);
}

text::Direction BrowserTextEngine::paragraph_direction(std::string_view text) {
    bool any = false;
    for (std::size_t i = 0, len = 1; i < text.size() && !any; i += len) {
        if (static_cast<unsigned char>(text[i]) < 0xD6) {   // below U+0580: nothing right to left
            len = 1;
            continue;
        }
        any = may_be_rtl(text::decode_utf8(text, i, &len));
    }
    if (!any) return text::Direction::LeftToRight;
    return vt_paragraph_rtl(text.data(), static_cast<int>(text.size())) ? text::Direction::RightToLeft
                                                                          : text::Direction::LeftToRight;
}

void BrowserTextEngine::dictionary_breaks(std::string_view text, std::vector<std::uint32_t>& out) {
    // Only text with a character of those scripts can have any (all are 3-byte UTF-8 sequences
    // starting 0xE0 or 0xE1, 0xEA for the extended blocks): skip the JS call otherwise.
    if (std::none_of(text.begin(), text.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return b == 0xE0 || b == 0xE1 || b == 0xEA;
        }))
        return;
    byte_offsets(0, text, out);
}

void BrowserTextEngine::cluster_starts(std::string_view text, std::vector<std::uint32_t>& out) {
    byte_offsets(1, text, out);
}

void BrowserTextEngine::byte_offsets(int what, std::string_view text, std::vector<std::uint32_t>& out) {
    scratch_.resize(text.size());   // at most one offset a byte
    const int k = vt_byte_offsets(what, text.data(), static_cast<int>(text.size()), lang_.c_str(),
                                  reinterpret_cast<unsigned*>(scratch_.data()), static_cast<int>(scratch_.size()));
    out.insert(out.end(), scratch_.begin(), scratch_.begin() + k);
}

std::uintptr_t BrowserTextEngine::texture(std::uint32_t page) const {
    return page < textures_.size() ? static_cast<std::uintptr_t>(textures_[page]) : 0;
}

bool BrowserTextEngine::end_frame() {
    bool bound = false;
    for (std::size_t p = 0; p < dirty_.size(); ++p) {
        if (!dirty_[p]) continue;
        glBindTexture(GL_TEXTURE_2D, textures_[p]);
        vt_flush(static_cast<int>(p));
        dirty_[p] = false;
        bound = true;
    }
    if (bound) glBindTexture(GL_TEXTURE_2D, 0);
    const bool ok = !overflowed_;
    overflowed_ = false;
    reset_in_frame_ = false;
    return ok;
}

}  // namespace versus::web
