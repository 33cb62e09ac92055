// Robustness at the limits (issue 6): hostile payloads of up to 1 MiB end as a short list of
// clear problems in bounded time and memory, and the figures derived from the largest counts a
// payload may give do not overflow.
//
// Each hostile payload below once cost (or could cost) far more than its size: quadratic
// pointers, a million escapes, a number of a million digits, thousands of invalid items. The
// time bound is loose on purpose (it holds under ASan on a busy 2-core machine); what it guards
// against is seconds or minutes, as the long-key duplicate case took before the pointer budget.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

#include "model/payload.hpp"
#include "model/reader.hpp"
#include "support.hpp"

using versus::kMaxPayloadBytes;
using versus::load_payload;
using versus::Verdict;
using versus::Votes;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

const std::string kHead =
    R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "license": )"
    R"({"name": "MIT", "commercial_use": true}}], )";

// `head` + `unit` repeated while the text stays within 1 MiB with `tail` + `end`.
std::string filled(const std::string& head, const std::string& unit, const std::string& tail,
                 const std::string& end = "}") {
    std::string text = head;
    while (text.size() + unit.size() + tail.size() + end.size() <= kMaxPayloadBytes) text += unit;
    return text + tail + end;
}

struct Hostile {
    const char* what;
    std::function<std::string()> make;
    const char* first;   // the first problem, as format_problem("", ·) shows it; or null
};

}  // namespace

TEST_CASE("robustness: hostile 1 MiB payloads end as clear problems, quickly", "[limits][robustness]") {
    const std::string long_key(400000, 'k');
    const Hostile cases[] = {
        {"a million escapes in one string", [] { return filled(kHead + R"("s": ")", "\\u0000", "\""); },
         R"(1:119: warning: /s: unknown field "s" is ignored)"},
        {"a number of a million digits", [] { return filled(kHead + R"("n": )", "1", ""); },
         "1:124: error: /n: the number 1111111111111111111111111111111111111111\u2026 is too large"},
        {"a fraction of a million digits", [] { return filled(kHead + R"("n": 0.)", "0", "1"); },
         R"(1:119: warning: /n: unknown field "n" is ignored)"},
        {"a huge exponent", [] { return kHead + R"("n": 1e)" + std::string(1000, '9') + "}"; },
         "1:124: error: /n: the number 1e99999999999999999999999999999999999999\u2026 is too large"},
        {"thousands of arrays 63 deep",
         [] { return filled(kHead + R"("d": [)", std::string(62, '[') + std::string(62, ']') + ",", "0]"); },
         R"(1:119: warning: /d: unknown field "d" is ignored)"},
        {"tens of thousands of broken tools",
         [] { return filled(R"({"version":1,"title":"A","tools":[)", R"({"id":"T","name":"","license":{}},)", "{}]"); },
         "1:34: error: /tools: must have 1 to 16 tools, got 30840"},
        {"tens of thousands of dangling reviews",
         [] { return filled(kHead + R"("reviews": [)", R"({"tool":"x","reviewer":"y","verdict":"z","quote":""},)", "{}]"); },
         "1:130: error: /reviews: must have at most 1024 reviews, got 19782"},
        {"duplicate keys under a 400 KB key",
         [&] { return filled("{\"" + long_key + "\": [", R"({"a":1,"a":1},)", "{}]"); },
         nullptr},   // the duplicates past the pointer budget are counted: checked below
        {"a title of half a million characters",
         [] { return filled(R"({"version":1,"title":")", "\xC3\xA9", R"(","tools":[])"); },
         "1:22: error: /title: must be 1 to 200 characters long, got 524270"},
    };
    for (const Hostile& h : cases) {
        DYNAMIC_SECTION(h.what) {
            const std::string text = h.make();
            REQUIRE(text.size() <= kMaxPayloadBytes);
            const auto start = std::chrono::steady_clock::now();
            const versus::LoadResult result = load_payload(text);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            CHECK(seconds < 3.0);
            REQUIRE_FALSE(result.problems.empty());
            CHECK(result.problems.size() <= 1001);   // at most 1000 listed + "and N more"
            std::size_t bytes = 0;
            for (const versus::Problem& p : result.problems) {
                bytes += versus::format_problem("payload.json", p).size();
            }
            CHECK(bytes <= 3 * kMaxPayloadBytes);   // what a reader is shown stays near the input
            if (h.first) {
                CHECK(versus::format_problem("", result.problems.front()) == h.first);
            } else {
                CHECK_FALSE(result.ok());
                CHECK(versus::format_problem("", result.problems.back()).rfind("error: and ", 0) == 0);
            }
        }
    }
}

TEST_CASE("robustness: 1 MiB + 1 is refused before anything is read", "[limits][robustness]") {
    for (const char fill_byte : {' ', '[', '{', '"', '9', '\xFF'}) {
        const std::string text(kMaxPayloadBytes + 1, fill_byte);
        CHECK(versus::test::problems_of(text) ==
              versus::test::Lines{
                  "error: the payload is 1048577 bytes; the limit is 1048576 bytes (1 MiB)"});
    }
}

TEST_CASE("robustness: the largest vote counts a payload may give do not overflow",
          "[limits][robustness][figures]") {
    // The reader's own vote on top of the largest count stays at the largest count.
    CHECK(versus::with_reader_vote(Votes{kMax, 0}, Verdict::Ship).ship == kMax);
    CHECK(versus::with_reader_vote(Votes{0, kMax}, Verdict::Skip).skip == kMax);
    CHECK(versus::with_reader_vote(Votes{kMax, 0}, Verdict::Skip).skip == 1);
    CHECK(versus::with_reader_vote(Votes{2, 3}, Verdict::Ship).ship == 3);

    // "NN% ship · N votes" with a total past 2^63 (the sum of two largest counts).
    CHECK(versus::community_text(Votes{kMax, kMax}) ==
          "50% ship \xC2\xB7 18446744073709551614 votes");
    CHECK(versus::community_text(Votes{kMax, 1}) == "100% ship \xC2\xB7 9223372036854775808 votes");
    CHECK(versus::community_text(Votes{1, 0}) == "100% ship \xC2\xB7 1 vote");
    CHECK(versus::community_text(Votes{0, 0}) == "\xE2\x80\x94");

    // One rounding for every percentage: community_percent (figures.cpp).
    CHECK(versus::community_percent(Votes{kMax, 0}) == 100);
    CHECK(versus::community_percent(Votes{kMax / 2, kMax - kMax / 2}) == 50);
    CHECK(versus::community_percent(Votes{1, 7}) == 13);
    CHECK(versus::community_percent(Votes{0, 0}) == std::nullopt);
    CHECK(versus::community_percent(Votes{-1, 6}) == std::nullopt);
}

TEST_CASE("robustness: a payload with the largest counts loads and keeps them",
          "[limits][robustness][figures]") {
    const auto result = load_payload(
        R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "license": )"
        R"({"name": "MIT", "commercial_use": true}, )"
        R"("community": {"ship": 9223372036854775807, "skip": 9223372036854775807}}]})");
    REQUIRE(result.ok());
    const Votes v = result.payload->tools.at(0).community;
    CHECK(v.ship == kMax);
    CHECK(v.skip == kMax);
    CHECK(versus::community_percent(versus::with_reader_vote(v, Verdict::Ship)) == 50);
}
