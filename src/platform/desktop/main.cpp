// main.cpp — `versus`: the desktop viewer and its command line.
//
// Thin dispatch: cli.cpp parses the options and validates; viewer.cpp is the live-preview window
// (GLFW + OpenGL 3); screenshot.cpp renders off-screen to a PNG. Everything drawn comes from
// src/ui (ComparisonView), everything read from src/model.
#include "platform/desktop/cli.hpp"
#include "platform/desktop/screenshot.hpp"
#include "platform/desktop/viewer.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace versus::desktop;
    const auto opts = parse_args(argc, argv, std::cerr);
    if (!opts) return kExitUsage;
    switch (opts->mode) {
        case Options::Mode::Help: std::cout << usage_text(); return kExitOk;
        case Options::Mode::Version: std::cout << "versus " VERSUS_VERSION "\n"; return kExitOk;
        case Options::Mode::Validate: return run_validate(opts->files, opts->format, std::cout, std::cerr);
        case Options::Mode::Screenshot: return run_screenshot(*opts, std::cerr);
        case Options::Mode::View: break;
    }
    return run_viewer(*opts);
}
