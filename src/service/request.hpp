// request.hpp — the parts of a vote request that the service reads itself, as pure functions:
// the route, the vote body, the content type, the Origin, the client address (rate-limit key)
// and a reverse proxy's X-Forwarded-For. No sockets, no store: the libFuzzer target
// (tests/fuzz/fuzz_vote_request.cpp) drives every function here with arbitrary bytes.
//
// Errors are values: each parse returns what it read or the one sentence a developer reads in
// the answer's {"error": ...}.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace versus::service {

// [SECTION] Limits and words shared by the service, its docs and its tests --------------------

inline constexpr std::size_t kMaxBodyBytes = 1024;          // votes-v1.md: "body at most 1 KiB"
inline constexpr std::size_t kVoterMin = 16, kVoterMax = 64;
inline constexpr int kTallyMaxAgeSeconds = 5;                // Cache-Control max-age (spec: ≤ 10)

// [SECTION] Routes ----------------------------------------------------------------------------

enum class Endpoint { None, Votes, Tallies, Health };

struct Route {
    Endpoint endpoint = Endpoint::None;
    std::string comparison;   // for Votes and Tallies: the {comparison} segment, as sent
};

// "/v1/comparisons/{c}/votes", ".../tallies", "/healthz"; anything else is Endpoint::None.
Route route(std::string_view path);

// The methods an endpoint answers ("GET, POST, OPTIONS"), for 405's Allow.
const char* allowed_methods(Endpoint endpoint);

// [SECTION] The vote body ---------------------------------------------------------------------

enum class VerdictChoice : std::uint8_t { None = 0, Ship = 1, Skip = 2 };   // None: taken back

struct VoteBody {
    std::string tool;
    VerdictChoice verdict = VerdictChoice::None;
    std::string voter;
};

// {"tool": "<id>", "verdict": "ship" | "skip" | null, "voter": "<16-64 of [A-Za-z0-9_-]>"},
// nothing else. Returns the vote or the sentence for a 400.
std::variant<VoteBody, std::string> parse_vote_body(std::string_view body);

bool is_voter(std::string_view voter);

// "application/json", any case, with or without parameters ("; charset=utf-8").
bool is_json_content_type(std::string_view content_type);

// [SECTION] Origins ---------------------------------------------------------------------------

// An origin as the flag gives it: "scheme://host[:port]" with scheme http or https, no path.
// Returns the canonical form (scheme and host lower-case, default port dropped) or nothing.
std::optional<std::string> canonical_origin(std::string_view origin);

// [SECTION] Client addresses ------------------------------------------------------------------

// What the rate limiter counts: an IPv4 address, or the /64 prefix of an IPv6 address (an
// IPv4-mapped IPv6 address counts as its IPv4 address).
struct ClientKey {
    std::array<std::uint8_t, 9> bytes{};   // [0] = 4 or 6, then 4 or 8 address bytes
    bool operator==(const ClientKey& other) const { return bytes == other.bytes; }
};

// The 16 bytes of an address in IPv6 form (IPv4 mapped as ::ffff:a.b.c.d), or nothing.
std::optional<std::array<std::uint8_t, 16>> parse_address(std::string_view text);
ClientKey client_key(const std::array<std::uint8_t, 16>& address);

// A network "ADDR" or "ADDR/PREFIX" (the --trust-proxy flag).
struct Network {
    std::array<std::uint8_t, 16> address{};
    int prefix = 128;   // in IPv6 bits (an IPv4 /24 is stored as /120)
    bool contains(const std::array<std::uint8_t, 16>& a) const;
};
std::optional<Network> parse_network(std::string_view text);

// The client's address: the TCP peer, unless the peer is a trusted proxy; then the rightmost
// address of X-Forwarded-For that is not itself a trusted proxy (the one the first trusted
// proxy saw). A malformed header falls back to the peer.
std::array<std::uint8_t, 16> client_address(const std::array<std::uint8_t, 16>& peer,
                                            std::string_view forwarded_for,
                                            const std::vector<Network>& trusted);

}  // namespace versus::service
