// watch.hpp — notices when a payload file changes on disk, for the viewer's live preview.
//
// Why polling: stat() of one file every 100 ms costs nothing measurable, works the same for every
// editor (in-place writes, truncate-then-write, save-by-rename, atomic replace) and every file
// system, and needs no thread: the viewer's loop wakes with glfwWaitEventsTimeout(). A change is
// any difference in device, inode, size, modification or status-change time.
//
// A file that disappears is not reported at once: editors that save by rename (write a new file,
// delete or move the old, rename) leave a short gap. Only a file still missing after
// `gone_after` seconds is reported as gone.
#pragma once

#include <string>

namespace versus::desktop {

// What stat() says about a file, enough to tell that it changed.
struct FileStamp {
    bool exists = false;
    unsigned long long device = 0, inode = 0;
    long long size = 0;
    long long mtime_ns = 0, ctime_ns = 0;
    bool operator==(const FileStamp& o) const {
        return exists == o.exists && device == o.device && inode == o.inode && size == o.size &&
               mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

FileStamp stamp_file(const std::string& path);

class FileWatch {
public:
    enum class Event {
        NotDue,    // not looked at: the last look was less than `interval` ago
        Same,      // looked: the file is as last seen
        Missing,   // looked: the file is missing, for less than gone_after seconds so far
        Changed,   // looked: the file is there and differs from the last stamp seen
        Gone,      // looked: missing for gone_after seconds (reported once; Missing after)
    };

    FileWatch() = default;
    // Starts watching `path`; its current stamp counts as seen.
    explicit FileWatch(std::string path, double gone_after = 2.0);

    bool active() const { return !path_.empty(); }
    const std::string& path() const { return path_; }

    // Looks at the file (at most every `interval` seconds; `now` in seconds, monotonic).
    Event poll(double now);
    // Records the file as seen now (after the viewer read it for another reason, e.g. Ctrl+R).
    void mark_seen() { if (active()) seen_ = stamp_file(path_); }
    // Seconds until the next poll is due (for glfwWaitEventsTimeout).
    double due_in(double now) const { return next_ > now ? next_ - now : 0.0; }

    static constexpr double interval = 0.1;

private:
    std::string path_;
    double gone_after_ = 2.0;
    FileStamp seen_;
    double next_ = 0;
    double missing_since_ = -1;
    bool gone_reported_ = false;
};

}  // namespace versus::desktop
