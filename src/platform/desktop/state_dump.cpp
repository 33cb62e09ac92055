// state_dump.cpp — the viewer's JSON state dump (see state_dump.hpp).
#include "platform/desktop/state_dump.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>

namespace versus::desktop {
namespace {

// Rounded to 1/`per`, so that float noise does not count as a change.
double rounded(float v, double per = 10.0) { return std::round(static_cast<double>(v) * per) / per; }

const char* verdict_name(Verdict v) { return v == Verdict::Ship ? "ship" : "skip"; }

const char* sort_name(PriceSort s) {
    switch (s) {
        case PriceSort::Ascending: return "ascending";
        case PriceSort::Descending: return "descending";
        default: return "payload";
    }
}

// Roles of the drawn items worth a line in the dump (what a reader would quote).
bool key_role(const std::string& role) {
    return role == "kicker" || role == "title" || role == "question" || role == "card" ||
           role == "tool.name" || role == "tool.panel" || role == "tool.community" ||
           role == "empty.title" || role == "error.title" || role == "cta" || role == "chip" ||
           role == "vote.ship" || role == "vote.skip" || role == "vote.label" || role == "heading" ||
           role == "tool.figure-label" || role == "filters.label" || role == "note";
}

}  // namespace

std::string state_json(const WindowState& w, const ui::ComparisonView& view, const ui::FrameRecord* record) {
    using json = nlohmann::ordered_json;
    const ui::ReaderState& r = view.reader();
    json votes = json::object();
    for (const auto& [tool, verdict] : r.votes) votes[tool] = verdict_name(verdict);
    json items = json::array();
    if (record)
        for (const ui::DrawnItem& it : record->items)
            if (key_role(it.role))
                items.push_back({{"role", it.role},
                                 {"text", it.text},
                                 {"rect", {std::lround(it.min.x), std::lround(it.min.y), std::lround(it.max.x),
                                           std::lround(it.max.y)}}});
    const auto& errors = view.problem_lines();
    // What a reader sees of each tool, as the canvas and the web rendition show it (present/).
    json figures = json::array();
    if (view.has_payload())
        for (size_t i = 0; i < view.figures().size() && i < view.payload().tools.size(); ++i) {
            const present::ToolFigures& f = view.figures()[i];
            figures.push_back({{"tool", view.payload().tools[i].id},
                               {"panel", f.panel_value},
                               {"split", f.panel_split},
                               {"community", f.community_value},
                               {"community_label", f.community_label},
                               {"entry", f.entry},
                               {"monthly", f.monthly}});
        }
    json doc = {
        {"title", w.title},
        {"file", w.file.empty() ? json(nullptr) : json(w.file)},
        {"source", w.source},
        {"watching", w.watching},
        {"loads", w.loads},
        {"payload_title", view.has_payload() ? json(view.payload().title) : json(nullptr)},
        {"lang", view.words().lang()},
        {"dir", view.words().rtl() ? "rtl" : "ltr"},
        {"figures", figures},
        {"errors", errors.size()},
        {"error_lines", errors},
        {"stale", view.has_payload() && !errors.empty()},
        {"theme", w.theme},
        {"zoom", rounded(w.zoom, 100.0)},
        {"pixel_ratio", rounded(w.pixel_ratio, 100.0)},
        {"font_scale", rounded(w.font_scale, 100.0)},
        {"display", {rounded(w.display_w), rounded(w.display_h)}},
        {"framebuffer", {w.framebuffer_w, w.framebuffer_h}},
        {"window_pos", {w.window_x, w.window_y}},
        {"scroll", rounded(w.scroll)},
        {"scroll_max", rounded(w.scroll_max)},
        {"content_height", rounded(view.content_height())},
        {"reader",
         {{"filters",
           {{"commercial_use", r.filter.commercial_use},
            {"open_weights", r.filter.open_weights},
            {"osi_approved", r.filter.osi_approved},
            {"license_name", r.filter.license_name}}},
          {"votes", votes},
          {"expanded", r.expanded},
          {"price_sort", sort_name(r.price_sort)},
          {"pinned", r.pinned},
          {"shown", view.shown_count()},
          {"tools", view.has_payload() ? view.payload().tools.size() : 0}}},
        {"items", items},
    };
    if (!w.votes_url.empty()) {
        json tallies = nullptr;
        if (view.tallies()) {
            tallies = json::object();
            for (const auto& [tool, v] : view.tallies()->tools) tallies[tool] = {{"ship", v.ship}, {"skip", v.skip}};
        }
        json community = json::object();
        if (view.has_payload())
            for (int i = 0; i < static_cast<int>(view.payload().tools.size()); ++i) {
                const Votes v = view.community(i);
                community[view.payload().tools[static_cast<size_t>(i)].id] = {{"ship", v.ship}, {"skip", v.skip}};
            }
        doc["votes"] = {{"url", w.votes_url},
                        {"comparison", w.votes_comparison},
                        {"error", w.votes_error},
                        {"fetches", w.votes_fetches},
                        {"tallies", tallies},
                        {"community", community},
                        {"note", view.note()}};
    }
    return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

bool write_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return false;
        f << text;
        if (!f.flush()) return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace versus::desktop
