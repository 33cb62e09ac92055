// config.cpp — see config.hpp.
#include "service/config.hpp"

#include <cerrno>
#include <cstdlib>

namespace versus::service {

const char* help_text() {
    return R"(versus-votes — the vote service of versus widgets (docs/votes.md, votes-v1.md)

Usage:
  versus-votes --payloads DIR [--db sqlite:PATH | --db postgresql://...] [--listen HOST:PORT]
               [--allow-origin ORIGIN]... [--rate N] [--trust-proxy ADDR[/PREFIX]]...

  --payloads DIR        the payload files (*.json) whose comparisons it serves, by their "id";
                        a file with errors stops it at start; a payload without "id" is skipped
  --db sqlite:PATH      SQLite store (WAL), made on first start (default sqlite:versus-votes.db)
  --db postgresql://USER@HOST:PORT/DB
                        a PostgreSQL store, shared by every instance pointed at it
  --listen HOST:PORT    where to listen (default 127.0.0.1:8787; port 0 picks a free port)
  --allow-origin ORIGIN a page origin allowed to vote, e.g. https://blog.example.com
                        (repeatable; none: only requests without an Origin header)
  --rate N              votes per minute per client address (IPv4 address, IPv6 /64);
                        default 60, 0 means no limit
  --trust-proxy ADDR[/PREFIX]
                        a reverse proxy whose X-Forwarded-For names the client (repeatable,
                        opt-in; without it the TCP peer is the client)
  --threads N           connections served at once (default 128)
  --help, --version

It prints "versus-votes: listening on http://HOST:PORT" once it answers. SIGTERM or Ctrl+C
finishes the votes in flight and exits 0. Exit 1: a payload or the store cannot be used;
exit 2: a bad command line.
)";
}

namespace {

std::optional<long> whole_number(const std::string& text, long min, long max) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    const long n = std::strtol(text.c_str(), nullptr, 10);
    if (n < min || n > max) return std::nullopt;
    return n;
}

}  // namespace

std::variant<Config, Usage, ConfigError> parse_command_line(const std::vector<std::string>& args) {
    Config config;
    bool have_payloads = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i], value;
        bool has_value = false;
        if (flag == "--help" || flag == "-h") return Usage{help_text()};
        if (flag == "--version") return Usage{"versus-votes " VERSUS_VERSION "\n"};
        const std::size_t eq = flag.find('=');
        if (flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            has_value = true;
        }
        const bool known = flag == "--payloads" || flag == "--db" || flag == "--listen" ||
                           flag == "--allow-origin" || flag == "--rate" ||
                           flag == "--trust-proxy" || flag == "--threads";
        if (!known) {
            return ConfigError{flag.rfind("-", 0) == 0 ? "unknown option " + flag
                                                       : "unexpected argument \"" + flag + "\""};
        }
        if (!has_value) {
            if (i + 1 >= args.size()) return ConfigError{flag + " needs a value"};
            value = args[++i];
        }
        if (flag == "--payloads") {
            if (value.empty()) return ConfigError{"--payloads needs a folder"};
            config.payloads = value;
            have_payloads = true;
        } else if (flag == "--db") {
            const bool sqlite = value.rfind("sqlite:", 0) == 0 && value.size() > 7;
            const bool pg = value.rfind("postgresql://", 0) == 0 || value.rfind("postgres://", 0) == 0;
            if (!sqlite && !pg) {
                return ConfigError{"--db must be sqlite:PATH or a postgresql:// URI, got \"" + value + "\""};
            }
            config.db = value;
        } else if (flag == "--listen") {
            const std::size_t colon = value.rfind(':');
            if (colon == std::string::npos || colon == 0) {
                return ConfigError{"--listen must be HOST:PORT (e.g. 127.0.0.1:8787), got \"" + value + "\""};
            }
            std::string host = value.substr(0, colon);
            if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
            const auto port = whole_number(value.substr(colon + 1), 0, 65535);
            if (!port) return ConfigError{"--listen needs a port from 0 to 65535, got \"" + value + "\""};
            config.host = host;
            config.port = static_cast<int>(*port);
        } else if (flag == "--allow-origin") {
            const auto origin = canonical_origin(value);
            if (!origin) {
                return ConfigError{"--allow-origin must be an origin such as https://blog.example.com "
                                   "(scheme://host[:port], no path), got \"" + value + "\""};
            }
            config.origins.push_back(*origin);
        } else if (flag == "--rate") {
            const auto n = whole_number(value, 0, 1000000);
            if (!n) return ConfigError{"--rate needs a whole number of votes per minute from 0 to 1000000, got \"" + value + "\""};
            config.rate = static_cast<int>(*n);
        } else if (flag == "--trust-proxy") {
            const auto network = parse_network(value);
            if (!network) {
                return ConfigError{"--trust-proxy needs an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8), got \"" + value + "\""};
            }
            config.trusted_proxies.push_back(*network);
        } else if (flag == "--threads") {
            const auto n = whole_number(value, 4, 4096);
            if (!n) return ConfigError{"--threads needs a whole number from 4 to 4096, got \"" + value + "\""};
            config.threads = static_cast<int>(*n);
        }
    }
    if (!have_payloads) return ConfigError{"--payloads DIR is required (the folder of payload files to serve)"};
    return config;
}

}  // namespace versus::service
