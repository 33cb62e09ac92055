// http.cpp — see http.hpp. Index:
//   [SECTION] Answers (JSON errors, CORS)
//   [SECTION] POST votes
//   [SECTION] GET tallies, healthz
//   [SECTION] Server setup
#include "service/http.hpp"

#include <sys/socket.h>

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "service/request.hpp"

namespace versus::service {

namespace {

// httplib::Server with a deeper listen backlog: its built-in one is 5, which makes 64 clients
// connecting at once wait for SYN retries. Linux lets listen() be called again to change it.
class Server : public httplib::Server {
public:
    void deepen_backlog() {
        const socket_t s = svr_sock_;
        if (s != INVALID_SOCKET) ::listen(s, 1024);
    }
};

std::string error_json(const std::string& sentence) {
    return nlohmann::json{{"error", sentence}}.dump();
}

std::array<std::uint8_t, 16> peer_address(const httplib::Request& req) {
    auto a = parse_address(req.remote_addr);
    return a ? *a : std::array<std::uint8_t, 16>{};
}

// A value from the request, quoted for an error sentence (cut, and safe whatever its bytes).
std::string in_quotes(const std::string& text, std::size_t max = 80) {
    return nlohmann::json(text.substr(0, max)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string tally_json(const std::string& tool, const Tally& t) {
    return "{\"tool\":\"" + tool + "\",\"ship\":" + std::to_string(t.ship) +
           ",\"skip\":" + std::to_string(t.skip) + "}";
}

}  // namespace

struct HttpService::Impl {
    ServiceParts parts;
    Server server;
    RateLimiter limiter;

    explicit Impl(ServiceParts p) : parts(std::move(p)), limiter(parts.config.rate) {}

    // [SECTION] Answers (JSON errors, CORS) ---------------------------------------------------

    void fail(httplib::Response& res, int status, const std::string& sentence) {
        res.status = status;
        res.set_content(error_json(sentence), "application/json");
    }

    // The request's Origin: absent (allowed), allowed (CORS headers added), or refused.
    enum class OriginCheck { Absent, Allowed, Refused };
    OriginCheck check_origin(const httplib::Request& req, httplib::Response& res) {
        if (!req.has_header("Origin")) return OriginCheck::Absent;
        res.set_header("Vary", "Origin");
        const std::string sent = req.get_header_value("Origin");
        const auto origin = canonical_origin(sent);
        if (origin) {
            for (const std::string& allowed : parts.config.origins) {
                if (allowed != *origin) continue;
                res.set_header("Access-Control-Allow-Origin", sent);
                res.set_header("Access-Control-Allow-Methods", "GET, POST");
                res.set_header("Access-Control-Allow-Headers", "Content-Type");
                return OriginCheck::Allowed;
            }
        }
        return OriginCheck::Refused;
    }

    bool refuse_origin(const httplib::Request& req, httplib::Response& res) {
        if (check_origin(req, res) != OriginCheck::Refused) return false;
        fail(res, 403, "the origin " + in_quotes(req.get_header_value("Origin")) +
                           " is not allowed to vote here (versus-votes --allow-origin)");
        return true;
    }

    const Comparison* find(const std::string& id) const {
        const auto it = parts.comparisons.by_id.find(id);
        return it == parts.comparisons.by_id.end() ? nullptr : &it->second;
    }

    void unknown_comparison(httplib::Response& res, const std::string& id) {
        fail(res, 404, "unknown comparison " + in_quotes(id) +
                           "; this service serves the ids of its payload files");
    }

    void method_not_allowed(const httplib::Request& req, httplib::Response& res, Endpoint e) {
        res.set_header("Allow", allowed_methods(e));
        fail(res, 405, "method " + req.method + " is not allowed here; allowed: " + allowed_methods(e));
    }

    // [SECTION] POST votes --------------------------------------------------------------------

    void post(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
        // Read at most 1 KiB. A Content-Length over it is skipped by httplib, which sets 413.
        std::string body;
        bool too_big = false;
        const bool complete = read([&](const char* data, std::size_t length) {
            if (body.size() + length > kMaxBodyBytes) {
                too_big = true;
                return false;
            }
            body.append(data, length);
            return true;
        });
        const Route r = route(req.path);
        if (r.endpoint != Endpoint::Votes) {
            if (refuse_origin(req, res)) return;
            if (r.endpoint == Endpoint::None) return no_endpoint(req, res);
            return method_not_allowed(req, res, r.endpoint);
        }
        if (refuse_origin(req, res)) return;
        const Comparison* comparison = find(r.comparison);
        if (!comparison) return unknown_comparison(res, r.comparison);
        if (too_big || res.status == 413) {
            res.set_header("Connection", "close");
            return fail(res, 413, "the body is over 1 KiB (1024 bytes); nothing was stored");
        }
        if (!complete) return fail(res, 400, "the body could not be read; nothing was stored");
        if (!is_json_content_type(req.get_header_value("Content-Type"))) {
            const std::string sent = req.get_header_value("Content-Type");
            return fail(res, 415, "the content type must be application/json, got " +
                                      (sent.empty() ? std::string("none") : in_quotes(sent)) +
                                      "; nothing was stored");
        }
        auto parsed = parse_vote_body(body);
        if (auto* sentence = std::get_if<std::string>(&parsed)) return fail(res, 400, *sentence + "; nothing was stored");
        VoteBody& vote = std::get<VoteBody>(parsed);
        if (!comparison->has_tool(vote.tool)) {
            return fail(res, 422, "unknown tool " + in_quotes(vote.tool) +
                                      " for comparison \"" + comparison->id + "\"; nothing was stored");
        }
        const auto client = client_address(peer_address(req), req.get_header_value("X-Forwarded-For"),
                                           parts.config.trusted_proxies);
        if (const int wait = limiter.take(client_key(client))) {
            res.set_header("Retry-After", std::to_string(wait));
            return fail(res, 429, "too many votes from this address (at most " +
                                      std::to_string(parts.config.rate) +
                                      " a minute); try again in " + std::to_string(wait) +
                                      " s; nothing was stored");
        }
        if (!parts.writer) {   // the constant baseline of the benchmarks
            res.set_content(tally_json(vote.tool, {}), "application/json");
            return;
        }
        StoredVote stored{comparison->id, vote.tool, hash_voter(parts.voter_key, vote.voter), vote.verdict};
        const VoteOutcome outcome = parts.writer->submit(std::move(stored)).get();
        if (!outcome.stored) {
            return fail(res, 503, "the vote was not stored (" + outcome.error + "); try again later");
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(tally_json(vote.tool, outcome.tally), "application/json");
    }

    // [SECTION] GET tallies, healthz ----------------------------------------------------------

    void get(const httplib::Request& req, httplib::Response& res) {
        const Route r = route(req.path);
        if (refuse_origin(req, res)) return;
        switch (r.endpoint) {
        case Endpoint::Health: return health(res);
        case Endpoint::Tallies: return tallies(req, res, r.comparison);
        case Endpoint::Votes: return method_not_allowed(req, res, r.endpoint);
        default: return no_endpoint(req, res);
        }
    }

    void health(httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        const bool ok = !parts.store || (parts.store->probe_read() && parts.writer->probe(3000));
        res.status = ok ? 200 : 503;
        res.set_content(ok ? "ok" : "the store cannot be read or written", "text/plain");
    }

    void tallies(const httplib::Request& req, httplib::Response& res, const std::string& id) {
        const Comparison* comparison = find(id);
        if (!comparison) return unknown_comparison(res, id);
        std::vector<std::pair<std::string, Tally>> stored;
        if (parts.store) {
            try {
                stored = parts.store->tallies(id);
            } catch (const StoreError& e) {
                return fail(res, 503, std::string("the tallies cannot be read (") + e.what() + "); try again later");
            }
        }
        std::string body = "{\"comparison\":\"" + id + "\",\"tools\":{";
        for (std::size_t i = 0; i < comparison->tools.size(); ++i) {
            const std::string& tool = comparison->tools[i];
            Tally t;
            for (const auto& [name, tally] : stored) {
                if (name == tool) t = tally;
            }
            body += (i ? ",\"" : "\"") + tool + "\":{\"ship\":" + std::to_string(t.ship) +
                    ",\"skip\":" + std::to_string(t.skip) + "}";
        }
        body += "}}";
        std::uint64_t h = 1469598103934665603ull;   // FNV-1a of the body
        for (unsigned char c : body) h = (h ^ c) * 1099511628211ull;
        char etag[24];
        std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(h));
        res.set_header("ETag", etag);
        res.set_header("Cache-Control", "public, max-age=" + std::to_string(kTallyMaxAgeSeconds));
        if (etag_matches(req.get_header_value("If-None-Match"), etag)) {
            res.status = 304;
            return;
        }
        res.set_content(body, "application/json");
    }

    static bool etag_matches(const std::string& header, const std::string& etag) {
        if (header.empty()) return false;
        std::size_t start = 0;
        while (start <= header.size()) {
            std::size_t comma = header.find(',', start);
            if (comma == std::string::npos) comma = header.size();
            std::string item = header.substr(start, comma - start);
            const auto first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
            item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
            if (item.rfind("W/", 0) == 0) item = item.substr(2);
            if (item == "*" || item == etag) return true;
            start = comma + 1;
        }
        return false;
    }

    void options(const httplib::Request& req, httplib::Response& res) {
        const Route r = route(req.path);
        const OriginCheck origin = check_origin(req, res);
        if (origin == OriginCheck::Refused) {
            refuse_origin(req, res);
            return;
        }
        if (r.endpoint == Endpoint::None) return no_endpoint(req, res);
        if (r.endpoint != Endpoint::Health && !find(r.comparison)) return unknown_comparison(res, r.comparison);
        res.status = 204;
        res.set_header("Allow", allowed_methods(r.endpoint));
        if (origin == OriginCheck::Allowed) res.set_header("Access-Control-Max-Age", "600");
    }

    void no_endpoint(const httplib::Request& req, httplib::Response& res) {
        fail(res, 404, "no such endpoint " + in_quotes(req.path) +
                           "; the endpoints are POST /v1/comparisons/{comparison}/votes, "
                           "GET /v1/comparisons/{comparison}/tallies and GET /healthz");
    }

    // Answers httplib makes itself (bad HTTP, other methods): a JSON sentence too.
    void error(const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (check_origin(req, res) == OriginCheck::Refused) {
            refuse_origin(req, res);
            return;
        }
        const Route r = route(req.path);
        if (res.status == 404 && r.endpoint != Endpoint::None) return method_not_allowed(req, res, r.endpoint);
        if (res.status == 404) return no_endpoint(req, res);
        if (res.status == 413) return fail(res, 413, "the body is over 1 KiB (1024 bytes); nothing was stored");
        if (res.status == 414) return fail(res, 414, "the request line is too long");
        if (res.status == 400) return fail(res, 400, "the request is not valid HTTP/1.1");
        fail(res, res.status, "HTTP status " + std::to_string(res.status));
    }
};

// [SECTION] Server setup ----------------------------------------------------------------------

HttpService::HttpService(ServiceParts parts) : impl_(std::make_unique<Impl>(std::move(parts))) {
    Impl& s = *impl_;
    const int threads = s.parts.config.threads;
    s.server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    s.server.set_payload_max_length(kMaxBodyBytes);
    s.server.set_keep_alive_max_count(10000);
    s.server.set_keep_alive_timeout(5);
    s.server.set_read_timeout(5);
    s.server.set_write_timeout(5);
    s.server.set_tcp_nodelay(true);
    s.server.Post(".*", [&s](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
        s.post(req, res, read);
    });
    s.server.Get(".*", [&s](const httplib::Request& req, httplib::Response& res) { s.get(req, res); });
    s.server.Options(".*", [&s](const httplib::Request& req, httplib::Response& res) { s.options(req, res); });
    const auto other = [&s](const httplib::Request& req, httplib::Response& res) {   // PUT, PATCH, DELETE
        if (s.refuse_origin(req, res)) return;
        const Route r = route(req.path);
        if (r.endpoint == Endpoint::None) return s.no_endpoint(req, res);
        s.method_not_allowed(req, res, r.endpoint);
    };
    s.server.Put(".*", other);
    s.server.Patch(".*", other);
    s.server.Delete(".*", other);
    s.server.set_error_handler([&s](const httplib::Request& req, httplib::Response& res) { s.error(req, res); });
    s.server.set_exception_handler([&s](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        s.fail(res, 500, "the service failed on this request; nothing was stored");
    });
}

HttpService::~HttpService() = default;

int HttpService::bind() {
    Impl& s = *impl_;
    int port = s.parts.config.port;
    if (port == 0) {
        port = s.server.bind_to_any_port(s.parts.config.host);
    } else if (!s.server.bind_to_port(s.parts.config.host, port)) {
        port = -1;
    }
    if (port > 0) s.server.deepen_backlog();
    return port;
}

bool HttpService::listen() { return impl_->server.listen_after_bind(); }

void HttpService::stop() { impl_->server.stop(); }

}  // namespace versus::service
