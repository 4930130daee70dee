#include "write/output.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "core/text.h"
#include "write/signal_cleanup.h"

namespace juesuan {

namespace fs = std::filesystem;

namespace output_testing {
namespace {
Hook& current_hook() {
    static Hook hook;
    return hook;
}
}  // namespace
void set_hook(Hook hook) { current_hook() = std::move(hook); }
}  // namespace output_testing

namespace {

using output_testing::Step;

int hook(Step step, const fs::path& p) {
    const auto& h = output_testing::current_hook();
    return h ? h(step, p) : 0;
}

// A rename the test hook may fail; returns 0 or the errno.
int rename_step(Step step, const fs::path& from, const fs::path& to, unsigned flags = 0) {
    if (int err = hook(step, from)) return err;
    int rc = flags ? ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags)
                   : ::rename(from.c_str(), to.c_str());
    return rc == 0 ? 0 : errno;
}

// "<before><path><after>：<reason (code)>"
[[noreturn]] void fail(const char* before, const fs::path& p, const char* after, int err) {
    throw std::runtime_error(fmt::format("{}{}{}：{}", before, p.string(), after, errno_text_coded(err)));
}

void write_file(const fs::path& p, const std::string& content) {
    if (int err = hook(Step::WriteFile, p)) fail("写入文件 ", p, " 失败", err);
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("无法创建文件 ", p, "", errno);
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            fail("写入文件 ", p, " 失败", err);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        fail("写入文件 ", p, " 失败", err);
    }
    if (::close(fd) != 0) fail("写入文件 ", p, " 失败", errno);
}

// A name beside `target` for a temporary ("tmp") or the old output moved aside ("old").
fs::path sibling(const fs::path& parent, const fs::path& target, const char* kind, std::random_device& rd) {
    return parent / fmt::format(".{}.{}-{:08x}", target.filename().string(), kind, rd());
}

// Only files this program writes may be replaced; anything else means the user pointed
// the output at a directory of their own.
void check_replaceable(const fs::path& target, const std::set<std::string>& ours) {
    std::error_code ec;
    fs::directory_iterator it(target, ec), end;
    // increment(ec), not ++: the throwing forms would let an English message through.
    for (; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec) || !ours.count(name))
            throw std::runtime_error(fmt::format("输出目录 {} 中有其他内容（{}）：为免覆盖，请指定新的或只含本程序输出的目录",
                                                 target.string(), name));
    }
    if (ec) throw std::runtime_error(fmt::format("无法读取输出目录 {}：{}", target.string(), error_code_text(ec)));
}

// A symlink given as the output is kept: what it points at (through any chain of links) is
// the directory written.
fs::path follow_links(fs::path p) {
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::error_code ec;
        fs::path to = fs::read_symlink(p, ec);
        if (ec) throw std::runtime_error(fmt::format("无法读取符号链接 {}：{}", p.string(), error_code_text(ec)));
        p = to.is_absolute() ? to : p.parent_path() / to;
        if (!p.has_filename()) p = p.parent_path();
    }
    throw std::runtime_error(fmt::format("输出位置 {}：{}", p.string(), errno_text_coded(ELOOP)));
}

// Whether `target` exists as a directory; anything else there is refused.
bool existing_dir(const fs::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return false;
        fail("无法访问输出位置 ", target, "", errno);
    }
    if (!S_ISDIR(st.st_mode)) throw std::runtime_error(fmt::format("输出位置 {} 已存在且不是目录", target.string()));
    return true;
}

bool cannot_exchange(int err) { return err == EINVAL || err == ENOSYS || err == ENOTSUP; }

// Without RENAME_EXCHANGE: old output to a backup name, new one in place, backup removed.
// Returns 0; or the errno of a failed first step (nothing changed) or of a second step that
// found a new output already there (ENOTEMPTY, EEXIST). Any other failed second step puts
// the backup back and throws.
int replace_in_two_steps(const fs::path& tmp, const fs::path& target, const fs::path& backup,
                         const std::vector<std::string>& names) {
    // Armed before the first rename: a signal between the two steps puts the old output back.
    SignalCleanup guard(backup, names);
    guard.arm_restore(target);
    if (int err = rename_step(Step::MoveAside, target, backup)) return err;
    if (int err = rename_step(Step::MoveIn, tmp, target)) {
        std::error_code ec;
        // Another program put its complete output there meanwhile: the old one is superseded
        // either way, and the caller replaces theirs in turn.
        if ((err == ENOTEMPTY || err == EEXIST) && existing_dir(target)) {
            guard.disarm_restore();
            fs::remove_all(backup, ec);
            return err;
        }
        if (int back = rename_step(Step::MoveBack, backup, target)) {
            // Never removed: the only copy of the old output.
            guard.disarm_restore();
            guard = SignalCleanup();
            throw std::runtime_error(fmt::format("无法替换 {}：{}；且无法恢复原有内容（{}），原有内容保存在 {}",
                                                 target.string(), errno_text_coded(err), errno_text_coded(back),
                                                 backup.string()));
        }
        throw std::runtime_error(
            fmt::format("无法替换 {}：{}（原有内容保持不变）", target.string(), errno_text_coded(err)));
    }
    guard.disarm_restore();
    std::error_code ec;
    fs::remove_all(backup, ec);
    return 0;
}

// Puts the complete `tmp` at `target`. Another program may create, swap or move `target`
// meanwhile, so what is found there is looked at again a bounded number of times.
void put_in_place(const fs::path& tmp, const fs::path& target, const fs::path& parent, bool exists,
                  const std::set<std::string>& replaceable, const std::vector<std::string>& names,
                  std::random_device& rd) {
    constexpr int kAttempts = 16;
    for (int attempt = 1;; ++attempt) {
        bool again = attempt < kAttempts;
        if (!exists) {
            int err = rename_step(Step::Create, tmp, target);
            if (err == 0) return;
            // Created by another program since we looked: replaced like any earlier output.
            if ((err == ENOTEMPTY || err == EEXIST) && again) {
                check_replaceable(target, replaceable);
                exists = true;
                continue;
            }
            fail("无法写入 ", target, "", err);
        }
        // Swap the complete new directory with the old one in one step; the old is dropped after.
        int err = rename_step(Step::Exchange, tmp, target, RENAME_EXCHANGE);
        if (err == 0) {
            hook(Step::Swapped, tmp);
            return;
        }
        if (cannot_exchange(err)) err = replace_in_two_steps(tmp, target, sibling(parent, target, "old", rd), names);
        if (err == 0) return;
        if ((err == ENOTEMPTY || err == EEXIST) && again) {
            check_replaceable(target, replaceable);
            continue;
        }
        // Moved away by another program's replace since we looked: created afresh, or, when
        // that program has put its output in place meanwhile, replaced in turn.
        if (err == ENOENT && again) {
            exists = existing_dir(target);
            continue;
        }
        fail("无法替换 ", target, "", err);
    }
}

void write_dir(const fs::path& dir, const std::map<std::string, std::string>& files,
               const std::set<std::string>& replaceable) {
    fs::path target = follow_links(dir.has_filename() ? dir : dir.parent_path());
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建目录 {}：{}", parent.string(), error_code_text(ec)));
    bool exists = existing_dir(target);
    if (exists) check_replaceable(target, replaceable);
    // What the temporary directory can hold: the new files, then (after a swap) the old ones.
    std::vector<std::string> names;
    for (const auto& [name, content] : files) names.push_back(name);
    for (const auto& name : replaceable)
        if (!files.count(name)) names.push_back(name);
    std::random_device rd;
    fs::path tmp = sibling(parent, target, "tmp", rd);
    // Registered before it exists, so no moment is left where a signal would leave it behind.
    SignalCleanup guard(tmp, names);
    if (::mkdir(tmp.c_str(), 0777) != 0) fail("无法创建临时目录 ", tmp, "", errno);
    try {
        for (const auto& [name, content] : files) write_file(tmp / name, content);
        put_in_place(tmp, target, parent, exists, replaceable, names, rd);
        fs::remove_all(tmp, ec);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace

void write_files_atomically(const fs::path& dir, const std::map<std::string, std::string>& files,
                            const std::set<std::string>& replaceable) {
    try {
        write_dir(dir, files, replaceable);
    } catch (const fs::filesystem_error& e) {
        // Only a fallback: the calls above use the error_code forms.
        fs::path p = e.path1().empty() ? dir : e.path1();
        throw std::runtime_error(fmt::format("无法写入 {}：{}", p.string(), error_code_text(e.code())));
    }
}

void write_file_atomically(const fs::path& file, const std::string& content, bool overwrite) {
    fs::path parent = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw std::runtime_error(fmt::format("{} 是一个目录：请给出文件名", file.string()));
    if (!overwrite && fs::exists(file, ec))
        throw std::runtime_error(fmt::format("文件 {} 已存在：为免覆盖，请换一个文件名，或加 --force 替换它", file.string()));
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建目录 {}：{}", parent.string(), error_code_text(ec)));
    std::random_device rd;
    fs::path tmp = sibling(parent, file, "tmp", rd);
    SignalCleanup guard(tmp);
    try {
        write_file(tmp, content);
        // Without overwrite the rename refuses a file that appeared meanwhile.
        unsigned flags = overwrite ? 0 : RENAME_NOREPLACE;
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, file.c_str(), flags) != 0) {
            int err = errno;
            if (err == EEXIST)
                throw std::runtime_error(fmt::format("文件 {} 已存在：为免覆盖，请换一个文件名，或加 --force 替换它", file.string()));
            fail("无法写入 ", file, "", err);
        }
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace juesuan
