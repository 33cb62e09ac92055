// live_votes.hpp — `versus --votes URL`: a vote service's live tallies for the previewed payload.
//
// Why: an author previewing a payload should see what readers see, and readers see the payload's
// counts plus every reader's votes held by the publisher's vote service (docs/votes.md). The
// tallies come over HTTP, which can take seconds or never answer; the window must not wait for
// it. So one background thread does the fetching (cpp-httplib's client, with timeouts) and hands
// the answers over; the UI thread only takes what has arrived, between frames. The thread wakes
// the window (glfwPostEmptyEvent through `wake`) only when something changed: an unchanged tally
// (ETag → 304 Not Modified) costs the window nothing.
//
// When it fetches: as soon as the comparison is known (the start, and every reload of the payload
// file, since its id may change), when the author asks (Ctrl+R), and every `every` seconds while
// the window is shown (not while it is minimised; 0 = never on a timer).
#pragma once

#include "model/tallies.hpp"
#include "present/words.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace versus::desktop {

// A vote service's base URL split for an HTTP client: "https://votes.example:8443/api/" →
// {"https://votes.example:8443", "/api"}. Only http and https, with a host; no query or fragment.
struct ServiceUrl {
    std::string origin;   // scheme://host[:port]
    std::string prefix;   // path before /v1/..., without a trailing slash ("" for the root)
};
std::optional<ServiceUrl> parse_service_url(const std::string& url, std::string& why);

// One fetch's outcome, as the window shows it.
struct LiveTallies {
    std::string comparison;             // what was asked for ("" = the payload has no id)
    std::optional<Tallies> tallies;     // set when the service answered them
    std::string error;                  // a sentence when it could not (unreachable, 404, ...)
    int fetches = 0;                    // answers so far (200 or 304), for the state dump and tests
};

// GET {base}/v1/comparisons/{comparison}/tallies once, blocking (the PNG export uses it as is).
// `etag`, when not empty, is sent as If-None-Match; a 304 then returns `not_modified`.
struct FetchResult {
    std::optional<Tallies> tallies;
    std::string error;
    std::string etag;
    bool not_modified = false;
};
// `on_client`, when given, is called with a function that cuts the request short (from another
// thread), and with nullptr once the request is over.
FetchResult fetch_tallies(const ServiceUrl& service, const std::string& comparison, const std::string& etag = {},
                          const std::function<void(std::function<void()>)>& on_client = {});

// What the window says of the live votes: the quiet line under the comparison, and the problem
// to print (once) when there is one ("" when all is well or still waiting).
struct LiveVotesNote {
    std::string text;
    std::string problem;
};
// The text in `words`' language (the labels live_votes_*).
LiveVotesNote live_votes_note(const std::string& url, const LiveTallies& state, const present::Words& words);

class LiveVotes {
public:
    // `wake` is called from the background thread when a new result is ready.
    LiveVotes(ServiceUrl service, std::string display_url, double every_seconds, std::function<void()> wake);
    ~LiveVotes();   // stops the thread (an unanswered request is cut short)
    LiveVotes(const LiveVotes&) = delete;
    LiveVotes& operator=(const LiveVotes&) = delete;

    // The comparison to follow (the payload's id; "" when it has none). Fetches at once when it
    // differs from the one followed, or when `again` is set (a reload).
    void follow(const std::string& comparison, bool again);
    // Fetch now (the author pressed Ctrl+R).
    void refresh();
    // Whether the window is shown: the timer only runs while it is.
    void set_shown(bool shown);

    // The latest outcome, when it changed since the last call.
    std::optional<LiveTallies> take();

    const std::string& url() const { return display_url_; }

private:
    void run();

    ServiceUrl service_;
    std::string display_url_;
    std::chrono::duration<double> every_;
    std::function<void()> wake_;

    std::mutex mutex_;
    std::condition_variable cv_;
    std::string comparison_;
    bool want_ = false;         // a fetch is asked for
    bool shown_ = true;
    bool stop_ = false;
    bool fresh_ = false;        // `latest_` changed since take()
    LiveTallies latest_;
    std::function<void()> cancel_;   // cuts the request in flight short (set while there is one)
    std::thread thread_;
};

}  // namespace versus::desktop
