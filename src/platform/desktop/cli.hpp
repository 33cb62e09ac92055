// cli.hpp — the desktop viewer's command line, parsed into values (no GLFW here, so tests and the
// validator can use it without a display).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace versus::desktop {

// Exit codes shared by every mode.
enum Exit : int {
    kExitOk = 0,
    kExitInvalid = 1,    // a payload has errors
    kExitUsage = 2,      // bad command line, or a file cannot be read or written
    kExitNoDisplay = 3,  // no window / OpenGL context can be had
};

struct Options {
    enum class Mode { View, Validate, Screenshot, Help, Version } mode = Mode::View;
    std::vector<std::string> files;   // View/Screenshot: at most one (absent = the seed; "-" = stdin)
    std::string theme = "light";      // light | dark
    unsigned accent = 0;              // --accent #rrggbb as an ImU32 (0 = the theme's own)
    std::string lang;                 // --lang TAG (BCP 47): the widget's language unless the payload has `lang`
    float zoom = 1.0f;                // View: initial zoom (Ctrl +/-/0 change it)
    std::string dump_state;           // View: write a JSON state dump here after frames that change it
    std::string votes;                // --votes URL: a vote service's base URL (live tallies); "" = none
    double votes_every = 10;          // View: --votes-every SECONDS between fetches while shown (0 = no timer)

    // --validate
    enum class Format { Text, Json } format = Format::Text;
    bool format_given = false;

    // --screenshot OUT.png [--size WxH] [--scale S]
    std::string screenshot;
    int width = 1200;                 // logical pixels
    int height = 0;                   // logical pixels; 0 = auto (fit the content)
    float scale = 1.0f;               // device pixels per logical pixel
};

// Parses argv. On a usage error returns nothing and writes the reason to `err`.
std::optional<Options> parse_args(int argc, char** argv, std::ostream& err);

// The host language of the widget: --lang, else the environment's locale (LC_ALL, LC_MESSAGES,
// LANG: "de_DE.UTF-8" → "de-DE"; "C" and "POSIX" → ""), else "" (English).
std::string host_language(const Options& options);

// The text of --help.
std::string usage_text();

// Reads a whole file ("-" = standard input). Returns false with a reason on failure.
bool read_file(const std::string& path, std::string& out, std::string& why);

// The name a file is shown with in messages and titles: "<stdin>" for "-".
std::string display_name(const std::string& path);

// --validate FILE...
//  text: one line per problem, FILE:LINE:COL: error|warning: POINTER: message
//  json: one JSON array of {file, line, column, pointer, severity, message} over all files
//        (line and column null when unknown; pointer "" for the whole document; a file that
//        cannot be read adds one error for the whole document).
// Returns kExitOk when every file is valid, kExitInvalid when any has an error, kExitUsage when a
// file cannot be read.
int run_validate(const std::vector<std::string>& files, Options::Format format, std::ostream& out,
                 std::ostream& err);

}  // namespace versus::desktop
