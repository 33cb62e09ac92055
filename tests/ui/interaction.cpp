// Real input into ImGui (mouse, touch, keys): filters, votes, folding quotes, chart details.
#include "headless.hpp"
#include "input.hpp"
#include "payloads.hpp"

#include <catch2/catch.hpp>

using namespace versus;
using versus::test::Headless;

namespace {

using test::click;
using test::key;

std::vector<std::string> texts(const Headless& h, std::string_view role) {
    std::vector<std::string> out;
    for (const ui::DrawnItem* it : h.record.all(role)) out.push_back(it->text);
    return out;
}

}  // namespace

TEST_CASE("clicking \"Commercial use\" on the seed keeps only Mistral everywhere", "[ui][filters]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    int filter_events = 0, last_shown = -1;
    h.view.host.on_filter = [&](const LicenseFilter&, int shown, int) { ++filter_events; last_shown = shown; };
    h.settle();
    REQUIRE(h.record.all("card").size() == 2);

    click(h, "chip", "Commercial use");
    CHECK(h.view.reader().filter.commercial_use);
    CHECK(h.record.find("chip.on", "Commercial use"));
    CHECK(filter_events == 1);
    CHECK(last_shown == 1);
    // Cards, charts, matrix, pricing and scorecard all show Mistral only.
    CHECK(texts(h, "card") == std::vector<std::string>{"mistral-4b"});
    CHECK(texts(h, "bar.tool") == std::vector<std::string>{"Mistral 4B"});
    CHECK(texts(h, "matrix.tool") == std::vector<std::string>{"Mistral 4B"});
    CHECK(texts(h, "pricing.tool") == std::vector<std::string>{"Mistral 4B"});
    for (const ui::DrawnItem* r : h.record.all("review")) CHECK(r->text.rfind("mistral-4b/", 0) == 0);
    CHECK(h.record.all("review").size() == 4);
    // The split follows the filter: with one tool shown, nobody "differs".
    CHECK(h.record.all("matrix.row.differs").empty());
    CHECK(h.record.find("filters.status", "1 tool of 2 hidden by the filters"));

    click(h, "filters.clear");
    CHECK_FALSE(h.view.reader().filter.active());
    CHECK(h.record.all("card").size() == 2);
    CHECK(h.record.all("matrix.row.differs").size() == 1);   // the skeptic: skip Haiku, ship Mistral
    CHECK(filter_events == 2);
}

TEST_CASE("filters with no matching tool show an empty state that clears them", "[ui][filters]") {
    Headless h(900, 2000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    click(h, "chip", "Commercial use");
    click(h, "chip", "Research, non-commercial");
    CHECK(h.view.shown_count() == 0);
    CHECK(h.record.find("empty"));
    CHECK(h.record.find("empty.title", "No tool matches these filters"));
    CHECK(h.record.all("card").empty());
    CHECK(h.record.find("filters.status", "2 tools of 2 hidden by the filters"));
    click(h, "filters.clear");   // the first one: in the status line
    CHECK(h.view.shown_count() == 2);
    CHECK_FALSE(h.record.find("empty"));
}

TEST_CASE("license name chips are one at a time", "[ui][filters]") {
    Headless h(1100, 2000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    click(h, "chip", "Apache 2.0");
    CHECK(h.view.reader().filter.license_name == "Apache 2.0");
    click(h, "chip", "Research, non-commercial");
    CHECK(h.view.reader().filter.license_name == "Research, non-commercial");
    CHECK(texts(h, "card") == std::vector<std::string>{"haiku"});
    click(h, "chip", "Research, non-commercial");
    CHECK_FALSE(h.view.reader().filter.active());
}

TEST_CASE("a vote changes the community figure at once and can be taken back", "[ui][votes]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    std::vector<std::pair<std::string, std::optional<Verdict>>> events;
    h.view.host.on_vote = [&](const std::string& id, std::optional<Verdict> v) { events.emplace_back(id, v); };
    h.settle();
    auto community = [&](const char* id) {
        const ui::DrawnItem* card = h.record.find("card", id);
        REQUIRE(card);
        for (const ui::DrawnItem* it : h.record.all("tool.community"))
            if (test::inside(*it, *card)) return it->text;
        FAIL("no community figure in the card");
        return std::string();
    };
    CHECK(community("haiku") == "\xE2\x80\x94");

    const ui::DrawnItem* ship = h.record.find("vote.ship");   // the first card's
    REQUIRE(ship);
    click(h, *ship);
    CHECK(community("haiku") == "100%");
    CHECK(community("mistral-4b") == "\xE2\x80\x94");
    REQUIRE(events.size() == 1);
    CHECK(events[0].first == "haiku");
    CHECK(events[0].second == Verdict::Ship);
    CHECK(h.record.find("vote.ship.on"));

    // Switch to skip, then take it back.
    click(h, "vote.skip");
    CHECK(community("haiku") == "0%");
    CHECK(events.back().second == Verdict::Skip);
    click(h, "vote.skip.on");
    CHECK(community("haiku") == "\xE2\x80\x94");
    REQUIRE(events.size() == 3);
    CHECK_FALSE(events.back().second.has_value());
    CHECK(h.view.reader().votes.empty());
}

TEST_CASE("votes restored by the host count with the payload's votes", "[ui][votes]") {
    Headless h(1100, 3000);
    Payload p = test::seed_payload();
    p.tools[1].community = Votes{3, 1};
    h.view.set_payload(p);
    h.view.set_votes({{"mistral-4b", Verdict::Skip}});
    h.settle();
    const ui::DrawnItem* card = h.record.find("card", "mistral-4b");
    REQUIRE(card);
    bool seen = false;
    for (const ui::DrawnItem* it : h.record.all("tool.community"))
        if (test::inside(*it, *card)) { CHECK(it->text == "60%"); seen = true; }   // 3 of 5
    CHECK(seen);
}

TEST_CASE("long quotes fold and unfold by click and by keyboard", "[ui][quotes]") {
    Headless h(1100, 4000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    const size_t folded = h.record.all("quote.more").size();
    REQUIRE(folded > 0);
    // A folded quote is exactly four lines, its "…" on the last one.
    size_t seen = 0;
    for (const ui::DrawnItem* q : h.record.all("quote")) {
        if (q->text.size() < 3 || q->text.compare(q->text.size() - 3, 3, "\xE2\x80\xA6") != 0) continue;
        ++seen;
        CHECK(q->max.y - q->min.y == Approx(4 * ui::line_height(h.fonts.body)).margin(1));
    }
    CHECK(seen == folded);
    click(h, "quote.more");
    CHECK(h.record.all("quote.more").size() == folded - 1);
    CHECK(h.record.all("quote.less").size() == 1);
    CHECK(h.view.reader().expanded.size() == 1);
    click(h, "quote.less");
    CHECK(h.view.reader().expanded.empty());
}

TEST_CASE("the keyboard reaches the chips: Tab focuses, Space activates", "[ui][keyboard]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    key(h, ImGuiKey_Tab);   // the first focusable item: the "Commercial use" chip
    h.settle(2);
    key(h, ImGuiKey_Space);
    h.settle(2);
    CHECK(h.view.reader().filter.commercial_use);
    key(h, ImGuiKey_Space);
    h.settle(2);
    CHECK_FALSE(h.view.reader().filter.commercial_use);
    // Tab on to the next chip, activate it.
    key(h, ImGuiKey_Tab);
    key(h, ImGuiKey_Enter);
    h.settle(2);
    CHECK(h.view.reader().filter.open_weights);
}

TEST_CASE("tapping a matrix mark pins its quote: no hover needed", "[ui][charts][touch]") {
    Headless h(1100, 3000);
    Payload p = test::seed_payload();
    h.view.set_payload(p);
    h.settle();
    const auto marks = h.record.all("matrix.skip");
    REQUIRE(marks.size() == 3);   // the seed has three skips (quotes 3, 7 and 8)
    const std::string key = marks[0]->text;   // "tool/reviewer"
    click(h, *marks[0], /*touch=*/true);
    const ui::DrawnItem* pinned = h.record.find("pinned");
    REQUIRE(pinned);
    const ui::DrawnItem* quote = h.record.find("detail.quote");
    REQUIRE(quote);
    CHECK(test::inside(*quote, *pinned));
    CHECK(quote->text.size() > 40);
    click(h, "pinned.close", {}, true);
    CHECK_FALSE(h.record.find("pinned"));
}

TEST_CASE("split bars: segments follow the counts and the filter", "[ui][charts]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    auto ship = h.record.all("bar.ship");
    auto skip = h.record.all("bar.skip");
    REQUIRE(ship.size() == 2);
    REQUIRE(skip.size() == 2);
    const float haiku_ship = ship[0]->max.x - ship[0]->min.x, haiku_skip = skip[0]->max.x - skip[0]->min.x;
    const float mistral_ship = ship[1]->max.x - ship[1]->min.x, mistral_skip = skip[1]->max.x - skip[1]->min.x;
    CHECK(haiku_ship == Approx(haiku_skip).margin(1));           // 2 : 2
    CHECK(mistral_ship == Approx(3 * mistral_skip).margin(2));   // 3 : 1
}

TEST_CASE("a large panel pages its scorecard and matrix", "[ui][layout]") {
    Headless h(1280, 100000);
    h.view.set_payload(test::load_or_throw(test::generated_payload(16, 64)));
    h.settle();
    CHECK(h.record.all("review").size() == 12);
    CHECK(h.record.all("matrix.row").size() + h.record.all("matrix.row.differs").size() == 12);
    click(h, "scorecard.more");
    CHECK(h.record.all("review").size() == 24);
    click(h, "scorecard.all");
    CHECK(h.record.all("review").size() == 1024);
    CHECK_FALSE(h.record.find("scorecard.more"));
    click(h, "matrix.all");
    CHECK(h.record.all("matrix.row").size() + h.record.all("matrix.row.differs").size() == 64);
}

TEST_CASE("clickable things show the hand cursor", "[ui][pointer]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    const ui::DrawnItem chip = *h.record.find("chip", "Open weights");
    h.io().AddMousePosEvent((chip.min.x + chip.max.x) / 2, (chip.min.y + chip.max.y) / 2);
    h.frame();
    CHECK(ImGui::GetMouseCursor() == ImGuiMouseCursor_Hand);
    const ui::DrawnItem title = *h.record.find("title");
    h.io().AddMousePosEvent(title.min.x + 2, (title.min.y + title.max.y) / 2);
    h.frame();
    CHECK(ImGui::GetMouseCursor() == ImGuiMouseCursor_Arrow);
}

TEST_CASE("without a scrollbar the content height does not depend on the display height", "[ui][layout]") {
    float heights[2];
    int i = 0;
    for (float display_h : {300.0f, 20000.0f}) {
        Headless h(800, display_h);
        h.view.scrollbar = false;
        h.view.set_payload(test::seed_payload());
        h.settle();
        heights[i++] = h.view.content_height();
    }
    CHECK(heights[0] == heights[1]);
}

TEST_CASE("a long description folds in its card and unfolds on demand", "[ui][cards]") {
    Payload p = test::seed_payload();
    std::string longer;
    for (int i = 0; i < 12; ++i) longer += p.tools[0].description + " ";
    p.tools[0].description = longer;
    Headless h(1100, 20000);
    h.view.set_payload(p);
    h.settle();
    const ui::DrawnItem* more = h.record.find("tool.description.more");
    REQUIRE(more);
    const ui::DrawnItem* desc = h.record.find("tool.description");
    REQUIRE(desc);
    CHECK(desc->text.size() < longer.size());
    click(h, "tool.description.more");
    CHECK(h.record.find("tool.description.less"));
    CHECK(h.record.find("tool.description")->text == longer);
    // The other tool's short description never folds.
    CHECK(h.record.all("tool.description.more").empty());
}

TEST_CASE("a tool without pricing says so in the pricing read", "[ui][pricing]") {
    Payload p = test::seed_payload();
    p.tools[1].pricing.reset();
    for (float width : {1100.0f, 360.0f}) {
        CAPTURE(width);
        Headless h(width, 20000);
        h.view.set_payload(p);
        h.settle();
        auto entries = h.record.all("pricing.entry");
        REQUIRE(entries.size() == 2);
        if (width < 640) CHECK(entries[1]->text == "No pricing given");
        else CHECK(entries[1]->text == "\xE2\x80\x94");
    }
}

TEST_CASE("with tools in rows, the scorecard lays reviews in readable columns", "[ui][layout]") {
    Headless h(1280, 100000);
    h.view.set_payload(test::load_or_throw(test::generated_payload(6, 7)));
    h.settle();
    auto reviews = h.record.all("review");
    REQUIRE(reviews.size() == 12);
    for (const ui::DrawnItem* r : reviews) CHECK(r->max.x - r->min.x <= 600);   // no 1200 px lines
    CHECK(reviews[1]->min.y == reviews[0]->min.y);   // side by side
}

TEST_CASE("keyboard focus is visible: a ring in the accent colour around the focused chip", "[ui][keyboard]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    auto ring_vertices_near = [&](const ui::DrawnItem& it) {
        ImDrawData* d = ImGui::GetDrawData();
        const ImU32 ring = ImGui::GetColorU32(ImGuiCol_NavHighlight);
        int n = 0;
        for (int l = 0; l < d->CmdListsCount; ++l)
            for (const ImDrawVert& v : d->CmdLists[l]->VtxBuffer)
                if (v.col == ring && v.pos.x >= it.min.x - 6 && v.pos.x <= it.max.x + 6 &&
                    v.pos.y >= it.min.y - 6 && v.pos.y <= it.max.y + 6)
                    ++n;
        return n;
    };
    const ui::DrawnItem chip = *h.record.find("chip", "Commercial use");
    CHECK(ring_vertices_near(chip) == 0);   // no ring before the keyboard is used
    key(h, ImGuiKey_Tab);
    h.settle(2);
    CHECK(ring_vertices_near(chip) > 0);
}

TEST_CASE("pricing read: sortable by entry price, rows never overlap", "[ui][pricing]") {
    Headless h(1280, 20000);
    h.view.set_payload(test::load_or_throw(test::generated_payload(6, 3, /*long_text=*/true)));
    h.settle();
    auto names = [&] {
        std::vector<std::string> out;
        for (const ui::DrawnItem* it : h.record.all("pricing.tool")) out.push_back(it->text);
        return out;
    };
    const std::string n0 = "Tool number 0 with an unusually long product name";
    auto name = [](int i) { return "Tool number " + std::to_string(i) + " with an unusually long product name"; };
    CHECK(names() == std::vector<std::string>{name(0), name(1), name(2), name(3), name(4), name(5)});
    click(h, "pricing.sort");   // lowest first; tools without a monthly figure last
    CHECK(names() == std::vector<std::string>{name(0), name(2), name(4), name(1), name(3), name(5)});
    click(h, "pricing.sort");   // highest first
    CHECK(names() == std::vector<std::string>{name(4), name(2), name(0), name(1), name(3), name(5)});
    click(h, "pricing.sort");   // back to payload order
    CHECK(names().front() == n0);

    // Rows stack: every cell of a row lies above every cell of the next.
    std::vector<const ui::DrawnItem*> cells;
    for (const char* role : {"pricing.tool", "pricing.entry", "pricing.monthly", "pricing.license",
                             "pricing.commercial", "pricing.notes"})
        for (const ui::DrawnItem* it : h.record.all(role)) cells.push_back(it);
    REQUIRE(cells.size() == 36);
    for (size_t i = 0; i < cells.size(); ++i)
        for (size_t j = i + 1; j < cells.size(); ++j) {
            CAPTURE(cells[i]->role, cells[i]->text, cells[j]->role, cells[j]->text);
            CHECK_FALSE(test::overlap(*cells[i], *cells[j]));
        }
    const auto tools = h.record.all("pricing.tool");
    for (size_t r = 1; r < tools.size(); ++r) CHECK(tools[r]->min.y > tools[r - 1]->max.y);
}
