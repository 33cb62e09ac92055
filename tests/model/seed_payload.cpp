// The default payload (assets/payloads/haiku-vs-mistral.json) reproduces the seed page: it
// validates without a single problem and gives the page's figures.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::Verdict;

namespace {

const versus::Payload& seed() {
    static const versus::LoadResult result = load_payload(versus::test::seed_text());
    REQUIRE(result.problems.empty());
    REQUIRE(result.ok());
    return *result.payload;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("seed: the file validates with no problems and is the embedded default", "[seed]") {
    const auto result = load_payload(versus::test::seed_text());
    CHECK(versus::test::problems(result).empty());
    CHECK(result.ok());
    CHECK(versus::default_payload_text() == versus::test::seed_text());
    CHECK(versus::default_payload_name() == "haiku-vs-mistral.json");
}

TEST_CASE("seed: the page's texts", "[seed]") {
    const versus::Payload& p = seed();
    CHECK(p.version == 1);
    CHECK(p.title == "Claude Haiku Open Weights vs Mistral 4B");
    CHECK(p.kicker == "AI tool comparison");
    CHECK(p.question == "Which one should you ship with?");
    CHECK(p.summary == "Here is the side-by-side panel verdict, pricing read, reviewer split, and "
                       "community vote comparison.");
    REQUIRE(p.tools.size() == 2);
    CHECK(p.tools[0].name == "Claude Haiku Open Weights");
    CHECK(p.tools[0].vendor == "Anthropic");
    CHECK(p.tools[0].tagline == "Anthropic's first open-weight model release for research use");
    CHECK(p.tools[1].name == "Mistral 4B");
    CHECK(p.tools[1].tagline ==
          "Compact, powerful AI that runs natively on your device \u2014 no cloud needed.");
    for (const versus::Tool& t : p.tools) {
        CHECK(t.category == "Developer Tools");
        REQUIRE(t.pricing.has_value());
        CHECK(t.pricing->entry == "Free");
        CHECK(t.pricing->entry_usd_month == std::optional<double>(0.0));
        CHECK_FALSE(t.pricing->notes.empty());
        CHECK(t.community.ship == 0);
        CHECK(t.community.skip == 0);
        CHECK(starts_with(t.url, "https://"));
    }
    CHECK(starts_with(p.tools[0].description, "Anthropic has released the weights for Claude Haiku"));
    CHECK(starts_with(p.tools[1].description, "Mistral 4B is a lightweight large language model"));
    REQUIRE(p.cta.has_value());
    CHECK(p.cta->label == "Weekly AI Tool Verdicts \u2014 Get the next comparison in your inbox");
}

TEST_CASE("seed: the license facts", "[seed]") {
    const versus::Payload& p = seed();
    const versus::License& haiku = p.tools[0].license;
    CHECK(haiku.name == "Research, non-commercial");
    CHECK_FALSE(haiku.spdx.has_value());
    CHECK_FALSE(haiku.commercial_use);
    CHECK(haiku.open_weights);
    CHECK_FALSE(haiku.osi_approved);
    const versus::License& mistral = p.tools[1].license;
    CHECK(mistral.name == "Apache 2.0");
    CHECK(mistral.spdx == std::optional<std::string>("Apache-2.0"));
    CHECK(mistral.commercial_use);
    CHECK(mistral.open_weights);
    CHECK(mistral.osi_approved);
}

TEST_CASE("seed: the panel and the eight quotes in page order", "[seed]") {
    const versus::Payload& p = seed();
    REQUIRE(p.reviewers.size() == 5);
    CHECK(p.reviewers[0].lens == "Developer experience");
    CHECK(p.reviewers[1].lens == "Skeptic");
    CHECK(p.reviewers[2].lens == "Strategy");
    CHECK(p.reviewers[3].lens == "Business");
    CHECK(p.reviewers[4].lens == "Creative");

    struct Expected {
        int tool;
        int reviewer;
        Verdict verdict;
        const char* opening;
    };
    const Expected expected[] = {
        {0, 0, Verdict::Ship, "The primitive here is simple: a downloadable weight file"},
        {1, 0, Verdict::Ship, "Apache 2.0 plus competitive MMLU scores"},
        {0, 1, Verdict::Skip, "Direct competitors here are Llama 3.1 8B and Mistral 7B \u2014 both"},
        {1, 1, Verdict::Ship, "I'll give Mistral credit \u2014 'competitive MMLU scores'"},
        {0, 2, Verdict::Ship, "The thesis this release bets on:"},
        {1, 2, Verdict::Ship, "This release is a meaningful inflection point:"},
        {0, 3, Verdict::Skip, "The buyer here is nobody \u2014 there's no revenue"},
        {1, 4, Verdict::Skip, "For creatives, the big selling point here is privacy"},
    };
    REQUIRE(p.reviews.size() == 8);
    for (int i = 0; i < 8; ++i) {
        INFO("quote " << i + 1);
        CHECK(p.reviews[i].tool == expected[i].tool);
        CHECK(p.reviews[i].reviewer == expected[i].reviewer);
        CHECK(p.reviews[i].verdict == expected[i].verdict);
        CHECK(starts_with(p.reviews[i].quote, expected[i].opening));
        CHECK_FALSE(starts_with(p.reviews[i].quote, "\u201C"));   // without the page's marks
    }
    CHECK(ends_with(p.reviews[7].quote, "firmly in 'wait and see' territory for me."));
}

TEST_CASE("seed: the page's figures", "[seed]") {
    const versus::Payload& p = seed();
    CHECK(versus::percent_text(versus::panel_figure(p, 0).percent) == "50%");
    CHECK(versus::percent_text(versus::panel_figure(p, 1).percent) == "75%");
    CHECK(versus::percent_text(versus::community_percent(p.tools[0].community)) == "\u2014");
    CHECK(versus::percent_text(versus::community_percent(p.tools[1].community)) == "\u2014");
}

TEST_CASE("seed: the reviewer split", "[seed]") {
    const versus::Payload& p = seed();
    const versus::ReviewerSplit split = versus::reviewer_split(p);
    CHECK(split.tools == std::vector<int>{0, 1});
    REQUIRE(split.per_tool.size() == 2);
    CHECK(split.per_tool[0].ship == 2);
    CHECK(split.per_tool[0].skip == 2);
    CHECK(split.per_tool[1].ship == 3);
    CHECK(split.per_tool[1].skip == 1);
    REQUIRE(split.rows.size() == 5);
    using V = std::optional<Verdict>;
    // Developer experience: ship, ship.
    CHECK(split.rows[0].reviewer == 0);
    CHECK(split.rows[0].verdicts == std::vector<V>{Verdict::Ship, Verdict::Ship});
    CHECK(split.rows[0].reviewed == 2);
    CHECK_FALSE(split.rows[0].differs);
    // Skeptic: skip on Haiku, ship on Mistral.
    CHECK(split.rows[1].verdicts == std::vector<V>{Verdict::Skip, Verdict::Ship});
    CHECK(split.rows[1].differs);
    // Strategy: ship, ship.
    CHECK(split.rows[2].verdicts == std::vector<V>{Verdict::Ship, Verdict::Ship});
    CHECK_FALSE(split.rows[2].differs);
    // Business and Creative reviewed one tool each.
    CHECK(split.rows[3].verdicts == std::vector<V>{Verdict::Skip, std::nullopt});
    CHECK(split.rows[3].reviewed == 1);
    CHECK_FALSE(split.rows[3].differs);
    CHECK(split.rows[4].verdicts == std::vector<V>{std::nullopt, Verdict::Skip});
    CHECK_FALSE(split.rows[4].differs);
}
