// Word wrapping: lines break at spaces and after dashes, never inside "2.0" or "1,000".
#include "headless.hpp"
#include "ui/text_wrap.hpp"

#include <catch2/catch.hpp>

using namespace versus;

namespace {

std::vector<std::string> wrap(ImFont* font, std::string_view text, float width) {
    std::vector<ui::TextLine> lines;
    ui::wrap_text(font, 1.0f, text, width, lines);
    std::vector<std::string> out;
    for (const ui::TextLine& l : lines) {
        CHECK(l.width <= std::max(width, font->GetCharAdvance('W')) + 0.01f);
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    }
    return out;
}

float width_of(ImFont* font, std::string_view s) {
    float w = 0;
    for (char ch : s) w += font->GetCharAdvance(static_cast<ImWchar>(ch));
    return w;
}

}  // namespace

TEST_CASE("wrap: numbers with '.' and ',' stay whole", "[ui][text]") {
    test::Headless h;
    ImFont* f = h.fonts.body;
    const std::string text = "Released under the Apache 2.0 license, 1,000 downloads";
    // Every width that ends a line inside "2.0" or "1,000" must move the whole number down.
    for (float w = width_of(f, "Released under the Apache 2"); w < width_of(f, "Released under the Apache 2.0 license,") + 2; w += 0.5f) {
        CAPTURE(w);
        for (const std::string& line : wrap(f, text, w)) {
            CHECK((line.find("2.") == std::string::npos || line.find("2.0") != std::string::npos));
            CHECK((line.size() < 2 || line.substr(line.size() - 2) != "1,"));
        }
    }
}

TEST_CASE("wrap: spaces, dashes, newlines and long words", "[ui][text]") {
    test::Headless h;
    ImFont* f = h.fonts.body;
    CHECK(wrap(f, "", 100) == std::vector<std::string>{""});
    CHECK(wrap(f, "short", 1000) == std::vector<std::string>{"short"});
    CHECK(wrap(f, "one\ntwo", 1000) == std::vector<std::string>{"one", "two"});
    const float ab = width_of(f, "alpha beta");
    CHECK(wrap(f, "alpha beta gamma", ab + 1) == std::vector<std::string>{"alpha beta", "gamma"});
    CHECK(wrap(f, "alpha   beta", width_of(f, "alpha") + 1) == std::vector<std::string>{"alpha", "beta"});
    CHECK(wrap(f, "state-of-the-art", width_of(f, "state-of-") + 1) == std::vector<std::string>{"state-of-", "the-art"});
    CHECK(wrap(f, "no cloud\xE2\x80\x94needed", width_of(f, "no cloud") + f->GetCharAdvance(0x2014) + 1) ==
          std::vector<std::string>{"no cloud\xE2\x80\x94", "needed"});
    // A word wider than the line breaks inside, and no line is wider than the width.
    const auto lines = wrap(f, "Supercalifragilisticexpialidocious", width_of(f, "Supercali") + 1);
    CHECK(lines.size() >= 3);
    std::string joined;
    for (const auto& l : lines) joined += l;
    CHECK(joined == "Supercalifragilisticexpialidocious");
    // A width smaller than one character still makes progress.
    CHECK(wrap(f, "abc", 1).size() == 3);
}
