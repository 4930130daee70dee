#include "write/xlsx_support.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

namespace fs = std::filesystem;

void xlsx_check(lxw_error e, std::string_view what) {
    if (e != LXW_NO_ERROR) throw std::runtime_error(fmt::format("无法写出工作簿（{}）：{}", what, lxw_strerror(e)));
}

std::string xlsx_bytes(const XlsxProperties& props, const std::function<void(lxw_workbook*)>& fill) {
    // A name of our own in the temp directory; libxlsxwriter writes the zip there on close.
    std::string path = (fs::temp_directory_path() / "juesuan-XXXXXX.xlsx").string();
    int fd = ::mkstemps(path.data(), 5);
    if (fd < 0) throw std::runtime_error(fmt::format("无法创建临时文件：{}", errno_text(errno)));
    ::close(fd);
    struct Remove {
        std::string p;
        ~Remove() { ::unlink(p.c_str()); }
    } remove{path};

    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw std::runtime_error("无法创建工作簿");
    std::string data;
    try {
        std::tm tm{};
        tm.tm_year = (props.year > 0 ? props.year : 1980) - 1900;
        tm.tm_mon = props.year > 0 ? 11 : 0;
        tm.tm_mday = props.year > 0 ? 31 : 1;
        lxw_doc_properties dp{};
        dp.title = const_cast<char*>(props.title.c_str());
        dp.subject = const_cast<char*>(props.subject.c_str());
        dp.author = const_cast<char*>(props.author.c_str());
        dp.company = const_cast<char*>(props.company.c_str());
        dp.comments = const_cast<char*>(props.comments.c_str());
        dp.created = ::timegm(&tm);  // same input, same bytes
        xlsx_check(workbook_set_properties(wb, &dp), "文档属性");
        fill(wb);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    xlsx_check(workbook_close(wb), "保存");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) throw std::runtime_error("无法读回刚写出的工作簿");
    return ss.str();
}

std::string unique_sheet_name(std::string_view wanted, std::set<std::string>& taken) {
    // Code points of the name, forbidden characters replaced.
    std::vector<std::string> chars;
    for (size_t i = 0; i < wanted.size();) {
        unsigned char c = static_cast<unsigned char>(wanted[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::string ch(wanted.substr(i, n));
        if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos) ch = "_";
        chars.push_back(ch);
        i += n;
    }
    while (!chars.empty() && chars.front() == "'") chars.erase(chars.begin());
    while (!chars.empty() && chars.back() == "'") chars.pop_back();
    if (chars.empty()) chars.push_back("表");
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::set<std::string> lowered;
    for (const auto& t : taken) lowered.insert(lower(t));
    for (int n = 1;; ++n) {
        std::string suffix = n == 1 ? "" : fmt::format("({})", n);
        size_t keep = std::min(chars.size(), static_cast<size_t>(31) - suffix.size());
        std::string name;
        for (size_t i = 0; i < keep; ++i) name += chars[i];
        name += suffix;
        if (!lowered.count(lower(name))) {
            taken.insert(name);
            return name;
        }
    }
}

double text_width(std::string_view s) {
    double w = 0, widest = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w = c == '\n' ? 0 : w + (n >= 3 ? 2.1 : 1.1);
        widest = std::max(widest, w);
        i += n;
    }
    return widest;
}

}  // namespace juesuan
