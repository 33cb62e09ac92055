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

// [SECTION] Problems, plain text, the table

ProblemText problem_text(const Problem& p, std::string_view source, const Words& w) {
    ProblemText out;
    out.head = w.text(p.severity == Severity::Error ? Label::problem_error : Label::problem_warning);
    std::string where(source);
    if (p.line > 0) {
        const std::string line = w.number(static_cast<std::uint64_t>(p.line));
        const std::string at = p.column > 0
            ? w.fill(Label::problem_line_column, {{"line", line}, {"column", w.number(static_cast<std::uint64_t>(p.column))}})
            : w.fill(Label::problem_line, {{"line", line}});
        if (!where.empty()) where += w.locale().comma;
        where += at;
    }
    if (!where.empty()) out.head += " (" + where + ")";
    out.detail = p.pointer.empty() ? p.message : p.pointer + ": " + p.message;
    return out;
}

std::string card_text(const Payload& p, int index, const ToolFigures& f, const Words& w) {
    const Tool& t = p.tools[static_cast<std::size_t>(index)];
    std::string facts = t.license.name;
    for (const std::string& fact : f.facts) facts += (facts.empty() ? "" : ", ") + fact;
    const std::string lines[] = {
        t.category, t.name, f.vendor_line, t.tagline,
        w.fill(Label::label_value, {{"label", w.text(Label::panel_ship)}, {"value", f.panel_value}}) + " (" + f.panel_split + ")",
        w.fill(Label::label_value, {{"label", f.community_label}, {"value", f.community_value}}),
        w.fill(Label::label_value, {{"label", w.text(Label::entry)}, {"value", f.entry}}),
        f.monthly == kDash ? std::string() : f.monthly,
        w.fill(Label::label_value, {{"label", w.text(Label::license)}, {"value", facts}}),
        t.pricing ? t.pricing->notes : std::string(), t.description, t.url,
    };
    std::string out;
    for (const std::string& line : lines) {
        if (line.empty()) continue;
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

const std::string& reviewer_line(const Reviewer& who, std::string& out) {
    out.assign(who.name);
    if (!who.lens.empty()) out.append(", ").append(who.lens);
    return out;
}

const std::string& review_head(const Payload& p, const Review& r, const Words& w, std::string& out) {
    out.assign(w.verdict(r.verdict)).append(kDot).append(p.tools[static_cast<std::size_t>(r.tool)].name);
    return out;
}

std::string review_text(const Payload& p, const Review& r, const Words& w) {
    std::string by, head;
    return "\xE2\x80\x9C" + r.quote + "\xE2\x80\x9D \xE2\x80\x94 " +
           reviewer_line(p.reviewers[static_cast<std::size_t>(r.reviewer)], by) + " (" + review_head(p, r, w, head) + ")";
}

std::vector<std::vector<std::string>> tools_table(const Payload& p, const std::vector<ToolFigures>& figures,
                                                  const Words& w) {
    const std::string ship_votes = w.fill(Label::panel_votes, {{"verdict", w.verdict(Verdict::Ship)}});
    const std::string skip_votes = w.fill(Label::panel_votes, {{"verdict", w.verdict(Verdict::Skip)}});
    std::vector<std::vector<std::string>> rows;
    rows.push_back({w.text(Label::id), w.text(Label::name), w.text(Label::vendor), w.text(Label::category),
                    w.text(Label::tagline), w.text(Label::panel_ship), ship_votes, skip_votes, w.text(Label::community),
                    w.text(Label::entry), w.text(Label::monthly), w.text(Label::license), w.text(Label::license_facts),
                    w.text(Label::commercial_use), w.text(Label::notes), w.text(Label::website)});
    for (std::size_t i = 0; i < p.tools.size() && i < figures.size(); ++i) {
        const Tool& t = p.tools[i];
        const ToolFigures& f = figures[i];
        std::string facts;
        for (const std::string& fact : f.facts) facts += (facts.empty() ? "" : "; ") + fact;
        rows.push_back({t.id, t.name, t.vendor, t.category, t.tagline, f.panel_value,
                        w.number(static_cast<std::uint64_t>(f.panel_ship)), w.number(static_cast<std::uint64_t>(f.panel_skip)),
                        f.community_value, f.entry, f.monthly, t.license.name, facts, f.commercial,
                        t.pricing ? t.pricing->notes : std::string(), t.url});
    }
    return rows;
}

}  // namespace versus::present
