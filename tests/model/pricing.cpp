// Pricing: entry (required, 1 to 60), entry_usd_month (number >= 0 or null), notes (<= 500).
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

std::string with_pricing(const std::string& pricing) {
    return R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "a",
      "name": "A",
      "license": {"name": "MIT", "commercial_use": true},
      "pricing": )" + pricing + R"(
    }
  ]
})";
}

}  // namespace

TEST_CASE("pricing: every field is checked", "[pricing]") {
    CHECK(problems_of(with_pricing(R"({
        "entry": "",
        "entry_usd_month": -5,
        "notes": ")" + std::string(501, 'n') + R"("
      })")) == Lines{
        "10:18: error: /tools/0/pricing/entry: must be 1 to 60 characters long, got 0",
        "11:28: error: /tools/0/pricing/entry_usd_month: must be a number \u2265 0 or null, got -5",
        "12:18: error: /tools/0/pricing/notes: must be at most 500 characters long, got 501",
    });
    CHECK(problems_of(with_pricing(R"({
        "entry": ")" + std::string(61, 'e') + R"(",
        "entry_usd_month": "5"
      })")) == Lines{
        "10:18: error: /tools/0/pricing/entry: must be 1 to 60 characters long, got 61",
        R"(11:28: error: /tools/0/pricing/entry_usd_month: expected a number or null, got the string "5")",
    });
    CHECK(problems_of(with_pricing(R"({"entry_usd_month": -0.5})")) == Lines{
        R"(9:18: error: /tools/0/pricing: missing required field "entry")",
        "9:38: error: /tools/0/pricing/entry_usd_month: must be a number \u2265 0 or null, got -0.5",
    });
}

TEST_CASE("pricing: amounts are read, null is unknown", "[pricing]") {
    const auto amount = [](const std::string& usd) {
        const auto result =
            load_payload(with_pricing(R"({"entry": "$20 / month", "entry_usd_month": )" + usd + "}"));
        REQUIRE(result.ok());
        REQUIRE(result.payload->tools[0].pricing.has_value());
        CHECK(result.payload->tools[0].pricing->entry == "$20 / month");
        CHECK(result.payload->tools[0].pricing->notes.empty());
        return result.payload->tools[0].pricing->entry_usd_month;
    };
    CHECK(amount("20") == std::optional<double>(20.0));
    CHECK(amount("19.99") == std::optional<double>(19.99));
    CHECK(amount("0") == std::optional<double>(0.0));
    CHECK(amount("null") == std::nullopt);
}
