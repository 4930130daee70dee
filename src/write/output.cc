#include "write/output.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const std::string& content) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(fmt::format("无法创建文件 {}：{}", p.string(), errno_text(errno)));
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            throw std::runtime_error(fmt::format("写入文件 {} 失败：{}", p.string(), errno_text(err)));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        throw std::runtime_error(fmt::format("写入文件 {} 失败：{}", p.string(), errno_text(errno)));
}

// Only files this program writes may be replaced; anything else means the user pointed
// the output at a directory of their own.
void check_replaceable(const fs::path& target, const std::set<std::string>& ours) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(target, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file() || !ours.count(name))
            throw std::runtime_error(fmt::format("输出目录 {} 中有其他内容（{}）：为免覆盖，请指定新的或只含本程序输出的目录",
                                                 target.string(), name));
    }
    if (ec) throw std::runtime_error(fmt::format("无法读取输出目录 {}：{}", target.string(), errno_text(ec.value())));
}

}  // namespace

void write_files_atomically(const fs::path& dir, const std::map<std::string, std::string>& files,
                            const std::set<std::string>& replaceable) {
    fs::path target = dir.has_filename() ? dir : dir.parent_path();
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建目录 {}：{}", parent.string(), errno_text(ec.value())));
    bool exists = fs::exists(target, ec);
    if (exists && !fs::is_directory(target, ec))
        throw std::runtime_error(fmt::format("输出位置 {} 已存在且不是目录", target.string()));
    if (exists) check_replaceable(target, replaceable);
    std::random_device rd;
    fs::path tmp = parent / fmt::format(".{}.tmp-{:08x}", target.filename().string(), rd());
    fs::create_directory(tmp, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建临时目录 {}：{}", tmp.string(), errno_text(ec.value())));
    try {
        for (const auto& [name, content] : files) write_file(tmp / name, content);
        if (!exists) {
            if (::rename(tmp.c_str(), target.c_str()) != 0)
                throw std::runtime_error(fmt::format("无法写入 {}：{}", target.string(), errno_text(errno)));
            return;
        }
        // Swap the complete new directory with the old one in one step, then drop the old.
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
            throw std::runtime_error(fmt::format("无法替换 {}：{}", target.string(), errno_text(errno)));
        fs::remove_all(tmp, ec);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

void write_file_atomically(const fs::path& file, const std::string& content, bool overwrite) {
    fs::path parent = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw std::runtime_error(fmt::format("{} 是一个目录：请给出文件名", file.string()));
    if (!overwrite && fs::exists(file, ec))
        throw std::runtime_error(fmt::format("文件 {} 已存在：为免覆盖，请换一个文件名，或加 --force 替换它", file.string()));
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建目录 {}：{}", parent.string(), errno_text(ec.value())));
    std::random_device rd;
    fs::path tmp = parent / fmt::format(".{}.tmp-{:08x}", file.filename().string(), rd());
    try {
        write_file(tmp, content);
        // Without overwrite the rename refuses a file that appeared meanwhile.
        unsigned flags = overwrite ? 0 : RENAME_NOREPLACE;
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, file.c_str(), flags) != 0) {
            int err = errno;
            if (err == EEXIST)
                throw std::runtime_error(fmt::format("文件 {} 已存在：为免覆盖，请换一个文件名，或加 --force 替换它", file.string()));
            throw std::runtime_error(fmt::format("无法写入 {}：{}", file.string(), errno_text(err)));
        }
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace juesuan
