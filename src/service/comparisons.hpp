// comparisons.hpp — the comparisons a service serves: read from the publisher's payload files
// with the project's model (the same validator as `versus --validate`).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace versus::service {

struct Comparison {
    std::string id;
    std::string file;
    std::vector<std::string> tools;   // tool ids, in the payload's order
    bool has_tool(const std::string& tool) const;
};

struct Comparisons {
    std::map<std::string, Comparison> by_id;
    std::vector<std::string> errors;     // validator lines and other problems: refuse to start
    std::vector<std::string> warnings;   // e.g. a payload without id, unknown fields
};

// Every *.json file of `dir` (sorted by name).
Comparisons load_comparisons(const std::string& dir);

}  // namespace versus::service
