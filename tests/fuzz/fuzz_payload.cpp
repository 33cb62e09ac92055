// fuzz_payload.cpp — libFuzzer target: any bytes → load_payload → format_problem of each problem →
// one headless frame of the comparison view (the payload, or the error card).
//
// Why this file exists: a publisher's payload is untrusted input drawn on someone else's page.
// Whatever the bytes, the widget must end with a payload on screen or an error card, never with a
// crash, a hang, undefined behaviour or a leak. This target checks that under ASan + UBSan, with
// Dear ImGui's own assertions on (the fuzz build keeps IM_ASSERT).
//
// The host (ImGui context, the native text engine: HarfBuzz, ICU, FreeType) is built once and
// reused: a new ComparisonView per input keeps inputs independent, and any bytes that make valid
// UTF-8 go through shaping, bidi and line breaking. A few bits of the input pick the reader state (width, a vote, a
// license filter), so each input is replayed exactly by `fuzz_payload FILE`.
//
// Build: cmake --preset fuzz && cmake --build --preset fuzz   (clang-14, see cmake/fuzz.cmake)
// Run:   shell/fuzz.sh [SECONDS]
#include "model/payload.hpp"
#include "model/reader.hpp"
#include "platform/native/text_engine_native.hpp"
#include "ui/host.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// One host (ImGui context, text layout, fonts) over the native text engine, shared by every input:
// a new ComparisonView per input keeps inputs independent.
struct Ui {
    versus::text::NativeEngine engine;   // headless: atlas pages stay in memory
    versus::ui::Host host{engine, ImVec2(1100, 900)};
    Ui() { host.headless_textures(); }
};

Ui& ui() {
    static Ui* instance = new Ui();   // never destroyed: shared by every input
    return *instance;
}

// Cheap, deterministic bits of the input (FNV-1a over the last bytes).
std::uint32_t input_bits(const std::uint8_t* data, std::size_t size) {
    std::uint32_t h = 2166136261u;
    const std::size_t from = size > 16 ? size - 16 : 0;
    for (std::size_t i = from; i < size; ++i) h = (h ^ data[i]) * 16777619u;
    return h ^ static_cast<std::uint32_t>(size);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    ui();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    versus::LoadResult result = versus::load_payload(text);

    std::size_t formatted = 0;
    for (const versus::Problem& p : result.problems) {
        formatted += versus::format_problem("fuzz.json", p).size();
        formatted += versus::format_problem("", p).size();
    }
    if (!result.problems.empty() && formatted == 0) std::abort();   // every problem has words
    if (!result.ok() && result.error_count() == 0) std::abort();    // no payload means an error

    Ui& u = ui();
    const std::uint32_t bits = input_bits(data, size);
    u.host.set_size((bits & 1) ? ImVec2(360, 640) : ImVec2(1100, 900));

    versus::ui::ComparisonView& view = u.host.view;
    view = versus::ui::ComparisonView();
    if (result.ok()) {
        const versus::Payload& p = *result.payload;
        if ((bits & 6) && !p.tools.empty()) {   // the reader voted on a tool
            versus::ReaderVotes votes;
            votes[p.tools[(bits >> 8) % p.tools.size()].id] =
                (bits & 2) ? versus::Verdict::Ship : versus::Verdict::Skip;
            view.set_votes(std::move(votes));
        }
        view.set_payload(std::move(*result.payload));
        if (bits & 8) {
            versus::LicenseFilter filter;
            filter.commercial_use = (bits & 16) != 0;
            filter.open_weights = (bits & 32) != 0;
            filter.osi_approved = (bits & 64) != 0;
            if (!view.payload().tools.empty() && (bits & 128))
                filter.license_name = view.payload().tools[0].license.name;
            view.set_filter(filter);
        }
    } else {
        view.set_problems(result.problems, "fuzz.json");
    }

    const ImDrawData* d = u.host.frame();
    if (!d || d->CmdListsCount < 1) std::abort();   // something was drawn
    if (!(view.content_height() >= 0.0f)) std::abort();   // and measured (not NaN)
    return 0;
}
