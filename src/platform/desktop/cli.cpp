// cli.cpp — command-line parsing, --help, and `versus --validate` (text and JSON output).
#include "platform/desktop/cli.hpp"

#include "platform/desktop/live_votes.hpp"
#include "ui/style.hpp"

#include "model/payload.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace versus::desktop {

std::string usage_text() {
    return
        "usage: versus [options] [FILE]                        show FILE in a window, live\n"
        "       versus --screenshot OUT.png [options] [FILE]   render FILE to a PNG, no window\n"
        "       versus --validate [--format text|json] FILE... check payloads\n"
        "\n"
        "Shows a versus comparison payload (JSON, payload format version 1).\n"
        "With no FILE it shows the built-in seed comparison; FILE '-' reads standard input.\n"
        "\n"
        "Viewer\n"
        "  The window follows FILE: when it changes on disk (any editor, save-by-rename\n"
        "  included) it reloads within half a second and keeps the reader's filters, votes,\n"
        "  expanded quotes and scroll position. When the new content has errors, the last\n"
        "  good version stays on screen with the errors listed over it and the title says\n"
        "  \"(errors)\", until the file is fixed. Drop a .json file on the window to open it.\n"
        "  Standard input and the seed are not watched.\n"
        "  keys: Ctrl+R reload (and fetch the live votes again)   Ctrl+T light/dark theme\n"
        "        Ctrl+= / Ctrl+- / Ctrl+0  zoom in / out / back to 100%\n"
        "        Ctrl+Q or Ctrl+W  quit\n"
        "  --theme light|dark     colour theme (default light)\n"
        "  --accent #RRGGBB       accent colour (links, chips, focus); text on it stays readable\n"
        "  --lang TAG             the widget's language (BCP 47: de, pt-BR, ja, ar, ...) when the\n"
        "                         payload has no \"lang\"; default: the environment's locale\n"
        "                         (LC_ALL, LC_MESSAGES, LANG), else English\n"
        "  --zoom Z               initial zoom, 0.5 to 3 (default 1)\n"
        "  --dump-state FILE      after each frame that changes what is shown, write a JSON\n"
        "                         summary of it to FILE (for tests; or env VERSUS_STATE_FILE)\n"
        "\n"        "Live votes\n"
        "  --votes URL            a vote service's base URL (docs/votes.md): the community\n"
        "                         figures then count every reader's votes it holds for the\n"
        "                         payload's \"id\", as readers see them. Fetched in the\n"
        "                         background at start, on every reload and Ctrl+R, and every\n"
        "                         --votes-every seconds while the window is shown (not while\n"
        "                         minimised). Errors show in a line under the comparison and\n"
        "                         are printed once. Works with --screenshot too (fetched once).\n"
        "  --votes-every S        seconds between fetches, 0.2 to 3600, or 0 for no timer\n"
        "                         (default 10: the service's tallies may be cached that long)\n"
        "\n"
        "PNG export\n"
        "  --screenshot OUT.png   render off-screen (no window is shown) and write a PNG\n"
        "  --size WxH             size in logical pixels; H may be 'auto' to fit the content\n"
        "                         (default 1200xauto)\n"
        "  --scale S              device pixels per logical pixel, 0.5 to 4 (default 1);\n"
        "                         --size 1200x630 --scale 2 writes a 2400x1260 image\n"
        "  --theme light|dark     colour theme (default light); --accent #RRGGBB and\n"
        "                         --lang TAG as above\n"
        "  A payload with errors writes no image: the errors are printed, exit status 1.\n"
        "  Needs an OpenGL 3.3 context; without a display, run it under xvfb-run.\n"
        "\n"
        "Validation\n"
        "  --validate FILE...     check payloads (no window)\n"
        "  --format text|json     text (default): FILE:LINE:COL: error|warning: POINTER: message\n"
        "                         json: one array of {file, line, column, pointer, severity,\n"
        "                         message} for all files; line/column null when unknown\n"
        "\n"
        "  --help                 this text\n"
        "  --version              the version\n"
        "\n"
        "Exit status: 0 ok; 1 a payload has errors; 2 usage error, or a file cannot be read\n"
        "or written; 3 no window or OpenGL context can be created (e.g. no DISPLAY).\n";
}

std::string host_language(const Options& o) {
    if (!o.lang.empty()) return o.lang;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        std::string tag(value);
        tag = tag.substr(0, tag.find_first_of(".@"));   // "de_DE.UTF-8" → "de_DE"
        for (char& c : tag)
            if (c == '_') c = '-';
        if (tag == "C" || tag == "POSIX" || !is_language_tag(tag)) return "";
        return tag;
    }
    return "";
}

namespace {

// "--name value" or "--name=value". Returns false (with a message) when the value is missing.
bool option_value(int argc, char** argv, int& i, const std::string& name, std::string& value,
                  std::ostream& err) {
    const std::string a = argv[i];
    if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0) {
        value = a.substr(name.size() + 1);
        return true;
    }
    if (i + 1 >= argc) {
        err << "versus: " << name << " needs a value (see versus --help)\n";
        return false;
    }
    value = argv[++i];
    return true;
}

bool is_option(const std::string& a, const std::string& name) {
    return a == name || a.rfind(name + "=", 0) == 0;
}

bool parse_number(const std::string& text, double& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return errno == 0 && end && *end == '\0' && std::isfinite(out);
}

bool parse_int(const std::string& text, int& out) {
    if (text.empty() || text.size() > 6) return false;
    for (char ch : text)
        if (ch < '0' || ch > '9') return false;
    out = std::atoi(text.c_str());
    return true;
}

}  // namespace

std::optional<Options> parse_args(int argc, char** argv, std::ostream& err) {
    Options o;
    bool validate = false, screenshot = false, view_only = false, shot_only = false, every_given = false;
    std::string v;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            o.mode = Options::Mode::Help;
            return o;
        } else if (a == "--version") {
            o.mode = Options::Mode::Version;
            return o;
        } else if (a == "--validate") {
            validate = true;
        } else if (is_option(a, "--format")) {
            if (!option_value(argc, argv, i, "--format", v, err)) return std::nullopt;
            if (v == "text") o.format = Options::Format::Text;
            else if (v == "json") o.format = Options::Format::Json;
            else { err << "versus: --format must be text or json, got '" << v << "'\n"; return std::nullopt; }
            o.format_given = true;
        } else if (is_option(a, "--theme")) {
            if (!option_value(argc, argv, i, "--theme", v, err)) return std::nullopt;
            if (v != "light" && v != "dark") {
                err << "versus: --theme must be light or dark, got '" << v << "'\n";
                return std::nullopt;
            }
            o.theme = v;
        } else if (is_option(a, "--accent")) {
            if (!option_value(argc, argv, i, "--accent", v, err)) return std::nullopt;
            o.accent = ui::parse_hex_colour(v.c_str());
            if (!o.accent) {
                err << "versus: --accent must be a colour like #4338ca or #43c, got '" << v << "'\n";
                return std::nullopt;
            }
        } else if (is_option(a, "--lang")) {
            if (!option_value(argc, argv, i, "--lang", v, err)) return std::nullopt;
            if (!is_language_tag(v)) {
                err << "versus: --lang must be a BCP 47 language tag such as de, pt-BR or ja, got '" << v << "'\n";
                return std::nullopt;
            }
            o.lang = v;
        } else if (is_option(a, "--zoom")) {
            if (!option_value(argc, argv, i, "--zoom", v, err)) return std::nullopt;
            double z = 0;
            if (!parse_number(v, z) || z < 0.5 || z > 3.0) {
                err << "versus: --zoom must be a number from 0.5 to 3, got '" << v << "'\n";
                return std::nullopt;
            }
            o.zoom = static_cast<float>(z);
            view_only = true;
        } else if (is_option(a, "--dump-state")) {
            if (!option_value(argc, argv, i, "--dump-state", v, err)) return std::nullopt;
            if (v.empty()) { err << "versus: --dump-state needs a file name\n"; return std::nullopt; }
            o.dump_state = v;
            view_only = true;
        } else if (is_option(a, "--votes")) {
            if (!option_value(argc, argv, i, "--votes", v, err)) return std::nullopt;
            std::string why;
            if (!parse_service_url(v, why)) {
                err << "versus: --votes: " << why << "\n";
                return std::nullopt;
            }
            o.votes = v;
        } else if (is_option(a, "--votes-every")) {
            if (!option_value(argc, argv, i, "--votes-every", v, err)) return std::nullopt;
            double s = 0;
            if (!parse_number(v, s) || !(s == 0 || (s >= 0.2 && s <= 3600))) {
                err << "versus: --votes-every must be 0 or a number of seconds from 0.2 to 3600, got '" << v << "'\n";
                return std::nullopt;
            }
            o.votes_every = s;
            every_given = true;
        } else if (is_option(a, "--screenshot")) {
            if (!option_value(argc, argv, i, "--screenshot", v, err)) return std::nullopt;
            if (v.empty() || v == "-") {
                err << "versus: --screenshot needs an output file name (OUT.png)\n";
                return std::nullopt;
            }
            o.screenshot = v;
            screenshot = true;
        } else if (is_option(a, "--size")) {
            if (!option_value(argc, argv, i, "--size", v, err)) return std::nullopt;
            const auto x = v.find_first_of("xX");
            int w = 0, h = 0;
            const std::string hs = x == std::string::npos ? "" : v.substr(x + 1);
            if (x == std::string::npos || !parse_int(v.substr(0, x), w) ||
                !(hs == "auto" || parse_int(hs, h)) || w < 64 || w > 16384 ||
                (hs != "auto" && (h < 16 || h > 16384))) {
                err << "versus: --size must be WxH or Wxauto in logical pixels (W 64-16384, H 16-16384), got '"
                    << v << "'\n";
                return std::nullopt;
            }
            o.width = w;
            o.height = hs == "auto" ? 0 : h;
            shot_only = true;
        } else if (is_option(a, "--scale")) {
            if (!option_value(argc, argv, i, "--scale", v, err)) return std::nullopt;
            double s = 0;
            if (!parse_number(v, s) || s < 0.5 || s > 4.0) {
                err << "versus: --scale must be a number from 0.5 to 4, got '" << v << "'\n";
                return std::nullopt;
            }
            o.scale = static_cast<float>(s);
            shot_only = true;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "versus: unknown option '" << a << "' (see versus --help)\n";
            return std::nullopt;
        } else {
            o.files.push_back(a);
        }
    }
    if (validate && screenshot) {
        err << "versus: --validate and --screenshot cannot be combined\n";
        return std::nullopt;
    }
    if (o.format_given && !validate) {
        err << "versus: --format goes with --validate\n";
        return std::nullopt;
    }
    if (shot_only && !screenshot) {
        err << "versus: --size and --scale go with --screenshot\n";
        return std::nullopt;
    }
    if (view_only && (validate || screenshot)) {
        err << "versus: --zoom and --dump-state are options of the viewer window\n";
        return std::nullopt;
    }
    if (!o.votes.empty() && validate) {
        err << "versus: --votes goes with the viewer or --screenshot, not --validate\n";
        return std::nullopt;
    }
    if (every_given && (o.votes.empty() || validate || screenshot)) {
        err << "versus: --votes-every goes with --votes in the viewer window\n";
        return std::nullopt;
    }
    if (validate) {
        o.mode = Options::Mode::Validate;
        if (o.files.empty()) { err << "versus: --validate needs at least one FILE\n"; return std::nullopt; }
        return o;
    }
    if (screenshot) o.mode = Options::Mode::Screenshot;
    if (o.files.size() > 1) {
        err << "versus: " << (screenshot ? "--screenshot renders" : "the viewer shows")
            << " one FILE at a time (got " << o.files.size() << ")\n";
        return std::nullopt;
    }
    return o;
}

bool read_file(const std::string& path, std::string& out, std::string& why) {
    if (path == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (std::cin.bad()) { why = "cannot read standard input"; return false; }
        return true;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) { why = std::strerror(errno); return false; }
    std::ostringstream s;
    s << f.rdbuf();
    if (f.bad()) { why = "read error"; return false; }
    out = s.str();
    return true;
}

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

int run_validate(const std::vector<std::string>& files, Options::Format format, std::ostream& out,
                 std::ostream& err) {
    int status = kExitOk;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    auto add = [&](const std::string& file, const Problem& p) {
        all.push_back({{"file", file},
                       {"line", p.line > 0 ? nlohmann::ordered_json(p.line) : nlohmann::ordered_json(nullptr)},
                       {"column", p.column > 0 ? nlohmann::ordered_json(p.column) : nlohmann::ordered_json(nullptr)},
                       {"pointer", p.pointer},
                       {"severity", p.severity == Severity::Error ? "error" : "warning"},
                       {"message", p.message}});
    };
    for (const std::string& file : files) {
        std::string text, why;
        const std::string name = display_name(file);
        if (!read_file(file, text, why)) {
            err << "versus: cannot read " << name << ": " << why << "\n";
            add(name, Problem{Severity::Error, "", "cannot read the file: " + why, 0, 0});
            status = kExitUsage;
            continue;
        }
        LoadResult r = load_payload(text);
        for (const Problem& p : r.problems) {
            if (format == Options::Format::Json) add(name, p);
            else out << format_problem(name, p) << "\n";
        }
        if (!r.ok() && status == kExitOk) status = kExitInvalid;
    }
    // Invalid UTF-8 in a message must not make the dump throw: replace it.
    if (format == Options::Format::Json)
        out << all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return status;
}

}  // namespace versus::desktop
