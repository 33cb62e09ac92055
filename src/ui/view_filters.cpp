// view_filters.cpp — the license filter chips and the "n hidden · Clear filters" line.
#include "ui/view_internal.hpp"

namespace versus::ui {

void ComparisonView::draw_filters(Ctx& c) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorScreenPos().x;
    text_block(c, "filters.label", c.fonts.small_bold, c.pal.muted, words_.text(Label::filter_by_license), w);
    Flow flow{x0, x0 + w};
    LicenseFilter f = reader_.filter;
    bool changed = false;
    const ImU32 on_bg = c.pal.accent, on_fg = c.pal.accent_text;
    ImGui::PushID("filters");
    if (chip(c, flow, "##commercial", "chip", words_.text(Label::commercial_use), f.commercial_use, on_bg, on_fg)) {
        f.commercial_use = !f.commercial_use;
        changed = true;
    }
    if (chip(c, flow, "##open", "chip", words_.text(Label::open_weights), f.open_weights, on_bg, on_fg)) {
        f.open_weights = !f.open_weights;
        changed = true;
    }
    if (chip(c, flow, "##osi", "chip", words_.text(Label::osi_approved), f.osi_approved, on_bg, on_fg)) {
        f.osi_approved = !f.osi_approved;
        changed = true;
    }
    for (size_t i = 0; i < derived_.license_names.size(); ++i) {
        const std::string& name = derived_.license_names[i];
        ImGui::PushID(static_cast<int>(i));
        const bool on = f.license_name == name;
        if (chip(c, flow, "##license", "chip", name, on, on_bg, on_fg)) {
            f.license_name = on ? std::string() : name;
            changed = true;
        }
        ImGui::PopID();
    }
    ImGui::PopID();
    if (changed) set_filter(f);

    if (reader_.filter.active()) {
        const int total = static_cast<int>(payload_.tools.size());
        const int hidden = total - derived_.shown_count;
        const std::string line = hidden == 0 ? words_.text(Label::all_match)
                                             : words_.count(Label::tools_hidden, static_cast<std::uint64_t>(hidden),
                                                            {{"total", words_.number(static_cast<std::uint64_t>(total))}});
        ImGui::PushFont(c.fonts.small);
        const float line_h = ImGui::GetFontSize();
        ImGui::PopFont();
        const float y = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(x0, y + (24 - line_h) * 0.5f));
        text_block(c, "filters.status", c.fonts.small, c.pal.muted, line, w);
        ImGui::SameLine(0, 10);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y));
        if (link_button(c, "##clear", "filters.clear", words_.text(Label::clear_filters), c.fonts.small_bold)) set_filter(LicenseFilter{});
    }
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace versus::ui
