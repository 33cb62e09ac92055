// tallies.cpp — a vote service's tallies and the community figure (see tallies.hpp).
#include "model/tallies.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "model/json_read.hpp"

namespace versus {

namespace {

using json = nlohmann::json;

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max();

// a + b, at most kMaxCount (both >= 0).
std::int64_t add(std::int64_t a, std::int64_t b) { return a > kMaxCount - b ? kMaxCount : a + b; }

// What a JSON value is, as the validator's messages say it.
std::string described(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::number_float: return "the number " + v.dump();
        default: return v.dump();
    }
}

bool count_of(const json& v, std::int64_t& out) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(kMaxCount)) return false;
        out = static_cast<std::int64_t>(u);
        return true;
    }
    if (v.is_number_integer()) {
        out = v.get<std::int64_t>();
        return out >= 0;
    }
    return false;
}

}  // namespace

std::optional<Tallies> parse_tallies(std::string_view body, std::string_view comparison, std::string& error) {
    json doc;
    if (const auto problem = detail::read_json_text(body, doc)) {
        error = "the tallies are not JSON: " + *problem;
        return std::nullopt;
    }
    if (!doc.is_object()) {
        error = "the tallies should be a JSON object, got " + described(doc);
        return std::nullopt;
    }
    const auto c = doc.find("comparison");
    if (c == doc.end() || !c->is_string()) {
        error = "/comparison: expected the comparison's id as a string";
        return std::nullopt;
    }
    Tallies out;
    out.comparison = c->get<std::string>();
    if (out.comparison != comparison) {
        error = "/comparison: the tallies are for \"" + out.comparison + "\", not \"" + std::string(comparison) + "\"";
        return std::nullopt;
    }
    const auto tools = doc.find("tools");
    if (tools == doc.end() || !tools->is_object()) {
        error = "/tools: expected an object of tallies by tool id";
        return std::nullopt;
    }
    for (const auto& [id, tally] : tools->items()) {
        const std::string at = "/tools/" + id;
        if (!tally.is_object()) {
            error = at + ": expected an object {\"ship\", \"skip\"}, got " + described(tally);
            return std::nullopt;
        }
        Votes v;
        for (const char* key : {"ship", "skip"}) {
            const auto n = tally.find(key);
            std::int64_t& slot = key[1] == 'h' ? v.ship : v.skip;
            if (n == tally.end()) {
                error = at + ": \"" + key + "\" is missing";
                return std::nullopt;
            }
            if (!count_of(*n, slot)) {
                error = at + "/" + key + ": expected an integer >= 0, got " + described(*n);
                return std::nullopt;
            }
        }
        out.tools[id] = v;
    }
    return out;
}

std::string tallies_json(const Tallies& tallies) {
    json tools = json::object();
    for (const auto& [id, v] : tallies.tools) tools[id] = {{"ship", v.ship}, {"skip", v.skip}};
    return json{{"comparison", tallies.comparison}, {"tools", tools}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Votes community_votes(const Votes& payload, const Votes* tally, const std::optional<Verdict>& counted,
                      const std::optional<Verdict>& mine) {
    Votes v{std::max<std::int64_t>(0, payload.ship), std::max<std::int64_t>(0, payload.skip)};
    std::optional<Verdict> local = mine;   // the reader's vote, when the tally doesn't hold it
    if (tally) {
        Votes t{std::max<std::int64_t>(0, tally->ship), std::max<std::int64_t>(0, tally->skip)};
        if (counted && counted == mine) {
            local.reset();   // in the tally already: once
        } else if (counted) {
            std::int64_t& n = *counted == Verdict::Ship ? t.ship : t.skip;
            if (n > 0) --n;   // the service still holds a vote the reader changed or took back
        }
        v.ship = add(v.ship, t.ship);
        v.skip = add(v.skip, t.skip);
    }
    if (local) {
        std::int64_t& n = *local == Verdict::Ship ? v.ship : v.skip;
        n = add(n, 1);
    }
    return v;
}

}  // namespace versus
