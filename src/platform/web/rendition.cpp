// rendition.cpp — the comparison as JSON for the element's HTML rendition; see rendition.hpp.
#include "platform/web/rendition.hpp"

#include <cstdio>

namespace versus::web {

namespace {

const char* const kDash = "\xE2\x80\x94";   // —
const char* const kDot = " \xC2\xB7 ";      // " · "

std::string count_text(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

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

std::string hex_colour(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>((c >> IM_COL32_R_SHIFT) & 0xFF),
                  static_cast<unsigned>((c >> IM_COL32_G_SHIFT) & 0xFF), static_cast<unsigned>((c >> IM_COL32_B_SHIFT) & 0xFF));
    return buf;
}

std::string palette_json(const ui::Palette& pal) {
    Json j;
    j.open('{');
    const std::pair<const char*, ImU32> colours[] = {
        {"background", pal.background}, {"card", pal.card}, {"border", pal.border}, {"text", pal.text},
        {"muted", pal.muted}, {"accent", pal.accent}, {"accentText", pal.accent_text}, {"ship", pal.ship},
        {"skip", pal.skip}, {"shipSoft", pal.ship_soft}, {"skipSoft", pal.skip_soft}, {"error", pal.error},
        {"errorSoft", pal.error_soft},
    };
    for (const auto& [name, colour] : colours) j.field(name, hex_colour(colour));
    j.close('}');
    return j.out;
}

std::string rendition_json(const Payload& p, const ReaderVotes& votes, const std::vector<Votes>& figures,
                           const ui::Palette& pal) {
    Json j;
    j.open('{');
    j.field("id", p.id);
    j.field("title", p.title);
    j.field("kicker", p.kicker);
    j.field("question", p.question);
    j.field("summary", p.summary);

    j.key("palette");
    j.comma();
    j.out += palette_json(pal);

    j.key("tools").open('[');
    for (int i = 0; i < static_cast<int>(p.tools.size()); ++i) {
        const Tool& t = p.tools[static_cast<size_t>(i)];
        j.comma();
        j.open('{');
        j.field("id", t.id);
        j.field("name", t.name);
        j.field("vendor", t.vendor);
        j.field("category", t.category);
        j.field("tagline", t.tagline);
        j.field("description", t.description);
        j.field("url", t.url);
        j.field("link", t.url.empty() ? std::string() : "Visit " + t.name + " \xE2\x86\x92");

        // The card's three figures, computed as view_cards.cpp computes them.
        const PanelFigure panel = panel_figure(p, i);
        j.key("panel").open('{');
        j.field("value", percent_text(panel.percent));
        j.field("label", "Panel ship");
        j.key("ship").num(panel.ship);
        j.key("skip").num(panel.skip);
        j.field("text", panel.ship + panel.skip == 0
                            ? std::string("no reviews")
                            : std::to_string(panel.ship) + " ship, " + std::to_string(panel.skip) + " skip");
        j.close('}');

        auto mine = votes.find(t.id);
        const std::optional<Verdict> my_vote =
            mine == votes.end() ? std::nullopt : std::optional<Verdict>(mine->second);
        const Votes community = static_cast<size_t>(i) < figures.size() ? figures[static_cast<size_t>(i)]
                                                                          : with_reader_vote(t.community, my_vote);
        const auto n = static_cast<std::int64_t>(static_cast<std::uint64_t>(community.ship) +
                                                 static_cast<std::uint64_t>(community.skip));
        j.key("community").open('{');
        j.field("value", percent_text(community_percent(community)));
        j.field("label", n <= 0 ? std::string("Community") : std::string("Community") + kDot + count_text(n, "vote", "votes"));
        j.key("mine");
        if (my_vote) j.str(*my_vote == Verdict::Ship ? "ship" : "skip");
        else j.null();
        j.key("ship").num(community.ship);
        j.key("skip").num(community.skip);
        j.close('}');

        j.field("entry", t.pricing ? t.pricing->entry : std::string(kDash));
        j.field("monthly", monthly_price_text(t.pricing ? t.pricing->entry_usd_month : std::nullopt));
        j.field("notes", t.pricing ? t.pricing->notes : std::string());
        j.key("license").open('{');
        j.field("name", t.license.name);
        j.field("spdx", t.license.spdx.value_or(""));
        j.key("facts").open('[');
        j.str(t.license.commercial_use ? "Commercial use" : "Non-commercial");
        if (t.license.open_weights) j.str("Open weights");
        if (t.license.osi_approved) j.str("OSI-approved");
        j.close(']');
        j.close('}');
        j.field("commercialUse", t.license.commercial_use ? "Yes" : "No");
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
        j.field("verdict", rv.verdict == Verdict::Ship ? "Ship" : "Skip");
        j.field("quote", rv.quote);
        j.close('}');
    }
    j.close(']');

    j.key("cta");
    if (p.cta) {
        j.open('{');
        j.field("label", p.cta->label);
        j.field("url", p.cta->url);
        j.close('}');
    } else {
        j.null();
    }
    j.close('}');
    return j.out;
}

std::string filter_json(const Payload& p, const LicenseFilter& f, int shown, int total) {
    Json j;
    j.open('{');
    j.key("commercialUse").boolean(f.commercial_use);
    j.key("openWeights").boolean(f.open_weights);
    j.key("osiApproved").boolean(f.osi_approved);
    j.key("license");
    if (f.license_name.empty()) j.null();
    else j.str(f.license_name);
    j.key("active").open('[');
    if (f.commercial_use) j.str("Commercial use");
    if (f.open_weights) j.str("Open weights");
    if (f.osi_approved) j.str("OSI-approved");
    if (!f.license_name.empty()) j.str(f.license_name);
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

}  // namespace versus::web
