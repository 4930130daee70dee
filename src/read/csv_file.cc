#include "read/csv_file.h"

#include <csv.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/text.h"
#include "read/text_encoding.h"

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
    // Refused before reading: no books file comes near the limit, and memory stays bounded.
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxInputFileBytes)
        throw InputError(Location{shown}, fmt::format("文件过大：有 {} 字节，超过 {} MB 的上限", size, kMaxInputFileBytes >> 20));
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(Location{shown}, fmt::format("无法读取文件：{}", errno_text(errno ? errno : EACCES)));
    // Read at most one byte past the limit: a file that grows while it is read is still bounded.
    std::string out(ec ? kMaxInputFileBytes + 1 : static_cast<size_t>(size) + 1, '\0');
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    if (in.bad()) throw InputError(Location{shown}, "读取文件时出错");
    out.resize(static_cast<size_t>(in.gcount()));
    while (!in.eof() && out.size() <= kMaxInputFileBytes) {  // it grew: read on up to the limit
        char buf[65536];
        in.read(buf, sizeof buf);
        out.append(buf, static_cast<size_t>(in.gcount()));
        if (in.bad()) throw InputError(Location{shown}, "读取文件时出错");
    }
    if (out.size() > kMaxInputFileBytes)
        throw InputError(Location{shown}, fmt::format("文件过大：超过 {} MB 的上限", kMaxInputFileBytes >> 20));
    return out;
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
    int long_line = 0, long_column = 0;  // the first field over kMaxLongTextBytes
    size_t long_size = 0;
    bool too_many = false;  // past kMaxCsvRecords: reading stops
};

void on_field(void* data, size_t len, void* state_ptr) {
    auto* st = static_cast<ParseState*>(state_ptr);
    if (!st->in_record) {
        st->current = CsvRecord{};
        st->current.line = st->line;
        st->in_record = true;
    }
    if (len > kMaxLongTextBytes) {
        // Kept empty: a field this long is an error, and holding it would cost memory for nothing.
        if (!st->long_line) {
            st->long_line = st->current.line;
            st->long_column = static_cast<int>(st->current.fields.size()) + 1;
            st->long_size = len;
        }
        st->current.fields.emplace_back();
        return;
    }
    st->current.fields.emplace_back(data ? std::string(static_cast<const char*>(data), len) : std::string());
}

void on_record(int, void* state_ptr) {
    auto* st = static_cast<ParseState*>(state_ptr);
    if (!st->in_record) return;
    if (st->records->size() >= kMaxCsvRecords) {
        st->too_many = true;
        st->in_record = false;
        return;
    }
    st->records->push_back(std::move(st->current));
    st->in_record = false;
}

}  // namespace

CsvFile parse_csv(std::string_view content, const std::string& shown) {
    CsvFile file;
    file.name = shown;
    std::string text;
    if (std::string u16 = utf16_problem(content); !u16.empty()) throw InputError(Location{shown}, u16);
    content = strip_utf8_bom(content);
    if (size_t bad = invalid_utf8_offset(content); bad == std::string_view::npos) {
        text = std::string(content);
    } else if (gb18030_to_utf8(content, text) && invalid_utf8_offset(text) == std::string::npos) {
        file.from_gb18030 = true;  // as Excel on Chinese Windows saves "CSV"
    } else {
        // The encoding is the file's problem; the first bad byte is where to look.
        TextPlace at = place_of(content, bad);
        throw InputError(Location{shown},
                         fmt::format("文件编码无法识别：第 {} 行第 {} 列的字节 0x{:02X} 既不是 UTF-8 也不是 GB18030（GBK）字符，"
                                     "请将文件另存为 UTF-8 编码的 CSV",
                                     at.line, at.column, static_cast<unsigned char>(content[bad])));
    }
    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw InputError(Location{shown}, "CSV 解析器初始化失败");
    ParseState st{&file.records, {}, 1, false, 0, 0, 0, false};
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
        if (st.too_many) {
            csv_free(&p);
            throw InputError(Location{shown, st.line, 0, {}, {}},
                             fmt::format("行数过多：一个文件至多 {} 行，此文件到此行已超过：请删去无用的行，或检查文件是否选错", kMaxCsvRecords));
        }
    }
    if (csv_fini(&p, on_field, on_record, &st) != 0) fail(st.in_record ? st.current.line : st.line);
    csv_free(&p);
    if (st.long_line)
        throw InputError(Location{shown, st.long_line, st.long_column, {}, {}},
                         fmt::format("单元格内容过长：有 {} 字节，最多 {} 字节（{} KB）", st.long_size, kMaxLongTextBytes,
                                     kMaxLongTextBytes >> 10));
    return file;
}

CsvFile read_csv_file(const std::filesystem::path& path, const std::string& shown) {
    return parse_csv(read_text_file(path, shown), shown);
}

}  // namespace juesuan
