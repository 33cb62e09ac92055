// store_sqlite.cpp — the embedded default store: one SQLite file in WAL mode with
// synchronous=FULL (a commit is on disk when COMMIT returns), one writer connection (the
// VoteWriter's thread) and a small pool of reader connections (WAL lets them read while the
// writer writes).
//
// One service instance owns a SQLite store (several instances share a PostgreSQL one), so it
// keeps the tallies of the comparisons it serves in memory: read from the table at start, and
// replaced by the committed values after each commit (never before: a reader never sees a tally
// that is not on disk). Tally reads then cost no query.
//
// Checkpoints (copying the WAL back into the database file, then a flush of it) run on their own
// thread and connection, never inside a vote's COMMIT, where SQLite's automatic checkpoint would
// stall every vote of that batch for a flush: PASSIVE four times a second (it never waits for
// the writer), and RESTART once the WAL holds 64 MiB. RESTART waits for the writer's current
// commit, copies the little PASSIVE left, and makes the next commit start the WAL file over:
// without it a WAL under a steady stream of votes never rewinds (it reached 3.7 GB in a test).
#include <sqlite3.h>
#include <openssl/rand.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <shared_mutex>
#include <cstring>
#include <mutex>
#include <thread>

#include "service/store.hpp"
#include "service/store_internal.hpp"

namespace versus::service {

namespace {

// Versioned schema migrations: never edit one that shipped; add the next.
const Migration kSqliteMigrations[] = {
    {1, R"(
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE votes (
  comparison TEXT NOT NULL,
  tool TEXT NOT NULL,
  voter BLOB NOT NULL,                         -- HMAC-SHA256(meta.voter_key, voter id)
  verdict INTEGER NOT NULL CHECK (verdict IN (1, 2)),   -- 1 ship, 2 skip
  PRIMARY KEY (comparison, tool, voter)
) WITHOUT ROWID;
CREATE TABLE tallies (
  comparison TEXT NOT NULL,
  tool TEXT NOT NULL,
  ship INTEGER NOT NULL DEFAULT 0 CHECK (ship >= 0),
  skip INTEGER NOT NULL DEFAULT 0 CHECK (skip >= 0),
  PRIMARY KEY (comparison, tool)
) WITHOUT ROWID;
)"},
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
            throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db));
        }
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Statement& operator=(Statement&& o) noexcept {
        std::swap(db_, o.db_);
        std::swap(stmt_, o.stmt_);
        return *this;
    }
    ~Statement() { sqlite3_finalize(stmt_); }

    Statement& reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        return *this;
    }
    Statement& bind(int i, const std::string& text) {
        sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, const VoterHash& blob) {
        sqlite3_bind_blob(stmt_, i, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t n) {
        sqlite3_bind_int64(stmt_, i, n);
        return *this;
    }
    // true: a row is ready; false: done. Throws on errors.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string what = std::string("SQLite: ") + (message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        throw StoreError(what);
    }
}

sqlite3* open_connection(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string what = "cannot open the SQLite store " + path + ": " +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        throw StoreError(what);
    }
    sqlite3_busy_timeout(db, 5000);
    try {
        exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    return db;
}

class SqliteStore final : public Store {
public:
    explicit SqliteStore(std::string path) : path_(std::move(path)) {
        writer_ = open_connection(path_);
        migrate();
        get_ = Statement(writer_, "SELECT verdict FROM votes WHERE comparison=?1 AND tool=?2 AND voter=?3");
        insert_ = Statement(writer_, "INSERT INTO votes (comparison, tool, voter, verdict) VALUES (?1, ?2, ?3, ?4)");
        update_ = Statement(writer_, "UPDATE votes SET verdict=?4 WHERE comparison=?1 AND tool=?2 AND voter=?3");
        delete_ = Statement(writer_, "DELETE FROM votes WHERE comparison=?1 AND tool=?2 AND voter=?3");
        add_ = Statement(writer_, "UPDATE tallies SET ship=ship+?3, skip=skip+?4 WHERE comparison=?1 AND tool=?2 RETURNING ship, skip");
        begin_ = Statement(writer_, "BEGIN IMMEDIATE");
        commit_ = Statement(writer_, "COMMIT");
        exec(writer_, "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864");
        checkpointer_db_ = open_connection(path_);
        checkpointer_ = std::thread([this] {
            std::unique_lock<std::mutex> lock(checkpoint_mutex_);
            while (!checkpoint_stop_) {
                checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(250));
                if (checkpoint_stop_) break;
                lock.unlock();
                int frames = 0, copied = 0;
                sqlite3_wal_checkpoint_v2(checkpointer_db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
                if (frames > kRestartFrames) {   // copy the rest and let the next commit rewind
                    sqlite3_wal_checkpoint_v2(checkpointer_db_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
                }
                lock.lock();
            }
        });
        for (int i = 0; i < kReaders; ++i) {
            Reader r;
            r.db = open_connection(path_);
            r.tallies = Statement(r.db, "SELECT tool, ship, skip FROM tallies WHERE comparison=?1");
            r.probe = Statement(r.db, "SELECT count(*) FROM meta");
            readers_.add(std::move(r));
        }
    }

    ~SqliteStore() override {
        {
            std::lock_guard<std::mutex> lock(checkpoint_mutex_);
            checkpoint_stop_ = true;
        }
        checkpoint_cv_.notify_all();
        if (checkpointer_.joinable()) checkpointer_.join();
        sqlite3_close(checkpointer_db_);
        get_ = {}; insert_ = {}; update_ = {}; delete_ = {}; add_ = {}; begin_ = {}; commit_ = {};
        for (Reader& r : readers_.all()) {
            r.tallies = {};
            r.probe = {};
            sqlite3_close(r.db);
        }
        sqlite3_close(writer_);
    }

    std::string describe() const override { return "sqlite:" + path_; }

    std::vector<std::uint8_t> voter_key() override {
        std::vector<std::uint8_t> fresh(32);
        if (RAND_bytes(fresh.data(), static_cast<int>(fresh.size())) != 1) {
            throw StoreError("cannot make a random voter key (OpenSSL RAND_bytes failed)");
        }
        Statement(writer_, "INSERT OR IGNORE INTO meta (name, value) VALUES ('voter_key', ?1)")
            .bind(1, to_hex(fresh)).step();
        Statement read(writer_, "SELECT value FROM meta WHERE name='voter_key'");
        if (!read.step()) throw StoreError("the store has no voter key");
        return from_hex(read.text(0));
    }

    void ensure_tallies(const std::vector<std::pair<std::string, std::string>>& tools) override {
        exec(writer_, "BEGIN IMMEDIATE");
        try {
            Statement s(writer_, "INSERT OR IGNORE INTO tallies (comparison, tool) VALUES (?1, ?2)");
            for (const auto& [comparison, tool] : tools) s.reset().bind(1, comparison).bind(2, tool).step();
            exec(writer_, "COMMIT");
        } catch (...) {
            rollback();
            throw;
        }
        // The tallies in memory: every served comparison's rows, as committed.
        std::map<std::string, std::vector<std::pair<std::string, Tally>>> fresh;
        Statement read(writer_, "SELECT comparison, tool, ship, skip FROM tallies");
        while (read.step()) fresh[read.text(0)].push_back({read.text(1), {read.integer(2), read.integer(3)}});
        std::unique_lock<std::shared_mutex> lock(cache_mutex_);
        cache_.clear();
        for (const auto& [comparison, tool] : tools) cache_[comparison] = fresh[comparison];
    }

    void probe_write() override {
        begin();
        commit();
    }

    std::vector<std::pair<std::string, Tally>> tallies(const std::string& comparison) override {
        {
            std::shared_lock<std::shared_mutex> lock(cache_mutex_);
            const auto it = cache_.find(comparison);
            if (it != cache_.end()) return it->second;
        }
        ReaderPool<Reader>::Lease lease(readers_);
        std::vector<std::pair<std::string, Tally>> out;
        Statement& s = (*lease).tallies;
        s.reset().bind(1, comparison);
        try {
            while (s.step()) out.push_back({s.text(0), {s.integer(1), s.integer(2)}});
        } catch (...) {
            s.reset();
            throw;
        }
        s.reset();
        return out;
    }

    bool probe_read() override {
        try {
            ReaderPool<Reader>::Lease lease(readers_);
            Statement& s = (*lease).probe;
            s.reset();
            const bool ok = s.step();
            s.reset();
            return ok;
        } catch (const StoreError&) {
            return false;
        }
    }

protected:
    void begin() override {
        pending_.clear();
        begin_.reset().step();
    }
    void commit() override {
        commit_.reset().step();
        std::unique_lock<std::shared_mutex> lock(cache_mutex_);   // committed: now readers see it
        for (const auto& [key, tally] : pending_) {
            const auto it = cache_.find(key.first);
            if (it == cache_.end()) continue;
            for (auto& [tool, t] : it->second) {
                if (tool == key.second) t = tally;
            }
        }
        pending_.clear();
    }
    void rollback() noexcept override {
        pending_.clear();
        if (!sqlite3_get_autocommit(writer_)) sqlite3_exec(writer_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    VerdictChoice current(const StoredVote& v) override {
        get_.reset().bind(1, v.comparison).bind(2, v.tool).bind(3, v.voter);
        const VerdictChoice out = get_.step() ? static_cast<VerdictChoice>(get_.integer(0)) : VerdictChoice::None;
        get_.reset();
        return out;
    }
    bool insert(const StoredVote& v) override {
        insert_.reset().bind(1, v.comparison).bind(2, v.tool).bind(3, v.voter)
            .bind(4, static_cast<std::int64_t>(v.verdict)).step();
        return true;   // one writer holds the lock: nobody else inserts meanwhile
    }
    void update(const StoredVote& v) override {
        update_.reset().bind(1, v.comparison).bind(2, v.tool).bind(3, v.voter)
            .bind(4, static_cast<std::int64_t>(v.verdict)).step();
    }
    void remove(const StoredVote& v) override {
        delete_.reset().bind(1, v.comparison).bind(2, v.tool).bind(3, v.voter).step();
    }
    Tally add_to_tally(const std::string& comparison, const std::string& tool, const Tally& d) override {
        add_.reset().bind(1, comparison).bind(2, tool).bind(3, d.ship).bind(4, d.skip);
        if (!add_.step()) throw StoreError("no tally row for " + comparison + "/" + tool);
        Tally t{add_.integer(0), add_.integer(1)};
        while (add_.step()) {}
        add_.reset();
        pending_[{comparison, tool}] = t;
        return t;
    }

private:
    static constexpr int kReaders = 4;
    static constexpr int kRestartFrames = 16384;   // 64 MiB of 4 KiB pages
    struct Reader {
        sqlite3* db = nullptr;
        Statement tallies, probe;
    };
    void migrate() {
        exec(writer_, "BEGIN IMMEDIATE");
        try {
            exec(writer_, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            Statement max(writer_, "SELECT coalesce(max(version), 0) FROM schema_migrations");
            max.step();
            const std::int64_t have = max.integer(0);
            max = {};
            check_known_version(have, kSqliteMigrations);
            for (const Migration& m : kSqliteMigrations) {
                if (m.version <= have) continue;
                exec(writer_, m.sql);
                Statement(writer_, "INSERT INTO schema_migrations VALUES (?1, datetime('now'))")
                    .bind(1, static_cast<std::int64_t>(m.version)).step();
            }
            exec(writer_, "COMMIT");
        } catch (...) {
            rollback();
            throw;
        }
    }

    std::string path_;
    sqlite3* writer_ = nullptr;
    Statement get_, insert_, update_, delete_, add_, begin_, commit_;
    ReaderPool<Reader> readers_;
    sqlite3* checkpointer_db_ = nullptr;
    std::thread checkpointer_;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_cv_;
    bool checkpoint_stop_ = false;
    std::map<std::pair<std::string, std::string>, Tally> pending_;   // this transaction's tallies
    std::shared_mutex cache_mutex_;
    std::map<std::string, std::vector<std::pair<std::string, Tally>>> cache_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
    return std::make_unique<SqliteStore>(path);
}

}  // namespace versus::service
