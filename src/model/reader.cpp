// reader.cpp — license filters and reader votes (see reader.hpp).
#include "model/reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace versus {

std::vector<std::string> license_names(const Payload& payload) {
    std::vector<std::string> names;
    for (const Tool& t : payload.tools)
        if (std::find(names.begin(), names.end(), t.license.name) == names.end())
            names.push_back(t.license.name);
    return names;
}

bool matches(const Tool& tool, const LicenseFilter& f) {
    const License& l = tool.license;
    if (f.commercial_use && !l.commercial_use) return false;
    if (f.open_weights && !l.open_weights) return false;
    if (f.osi_approved && !l.osi_approved) return false;
    if (!f.license_name.empty() && l.name != f.license_name) return false;
    return true;
}

std::vector<char> shown_tools(const Payload& payload, const LicenseFilter& filter) {
    std::vector<char> shown;
    shown.reserve(payload.tools.size());
    for (const Tool& t : payload.tools) shown.push_back(matches(t, filter));
    return shown;
}

void keep_applicable(LicenseFilter& filter, const Payload& payload) {
    if (filter.license_name.empty()) return;
    const std::vector<std::string> names = license_names(payload);
    if (std::find(names.begin(), names.end(), filter.license_name) == names.end())
        filter.license_name.clear();
}

Votes with_reader_vote(const Votes& community, const std::optional<Verdict>& mine) {
    Votes v = community;
    if (mine) {
        std::int64_t& n = *mine == Verdict::Ship ? v.ship : v.skip;
        // A payload may give the largest 64-bit count; one more vote stays there (no overflow).
        if (n < std::numeric_limits<std::int64_t>::max()) n += 1;
    }
    return v;
}

std::string monthly_price_text(const std::optional<double>& usd) {
    if (!usd) return "\xE2\x80\x94";   // —
    char buf[48];
    const double v = *usd;
    if (v >= 1e12) std::snprintf(buf, sizeof buf, "$%.3g / month", v);
    else if (std::floor(v) == v) std::snprintf(buf, sizeof buf, "$%.0f / month", v);
    else std::snprintf(buf, sizeof buf, "$%.2f / month", v);
    return buf;
}

std::string community_text(const Votes& votes) {
    if (votes.ship < 0 || votes.skip < 0) return "\xE2\x80\x94";   // a validated payload has none
    // Two counts up to 2^63 - 1 each: their sum fits an unsigned 64-bit integer.
    const std::uint64_t total = static_cast<std::uint64_t>(votes.ship) + static_cast<std::uint64_t>(votes.skip);
    const std::optional<int> pct = community_percent(votes);
    if (!pct) return "\xE2\x80\x94";   // —
    return std::to_string(*pct) + "% ship \xC2\xB7 " + std::to_string(total) + (total == 1 ? " vote" : " votes");
}

}  // namespace versus

namespace versus {

std::vector<int> pricing_order(const Payload& payload, const std::vector<char>& shown, PriceSort sort) {
    std::vector<int> order;
    for (size_t i = 0; i < payload.tools.size(); ++i)
        if (shown.empty() || (i < shown.size() && shown[i])) order.push_back(static_cast<int>(i));
    if (sort == PriceSort::Payload) return order;
    auto monthly = [&](int i) -> std::optional<double> {
        const Tool& t = payload.tools[static_cast<size_t>(i)];
        return t.pricing ? t.pricing->entry_usd_month : std::nullopt;
    };
    // Equal prices keep the payload's order: the index breaks ties (std::sort with a total order
    // gives what std::stable_sort would, without its merge code in the web core).
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const std::optional<double> x = monthly(a), y = monthly(b);
        if (x.has_value() != y.has_value()) return x.has_value();   // known before unknown
        if (x && *x != *y) return sort == PriceSort::Ascending ? *x < *y : *x > *y;
        return a < b;
    });
    return order;
}

}  // namespace versus
