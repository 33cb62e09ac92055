// fuzz_vote_request.cpp — libFuzzer target: the request parsing of versus-votes
// (src/service/request.cpp) on any bytes: the route, the content type, the Origin, the
// X-Forwarded-For chain with its peer and trusted network, and the vote body.
//
// Why this file exists: every byte of a vote request comes from anyone on the internet. Whatever
// they are, parsing must end with a value or an error sentence — never a crash, undefined
// behaviour, a leak or a hang — and what it accepts must be what the contract allows.
//
// Input (readable, so regressions are easy to write by hand): lines
//   PATH \n CONTENT-TYPE \n ORIGIN \n X-FORWARDED-FOR \n PEER \n TRUSTED-NETWORK \n BODY...
// (missing lines are empty; the body is the rest, newlines included).
//
// Build: cmake --preset fuzz && cmake --build --preset fuzz   (clang-14, see cmake/fuzz.cmake)
// Run:   build/fuzz/fuzz_vote_request -dict=tests/fuzz/vote_request.dict CORPUS tests/fuzz/vote-request-regressions
#include "service/request.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

using namespace versus::service;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

std::string_view next_line(std::string_view& rest) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const std::string_view path = next_line(rest), content_type = next_line(rest),
                           origin = next_line(rest), forwarded = next_line(rest),
                           peer_text = next_line(rest), network_text = next_line(rest);
    const std::string_view body = rest;

    const Route r = route(path);
    if (r.endpoint == Endpoint::Votes || r.endpoint == Endpoint::Tallies) {
        require(!r.comparison.empty() && r.comparison.find('/') == std::string::npos);
    }
    (void)allowed_methods(r.endpoint);
    (void)is_json_content_type(content_type);

    if (const auto canonical = canonical_origin(origin)) {
        const auto again = canonical_origin(*canonical);   // canonical form is a fixed point
        require(again && *again == *canonical);
    }

    const auto peer = parse_address(peer_text);
    std::vector<Network> trusted;
    if (const auto network = parse_network(network_text)) {
        require(network->prefix >= 0 && network->prefix <= 128);
        require(network->contains(network->address));
        trusted.push_back(*network);
    }
    if (peer) {
        const auto client = client_address(*peer, forwarded, trusted);
        const ClientKey key = client_key(client);
        require(key.bytes[0] == 4 || key.bytes[0] == 6);
        if (trusted.empty()) require(client == *peer);   // no proxy trusted: the peer counts
    }

    const auto vote = parse_vote_body(body);
    if (const auto* v = std::get_if<VoteBody>(&vote)) {
        require(body.size() <= kMaxBodyBytes);
        require(is_voter(v->voter));
        require(v->verdict == VerdictChoice::None || v->verdict == VerdictChoice::Ship ||
                v->verdict == VerdictChoice::Skip);
    } else {
        require(!std::get<std::string>(vote).empty());
    }
    return 0;
}
