#include "read/csv_file.h"

#include <csv.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

bool CsvRecord::blank() const {
    for (const auto& f : fields)
        if (!trim(f).empty()) return false;
    return true;
}

std::string read_text_file(const std::filesystem::path& path, const std::string& shown) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(Location{shown}, "这是一个目录，应为文件");
    if (!std::filesystem::exists(path, ec)) throw InputError(Location{shown}, "文件不存在");
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError(Location{shown}, "无法读取文件：不是普通文件");
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(Location{shown}, fmt::format("无法读取文件：{}", errno_text(errno ? errno : EACCES)));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw InputError(Location{shown}, "读取文件时出错");
    return ss.str();
}

bool gb18030_to_utf8(std::string_view in, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data());
    size_t src_left = in.size();
    char* dst = out.data();
    size_t dst_left = out.size();
    bool ok = true;
    while (src_left > 0) {
        size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
        if (r == static_cast<size_t>(-1)) {
            if (errno == E2BIG) {
                size_t used = static_cast<size_t>(dst - out.data());
                out.resize(out.size() * 2);
                dst = out.data() + used;
                dst_left = out.size() - used;
                continue;
            }
            ok = false;
            break;
        }
    }
    out.resize(static_cast<size_t>(dst - out.data()));
    iconv_close(cd);
    return ok;
}

namespace {

struct ParseState {
    std::vector<CsvRecord>* records;
    CsvRecord current;
    int line = 1;
    bool in_record = false;
};

void on_field(void* data, size_t len, void* state_ptr) {
    auto* st = static_cast<ParseState*>(state_ptr);
    if (!st->in_record) {
        st->current = CsvRecord{};
        st->current.line = st->line;
        st->in_record = true;
    }
    st->current.fields.emplace_back(data ? std::string(static_cast<const char*>(data), len) : std::string());
}

void on_record(int, void* state_ptr) {
    auto* st = static_cast<ParseState*>(state_ptr);
    if (!st->in_record) return;
    st->records->push_back(std::move(st->current));
    st->in_record = false;
}

}  // namespace

CsvFile parse_csv(std::string_view content, const std::string& shown) {
    CsvFile file;
    file.name = shown;
    std::string text;
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    if (is_valid_utf8(content)) {
        text = std::string(content);
    } else if (gb18030_to_utf8(content, text) && is_valid_utf8(text)) {
        file.from_gb18030 = true;
    } else {
        throw InputError(Location{shown}, "文件编码无法识别：应为 UTF-8 或 GB18030（GBK）编码的 CSV");
    }
    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw InputError(Location{shown}, "CSV 解析器初始化失败");
    ParseState st{&file.records, {}, 1, false};
    size_t pos = 0;
    auto fail = [&](int line) {
        int err = csv_error(&p);
        csv_free(&p);
        // The column is the field being read when the error struck.
        int column = st.in_record ? static_cast<int>(st.current.fields.size()) + 1 : 1;
        throw InputError(Location{shown, line, column, {}, {}},
                         err == CSV_EPARSE ? "CSV 格式错误：引号不成对，或引号括起的内容后面紧跟了其他字符（单元格中的英文双引号应写作两个双引号 \"\"）"
                                           : "CSV 格式错误：文件过大或内存不足");
    };
    // Feed line by line so every record knows the line it starts on.
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        size_t end = nl == std::string::npos ? text.size() : nl + 1;
        size_t n = end - pos;
        if (csv_parse(&p, text.data() + pos, n, on_field, on_record, &st) != n) fail(st.in_record ? st.current.line : st.line);
        pos = end;
        if (nl != std::string::npos) ++st.line;
    }
    if (csv_fini(&p, on_field, on_record, &st) != 0) fail(st.in_record ? st.current.line : st.line);
    csv_free(&p);
    return file;
}

CsvFile read_csv_file(const std::filesystem::path& path, const std::string& shown) {
    return parse_csv(read_text_file(path, shown), shown);
}

}  // namespace juesuan
