// view_pricing.cpp — the pricing read: entry price, monthly figure, license, commercial use and
// notes of the shown tools, side by side in a table (or stacked on narrow widths), sortable by
// entry price.
#include "ui/view_internal.hpp"


namespace versus::ui {

static const char* sort_label(PriceSort s) {
    switch (s) {
        case PriceSort::Ascending: return "Sorted by entry price: lowest first";
        case PriceSort::Descending: return "Sorted by entry price: highest first";
        default: return "Sort by entry price";
    }
}

void ComparisonView::draw_pricing(Ctx& c) {
    const float w = ImGui::GetContentRegionAvail().x;
    section_heading(c, "Pricing read", w);
    if (link_button(c, "##sort", "pricing.sort", sort_label(reader_.price_sort), c.fonts.small_bold)) {
        reader_.price_sort = reader_.price_sort == PriceSort::Payload     ? PriceSort::Ascending
                           : reader_.price_sort == PriceSort::Ascending   ? PriceSort::Descending
                                                                          : PriceSort::Payload;
    }
    const std::vector<int> order = pricing_order(payload_, derived_.shown, reader_.price_sort);
    const char* yes_no[2] = {"No", "Yes"};

    if (w >= 640) {
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp |
                                      ImGuiTableFlags_PadOuterX;
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(10, 8));
        if (ImGui::BeginTable("pricing", 6, flags, ImVec2(w, 0))) {
            ImGui::TableSetupColumn("Tool", 0, 1.3f);
            ImGui::TableSetupColumn("Entry", 0, 0.9f);
            ImGui::TableSetupColumn("Monthly", 0, 0.9f);
            ImGui::TableSetupColumn("License", 0, 1.1f);
            ImGui::TableSetupColumn("Commercial use", 0, 0.8f);
            ImGui::TableSetupColumn("Notes", 0, 2.2f);
            ImGui::PushFont(c.fonts.small_bold);
            ImGui::TableHeadersRow();
            ImGui::PopFont();
            for (int ti : order) {
                const Tool& t = payload_.tools[static_cast<size_t>(ti)];
                ImGui::TableNextRow();
                auto cell = [&](const char* role, ImFont* font, ImU32 col, const std::string& s) {
                    ImGui::TableNextColumn();
                    text_block(c, role, font, col, s, ImGui::GetContentRegionAvail().x);
                };
                cell("pricing.tool", c.fonts.body_bold, c.pal.text, t.name);
                cell("pricing.entry", c.fonts.body, c.pal.text, t.pricing ? t.pricing->entry : "\xE2\x80\x94");
                cell("pricing.monthly", c.fonts.body, c.pal.text, monthly_price_text(t.pricing ? t.pricing->entry_usd_month : std::nullopt));
                cell("pricing.license", c.fonts.body, c.pal.text, t.license.name);
                cell("pricing.commercial", c.fonts.body, t.license.commercial_use ? c.pal.ship : c.pal.skip,
                     yes_no[t.license.commercial_use ? 1 : 0]);
                cell("pricing.notes", c.fonts.small, c.pal.muted, t.pricing && !t.pricing->notes.empty() ? t.pricing->notes : "\xE2\x80\x94");
            }
            ImGui::EndTable();
        }
        ImGui::PopStyleVar();
    } else {
        for (int ti : order) {
            const Tool& t = payload_.tools[static_cast<size_t>(ti)];
            CardScope card(c, w, 12, c.pal.card, c.pal.border);
            const float iw = card.inner_width();
            text_block(c, "pricing.tool", c.fonts.body_bold, c.pal.text, t.name, iw);
            std::string entry = "No pricing given";
            if (t.pricing) {
                entry = "Entry: " + t.pricing->entry;
                if (t.pricing->entry_usd_month) entry += " \xC2\xB7 " + monthly_price_text(t.pricing->entry_usd_month);
            }
            text_block(c, "pricing.entry", c.fonts.body, c.pal.text, entry, iw);
            text_block(c, "pricing.license", c.fonts.body, c.pal.text,
                       t.license.name + " \xC2\xB7 Commercial use: " + yes_no[t.license.commercial_use ? 1 : 0], iw);
            if (t.pricing && !t.pricing->notes.empty())
                text_block(c, "pricing.notes", c.fonts.small, c.pal.muted, t.pricing->notes, iw);
            card.end();
        }
    }
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace versus::ui
