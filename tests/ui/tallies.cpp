// A vote service's tallies on the canvas: the card's community figure and its vote count are
// payload + tally + the reader's vote, once (model/tallies.hpp), before and after the service
// acknowledges the reader's vote; a note line is drawn under the widget when the host sets one.
#include "headless.hpp"

#include <catch2/catch.hpp>

using namespace versus;
using versus::test::Headless;

namespace {

// The community figure and its label ("Community · 5 votes") drawn in a tool's card.
std::pair<std::string, std::string> community(const Headless& h, const char* id) {
    const ui::DrawnItem* card = h.record.find("card", id);
    REQUIRE(card);
    std::string value, label;
    for (const ui::DrawnItem* it : h.record.all("tool.community"))
        if (test::inside(*it, *card)) value = it->text;
    for (const ui::DrawnItem* it : h.record.all("tool.figure-label"))
        if (test::inside(*it, *card) && it->text.rfind("Community", 0) == 0) label = it->text;
    return {value, label};
}

Tallies seed_tallies(Votes haiku, Votes mistral) {
    Tallies t;
    t.comparison = "haiku-vs-mistral";
    t.tools["haiku"] = haiku;
    t.tools["mistral-4b"] = mistral;
    return t;
}

}  // namespace

TEST_CASE("tallies: the card counts every reader's votes and the reader's own once", "[ui][votes][tallies]") {
    Headless h(1100, 3000);
    Payload p = test::seed_payload();
    p.tools[1].community = Votes{1, 1};   // the publisher's own counts stay part of the figure
    h.view.set_payload(p);
    h.settle();
    CHECK(community(h, "haiku") == std::make_pair(std::string("\xE2\x80\x94"), std::string("Community")));

    // Other readers' votes arrive: 3 ship, 1 skip on Haiku; 2 skip on Mistral.
    h.view.set_tallies(seed_tallies({3, 1}, {0, 2}));
    h.settle();
    CHECK(community(h, "haiku") == std::make_pair(std::string("75%"), std::string("Community \xC2\xB7 4 votes")));
    CHECK(community(h, "mistral-4b") == std::make_pair(std::string("25%"), std::string("Community \xC2\xB7 4 votes")));

    // The reader votes Ship on Haiku: counted at once, locally (the service hasn't answered).
    h.view.set_votes({{"haiku", Verdict::Ship}});
    h.settle();
    CHECK(community(h, "haiku") == std::make_pair(std::string("80%"), std::string("Community \xC2\xB7 5 votes")));
    CHECK(h.view.community(0).ship == 4);

    // The service answers with the tally that holds it: still 5 votes, not 6.
    h.view.set_tallies(seed_tallies({4, 1}, {0, 2}), {{"haiku", Verdict::Ship}});
    h.settle();
    CHECK(community(h, "haiku") == std::make_pair(std::string("80%"), std::string("Community \xC2\xB7 5 votes")));

    // Taken back while the service can't be reached: its tally still holds the ship; not shown.
    h.view.set_votes({});
    h.settle();
    CHECK(community(h, "haiku") == std::make_pair(std::string("75%"), std::string("Community \xC2\xB7 4 votes")));

    // The tallies dropped (another service, a payload without id): the payload's counts only.
    h.view.set_tallies(std::nullopt);
    h.settle();
    CHECK(community(h, "mistral-4b") == std::make_pair(std::string("50%"), std::string("Community \xC2\xB7 2 votes")));
}

TEST_CASE("tallies: the host's note is drawn under the widget", "[ui][tallies]") {
    Headless h(1100, 3000);
    h.view.set_payload(test::seed_payload());
    h.settle();
    CHECK_FALSE(h.record.find("note"));
    const float before = h.view.content_height();
    h.view.set_note("Live votes: cannot reach http://127.0.0.1:9 (connection refused)");
    h.settle();
    const ui::DrawnItem* note = h.record.find("note");
    REQUIRE(note);
    CHECK(note->text == "Live votes: cannot reach http://127.0.0.1:9 (connection refused)");
    const ui::DrawnItem* cta = h.record.find("cta");
    REQUIRE(cta);
    CHECK(note->min.y >= cta->max.y);
    CHECK(h.view.content_height() > before);
}
