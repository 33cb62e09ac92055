// support.hpp — small helpers shared by the model tests.
//
// Problems are compared as the one line format_problem() shows ("3:14: error: /tools/0/id:
// ..."), so one comparison checks the line, column, severity, pointer and exact message.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/payload.hpp"

namespace versus::test {

using Lines = std::vector<std::string>;

inline Lines problems(const LoadResult& result) {
    Lines out;
    for (const Problem& p : result.problems) out.push_back(format_problem("", p));
    return out;
}

inline Lines problems_of(std::string_view text) { return problems(load_payload(text)); }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The default payload, the seed comparison.
inline std::string seed_text() {
    return read_file(VERSUS_SOURCE_DIR "/assets/payloads/haiku-vs-mistral.json");
}

}  // namespace versus::test
