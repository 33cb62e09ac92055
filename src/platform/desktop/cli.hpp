// cli.hpp — the desktop viewer's command line, parsed into values (no GLFW here, so tests and the
// validator can use it without a display).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace versus::desktop {

struct Options {
    enum class Mode { View, Validate, Help, Version } mode = Mode::View;
    std::vector<std::string> files;   // View: at most one ("" or absent = the seed; "-" = stdin)
    std::string theme = "light";      // light | dark
};

// Parses argv. On a usage error returns nothing and writes the reason to `err`.
std::optional<Options> parse_args(int argc, char** argv, std::ostream& err);

// The text of --help.
std::string usage_text();

// Reads a whole file ("-" = standard input). Returns false with a reason on failure.
bool read_file(const std::string& path, std::string& out, std::string& why);

// --validate FILE...: prints each problem as FILE:LINE:COL: error|warning: POINTER: message.
// Returns 0 when every file is valid, 1 when any has an error, 2 when a file cannot be read.
int run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

}  // namespace versus::desktop
