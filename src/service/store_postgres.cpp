// store_postgres.cpp — the shared store: several versus-votes instances behind a load balancer
// point at one PostgreSQL and get one consistent tally. libpq (Debian's libpq-dev), one writer
// connection (the VoteWriter's thread) and a small pool of reader connections.
//
// Two instances write at once: a vote row is locked (SELECT ... FOR UPDATE) before it changes,
// an insert that loses a race to the other instance's insert (ON CONFLICT DO NOTHING) reads the
// winner's row and goes on from there, and rows are always locked in one order (Store::apply),
// so deadlocks cannot form; a deadlock or serialization failure anyway runs the batch again.
// A commit returns once PostgreSQL has flushed its WAL (synchronous_commit stays on).
//
// Round trips are what a PostgreSQL writer waits on, so a batch is two of them: every vote as one
// statement that returns the verdict it replaced (INSERT ... ON CONFLICT DO UPDATE ... RETURNING
// prev, or DELETE ... RETURNING verdict), sent together; then the tallies' changes and COMMIT.
// The statements are written with literals: comparison and tool ids match ^[a-z0-9][a-z0-9-]*$
// (checked again here) and the voter is a hex bytea, so nothing needs quoting.
#include <libpq-fe.h>
#include <openssl/rand.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
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
    // The verdict a row had before its last change, so that one INSERT ... ON CONFLICT DO UPDATE
    // both writes a vote and says what it replaced (one statement per vote, no SELECT first).
    {2, R"(
ALTER TABLE votes ADD COLUMN prev SMALLINT;
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
            readers_.add(std::make_unique<Connection>(uri_));
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

    std::vector<Tally> apply(const std::vector<StoredVote>& votes) override {
        const std::vector<std::size_t> order = lock_order(votes);
        writer_.ensure_connected();
        std::string sql = "BEGIN;";
        for (std::size_t i : order) {
            const StoredVote& v = votes[i];
            const std::string key = "'" + safe_id(v.comparison) + "', '" + safe_id(v.tool) + "', '\\x" +
                                    to_hex(std::vector<std::uint8_t>(v.voter.begin(), v.voter.end())) + "'::bytea";
            if (v.verdict == VerdictChoice::None) {
                sql += "DELETE FROM votes WHERE (comparison, tool, voter) = (" + key + ") RETURNING verdict;";
            } else {
                sql += "INSERT INTO votes (comparison, tool, voter, verdict) VALUES (" + key + ", " +
                       std::to_string(static_cast<int>(v.verdict)) +
                       ") ON CONFLICT (comparison, tool, voter) DO UPDATE SET verdict = EXCLUDED.verdict, "
                       "prev = votes.verdict RETURNING prev;";
            }
        }
        std::vector<Tally> delta(votes.size());
        try {
            std::vector<PGresult*> results = send(sql);
            for (std::size_t k = 0; k < order.size(); ++k) {
                PGresult* r = results[k + 1];   // results[0] is BEGIN's
                const StoredVote& v = votes[order[k]];
                VerdictChoice old = VerdictChoice::None;
                if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0)) old = static_cast<VerdictChoice>(std::atoi(PQgetvalue(r, 0, 0)));
                if (v.verdict == VerdictChoice::None && PQntuples(r) == 0) old = VerdictChoice::None;
                delta[order[k]] = delta_of(old, v.verdict);
            }
            for (PGresult* r : results) PQclear(r);
            // The tallies, in lock order, and COMMIT: one more round trip.
            std::string update;
            std::vector<std::pair<std::string, std::string>> tools;
            answers(votes, order, delta, [&](const std::string& c, const std::string& t, const Tally& d) {
                update += "UPDATE tallies SET ship = ship + " + std::to_string(d.ship) + ", skip = skip + " +
                          std::to_string(d.skip) + " WHERE comparison = '" + safe_id(c) + "' AND tool = '" +
                          safe_id(t) + "' RETURNING ship, skip;";
                tools.push_back({c, t});
                return Tally{};
            });
            results = send(update + "COMMIT;");
            std::map<std::pair<std::string, std::string>, Tally> after;
            for (std::size_t k = 0; k < tools.size(); ++k) {
                PGresult* r = results[k];
                if (PQntuples(r) != 1) {
                    for (PGresult* x : results) PQclear(x);
                    throw StoreError("no tally row for " + tools[k].first + "/" + tools[k].second);
                }
                after[tools[k]] = {std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10), std::strtoll(PQgetvalue(r, 0, 1), nullptr, 10)};
            }
            for (PGresult* r : results) PQclear(r);
            return answers(votes, order, delta, [&](const std::string& c, const std::string& t, const Tally&) {
                return after[{c, t}];
            });
        } catch (...) {
            rollback();
            throw;
        }
    }

    std::vector<std::pair<std::string, Tally>> tallies(const std::string& comparison) override {
        ReaderPool<std::unique_ptr<Connection>>::Lease lease(readers_);
        Connection& c = **lease;
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
            ReaderPool<std::unique_ptr<Connection>>::Lease lease(readers_);
            Connection& c = **lease;
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
    static const std::string& safe_id(const std::string& id) {
        const bool ok = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (!ok) throw StoreError("an id that is not an id reached the store: refused");
        return id;
    }

    // Sends statements as one simple query; returns one result per statement. The first error
    // (the rest are skipped by the server) throws, after every result is read.
    std::vector<PGresult*> send(const std::string& sql) {
        PGconn* conn = writer_.raw();
        if (!PQsendQuery(conn, sql.c_str())) {
            throw StoreError(std::string("PostgreSQL: ") + PQerrorMessage(conn));
        }
        std::vector<PGresult*> results;
        std::string error;
        bool retry = false;
        while (PGresult* r = PQgetResult(conn)) {
            const ExecStatusType status = PQresultStatus(r);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && error.empty()) {
                const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
                retry = state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0);
                error = PQresultErrorMessage(r);
                while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
                if (error.empty()) error = "the query failed";
            }
            results.push_back(r);
        }
        if (!error.empty() || PQstatus(conn) != CONNECTION_OK) {
            for (PGresult* r : results) PQclear(r);
            if (error.empty()) error = PQerrorMessage(conn);
            throw StoreError("PostgreSQL: " + error, retry);
        }
        return results;
    }

    static constexpr int kReaders = 4;
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
    ReaderPool<std::unique_ptr<Connection>> readers_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& uri) {
    return std::make_unique<PostgresStore>(uri);
}

}  // namespace versus::service
