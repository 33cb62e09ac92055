// main.cpp — versus-votes: the vote service of versus widgets (votes-v1.md, docs/votes.md).
//
// Start: command line → payload files (the model's validator) → store (migrations, voter key,
// tally rows) → writer thread → HTTP. Stop (SIGTERM, SIGINT): stop accepting, answer every
// request in flight (their votes are committed first), drain the writer, exit 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "service/comparisons.hpp"
#include "service/config.hpp"
#include "service/http.hpp"
#include "service/store.hpp"

using namespace versus::service;

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = parse_command_line(args);
    if (auto* usage = std::get_if<Usage>(&parsed)) {
        std::cout << usage->text;
        return 0;
    }
    if (auto* error = std::get_if<ConfigError>(&parsed)) {
        std::cerr << "versus-votes: " << error->message << "\nTry 'versus-votes --help'.\n";
        return 2;
    }
    const Config config = std::get<Config>(parsed);

    Comparisons comparisons = load_comparisons(config.payloads);
    for (const std::string& w : comparisons.warnings) std::cerr << w << "\n";
    if (!comparisons.errors.empty()) {
        for (const std::string& e : comparisons.errors) std::cerr << e << "\n";
        std::cerr << "versus-votes: not started: " << comparisons.errors.size()
                  << " error(s) in the payload files of " << config.payloads << "\n";
        return 1;
    }

    // Signals go to one thread (sigwait), never into the middle of a request.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    std::unique_ptr<Store> store;
    std::vector<std::uint8_t> key;
    try {
        store = open_store(config.db);
        key = store->voter_key();
        std::vector<std::pair<std::string, std::string>> tools;
        for (const auto& [id, c] : comparisons.by_id) {
            for (const std::string& t : c.tools) tools.push_back({id, t});
        }
        store->ensure_tallies(tools);
    } catch (const StoreError& e) {
        std::cerr << "versus-votes: not started: " << e.what() << "\n";
        return 1;
    }

    VoteWriter writer(*store);
    const std::size_t served = comparisons.by_id.size();
    ServiceParts parts{config, std::move(comparisons), store.get(), &writer, key};
    HttpService http(std::move(parts));
    const int port = http.bind();
    if (port <= 0) {
        std::cerr << "versus-votes: not started: cannot listen on " << config.host << ":" << config.port
                  << " (in use, or not an address of this machine)\n";
        return 1;
    }
    const bool v6 = config.host.find(':') != std::string::npos;
    std::cerr << "versus-votes: " << served << " comparison(s), store " << store->describe()
              << ", rate " << (config.rate ? std::to_string(config.rate) + "/min" : std::string("unlimited"))
              << ", " << config.origins.size() << " allowed origin(s)\n";
    std::cout << "versus-votes: listening on http://" << (v6 ? "[" : "") << config.host << (v6 ? "]" : "")
              << ":" << port << std::endl;

    std::thread signals([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        http.stop();
    });
    const bool served_ok = http.listen();   // returns once stopped and every request answered
    pthread_kill(signals.native_handle(), SIGTERM);   // wake the signal thread if still waiting
    signals.join();
    writer.stop();
    std::cerr << "versus-votes: stopped; " << writer.votes() << " vote(s) stored in "
              << writer.batches() << " commit(s) since start\n";
    return served_ok ? 0 : 1;
}
