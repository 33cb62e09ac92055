// The widget's words: the language chosen (payload lang, host, English; a region falls back to its
// language), the direction, the publisher's labels over everything, plural forms and numbers.
#include <catch2/catch.hpp>

#include "present/figures.hpp"
#include "present/words.hpp"

using namespace versus;
using namespace versus::present;

namespace {

Payload payload(const std::string& lang = "", TextDirection dir = TextDirection::Auto) {
    Payload p;
    p.title = "A";
    p.lang = lang;
    p.dir = dir;
    Tool t;
    t.id = "a";
    t.name = "Alpha";
    t.vendor = "Acme";
    t.url = "https://example.com";
    p.tools.push_back(t);
    return p;
}

}  // namespace

TEST_CASE("words: the language is the payload's, then the host's, then English", "[words]") {
    Words w;
    CHECK(w.lang() == "en");
    CHECK(w.text(Label::ship) == "Ship");

    const Payload de = payload("de");
    w.resolve(&de, "ja");
    CHECK(w.lang() == "de");
    CHECK(w.text(Label::ship) == "Einsetzen");
    CHECK(w.content_lang() == "de");

    const Payload none = payload();
    w.resolve(&none, "ja-JP");
    CHECK(w.lang() == "ja");
    CHECK(w.text(Label::vote_question) == "採用しますか？");
    CHECK(w.content_lang() == "ja");

    w.resolve(&none, "");
    CHECK(w.lang() == "en");
    w.resolve(nullptr, "fr-CA");   // no payload (an error card): the host's language
    CHECK(w.lang() == "fr");
    CHECK(w.text(Label::error_title) == "Impossible d’afficher ce comparatif");

    const Payload brazil = payload("pt-BR");   // a region falls back to its language
    w.resolve(&brazil, "de");
    CHECK(w.lang() == "pt");
    CHECK(w.content_lang() == "pt-BR");
    const Payload chinese = payload("zh-Hans-CN");
    w.resolve(&chinese, "");
    CHECK(w.lang() == "zh");

    const Payload swahili = payload("sw");   // not shipped: the host's language, else English
    w.resolve(&swahili, "nl");
    CHECK(w.lang() == "nl");
    CHECK(w.content_lang() == "sw");
    w.resolve(&swahili, "");
    CHECK(w.lang() == "en");

    // A translation not at hand yet (the web core before the element fetched it): English, and
    // wanted() says which one to fetch.
    Catalogue empty;
    w.resolve(&de, "", empty);
    CHECK(w.wanted() == "de");
    CHECK(w.lang() == "en");
    CHECK(w.text(Label::ship) == "Ship");
    CHECK(w.number(1234) == "1,234");
}

TEST_CASE("words: the direction follows dir, then lang, then the host", "[words]") {
    Words w;
    const Payload ar = payload("ar");
    w.resolve(&ar, "en");
    CHECK(w.rtl());
    CHECK(w.text(Label::ship) == "اعتمد");
    const Payload ar_ltr = payload("ar", TextDirection::Ltr);
    w.resolve(&ar_ltr, "");
    CHECK_FALSE(w.rtl());
    const Payload en_rtl = payload("en", TextDirection::Rtl);
    w.resolve(&en_rtl, "");
    CHECK(w.rtl());
    CHECK(w.lang() == "en");
    const Payload none = payload();
    w.resolve(&none, "he-IL");
    CHECK(w.rtl());
    CHECK(w.lang() == "he");
    w.resolve(&none, "fa");
    CHECK(w.rtl());
    const Payload urdu = payload("ur");   // right to left though not shipped
    w.resolve(&urdu, "");
    CHECK(w.rtl());
    CHECK(w.lang() == "en");
    const Payload en = payload("en");   // the payload's lang wins over an RTL host
    w.resolve(&en, "ar");
    CHECK_FALSE(w.rtl());
}

TEST_CASE("words: the publisher's labels win in any language", "[words]") {
    Payload p = payload("de");
    p.labels[static_cast<size_t>(Label::ship)] = "Kaufen";
    p.labels[static_cast<size_t>(Label::skip)] = "Passen";
    p.labels[static_cast<size_t>(Label::votes)] = "{n} Leser";
    Words w;
    w.resolve(&p, "");
    CHECK(w.text(Label::ship) == "Kaufen");
    CHECK(w.verdict(Verdict::Skip) == "Passen");
    CHECK(w.text(Label::skip) == "Passen");
    CHECK(w.text(Label::community) == "Community");   // the rest: the translation
    CHECK(w.text(Label::entry) == "Einstiegspreis");
    CHECK(w.count(Label::votes, 1) == "1 Leser");      // one text for every count
    CHECK(w.count(Label::votes, 1234) == "1.234 Leser");
    PanelFigure f;
    f.ship = 3;
    f.skip = 1;
    f.percent = 75;
    CHECK(split_line(f, w) == "3 Kaufen \u00B7 1 Passen \u00B7 75\u00A0% Kaufen");
}

TEST_CASE("words: plural forms and numbers of the language", "[words]") {
    Words w;
    const Payload ru = payload("ru");
    w.resolve(&ru, "");
    CHECK(w.count(Label::votes, 1) == "1 голос");
    CHECK(w.count(Label::votes, 3) == "3 голоса");
    CHECK(w.count(Label::votes, 5) == "5 голосов");
    CHECK(w.count(Label::votes, 21) == "21 голос");
    CHECK(w.count(Label::votes, 1234) == "1\u00A0234 голоса");
    const Payload pl = payload("pl");
    w.resolve(&pl, "");
    CHECK(w.count(Label::votes, 22) == "22 głosy");
    CHECK(w.count(Label::votes, 12) == "12 głosów");
    CHECK(w.count(Label::votes, 1234) == "1234 głosy");
    const Payload ar = payload("ar");
    w.resolve(&ar, "");
    CHECK(w.count(Label::votes, 1) == "صوت واحد");
    CHECK(w.count(Label::votes, 2) == "صوتان");
    CHECK(w.count(Label::votes, 3) == "3 أصوات");
    CHECK(w.count(Label::votes, 11) == "11 صوتًا");
    CHECK(w.count(Label::votes, 100) == "100 صوت");
    CHECK(w.percent(75) == "75\u200E%\u200E");
    const Payload fa = payload("fa");
    w.resolve(&fa, "");
    CHECK(w.percent(50) == "\u06F5\u06F0\u066A");
    CHECK(w.number(1234) == "\u06F1\u066C\u06F2\u06F3\u06F4");
    const Payload fr = payload("fr");
    w.resolve(&fr, "");
    CHECK(w.percent(50) == "50\u00A0%");
    CHECK(w.count(Label::votes, 1000000) == "1\u202F000\u202F000 de votes");
    const Payload tr = payload("tr");
    w.resolve(&tr, "");
    CHECK(w.percent(50) == "%50");
    const Payload en = payload("en");
    w.resolve(&en, "");
    CHECK(w.count(Label::votes, 1) == "1 vote");
    CHECK(w.count(Label::votes, 18446744073709551614ULL) == "18,446,744,073,709,551,614 votes");
    CHECK(w.count(Label::tools_hidden, 2, {{"total", "3"}}) == "2 tools of 3 hidden by the filters");
}

TEST_CASE("words: the error card's framing is in the widget's language, the problem as written", "[words][problems]") {
    Words w;
    Problem p{Severity::Error, "/tools/0/name", "expected a string, got the number 3", 12, 1234};
    CHECK(problem_text(p, "seed.json", w).line() ==
          "Error (seed.json, line 12, column 1,234): /tools/0/name: expected a string, got the number 3");
    const Payload de = payload("de");
    w.resolve(&de, "");
    CHECK(problem_text(p, "seed.json", w).head == "Fehler (seed.json, Zeile 12, Spalte 1.234)");
    CHECK(problem_text(p, "seed.json", w).detail == "/tools/0/name: expected a string, got the number 3");
    Problem warning{Severity::Warning, "", "unknown field \"titel\"", 3, 0};
    CHECK(problem_text(warning, "", w).line() == "Warnung (Zeile 3): unknown field \"titel\"");
    CHECK(problem_text(Problem{Severity::Error, "", "not JSON", 0, 0}, "", w).line() == "Fehler: not JSON");
    const Payload fa = payload("fa");
    w.resolve(&fa, "");
    CHECK(problem_text(p, "", w).head == "خطا (خط \u06F1\u06F2، ستون \u06F1\u066C\u06F2\u06F3\u06F4)");
    CHECK(problem_text(p, "a.json", w).head == "خطا (a.json، خط \u06F1\u06F2، ستون \u06F1\u066C\u06F2\u06F3\u06F4)");
    const Payload ja = payload("ja");
    w.resolve(&ja, "");
    CHECK(problem_text(p, "a.json", w).head == "エラー (a.json、12 行目、1,234 列目)");
}

TEST_CASE("words: copied text and the CSV speak the widget's language, with its numbers", "[words][actions]") {
    Payload p = payload("de");
    p.tools[0].category = "Modell";
    p.tools[0].license.name = "Apache-2.0";
    p.tools[0].license.open_weights = true;
    p.tools[0].community = Votes{1200, 300};
    Reviewer r;
    r.id = "ann";
    r.name = "Ann";
    r.lens = "Kosten";
    p.reviewers.push_back(r);
    p.reviews.push_back(Review{0, 0, Verdict::Ship, "Günstig."});
    Words w;
    w.resolve(&p, "");
    const ToolFigures f = tool_figures(p, 0, ReaderVotes{}, w);
    CHECK(card_text(p, 0, f, w) ==
          "Modell\nAlpha\nvon Acme\nPanel: einsetzen: 100\u00A0% (1 Einsetzen \xC2\xB7 0 Verzichten \xC2\xB7 100\u00A0% Einsetzen)\nCommunity \xC2\xB7 1.500 Stimmen: 80\u00A0%\n"
          "Einstiegspreis: \xE2\x80\x94\nLizenz: Apache-2.0, Nicht kommerziell, Offene Gewichte\nhttps://example.com");
    CHECK(review_text(p, p.reviews[0], w) == "\xE2\x80\x9CGünstig.\xE2\x80\x9D \xE2\x80\x94 Ann, Kosten (Einsetzen \xC2\xB7 Alpha)");
    const auto table = tools_table(p, {f}, w);
    REQUIRE(table.size() == 2);
    CHECK(table[0] == std::vector<std::string>{"ID", "Name", "Anbieter", "Kategorie", "Kurzbeschreibung", "Panel: einsetzen",
                                                "Panelurteile: Einsetzen", "Panelurteile: Verzichten", "Community",
                                                "Einstiegspreis", "Monatlich", "Lizenz", "Lizenzmerkmale",
                                                "Kommerzielle Nutzung", "Hinweise", "Website"});
    CHECK(table[1][0] == "a");
    CHECK(table[1][8] == "80\u00A0%");
    // The publisher's verdict words reach the headers; Persian digits reach the counts.
    p.labels[static_cast<std::size_t>(Label::ship)] = "Kaufen";
    p.lang = "fa";
    p.reviews.push_back(Review{0, 0, Verdict::Ship, "x"});
    w.resolve(&p, "");
    const ToolFigures fa = tool_figures(p, 0, ReaderVotes{}, w);
    const auto t2 = tools_table(p, {fa}, w);
    CHECK(t2[0][6] == "رأی‌های هیئت: Kaufen");
    CHECK(t2[1][6] == "\u06F2");   // two ship reviews, in Persian digits
    CHECK(t2[0][0] == "شناسه");
}
