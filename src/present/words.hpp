// words.hpp — the widget's words for one comparison: the publisher's labels, the translation of
// the widget's language, English; and the language and direction they resolve to.
//
// Why this file exists: the canvas (src/ui), the HTML rendition, the events and the desktop state
// dump all show the same words. They ask a Words for them instead of writing their own, so a
// translation or a publisher's "Buy" reaches all of them at once.
//
// Translations are JSON documents, one per language (assets/i18n/<lang>.json):
//   {"lang": "de", "labels": {"ship": "Einsetzen", "votes": {"one": "{n} Stimme", "other": "{n} Stimmen"}}}
// A label with a count has one text per CLDR plural category of the language. The desktop build
// has them all built in; the web core is handed the one it needs (dist/i18n/<lang>.json, fetched
// by the element only for a language other than English).
#pragma once

#include "model/payload.hpp"
#include "present/locale.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace versus::present {

struct Translation {
    std::string lang;   // "de"
    // texts[label][plural]; a label without a count keeps its text in [Other]. "" = missing.
    std::array<std::array<std::string, kPluralCount>, kLabelCount> texts;
};

// Reads a translation document. Returns an error sentence ("" when fine): not JSON, no "lang", a
// label that is not a string (or, for a label with a count, not an object of strings).
std::string parse_translation(std::string_view json, Translation& out);

// The translations at hand, by language.
class Catalogue {
public:
    // Adds (or replaces) a translation; returns the error of parse_translation() ("" when added).
    std::string add(std::string_view json);
    const Translation* find(std::string_view lang) const;   // by primary language subtag
    std::vector<std::string> languages() const;
private:
    std::vector<std::unique_ptr<Translation>> list_;
};

// The process-wide catalogue: on the desktop (and in native tests) every shipped translation is
// built in; in the web core it starts empty and the element adds the one it needs.
Catalogue& catalogue();

// The built-in translation documents (assets/i18n/*.json, embedded by cmake), or none.
std::vector<std::string_view> builtin_translations();

enum class Direction { Ltr, Rtl };

// A placeholder and its value: {"n", "3"}.
using Arg = std::pair<std::string_view, std::string_view>;

class Words {
public:
    Words();   // English, left to right

    // Resolves the language and direction (spec, "Language and direction"): the payload's `lang`,
    // then `host_lang` (the page's or the desktop's language), then English — the first one that
    // is a shipped language and whose translation is in `cat`; the direction from the payload's
    // `dir`, else from its `lang`, else from the host's language. `payload` may be null.
    void resolve(const Payload* payload, std::string_view host_lang, const Catalogue& cat = catalogue());

    // The language the widget speaks (a shipped one: "de"); what it asked for when that
    // translation is not loaded yet (wanted() != lang()).
    const std::string& lang() const { return lang_; }
    const std::string& wanted() const { return wanted_; }
    // The tag for the HTML rendition's lang attribute: the payload's `lang` as written, or the
    // language spoken.
    const std::string& content_lang() const { return content_lang_; }
    Direction direction() const { return dir_; }
    bool rtl() const { return dir_ == Direction::Rtl; }
    const Locale& locale() const { return *locale_; }

    // A label's text (for a label with a count: its "other" text, placeholders unfilled).
    const std::string& text(Label label) const;
    // A label with placeholders filled: text(label) with {name} → value.
    std::string fill(Label label, std::initializer_list<Arg> args) const;
    // A label with a count: the text for n's plural category, {n} the formatted count.
    std::string count(Label label, std::uint64_t n, std::initializer_list<Arg> args = {}) const;
    // Every text this Words can show (for the font atlas).
    std::vector<std::string_view> all_texts() const;

    std::string number(std::uint64_t n) const { return format_integer(*locale_, n); }
    std::string percent(int p) const { return format_percent(*locale_, p); }

    // The verdict word: text(Label::ship) or text(Label::skip).
    const std::string& verdict(Verdict v) const { return text(v == Verdict::Ship ? Label::ship : Label::skip); }

private:
    std::string lang_ = "en", wanted_ = "en", content_lang_ = "en";
    Direction dir_ = Direction::Ltr;
    const Locale* locale_;
    // texts_[label][plural], already resolved (publisher > translation > English).
    std::array<std::array<std::string, kPluralCount>, kLabelCount> texts_;
    std::array<bool, kLabelCount> publisher_{};   // the publisher's own words: one text for any count
};

// Replaces {key} in `text` with the value of the matching arg; other braces stay.
std::string fill_placeholders(std::string_view text, std::initializer_list<Arg> args);

}  // namespace versus::present
