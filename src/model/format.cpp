// format.cpp — the one line a problem is shown as, and problem counts.
//
// Why this file exists: the CLI, the web `versus-error` event and the error card all show a
// problem the same way, "FILE:LINE:COL: error: POINTER: message", like a compiler does, so
// editors and people recognise it.
#include "model/payload.hpp"

#include <algorithm>

namespace versus {

std::size_t LoadResult::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        problems.begin(), problems.end(),
        [](const Problem& p) { return p.severity == Severity::Error; }));
}

std::size_t LoadResult::warning_count() const {
    return problems.size() - error_count();
}

std::string format_problem(std::string_view file, const Problem& problem) {
    std::string out(file);
    if (problem.line > 0) {
        if (!out.empty()) out += ':';
        out += std::to_string(problem.line);
        if (problem.column > 0) out += ':' + std::to_string(problem.column);
    }
    if (!out.empty()) out += ": ";
    out += problem.severity == Severity::Error ? "error: " : "warning: ";
    if (!problem.pointer.empty()) {
        out += problem.pointer;
        out += ": ";
    }
    out += problem.message;
    return out;
}

}  // namespace versus
