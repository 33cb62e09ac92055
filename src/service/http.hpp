// http.hpp — the HTTP side of versus-votes (votes-v1.md), on cpp-httplib.
//
// Why cpp-httplib (Debian's libcpp-httplib-dev 0.11) and not Boost.Beast: a vote handler waits
// for a durable commit anyway, so a blocking thread-per-connection server costs nothing here
// that an async one would save, and it is a tenth of the code to read and review. Its limits are
// set where they matter: the thread pool (--threads), the listen backlog (raised from its
// built-in 5 so 64+ clients can connect at once), keep-alive, timeouts, the 1 KiB body.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "service/comparisons.hpp"
#include "service/config.hpp"
#include "service/rate_limit.hpp"
#include "service/store.hpp"

namespace versus::service {

struct ServiceParts {
    Config config;
    Comparisons comparisons;
    Store* store = nullptr;           // null: the constant baseline (no store; benchmarks only)
    VoteWriter* writer = nullptr;
    std::vector<std::uint8_t> voter_key;
};

class HttpService {
public:
    explicit HttpService(ServiceParts parts);
    ~HttpService();

    // Binds config.host:config.port; returns the port (the chosen one for port 0), or -1.
    int bind();
    // Serves until stop(); returns when every connection's request is answered.
    bool listen();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace versus::service
