// reader.hpp — what a reader does to a comparison, as pure data and functions: license filters
// and the reader's own community votes. No ImGui: the UI draws it, the hosts persist it, tests
// check it directly.
#pragma once

#include "model/payload.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace versus {

// [SECTION] License filters ---------------------------------------------------------------------

// The chips a reader can turn on. The three fact chips combine with AND; at most one license-name
// chip is on at a time (a tool has one license, so two names could never both hold).
struct LicenseFilter {
    bool commercial_use = false;
    bool open_weights = false;
    bool osi_approved = false;
    std::string license_name;   // empty = no name chip on

    bool active() const { return commercial_use || open_weights || osi_approved || !license_name.empty(); }
    void clear() { *this = LicenseFilter{}; }
};

// Distinct license names of the payload's tools, in first-seen order (one chip each).
std::vector<std::string> license_names(const Payload& payload);

// Does the tool satisfy every active chip?
bool matches(const Tool& tool, const LicenseFilter& filter);

// shown[i] = matches(tools[i], filter), 1 or 0. (Masks of tools are vectors of char, not of bool,
// here and in the UI: std::vector<bool>'s bit packing costs 1.9 KB gzip of the web core for a
// handful of flags.)
std::vector<char> shown_tools(const Payload& payload, const LicenseFilter& filter);

// Drops what no longer applies to this payload (a license name that is gone), e.g. after a reload.
void keep_applicable(LicenseFilter& filter, const Payload& payload);

// [SECTION] The reader's votes --------------------------------------------------------------------

// One vote per tool, by tool id. Taking a vote back removes it.
using ReaderVotes = std::map<std::string, Verdict>;

// The community figure including the reader's own vote (saturating at the largest count).
Votes with_reader_vote(const Votes& community, const std::optional<Verdict>& mine);

// "75% ship · 4 votes", "100% ship · 1 vote" or "—" with no votes.
std::string community_text(const Votes& votes);

// A monthly price as a reader reads it: "$0 / month", "$20 / month", "$12.50 / month"; "—" when
// unknown.
std::string monthly_price_text(const std::optional<double>& usd_per_month);


}  // namespace versus

namespace versus {

// [SECTION] Pricing order -------------------------------------------------------------------------

enum class PriceSort { Payload, Ascending, Descending };

// Indices of the shown tools in the order of the pricing table: payload order, or by
// entry_usd_month (tools without a monthly figure always last, ties in payload order).
std::vector<int> pricing_order(const Payload& payload, const std::vector<char>& shown, PriceSort sort);

}  // namespace versus
