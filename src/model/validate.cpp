// validate.cpp — see validate.hpp. Index:
//   [SECTION] Words for messages
//   [SECTION] Rules of values (ids, URLs)
//   [SECTION] Validator: fields
//   [SECTION] Validator: payload, tools, reviewers, reviews, links
#include "model/validate.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

namespace versus::detail {

using nlohmann::json;

void Findings::add(Finding finding) {
    if (!has_room(finding.pointer.size())) return drop(finding.severity);
    has_error = has_error || finding.severity == Severity::Error;
    pointer_bytes += finding.pointer.size();
    list.push_back(std::move(finding));
}

void Findings::drop(Severity severity) {
    if (severity == Severity::Error) {
        has_error = true;
        ++dropped_errors;
    } else {
        ++dropped_warnings;
    }
}

// [SECTION] Words for messages ----------------------------------------------------------------

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string in_quotes(std::string_view text, std::size_t shown) {
    std::size_t seen = 0, cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (seen == shown) {
            cut = i;
            break;
        }
        ++seen;
    }
    std::string out = json(std::string(text.substr(0, cut))).dump();
    if (cut < text.size()) out.insert(out.size() - 1, "\u2026");
    return out;
}

std::string describe(const json& value, std::size_t shown) {
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + value.dump();
    case json::value_t::string: return "the string " + in_quotes(value.get_ref<const std::string&>(), shown);
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a value";
    }
}

namespace {

// Is `key` a likely misspelling of `field`: at most two edits apart (insert, delete, replace,
// ignoring case), for keys of 3 to 40 characters.
bool near_miss(std::string_view key, std::string_view field) {
    if (key.size() < 3 || key.size() > 40) return false;
    const size_t n = key.size(), m = field.size();
    if ((n > m ? n - m : m - n) > 2) return false;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::vector<size_t> prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= m; ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (lower(key[i - 1]) != lower(field[j - 1]))});
        std::swap(prev, cur);
    }
    return prev[m] <= 2 && prev[m] > 0;
}

std::string at(const std::string& pointer, std::string_view name) {
    std::string out = pointer;
    append_pointer_token(out, name);
    return out;
}

std::string at(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

// [SECTION] Rules of values (ids, URLs) -------------------------------------------------------

constexpr const char* kIdRule =
    "must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and '-'), got ";

bool is_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
        if (!ok) return false;
    }
    return true;
}

// Unicode spaces, C1 controls and invisible marks, which have no place in a URL.
bool is_unicode_blank(std::uint32_t cp) {
    return (cp >= 0x80 && cp <= 0xA0) || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

bool has_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c <= 0x20 || c == 0x7F || c == '\\') return true;   // '\' is '/' to a browser
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        std::size_t len = 1;
        if (c >= 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else if (c >= 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else {
            len = 2;
            cp = c & 0x1Fu;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
            cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        }
        if (is_unicode_blank(cp)) return true;
        i += len;
    }
    return false;
}

// An absolute http: or https: URL with a host: "https://example.com/path". The scheme is
// case-insensitive; user info and a numeric port are allowed; blanks and controls are not.
bool is_web_url(std::string_view url) {
    if (has_blank(url)) return false;
    const std::size_t colon = url.find(':');
    if (colon == std::string_view::npos) return false;
    std::string scheme(url.substr(0, colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    if (scheme != "http" && scheme != "https") return false;
    const std::string_view rest = url.substr(colon + 1);
    if (rest.substr(0, 2) != "//") return false;
    std::string_view authority = rest.substr(2);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    const std::size_t at_sign = authority.rfind('@');
    if (at_sign != std::string_view::npos) authority.remove_prefix(at_sign + 1);
    std::string_view host = authority, port;
    if (!authority.empty() && authority.front() == '[') {   // IPv6 literal
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos || close == 1) return false;
        host = authority.substr(1, close - 1);
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') return false;
        if (!after.empty()) port = after.substr(1);
    } else {
        const std::size_t port_colon = authority.find(':');
        if (port_colon != std::string_view::npos) {
            host = authority.substr(0, port_colon);
            port = authority.substr(port_colon + 1);
        }
    }
    if (host.empty() || port.size() > 5) return false;
    for (char c : port) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// A well-formed BCP 47 language tag (RFC 5646 section 2.1: a langtag or a private-use tag; the
// irregular grandfathered tags such as "i-klingon" are not accepted). Case-insensitive.
bool is_language_tag(std::string_view tag) {
    std::vector<std::string_view> sub;
    for (std::size_t start = 0;;) {
        const std::size_t dash = tag.find('-', start);
        sub.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
        if (dash == std::string_view::npos) break;
        start = dash + 1;
    }
    auto alpha = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    };
    auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto alnum = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        });
    };
    auto is_x = [](std::string_view s) { return s == "x" || s == "X"; };
    std::size_t i = 0;
    const std::size_t n = sub.size();
    // private use: x-1*8alphanum...
    auto private_use = [&]() {
        if (i >= n || !is_x(sub[i])) return false;
        ++i;
        if (i >= n) return false;
        for (; i < n; ++i)
            if (!alnum(sub[i]) || sub[i].size() > 8) return false;
        return true;
    };
    if (is_x(sub[0])) return private_use() && i == n;
    // language
    if (!alpha(sub[0]) || sub[0].size() < 2 || sub[0].size() > 8) return false;
    const bool short_language = sub[0].size() <= 3;
    i = 1;
    if (short_language)   // up to three extlang subtags
        for (int k = 0; k < 3 && i < n && sub[i].size() == 3 && alpha(sub[i]); ++k) ++i;
    if (i < n && sub[i].size() == 4 && alpha(sub[i])) ++i;   // script
    if (i < n && ((sub[i].size() == 2 && alpha(sub[i])) || (sub[i].size() == 3 && digits(sub[i])))) ++i;   // region
    while (i < n && alnum(sub[i]) &&
           ((sub[i].size() >= 5 && sub[i].size() <= 8) || (sub[i].size() == 4 && digits(sub[i].substr(0, 1)))))
        ++i;   // variants
    while (i < n && sub[i].size() == 1 && alnum(sub[i]) && !is_x(sub[i])) {   // extensions
        ++i;
        const std::size_t first = i;
        while (i < n && sub[i].size() >= 2 && sub[i].size() <= 8 && alnum(sub[i])) ++i;
        if (i == first) return false;
    }
    if (i < n && is_x(sub[i])) return private_use() && i == n;
    return i == n;
}

// [SECTION] Validator: fields -----------------------------------------------------------------

class Validator {
public:
    explicit Validator(Findings& findings) : findings_(findings) {}

    std::optional<Payload> payload(const json& document);

private:
    void error(std::string pointer, std::string message) {
        findings_.add({Severity::Error, std::move(pointer), std::move(message), Anchor::Value, {}});
    }
    void expected(const std::string& pointer, const char* what, const json& value) {
        error(pointer, std::string("expected ") + what + ", got " + describe(value));
    }

    bool object(const json& value, const std::string& pointer) {
        if (value.is_object()) return true;
        expected(pointer, "an object", value);
        return false;
    }

    // Warns about every member whose name is not in `known`; never looks inside them.
    void unknown_fields(const json& object, const std::string& pointer,
                        std::initializer_list<std::string_view> known) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
            std::string message = "unknown field " + in_quotes(it.key()) + " is ignored";
            // A near miss of a field this object lacks ("licence", "comunity"): say which.
            for (std::string_view k : known) {
                if (object.contains(k) || !near_miss(it.key(), k)) continue;
                message += "; did you mean \"" + std::string(k) + "\"?";
                break;
            }
            findings_.add({Severity::Warning, at(pointer, it.key()), message, Anchor::Key, {}});
        }
    }

    // The member `name` of `object`, or null when absent (an error when it is required).
    const json* field(const json& object, const std::string& pointer, const char* name,
                      bool required) {
        const auto it = object.find(name);
        if (it != object.end()) return &*it;
        if (!required) return nullptr;
        if (!findings_.has_room(pointer.size())) {   // many broken items: don't build messages
            findings_.drop(Severity::Error);
        } else {
            error(pointer, std::string("missing required field \"") + name + "\"");
        }
        return nullptr;
    }

    // A string of `min` to `max` code points (min is 0 or 1).
    std::optional<std::string> text(const json& object, const std::string& pointer,
                                    const char* name, bool required, std::size_t min,
                                    std::size_t max) {
        const json* value = field(object, pointer, name, required);
        if (!value) return std::nullopt;
        if (!value->is_string()) {
            expected(at(pointer, name), "a string", *value);
            return std::nullopt;
        }
        const std::string& s = value->get_ref<const std::string&>();
        const std::size_t n = code_points(s);
        if (n < min || n > max) {
            error(at(pointer, name),
                  (min == 0 ? "must be at most " + std::to_string(max)
                            : "must be " + std::to_string(min) + " to " + std::to_string(max)) +
                      " characters long, got " + std::to_string(n));
            return std::nullopt;
        }
        return s;
    }

    std::optional<std::string> id(const json& object, const std::string& pointer,
                                  bool required = true) {
        const json* value = field(object, pointer, "id", required);
        if (!value) return std::nullopt;
        if (!value->is_string()) {
            expected(at(pointer, "id"), "a string", *value);
            return std::nullopt;
        }
        const std::string& s = value->get_ref<const std::string&>();
        if (!is_id(s)) {
            error(at(pointer, "id"), kIdRule + in_quotes(s));
            return std::nullopt;
        }
        return s;
    }

    std::optional<std::string> url(const json& object, const std::string& pointer,
                                   bool required) {
        const json* value = field(object, pointer, "url", required);
        if (!value) return std::nullopt;
        if (!value->is_string()) {
            expected(at(pointer, "url"), "a string", *value);
            return std::nullopt;
        }
        const std::string& s = value->get_ref<const std::string&>();
        if (!is_web_url(s)) {
            error(at(pointer, "url"),
                  "must be an absolute http: or https: URL, got " + in_quotes(s));
            return std::nullopt;
        }
        return s;
    }

    std::optional<bool> boolean(const json& object, const std::string& pointer, const char* name,
                                bool required) {
        const json* value = field(object, pointer, name, required);
        if (!value) return std::nullopt;
        if (!value->is_boolean()) {
            expected(at(pointer, name), "a boolean", *value);
            return std::nullopt;
        }
        return value->get<bool>();
    }

    // An integer >= 0. As in JSON Schema, a number with a zero fraction (2.0, 1e3) is an integer:
    // validity has one truth, shared with assets/schema/versus.schema.json.
    std::optional<std::int64_t> count(const json& object, const std::string& pointer,
                                      const char* name) {
        const json* value = field(object, pointer, name, true);
        if (!value) return std::nullopt;
        constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
        if (value->is_number_float()) {
            const double v = value->get<double>();
            if (!std::isfinite(v) || std::floor(v) != v) {
                expected(at(pointer, name), "an integer", *value);
                return std::nullopt;
            }
            if (v < 0) {
                error(at(pointer, name), "must be an integer \u2265 0, got " + value->dump());
                return std::nullopt;
            }
            if (v >= 9223372036854775808.0) {   // 2^63: beyond int64
                error(at(pointer, name), "must be at most " + std::to_string(kMax) + ", got " + value->dump());
                return std::nullopt;
            }
            return static_cast<std::int64_t>(v);
        }
        if (!value->is_number_integer()) {
            expected(at(pointer, name), "an integer", *value);
            return std::nullopt;
        }
        if (value->is_number_unsigned()) {
            const auto n = value->get<std::uint64_t>();
            if (n > static_cast<std::uint64_t>(kMax)) {
                error(at(pointer, name),
                      "must be at most " + std::to_string(kMax) + ", got " + value->dump());
                return std::nullopt;
            }
            return static_cast<std::int64_t>(n);
        }
        const auto n = value->get<std::int64_t>();
        if (n < 0) {
            error(at(pointer, name), "must be an integer \u2265 0, got " + value->dump());
            return std::nullopt;
        }
        return n;
    }

    // An array of `min` to `max` items (min is 0 or 1); null when absent or not an array.
    const json* array(const json& object, const std::string& pointer, const char* name,
                      bool required, std::size_t min, std::size_t max) {
        const json* value = field(object, pointer, name, required);
        if (!value) return nullptr;
        if (!value->is_array()) {
            expected(at(pointer, name), "an array", *value);
            return nullptr;
        }
        const std::size_t n = value->size();
        if (n < min || n > max) {
            error(at(pointer, name),
                  (min == 0 ? "must have at most " + std::to_string(max)
                            : "must have " + std::to_string(min) + " to " + std::to_string(max)) +
                      " " + name + ", got " + std::to_string(n));
        }
        return value;
    }

    std::optional<Tool> tool(const json& value, const std::string& pointer);
    std::optional<License> license(const json& value, const std::string& pointer);
    std::optional<Pricing> pricing(const json& value, const std::string& pointer);
    std::optional<Votes> votes(const json& value, const std::string& pointer);
    std::optional<Reviewer> reviewer(const json& value, const std::string& pointer);
    std::optional<Link> link(const json& value, const std::string& pointer);
    void language(const json& document, Payload& out);

    Findings& findings_;
};

// [SECTION] Validator: payload, tools, reviewers, reviews, links ------------------------------

// Ids of tools or reviewers, with where each was first given.
struct IdIndex {
    std::unordered_map<std::string, std::size_t> first;   // id -> item index
    bool known = false;                                    // the array was readable
};

std::optional<Payload> Validator::payload(const json& document) {
    if (!object(document, "")) return std::nullopt;
    unknown_fields(document, "", {"$schema", "version", "title", "kicker", "question", "summary",
                                  "tools", "reviewers", "reviews", "cta", "lang", "dir", "labels", "id"});
    Payload out;
    out.id = id(document, "", false).value_or("");
    if (const json* schema = field(document, "", "$schema", false); schema && !schema->is_string()) {
        expected("/$schema", "a string", *schema);
    }
    if (const json* version = field(document, "", "version", true)) {
        const bool integral_float = version->is_number_float() && std::isfinite(version->get<double>()) &&
                                    std::floor(version->get<double>()) == version->get<double>();
        if (!version->is_number_integer() && !integral_float) {
            expected("/version", "an integer", *version);
        } else if (!(integral_float ? version->get<double>() == 1.0
                                    : version->is_number_unsigned() && version->get<std::uint64_t>() == 1)) {
            error("/version", "version " + version->dump() +
                                  " is not supported; this widget reads version 1");
        }
    }
    out.title = text(document, "", "title", true, 1, 200).value_or("");
    out.kicker = text(document, "", "kicker", false, 0, 80).value_or("");
    out.question = text(document, "", "question", false, 0, 200).value_or("");
    out.summary = text(document, "", "summary", false, 0, 1000).value_or("");

    IdIndex tool_ids;
    if (const json* tools = array(document, "", "tools", true, 1, 16)) {
        tool_ids.known = true;
        for (std::size_t i = 0; i < tools->size(); ++i) {
            const json& item = (*tools)[i];
            const std::string pointer = at("/tools", i);
            auto t = tool(item, pointer);
            if (t && !findings_.has_error) out.tools.push_back(std::move(*t));   // else unused
            const auto id = item.is_object() ? item.find("id") : item.end();
            if (item.is_object() && id != item.end() && id->is_string()) {
                const auto [it, fresh] = tool_ids.first.emplace(id->get<std::string>(), i);
                if (!fresh) {
                    error(pointer + "/id", "tool id " + in_quotes(it->first) +
                                               " is already used by " + at("/tools", it->second));
                }
            }
        }
    }

    IdIndex reviewer_ids;
    reviewer_ids.known = true;   // absent means []
    if (const json* reviewers = array(document, "", "reviewers", false, 0, 64)) {
        for (std::size_t i = 0; i < reviewers->size(); ++i) {
            const json& item = (*reviewers)[i];
            const std::string pointer = at("/reviewers", i);
            auto r = reviewer(item, pointer);
            if (r && !findings_.has_error) out.reviewers.push_back(std::move(*r));
            const auto id = item.is_object() ? item.find("id") : item.end();
            if (item.is_object() && id != item.end() && id->is_string()) {
                const auto [it, fresh] = reviewer_ids.first.emplace(id->get<std::string>(), i);
                if (!fresh) {
                    error(pointer + "/id", "reviewer id " + in_quotes(it->first) +
                                               " is already used by " +
                                               at("/reviewers", it->second));
                }
            }
        }
    } else if (document.contains("reviewers")) {
        reviewer_ids.known = false;   // present but not an array: already reported
    }

    if (const json* reviews = array(document, "", "reviews", false, 0, 1024)) {
        std::map<std::pair<std::size_t, std::size_t>, std::size_t> pairs;   // -> review index
        for (std::size_t i = 0; i < reviews->size(); ++i) {
            const json& item = (*reviews)[i];
            const std::string pointer = at("/reviews", i);
            if (!object(item, pointer)) continue;
            unknown_fields(item, pointer, {"tool", "reviewer", "verdict", "quote"});
            // A reference: an id string naming an item of `index`.
            const auto reference = [&](const char* name, const IdIndex& index,
                                       const char* noun) -> std::optional<std::size_t> {
                const json* value = field(item, pointer, name, true);
                if (!value) return std::nullopt;
                if (!value->is_string()) {
                    expected(at(pointer, name), "a string", *value);
                    return std::nullopt;
                }
                if (!index.known) return std::nullopt;
                const auto found = index.first.find(value->get_ref<const std::string&>());
                if (found == index.first.end()) {
                    error(at(pointer, name), std::string("no ") + noun + " has the id " +
                                                 in_quotes(value->get_ref<const std::string&>()));
                    return std::nullopt;
                }
                return found->second;
            };
            const auto tool_index = reference("tool", tool_ids, "tool");
            const auto reviewer_index = reference("reviewer", reviewer_ids, "reviewer");
            std::optional<Verdict> verdict;
            if (const json* value = field(item, pointer, "verdict", true)) {
                if (!value->is_string()) {
                    expected(pointer + "/verdict", "a string", *value);
                } else if (*value == "ship") {
                    verdict = Verdict::Ship;
                } else if (*value == "skip") {
                    verdict = Verdict::Skip;
                } else {
                    error(pointer + "/verdict", "must be \"ship\" or \"skip\", got " +
                                                    in_quotes(value->get_ref<const std::string&>()));
                }
            }
            const auto quote = text(item, pointer, "quote", true, 1, 4000);
            if (tool_index && reviewer_index) {
                const auto [it, fresh] = pairs.emplace(std::make_pair(*tool_index, *reviewer_index), i);
                if (!fresh) {
                    const json& first = (*reviews)[it->second];
                    error(pointer, "reviewer " + in_quotes(first["reviewer"].get<std::string>()) +
                                       " already reviewed tool " +
                                       in_quotes(first["tool"].get<std::string>()) + " at " +
                                       at("/reviews", it->second));
                }
            }
            if (tool_index && reviewer_index && verdict && quote && !findings_.has_error) {
                out.reviews.push_back(Review{static_cast<int>(*tool_index),
                                             static_cast<int>(*reviewer_index), *verdict, *quote});
            }
        }
    }

    if (const json* cta = field(document, "", "cta", false)) {
        if (auto l = link(*cta, "/cta")) out.cta = std::move(*l);
    }
    language(document, out);
    if (findings_.has_error) return std::nullopt;
    return out;
}

// `lang`, `dir` and `labels` (spec: "Language and direction").
void Validator::language(const json& document, Payload& out) {
    if (auto lang = text(document, "", "lang", false, 0, 35)) {
        if (!is_language_tag(*lang)) {
            error("/lang", "must be a BCP 47 language tag such as \"en\", \"pt-BR\" or \"zh-Hans\", got " +
                               in_quotes(*lang));
        } else {
            out.lang = std::move(*lang);
        }
    }
    if (const json* dir = field(document, "", "dir", false)) {
        if (!dir->is_string()) {
            expected("/dir", "a string", *dir);
        } else if (*dir == "ltr") {
            out.dir = TextDirection::Ltr;
        } else if (*dir == "rtl") {
            out.dir = TextDirection::Rtl;
        } else if (*dir != "auto") {
            error("/dir", "must be \"ltr\", \"rtl\" or \"auto\", got " + in_quotes(dir->get_ref<const std::string&>()));
        }
    }
    const json* labels = field(document, "", "labels", false);
    if (!labels || !object(*labels, "/labels")) return;
    for (auto it = labels->begin(); it != labels->end(); ++it) {
        const Label label = label_of(it.key());
        if (label == Label::count) {
            std::string message = "unknown label " + in_quotes(it.key()) + " is ignored";
            for (int k = 0; k < kLabelCount; ++k) {
                const char* id = label_id(static_cast<Label>(k));
                if (labels->contains(id) || !near_miss(it.key(), id)) continue;
                message += "; did you mean \"" + std::string(id) + "\"?";
                break;
            }
            findings_.add({Severity::Warning, at("/labels", it.key()), message, Anchor::Key, {}});
            continue;
        }
        if (auto value = text(*labels, "/labels", label_id(label), true, 1, kMaxLabelChars))
            out.labels[static_cast<std::size_t>(label)] = std::move(*value);
    }
}

std::optional<Tool> Validator::tool(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer, {"id", "name", "vendor", "category", "tagline", "description",
                                    "url", "license", "pricing", "community"});
    Tool t;
    t.id = id(value, pointer).value_or("");
    t.name = text(value, pointer, "name", true, 1, 120).value_or("");
    t.vendor = text(value, pointer, "vendor", false, 0, 120).value_or("");
    t.category = text(value, pointer, "category", false, 0, 60).value_or("");
    t.tagline = text(value, pointer, "tagline", false, 0, 200).value_or("");
    t.description = text(value, pointer, "description", false, 0, 4000).value_or("");
    t.url = url(value, pointer, false).value_or("");
    if (const json* l = field(value, pointer, "license", true)) {
        if (auto parsed = license(*l, pointer + "/license")) t.license = std::move(*parsed);
    }
    if (const json* p = field(value, pointer, "pricing", false)) {
        t.pricing = pricing(*p, pointer + "/pricing");
    }
    if (const json* c = field(value, pointer, "community", false)) {
        if (auto parsed = votes(*c, pointer + "/community")) t.community = *parsed;
    }
    return t;
}

std::optional<License> Validator::license(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer,
                   {"name", "spdx", "commercial_use", "open_weights", "osi_approved"});
    License l;
    l.name = text(value, pointer, "name", true, 1, 120).value_or("");
    if (const json* spdx = field(value, pointer, "spdx", false)) {
        if (spdx->is_string()) {
            l.spdx = spdx->get<std::string>();
        } else if (!spdx->is_null()) {
            expected(pointer + "/spdx", "a string or null", *spdx);
        }
    }
    l.commercial_use = boolean(value, pointer, "commercial_use", true).value_or(false);
    l.open_weights = boolean(value, pointer, "open_weights", false).value_or(false);
    l.osi_approved = boolean(value, pointer, "osi_approved", false).value_or(false);
    return l;
}

std::optional<Pricing> Validator::pricing(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer, {"entry", "entry_usd_month", "notes"});
    Pricing p;
    p.entry = text(value, pointer, "entry", true, 1, 60).value_or("");
    if (const json* usd = field(value, pointer, "entry_usd_month", false)) {
        if (usd->is_number()) {
            const double amount = usd->get<double>();
            if (amount < 0) {
                error(pointer + "/entry_usd_month",
                      "must be a number \u2265 0 or null, got " + usd->dump());
            } else {
                p.entry_usd_month = amount == 0 ? 0.0 : amount;   // no -0
            }
        } else if (!usd->is_null()) {
            expected(pointer + "/entry_usd_month", "a number or null", *usd);
        }
    }
    p.notes = text(value, pointer, "notes", false, 0, 500).value_or("");
    return p;
}

std::optional<Votes> Validator::votes(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer, {"ship", "skip"});
    Votes v;
    v.ship = count(value, pointer, "ship").value_or(0);
    v.skip = count(value, pointer, "skip").value_or(0);
    return v;
}

std::optional<Reviewer> Validator::reviewer(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer, {"id", "name", "lens"});
    Reviewer r;
    r.id = id(value, pointer).value_or("");
    r.name = text(value, pointer, "name", true, 1, 80).value_or("");
    r.lens = text(value, pointer, "lens", false, 0, 80).value_or("");
    return r;
}

std::optional<Link> Validator::link(const json& value, const std::string& pointer) {
    if (!object(value, pointer)) return std::nullopt;
    unknown_fields(value, pointer, {"label", "url"});
    Link l;
    l.label = text(value, pointer, "label", true, 1, 120).value_or("");
    l.url = url(value, pointer, true).value_or("");
    return l;
}

}  // namespace

std::optional<Payload> validate(const json& document, Findings& findings) {
    return Validator(findings).payload(document);
}

}  // namespace versus::detail

namespace versus {
bool is_language_tag(std::string_view tag) { return tag.size() <= 35 && detail::is_language_tag(tag); }
}  // namespace versus
