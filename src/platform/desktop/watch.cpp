// watch.cpp — stat()-polling file watch (see watch.hpp for why).
#include "platform/desktop/watch.hpp"

#include <sys/stat.h>

#include <utility>

namespace versus::desktop {

FileStamp stamp_file(const std::string& path) {
    FileStamp s;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.device = static_cast<unsigned long long>(st.st_dev);
    s.inode = static_cast<unsigned long long>(st.st_ino);
    s.size = static_cast<long long>(st.st_size);
    s.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    s.ctime_ns = static_cast<long long>(st.st_ctim.tv_sec) * 1000000000LL + st.st_ctim.tv_nsec;
    return s;
}

FileWatch::FileWatch(std::string path, double gone_after)
    : path_(std::move(path)), gone_after_(gone_after), seen_(stamp_file(path_)) {}

FileWatch::Event FileWatch::poll(double now) {
    if (!active() || now < next_) return Event::NotDue;
    next_ = now + interval;
    const FileStamp s = stamp_file(path_);
    if (!s.exists) {
        if (missing_since_ < 0) missing_since_ = now;
        if (!gone_reported_ && now - missing_since_ >= gone_after_) {
            gone_reported_ = true;
            seen_ = s;
            return Event::Gone;
        }
        return Event::Missing;
    }
    missing_since_ = -1;
    gone_reported_ = false;
    if (s == seen_) return Event::Same;
    seen_ = s;
    return Event::Changed;
}

}  // namespace versus::desktop
