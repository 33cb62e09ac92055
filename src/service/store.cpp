// store.cpp — the vote algorithm every store shares, the voter hash, and the VoteWriter.
// See store.hpp for why.
#include "service/store.hpp"
#include "service/store_internal.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>

namespace versus::service {

VoterHash hash_voter(const std::vector<std::uint8_t>& key, std::string_view voter) {
    VoterHash out{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(voter.data()), voter.size(), out.data(), &length);
    return out;
}

// [SECTION] One transaction of votes ----------------------------------------------------------
//
// Rows are touched in one global order (votes sorted by comparison, tool, voter hash; then
// tallies sorted by comparison, tool), so two service instances writing to one PostgreSQL never
// wait on each other in a circle. Votes of one voter on one tool keep their arrival order.
// Each vote's answer is its tool's tally right after it, in that order.
std::vector<std::size_t> lock_order(const std::vector<StoredVote>& votes) {
    std::vector<std::size_t> order(votes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const StoredVote &x = votes[a], &y = votes[b];
        if (x.comparison != y.comparison) return x.comparison < y.comparison;
        if (x.tool != y.tool) return x.tool < y.tool;
        return x.voter < y.voter;
    });
    return order;
}

Tally delta_of(VerdictChoice old, VerdictChoice now) {
    return {(now == VerdictChoice::Ship) - (old == VerdictChoice::Ship),
            (now == VerdictChoice::Skip) - (old == VerdictChoice::Skip)};
}

// Per tool (in lock order): the sum of its deltas, added by `add`, which returns the new tally;
// then each vote's answer walking back from the end.
std::vector<Tally> answers(const std::vector<StoredVote>& votes, const std::vector<std::size_t>& order,
                           const std::vector<Tally>& delta,
                           const std::function<Tally(const std::string&, const std::string&, const Tally&)>& add) {
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_tool;
    for (std::size_t i : order) by_tool[{votes[i].comparison, votes[i].tool}].push_back(i);
    std::vector<Tally> after(votes.size());
    for (const auto& [key, items] : by_tool) {
        Tally sum;
        for (std::size_t i : items) {
            sum.ship += delta[i].ship;
            sum.skip += delta[i].skip;
        }
        Tally current_tally = add(key.first, key.second, sum);
        for (auto it = items.rbegin(); it != items.rend(); ++it) {
            after[*it] = current_tally;
            current_tally.ship -= delta[*it].ship;
            current_tally.skip -= delta[*it].skip;
        }
    }
    return after;
}

std::vector<Tally> Store::apply(const std::vector<StoredVote>& votes) {
    const std::vector<std::size_t> order = lock_order(votes);
    std::vector<Tally> delta(votes.size());
    begin();
    try {
        for (std::size_t i : order) {
            const StoredVote& vote = votes[i];
            VerdictChoice old = current(vote);
            if (old == vote.verdict) continue;   // a repeat changes nothing
            if (vote.verdict == VerdictChoice::None) {
                remove(vote);
            } else if (old == VerdictChoice::None) {
                while (!insert(vote)) {   // another instance inserted it first: take turns
                    old = current(vote);
                    if (old == vote.verdict) break;
                    if (old != VerdictChoice::None) {
                        update(vote);
                        break;
                    }
                }
                if (old == vote.verdict) continue;
            } else {
                update(vote);
            }
            delta[i] = delta_of(old, vote.verdict);
        }
        std::vector<Tally> after = answers(votes, order, delta,
            [this](const std::string& c, const std::string& t, const Tally& d) { return add_to_tally(c, t, d); });
        commit();
        return after;
    } catch (...) {
        rollback();
        throw;
    }
}

// [SECTION] VoteWriter ------------------------------------------------------------------------

VoteWriter::VoteWriter(Store& store, std::size_t max_batch, std::size_t max_queue)
    : store_(store), max_batch_(max_batch), max_queue_(max_queue), thread_([this] { run(); }) {}

VoteWriter::~VoteWriter() { stop(); }

std::future<VoteOutcome> VoteWriter::submit(StoredVote vote) {
    Job job;
    job.vote = std::move(vote);
    std::future<VoteOutcome> result = job.done.get_future();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ || queue_.size() >= max_queue_) {
            job.done.set_value({false, {}, stopping_ ? "the service is shutting down"
                                                     : "the service is overloaded"});
            return result;
        }
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    return result;
}

bool VoteWriter::probe(int timeout_ms) {
    Job job;
    job.is_probe = true;
    std::future<VoteOutcome> result = job.done.get_future();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return false;
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    if (result.wait_for(std::chrono::milliseconds(timeout_ms)) != std::future_status::ready) {
        return false;
    }
    return result.get().stored;
}

void VoteWriter::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ && !thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

std::uint64_t VoteWriter::batches() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return batches_;
}

std::uint64_t VoteWriter::votes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return votes_;
}

void VoteWriter::run() {
    for (;;) {
        std::vector<Job> batch;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;   // stopping, and every vote is answered
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        std::vector<StoredVote> votes;
        std::vector<std::size_t> vote_jobs;
        bool has_probe = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].is_probe) {
                has_probe = true;
                continue;
            }
            votes.push_back(batch[i].vote);
            vote_jobs.push_back(i);
        }
        std::string error;
        std::vector<Tally> tallies;
        for (int attempt = 0;; ++attempt) {
            try {
                if (!votes.empty()) {
                    tallies = store_.apply(votes);
                } else if (has_probe) {
                    store_.probe_write();
                }
                error.clear();
                break;
            } catch (const StoreError& e) {
                error = e.what();
                if (attempt >= 5) break;
                // A conflict runs again at once; a failure (e.g. a lost connection) waits a bit.
                if (!e.retry) std::this_thread::sleep_for(std::chrono::milliseconds(100 << std::min(attempt, 3)));
            } catch (const std::exception& e) {
                error = e.what();
                break;
            }
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++batches_;
            if (error.empty()) votes_ += votes.size();
        }
        for (std::size_t k = 0; k < vote_jobs.size(); ++k) {
            Job& job = batch[vote_jobs[k]];
            if (error.empty()) job.done.set_value({true, tallies[k], {}});
            else job.done.set_value({false, {}, error});
        }
        for (Job& job : batch) {
            if (job.is_probe) job.done.set_value({error.empty(), {}, error});
        }
    }
}

}  // namespace versus::service

namespace versus::service {

std::string to_hex(const std::vector<std::uint8_t>& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::vector<std::uint8_t> from_hex(const std::string& hex) {
    const auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    if (hex.size() < 32 || hex.size() % 2) throw StoreError("the store's voter key is damaged");
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = value(hex[i]), lo = value(hex[i + 1]);
        if (hi < 0 || lo < 0) throw StoreError("the store's voter key is damaged");
        out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
    }
    return out;
}

std::unique_ptr<Store> open_store(const std::string& db) {
    if (db.rfind("sqlite:", 0) == 0) {
        const std::string path = db.substr(7);
        if (path.empty()) throw StoreError("--db sqlite:PATH needs a path");
        return open_sqlite_store(path);
    }
    if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
        return open_postgres_store(db);
    }
    throw StoreError("--db must be sqlite:PATH or a postgresql:// URI, got \"" + db + "\"");
}

}  // namespace versus::service
