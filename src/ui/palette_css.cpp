// palette_css.cpp — see palette_css.hpp.
#include "ui/palette_css.hpp"

#include <cstdio>
#include <utility>

namespace versus::ui {

std::string hex_colour(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>((c >> IM_COL32_R_SHIFT) & 0xFF),
                  static_cast<unsigned>((c >> IM_COL32_G_SHIFT) & 0xFF), static_cast<unsigned>((c >> IM_COL32_B_SHIFT) & 0xFF));
    return buf;
}

std::string palette_json(const Palette& pal) {
    const std::pair<const char*, ImU32> colours[] = {
        {"background", pal.background}, {"card", pal.card}, {"border", pal.border}, {"text", pal.text},
        {"muted", pal.muted}, {"accent", pal.accent}, {"accentText", pal.accent_text}, {"ship", pal.ship},
        {"skip", pal.skip}, {"shipSoft", pal.ship_soft}, {"skipSoft", pal.skip_soft}, {"error", pal.error},
        {"errorSoft", pal.error_soft},
    };
    std::string out = "{";
    for (const auto& [name, colour] : colours) {
        if (out.size() > 1) out += ',';
        out += '"';
        out += name;
        out += "\":\"";
        out += hex_colour(colour);
        out += '"';
    }
    return out + "}";
}

}  // namespace versus::ui
