// rendition.cpp — the comparison as JSON for the element's HTML rendition; see rendition.hpp.
#include "present/rendition.hpp"

#include "present/figures.hpp"

namespace versus::present {

namespace {

// A tiny writer for flat JSON objects: key(), then a value.
struct Json {
    std::string out;
    bool first = true;
    void open(char c) { out += c; first = true; }
    void close(char c) { out += c; first = false; }
    void comma() {
        if (!first) out += ',';
        first = false;
    }
    Json& key(const char* k) {
        comma();
        append_json_string(out, k);
        out += ':';
        first = true;   // the value that follows needs no comma
        return *this;
    }
    void str(std::string_view s) { comma(); append_json_string(out, s); }
    void num(std::int64_t n) { comma(); out += std::to_string(n); }
    void boolean(bool b) { comma(); out += b ? "true" : "false"; }
    void null() { comma(); out += "null"; }
    void field(const char* k, std::string_view s) { key(k).str(s); }
};

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

std::string rendition_json(const Payload& p, const std::vector<ToolFigures>& figures, const Words& w,
                           std::string_view palette) {
    Json j;
    j.open('{');
    j.field("id", p.id);
    j.field("lang", w.content_lang());
    j.field("dir", w.rtl() ? "rtl" : "ltr");
    j.field("title", p.title);
    j.field("kicker", p.kicker);
    j.field("question", p.question);
    j.field("summary", p.summary);

    j.key("palette");
    j.comma();
    j.out += palette.empty() ? std::string_view("{}") : palette;

    j.key("words").open('{');
    j.field("tools", w.count(Label::the_tools, p.tools.size()));
    j.field("scorecard", w.text(Label::reviewer_scorecard));
    j.field("entry", w.text(Label::entry));
    j.field("license", w.text(Label::license));
    j.close('}');

    j.key("tools").open('[');
    for (int i = 0; i < static_cast<int>(p.tools.size()) && i < static_cast<int>(figures.size()); ++i) {
        const Tool& t = p.tools[static_cast<size_t>(i)];
        const ToolFigures& f = figures[static_cast<size_t>(i)];
        j.comma();
        j.open('{');
        j.field("id", t.id);
        j.field("name", t.name);
        j.field("vendor", t.vendor);
        j.field("vendorLine", f.vendor_line);
        j.field("category", t.category);
        j.field("tagline", t.tagline);
        j.field("description", t.description);
        j.field("url", t.url);
        j.field("link", f.link);

        // The card's three figures: the canvas draws these same strings (view_cards.cpp).
        j.key("panel").open('{');
        j.field("value", f.panel_value);
        j.field("label", w.text(Label::panel_ship));
        j.key("ship").num(f.panel_ship);
        j.key("skip").num(f.panel_skip);
        j.field("text", f.panel_split);
        j.close('}');

        j.key("community").open('{');
        j.field("value", f.community_value);
        j.field("label", f.community_label);
        j.key("mine");
        if (f.mine) j.str(*f.mine == Verdict::Ship ? "ship" : "skip");
        else j.null();
        j.field("mineText", f.mine ? w.fill(Label::your_vote, {{"verdict", w.verdict(*f.mine)}}) : std::string());
        j.key("ship").num(f.community.ship);
        j.key("skip").num(f.community.skip);
        j.close('}');

        j.field("entry", f.entry);
        j.field("monthly", f.monthly);
        j.field("notes", t.pricing ? t.pricing->notes : std::string());
        std::string pricing = w.fill(Label::label_value, {{"label", w.text(Label::entry)}, {"value", f.entry}});
        pricing += kDot + f.monthly;
        pricing += kDot + w.fill(Label::label_value, {{"label", w.text(Label::license)}, {"value", t.license.name}});
        pricing += kDot + w.fill(Label::label_value, {{"label", w.text(Label::commercial_use)}, {"value", f.commercial}});
        j.field("pricing", pricing);
        j.key("license").open('{');
        j.field("name", t.license.name);
        j.field("spdx", t.license.spdx.value_or(""));
        j.key("facts").open('[');
        for (const std::string& fact : f.facts) j.str(fact);
        j.close(']');
        j.close('}');
        j.field("commercialUse", f.commercial);
        j.field("text", card_text(p, i, f, w));
        j.close('}');
    }
    j.close(']');

    j.key("reviews").open('[');
    for (const Review& rv : p.reviews) {
        const Tool& t = p.tools[static_cast<size_t>(rv.tool)];
        const Reviewer& who = p.reviewers[static_cast<size_t>(rv.reviewer)];
        j.comma();
        j.open('{');
        j.field("toolId", t.id);
        j.field("tool", t.name);
        j.field("reviewer", who.name);
        j.field("lens", who.lens);
        std::string line;
        j.field("by", reviewer_line(who, line));
        j.field("verdict", w.verdict(rv.verdict));
        j.field("verdictKey", rv.verdict == Verdict::Ship ? "ship" : "skip");
        j.field("head", review_head(p, rv, w, line));
        j.field("quote", rv.quote);
        j.field("text", review_text(p, rv, w));
        j.close('}');
    }
    j.close(']');

    // The CSV of the actions menu: header row and a row per tool, in the widget's words.
    j.key("table").open('[');
    for (const auto& row : tools_table(p, figures, w)) {
        j.comma();
        j.open('[');
        for (const std::string& cell : row) j.str(cell);
        j.close(']');
    }
    j.close(']');

    j.key("cta");
    if (p.cta) {
        j.open('{');
        j.field("label", p.cta->label);
        j.field("url", p.cta->url);
        j.field("text", cta_text(*p.cta, w));
        j.close('}');
    } else {
        j.null();
    }
    j.close('}');
    return j.out;
}

std::string filter_json(const Payload& p, const LicenseFilter& f, int shown, int total, const Words& w) {
    Json j;
    j.open('{');
    j.key("commercialUse").boolean(f.commercial_use);
    j.key("openWeights").boolean(f.open_weights);
    j.key("osiApproved").boolean(f.osi_approved);
    j.key("license");
    if (f.license_name.empty()) j.null();
    else j.str(f.license_name);
    j.key("active").open('[');
    for (const std::string& label : active_filter_labels(f, w)) j.str(label);
    j.close(']');
    j.key("shown").num(shown);
    j.key("total").num(total);
    j.key("tools").open('[');
    for (const Tool& t : p.tools)
        if (matches(t, f)) j.str(t.id);
    j.close(']');
    j.close('}');
    return j.out;
}

std::string chrome_json(const Words& w) {
    Json j;
    j.open('{');
    j.field("lang", w.content_lang());
    j.field("dir", w.rtl() ? "rtl" : "ltr");
    j.field("errorTitle", w.text(Label::error_title));
    j.field("loading", w.text(Label::loading));
    j.field("interactive", w.text(Label::interactive_comparison));
    j.field("voteNotSent", w.text(Label::vote_not_sent));
    j.field("talliesNotLoaded", w.text(Label::tallies_not_loaded));
    j.field("problemError", w.text(Label::problem_error));
    j.key("actions").open('{');
    j.field("image", w.text(Label::action_image));
    j.field("csv", w.text(Label::action_csv));
    j.field("json", w.text(Label::action_json));
    j.field("copy", w.text(Label::action_copy));
    j.field("menu", w.text(Label::actions_menu));
    j.field("menuLabel", w.text(Label::actions_menu_label));
    j.close('}');
    j.close('}');
    return j.out;
}

}  // namespace versus::present
