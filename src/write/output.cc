#include "write/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

namespace juesuan {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const std::string& content) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(fmt::format("无法创建文件 {}：{}", p.string(), std::strerror(errno)));
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            throw std::runtime_error(fmt::format("写入文件 {} 失败：{}", p.string(), std::strerror(err)));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        throw std::runtime_error(fmt::format("写入文件 {} 失败：{}", p.string(), std::strerror(errno)));
}

}  // namespace

void write_files_atomically(const fs::path& dir, const std::map<std::string, std::string>& files) {
    fs::path target = dir.has_filename() ? dir : dir.parent_path();
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建目录 {}：{}", parent.string(), ec.message()));
    if (fs::exists(target, ec) && !fs::is_directory(target, ec))
        throw std::runtime_error(fmt::format("输出位置 {} 已存在且不是目录", target.string()));
    std::random_device rd;
    fs::path tmp = parent / fmt::format(".{}.tmp-{:08x}", target.filename().string(), rd());
    fs::create_directory(tmp, ec);
    if (ec) throw std::runtime_error(fmt::format("无法创建临时目录 {}：{}", tmp.string(), ec.message()));
    try {
        for (const auto& [name, content] : files) write_file(tmp / name, content);
        if (!fs::exists(target, ec)) {
            fs::rename(tmp, target);
            return;
        }
        for (const auto& [name, content] : files) fs::rename(tmp / name, target / name);
        fs::remove_all(tmp, ec);
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(tmp, ec);
        throw std::runtime_error(fmt::format("写入 {} 失败：{}", target.string(), e.code().message()));
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace juesuan
