// tallies.hpp — a vote service's tallies (../shared/spec/votes-v1.md, docs/votes.md) and the
// community figure a reader sees once they are known.
//
// Why this file exists: with a vote service, a tool's community figure has three sources — the
// counts the publisher typed into the payload, the service's tally of every reader's votes, and
// this reader's own vote, which the tally may or may not hold yet (it was sent, or it could not
// be; it was changed or taken back since). Counting it twice or not at all is the bug to avoid,
// and it must be avoided the same way on the canvas, in the HTML rendition, in the events and in
// the desktop viewer: so the arithmetic is here, once, pure and tested.
#pragma once

#include "model/payload.hpp"
#include "model/reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace versus {

// A service's answer to GET {base}/v1/comparisons/{comparison}/tallies.
struct Tallies {
    std::string comparison;
    std::map<std::string, Votes> tools;   // tool id → every reader's votes the service holds
};

// Parses that answer. `comparison` is the payload's id: an answer for another comparison is an
// error. Tools the payload doesn't have are kept (a reader never sees them); counts must be
// integers >= 0. On error returns nothing and sets `error` to one sentence ("the tallies are not
// JSON: ...", "/tools/haiku/ship: expected an integer >= 0, got -1").
std::optional<Tallies> parse_tallies(std::string_view body, std::string_view comparison, std::string& error);

// The tallies as the service writes them ({"comparison": ..., "tools": {...}}): what the web core
// is handed, and what a test feeds parse_tallies.
std::string tallies_json(const Tallies& tallies);

// The community figure of one tool:
//     the payload's counts
//   + the service's tally (when there is one)
//   − the reader's vote as the service holds it (`counted`: part of that tally)
//   + the reader's vote now (`mine`: counted locally until the service has it)
// With counted == mine the reader's vote is in the tally and counts once; with a vote that could
// not be sent (counted none, mine ship) it counts locally; with a take-back the service has not
// heard of (counted ship, mine none) it is taken out of the tally. Saturates at the largest count
// and never goes below zero (a tally older than `counted` says it holds less than it does).
Votes community_votes(const Votes& payload, const Votes* tally, const std::optional<Verdict>& counted,
                      const std::optional<Verdict>& mine);

}  // namespace versus
