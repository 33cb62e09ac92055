// bench.cpp — versus_bench: the native figures of issue 6, each beside a baseline measured in the
// same run, printed as rows of a markdown table (shell/bench.sh adds the desktop and web rows,
// the header and the machine).
//
// Why this file exists: "fast" and "flat" mean nothing without numbers and a yardstick. Each
// benchmark generates its own payload, so the figures do not depend on the test corpus:
//   parse    load_payload (UTF-8 + syntax scan building the document, validation) of a ~1 MiB valid
//            payload vs nlohmann::json::parse alone on the same bytes;
//   frame    one headless frame (NewFrame, the whole view, Render; real fonts) of a 16-tool,
//            64-reviewer, 1024-review payload vs one frame of the seed; plus heap allocations
//            per frame (operator new + ImGui's allocator);
//   reload   200 × (load_payload + ComparisonView::set_payload + one frame), alternating the big
//            payload and the seed: resident memory and heap in use, after warm-up and at the end.
// Times are CPU time of this thread (CLOCK_THREAD_CPUTIME_ID): the machine is shared, and CPU
// time does not count the moments another process held the core. Medians of N runs.
//
//   versus_bench            full run (a minute or so)
//   versus_bench --smoke    a few iterations of each: checks that everything runs (CTest)
//   versus_bench --write-payloads DIR   writes the generated payloads (for the desktop benchmark)
//   versus_bench --profile-frames N     only draws N frames of the 1 MiB payload (for perf record)
//   versus_bench --alloc-sites          lists the call chains that allocate in one frame of it
#include "model/payload.hpp"
#include "ui/style.hpp"
#include "ui/view.hpp"

#include "../ui/headless.hpp"

#include <nlohmann/json.hpp>

#include <execinfo.h>
#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <fstream>
#include <map>
#include <new>
#include <string>
#include <vector>

// [SECTION] Counting allocations --------------------------------------------------------------

namespace {
std::atomic<unsigned long long> g_allocations{0};
// --alloc-sites: where a frame allocates (return addresses, symbolised at the end).
bool g_trace = false;
std::vector<void*>* g_sites = nullptr;
void note_site() {
    if (!g_trace || !g_sites) return;
    g_trace = false;   // no recursion through the vector's own allocations
    void* frames[6];
    const int n = backtrace(frames, 6);
    for (int i = 2; i < n; ++i) g_sites->push_back(frames[i]);
    g_sites->push_back(nullptr);
    g_trace = true;
}
}  // namespace

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"   // malloc/free pair up here
#endif

void* operator new(std::size_t n) {
    ++g_allocations;
    note_site();
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

void* imgui_alloc(std::size_t n, void*) {
    ++g_allocations;
    note_site();
    return std::malloc(n);
}
void imgui_free(void* p, void*) { std::free(p); }

// [SECTION] Measuring -------------------------------------------------------------------------

double cpu_ms() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double a = cpu_ms();
        f();
        t.push_back(cpu_ms() - a);
    }
    return median(t);
}

double rss_mib() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double heap_mib() { return mallinfo2().uordblks / (1024.0 * 1024.0); }

// [SECTION] Generated payloads ----------------------------------------------------------------

// Deterministic words, with the punctuation and accents real reviews have.
struct Words {
    unsigned state = 12345;
    const char* const list[24] = {"model",   "latency", "license", "weights",  "cost",   "tokens",
                                  "context", "eval",    "ships",   "skips",    "fine",   "tuning",
                                  "café",    "naïve",   "—",       "“clear”",  "it’s",   "API",
                                  "docs",    "budget",  "offline", "privacy",  "teams",  "prod"};
    std::string sentence(std::size_t bytes) {
        std::string s;
        while (s.size() < bytes) {
            state = state * 1103515245u + 12345u;
            if (!s.empty()) s += ' ';
            s += list[(state >> 16) % 24];
        }
        s += '.';
        return s;
    }
};

// 16 tools (every optional field), 64 reviewers, 16 × 64 = 1024 reviews with quotes of
// `quote_bytes` bytes. Pretty-printed, as publishers write it.
std::string max_payload(std::size_t quote_bytes) {
    using nlohmann::json;
    Words w;
    json p = {{"version", 1},
              {"title", "Sixteen assistants compared by sixty-four reviewers"},
              {"kicker", "Benchmark comparison"},
              {"question", "Which one should your team ship with?"},
              {"summary", w.sentence(600)}};
    for (int i = 0; i < 16; ++i) {
        const std::string id = "tool-" + std::to_string(i);
        json t = {{"id", id},
                  {"name", "Assistant " + std::to_string(i) + " Pro"},
                  {"vendor", "Vendor " + std::to_string(i % 5)},
                  {"category", i % 2 ? "Developer Tools" : "Writing"},
                  {"tagline", w.sentence(90)},
                  {"description", w.sentence(1500)},
                  {"url", "https://example.com/tools/" + id},
                  {"license", {{"name", i % 3 == 0 ? "Apache 2.0" : i % 3 == 1 ? "MIT" : "Proprietary"},
                               {"spdx", i % 3 == 0 ? json("Apache-2.0") : i % 3 == 1 ? json("MIT") : json(nullptr)},
                               {"commercial_use", i % 3 != 2},
                               {"open_weights", i % 3 != 2},
                               {"osi_approved", i % 3 != 2}}},
                  {"pricing", {{"entry", i % 4 ? "$" + std::to_string(5 * i) + " / month" : "Free"},
                               {"entry_usd_month", 5 * (i % 4 ? i : 0)},
                               {"notes", w.sentence(120)}}},
                  {"community", {{"ship", 100 + 37 * i}, {"skip", 20 + 11 * i}}}};
        p["tools"].push_back(t);
    }
    for (int r = 0; r < 64; ++r) {
        p["reviewers"].push_back({{"id", "reviewer-" + std::to_string(r)},
                                  {"name", "Reviewer Number " + std::to_string(r)},
                                  {"lens", r % 3 ? "developer experience" : "skeptic"}});
    }
    for (int r = 0; r < 64; ++r) {
        for (int i = 0; i < 16; ++i) {
            p["reviews"].push_back({{"tool", "tool-" + std::to_string(i)},
                                    {"reviewer", "reviewer-" + std::to_string(r)},
                                    {"verdict", (r * 7 + i * 3) % 5 < 3 ? "ship" : "skip"},
                                    {"quote", w.sentence(quote_bytes)}});
        }
    }
    return p.dump(2);
}

// The largest pretty-printed max_payload that stays within 1 MiB.
std::string one_mib_payload() {
    std::size_t lo = 10, hi = 3000;
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (max_payload(mid).size() <= versus::kMaxPayloadBytes) lo = mid; else hi = mid - 1;
    }
    return max_payload(lo);
}

versus::Payload must_load(const std::string& text, const char* what) {
    versus::LoadResult r = versus::load_payload(text);
    if (!r.ok()) {
        std::fprintf(stderr, "versus_bench: the generated %s payload is invalid:\n", what);
        for (const auto& p : r.problems) std::fprintf(stderr, "  %s\n", versus::format_problem("", p).c_str());
        std::exit(2);
    }
    return std::move(*r.payload);
}

// [SECTION] Table -----------------------------------------------------------------------------

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

void row(const std::string& what, const std::string& figure, const std::string& target,
         const std::string& baseline, const std::string& ratio, const std::string& met) {
    std::printf("| %s | %s | %s | %s | %s | %s |\n", what.c_str(), figure.c_str(), target.c_str(),
                baseline.c_str(), ratio.c_str(), met.c_str());
}

const char* yes_no(bool smoke, bool met) { return smoke ? "smoke run" : met ? "yes" : "**no**"; }

}  // namespace

int main(int argc, char** argv) {
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke")) {
            smoke = true;
        } else if (!std::strcmp(argv[i], "--write-payloads") && i + 1 < argc) {
            const std::string dir = argv[++i];
            std::ofstream(dir + "/bench-1mib.json", std::ios::binary) << one_mib_payload();
            std::ofstream(dir + "/bench-seed.json", std::ios::binary) << versus::default_payload_text();
            return 0;
        } else if (!std::strcmp(argv[i], "--profile-frames") && i + 1 < argc) {
            const int n = std::atoi(argv[++i]);
            versus::test::Headless h(1100, 900);
            h.view.record = nullptr;
            h.view.set_payload(must_load(one_mib_payload(), "1 MiB"));
            const double t = median_ms(n, [&] { h.frame(); });
            std::printf("%d frames, median %.3f ms\n", n, t);
            return 0;
        } else if (!std::strcmp(argv[i], "--alloc-sites")) {
            ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
            versus::test::Headless h(1100, 900);
            h.view.record = nullptr;
            h.view.set_payload(must_load(one_mib_payload(), "1 MiB"));
            h.settle(3);
            std::vector<void*> sites;
            sites.reserve(1 << 20);
            g_sites = &sites;
            g_trace = true;
            h.frame();
            g_trace = false;
            std::map<std::string, int> chains;
            std::string chain;
            for (void* a : sites) {
                if (!a) {
                    ++chains[chain];
                    chain.clear();
                    continue;
                }
                char** name = backtrace_symbols(&a, 1);
                std::string n = name ? name[0] : "?";
                std::free(name);
                const auto open = n.find('('), plus = n.find('+', open);
                if (open != std::string::npos && plus != std::string::npos) n = n.substr(open + 1, plus - open - 1);
                int status = 0;
                char* d = abi::__cxa_demangle(n.c_str(), nullptr, nullptr, &status);
                if (d) n = d;
                std::free(d);
                chain += (chain.empty() ? "" : " < ") + n.substr(0, 90);
            }
            std::vector<std::pair<int, std::string>> sorted;
            for (const auto& [k, v] : chains) sorted.push_back({v, k});
            std::sort(sorted.rbegin(), sorted.rend());
            for (const auto& [count, c] : sorted) std::printf("%5d  %s\n", count, c.c_str());
            return 0;
        } else {
            std::fprintf(stderr, "usage: versus_bench [--smoke | --write-payloads DIR | --profile-frames N | --alloc-sites]\n");
            return 2;
        }
    }
    const int parse_runs = smoke ? 2 : 41;
    const int frame_runs = smoke ? 3 : 201;
    const int reloads = smoke ? 4 : 200;

    ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
    const std::string big = one_mib_payload();
    const std::string seed(versus::default_payload_text());

    // Parse + validate ~1 MiB vs nlohmann::json::parse alone.
    {
        const versus::Payload p = must_load(big, "1 MiB");
        if (p.tools.size() != 16 || p.reviewers.size() != 64 || p.reviews.size() != 1024) return 2;
        const double ours = median_ms(parse_runs, [&] {
            const versus::LoadResult r = versus::load_payload(big);
            if (!r.ok()) std::abort();
        });
        const double json = median_ms(parse_runs, [&] {
            const nlohmann::json d = nlohmann::json::parse(big);
            if (!d.is_object()) std::abort();
        });
        row("parse + validate " + fmt("%.0f", big.size() / 1024.0) + " KiB payload (load_payload, median of " +
                std::to_string(parse_runs) + ")",
            fmt("%.2f ms", ours), "≤ 15 ms", fmt("%.2f ms", json) + " (nlohmann::json::parse alone)",
            fmt("%.2f ×", ours / json), yes_no(smoke, ours <= 15.0));
    }

    // One headless frame: 16 tools / 64 reviewers / 1024 reviews vs the seed. One ImGui context
    // at a time (ImGui::CreateContext keeps the current one current).
    {
        struct Figures {
            double first = 0, median = 0, allocations = 0;
            int vertices = 0;
        };
        const auto measure = [&](const std::string& text, const char* what) {
            Figures f;
            versus::test::Headless h(1100, 900);
            h.view.record = nullptr;   // a host's frame records nothing
            h.view.set_payload(must_load(text, what));
            f.first = median_ms(1, [&] { h.frame(); });
            h.settle(3);
            f.median = median_ms(frame_runs, [&] { h.frame(); });
            const unsigned long long a0 = g_allocations;
            for (int i = 0; i < 10; ++i) h.frame();
            f.allocations = (g_allocations - a0) / 10.0;
            f.vertices = h.frame()->TotalVtxCount;
            return f;
        };
        const Figures s = measure(seed, "seed");
        const Figures b = measure(big, "1 MiB");
        row("one frame, 16 tools / 64 reviewers / 1024 reviews, headless CPU (median of " +
                std::to_string(frame_runs) + ")",
            fmt("%.3f ms", b.median), "≤ 1 ms", fmt("%.3f ms", s.median) + " (seed, 2 tools / 4 reviewers)",
            fmt("%.1f ×", b.median / s.median), yes_no(smoke, b.median <= 1.0));
        row("first frame after set_payload (cold), same payload", fmt("%.3f ms", b.first), "—",
            fmt("%.3f ms", s.first) + " (seed)", fmt("%.1f ×", b.first / s.first), "—");
        row("heap allocations per frame, same payload (" + std::to_string(b.vertices) + " vertices)",
            fmt("%.1f", b.allocations), "0 (an idle frame allocates nothing)",
            fmt("%.1f", s.allocations) + " (seed, " + std::to_string(s.vertices) + " vertices)", "—",
            smoke ? "smoke run" : b.allocations == 0 && s.allocations == 0 ? "yes" : "**no**");
    }

    // 200 reloads: load_payload + set_payload + one frame, big and seed in turn.
    {
        versus::test::Headless h(1100, 900);
        h.view.record = nullptr;
        const auto reload = [&](int i) {
            h.view.set_payload(must_load(i % 2 ? seed : big, "reload"));
            h.frame();
        };
        for (int i = 0; i < 4; ++i) reload(i);   // warm-up: buffers reach their working size
        malloc_trim(0);
        const double rss0 = rss_mib(), heap0 = heap_mib();
        for (int i = 0; i < reloads; ++i) reload(i);
        malloc_trim(0);
        const double rss1 = rss_mib(), heap1 = heap_mib();
        row("RSS after " + std::to_string(reloads) + " reloads (load + set_payload + frame; 1 MiB and seed in turn)",
            fmt("%.1f MiB", rss1), "flat (+≤ 1 MiB)", fmt("%.1f MiB", rss0) + " (after 4 warm-up reloads)",
            fmt("%+.2f MiB", rss1 - rss0), yes_no(smoke, rss1 - rss0 <= 1.0));
        row("heap in use after " + std::to_string(reloads) + " reloads (mallinfo2)", fmt("%.2f MiB", heap1),
            "flat (+≤ 64 KiB)", fmt("%.2f MiB", heap0) + " (after warm-up)", fmt("%+.1f KiB", (heap1 - heap0) * 1024),
            yes_no(smoke, (heap1 - heap0) * 1024 <= 64));
    }
    return 0;
}
