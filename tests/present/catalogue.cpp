// The label catalogue: every label id translated in every shipped language (with every plural
// form the language's rule needs, and the same placeholders as English), every id used by the
// widget's code and documented, and the translation files well-formed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "present/words.hpp"

using namespace versus;
using namespace versus::present;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

const std::string kEnglish[kLabelCount][2] = {
#define VERSUS_T_ONE(id, text) {text, text},
#define VERSUS_T_PLURAL(id, one, other) {one, other},
    VERSUS_LABELS(VERSUS_T_ONE) VERSUS_PLURAL_LABELS(VERSUS_T_PLURAL)
#undef VERSUS_T_ONE
#undef VERSUS_T_PLURAL
};

}  // namespace

TEST_CASE("catalogue: every shipped language has a translation with every label", "[catalogue]") {
    REQUIRE(locale_count() == 20);
    const Catalogue& cat = catalogue();
    for (int k = 1; k < locale_count(); ++k) {   // English is built in (labels.hpp)
        const Locale& l = locales()[k];
        INFO("language " << l.lang);
        const Translation* t = cat.find(l.lang);
        REQUIRE(t);
        std::set<Plural> needed;   // the categories this language's rule gives counts
        for (std::uint64_t n = 0; n <= 1000; ++n) needed.insert(l.plural(n));
        for (std::uint64_t n : {1000000ULL, 2000000ULL, 1000001ULL}) needed.insert(l.plural(n));
        for (int i = 0; i < kLabelCount; ++i) {
            const Label label = static_cast<Label>(i);
            INFO("label " << label_id(label));
            const auto& forms = t->texts[static_cast<size_t>(i)];
            const std::set<std::string> english = placeholders(kEnglish[i][1]);
            if (!is_plural(label)) {
                CHECK_FALSE(forms[static_cast<size_t>(Plural::Other)].empty());
                CHECK(placeholders(forms[static_cast<size_t>(Plural::Other)]) == english);
                continue;
            }
            for (Plural p : needed) {
                INFO("plural form " << plural_name(p));
                const std::string& text = forms[static_cast<size_t>(p)];
                CHECK_FALSE(text.empty());
                // {n} may be spelled out in a form for one or two ("صوت واحد", "קול אחד").
                std::set<std::string> got = placeholders(text), want = english;
                if (p == Plural::One || p == Plural::Two || p == Plural::Zero) {
                    got.erase("n");
                    want.erase("n");
                }
                CHECK(got == want);
            }
            for (int p = 0; p < kPluralCount; ++p)   // no form the language never uses
                if (!forms[static_cast<size_t>(p)].empty() && !needed.count(static_cast<Plural>(p)))
                    CHECK(static_cast<Plural>(p) == Plural::Other);
        }
    }
}

TEST_CASE("catalogue: translation files hold only shipped languages and known labels", "[catalogue]") {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(VERSUS_SOURCE_DIR "/assets/i18n")) {
        const std::string lang = entry.path().stem().string();
        INFO(entry.path().string());
        Translation t;
        CHECK(parse_translation(read(entry.path()), t) == "");
        CHECK(t.lang == lang);
        REQUIRE(find_locale(lang));
        CHECK(std::string(find_locale(lang)->lang) != "en");
        ++files;
    }
    CHECK(files == locale_count() - 1);
    Translation t;
    CHECK(parse_translation(R"({"lang": "de", "labels": {"shipp": "x"}})", t) == "unknown label \"shipp\"");
    CHECK(parse_translation(R"({"lang": "de", "labels": {"votes": "x"}})", t) ==
          "label \"votes\" takes a count: an object of plural forms");
    CHECK(parse_translation("[]", t) == "a translation must be a JSON object");
    CHECK(parse_translation("{\"lang\": \"de\",\n  \"labels\": {\"votes\": \"x\",}}", t) ==
          "a translation is not JSON: line 2, column 27: syntax error: expected a field name in double quotes after ',', got '}'");
}

TEST_CASE("catalogue: every label is used by the widget and documented", "[catalogue]") {
    std::string code;
    for (const char* dir : {"/src/ui", "/src/present", "/src/platform"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(VERSUS_SOURCE_DIR) + dir))
            if (entry.is_regular_file()) code += read(entry.path());
    const std::string docs = read(VERSUS_SOURCE_DIR "/docs/payload.md");
    const std::string schema = read(VERSUS_SOURCE_DIR "/assets/schema/versus.schema.json");
    for (int i = 0; i < kLabelCount; ++i) {
        const std::string id = label_id(static_cast<Label>(i));
        INFO("label " << id);
        CHECK(code.find("Label::" + id) != std::string::npos);
        CHECK(docs.find("| `" + id + "` |") != std::string::npos);
        CHECK(schema.find("\"" + id + "\": {\"title\"") != std::string::npos);
    }
}
