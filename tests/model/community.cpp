// Votes (community): ship and skip are required integers >= 0. A number written with a fraction
// or an exponent is an integer when its value is whole (2.0, 1e3), as in JSON Schema; counts beyond int64 are an
// error.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

// "ship" is at column 139.
std::string with_ship(const std::string& ship) {
    return R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "license": )"
           R"({"name": "MIT", "commercial_use": true}, "community": {"ship": )" +
           ship + R"(, "skip": 0}}]})";
}

}  // namespace

TEST_CASE("community: ship and skip are checked", "[community]") {
    CHECK(problems_of(R"({
  "version": 1,
  "title": "A",
  "tools": [
    {
      "id": "a",
      "name": "A",
      "license": {"name": "MIT", "commercial_use": true},
      "community": {
        "ship": -1,
        "skip": 3.5
      }
    }
  ]
})") == Lines{
        "10:17: error: /tools/0/community/ship: must be an integer \u2265 0, got -1",
        "11:17: error: /tools/0/community/skip: expected an integer, got the number 3.5",
    });
    CHECK(problems_of(R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A",
      "license": {"name": "MIT", "commercial_use": true}, "community": {}}]})") == Lines{
        R"(2:72: error: /tools/0/community: missing required field "ship")",
        R"(2:72: error: /tools/0/community: missing required field "skip")",
    });
}

TEST_CASE("community: what counts as an integer", "[community]") {
    const std::string at = "1:139: error: /tools/0/community/ship: ";
    CHECK(problems_of(with_ship("2.0")).empty());   // a whole number, as JSON Schema counts it
    CHECK(load_payload(with_ship("1e3")).payload->tools[0].community.ship == 1000);
    CHECK(problems_of(with_ship("2.5")) == Lines{at + "expected an integer, got the number 2.5"});
    CHECK(problems_of(with_ship("-3.0")) == Lines{at + "must be an integer \u2265 0, got -3.0"});
    CHECK(problems_of(with_ship("1e20")) == Lines{at + "must be at most 9223372036854775807, got 1e+20"});
    CHECK(problems_of(with_ship(R"("3")")) ==
          Lines{at + R"(expected an integer, got the string "3")"});
    CHECK(problems_of(with_ship("true")) == Lines{at + "expected an integer, got true"});
    CHECK(problems_of(with_ship("-9223372036854775808")) ==
          Lines{at + "must be an integer \u2265 0, got -9223372036854775808"});
    CHECK(problems_of(with_ship("18446744073709551615")) ==
          Lines{at + "must be at most 9223372036854775807, got 18446744073709551615"});
    // Past uint64, JSON readers (nlohmann/json included) read a double.
    CHECK(problems_of(with_ship("100000000000000000000")) ==
          Lines{at + "must be at most 9223372036854775807, got 1e+20"});

    const auto big = load_payload(with_ship("9223372036854775807"));
    REQUIRE(big.ok());
    CHECK(big.payload->tools[0].community.ship == std::numeric_limits<std::int64_t>::max());
    const auto zero = load_payload(with_ship("0"));
    REQUIRE(zero.ok());
    CHECK(zero.payload->tools[0].community.ship == 0);
}
