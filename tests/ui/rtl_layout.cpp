// A right-to-left widget (ui::Host::set_direction): the whole layout mirrored as an HTML page with
// dir="rtl" would be, the pointer and the arrow keys following the mirror, text readable.
#include "headless.hpp"
#include "input.hpp"
#include "payloads.hpp"

#include <catch2/catch.hpp>

#include <imgui_internal.h>

using namespace versus;
using versus::test::Headless;

namespace {

// The payload says dir "rtl" (its words stay English, so the two layouts can be compared).
Payload rtl(Payload p) {
    p.dir = TextDirection::Rtl;
    return p;
}

// The seed in a right-to-left host, settled.
struct RtlSeed : Headless {
    RtlSeed() : Headless(1100, 3000) {
        view.set_payload(rtl(test::seed_payload()));
        settle();
    }
};

// The keyboard focus of the last frame, in screen space.
ImRect nav_rect(Headless& h) {
    const ImGuiContext& g = *h.host.context();
    REQUIRE(g.NavWindow);
    ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    if (h.host.mirrored()) {   // ImGui keeps it in the widget's own (unmirrored) space
        const float w = g.IO.DisplaySize.x, x0 = r.Min.x;
        r.Min.x = w - r.Max.x;
        r.Max.x = w - x0;
    }
    return r;
}

}  // namespace

TEST_CASE("rtl: every item is where the left-to-right layout puts it, mirrored", "[ui][rtl][layout]") {
    for (int tools : {1, 3, 6, 16}) {
        const std::string text = test::generated_payload(tools, tools == 16 ? 64 : 5);
        for (float width : {320.0f, 768.0f, 1280.0f}) {
            CAPTURE(tools, width);
            Headless ltr(width, 100000), mirrored(width, 100000);
            ltr.view.set_payload(test::load_or_throw(text));
            mirrored.view.set_payload(rtl(test::load_or_throw(text)));
            ltr.settle();
            mirrored.settle();
            REQUIRE(mirrored.host.mirrored());
            REQUIRE(ltr.record.items.size() == mirrored.record.items.size());
            for (std::size_t i = 0; i < ltr.record.items.size(); ++i) {
                const ui::DrawnItem& a = ltr.record.items[i];
                const ui::DrawnItem& b = mirrored.record.items[i];
                CAPTURE(a.role, a.text);
                CHECK(b.role == a.role);
                CHECK(b.min.x == Approx(width - a.max.x).margin(0.01));
                CHECK(b.max.x == Approx(width - a.min.x).margin(0.01));
                CHECK(b.min.y == Approx(a.min.y).margin(0.01));
            }
            // The first tool's card is the rightmost of its row.
            const auto cards = mirrored.record.all("card");
            if (cards.size() > 1 && cards[1]->min.y == cards[0]->min.y) CHECK(cards[0]->min.x > cards[1]->min.x);
        }
    }
}

TEST_CASE("rtl: clicks and taps land on what is under the pointer", "[ui][rtl][input]") {
    RtlSeed h;
    const auto ships = h.record.all("vote.ship");
    REQUIRE(ships.size() == 2);
    CHECK(ships[1]->max.x < ships[0]->min.x);   // the second tool is on the left
    const ui::DrawnItem second_ship = *ships[1];
    test::click(h, second_ship, /*touch=*/true);
    const std::string second = h.view.payload().tools[1].id;
    REQUIRE(h.view.reader().votes.count(second) == 1);
    CHECK(h.view.reader().votes.at(second) == Verdict::Ship);
    test::click(h, "chip", "Commercial use");
    CHECK(h.view.reader().filter.commercial_use);
}

TEST_CASE("rtl: the arrow keys follow the visual direction", "[ui][rtl][keys]") {
    RtlSeed h;
    const auto ship = h.record.find("vote.ship");
    REQUIRE(ship);
    test::click(h, *ship);   // focus the first card's Ship chip (and vote)
    test::key(h, ImGuiKey_DownArrow);
    test::key(h, ImGuiKey_UpArrow);   // keyboard navigation on, back on the chip
    const ImRect before = nav_rect(h);
    test::key(h, ImGuiKey_LeftArrow);
    const ImRect after = nav_rect(h);
    INFO("before " << before.Min.x << ".." << before.Max.x << ", after " << after.Min.x << ".." << after.Max.x);
    CHECK(after.GetCenter().x < before.GetCenter().x);   // Left goes to what is on the left
    test::key(h, ImGuiKey_RightArrow);
    CHECK(nav_rect(h).GetCenter().x > after.GetCenter().x);
}

TEST_CASE("rtl: text is mirrored into place, never flipped", "[ui][rtl][text]") {
    Headless h(900, 3000);
    // An Arabic payload with lang "ar": the widget is right to left without being told so.
    Payload p = test::load_or_throw(test::read_text(VERSUS_SOURCE_DIR "/tests/payloads/valid/scripts-ar.json"));
    p.lang = "ar";
    h.view.set_payload(std::move(p));
    ImDrawData* d = h.settle();
    REQUIRE(h.host.mirrored());
    const ImTextureID imgui_atlas = ImGui::GetIO().Fonts->TexID;
    int quads = 0;
    for (int l = 0; l < d->CmdListsCount; ++l) {
        const ImDrawList* list = d->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId == imgui_atlas) continue;
            // Text quads: 4 vertices each (PrimRectUV); along x the texture runs the same way.
            for (unsigned i = cmd.IdxOffset; i + 6 <= cmd.IdxOffset + cmd.ElemCount; i += 6) {
                const ImDrawVert& a = list->VtxBuffer[list->IdxBuffer[i] + cmd.VtxOffset];
                const ImDrawVert& b = list->VtxBuffer[list->IdxBuffer[i + 1] + cmd.VtxOffset];
                if (a.pos.y != b.pos.y) continue;
                CHECK(((b.pos.x - a.pos.x) * (b.uv.x - a.uv.x)) > 0);
                ++quads;
            }
        }
    }
    CHECK(quads > 100);
    // The title is an Arabic sentence: it ends at the right edge of the content, as in an RTL page.
    const ui::DrawnItem* title = h.record.find("title");
    REQUIRE(title);
    CHECK(title->max.x == Approx(900 - ImGui::GetStyle().WindowPadding.x).margin(1));
}

namespace {

// The topmost vertex of the shapes (not text) drawn in `colour` inside `box`, in screen space:
// the tip of a check mark's long stroke.
std::optional<ImVec2> ink_tip(const ImDrawData* d, const ImRect& box, ImU32 colour) {
    const ImTextureID shapes = ImGui::GetIO().Fonts->TexID;   // shapes use the atlas's white pixel
    std::optional<ImVec2> top;
    for (int l = 0; l < d->CmdListsCount; ++l) {
        const ImDrawList* list = d->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId != shapes) continue;
            for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
                const ImDrawVert& v = list->VtxBuffer[list->IdxBuffer[i] + cmd.VtxOffset];
                if ((v.col & 0x00FFFFFF) != (colour & 0x00FFFFFF) || (v.col >> IM_COL32_A_SHIFT) == 0) continue;
                if (!box.Contains(v.pos)) continue;
                if (!top || v.pos.y < top->y) top = v.pos;
            }
        }
    }
    return top;
}

ImRect around(ImVec2 centre, float half) { return ImRect(centre.x - half, centre.y - half, centre.x + half, centre.y + half); }

}  // namespace

TEST_CASE("rtl: check marks are glyphs: the mirror never flips them", "[ui][rtl][marks]") {
    // A check's long stroke rises to the right in every direction; a mirrored one would rise to the
    // left. Verdict marks (the reviewer matrix, the scorecard) and the check of a filter chip that is on.
    for (bool right_to_left : {false, true}) {
        CAPTURE(right_to_left);
        Headless h(1100, 4000);
        Payload p = test::seed_payload();
        if (right_to_left) p.dir = TextDirection::Rtl;
        h.view.set_payload(std::move(p));
        LicenseFilter on;
        on.commercial_use = true;
        h.view.set_filter(on);
        const ImDrawData* d = h.settle();
        REQUIRE(h.host.mirrored() == right_to_left);

        const auto ships = h.record.all("matrix.ship");
        REQUIRE_FALSE(ships.empty());
        for (const ui::DrawnItem* mark : ships) {
            const ImRect hit(mark->min, mark->max);
            const auto tip = ink_tip(d, around(hit.GetCenter(), 12), h.palette.card);
            REQUIRE(tip);
            CHECK(tip->x > hit.GetCenter().x + 2);   // the tip is right of the centre
        }

        const ui::DrawnItem* chip = h.record.find("chip.on");
        REQUIRE(chip);
        // The check sits 9 px inside the chip's start edge: the left one, or the right one in RTL.
        const ImVec2 check(right_to_left ? chip->max.x - 9 : chip->min.x + 9, (chip->min.y + chip->max.y) * 0.5f);
        const auto tip = ink_tip(d, around(check, 6), h.palette.accent_text);
        REQUIRE(tip);
        CHECK(tip->x > check.x + 2);
    }
}
