// payloads.hpp — payloads the UI tests generate: n tools, long names and quotes, missing fields.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace versus::test {

// A valid payload with `tools` tools and `reviewers` reviewers; every reviewer reviews every
// tool up to `max_reviews`, with verdicts that differ for some reviewers. Long text when `long_text`.
inline std::string generated_payload(int tools, int reviewers, bool long_text = false, int max_reviews = 1024) {
    using nlohmann::json;
    json p = {{"version", 1}, {"title", "Generated comparison of " + std::to_string(tools) + " tools"}};
    const std::string lorem =
        "Supercalifragilisticexpialidocious-ly long words and a long sentence that goes on, "
        "and on, so that wrapping has work to do at every width a reader may have. ";
    for (int i = 0; i < tools; ++i) {
        json t = {{"id", "tool-" + std::to_string(i)},
                  {"name", long_text ? "Tool number " + std::to_string(i) + " with an unusually long product name"
                                     : "Tool " + std::to_string(i)},
                  {"license", {{"name", i % 3 == 0 ? "Apache 2.0" : i % 3 == 1 ? "MIT" : "Research only"},
                               {"commercial_use", i % 3 != 2},
                               {"open_weights", i % 2 == 0},
                               {"osi_approved", i % 3 != 2}}}};
        if (i % 2 == 0) t["pricing"] = {{"entry", i == 0 ? "Free" : "$" + std::to_string(i * 5) + " / month"},
                                        {"entry_usd_month", i * 5}};
        if (i % 4 == 1) t["community"] = {{"ship", i * 3}, {"skip", i}};
        if (long_text) t["description"] = lorem + lorem + lorem;
        p["tools"].push_back(t);
    }
    p["reviewers"] = json::array();
    p["reviews"] = json::array();
    for (int r = 0; r < reviewers; ++r)
        p["reviewers"].push_back({{"id", "rev-" + std::to_string(r)}, {"name", "Reviewer " + std::to_string(r)},
                                  {"lens", r % 2 ? "Skeptic" : "Developer experience"}});
    int n = 0;
    for (int r = 0; r < reviewers; ++r)
        for (int i = 0; i < tools && n < max_reviews; ++i, ++n)
            p["reviews"].push_back({{"tool", "tool-" + std::to_string(i)}, {"reviewer", "rev-" + std::to_string(r)},
                                    {"verdict", (r + i * (r % 3)) % 2 ? "skip" : "ship"},
                                    {"quote", long_text ? lorem + lorem + lorem + lorem : "Short quote " + std::to_string(n) + "."}});
    return p.dump();
}

}  // namespace versus::test
