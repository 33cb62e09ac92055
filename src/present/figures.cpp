// figures.cpp — a tool's figures and labels as a reader sees them (figures.hpp).
#include "present/figures.hpp"

#include <cmath>

namespace versus::present {

std::string split_line(const PanelFigure& f, const Words& w) {
    if (f.ship + f.skip == 0) return w.text(Label::no_reviews);
    std::string out = w.number(static_cast<std::uint64_t>(f.ship));
    out += ' ';
    out += w.verdict(Verdict::Ship);
    out += kDot;
    out += w.number(static_cast<std::uint64_t>(f.skip));
    out += ' ';
    out += w.verdict(Verdict::Skip);
    if (f.percent) {
        out += kDot;
        out += w.percent(*f.percent);
        out += ' ';
        out += w.verdict(Verdict::Ship);
    }
    return out;
}

std::string monthly_text(const std::optional<double>& usd, const Words& w) {
    if (!usd) return kDash;
    const double v = *usd;
    const std::string amount = format_amount(w.locale(), v, std::floor(v) == v || v >= 1e15 ? 0 : 2);
    return w.fill(Label::per_month, {{"amount", amount}});
}

std::string cta_text(const Link& cta, const Words& w) {
    return cta.label + (w.rtl() ? " \xE2\x86\x90" : " \xE2\x86\x92");   // ← or →
}

std::vector<std::string> active_filter_labels(const LicenseFilter& f, const Words& w) {
    std::vector<std::string> out;
    if (f.commercial_use) out.push_back(w.text(Label::commercial_use));
    if (f.open_weights) out.push_back(w.text(Label::open_weights));
    if (f.osi_approved) out.push_back(w.text(Label::osi_approved));
    if (!f.license_name.empty()) out.push_back(f.license_name);
    return out;
}

ToolFigures tool_figures(const Payload& p, int index, const ReaderVotes& votes, const Words& w) {
    const Tool& t = p.tools[static_cast<std::size_t>(index)];
    const auto it = votes.find(t.id);
    const std::optional<Verdict> mine = it == votes.end() ? std::nullopt : std::optional<Verdict>(it->second);
    return tool_figures(p, index, mine, with_reader_vote(t.community, mine), w);
}

ToolFigures tool_figures(const Payload& p, int index, std::optional<Verdict> mine, const Votes& community,
                         const Words& w) {
    const Tool& t = p.tools[static_cast<std::size_t>(index)];
    ToolFigures f;
    const PanelFigure panel = panel_figure(p, index);
    f.panel_value = panel.percent ? w.percent(*panel.percent) : kDash;
    f.panel_split = split_line(panel, w);
    f.panel_ship = panel.ship;
    f.panel_skip = panel.skip;

    f.mine = mine;
    f.community = community;
    const std::optional<int> share = community_percent(community);
    f.community_value = share ? w.percent(*share) : kDash;
    // Two counts up to 2^63 - 1 each (the spec allows them): their sum needs 64 unsigned bits.
    const std::uint64_t n = static_cast<std::uint64_t>(community.ship) + static_cast<std::uint64_t>(community.skip);
    f.community_label = w.text(Label::community);
    if (n > 0) f.community_label += kDot + w.count(Label::votes, n);

    f.entry = t.pricing ? t.pricing->entry : kDash;
    f.monthly = monthly_text(t.pricing ? t.pricing->entry_usd_month : std::nullopt, w);
    if (!t.vendor.empty()) f.vendor_line = w.fill(Label::by_vendor, {{"vendor", t.vendor}});
    if (!t.url.empty()) f.link = w.fill(Label::visit, {{"name", t.name}});
    f.facts.push_back(w.text(t.license.commercial_use ? Label::commercial_use : Label::non_commercial));
    if (t.license.open_weights) f.facts.push_back(w.text(Label::open_weights));
    if (t.license.osi_approved) f.facts.push_back(w.text(Label::osi_approved));
    f.commercial = w.text(t.license.commercial_use ? Label::yes : Label::no);
    return f;
}

}  // namespace versus::present
