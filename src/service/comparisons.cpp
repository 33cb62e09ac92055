// comparisons.cpp — see comparisons.hpp.
#include "service/comparisons.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/payload.hpp"

namespace versus::service {

bool Comparison::has_tool(const std::string& tool) const {
    return std::find(tools.begin(), tools.end(), tool) != tools.end();
}

Comparisons load_comparisons(const std::string& dir) {
    namespace fs = std::filesystem;
    Comparisons out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        out.errors.push_back(dir + ": not a folder (--payloads DIR names the folder of payload files)");
        return out;
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) {
        out.errors.push_back(dir + ": cannot list the folder: " + ec.message());
        return out;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        const std::string name = path.string();
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in.good() && !in.eof()) {
            out.errors.push_back(name + ": cannot read the file");
            continue;
        }
        const LoadResult loaded = load_payload(text.str());
        for (const Problem& p : loaded.problems) {
            (p.severity == Severity::Error ? out.errors : out.warnings).push_back(format_problem(name, p));
        }
        if (!loaded.ok()) continue;
        const Payload& payload = *loaded.payload;
        if (payload.id.empty()) {
            out.warnings.push_back(name + ": warning: no \"id\": its comparison is not served (its votes stay on readers' devices)");
            continue;
        }
        Comparison c;
        c.id = payload.id;
        c.file = name;
        for (const Tool& tool : payload.tools) c.tools.push_back(tool.id);
        const auto [it, fresh] = out.by_id.emplace(c.id, c);
        if (!fresh) {
            out.errors.push_back(name + ": error: /id: comparison id \"" + c.id + "\" is already used by " + it->second.file);
        }
    }
    if (files.empty()) out.warnings.push_back(dir + ": warning: no *.json payload files");
    return out;
}

}  // namespace versus::service
