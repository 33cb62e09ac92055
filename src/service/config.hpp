// config.hpp — versus-votes' command line (votes-v1.md, "versus-votes, the project's service").
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "service/request.hpp"

namespace versus::service {

struct Config {
    std::string payloads;                        // --payloads DIR (required)
    std::string db = "sqlite:versus-votes.db";   // --db
    std::string host = "127.0.0.1";              // --listen HOST:PORT
    int port = 8787;
    std::vector<std::string> origins;            // --allow-origin, canonical
    int rate = 60;                               // --rate N votes/minute/address; 0: no limit
    std::vector<Network> trusted_proxies;        // --trust-proxy ADDR[/PREFIX]
    int threads = 128;                           // --threads N: HTTP connections served at once
};

struct Usage {                                    // --help / --version: print, exit 0
    std::string text;
};

// The parsed command line, what to print and exit 0 with, or the error sentence (exit 2).
struct ConfigError {
    std::string message;
};
std::variant<Config, Usage, ConfigError> parse_command_line(const std::vector<std::string>& args);

const char* help_text();

}  // namespace versus::service
