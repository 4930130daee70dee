// Temporary paths removed when SIGINT, SIGTERM or SIGHUP ends the program, so an interrupted
// write leaves nothing behind.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace juesuan {

struct CleanupEntry;

// Registers `path` (a file, or a directory holding at most the files named in `names`) for
// removal if one of those signals arrives while this object lives. The handler only unlinks
// the named files and rmdirs the directory, so nothing else in it is ever removed; then the
// signal is raised again with its default action. Signals that were ignored or already had
// a handler when the first path was registered are left alone.
class SignalCleanup {
public:
    SignalCleanup() = default;
    explicit SignalCleanup(const std::filesystem::path& path, const std::vector<std::string>& names = {});
    ~SignalCleanup();
    SignalCleanup(SignalCleanup&& other) noexcept;
    SignalCleanup& operator=(SignalCleanup&& other) noexcept;
    SignalCleanup(const SignalCleanup&) = delete;
    SignalCleanup& operator=(const SignalCleanup&) = delete;

    // While armed, the handler first renames the path back to `to`: an old directory moved aside
    // to be replaced goes back in place instead of being lost. If the rename fails (the new one is
    // already there) the path is removed as usual.
    void arm_restore(const std::filesystem::path& to);
    void disarm_restore();

    // Unregisters now (also done by the destructor).
    void release();

private:
    CleanupEntry* entry_ = nullptr;
    int slot_ = -1;
};

}  // namespace juesuan
