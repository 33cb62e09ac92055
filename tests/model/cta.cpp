// cta (a Link): label (1 to 120) and url (absolute http or https), both required.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::load_payload;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

std::string with_cta(const std::string& cta) {
    return R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  "cta": )" + cta + R"(
})";
}

}  // namespace

TEST_CASE("cta: every rule is checked", "[cta]") {
    CHECK(problems_of(with_cta(R"({"label": "", "url": "ftp://example.com/file", "colour": "red"})")) ==
          Lines{
              "5:20: error: /cta/label: must be 1 to 120 characters long, got 0",
              R"(5:31: error: /cta/url: must be an absolute http: or https: URL, got "ftp://example.com/file")",
              R"(5:57: warning: /cta/colour: unknown field "colour" is ignored)",
          });
    CHECK(problems_of(with_cta(R"({"label": ")" + std::string(121, 'l') + R"(", "url": 5})")) ==
          Lines{
              "5:20: error: /cta/label: must be 1 to 120 characters long, got 121",
              "5:152: error: /cta/url: expected a string, got the number 5",
          });
    CHECK(problems_of(with_cta("{}")) == Lines{
                                             R"(5:10: error: /cta: missing required field "label")",
                                             R"(5:10: error: /cta: missing required field "url")",
                                         });
    CHECK(problems_of(with_cta(R"("x")")) ==
          Lines{R"(5:10: error: /cta: expected an object, got the string "x")"});
}

TEST_CASE("cta: a valid link is read", "[cta]") {
    const auto result = load_payload(with_cta(
        R"({"label": "Weekly AI Tool Verdicts \u2014 Get the next comparison in your inbox",
          "url": "https://example.com/newsletter"})"));
    REQUIRE(result.ok());
    REQUIRE(result.payload->cta.has_value());
    CHECK(result.payload->cta->label ==
          "Weekly AI Tool Verdicts \u2014 Get the next comparison in your inbox");
    CHECK(result.payload->cta->url == "https://example.com/newsletter");
}
