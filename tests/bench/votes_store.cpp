// votes_store.cpp — the storage ceiling of versus-votes for shell/bench.sh: N threads submit
// votes straight to the VoteWriter (batched durable commits) of a store, no HTTP. Prints one
// line: "votes=N seconds=S votes_per_s=R commits=C".
//
//   votes_store --db sqlite:PATH|postgresql://... [--threads 64] [--seconds 5]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "service/store.hpp"

using namespace versus::service;

int main(int argc, char** argv) {
    std::string db;
    int threads = 64;
    double seconds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
        else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    }
    if (db.empty() || threads < 1 || seconds <= 0) {
        std::cerr << "usage: votes_store --db sqlite:PATH|postgresql://... [--threads 64] [--seconds 5]\n";
        return 2;
    }
    try {
        auto store = open_store(db);
        const auto key = store->voter_key();
        store->ensure_tallies({{"bench", "a"}, {"bench", "b"}});
        VoteWriter writer(*store);
        std::atomic<bool> stop{false};
        std::atomic<long> done{0}, failed{0};
        std::vector<std::thread> pool;
        const auto start = std::chrono::steady_clock::now();
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                for (long n = 0; !stop; ++n) {
                    const std::string voter = "store-" + std::to_string(t) + "-" + std::to_string(n) + "-bench";
                    StoredVote v{"bench", n % 2 ? "a" : "b", hash_voter(key, voter),
                                 n % 3 ? VerdictChoice::Ship : VerdictChoice::Skip};
                    (writer.submit(std::move(v)).get().stored ? done : failed)++;
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));   // the measured window
        stop = true;
        for (auto& th : pool) th.join();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        writer.stop();
        std::printf("votes=%ld failed=%ld seconds=%.2f votes_per_s=%.0f commits=%llu\n", done.load(), failed.load(),
                    elapsed, done / elapsed, static_cast<unsigned long long>(writer.batches()));
        return failed ? 1 : 0;
    } catch (const StoreError& e) {
        std::cerr << "votes_store: " << e.what() << "\n";
        return 1;
    }
}
