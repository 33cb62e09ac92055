// viewer.hpp — `versus [FILE]`: the comparison in a window, as a live preview of FILE.
//
// Why: authors write payloads by hand; they need to see the result while they type. The viewer
// watches FILE (watch.hpp), reloads it when it changes, keeps what the reader did (the view keeps
// filters, votes and open quotes; ImGui keeps the scroll) and, when the new text is invalid,
// keeps the last good version on screen under the list of errors until the file is fixed.
#pragma once

#include "platform/desktop/cli.hpp"

namespace versus::desktop {

// Runs the window until the reader closes it. Returns an exit status (kExitUsage when FILE cannot
// be read at start, kExitNoDisplay when no window can be opened).
int run_viewer(const Options& opts);

}  // namespace versus::desktop
