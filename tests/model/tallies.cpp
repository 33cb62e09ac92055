// Tallies of a vote service (votes-v1.md): the answer of GET .../tallies is read strictly (the
// comparison must be the payload's, counts integers >= 0, a sentence naming the place otherwise),
// and the community figure counts the reader's own vote exactly once whatever the service has
// heard of it: sent and counted, not sent, changed or taken back without the service knowing.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "model/tallies.hpp"

using versus::community_votes;
using versus::parse_tallies;
using versus::Tallies;
using versus::Verdict;
using versus::Votes;

namespace {

constexpr auto kShip = Verdict::Ship;
constexpr auto kSkip = Verdict::Skip;
const std::optional<Verdict> kNone;

std::string pair(const Votes& v) { return std::to_string(v.ship) + "/" + std::to_string(v.skip); }

std::string error_of(const std::string& body, const std::string& comparison = "haiku-vs-mistral") {
    std::string error;
    const auto t = parse_tallies(body, comparison, error);
    return t ? std::string("(parsed)") : error;
}

}  // namespace

TEST_CASE("tallies: the service's answer is read", "[tallies]") {
    std::string error;
    const auto t = parse_tallies(
        R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": 3, "skip": 1}, "mistral-4b": {"ship": 0, "skip": 0}}})",
        "haiku-vs-mistral", error);
    REQUIRE(t);
    CHECK(error.empty());
    CHECK(t->comparison == "haiku-vs-mistral");
    REQUIRE(t->tools.size() == 2);
    CHECK(pair(t->tools.at("haiku")) == "3/1");
    CHECK(pair(t->tools.at("mistral-4b")) == "0/0");
    // Written back the way the service writes it, and read again the same.
    const auto again = parse_tallies(versus::tallies_json(*t), "haiku-vs-mistral", error);
    REQUIRE(again);
    CHECK(pair(again->tools.at("haiku")) == "3/1");
    // Unknown fields are ignored (a newer service may say more).
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {}, "updated": "now"})") == "(parsed)");
}

TEST_CASE("tallies: a wrong answer is an error naming where and what", "[tallies]") {
    CHECK(error_of("<html>502 Bad Gateway</html>") ==
          "the tallies are not JSON: line 1, column 1: syntax error: expected a JSON value, got '<'");
    CHECK(error_of("{\"comparison\": \"haiku-vs-mistral\",\n \"tools\": {\"haiku\": {\"ship\": 1e400}}}") ==
          "the tallies are not JSON: line 2, column 30: the number 1e400 is too large");
    CHECK(error_of("[]") == "the tallies should be a JSON object, got an array");
    CHECK(error_of(R"({"tools": {}})") == "/comparison: expected the comparison's id as a string");
    CHECK(error_of(R"({"comparison": "other", "tools": {}})") ==
          "/comparison: the tallies are for \"other\", not \"haiku-vs-mistral\"");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral"})") == "/tools: expected an object of tallies by tool id");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": 3}})") ==
          "/tools/haiku: expected an object {\"ship\", \"skip\"}, got 3");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": 1}}})") ==
          "/tools/haiku: \"skip\" is missing");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": -1, "skip": 0}}})") ==
          "/tools/haiku/ship: expected an integer >= 0, got -1");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": 1, "skip": 1.5}}})") ==
          "/tools/haiku/skip: expected an integer >= 0, got the number 1.5");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": "2", "skip": 0}}})") ==
          "/tools/haiku/ship: expected an integer >= 0, got a string");
    CHECK(error_of(R"({"comparison": "haiku-vs-mistral", "tools": {"haiku": {"ship": 18446744073709551615, "skip": 0}}})") ==
          "/tools/haiku/ship: expected an integer >= 0, got 18446744073709551615");
}

TEST_CASE("tallies: without a service the reader's vote counts locally", "[tallies]") {
    const Votes payload{10, 5};
    CHECK(pair(community_votes(payload, nullptr, kNone, kNone)) == "10/5");
    CHECK(pair(community_votes(payload, nullptr, kNone, kShip)) == "11/5");
    CHECK(pair(community_votes(payload, nullptr, kNone, kSkip)) == "10/6");
    // What the service once held doesn't matter when its tally is not known.
    CHECK(pair(community_votes(payload, nullptr, kShip, kShip)) == "11/5");
}

TEST_CASE("tallies: the reader's vote counts once", "[tallies]") {
    const Votes payload{10, 5};
    const Votes tally{3, 1};   // every reader's votes the service holds
    // No vote: payload + tally.
    CHECK(pair(community_votes(payload, &tally, kNone, kNone)) == "13/6");
    // Sent and acknowledged: the tally holds it; not added again.
    CHECK(pair(community_votes(payload, &tally, kShip, kShip)) == "13/6");
    // Not sent (offline, refused): the tally lacks it; counted locally.
    CHECK(pair(community_votes(payload, &tally, kNone, kShip)) == "14/6");
    CHECK(pair(community_votes(payload, &tally, kNone, kSkip)) == "13/7");
    // Changed from ship to skip, the change not sent: the service's ship is taken out, skip added.
    CHECK(pair(community_votes(payload, &tally, kShip, kSkip)) == "12/7");
    // Taken back, the take-back not sent: the service's ship is taken out.
    CHECK(pair(community_votes(payload, &tally, kShip, kNone)) == "12/6");
}

TEST_CASE("tallies: never negative, never overflowing", "[tallies]") {
    const Votes empty{0, 0};
    const Votes stale{0, 0};   // a tally older than the vote the service acknowledged
    CHECK(pair(community_votes(empty, &stale, kShip, kNone)) == "0/0");
    CHECK(pair(community_votes(empty, &stale, kShip, kSkip)) == "0/1");
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    const Votes huge{kMax, kMax};
    const Votes tally{kMax, 1};
    const Votes sum = community_votes(huge, &tally, kNone, kShip);
    CHECK(sum.ship == kMax);
    CHECK(sum.skip == kMax);
    CHECK(versus::community_percent(sum) == 50);
}
