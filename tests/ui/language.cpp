// The widget in the reader's language: the canvas's frame record, the HTML rendition's data and the
// filter event all carry the same translated words and figures (one presentation layer), the
// publisher's labels win, and the rendition says its lang and dir. Also: the CSS fallback palette
// of the web element is the canvas's palette.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

#include "headless.hpp"
#include "present/rendition.hpp"
#include "ui/palette_css.hpp"

using namespace versus;
using json = nlohmann::json;

namespace {

Payload seed_with(const std::string& members) {
    std::string text(default_payload_text());
    const size_t open = text.find('{');
    text.insert(open + 1, members + ",");
    return test::load_or_throw(text);
}

std::vector<std::string> texts(const ui::FrameRecord& r, std::string_view role) {
    std::vector<std::string> out;
    for (const ui::DrawnItem* it : r.all(role)) out.push_back(it->text);
    return out;
}

json rendition(const ui::ComparisonView& v) {
    return json::parse(present::rendition_json(v.payload(), v.figures(), v.words(), ui::palette_json(ui::make_palette(ui::ThemeKind::Light))));
}

}  // namespace

TEST_CASE("language: a German payload draws German words and numbers", "[language]") {
    test::Headless h(1100, 900);
    h.view.set_payload(seed_with(R"("lang": "de")"));
    h.frame();
    h.frame();
    const auto& r = h.record;
    CHECK(r.find("filters.label", "Nach Lizenz filtern"));
    CHECK(r.find("chip", "Kommerzielle Nutzung"));
    CHECK(r.find("vote.ship", "Einsetzen"));
    CHECK(r.find("vote.skip", "Verzichten"));
    CHECK(r.find("vote.label", "Würden Sie es einsetzen?"));
    CHECK(r.find("tool.panel", "50\u00A0%"));
    CHECK(r.find("tool.panel", "75\u00A0%"));
    CHECK(r.find("tool.figure-label", "Panel: einsetzen"));
    CHECK(r.find("tool.figure-label", "Einstiegspreis"));
    CHECK(r.find("heading", "Urteile im Panel"));
    CHECK(r.find("bar.figures", "3 Einsetzen \u00B7 1 Verzichten \u00B7 75\u00A0% Einsetzen"));
    CHECK(r.find("tool.link", "Mistral 4B besuchen \u2192"));
    CHECK_FALSE(r.find("vote.ship", "Ship"));
    CHECK(h.view.words().lang() == "de");
    CHECK_FALSE(h.view.words().rtl());

    // The rendition and the event say the same.
    const json d = rendition(h.view);
    CHECK(d["lang"] == "de");
    CHECK(d["dir"] == "ltr");
    CHECK(d["tools"][1]["panel"]["value"] == "75\u00A0%");
    CHECK(d["tools"][1]["panel"]["text"] == "3 Einsetzen \u00B7 1 Verzichten \u00B7 75\u00A0% Einsetzen");
    CHECK(d["tools"][1]["panel"]["label"] == "Panel: einsetzen");
    CHECK(d["reviews"][0]["verdict"] == "Einsetzen");
    CHECK(d["words"]["scorecard"] == "Gutachten im Überblick");
    LicenseFilter f;
    f.commercial_use = true;
    const json e = json::parse(present::filter_json(h.view.payload(), f, 1, 2, h.view.words()));
    CHECK(e["active"] == json::array({"Kommerzielle Nutzung"}));
}

TEST_CASE("language: the host's language when the payload has none; publisher's labels over all", "[language]") {
    test::Headless h(1100, 900);
    h.view.set_host_language("ja-JP");
    Payload p = seed_with(R"("labels": {"ship": "買う", "skip": "見送る", "vote_question": "買いますか？"})");
    h.view.set_payload(std::move(p));
    h.frame();
    h.frame();
    CHECK(h.view.words().lang() == "ja");
    CHECK(h.record.find("vote.ship", "買う"));
    CHECK(h.record.find("vote.skip", "見送る"));
    CHECK(h.record.find("vote.label", "買いますか？"));
    CHECK(h.record.find("filters.label", "ライセンスで絞り込む"));
    CHECK(h.record.find("bar.figures", "3 買う \u00B7 1 見送る \u00B7 75% 買う"));
    const json d = rendition(h.view);
    CHECK(d["lang"] == "ja");
    CHECK(d["reviews"][0]["verdict"] == "買う");
}

TEST_CASE("language: Arabic is right to left, with Arabic words", "[language]") {
    test::Headless h(1100, 900);
    h.view.set_payload(seed_with(R"("lang": "ar")"));
    h.frame();
    CHECK(h.view.words().rtl());
    CHECK(h.record.find("vote.ship", "اعتمد"));
    CHECK(h.record.find("tool.panel", "75\u200E%\u200E"));
    const json d = rendition(h.view);
    CHECK(d["dir"] == "rtl");
    CHECK(d["lang"] == "ar");
    CHECK(d["cta"]["text"].get<std::string>().find("\u2190") != std::string::npos);   // ← points the reading way
}

TEST_CASE("language: canvas and rendition show one community figure, even near 2^63 votes", "[language]") {
    test::Headless h(1100, 900);
    Payload p = test::seed_payload();
    p.tools[0].community = {9223372036854775807LL, 9223372036854775807LL};
    h.view.set_payload(std::move(p));
    h.frame();
    const std::string label = "Community \u00B7 18,446,744,073,709,551,614 votes";
    CHECK(h.record.find("tool.figure-label", label));
    CHECK(h.record.find("tool.community", "50%"));
    const json d = rendition(h.view);
    CHECK(d["tools"][0]["community"]["label"] == label);
    CHECK(d["tools"][0]["community"]["value"] == "50%");
    // And the reader's vote counts in both.
    ReaderVotes votes;
    votes["mistral-4b"] = Verdict::Skip;
    h.view.set_votes(votes);
    h.frame();
    CHECK(h.record.find("tool.figure-label", "Community \u00B7 1 vote"));
    CHECK(rendition(h.view)["tools"][1]["community"]["label"] == "Community \u00B7 1 vote");
    CHECK(rendition(h.view)["tools"][1]["community"]["mineText"] == "Your vote: Skip");
}

TEST_CASE("language: the web element's CSS fallback palette is the canvas's palette", "[language]") {
    const std::string css = test::read_text(VERSUS_SOURCE_DIR "/web/src/style.js");
    auto block = [&](const std::string& selector) {
        const size_t at = css.find(selector);
        REQUIRE(at != std::string::npos);
        return css.substr(at, css.find('}', at) - at);
    };
    const std::pair<std::string, ui::ThemeKind> themes[] = {{".widget {", ui::ThemeKind::Light},
                                                            {".widget[data-theme=\"dark\"] {", ui::ThemeKind::Dark}};
    for (const auto& [selector, kind] : themes) {
        INFO(selector);
        const std::string b = block(selector);
        const json pal = json::parse(ui::palette_json(ui::make_palette(kind)));
        for (auto it = pal.begin(); it != pal.end(); ++it) {
            const std::string name = std::regex_replace(it.key(), std::regex("([A-Z])"), "-$1");
            std::string prop = "--vs-";
            for (char ch : name) prop += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            INFO(prop);
            const size_t at = b.find(prop + ":");
            REQUIRE(at != std::string::npos);
            const std::string value = b.substr(at + prop.size() + 1, b.find(';', at) - at - prop.size() - 1);
            CHECK(std::regex_replace(value, std::regex("\\s"), "") == it.value().get<std::string>());
        }
    }
}

TEST_CASE("language: the error card frames the validator's problems in the widget's language", "[language][errors]") {
    test::Headless h(900, 700);
    h.view.set_host_language("de-DE");
    LoadResult r = load_payload(R"({"version": 2, "title": "", "tools": []})");
    REQUIRE_FALSE(r.ok());
    h.view.set_problems(r.problems, "bad.json");
    h.settle();
    CHECK(h.record.find("error.title", "Dieser Vergleich kann nicht angezeigt werden"));
    const auto lines = h.record.all("error");
    REQUIRE(lines.size() == r.problems.size());
    for (const ui::DrawnItem* line : lines) {
        CAPTURE(line->text);
        CHECK(line->text.rfind("Fehler (bad.json, Zeile 1, Spalte ", 0) == 0);
        CHECK(line->text.find("error") == std::string::npos);   // no English framing word
    }
    // The validator's own lines (--validate, versus-error, the state dump) stay as they are.
    CHECK(h.view.problem_lines()[0].rfind("bad.json:1:", 0) == 0);
}

TEST_CASE("language: the copy text and the CSV of the rendition data are in the widget's language", "[language][actions]") {
    test::Headless h(1100, 900);
    h.view.set_payload(seed_with(R"("lang": "ja")"));
    h.frame();
    const json d = rendition(h.view);
    const std::string card = d["tools"][0]["text"];
    CHECK(card.find("Entry") == std::string::npos);
    CHECK(card.find("License") == std::string::npos);
    CHECK(card.find(h.view.words().text(Label::entry)) != std::string::npos);
    const json& header = d["table"][0];
    REQUIRE(header.size() == 16);
    CHECK(header[1] == "名前");
    CHECK(header[5] == h.view.words().text(Label::panel_ship));
    // Each tool's row holds the canvas's figures.
    for (std::size_t i = 0; i + 1 < d["table"].size(); ++i) {
        CHECK(d["table"][i + 1][5] == d["tools"][i]["panel"]["value"]);
        CHECK(d["table"][i + 1][8] == d["tools"][i]["community"]["value"]);
    }
    const std::string review = d["reviews"][0]["text"];
    const bool verdict_word = review.find(h.view.words().verdict(Verdict::Ship)) != std::string::npos ||
                              review.find(h.view.words().verdict(Verdict::Skip)) != std::string::npos;
    CHECK(verdict_word);
}
