// cli.cpp — command-line parsing and `versus --validate`.
#include "platform/desktop/cli.hpp"

#include "model/payload.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace versus::desktop {

std::string usage_text() {
    return
        "usage: versus [options] [FILE]\n"
        "       versus --validate FILE...\n"
        "\n"
        "Shows a versus comparison payload (JSON, see the payload spec) in a window.\n"
        "With no FILE it shows the built-in seed comparison; FILE '-' reads standard input.\n"
        "\n"
        "options:\n"
        "  --validate FILE...   check payloads; print FILE:LINE:COL: error|warning: POINTER: message\n"
        "                       exit 0 when all are valid, 1 when any has an error, 2 on I/O errors\n"
        "  --theme light|dark   colour theme of the window (default light)\n"
        "  --help               this text\n"
        "  --version            the version\n";
}

std::optional<Options> parse_args(int argc, char** argv, std::ostream& err) {
    Options o;
    bool validate = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            o.mode = Options::Mode::Help;
            return o;
        } else if (a == "--version") {
            o.mode = Options::Mode::Version;
            return o;
        } else if (a == "--validate") {
            validate = true;
        } else if (a == "--theme" || a.rfind("--theme=", 0) == 0) {
            std::string v;
            if (a == "--theme") {
                if (i + 1 >= argc) { err << "versus: --theme needs a value (light or dark)\n"; return std::nullopt; }
                v = argv[++i];
            } else {
                v = a.substr(8);
            }
            if (v != "light" && v != "dark") {
                err << "versus: --theme must be light or dark, got '" << v << "'\n";
                return std::nullopt;
            }
            o.theme = v;
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            err << "versus: unknown option '" << a << "' (see versus --help)\n";
            return std::nullopt;
        } else {
            o.files.push_back(a);
        }
    }
    if (validate) {
        o.mode = Options::Mode::Validate;
        if (o.files.empty()) { err << "versus: --validate needs at least one FILE\n"; return std::nullopt; }
    } else if (o.files.size() > 1) {
        err << "versus: the viewer shows one FILE at a time (got " << o.files.size() << ")\n";
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

int run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    int status = 0;
    for (const std::string& file : files) {
        std::string text, why;
        const std::string name = file == "-" ? "<stdin>" : file;
        if (!read_file(file, text, why)) {
            err << "versus: cannot read " << name << ": " << why << "\n";
            status = 2;
            continue;
        }
        LoadResult r = load_payload(text);
        for (const Problem& p : r.problems) out << format_problem(name, p) << "\n";
        if (!r.ok() && status == 0) status = 1;
    }
    return status;
}

}  // namespace versus::desktop
