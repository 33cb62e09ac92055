// Layout of 1, 2, 3, 6 and 16 tools at phone, tablet and desktop widths: no overlap, nothing
// outside the window, readable card widths; and the theme palettes' contrast.
#include "headless.hpp"
#include "payloads.hpp"
#include "ui/charts.hpp"

#include <catch2/catch.hpp>

using namespace versus;
using versus::test::Headless;

static void check_no_overlap(const std::vector<const ui::DrawnItem*>& items) {
    for (size_t i = 0; i < items.size(); ++i)
        for (size_t j = i + 1; j < items.size(); ++j) {
            CAPTURE(items[i]->role, items[i]->text, items[j]->role, items[j]->text);
            CHECK_FALSE(test::overlap(*items[i], *items[j]));
        }
}

TEST_CASE("any number of tools lays out without overlap at 320, 768 and 1280 px", "[ui][layout]") {
    for (int tools : {1, 3, 6, 16}) {
        for (bool long_text : {false, true}) {
            const std::string text = test::generated_payload(tools, tools == 16 ? 64 : 5, long_text);
            for (float width : {320.0f, 768.0f, 1280.0f}) {
                CAPTURE(tools, long_text, width);
                Headless h(width, 100000);
                h.view.set_payload(test::load_or_throw(text));
                h.settle();
                const auto cards = h.record.all("card");
                REQUIRE(cards.size() == static_cast<size_t>(tools));
                check_no_overlap(cards);
                for (const ui::DrawnItem* c : cards) {
                    CHECK(c->max.x - c->min.x >= std::min(260.0f, width - 40.0f) - 0.5f);   // readable
                }
                check_no_overlap(h.record.all("review"));
                std::vector<const ui::DrawnItem*> marks = h.record.all("matrix.ship");
                for (const ui::DrawnItem* m : h.record.all("matrix.skip")) marks.push_back(m);
                if (tools * 5 <= 80) check_no_overlap(marks);   // 16 × 64: checked by the geometry test
                for (const ui::DrawnItem& it : h.record.items) {
                    CAPTURE(it.role, it.text);
                    CHECK(it.min.x >= -0.5f);
                    CHECK(it.max.x <= width + 0.5f);   // no horizontal scrolling
                }
                CHECK(h.view.content_height() < 100000);
                // A large panel is paged: the scorecard shows 12 reviews, the matrix 12 reviewers.
                CHECK(h.record.all("review").size() <= 12);
                if (tools == 16) {
                    CHECK(h.record.find("scorecard.status", "Showing 12 of 1,024 reviews"));
                    CHECK(h.record.find("matrix.all", "Show all 64 reviewers"));
                }
            }
        }
    }
}

TEST_CASE("matrix geometry: blocks of columns fit the width, cells never overlap", "[ui][charts]") {
    for (float width : {280.0f, 600.0f, 1200.0f}) {
        for (int cols : {1, 2, 5, 16}) {
            CAPTURE(width, cols);
            const ui::MatrixLayout m = ui::matrix_layout(width, cols, 190, 76, 160, 30, 40, 14);
            CHECK(m.blocks * m.columns_per_block >= cols);
            CHECK(m.label_width + m.column_width * static_cast<float>(m.columns_per_block) <= width + 0.5f);
            const int rows = 7;
            std::vector<ui::Rect> cells;
            for (int c = 0; c < cols; ++c)
                for (int r = 0; r < rows; ++r) cells.push_back(m.cell(ImVec2(0, 0), r, c, rows));
            for (size_t i = 0; i < cells.size(); ++i) {
                CHECK(cells[i].max.x <= width + 0.5f);
                CHECK(cells[i].max.y <= m.total_height(rows) + 0.5f);
                for (size_t j = i + 1; j < cells.size(); ++j) {
                    const float e = 0.01f;   // float rounding of x0 + k × column width
                    const bool apart = cells[i].max.x <= cells[j].min.x + e || cells[j].max.x <= cells[i].min.x + e ||
                                       cells[i].max.y <= cells[j].min.y + e || cells[j].max.y <= cells[i].min.y + e;
                    CHECK(apart);
                }
            }
        }
    }
}

TEST_CASE("split bar geometry", "[ui][charts]") {
    const ui::Rect bar{ImVec2(10, 0), ImVec2(110, 20)};
    auto s = ui::split_bar(bar, 3, 1);
    CHECK(s.ship.min.x == 10);
    CHECK(s.ship.max.x == 85);
    CHECK(s.skip.min.x == 85);
    CHECK(s.skip.max.x == 110);
    s = ui::split_bar(bar, 0, 0);
    CHECK(s.ship.width() == 0);
    CHECK(s.skip.width() == 0);
    s = ui::split_bar(bar, 99, 1);   // a single skip stays visible and tappable
    CHECK(s.skip.width() >= 8);
    s = ui::split_bar(bar, 0, 4);
    CHECK(s.ship.width() == 0);
    CHECK(s.skip.width() == 100);
}

TEST_CASE("both themes: body and secondary text contrast at least 4.5:1", "[ui][themes]") {
    for (ui::ThemeKind k : {ui::ThemeKind::Light, ui::ThemeKind::Dark}) {
        const ui::Palette p = ui::make_palette(k);
        for (ImU32 surface : {p.background, p.card}) {
            CHECK(ui::contrast_ratio(p.text, surface) >= 7.0f);
            CHECK(ui::contrast_ratio(p.muted, surface) >= 4.5f);
            CHECK(ui::contrast_ratio(p.accent, surface) >= 4.5f);
            CHECK(ui::contrast_ratio(p.ship, surface) >= 4.5f);
            CHECK(ui::contrast_ratio(p.skip, surface) >= 4.5f);
        }
        CHECK(ui::contrast_ratio(p.text, p.ship_soft) >= 4.5f);
        CHECK(ui::contrast_ratio(p.text, p.error_soft) >= 4.5f);
        CHECK(ui::contrast_ratio(p.accent_text, p.accent) >= 4.5f);
    }
    // A publisher's accent: text on it stays readable.
    const ui::Palette y = ui::make_palette(ui::ThemeKind::Light, ui::parse_hex_colour("#ffcc00"));
    CHECK(ui::contrast_ratio(y.accent_text, y.accent) >= 4.5f);
    CHECK(ui::parse_hex_colour("#fc0") == ui::parse_hex_colour("#ffcc00"));
    CHECK(ui::parse_hex_colour("red") == 0);
    CHECK(ui::parse_hex_colour("#12345") == 0);
}

TEST_CASE("on a phone, two tools share one matrix block (their verdicts side by side)", "[ui][charts]") {
    Headless h(320, 20000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    auto heads = h.record.all("matrix.tool");
    REQUIRE(heads.size() == 2);
    CHECK(heads[0]->min.y == heads[1]->min.y);   // one header row: one block
    CHECK(heads[0]->max.x <= heads[1]->min.x);
}

// The web element's actions button covers the widget's top corner at the end of the reading
// direction (ComparisonView::kHostCorner): the header's first line never runs under it, whether it
// is long, or of the other direction (a Hebrew kicker in a left-to-right widget is aligned right).
TEST_CASE("the header's first line keeps the host's corner clear", "[ui][layout]") {
    const std::string hebrew = "\xD7\x94\xD7\xA9\xD7\x95\xD7\x95\xD7\x90\xD7\x94";   // השוואה
    const std::string long_title(
        "A comparison whose title is long enough to fill the whole first line of the header at any width");
    for (float width : {360.0f, 768.0f, 1280.0f}) {
        for (const char* lang : {"en", "he"}) {
            for (int variant = 0; variant < 2; ++variant) {
                CAPTURE(width, lang, variant);
                Headless h(width, 900);
                Payload p = test::seed_payload();
                p.lang = lang;
                if (variant == 0) p.kicker = hebrew + " " + hebrew;   // aligned to the far side in "en"
                else p.kicker.clear(), p.title = long_title;        // the title is the first line
                h.view.set_payload(p);
                h.settle();
                const ui::DrawnItem* first = h.record.find(variant == 0 ? "kicker" : "title");
                REQUIRE(first);
                const bool mirrored = std::string(lang) == "he";
                const float corner = ui::ComparisonView::kHostCorner;
                if (mirrored) CHECK(first->min.x >= corner - 0.5f);
                else CHECK(first->max.x <= width - corner + 0.5f);
            }
        }
    }
}
