// view_pricing.cpp — the pricing read: entry price, monthly figure, license, commercial use and
// notes of the shown tools, side by side in a table (or stacked on narrow widths), sortable by
// entry price.
#include "ui/view_internal.hpp"

#include <algorithm>


namespace versus::ui {

static Label sort_label(PriceSort s) {
    switch (s) {
        case PriceSort::Ascending: return Label::sorted_lowest;
        case PriceSort::Descending: return Label::sorted_highest;
        default: return Label::sort_by_price;
    }
}

void ComparisonView::draw_pricing(Ctx& c) {
    const float w = ImGui::GetContentRegionAvail().x;
    section_heading(c, words_.text(Label::pricing_read), w);
    if (link_button(c, "##sort", "pricing.sort", words_.text(sort_label(reader_.price_sort)), c.fonts.small_bold)) {
        reader_.price_sort = reader_.price_sort == PriceSort::Payload     ? PriceSort::Ascending
                           : reader_.price_sort == PriceSort::Ascending   ? PriceSort::Descending
                                                                          : PriceSort::Payload;
    }
    const std::vector<int> order = pricing_order(payload_, derived_.shown, reader_.price_sort);

    if (w >= 640) {
        // A grid of our own (not ImGui tables: this is their only use, and the web build drops
        // their code): columns in proportion, each row as tall as its tallest cell.
        static constexpr float kShare[6] = {1.3f, 0.9f, 0.9f, 1.1f, 0.8f, 2.2f};
        static const Label kHeader[6] = {Label::tool, Label::entry, Label::monthly, Label::license, Label::commercial_use, Label::notes};
        const ImVec2 pad(10, 8);
        float share_sum = 0;
        for (float f : kShare) share_sum += f;
        float col_x[7];
        const ImVec2 o = ImGui::GetCursorScreenPos();
        col_x[0] = o.x;
        for (int k = 0; k < 6; ++k) col_x[k + 1] = col_x[k] + w * kShare[k] / share_sum;
        Splitter pooled(c);
    ImDrawListSplitter& splitter = pooled.s;
        // Lays out one row: cells on channel 1, then the row's background and rule on channel 0.
        auto row = [&](int index, const std::string* cells[6], const char* const roles[6], ImFont* const fonts[6],
                       const ImU32 colours[6], ImU32 bg) {
            const float y0 = ImGui::GetCursorScreenPos().y;
            splitter.Split(c.dl, 2);
            splitter.SetCurrentChannel(c.dl, 1);
            float bottom = y0;
            for (int k = 0; k < 6; ++k) {
                ImGui::SetCursorScreenPos(ImVec2(col_x[k] + pad.x, y0 + pad.y));
                bottom = std::max(bottom, text_block(c, roles[k], fonts[k], colours[k], *cells[k],
                                                     col_x[k + 1] - col_x[k] - 2 * pad.x).Max.y);
            }
            const float y1 = bottom + pad.y;
            splitter.SetCurrentChannel(c.dl, 0);
            if (bg) c.dl->AddRectFilled(ImVec2(o.x, y0), ImVec2(o.x + w, y1), bg);
            if (index > 0) c.dl->AddLine(ImVec2(o.x, y0), ImVec2(o.x + w, y0), c.pal.border);
            splitter.Merge(c.dl);
            ImGui::SetCursorScreenPos(ImVec2(o.x, y0));
            ImGui::Dummy(ImVec2(w, y1 - y0 - ImGui::GetStyle().ItemSpacing.y));
        };
        std::string header_text[6];
        const std::string* header_cells[6];
        const char* header_roles[6];
        ImFont* header_fonts[6];
        ImU32 header_colours[6];
        for (int k = 0; k < 6; ++k) {
            header_text[k] = words_.text(kHeader[k]);
            header_cells[k] = &header_text[k];
            header_roles[k] = "pricing.header";
            header_fonts[k] = c.fonts.small_bold;
            header_colours[k] = c.pal.text;
        }
        row(0, header_cells, header_roles, header_fonts, header_colours, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        static const char* const kRoles[6] = {"pricing.tool", "pricing.entry", "pricing.monthly", "pricing.license",
                                              "pricing.commercial", "pricing.notes"};
        int n = 0;
        for (int ti : order) {
            const Tool& t = payload_.tools[static_cast<size_t>(ti)];
            const std::string dash = present::kDash;
            const present::ToolFigures& fig = figures_[static_cast<size_t>(ti)];
            const std::string& entry = fig.entry;
            const std::string& monthly = fig.monthly;
            const std::string& commercial = fig.commercial;
            const std::string& notes = t.pricing && !t.pricing->notes.empty() ? t.pricing->notes : dash;
            const std::string* cells[6] = {&t.name, &entry, &monthly, &t.license.name, &commercial, &notes};
            ImFont* const fonts[6] = {c.fonts.body_bold, c.fonts.body, c.fonts.body, c.fonts.body, c.fonts.body, c.fonts.small};
            const ImU32 colours[6] = {c.pal.text, c.pal.text, c.pal.text, c.pal.text,
                                      t.license.commercial_use ? c.pal.ship : c.pal.skip, c.pal.muted};
            ++n;
            row(n, cells, kRoles, fonts, colours, n % 2 == 0 ? ImGui::GetColorU32(ImGuiCol_TableRowBgAlt) : 0);
        }
        c.dl->AddRect(o, ImVec2(o.x + w, ImGui::GetCursorScreenPos().y), c.pal.border, 6);   // the rows end here
        ImGui::Dummy(ImVec2(0, 0));
    } else {
        for (int ti : order) {
            const Tool& t = payload_.tools[static_cast<size_t>(ti)];
            CardScope card(c, w, 12, c.pal.card, c.pal.border);
            const float iw = card.inner_width();
            text_block(c, "pricing.tool", c.fonts.body_bold, c.pal.text, t.name, iw);
            const present::ToolFigures& fig = figures_[static_cast<size_t>(ti)];
            std::string entry = words_.text(Label::no_pricing);
            if (t.pricing) {
                entry = words_.fill(Label::label_value, {{"label", words_.text(Label::entry)}, {"value", fig.entry}});
                if (t.pricing->entry_usd_month) entry += present::kDot + fig.monthly;
            }
            text_block(c, "pricing.entry", c.fonts.body, c.pal.text, entry, iw);
            text_block(c, "pricing.license", c.fonts.body, c.pal.text,
                       t.license.name + present::kDot +
                           words_.fill(Label::label_value, {{"label", words_.text(Label::commercial_use)}, {"value", fig.commercial}}), iw);
            if (t.pricing && !t.pricing->notes.empty())
                text_block(c, "pricing.notes", c.fonts.small, c.pal.muted, t.pricing->notes, iw);
            card.end();
        }
    }
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace versus::ui
