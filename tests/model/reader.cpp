// What a reader does, as pure functions: license filters, votes, the pricing order.
#include <catch2/catch.hpp>

#include "model/reader.hpp"
#include "support.hpp"

using namespace versus;

static Payload seed() {
    LoadResult r = load_payload(test::seed_text());
    REQUIRE(r.ok());
    return *r.payload;
}

TEST_CASE("reader: license chips are the distinct license names in order", "[reader]") {
    Payload p = seed();
    CHECK(license_names(p) == std::vector<std::string>{"Research, non-commercial", "Apache 2.0"});
    p.tools.push_back(p.tools[1]);
    CHECK(license_names(p).size() == 2);
}

TEST_CASE("reader: a tool is shown when it satisfies every active chip", "[reader]") {
    const Payload p = seed();
    LicenseFilter f;
    CHECK(shown_tools(p, f) == std::vector<char>{true, true});
    f.commercial_use = true;
    CHECK(shown_tools(p, f) == std::vector<char>{false, true});
    f = {};
    f.open_weights = true;
    CHECK(shown_tools(p, f) == std::vector<char>{true, true});
    f.osi_approved = true;
    CHECK(shown_tools(p, f) == std::vector<char>{false, true});
    f = {};
    f.license_name = "Research, non-commercial";
    CHECK(shown_tools(p, f) == std::vector<char>{true, false});
    f.commercial_use = true;   // both at once: nothing
    CHECK(shown_tools(p, f) == std::vector<char>{false, false});
    CHECK(f.active());
    f.clear();
    CHECK_FALSE(f.active());
}

TEST_CASE("reader: filters that no longer apply are dropped after a reload", "[reader]") {
    Payload p = seed();
    LicenseFilter f;
    f.license_name = "Apache 2.0";
    f.open_weights = true;
    keep_applicable(f, p);
    CHECK(f.license_name == "Apache 2.0");
    p.tools[1].license.name = "Apache License 2.0";
    keep_applicable(f, p);
    CHECK(f.license_name.empty());
    CHECK(f.open_weights);   // the fact chips always apply
}

TEST_CASE("reader: the reader's vote counts with the community's", "[reader]") {
    CHECK(with_reader_vote({3, 1}, Verdict::Ship).ship == 4);
    CHECK(with_reader_vote({3, 1}, Verdict::Skip).skip == 2);
    CHECK(with_reader_vote({3, 1}, std::nullopt).ship == 3);
    CHECK(community_text({0, 0}) == "\xE2\x80\x94");
    CHECK(community_text({1, 0}) == "100% ship \xC2\xB7 1 vote");
    CHECK(community_text({3, 1}) == "75% ship \xC2\xB7 4 votes");
}

TEST_CASE("reader: the pricing order sorts by monthly price, unknown last", "[reader]") {
    Payload p = seed();
    p.tools.push_back(p.tools[0]);
    p.tools.push_back(p.tools[1]);
    p.tools[0].pricing->entry_usd_month = 20;
    p.tools[1].pricing->entry_usd_month = std::nullopt;
    p.tools[2].pricing.reset();
    p.tools[3].pricing->entry_usd_month = 5;
    CHECK(pricing_order(p, {}, PriceSort::Payload) == std::vector<int>{0, 1, 2, 3});
    CHECK(pricing_order(p, {}, PriceSort::Ascending) == std::vector<int>{3, 0, 1, 2});
    CHECK(pricing_order(p, {}, PriceSort::Descending) == std::vector<int>{0, 3, 1, 2});
    CHECK(pricing_order(p, {true, false, true, false}, PriceSort::Ascending) == std::vector<int>{0, 2});
    // Equal prices, and unknown ones, keep the payload's order in both directions (16 tools).
    while (p.tools.size() < 16) p.tools.push_back(p.tools[p.tools.size() % 2]);
    for (std::size_t i = 0; i < p.tools.size(); ++i) {
        p.tools[i].pricing = p.tools[0].pricing;
        p.tools[i].pricing->entry_usd_month = i % 3 == 0 ? std::nullopt : std::optional<double>(i % 2 ? 10 : 20);
    }
    const std::vector<int> ascending{1, 5, 7, 11, 13, 2, 4, 8, 10, 14, 0, 3, 6, 9, 12, 15};
    const std::vector<int> descending{2, 4, 8, 10, 14, 1, 5, 7, 11, 13, 0, 3, 6, 9, 12, 15};
    CHECK(pricing_order(p, {}, PriceSort::Ascending) == ascending);
    CHECK(pricing_order(p, {}, PriceSort::Descending) == descending);
}

TEST_CASE("reader: monthly prices as a reader reads them", "[reader]") {
    CHECK(monthly_price_text(std::nullopt) == "\xE2\x80\x94");
    CHECK(monthly_price_text(0.0) == "$0 / month");
    CHECK(monthly_price_text(20.0) == "$20 / month");
    CHECK(monthly_price_text(12.5) == "$12.50 / month");
    CHECK(monthly_price_text(1e15) == "$1e+15 / month");
}
