// locale.hpp — the languages the widget speaks: plural rules and number formats, in C++ once.
//
// Why this file exists: counts ("1 vote", "2 votes"; Russian, Polish and Arabic have more forms)
// and figures ("75%", "75 %", "%75", "۷۵٪") must read as the reader's language writes them, and
// the same on the desktop and in the browser. The browser's Intl would do it for the page, but the
// canvas is drawn by the WebAssembly core, and carrying ICU into the wasm would cost megabytes.
// So the CLDR data the widget needs (integer plural rules, grouping, separators, digits, the
// percent pattern) is written here for each shipped language, and a test compares every output
// with Node's Intl.NumberFormat / Intl.PluralRules (tests/present/intl.test.mjs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace versus::present {

// CLDR plural categories, in CLDR's order.
enum class Plural { Zero, One, Two, Few, Many, Other };
inline constexpr int kPluralCount = 6;
const char* plural_name(Plural p);          // "zero", "one", …
Plural plural_of(std::string_view name);    // Other when unknown

struct Locale {
    const char* lang;            // "de": the primary language subtag
    const char* group;           // grouping separator (UTF-8)
    const char* decimal;         // decimal separator
    int min_grouping;            // CLDR minimumGroupingDigits: 2 = "1234" but "12.345"
    bool indian_grouping;        // 12,34,567 (hi)
    const char* percent_before;  // text before the digits of a percentage ("%" in tr)
    const char* percent_after;   // text after them ("%", "\u00A0%", …)
    char32_t zero;               // the digit zero of the default numbering system ('0', U+06F0)
    bool rtl;                    // written right to left
    Plural (*plural)(std::uint64_t n);   // CLDR cardinal rule for integers
    const char* comma = ", ";    // between the items of a short list ("، " in ar and fa, "、" in ja and zh)
};

// The shipped languages, English first.
const Locale* locales();
int locale_count();
const Locale& english();

// The shipped locale of a BCP 47 tag's language ("pt-BR" → pt, "zh-Hans-CN" → zh), or nullptr.
const Locale* find_locale(std::string_view tag);

// The primary language subtag of a tag, lowercased ("pt-BR" → "pt").
std::string primary_language(std::string_view tag);

// Whether a tag's language is written right to left (ar, fa, he, ur, and a few more), shipped
// or not.
bool is_rtl_language(std::string_view tag);

// "1,234", "1.234", "1 234", "12,34,567", "۱٬۲۳۴" — as Intl.NumberFormat(lang).format(n).
std::string format_integer(const Locale& locale, std::uint64_t n);

// "75%", "75 %", "%75", "۷۵٪" — as Intl.NumberFormat(lang, {style: "percent"}).format(p / 100).
std::string format_percent(const Locale& locale, int percent);

// A non-negative amount with `fraction_digits` (0 or 2) digits after the decimal separator, as
// Intl.NumberFormat(lang, {minimumFractionDigits: d, maximumFractionDigits: d}) formats it
// (values up to 1e15; larger ones in scientific notation, "1.23e+16").
std::string format_amount(const Locale& locale, double amount, int fraction_digits);

}  // namespace versus::present
