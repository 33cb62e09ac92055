// store.hpp — where votes live: the Store interface (one per database: SQLite, PostgreSQL), the
// one vote algorithm every store shares, and the VoteWriter that batches concurrent votes into
// one durable transaction.
//
// Why this shape: "a 200 means durable" costs one disk flush per commit. Flushing once per vote
// caps a service at the disk's flush rate; the VoteWriter gathers every vote that arrives while
// the previous commit flushes and commits them together, so 64 concurrent readers share a
// flush. Tallies live in their own table, changed in the same transaction as the votes, so they
// always equal the votes; no vote is ever counted twice, on one instance or many.
//
// The schema (versioned migrations, store_sqlite.cpp / store_postgres.cpp):
//   schema_migrations(version, applied_at)     one row per migration applied
//   meta(name, value)                          'voter_key': the HMAC key, made on first start
//   votes(comparison, tool, voter, verdict)    voter = HMAC-SHA256(key, voter id); 1 ship, 2 skip
//   tallies(comparison, tool, ship, skip)      one row per tool served
// No client address is stored anywhere.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "service/request.hpp"

namespace versus::service {

using VoterHash = std::array<std::uint8_t, 32>;

struct Tally {
    std::int64_t ship = 0;
    std::int64_t skip = 0;
    bool operator==(const Tally& o) const { return ship == o.ship && skip == o.skip; }
};

struct StoredVote {
    std::string comparison;
    std::string tool;
    VoterHash voter{};
    VerdictChoice verdict = VerdictChoice::None;
};

// A store failed (connection lost, disk full, lock timeout). `retry`: a conflict between
// transactions (PostgreSQL deadlock or serialization failure) that may succeed when run again.
struct StoreError : std::runtime_error {
    explicit StoreError(const std::string& what, bool retry = false)
        : std::runtime_error(what), retry(retry) {}
    bool retry;
};

// The read connections of a store, shared by the server's threads: a Lease waits for a free one
// and gives it back when it goes out of scope. Filled once, before any thread leases.
template <typename Connection>
class ReaderPool {
public:
    void add(Connection c) {
        free_.push_back(items_.size());
        items_.push_back(std::move(c));
    }
    std::vector<Connection>& all() { return items_; }   // for closing, once no thread leases

    class Lease {
    public:
        explicit Lease(ReaderPool& pool) : pool_(pool) {
            std::unique_lock<std::mutex> lock(pool.mutex_);
            pool.cv_.wait(lock, [&] { return !pool.free_.empty(); });
            index_ = pool.free_.back();
            pool.free_.pop_back();
        }
        ~Lease() {
            {
                std::lock_guard<std::mutex> lock(pool_.mutex_);
                pool_.free_.push_back(index_);
            }
            pool_.cv_.notify_one();
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection& operator*() { return pool_.items_[index_]; }

    private:
        ReaderPool& pool_;
        std::size_t index_ = 0;
    };

private:
    std::vector<Connection> items_;
    std::vector<std::size_t> free_;
    std::mutex mutex_;
    std::condition_variable cv_;
};

class Store {
public:
    virtual ~Store() = default;

    // "sqlite:/path/votes.db" or "PostgreSQL at host:port/db" (no password), for logs.
    virtual std::string describe() const = 0;

    // The HMAC key of voter ids, made on first start and kept in the store.
    virtual std::vector<std::uint8_t> voter_key() = 0;

    // Makes a tally row (0/0) for each (comparison, tool) that has none.
    virtual void ensure_tallies(const std::vector<std::pair<std::string, std::string>>& tools) = 0;

    // Applies the votes in one transaction, in order; returns the tally of each vote's tool
    // right after that vote. Throws StoreError (nothing is stored then). The default runs the
    // primitives below one by one; a store with costly round trips sends the batch at once.
    virtual std::vector<Tally> apply(const std::vector<StoredVote>& votes);

    // One transaction that writes nothing: can the writer reach and lock the store?
    virtual void probe_write() = 0;

    // The tallies of a comparison's tools (any thread). Throws StoreError.
    virtual std::vector<std::pair<std::string, Tally>> tallies(const std::string& comparison) = 0;

    // Can a reader read? (any thread)
    virtual bool probe_read() = 0;

protected:
    // The writer's primitives, called by apply() on the writer's connection, in a transaction.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual VerdictChoice current(const StoredVote& vote) = 0;   // locks the row where it can
    virtual bool insert(const StoredVote& vote) = 0;             // false: another insert won
    virtual void update(const StoredVote& vote) = 0;
    virtual void remove(const StoredVote& vote) = 0;
    virtual Tally add_to_tally(const std::string& comparison, const std::string& tool,
                               const Tally& delta) = 0;          // returns the new tally
};

// The order a batch touches rows in (comparison, tool, voter hash; arrival order among equals),
// and each vote's answer from its tool's tally after the batch and the votes' deltas.
std::vector<std::size_t> lock_order(const std::vector<StoredVote>& votes);
Tally delta_of(VerdictChoice old, VerdictChoice now);
std::vector<Tally> answers(const std::vector<StoredVote>& votes, const std::vector<std::size_t>& order,
                           const std::vector<Tally>& delta,
                           const std::function<Tally(const std::string&, const std::string&, const Tally&)>& add);

// "sqlite:PATH" or "postgresql://..." / "postgres://...". Throws StoreError with a sentence.
std::unique_ptr<Store> open_store(const std::string& db);

// HMAC-SHA256(key, voter id).
VoterHash hash_voter(const std::vector<std::uint8_t>& key, std::string_view voter);

// [SECTION] The writer: one thread, batched durable commits -----------------------------------

struct VoteOutcome {
    bool stored = false;
    Tally tally;
    std::string error;   // when not stored
};

class VoteWriter {
public:
    VoteWriter(Store& store, std::size_t max_batch = 1024, std::size_t max_queue = 16384);
    ~VoteWriter();

    // Queues a vote; the future is set once its batch is committed (or failed). Refused at once
    // (stored=false) when the queue is full or the writer is stopping.
    std::future<VoteOutcome> submit(StoredVote vote);

    // Queues a write probe (an empty transaction); true when it committed within `timeout_ms`.
    bool probe(int timeout_ms);

    // Finishes every queued vote, then stops the thread.
    void stop();

    std::uint64_t batches() const;
    std::uint64_t votes() const;

private:
    struct Job {
        StoredVote vote;
        std::promise<VoteOutcome> done;
        bool is_probe = false;
    };
    void run();

    Store& store_;
    const std::size_t max_batch_, max_queue_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::uint64_t batches_ = 0, votes_ = 0;
    std::thread thread_;
};

}  // namespace versus::service
