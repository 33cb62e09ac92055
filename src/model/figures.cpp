// figures.cpp — the figures the widget derives from a payload (spec: "Derived figures").
//
// Why this file exists: the payload never states "50 %"; the panel share, the community share
// and the reviewer split are computed here, in one place, so the desktop viewer, the web widget
// and the tests can't disagree. Percentages round half up with integer arithmetic (no floating
// point surprises: 1 of 8 is 13 %, 1 of 3 is 33 %, 2 of 3 is 67 %).
#include <cstdint>

#include "model/payload.hpp"

namespace versus {

namespace {

// round(100 * part / total), halves up; total > 0 and part <= total. Exact for every count a
// payload can hold (two int64 vote counts sum to < 2^64): 200 * part + total < 2^72 fits the
// 128-bit integers both compilers have (g++ and Emscripten's clang). No long double: on
// WebAssembly it is a software 128-bit float, ≈ 3 KB gzip of the web core for this one line.
int rounded_percent(std::uint64_t part, std::uint64_t total) {
    using Wide = unsigned __int128;
    return static_cast<int>((Wide{200} * part + total) / (Wide{2} * total));
}

}  // namespace

PanelFigure panel_figure(const Payload& payload, int tool) {
    PanelFigure figure;
    for (const Review& review : payload.reviews) {
        if (review.tool != tool) continue;
        ++(review.verdict == Verdict::Ship ? figure.ship : figure.skip);
    }
    const int total = figure.ship + figure.skip;
    if (total > 0) figure.percent = rounded_percent(figure.ship, total);
    return figure;
}

std::optional<int> community_percent(const Votes& votes) {
    if (votes.ship < 0 || votes.skip < 0) return std::nullopt;   // a validated payload has none
    const auto ship = static_cast<std::uint64_t>(votes.ship);
    const auto total = ship + static_cast<std::uint64_t>(votes.skip);
    if (total == 0) return std::nullopt;
    return rounded_percent(ship, total);
}

std::string percent_text(const std::optional<int>& percent) {
    if (!percent) return "\u2014";
    return std::to_string(*percent) + "%";
}

ReviewerSplit reviewer_split(const Payload& payload, const std::vector<char>& shown) {
    ReviewerSplit split;
    std::vector<int> column(payload.tools.size(), -1);   // tool index -> shown column
    for (std::size_t t = 0; t < payload.tools.size(); ++t) {
        if (!shown.empty() && !(t < shown.size() && shown[t])) continue;
        column[t] = static_cast<int>(split.tools.size());
        split.tools.push_back(static_cast<int>(t));
        split.per_tool.push_back(panel_figure(payload, static_cast<int>(t)));
    }
    std::vector<ReviewerSplitRow> rows(payload.reviewers.size());
    for (const Review& review : payload.reviews) {
        if (review.tool < 0 || review.tool >= static_cast<int>(column.size())) continue;
        if (review.reviewer < 0 || review.reviewer >= static_cast<int>(rows.size())) continue;
        const int c = column[review.tool];
        if (c < 0) continue;
        ReviewerSplitRow& row = rows[review.reviewer];
        if (row.verdicts.empty()) row.verdicts.resize(split.tools.size());
        if (row.verdicts[c]) continue;   // one review per pair in a valid payload
        row.verdicts[c] = review.verdict;
        ++row.reviewed;
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ReviewerSplitRow& row = rows[r];
        if (row.reviewed == 0) continue;
        row.reviewer = static_cast<int>(r);
        std::optional<Verdict> first;
        for (const auto& verdict : row.verdicts) {
            if (!verdict) continue;
            if (!first) {
                first = verdict;
            } else if (*verdict != *first) {
                row.differs = true;
            }
        }
        split.rows.push_back(std::move(row));
    }
    return split;
}

}  // namespace versus
