// request.cpp — see request.hpp. Index:
//   [SECTION] Routes
//   [SECTION] The vote body
//   [SECTION] Origins
//   [SECTION] Client addresses
#include "service/request.hpp"

#include "model/json_read.hpp"  // read_json_text(): the model's one JSON reader
#include "model/validate.hpp"   // describe(): how a value is named in a message

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

namespace versus::service {

using nlohmann::json;

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// [SECTION] Routes ----------------------------------------------------------------------------

Route route(std::string_view path) {
    if (path == "/healthz") return {Endpoint::Health, {}};
    constexpr std::string_view kPrefix = "/v1/comparisons/";
    if (!starts_with(path, kPrefix)) return {};
    const std::string_view rest = path.substr(kPrefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return {};
    const std::string_view comparison = rest.substr(0, slash), tail = rest.substr(slash);
    if (tail == "/votes") return {Endpoint::Votes, std::string(comparison)};
    if (tail == "/tallies") return {Endpoint::Tallies, std::string(comparison)};
    return {};
}

const char* allowed_methods(Endpoint endpoint) {
    switch (endpoint) {
    case Endpoint::Votes: return "POST, OPTIONS";
    case Endpoint::Tallies: return "GET, HEAD, OPTIONS";
    case Endpoint::Health: return "GET, HEAD";
    default: return "";
    }
}

// [SECTION] The vote body ---------------------------------------------------------------------

namespace {

// A value as an error sentence names it (the model's words, quotes cut shorter: a client's text).
std::string describe(const json& value) { return versus::detail::describe(value, 40); }

constexpr const char* kShape =
    R"(the body must be a JSON object {"tool": "<tool id>", "verdict": "ship" | "skip" | null, "voter": "<voter id>"})";

}  // namespace

bool is_voter(std::string_view voter) {
    if (voter.size() < kVoterMin || voter.size() > kVoterMax) return false;
    return std::all_of(voter.begin(), voter.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::variant<VoteBody, std::string> parse_vote_body(std::string_view body) {
    if (body.size() > kMaxBodyBytes) return std::string("the body is over 1 KiB (1024 bytes)");
    // Keys given twice at the top level are refused (readers disagree on which one counts).
    struct TopLevelKeys : versus::detail::JsonEvents {
        int depth = 0;
        std::set<std::string> seen;
        std::string duplicate;
        void begin_object(versus::detail::TextPos) override { ++depth; }
        void begin_array(versus::detail::TextPos) override { ++depth; }
        void end_object() override { --depth; }
        void end_array() override { --depth; }
        void key(const std::string& name, versus::detail::TextPos) override {
            if (depth == 1 && !seen.insert(name).second && duplicate.empty()) duplicate = name;
        }
    } keys;
    json document;
    if (const auto problem = versus::detail::read_json_text(body, document, &keys)) {
        return "the body is not JSON (" + *problem + "); " + kShape;
    }
    const std::string& duplicate = keys.duplicate;
    if (!document.is_object()) return std::string(kShape) + ", got " + describe(document);
    if (!duplicate.empty()) return "field " + json(duplicate).dump() + " is given twice";
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (it.key() != "tool" && it.key() != "verdict" && it.key() != "voter") {
            return "unknown field " + describe(json(it.key())).substr(11) +
                   "; the fields are \"tool\", \"verdict\" and \"voter\"";
        }
    }
    for (const char* name : {"tool", "verdict", "voter"}) {
        if (!document.contains(name)) return std::string("missing field \"") + name + "\"";
    }
    VoteBody vote;
    const json& tool = document["tool"];
    if (!tool.is_string()) return "\"tool\" must be a string (a tool id), got " + describe(tool);
    vote.tool = tool.get<std::string>();
    const json& verdict = document["verdict"];
    if (verdict.is_null()) {
        vote.verdict = VerdictChoice::None;
    } else if (verdict.is_string() && verdict.get_ref<const std::string&>() == "ship") {
        vote.verdict = VerdictChoice::Ship;
    } else if (verdict.is_string() && verdict.get_ref<const std::string&>() == "skip") {
        vote.verdict = VerdictChoice::Skip;
    } else {
        return "\"verdict\" must be \"ship\", \"skip\" or null, got " + describe(verdict);
    }
    const json& voter = document["voter"];
    if (!voter.is_string() || !is_voter(voter.get_ref<const std::string&>())) {
        return "\"voter\" must be a string of 16 to 64 characters of A-Z, a-z, 0-9, '_' and "
               "'-', got " + describe(voter);
    }
    vote.voter = voter.get<std::string>();
    return vote;
}

bool is_json_content_type(std::string_view content_type) {
    std::string_view type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
    constexpr std::string_view kJson = "application/json";
    if (type.size() != kJson.size()) return false;
    for (std::size_t i = 0; i < type.size(); ++i) {
        if (lower(type[i]) != kJson[i]) return false;
    }
    return true;
}

// [SECTION] Origins ---------------------------------------------------------------------------

std::optional<std::string> canonical_origin(std::string_view origin) {
    std::string s(origin);
    std::transform(s.begin(), s.end(), s.begin(), lower);
    std::string scheme;
    if (starts_with(s, "https://")) {
        scheme = "https";
    } else if (starts_with(s, "http://")) {
        scheme = "http";
    } else {
        return std::nullopt;
    }
    std::string authority = s.substr(scheme.size() + 3);
    if (authority.empty()) return std::nullopt;
    std::string host = authority, port;
    if (authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos || close < 3) return std::nullopt;
        host = authority.substr(0, close + 1);
        const std::string after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return std::nullopt;
            port = after.substr(1);
        }
        for (char c : host.substr(1, host.size() - 2)) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) {
                return std::nullopt;
            }
        }
    } else {
        const std::size_t colon = authority.find(':');
        if (colon != std::string::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
        if (host.empty()) return std::nullopt;
        for (char c : host) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return std::nullopt;
            }
        }
    }
    if (authority.find_first_of("/?#@ ") != std::string::npos) return std::nullopt;
    if (!port.empty() || authority.back() == ':') {
        if (port.empty() || port.size() > 5) return std::nullopt;
        for (char c : port) {
            if (c < '0' || c > '9') return std::nullopt;
        }
        const long n = std::stol(port);
        if (n < 1 || n > 65535) return std::nullopt;
        if ((scheme == "http" && n == 80) || (scheme == "https" && n == 443)) port.clear();
        else port = std::to_string(n);
    }
    return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

// [SECTION] Client addresses ------------------------------------------------------------------

std::optional<std::array<std::uint8_t, 16>> parse_address(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    std::string s(text);
    if (s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
    std::array<std::uint8_t, 16> out{};
    in_addr v4{};
    if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
        out[10] = out[11] = 0xFF;
        std::memcpy(out.data() + 12, &v4, 4);
        return out;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
        std::memcpy(out.data(), &v6, 16);
        return out;
    }
    return std::nullopt;
}

namespace {
bool is_v4_mapped(const std::array<std::uint8_t, 16>& a) {
    for (int i = 0; i < 10; ++i) {
        if (a[i] != 0) return false;
    }
    return a[10] == 0xFF && a[11] == 0xFF;
}
}  // namespace

ClientKey client_key(const std::array<std::uint8_t, 16>& address) {
    ClientKey key;
    if (is_v4_mapped(address)) {
        key.bytes[0] = 4;
        std::copy(address.begin() + 12, address.end(), key.bytes.begin() + 1);
    } else {
        key.bytes[0] = 6;
        std::copy(address.begin(), address.begin() + 8, key.bytes.begin() + 1);
    }
    return key;
}

bool Network::contains(const std::array<std::uint8_t, 16>& a) const {
    int bits = prefix;
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const std::uint8_t mask = bits >= 8 ? 0xFF : static_cast<std::uint8_t>(0xFF << (8 - bits));
        if ((a[i] & mask) != (address[i] & mask)) return false;
    }
    return true;
}

std::optional<Network> parse_network(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto address = parse_address(text.substr(0, slash));
    if (!address) return std::nullopt;
    Network network;
    network.address = *address;
    const bool v4 = is_v4_mapped(*address);
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3) return std::nullopt;
        int n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + (c - '0');
        }
        if (n > (v4 ? 32 : 128)) return std::nullopt;
        network.prefix = v4 ? 96 + n : n;
    }
    return network;
}

std::array<std::uint8_t, 16> client_address(const std::array<std::uint8_t, 16>& peer,
                                            std::string_view forwarded_for,
                                            const std::vector<Network>& trusted) {
    const auto is_trusted = [&](const std::array<std::uint8_t, 16>& a) {
        return std::any_of(trusted.begin(), trusted.end(),
                           [&](const Network& n) { return n.contains(a); });
    };
    if (!is_trusted(peer) || forwarded_for.empty()) return peer;
    std::array<std::uint8_t, 16> client = peer;
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {   // right to left
        const std::size_t comma = rest.rfind(',');
        std::string_view item = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        const auto address = parse_address(item);
        if (!address) return client;   // malformed: stop at the last address known good
        client = *address;
        if (!is_trusted(client)) return client;
    }
    return client;
}

}  // namespace versus::service
