// text_wrap.cpp — see text_wrap.hpp.
#include "ui/text_wrap.hpp"

#include <imgui_internal.h>

namespace versus::ui {

namespace {

// Decodes one UTF-8 character at text[i]; returns its byte length (>= 1).
unsigned decode(std::string_view text, unsigned i, unsigned* c) {
    const int n = ImTextCharFromUtf8(c, text.data() + i, text.data() + text.size());
    return n > 0 ? static_cast<unsigned>(n) : 1u;
}

bool break_after(unsigned c) {
    return c == '-' || c == '/' || c == 0x2013 /* – */ || c == 0x2014 /* — */;
}

}  // namespace

void wrap_text(const ImFont* font, float scale, std::string_view text, float width, std::vector<TextLine>& out) {
    out.clear();
    const unsigned n = static_cast<unsigned>(text.size());
    auto advance = [&](unsigned c) { return font->GetCharAdvance(static_cast<ImWchar>(c)) * scale; };
    auto measure = [&](unsigned from, unsigned to) {
        float w = 0;
        unsigned c;
        for (unsigned i = from; i < to; i += decode(text, i, &c)) {
            decode(text, i, &c);
            w += advance(c);
        }
        return w;
    };
    auto push = [&](unsigned begin, unsigned end) {
        while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
        out.push_back({begin, end, measure(begin, end)});
    };
    auto skip_blanks = [&](unsigned i) {
        while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
        return i;
    };

    unsigned start = 0, i = 0;
    float line_w = 0;
    bool can_break = false;
    unsigned brk_end = 0, brk_next = 0;   // the line may end at brk_end, the next start at brk_next
    while (i < n) {
        unsigned c;
        const unsigned len = decode(text, i, &c);
        if (c == '\n') {
            push(start, i);
            start = i = i + 1;
            line_w = 0;
            can_break = false;
            continue;
        }
        const float adv = advance(c);
        if (c == ' ' || c == '\t') {   // blanks never wrap by themselves: a break may come here
            can_break = true;
            brk_end = i;
            brk_next = i + len;
            line_w += adv;
            i += len;
            continue;
        }
        if (line_w + adv > width && i > start) {
            if (can_break) {
                push(start, brk_end);
                start = skip_blanks(brk_next);
            } else {   // one word wider than the line: break inside it
                push(start, i);
                start = i;
            }
            line_w = measure(start, i);
            can_break = false;
            continue;   // the same character again, on the new line
        }
        line_w += adv;
        i += len;
        if (break_after(c)) {
            can_break = true;
            brk_end = brk_next = i;
        }
    }
    push(start, n);
}

}  // namespace versus::ui
