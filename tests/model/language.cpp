// lang (BCP 47, at most 35 characters), dir (ltr / rtl / auto) and labels (label id → 1 to 80
// characters; an unknown id is a warning with a near-miss suggestion): payload-v1.md, "Language
// and direction".
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using versus::Label;
using versus::load_payload;
using versus::TextDirection;
using versus::test::Lines;
using versus::test::problems_of;

namespace {

std::string with(const std::string& member) {
    return R"({
  "version": 1,
  "title": "A",
  "tools": [{"id": "a", "name": "A", "license": {"name": "MIT", "commercial_use": true}}],
  )" + member + R"(
})";
}

}  // namespace

TEST_CASE("language: lang, dir and labels are read", "[language]") {
    const auto r = load_payload(with(R"("lang": "pt-BR", "dir": "rtl", "labels": {"ship": "Comprar", "skip": "Passar", "vote_question": "Você compraria?"})"));
    REQUIRE(r.ok());
    CHECK(r.problems.empty());
    CHECK(r.payload->lang == "pt-BR");
    CHECK(r.payload->dir == TextDirection::Rtl);
    CHECK(r.payload->labels[static_cast<size_t>(Label::ship)] == "Comprar");
    CHECK(r.payload->labels[static_cast<size_t>(Label::vote_question)] == "Você compraria?");
    CHECK(r.payload->labels[static_cast<size_t>(Label::community)].empty());

    const auto plain = load_payload(with(R"("dir": "auto")"));
    REQUIRE(plain.ok());
    CHECK(plain.payload->lang.empty());
    CHECK(plain.payload->dir == TextDirection::Auto);
    CHECK(load_payload(with(R"("dir": "ltr")")).payload->dir == TextDirection::Ltr);
}

TEST_CASE("language: well-formed BCP 47 tags are accepted, others named", "[language]") {
    for (const char* tag : {"en", "EN", "pt-BR", "zh-Hans", "zh-Hans-CN", "sr-Latn-RS", "es-419", "de-CH-1996",
                            "ar", "fa-IR", "he", "ja", "yue-HK", "zh-cmn-Hans-CN", "en-US-x-twain", "x-whatever",
                            "de-DE-u-co-phonebk", "sl-rozaj-biske", "hy-Latn-IT-arevela", "en-a-bbb-x-a-ccc"}) {
        INFO(tag);
        CHECK(problems_of(with(std::string(R"("lang": ")") + tag + "\"")).empty());
        CHECK(versus::is_language_tag(tag));
    }
    for (const char* tag : {"", "e", "english!", "en_US", "en-", "-en", "en--US", "123", "en-a", "en-x",
                            "toolongtag", "i-klingon", "en-US-x-", "ab-abcdefghi"}) {
        INFO(tag);
        CHECK_FALSE(versus::is_language_tag(tag));
    }
    CHECK(problems_of(with(R"("lang": "en_US")")) ==
          Lines{R"(5:11: error: /lang: must be a BCP 47 language tag such as "en", "pt-BR" or "zh-Hans", got "en_US")"});
    CHECK(problems_of(with(R"("lang": "")")) ==
          Lines{R"(5:11: error: /lang: must be a BCP 47 language tag such as "en", "pt-BR" or "zh-Hans", got "")"});
    CHECK(problems_of(with(R"("lang": 7)")) == Lines{"5:11: error: /lang: expected a string, got the number 7"});
    CHECK(problems_of(with("\"lang\": \"zh-Hans-CN-x-abcdefgh-abcdefgh-abcde\"")) ==
          Lines{"5:11: error: /lang: must be at most 35 characters long, got 36"});
}

TEST_CASE("language: dir is ltr, rtl or auto", "[language]") {
    CHECK(problems_of(with(R"("dir": "RTL")")) ==
          Lines{R"(5:10: error: /dir: must be "ltr", "rtl" or "auto", got "RTL")"});
    CHECK(problems_of(with(R"("dir": true)")) == Lines{"5:10: error: /dir: expected a string, got true"});
}

TEST_CASE("language: labels are 1 to 80 characters, unknown ids are warnings", "[language]") {
    CHECK(problems_of(with(R"("labels": {"shipp": "Buy", "skip": "", "vote_question": 3, "panel_ship": ")" +
                           std::string(81, 'x') + R"(", "colour": "red"})")) ==
          Lines{
              R"(5:14: warning: /labels/shipp: unknown label "shipp" is ignored; did you mean "ship"?)",
              "5:38: error: /labels/skip: must be 1 to 80 characters long, got 0",
              "5:59: error: /labels/vote_question: expected a string, got the number 3",
              "5:76: error: /labels/panel_ship: must be 1 to 80 characters long, got 81",
              R"(5:161: warning: /labels/colour: unknown label "colour" is ignored)",
          });
    CHECK(problems_of(with(R"("labels": ["ship"])")) == Lines{"5:13: error: /labels: expected an object, got an array"});
    // 80 characters of any script are fine (code points, not bytes).
    CHECK(problems_of(with(R"("labels": {"ship": ")" + [] { std::string s; for (int i = 0; i < 80; ++i) s += "\u0634"; return s; }() + "\"}")).empty());
    // Every documented id is known, plural ones too.
    for (int k = 0; k < versus::kLabelCount; ++k) {
        const char* id = versus::label_id(static_cast<Label>(k));
        INFO(id);
        CHECK(versus::label_of(id) == static_cast<Label>(k));
        CHECK(problems_of(with(std::string(R"("labels": {")") + id + R"(": "x"})")).empty());
    }
}
