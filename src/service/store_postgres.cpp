// store_postgres.cpp — the shared store: several versus-votes instances behind a load balancer
// point at one PostgreSQL and get one consistent tally. libpq (Debian's libpq-dev), one writer
// connection (the VoteWriter's thread) and a small pool of reader connections.
//
// Two instances write at once: a vote row is locked (SELECT ... FOR UPDATE) before it changes,
// an insert that loses a race to the other instance's insert (ON CONFLICT DO NOTHING) reads the
// winner's row and goes on from there, and rows are always locked in one order (Store::apply),
// so deadlocks cannot form; a deadlock or serialization failure anyway runs the batch again.
// A commit returns once PostgreSQL has flushed its WAL (synchronous_commit stays on).
#include <libpq-fe.h>
#include <openssl/rand.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "service/store.hpp"
#include "service/store_internal.hpp"

namespace versus::service {

namespace {

const Migration kPostgresMigrations[] = {
    {1, R"(
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE votes (
  comparison TEXT NOT NULL,
  tool TEXT NOT NULL,
  voter BYTEA NOT NULL,                        -- HMAC-SHA256(meta.voter_key, voter id)
  verdict SMALLINT NOT NULL CHECK (verdict IN (1, 2)),   -- 1 ship, 2 skip
  PRIMARY KEY (comparison, tool, voter)
);
CREATE TABLE tallies (
  comparison TEXT NOT NULL,
  tool TEXT NOT NULL,
  ship BIGINT NOT NULL DEFAULT 0 CHECK (ship >= 0),
  skip BIGINT NOT NULL DEFAULT 0 CHECK (skip >= 0),
  PRIMARY KEY (comparison, tool)
);
)"},
};

// The URI without its password, for messages.
std::string redact(const std::string& uri) {
    const std::size_t scheme = uri.find("://");
    const std::size_t at = uri.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return uri;
    const std::size_t colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + ":***" + uri.substr(at);
}

struct Result {
    PGresult* r = nullptr;
    explicit Result(PGresult* r) : r(r) {}
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result() { PQclear(r); }
};

// A connection with its prepared statements; reconnects when the server went away.
class Connection {
public:
    explicit Connection(std::string uri) : uri_(std::move(uri)) { connect(); }
    ~Connection() { PQfinish(conn_); }

    void connect() {
        if (conn_) PQfinish(conn_);
        const char* keys[] = {"dbname", "connect_timeout", "options", "application_name", nullptr};
        const char* values[] = {uri_.c_str(), "5", "-c statement_timeout=10000",
                                "versus-votes", nullptr};
        conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string what = std::string("cannot connect to PostgreSQL at ") + redact(uri_) +
                               ": " + PQerrorMessage(conn_);
            while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
            throw StoreError(what);
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
        prepared_.clear();
    }
    void ensure_connected() {
        if (PQstatus(conn_) != CONNECTION_OK) connect();
    }

    // Runs SQL (no parameters); throws StoreError.
    void exec(const char* sql) { check(Result(PQexec(conn_, sql)).r, sql); }

    // A prepared statement by name, prepared on first use; params are text, or binary when
    // `binary` has a 1 at their place.
    PGresult* run(const char* name, const char* sql, std::vector<std::string> params,
                  std::vector<int> binary = {}) {
        if (std::find(prepared_.begin(), prepared_.end(), name) == prepared_.end()) {
            Result p(PQprepare(conn_, name, sql, static_cast<int>(params.size()), nullptr));
            check(p.r, sql);
            prepared_.push_back(name);
        }
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
        for (std::size_t i = 0; i < params.size(); ++i) {
            values.push_back(params[i].data());
            lengths.push_back(static_cast<int>(params[i].size()));
            formats.push_back(i < binary.size() ? binary[i] : 0);
        }
        PGresult* r = PQexecPrepared(conn_, name, static_cast<int>(params.size()), values.data(),
                                     lengths.data(), formats.data(), 0);
        try {
            check(r, sql);
        } catch (...) {
            PQclear(r);
            throw;
        }
        return r;
    }

    PGconn* raw() { return conn_; }

private:
    void check(PGresult* r, const char* what) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        const bool retry = state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0);
        std::string message = PQresultErrorMessage(r);
        if (message.empty()) message = PQerrorMessage(conn_);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        (void)what;
        throw StoreError("PostgreSQL: " + message, retry);
    }

    std::string uri_;
    PGconn* conn_ = nullptr;
    std::vector<std::string> prepared_;
};

std::string voter_bytes(const VoterHash& h) {
    return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}

class PostgresStore final : public Store {
public:
    explicit PostgresStore(std::string uri) : uri_(std::move(uri)), writer_(uri_) {
        migrate();
        for (int i = 0; i < kReaders; ++i) {
            readers_.push_back(std::make_unique<Connection>(uri_));
            free_.push_back(i);
        }
    }

    std::string describe() const override { return "PostgreSQL " + redact(uri_); }

    std::vector<std::uint8_t> voter_key() override {
        std::vector<std::uint8_t> fresh(32);
        if (RAND_bytes(fresh.data(), static_cast<int>(fresh.size())) != 1) {
            throw StoreError("cannot make a random voter key (OpenSSL RAND_bytes failed)");
        }
        Result(writer_.run("key_put", "INSERT INTO meta (name, value) VALUES ('voter_key', $1) ON CONFLICT DO NOTHING",
                           {to_hex(fresh)}));
        Result r(writer_.run("key_get", "SELECT value FROM meta WHERE name='voter_key'", {}));
        if (PQntuples(r.r) != 1) throw StoreError("the store has no voter key");
        return from_hex(PQgetvalue(r.r, 0, 0));
    }

    void ensure_tallies(const std::vector<std::pair<std::string, std::string>>& tools) override {
        writer_.exec("BEGIN");
        try {
            for (const auto& [comparison, tool] : tools) {
                Result(writer_.run("tally_make", "INSERT INTO tallies (comparison, tool) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                   {comparison, tool}));
            }
            writer_.exec("COMMIT");
        } catch (...) {
            rollback();
            throw;
        }
    }

    void probe_write() override {
        begin();
        commit();
    }

    std::vector<std::pair<std::string, Tally>> tallies(const std::string& comparison) override {
        Lease lease(*this);
        Connection& c = lease.connection();
        for (int attempt = 0;; ++attempt) {
            try {
                c.ensure_connected();
                Result r(c.run("tallies", "SELECT tool, ship, skip FROM tallies WHERE comparison=$1", {comparison}));
                std::vector<std::pair<std::string, Tally>> out;
                for (int i = 0; i < PQntuples(r.r); ++i) {
                    out.push_back({PQgetvalue(r.r, i, 0),
                                   {std::strtoll(PQgetvalue(r.r, i, 1), nullptr, 10),
                                    std::strtoll(PQgetvalue(r.r, i, 2), nullptr, 10)}});
                }
                return out;
            } catch (const StoreError&) {
                if (attempt >= 1) throw;
                if (PQstatus(c.raw()) == CONNECTION_OK) throw;   // not a lost connection
            }
        }
    }

    bool probe_read() override {
        try {
            Lease lease(*this);
            Connection& c = lease.connection();
            c.ensure_connected();
            Result r(c.run("probe", "SELECT count(*) FROM meta", {}));
            return PQntuples(r.r) == 1;
        } catch (const StoreError&) {
            return false;
        }
    }

protected:
    void begin() override {
        writer_.ensure_connected();
        writer_.exec("BEGIN");
    }
    void commit() override { writer_.exec("COMMIT"); }
    void rollback() noexcept override {
        if (PQtransactionStatus(writer_.raw()) != PQTRANS_IDLE) {
            PQclear(PQexec(writer_.raw(), "ROLLBACK"));
        }
    }
    VerdictChoice current(const StoredVote& v) override {
        Result r(writer_.run("get", "SELECT verdict FROM votes WHERE comparison=$1 AND tool=$2 AND voter=$3 FOR UPDATE",
                             {v.comparison, v.tool, voter_bytes(v.voter)}, {0, 0, 1}));
        if (PQntuples(r.r) == 0) return VerdictChoice::None;
        return static_cast<VerdictChoice>(std::atoi(PQgetvalue(r.r, 0, 0)));
    }
    bool insert(const StoredVote& v) override {
        Result r(writer_.run("insert", "INSERT INTO votes (comparison, tool, voter, verdict) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                             {v.comparison, v.tool, voter_bytes(v.voter), std::to_string(static_cast<int>(v.verdict))},
                             {0, 0, 1, 0}));
        return std::strcmp(PQcmdTuples(r.r), "1") == 0;
    }
    void update(const StoredVote& v) override {
        Result(writer_.run("update", "UPDATE votes SET verdict=$4 WHERE comparison=$1 AND tool=$2 AND voter=$3",
                           {v.comparison, v.tool, voter_bytes(v.voter), std::to_string(static_cast<int>(v.verdict))},
                           {0, 0, 1, 0}));
    }
    void remove(const StoredVote& v) override {
        Result(writer_.run("delete", "DELETE FROM votes WHERE comparison=$1 AND tool=$2 AND voter=$3",
                           {v.comparison, v.tool, voter_bytes(v.voter)}, {0, 0, 1}));
    }
    Tally add_to_tally(const std::string& comparison, const std::string& tool, const Tally& d) override {
        Result r(writer_.run("add", "UPDATE tallies SET ship=ship+$3, skip=skip+$4 WHERE comparison=$1 AND tool=$2 RETURNING ship, skip",
                             {comparison, tool, std::to_string(d.ship), std::to_string(d.skip)}));
        if (PQntuples(r.r) != 1) throw StoreError("no tally row for " + comparison + "/" + tool);
        return {std::strtoll(PQgetvalue(r.r, 0, 0), nullptr, 10), std::strtoll(PQgetvalue(r.r, 0, 1), nullptr, 10)};
    }

private:
    static constexpr int kReaders = 4;
    class Lease {
    public:
        explicit Lease(PostgresStore& s) : store_(s) {
            std::unique_lock<std::mutex> lock(s.pool_mutex_);
            s.pool_cv_.wait(lock, [&] { return !s.free_.empty(); });
            index_ = s.free_.back();
            s.free_.pop_back();
        }
        ~Lease() {
            {
                std::lock_guard<std::mutex> lock(store_.pool_mutex_);
                store_.free_.push_back(index_);
            }
            store_.pool_cv_.notify_one();
        }
        Connection& connection() { return *store_.readers_[static_cast<std::size_t>(index_)]; }

    private:
        PostgresStore& store_;
        int index_ = 0;
    };

    void migrate() {
        writer_.exec("BEGIN");
        try {
            // Two instances starting at once: one migrates, the other waits, then sees it done.
            writer_.exec("SELECT pg_advisory_xact_lock(7781001)");
            writer_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            Result max(PQexec(writer_.raw(), "SELECT coalesce(max(version), 0) FROM schema_migrations"));
            if (PQresultStatus(max.r) != PGRES_TUPLES_OK) throw StoreError(std::string("PostgreSQL: ") + PQerrorMessage(writer_.raw()));
            const std::int64_t have = std::strtoll(PQgetvalue(max.r, 0, 0), nullptr, 10);
            check_known_version(have, kPostgresMigrations);
            for (const Migration& m : kPostgresMigrations) {
                if (m.version <= have) continue;
                writer_.exec(m.sql);
                Result(writer_.run("migrated", "INSERT INTO schema_migrations (version) VALUES ($1)", {std::to_string(m.version)}));
            }
            writer_.exec("COMMIT");
        } catch (...) {
            rollback();
            throw;
        }
    }

    std::string uri_;
    Connection writer_;
    std::vector<std::unique_ptr<Connection>> readers_;
    std::vector<int> free_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& uri) {
    return std::make_unique<PostgresStore>(uri);
}

}  // namespace versus::service
