// rate_limit.hpp — votes per minute per client address (an IPv4 address, an IPv6 /64), as a
// token bucket: a client may spend its whole minute at once, then one vote every 60/N seconds.
//
// Memory stays bounded under a flood of addresses: buckets that have refilled are dropped
// (they hold nothing a fresh bucket would not), and the table is swept when it grows.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "service/request.hpp"

namespace versus::service {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

    // 0 when the vote may go on (and is counted); otherwise the seconds to wait (Retry-After).
    int take(const ClientKey& key, Clock::time_point now = Clock::now());

    std::size_t tracked() const;   // how many addresses are in the table (tests, memory)

private:
    struct KeyHash {
        std::size_t operator()(const ClientKey& k) const {
            std::uint64_t h = 1469598103934665603ull;
            for (std::uint8_t b : k.bytes) h = (h ^ b) * 1099511628211ull;
            return static_cast<std::size_t>(h);
        }
    };
    struct Bucket {
        double tokens = 0;
        Clock::time_point at;
    };
    static constexpr int kShards = 16;
    struct Shard {
        std::mutex mutex;
        std::unordered_map<ClientKey, Bucket, KeyHash> buckets;
        std::size_t sweep_at = 4096;
    };

    const int per_minute_;
    mutable Shard shards_[kShards];
};

}  // namespace versus::service
