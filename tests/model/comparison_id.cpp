// The payload's optional top-level `id`: the comparison's stable id, which a vote service keys
// its tallies on (payload-v1.md, votes-v1.md). Same pattern as tool ids.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

std::string with_id(const std::string& id) {
    return R"({"version": 1, "id": )" + id +
           R"(, "title": "A", "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})";
}

}  // namespace

TEST_CASE("comparison id: optional, read when given", "[comparison-id]") {
    const auto absent = load_payload(
        R"({"version": 1, "title": "A", "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}]})");
    REQUIRE(absent.ok());
    CHECK(absent.payload->id.empty());
    CHECK(absent.problems.empty());

    const auto given = load_payload(with_id(R"("haiku-vs-mistral")"));
    REQUIRE(given.ok());
    CHECK(given.payload->id == "haiku-vs-mistral");
    CHECK(given.problems.empty());   // a known field: no "unknown field" warning

    CHECK(load_payload(with_id(R"("a")")).ok());                               // 1 character
    CHECK(load_payload(with_id("\"" + std::string(64, 'z') + "\"")).ok());     // 64 characters
    CHECK(load_payload(with_id(R"("0-9")")).ok());
}

TEST_CASE("comparison id: must match ^[a-z0-9][a-z0-9-]{0,63}$", "[comparison-id]") {
    const std::string rule =
        "1:22: error: /id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and "
        "'-'), got ";
    CHECK(problems_of(with_id(R"("Haiku")")) == Lines{rule + R"("Haiku")"});
    CHECK(problems_of(with_id(R"("")")) == Lines{rule + R"("")"});
    CHECK(problems_of(with_id(R"("-a")")) == Lines{rule + R"("-a")"});
    CHECK(problems_of(with_id(R"("a/b")")) == Lines{rule + R"("a/b")"});
    CHECK(problems_of(with_id(R"("a b")")) == Lines{rule + R"("a b")"});
    const std::string long_id(65, 'a');
    CHECK(problems_of(with_id("\"" + long_id + "\"")) ==
          Lines{rule + "\"" + long_id.substr(0, 60) + "\u2026\""});
    CHECK(problems_of(with_id("42")) == Lines{"1:22: error: /id: expected a string, got the number 42"});
    CHECK(problems_of(with_id("null")) == Lines{"1:22: error: /id: expected a string, got null"});
}

TEST_CASE("comparison id: the seed comparison has one", "[comparison-id]") {
    const auto seed = load_payload(versus::test::seed_text());
    REQUIRE(seed.ok());
    CHECK(seed.payload->id == "haiku-vs-mistral");
}
