// labels.hpp — the ids of every word the widget adds to a payload, with their English text.
//
// Why this file exists: a publisher may give their own words for any label (the payload's
// `labels`, e.g. {"ship": "Buy", "skip": "Pass"}), and the widget speaks the reader's language.
// Both need one list of label ids: the validator warns about an id not in it, the presentation
// layer (src/present/) translates every id in it, docs/payload.md documents it, and a test checks
// that every shipped language translates exactly these ids and that the widget uses each one.
//
// {n}, {total}, {name}, … are placeholders filled by the presentation layer. Labels with a count
// have one text per CLDR plural category in translations; English needs "one" and "other".
#pragma once

#include <string_view>

namespace versus {

// X(id, English text)
#define VERSUS_LABELS(X)                                                                            \
    X(ship, "Ship")                                                                                 \
    X(skip, "Skip")                                                                                 \
    X(vote_question, "Would you ship with it?")                                                     \
    X(vote_counted, "Your vote is counted. Tap it again to take it back.")                          \
    X(your_vote, "Your vote: {verdict}")                                                            \
    X(panel_ship, "Panel ship")                                                                     \
    X(community, "Community")                                                                       \
    X(entry, "Entry")                                                                               \
    X(by_vendor, "by {vendor}")                                                                     \
    X(visit, "Visit {name} \u2192")                                                                 \
    X(commercial_use, "Commercial use")                                                             \
    X(non_commercial, "Non-commercial")                                                             \
    X(open_weights, "Open weights")                                                                 \
    X(osi_approved, "OSI-approved")                                                                 \
    X(license, "License")                                                                           \
    X(filter_by_license, "Filter by license")                                                       \
    X(all_match, "Every tool matches these filters")                                                \
    X(clear_filters, "Clear filters")                                                               \
    X(empty_title, "No tool matches these filters")                                                 \
    X(empty_text, "Every tool in this comparison fails at least one of the license filters you turned on.") \
    X(reviewer_split, "Reviewer split")                                                             \
    X(no_reviews, "No reviews")                                                                     \
    X(verdicts_by_reviewer, "Verdicts by reviewer")                                                 \
    X(differs, "differs")                                                                           \
    X(split_legend, "Highlighted: reviewers whose verdicts differ between the tools shown.")        \
    X(close, "Close")                                                                               \
    X(pricing_read, "Pricing read")                                                                 \
    X(sort_by_price, "Sort by entry price")                                                         \
    X(sorted_lowest, "Sorted by entry price: lowest first")                                         \
    X(sorted_highest, "Sorted by entry price: highest first")                                       \
    X(tool, "Tool")                                                                                 \
    X(monthly, "Monthly")                                                                           \
    X(notes, "Notes")                                                                               \
    X(yes, "Yes")                                                                                   \
    X(no, "No")                                                                                     \
    X(no_pricing, "No pricing given")                                                               \
    X(label_value, "{label}: {value}")                                                              \
    X(per_month, "${amount} / month")                                                               \
    X(reviewer_scorecard, "Reviewer scorecard")                                                     \
    X(show_more, "Show more")                                                                       \
    X(show_less, "Show less")                                                                       \
    X(show_all, "Show all")                                                                         \
    X(error_title, "This comparison can\u2019t be shown")                                            \
    X(error_title_stale, "This payload has problems (showing the last good version)")               \
    X(loading, "Loading comparison\u2026")                                                          \
    X(interactive_comparison, "Interactive comparison")                                             \
    X(vote_not_sent, "Your vote is saved on this device, but it could not be sent.")                \
    X(tallies_not_loaded, "Other readers\u2019 votes could not be loaded.") \
    X(action_image, "Save image (PNG)") \
    X(action_csv, "Download data (CSV)") \
    X(action_json, "Download data (JSON)") \
    X(action_copy, "Copy text") \
    X(actions_menu, "Save or copy") \
    X(actions_menu_label, "Save or copy this comparison") \
    X(id, "ID") \
    X(name, "Name") \
    X(vendor, "Vendor") \
    X(category, "Category") \
    X(tagline, "Tagline") \
    X(panel_votes, "Panel votes: {verdict}") \
    X(license_facts, "License facts") \
    X(website, "Website") \
    X(problem_error, "Error") \
    X(problem_warning, "Warning") \
    X(problem_line, "line {line}") \
    X(problem_line_column, "line {line}, column {column}") \
    X(live_votes_asking, "Live votes: asking {url}\u2026") \
    X(live_votes_on, "Community figures include the live votes of {url}.") \
    X(live_votes_stale, "Live votes from {url} are not up to date: {error}.") \
    X(live_votes_off, "Live votes from {url} are not shown: {error}.") \
    X(live_votes_no_id, "Live votes: this comparison has no id, so no vote service counts its votes ({url}).")

// X(id, English "one", English "other"): labels with a count {n}.
#define VERSUS_PLURAL_LABELS(X)                                                                     \
    X(the_tools, "The tool", "The {n} tools")                                                       \
    X(votes, "{n} vote", "{n} votes")                                                               \
    X(reviewers, "{n} reviewer", "{n} reviewers")                                                   \
    X(tools_hidden, "{n} tool of {total} hidden by the filters", "{n} tools of {total} hidden by the filters") \
    X(showing_reviews, "Showing {shown} of {n} review", "Showing {shown} of {n} reviews")           \
    X(show_n_more, "Show {n} more", "Show {n} more")                                                \
    X(show_all_reviewers, "Show all {n} reviewers", "Show all {n} reviewers")                       \
    X(show_first_reviewers, "Show the first {n} reviewers", "Show the first {n} reviewers")

enum class Label : int {
#define VERSUS_LABEL_ENUM(id, ...) id,
    VERSUS_LABELS(VERSUS_LABEL_ENUM) VERSUS_PLURAL_LABELS(VERSUS_LABEL_ENUM)
#undef VERSUS_LABEL_ENUM
    count
};

inline constexpr int kLabelCount = static_cast<int>(Label::count);

// The payload's `labels` values: 1 to this many characters.
inline constexpr int kMaxLabelChars = 80;

// "ship", "vote_question", … by Label; nullptr out of range.
const char* label_id(Label label);
// The Label of an id, or Label::count when it is none.
Label label_of(std::string_view id);
// Whether a label takes a count (a text per plural category).
bool is_plural(Label label);

}  // namespace versus
