// votes_http_baseline.cpp — the HTTP ceiling of versus-votes for shell/bench.sh: the same server
// (src/service/http.cpp: cpp-httplib, the same thread pool, routes, parsing, origin and rate
// checks) answering every valid vote with a constant tally, without any store. Same flags as
// versus-votes (--db is ignored).
#include <iostream>

#include "service/comparisons.hpp"
#include "service/config.hpp"
#include "service/http.hpp"

using namespace versus::service;

int main(int argc, char** argv) {
    auto parsed = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    if (!std::holds_alternative<Config>(parsed)) {
        std::cerr << "votes_http_baseline: takes versus-votes' flags (--payloads DIR --listen HOST:PORT ...)\n";
        return 2;
    }
    ServiceParts parts;
    parts.config = std::get<Config>(parsed);
    parts.comparisons = load_comparisons(parts.config.payloads);
    if (!parts.comparisons.errors.empty()) {
        for (const auto& e : parts.comparisons.errors) std::cerr << e << "\n";
        return 1;
    }
    HttpService http(std::move(parts));
    const int port = http.bind();
    if (port <= 0) return 1;
    std::cout << "votes_http_baseline: listening on http://127.0.0.1:" << port << std::endl;
    return http.listen() ? 0 : 1;
}
