// The seed comparison drawn headless: what a reader sees, asserted on the frame record.
#include "headless.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace versus;
using versus::test::Headless;

static const ui::DrawnItem& card(const Headless& h, const char* id) {
    const ui::DrawnItem* c = h.record.find("card", id);
    REQUIRE(c != nullptr);
    return *c;
}

// The first item with `role` inside the card of tool `id`.
static const ui::DrawnItem* in_card(const Headless& h, const char* id, const char* role) {
    const ui::DrawnItem& c = card(h, id);
    for (const ui::DrawnItem* it : h.record.all(role))
        if (test::inside(*it, c)) return it;
    return nullptr;
}

TEST_CASE("seed: header, two cards side by side with the page's figures", "[ui][seed]") {
    Headless h(1100, 900);
    h.view.set_payload(test::seed_payload());
    ImDrawData* d = h.settle();
    REQUIRE(d->TotalVtxCount > 1000);

    REQUIRE(h.record.find("kicker", "AI tool comparison"));
    REQUIRE(h.record.find("title", "Claude Haiku Open Weights vs Mistral 4B"));
    REQUIRE(h.record.find("question", "Which one should you ship with?"));

    const std::string haiku = h.view.payload().tools.at(0).id;
    const std::string mistral = h.view.payload().tools.at(1).id;
    const ui::DrawnItem& a = card(h, haiku.c_str());
    const ui::DrawnItem& b = card(h, mistral.c_str());
    CHECK(a.min.y == b.min.y);          // side by side
    CHECK(a.max.x < b.min.x);           // not overlapping
    CHECK(b.max.x <= 1100);

    const ui::DrawnItem* p1 = in_card(h, haiku.c_str(), "tool.panel");
    const ui::DrawnItem* p2 = in_card(h, mistral.c_str(), "tool.panel");
    REQUIRE(p1);
    REQUIRE(p2);
    CHECK(p1->text == "50%");
    CHECK(p2->text == "75%");
    for (const std::string& id : {haiku, mistral}) {
        const ui::DrawnItem* c = in_card(h, id.c_str(), "tool.community");
        const ui::DrawnItem* e = in_card(h, id.c_str(), "tool.entry");
        REQUIRE(c);
        REQUIRE(e);
        CHECK(c->text == "\xE2\x80\x94");   // —
        CHECK(e->text == "Free");
    }
    CHECK(in_card(h, haiku.c_str(), "tool.name")->text == "Claude Haiku Open Weights");
    CHECK(in_card(h, mistral.c_str(), "tool.name")->text == "Mistral 4B");
    CHECK(in_card(h, haiku.c_str(), "tool.category")->text == "Developer Tools");
}

TEST_CASE("seed: the eight quotes in the scorecard, the call to action last", "[ui][seed]") {
    Headless h(1100, 900);
    Payload p = test::seed_payload();
    h.view.set_payload(p);
    h.settle();
    // Every review is shown, in payload order within its tool's column.
    auto reviews = h.record.all("review");
    REQUIRE(reviews.size() == 8);
    for (const Review& rv : p.reviews) {
        const std::string key = p.tools[static_cast<size_t>(rv.tool)].id + "/" + p.reviewers[static_cast<size_t>(rv.reviewer)].id;
        CAPTURE(key);
        CHECK(h.record.find("review", key));
    }
    // Long quotes are folded; once expanded, every quote is drawn in full with curly quotes.
    for (auto& r : p.reviews)
        h.view.reader().expanded.insert(p.tools[static_cast<size_t>(r.tool)].id + "/" + p.reviewers[static_cast<size_t>(r.reviewer)].id);
    h.settle();
    auto quotes = h.record.all("quote");
    REQUIRE(quotes.size() == 8);
    for (const Review& rv : p.reviews) {
        const std::string full = "\xE2\x80\x9C" + rv.quote + "\xE2\x80\x9D";
        CHECK(std::any_of(quotes.begin(), quotes.end(), [&](const ui::DrawnItem* q) { return q->text == full; }));
    }
    const ui::DrawnItem* cta = h.record.find("cta");
    REQUIRE(cta);
    for (const ui::DrawnItem* q : quotes) CHECK(q->max.y < cta->min.y);
    CHECK(h.view.content_height() >= cta->max.y);
}

TEST_CASE("seed: nothing is cut off at 1280, 768 and 360 px", "[ui][seed][layout]") {
    for (float width : {1280.0f, 768.0f, 360.0f}) {
        CAPTURE(width);
        Headless h(width, 20000);   // tall enough for everything: no scrollbar
        h.view.set_payload(test::seed_payload());
        h.settle();
        REQUIRE(!h.record.items.empty());
        for (const ui::DrawnItem& it : h.record.items) {
            CAPTURE(it.role, it.text);
            CHECK(it.min.x >= 0);
            CHECK(it.max.x <= width + 0.5f);
        }
        auto cards = h.record.all("card");
        REQUIRE(cards.size() == 2);
        CHECK_FALSE(test::overlap(*cards[0], *cards[1]));
        if (width < 2 * 260 + 16 + 40) CHECK(cards[1]->min.y > cards[0]->max.y);   // stacked
        else CHECK(cards[1]->min.y == cards[0]->min.y);                            // side by side
        CHECK(h.view.content_height() < 20000);
    }
}

TEST_CASE("seed: every string of the payload is drawn with real glyphs in every font", "[ui][seed][text]") {
    Headless h;
    const Payload p = test::seed_payload();
    std::vector<std::string> strings = {p.title, p.kicker, p.question, p.summary};
    for (const Tool& t : p.tools)
        for (const std::string* s : {&t.name, &t.vendor, &t.category, &t.tagline, &t.description, &t.license.name})
            strings.push_back(*s);
    for (const Review& r : p.reviews) strings.push_back(r.quote);
    // The UI's own strings with non-ASCII characters.
    strings.push_back("\xE2\x80\x94 \xE2\x80\x9C \xE2\x80\x9D \xC2\xB7 \xE2\x86\x92 \xE2\x80\xA6 \xE2\x89\xA5");
    for (const ui::FontRef* f : {&h.fonts.body, &h.fonts.body_bold, &h.fonts.small, &h.fonts.small_bold,
                                 &h.fonts.heading, &h.fonts.title, &h.fonts.figure})
        for (const std::string& s : strings) {
            CAPTURE(s);
            for (const text::ShapedGlyph& g : test::text_engine().shape(s, f->spec, text::Direction::LeftToRight)) {
                CHECK(g.glyph != 0);         // never .notdef
                CHECK(g.font == "Inter");    // the versus look: Latin text is Inter
            }
        }
}

TEST_CASE("text is rasterised at the device pixel ratio, laid out the same", "[ui][text]") {
    auto texels_of = [](float ratio) {
        text::NativeEngine engine;
        engine.set_pixel_ratio(ratio);
        text::ShapedLine line;
        engine.render("H", text::FontSpec{15.0f, text::Weight::Regular}, text::Direction::LeftToRight, 0, line);
        REQUIRE(line.quads.size() == 1);
        const text::Quad& q = line.quads[0];
        return std::make_pair((q.v1 - q.v0) * static_cast<float>(engine.page_size()), q.y1 - q.y0);
    };
    const auto [texels1, logical1] = texels_of(1.0f);
    const auto [texels2, logical2] = texels_of(2.0f);
    CHECK(texels2 == Approx(2 * texels1).margin(1.0));   // twice the texels: sharp at ratio 2
    CHECK(logical2 == Approx(logical1).margin(0.5));     // the same logical size: layout unchanged
    CHECK(logical1 == Approx(texels1));                  // at ratio 1 a texel is a pixel
}

// ImGui's own font is never drawn (every string goes through the text engine): its atlas is built
// without a font file (src/ui/style.cpp), yet keeps what ImGui draws shapes with.
TEST_CASE("ImGui's atlas holds no glyph, only the white pixel and the baked lines", "[ui][text]") {
    Headless h;
    h.view.set_payload(test::seed_payload());
    ImDrawData* d = h.settle();
    ImFontAtlas* atlas = h.io().Fonts;
    REQUIRE(atlas->IsBuilt());
    REQUIRE(atlas->Fonts.Size == 1);
    const ImFont* font = atlas->Fonts[0];
    CHECK(font->FontSize == 13.0f);             // ImGui lays its windows out as before
    CHECK(font->Ascent > 0);
    CHECK(font->Descent < 0);
    CHECK(font->Glyphs.Size <= 2);              // the space (and the tab ImGui derives from it)
    CHECK(font->FindGlyphNoFallback('A') == nullptr);
    CHECK(atlas->TexWidth * atlas->TexHeight <= 128 * 128);   // no glyph bitmaps in it
    unsigned char* pixels = nullptr;
    int w = 0, hgt = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &hgt);
    const int wx = static_cast<int>(atlas->TexUvWhitePixel.x * static_cast<float>(w));
    const int wy = static_cast<int>(atlas->TexUvWhitePixel.y * static_cast<float>(hgt));
    CHECK(pixels[wy * w + wx] == 0xFF);          // the white pixel every shape samples
    CHECK(atlas->TexUvLines[1].z > atlas->TexUvLines[1].x);   // baked anti-aliased lines
    // And the seed's frame still draws: its shapes and its text (through the engine).
    CHECK(d->TotalVtxCount > 1000);
    CHECK(h.record.find("title", "Claude Haiku Open Weights vs Mistral 4B"));
}

TEST_CASE("an invalid payload shows an error card listing every problem", "[ui][errors]") {
    Headless h(900, 700);
    LoadResult r = load_payload(R"({"version": 2, "title": "", "tools": []})");
    REQUIRE_FALSE(r.ok());
    h.view.set_problems(r.problems, "bad.json");
    h.settle();
    REQUIRE(h.record.find("error.title", "This comparison can\u2019t be shown"));
    auto lines = h.record.all("error");
    REQUIRE(lines.size() == r.problems.size());
    CHECK(lines[0]->text.rfind("Error (bad.json, line 1, column ", 0) == 0);
    CHECK_FALSE(h.record.find("card"));
}

TEST_CASE("grid layout: columns keep cards at least 260 px wide", "[ui][layout]") {
    CHECK(ui::grid_layout(1060, 2, 260, 16).columns == 2);
    CHECK(ui::grid_layout(1088, 16, 260, 16).columns == 4);   // 4 × 260 + 3 × 16
    CHECK(ui::grid_layout(1087, 16, 260, 16).columns == 3);
    CHECK(ui::grid_layout(535, 2, 260, 16).columns == 1);
    CHECK(ui::grid_layout(536, 2, 260, 16).columns == 2);
    CHECK(ui::grid_layout(280, 3, 260, 16).columns == 1);
    CHECK(ui::grid_layout(200, 3, 260, 16).columns == 1);   // narrower than a card: one column
    auto g = ui::grid_layout(1000, 3, 260, 16);
    CHECK(g.columns == 3);
    CHECK(g.card_width * 3 + 2 * 16 == Approx(1000));
}

// A first frame that shows only the rows in view (the web's first frame, versus_frame bit 1) lays
// out no section that starts below them: the quotes and the pricing table are left for the next
// frame, everything above the cut is where the whole frame puts it, and the content is known to
// be at least as tall as what was laid out. The frame after lays out everything again.
TEST_CASE("seed: a frame of the rows in view lays out only the sections that start in them", "[ui][seed]") {
    Headless h(1280, 900);
    h.view.set_payload(test::seed_payload());
    h.settle();
    CHECK_FALSE(h.view.partial());
    const float whole = h.view.content_height();
    REQUIRE(whole > 1800);
    REQUIRE(h.record.find("quote"));
    REQUIRE(h.record.find("pricing.tool"));
    std::vector<ui::DrawnItem> above;
    for (const ui::DrawnItem& it : h.record.items)
        if (it.max.y <= 900) above.push_back(it);
    REQUIRE(above.size() > 20);

    h.view.lay_out_until = 964;
    h.frame();
    CHECK(h.view.partial());
    CHECK(h.view.content_height() > 964);
    CHECK(h.view.content_height() < whole);
    CHECK_FALSE(h.record.find("quote"));
    CHECK_FALSE(h.record.find("pricing.tool"));
    for (const ui::DrawnItem& want : above) {
        CAPTURE(want.role, want.text);
        CHECK(std::any_of(h.record.items.begin(), h.record.items.end(), [&](const ui::DrawnItem& it) {
            return it.role == want.role && it.text == want.text && it.min.x == want.min.x && it.min.y == want.min.y &&
                   it.max.x == want.max.x && it.max.y == want.max.y;
        }));
    }

    h.view.lay_out_until = 0;
    h.frame();
    CHECK_FALSE(h.view.partial());
    CHECK(h.view.content_height() == whole);
    CHECK(h.record.find("quote"));
}
