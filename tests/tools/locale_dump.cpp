// locale_dump.cpp — prints, as JSON, what the presentation layer makes of numbers, percentages,
// amounts and plural categories in every shipped language, so that tests/present/intl.test.mjs
// can compare each output with Node's Intl.NumberFormat / Intl.PluralRules (full ICU).
#include "present/locale.hpp"
#include "present/rendition.hpp"

#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

using namespace versus::present;

int main() {
    const std::vector<std::uint64_t> integers = {
        0, 1, 2, 5, 12, 99, 100, 999, 1000, 1234, 9999, 10000, 12345, 99999, 100000, 123456, 1000000,
        1234567, 12345678, 100000000, 1234567890, 9007199254740991ULL, 9223372036854775807ULL,
        18446744073709551614ULL};
    const std::vector<double> amounts = {0, 0.5, 1, 5, 12.5, 19.99, 20, 99.95, 1234.5, 12345.67, 1000000, 0.01, 12.345, 2.675};
    std::string out = "{\"integers\":[";
    for (size_t i = 0; i < integers.size(); ++i) out += (i ? "," : "") + ("\"" + std::to_string(integers[i]) + "\"");
    out += "],\"amounts\":[";
    for (size_t i = 0; i < amounts.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", amounts[i]);
        out += (i ? "," : "") + std::string(buf);
    }
    out += "],\"locales\":{";
    for (int k = 0; k < locale_count(); ++k) {
        const Locale& l = locales()[k];
        if (k) out += ',';
        append_json_string(out, l.lang);
        out += ":{\"integers\":[";
        for (size_t i = 0; i < integers.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, format_integer(l, integers[i]));
        }
        out += "],\"percents\":[";
        for (int p = 0; p <= 100; ++p) {
            if (p) out += ',';
            append_json_string(out, format_percent(l, p));
        }
        out += "],\"amounts0\":[";
        for (size_t i = 0; i < amounts.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, format_amount(l, amounts[i], 0));
        }
        out += "],\"amounts2\":[";
        for (size_t i = 0; i < amounts.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, format_amount(l, amounts[i], 2));
        }
        out += "],\"plurals\":{";
        bool first = true;
        std::vector<std::uint64_t> counts;
        for (std::uint64_t n = 0; n <= 200; ++n) counts.push_back(n);
        for (std::uint64_t n : {1000ULL, 1001ULL, 10000ULL, 100000ULL, 1000000ULL, 1000001ULL, 2000000ULL, 10000000ULL, 1000000000ULL})
            counts.push_back(n);
        for (std::uint64_t n : counts) {
            if (!first) out += ',';
            first = false;
            out += "\"" + std::to_string(n) + "\":";
            append_json_string(out, plural_name(l.plural(n)));
        }
        out += "},\"rtl\":";
        out += l.rtl ? "true" : "false";
        out += '}';
    }
    out += "}}";
    std::cout << out << "\n";
    return 0;
}
