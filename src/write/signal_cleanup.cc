#include "write/signal_cleanup.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <memory>
#include <mutex>

namespace juesuan {

namespace fs = std::filesystem;

// Everything the handler touches is built before the entry is published: it only reads these
// C strings and calls unlink, rmdir and rename, which are async-signal-safe.
struct CleanupEntry {
    std::string path;
    std::vector<std::string> files;
    std::vector<const char*> file_ptrs;  // into `files`, ending in nullptr
    std::string restore_to;
    std::atomic<bool> restore{false};
};

namespace {

constexpr int kSlots = 64;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

std::atomic<CleanupEntry*> g_slots[kSlots];
// Set once a handler runs: entries are then never freed, as the handler may still read them.
std::atomic<bool> g_handling{false};

extern "C" void on_signal(int sig) {
    int saved = errno;
    g_handling.store(true);
    for (auto& slot : g_slots) {
        CleanupEntry* e = slot.load();
        if (!e) continue;
        if (e->restore.load() && ::rename(e->path.c_str(), e->restore_to.c_str()) == 0) continue;
        for (const char* const* f = e->file_ptrs.data(); *f; ++f) ::unlink(*f);
        // A directory fails unlink and an unexpected file keeps rmdir from removing it.
        if (::unlink(e->path.c_str()) != 0) ::rmdir(e->path.c_str());
    }
    errno = saved;
    // SA_RESETHAND restored the default action: the raised signal ends the program as it would have.
    ::raise(sig);
}

void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa {};
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND | SA_RESTART;
        sigemptyset(&sa.sa_mask);
        for (int s : kSignals) sigaddset(&sa.sa_mask, s);
        for (int s : kSignals) {
            struct sigaction old {};
            if (::sigaction(s, nullptr, &old) != 0) continue;
            // Ignored (nohup, a background job) or handled by someone else: not ours to change.
            if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
            ::sigaction(s, &sa, nullptr);
        }
    });
}

}  // namespace

SignalCleanup::SignalCleanup(const fs::path& path, const std::vector<std::string>& names) {
    install_handlers();
    auto e = std::make_unique<CleanupEntry>();
    e->path = path.string();
    for (const auto& n : names) e->files.push_back((path / n).string());
    // Pointers taken only once `files` no longer grows.
    for (const auto& f : e->files) e->file_ptrs.push_back(f.c_str());
    e->file_ptrs.push_back(nullptr);
    for (int i = 0; i < kSlots; ++i) {
        CleanupEntry* expected = nullptr;
        if (g_slots[i].compare_exchange_strong(expected, e.get())) {
            slot_ = i;
            entry_ = e.release();
            return;
        }
    }
    // Every slot taken: the path is still removed on errors, only not on a signal.
}

SignalCleanup::~SignalCleanup() { release(); }

SignalCleanup::SignalCleanup(SignalCleanup&& other) noexcept : entry_(other.entry_), slot_(other.slot_) {
    other.entry_ = nullptr;
    other.slot_ = -1;
}

SignalCleanup& SignalCleanup::operator=(SignalCleanup&& other) noexcept {
    if (this != &other) {
        release();
        entry_ = other.entry_;
        slot_ = other.slot_;
        other.entry_ = nullptr;
        other.slot_ = -1;
    }
    return *this;
}

void SignalCleanup::arm_restore(const fs::path& to) {
    if (!entry_ || entry_->restore.load()) return;
    entry_->restore_to = to.string();
    entry_->restore.store(true);
}

void SignalCleanup::disarm_restore() {
    if (entry_) entry_->restore.store(false);
}

void SignalCleanup::release() {
    if (slot_ < 0) return;
    g_slots[slot_].store(nullptr);
    if (!g_handling.load()) delete entry_;
    entry_ = nullptr;
    slot_ = -1;
}

}  // namespace juesuan
