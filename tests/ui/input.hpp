// input.hpp — real input into a headless host, as a platform sends it: clicks, taps, keys.
#pragma once

#include "headless.hpp"

#include <catch2/catch.hpp>

#include <cfloat>

namespace versus::test {

inline ImVec2 centre(const ui::DrawnItem& it) { return ImVec2((it.min.x + it.max.x) / 2, (it.min.y + it.max.y) / 2); }

// A click (or a tap, with touch = true) at the centre of an item, as a platform would send it.
inline void click(Headless& h, const ui::DrawnItem& it, bool touch = false) {
    const ImVec2 p = centre(it);
    ImGuiIO& io = h.io();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(p.x, p.y);
    h.frame();
    io.AddMouseButtonEvent(0, true);
    h.frame();
    io.AddMouseButtonEvent(0, false);
    h.frame();
    if (touch) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);   // the finger is lifted: no hover
    h.settle(2);
}

inline void click(Headless& h, std::string_view role, std::string_view text = {}, bool touch = false) {
    const ui::DrawnItem* it = h.record.find(role, text);
    INFO("clicking " << role << " " << text);
    REQUIRE(it);
    const ui::DrawnItem copy = *it;   // the record is rewritten by the next frame
    click(h, copy, touch);
}

inline void key(Headless& h, ImGuiKey pressed) {
    const ImGuiKey k = h.host.layout_key(pressed);   // as every platform maps it
    h.io().AddKeyEvent(k, true);
    h.frame();
    h.io().AddKeyEvent(k, false);
    h.frame();
}

}  // namespace versus::test
