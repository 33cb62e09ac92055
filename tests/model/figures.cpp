// Derived figures: panel ship share, community share (rounded half up), their text, and the
// reviewer split over the shown tools.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "model/payload.hpp"

using versus::community_percent;
using versus::panel_figure;
using versus::percent_text;
using versus::Verdict;
using versus::Votes;

namespace {

// Three tools, three reviewers; reviews given as {tool, reviewer, verdict}.
versus::Payload panel(std::initializer_list<versus::Review> reviews) {
    versus::Payload p;
    p.title = "A vs B vs C";
    for (const char* id : {"a", "b", "c"}) p.tools.push_back(versus::Tool{id, id, {}, {}, {}, {}, {}, {}, {}, {}});
    for (const char* id : {"ana", "bo", "cy"}) p.reviewers.push_back(versus::Reviewer{id, id, {}});
    p.reviews = reviews;
    return p;
}

versus::Review review(int tool, int reviewer, Verdict verdict) {
    return versus::Review{tool, reviewer, verdict, "Q"};
}

}  // namespace

TEST_CASE("figures: percent text", "[figures]") {
    CHECK(percent_text(75) == "75%");
    CHECK(percent_text(0) == "0%");
    CHECK(percent_text(100) == "100%");
    CHECK(percent_text(std::nullopt) == "\u2014");
}

TEST_CASE("figures: panel ship share rounds half up", "[figures]") {
    const auto p = panel({
        review(0, 0, Verdict::Ship), review(0, 1, Verdict::Skip), review(0, 2, Verdict::Skip),
        review(1, 0, Verdict::Ship), review(1, 1, Verdict::Ship), review(1, 2, Verdict::Skip),
    });
    CHECK(panel_figure(p, 0).ship == 1);
    CHECK(panel_figure(p, 0).skip == 2);
    CHECK(panel_figure(p, 0).percent == 33);
    CHECK(panel_figure(p, 1).percent == 67);
    CHECK(panel_figure(p, 2).percent == std::nullopt);
    CHECK(percent_text(panel_figure(p, 2).percent) == "\u2014");
    CHECK(panel_figure(p, 7).percent == std::nullopt);   // no such tool
}

TEST_CASE("figures: community share", "[figures]") {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    CHECK(community_percent(Votes{0, 0}) == std::nullopt);
    CHECK(community_percent(Votes{1, 1}) == 50);
    CHECK(community_percent(Votes{1, 7}) == 13);   // 12.5 rounds up
    CHECK(community_percent(Votes{1, 199}) == 1);  // 0.5 rounds up
    CHECK(community_percent(Votes{1, 200}) == 0);
    CHECK(community_percent(Votes{3, 0}) == 100);
    CHECK(community_percent(Votes{0, 5}) == 0);
    CHECK(community_percent(Votes{kMax, kMax}) == 50);
    CHECK(community_percent(Votes{kMax, 0}) == 100);
    CHECK(community_percent(Votes{1, kMax}) == 0);
    // Exact at every scale: 1 of 8 is 12.5 % -> 13 even with counts near 2^63, and one vote
    // fewer (12.4999999999999999989 %) is 12, a difference no 64-bit float can see.
    constexpr std::int64_t k60 = std::int64_t{1} << 60;
    CHECK(community_percent(Votes{k60, 7 * k60}) == 13);
    CHECK(community_percent(Votes{k60 - 1, 7 * k60 + 1}) == 12);
    CHECK(community_percent(Votes{kMax, kMax - 1}) == 50);
    CHECK(community_percent(Votes{-1, 3}) == std::nullopt);
}

TEST_CASE("figures: reviewer split over all tools", "[figures]") {
    const auto p = panel({
        review(0, 0, Verdict::Ship), review(1, 0, Verdict::Ship), review(2, 0, Verdict::Skip),
        review(2, 1, Verdict::Ship),
        review(0, 2, Verdict::Skip), review(1, 2, Verdict::Skip),
    });
    const auto split = versus::reviewer_split(p);
    CHECK(split.tools == std::vector<int>{0, 1, 2});
    REQUIRE(split.per_tool.size() == 3);
    CHECK(split.per_tool[2].ship == 1);
    CHECK(split.per_tool[2].skip == 1);
    REQUIRE(split.rows.size() == 3);
    CHECK(split.rows[0].reviewed == 3);
    CHECK(split.rows[0].differs);
    CHECK(split.rows[1].reviewed == 1);
    CHECK_FALSE(split.rows[1].differs);
    CHECK(split.rows[2].reviewed == 2);
    CHECK_FALSE(split.rows[2].differs);
}

TEST_CASE("figures: reviewer split over the shown tools only", "[figures]") {
    const auto p = panel({
        review(0, 0, Verdict::Ship), review(1, 0, Verdict::Ship), review(2, 0, Verdict::Skip),
        review(2, 1, Verdict::Ship),
        review(0, 2, Verdict::Skip), review(1, 2, Verdict::Skip),
    });
    using V = std::optional<Verdict>;
    // Hiding tool c: ana no longer differs and bo, who only reviewed c, has no row.
    const auto ab = versus::reviewer_split(p, {true, true, false});
    CHECK(ab.tools == std::vector<int>{0, 1});
    REQUIRE(ab.rows.size() == 2);
    CHECK(ab.rows[0].reviewer == 0);
    CHECK(ab.rows[0].verdicts == std::vector<V>{Verdict::Ship, Verdict::Ship});
    CHECK_FALSE(ab.rows[0].differs);
    CHECK(ab.rows[1].reviewer == 2);
    // Showing b and c: ana differs again; a shorter vector hides the rest.
    const auto bc = versus::reviewer_split(p, {false, true, true});
    CHECK(bc.tools == std::vector<int>{1, 2});
    REQUIRE(bc.rows.size() == 3);
    CHECK(bc.rows[0].differs);
    CHECK(bc.rows[1].verdicts == std::vector<V>{std::nullopt, Verdict::Ship});
    const auto a = versus::reviewer_split(p, {true});
    CHECK(a.tools == std::vector<int>{0});
    REQUIRE(a.rows.size() == 2);
    CHECK(a.rows[0].reviewed == 1);
    CHECK_FALSE(a.rows[0].differs);
    // Nothing shown: no rows.
    CHECK(versus::reviewer_split(p, {false, false, false}).rows.empty());
}
