// live_votes.cpp — the vote service's tallies for the viewer, fetched off the UI thread (see
// live_votes.hpp).
#include "platform/desktop/live_votes.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>

namespace versus::desktop {

namespace {

// Waiting longer than this for a service is waiting for nothing: the window says it can't reach it.
constexpr time_t kConnectSeconds = 3;
constexpr time_t kReadSeconds = 5;

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// The service's own sentence from an error body {"error": "..."}, if there is one.
std::string error_sentence(const std::string& body) {
    const auto key = body.find("\"error\"");
    if (key == std::string::npos) return {};
    const auto open = body.find('"', body.find(':', key));
    if (open == std::string::npos) return {};
    std::string out;
    for (size_t i = open + 1; i < body.size() && body[i] != '"' && out.size() < 200; ++i) {
        if (body[i] == '\\' && i + 1 < body.size()) ++i;
        out += body[i];
    }
    return out;
}

}  // namespace

std::optional<ServiceUrl> parse_service_url(const std::string& url, std::string& why) {
    const auto scheme_end = url.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : lower(url.substr(0, scheme_end));
    if (scheme != "http" && scheme != "https") {
        why = "expected an http:// or https:// URL, got '" + url + "'";
        return std::nullopt;
    }
    const size_t host_start = scheme_end + 3;
    size_t host_end = url.find('/', host_start);
    if (host_end == std::string::npos) host_end = url.size();
    const std::string host = url.substr(host_start, host_end - host_start);
    if (host.empty() || host.find_first_of("@ ") != std::string::npos) {
        why = "expected a host after " + scheme + "://, got '" + url + "'";
        return std::nullopt;
    }
    if (url.find_first_of("?#") != std::string::npos) {
        why = "the service's base URL takes no query or fragment: '" + url + "'";
        return std::nullopt;
    }
    ServiceUrl out{scheme + "://" + host, url.substr(host_end)};
    while (!out.prefix.empty() && out.prefix.back() == '/') out.prefix.pop_back();
    return out;
}

FetchResult fetch_tallies(const ServiceUrl& service, const std::string& comparison, const std::string& etag,
                          const std::function<void(std::function<void()>)>& on_client) {
    FetchResult out;
    httplib::Client client(service.origin);
    if (!client.is_valid()) {
        out.error = "cannot make an HTTP client for " + service.origin;
        return out;
    }
    client.set_connection_timeout(kConnectSeconds, 0);
    client.set_read_timeout(kReadSeconds, 0);
    client.set_write_timeout(kReadSeconds, 0);
    httplib::Headers headers = {{"Accept", "application/json"}};
    if (!etag.empty()) headers.emplace("If-None-Match", etag);
    if (on_client) on_client([&client] { client.stop(); });
    const std::string path = service.prefix + "/v1/comparisons/" + comparison + "/tallies";
    httplib::Result res = client.Get(path, headers);
    if (on_client) on_client(nullptr);
    if (!res) {
        const httplib::Error e = res.error();
        out.error = "cannot reach " + service.origin + " (" +
                    (e == httplib::Error::Connection ? std::string("connection refused or no route")
                     : e == httplib::Error::ConnectionTimeout || e == httplib::Error::Read
                         ? std::string("no answer within " + std::to_string(kReadSeconds) + " s")
                         : httplib::to_string(e)) +
                    ")";
        return out;
    }
    if (res->status == 304) {
        out.not_modified = true;
        out.etag = etag;
        return out;
    }
    if (res->status == 404) {
        out.error = "the service does not know the comparison \"" + comparison + "\" (HTTP 404)";
        return out;
    }
    if (res->status != 200) {
        const std::string said = error_sentence(res->body);
        out.error = "the service answered HTTP " + std::to_string(res->status) + (said.empty() ? "" : ": " + said);
        return out;
    }
    std::string why;
    out.tallies = parse_tallies(res->body, comparison, why);
    if (!out.tallies) {
        out.error = "the service's answer can't be used: " + why;
        return out;
    }
    out.etag = res->get_header_value("ETag");
    return out;
}

LiveVotes::LiveVotes(ServiceUrl service, std::string display_url, double every_seconds, std::function<void()> wake)
    : service_(std::move(service)),
      display_url_(std::move(display_url)),
      every_(std::max(0.0, every_seconds)),
      wake_(std::move(wake)) {
    thread_ = std::thread([this] { run(); });
}

LiveVotes::~LiveVotes() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        if (cancel_) cancel_();
    }
    cv_.notify_all();
    thread_.join();
}

void LiveVotes::follow(const std::string& comparison, bool again) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (comparison == comparison_ && !again) return;
        comparison_ = comparison;
        want_ = true;
    }
    cv_.notify_all();
}

void LiveVotes::refresh() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        want_ = true;
    }
    cv_.notify_all();
}

void LiveVotes::set_shown(bool shown) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (shown == shown_) return;
        shown_ = shown;
    }
    cv_.notify_all();
}

std::optional<LiveTallies> LiveVotes::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!fresh_) return std::nullopt;
    fresh_ = false;
    return latest_;
}

LiveVotesNote live_votes_note(const std::string& url, const LiveTallies& s, const present::Words& w) {
    // The note is in the widget's language; the problem (the service's or the network's own
    // sentence, printed to stderr too) stays as written.
    if (s.comparison.empty())
        return {w.fill(Label::live_votes_no_id, {{"url", url}}), "the payload has no \"id\", so no vote service counts its votes"};
    if (!s.error.empty())
        return {w.fill(s.tallies ? Label::live_votes_stale : Label::live_votes_off, {{"url", url}, {"error", s.error}}), s.error};
    if (!s.tallies) return {w.fill(Label::live_votes_asking, {{"url", url}}), ""};
    return {w.fill(Label::live_votes_on, {{"url", url}}), ""};
}

void LiveVotes::run() {
    using clock = std::chrono::steady_clock;
    std::unique_lock<std::mutex> lock(mutex_);
    std::string etag, etag_for;   // the ETag of the tallies last answered, and of which comparison
    auto next = clock::now();
    for (;;) {
        const bool timer = every_.count() > 0;
        auto due = [&] { return stop_ || want_ || (timer && shown_ && !comparison_.empty() && clock::now() >= next); };
        if (timer && shown_) cv_.wait_until(lock, next, due);
        else cv_.wait(lock, due);
        if (stop_) return;
        if (!due()) continue;
        want_ = false;
        const std::string comparison = comparison_;
        if (comparison.empty()) {   // nothing to ask (the payload has no id): say so
            latest_ = LiveTallies{};
            fresh_ = true;
            lock.unlock();
            if (wake_) wake_();
            lock.lock();
            continue;
        }
        if (etag_for != comparison) etag.clear();
        lock.unlock();
        FetchResult r = fetch_tallies(service_, comparison, etag, [this](std::function<void()> cancel) {
            std::lock_guard<std::mutex> guard(mutex_);
            cancel_ = std::move(cancel);
        });
        lock.lock();
        if (stop_) return;
        next = clock::now() + std::chrono::duration_cast<clock::duration>(every_);
        if (comparison != comparison_) continue;   // followed another meanwhile: that one is asked next
        LiveTallies now = latest_.comparison == comparison ? latest_ : LiveTallies{};
        now.comparison = comparison;
        bool changed = now.comparison != latest_.comparison;
        if (r.not_modified) {
            changed = changed || !now.error.empty();
            now.error.clear();
        } else if (r.tallies) {
            changed = true;
            now.tallies = std::move(r.tallies);
            now.error.clear();
            etag = r.etag;
            etag_for = comparison;
        } else {
            changed = changed || now.error != r.error;
            now.error = r.error;
        }
        if (r.error.empty()) ++now.fetches;
        latest_ = std::move(now);
        if (!changed) continue;
        fresh_ = true;
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace versus::desktop
