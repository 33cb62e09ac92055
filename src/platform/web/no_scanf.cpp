// no_scanf.cpp — the web core's sscanf: it reads nothing.
//
// Why this file exists: nothing in versus parses text with scanf. The only callers in the web core
// are Dear ImGui's .ini settings readers (window positions and sizes, table columns), and they
// never run: the host keeps no settings file (src/ui/host.cpp sets `io.IniFilename = nullptr`)
// and nothing calls `ImGui::LoadIniSettingsFromMemory`. They are linked all the same, because
// ImGui registers them by function pointer when a context is created, and with them came musl's
// scanf engine and its decimal reader on 128-bit software floats: 3.0 KB of the wasm, gzip -9
// (docs/performance.md). This definition, linked before libc, takes sscanf's place in the web core
// only (the desktop keeps libc's): it converts nothing and returns EOF, what sscanf returns for an
// input that ends before the first conversion — so were an ini line ever handed to ImGui here,
// its reader would keep its defaults, as for a line it does not know. tests/web/core_size.test.mjs
// checks that no other part of the core calls it.
#include <cstdio>

extern "C" int sscanf(const char* /*input*/, const char* /*format*/, ...) {
    return EOF;
}
