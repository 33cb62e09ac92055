// locale.cpp — CLDR plural rules and number formats of the shipped languages (locale.hpp).
// The data is CLDR 48 as Node 20's ICU 78 has it; tests/present/intl.test.mjs holds it to Intl.
#include "present/locale.hpp"

#include <cmath>
#include <cstdio>

namespace versus::present {

namespace {

using P = Plural;

// [SECTION] Plural rules (CLDR cardinals, integers only: counts are whole numbers) ---------------

P one_is_1(std::uint64_t n) { return n == 1 ? P::One : P::Other; }                       // en de nl tr
P one_0_1(std::uint64_t n) { return n <= 1 ? P::One : P::Other; }                        // fa hi
P other_only(std::uint64_t) { return P::Other; }                                          // ja zh ko id vi
bool millions(std::uint64_t n) { return n != 0 && n % 1000000 == 0; }
P es_it(std::uint64_t n) { return n == 1 ? P::One : millions(n) ? P::Many : P::Other; }   // es it
P fr_pt(std::uint64_t n) { return n <= 1 ? P::One : millions(n) ? P::Many : P::Other; }   // fr pt
P slavic(std::uint64_t n) {                                                                 // ru uk
    const auto d = n % 10, h = n % 100;
    if (d == 1 && h != 11) return P::One;
    if (d >= 2 && d <= 4 && !(h >= 12 && h <= 14)) return P::Few;
    return P::Many;
}
P polish(std::uint64_t n) {
    const auto d = n % 10, h = n % 100;
    if (n == 1) return P::One;
    if (d >= 2 && d <= 4 && !(h >= 12 && h <= 14)) return P::Few;
    return P::Many;
}
P arabic(std::uint64_t n) {
    const auto h = n % 100;
    if (n == 0) return P::Zero;
    if (n == 1) return P::One;
    if (n == 2) return P::Two;
    if (h >= 3 && h <= 10) return P::Few;
    if (h >= 11) return P::Many;
    return P::Other;
}
P hebrew(std::uint64_t n) { return n == 1 ? P::One : n == 2 ? P::Two : P::Other; }

// [SECTION] The shipped languages ---------------------------------------------------------------

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define LRM "\xE2\x80\x8E"

const Locale kLocales[] = {
    // lang  group        decimal     min  indian  before  after                 zero     rtl    plural
    {"en", ",", ".", 1, false, "", "%", U'0', false, one_is_1},
    {"es", ".", ",", 2, false, "", NBSP "%", U'0', false, es_it},
    {"fr", NNBSP, ",", 1, false, "", NBSP "%", U'0', false, fr_pt},
    {"de", ".", ",", 1, false, "", NBSP "%", U'0', false, one_is_1},
    {"pt", ".", ",", 1, false, "", "%", U'0', false, fr_pt},
    {"it", ".", ",", 2, false, "", "%", U'0', false, es_it},
    {"nl", ".", ",", 1, false, "", "%", U'0', false, one_is_1},
    {"pl", NBSP, ",", 2, false, "", "%", U'0', false, polish},
    {"ru", NBSP, ",", 1, false, "", NBSP "%", U'0', false, slavic},
    {"uk", NBSP, ",", 1, false, "", "%", U'0', false, slavic},
    {"tr", ".", ",", 1, false, "%", "", U'0', false, one_is_1},
    {"ar", ",", ".", 1, false, "", LRM "%" LRM, U'0', true, arabic, "\xD8\x8C "},
    {"fa", "\xD9\xAC", "\xD9\xAB", 1, false, "", "\xD9\xAA", U'\u06F0', true, one_0_1, "\xD8\x8C "},
    {"he", ",", ".", 1, false, "", "%", U'0', true, hebrew},
    {"hi", ",", ".", 1, true, "", "%", U'0', false, one_0_1},
    {"ja", ",", ".", 1, false, "", "%", U'0', false, other_only, "\xE3\x80\x81"},
    {"zh", ",", ".", 1, false, "", "%", U'0', false, other_only, "\xE3\x80\x81"},
    {"ko", ",", ".", 1, false, "", "%", U'0', false, other_only},
    {"id", ".", ",", 1, false, "", "%", U'0', false, other_only},
    {"vi", ".", ",", 1, false, "", "%", U'0', false, other_only},
};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ASCII digits → the locale's digits.
std::string localise_digits(const Locale& l, std::string_view ascii) {
    if (l.zero == U'0') return std::string(ascii);
    std::string out;
    for (char c : ascii) {
        if (c >= '0' && c <= '9') append_utf8(out, l.zero + static_cast<char32_t>(c - '0'));
        else out += c;
    }
    return out;
}

// ASCII digits of an integer part, grouped with the locale's separator.
std::string grouped(const Locale& l, const std::string& digits) {
    const std::size_t n = digits.size();
    if (n < 4 || (l.min_grouping == 2 && n < 5)) return localise_digits(l, digits);
    std::string out;
    // Positions (from the right) after which a separator goes: 3, then every 3 (or 2, Indian).
    std::size_t next = 3;
    std::string reversed;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == next) {
            reversed += '|';
            next += l.indian_grouping ? 2 : 3;
        }
        reversed += digits[n - 1 - i];
    }
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {
        if (*it == '|') out += l.group;
        else if (l.zero == U'0') out += *it;
        else append_utf8(out, l.zero + static_cast<char32_t>(*it - '0'));
    }
    return out;
}

}  // namespace

const char* plural_name(Plural p) {
    static const char* const names[] = {"zero", "one", "two", "few", "many", "other"};
    return names[static_cast<int>(p)];
}

Plural plural_of(std::string_view name) {
    for (int i = 0; i < kPluralCount; ++i)
        if (name == plural_name(static_cast<Plural>(i))) return static_cast<Plural>(i);
    return Plural::Other;
}

const Locale* locales() { return kLocales; }
int locale_count() { return static_cast<int>(sizeof(kLocales) / sizeof(kLocales[0])); }
const Locale& english() { return kLocales[0]; }

std::string primary_language(std::string_view tag) {
    std::string out;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

const Locale* find_locale(std::string_view tag) {
    const std::string lang = primary_language(tag);
    for (const Locale& l : kLocales)
        if (lang == l.lang) return &l;
    return nullptr;
}

bool is_rtl_language(std::string_view tag) {
    const std::string lang = primary_language(tag);
    for (const char* rtl : {"ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"})
        if (lang == rtl) return true;
    return false;
}

std::string format_integer(const Locale& l, std::uint64_t n) {
    return grouped(l, std::to_string(n));
}

std::string format_percent(const Locale& l, int percent) {
    const bool negative = percent < 0;
    std::string out = negative ? "-" : "";
    out += l.percent_before;
    out += grouped(l, std::to_string(negative ? -static_cast<long long>(percent) : percent));
    out += l.percent_after;
    return out;
}

std::string format_amount(const Locale& l, double amount, int fraction_digits) {
    if (!(amount >= 0)) amount = 0;
    if (amount >= 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", amount);
        return localise_digits(l, buf);
    }
    const double scale = fraction_digits == 2 ? 100.0 : 1.0;
    // Half up on the decimal value a reader wrote (12.345 → 12.35, as Intl rounds), not on its
    // binary approximation (12.3449999…).
    const auto units = static_cast<std::uint64_t>(std::floor(amount * scale * (1 + 1e-12) + 0.5));
    std::string out = grouped(l, std::to_string(units / static_cast<std::uint64_t>(scale)));
    if (fraction_digits == 2) {
        const auto cents = static_cast<unsigned>(units % 100);
        const char frac[3] = {static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10), 0};
        out += l.decimal;
        out += localise_digits(l, frac);
    }
    return out;
}

}  // namespace versus::present
