// rate_limit.cpp — see rate_limit.hpp.
#include "service/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace versus::service {

int RateLimiter::take(const ClientKey& key, Clock::time_point now) {
    if (per_minute_ <= 0) return 0;
    const double capacity = per_minute_, per_second = per_minute_ / 60.0;
    Shard& shard = shards_[KeyHash{}(key) % kShards];
    std::lock_guard<std::mutex> lock(shard.mutex);
    const auto refill = [&](Bucket& b) {
        const double seconds = std::chrono::duration<double>(now - b.at).count();
        b.tokens = std::min(capacity, b.tokens + std::max(0.0, seconds) * per_second);
        b.at = now;
    };
    if (shard.buckets.size() >= shard.sweep_at) {   // drop buckets that are full again
        for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
            refill(it->second);
            it = it->second.tokens >= capacity ? shard.buckets.erase(it) : std::next(it);
        }
        shard.sweep_at = std::max<std::size_t>(4096, shard.buckets.size() * 2);
    }
    auto [it, fresh] = shard.buckets.try_emplace(key, Bucket{capacity, now});
    Bucket& bucket = it->second;
    if (!fresh) refill(bucket);
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second)));
}

std::size_t RateLimiter::tracked() const {
    std::size_t n = 0;
    for (Shard& s : shards_) {
        std::lock_guard<std::mutex> lock(s.mutex);
        n += s.buckets.size();
    }
    return n;
}

}  // namespace versus::service
