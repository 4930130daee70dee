#include "read/xlsx_file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pugixml.hpp>

#include "read/ooxml_package.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace fs = std::filesystem;

const XlsxCell* XlsxSheet::cell(int row, int col) const {
    auto r = std::lower_bound(rows.begin(), rows.end(), row, [](const XlsxRow& x, int n) { return x.number < n; });
    if (r == rows.end() || r->number != row) return nullptr;
    auto c = std::lower_bound(r->cells.begin(), r->cells.end(), col, [](const XlsxCell& x, int n) { return x.col < n; });
    return c == r->cells.end() || c->col != col ? nullptr : &*c;
}

int XlsxSheet::max_col() const {
    int m = 0;
    for (const auto& r : rows)
        if (!r.cells.empty()) m = std::max(m, r.cells.back().col);
    return m;
}

const XlsxSheet* XlsxWorkbook::sheet(std::string_view name) const {
    for (const auto& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

// ---- stored numbers as exact decimal digits

namespace {

// value = (neg ? -1 : 1) × digits × 10^power; digits without leading zeros, "0" for zero.
struct DecimalDigits {
    bool neg = false;
    std::string digits;
    int power = 0;
};

std::optional<DecimalDigits> parse_stored(std::string_view s) {
    DecimalDigits d;
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.neg = s[i++] == '-';
    std::string digits;
    int frac = 0;
    bool any = false, point = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            any = true;
            if (point) ++frac;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
        if (digits.size() > 400) return std::nullopt;  // no spreadsheet writes such a number
    }
    if (!any) return std::nullopt;
    int exp = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) eneg = s[i++] == '-';
        if (i == s.size()) return std::nullopt;
        for (; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            exp = exp * 10 + (s[i] - '0');
            if (exp > 400) return std::nullopt;
        }
        if (eneg) exp = -exp;
    }
    if (i != s.size()) return std::nullopt;
    size_t lead = digits.find_first_not_of('0');
    if (lead == std::string::npos) return DecimalDigits{false, "0", 0};
    d.digits = digits.substr(lead);
    d.power = exp - frac;
    // Trailing zeros belong in the power: 1411.6400 and 1411.64 are one number.
    size_t last = d.digits.find_last_not_of('0');
    d.power += static_cast<int>(d.digits.size() - 1 - last);
    d.digits.resize(last + 1);
    return d;
}

// Adds one to a string of decimal digits.
std::string increment(std::string n) {
    for (size_t i = n.size(); i-- > 0;) {
        if (n[i] != '9') {
            ++n[i];
            return n;
        }
        n[i] = '0';
    }
    return "1" + n;
}

std::string plain(const DecimalDigits& d) {
    if (d.digits == "0") return "0";
    std::string out = d.neg ? "-" : "";
    if (d.power >= 0) return out + d.digits + std::string(static_cast<size_t>(d.power), '0');
    size_t k = static_cast<size_t>(-d.power);
    std::string ip, fp;
    if (d.digits.size() > k) {
        ip = d.digits.substr(0, d.digits.size() - k);
        fp = d.digits.substr(d.digits.size() - k);
    } else {
        ip = "0";
        fp = std::string(k - d.digits.size(), '0') + d.digits;
    }
    while (!fp.empty() && fp.back() == '0') fp.pop_back();
    return out + ip + (fp.empty() ? "" : "." + fp);
}

// Splits digits × 10^power at 10^-decimals: the whole grid units and the dropped digits.
void split_at(const DecimalDigits& d, int decimals, std::string& units, std::string& rest) {
    int q = d.power + decimals;
    if (q >= 0) {
        units = d.digits + std::string(static_cast<size_t>(q), '0');
        rest.clear();
        return;
    }
    size_t k = static_cast<size_t>(-q);
    if (d.digits.size() > k) {
        units = d.digits.substr(0, d.digits.size() - k);
        rest = d.digits.substr(d.digits.size() - k);
    } else {
        units = "0";
        rest = std::string(k - d.digits.size(), '0') + d.digits;
    }
}

// 0.rest as a double (enough digits for comparing with a tolerance).
double fraction_of(const std::string& rest) {
    std::string head = rest.substr(0, 17);
    return static_cast<double>(std::stoull(head)) / std::pow(10.0, static_cast<double>(head.size()));
}

}  // namespace

std::string excel_number_text(std::string_view stored) {
    auto d = parse_stored(stored);
    if (!d) return {};
    if (d->digits.size() > 15) {
        size_t drop = d->digits.size() - 15;
        bool up = d->digits[15] >= '5';
        d->digits.resize(15);
        if (up) d->digits = increment(d->digits);
        d->power += static_cast<int>(drop);
        size_t last = d->digits.find_last_not_of('0');
        d->power += static_cast<int>(d->digits.size() - 1 - last);
        d->digits.resize(last + 1);
    }
    return plain(*d);
}

std::optional<std::string> number_on_grid(std::string_view stored, int decimals) {
    auto d = parse_stored(stored);
    if (!d) return std::nullopt;
    if (d->power >= -decimals) return plain(*d);  // already on the grid: exact
    std::string units, rest;
    split_at(*d, decimals, units, rest);
    double r = fraction_of(rest);
    bool up = r >= 0.5;
    double off = up ? 1.0 - r : r;
    double tolerance = std::max(1e-6, std::strtod(units.c_str(), nullptr) * 1e-15);
    if (off > tolerance) return std::nullopt;
    if (up) units = increment(units);
    DecimalDigits on{d->neg, units, -decimals};
    size_t lead = on.digits.find_first_not_of('0');
    on.digits = lead == std::string::npos ? "0" : on.digits.substr(lead);
    if (on.digits == "0") return "0";
    return plain(on);
}

// ---- the package

namespace {

constexpr zip_uint64_t kMaxPartBytes = 200u * 1024 * 1024;  // a sheet of a million filled cells is ~50 MB
constexpr zip_uint64_t kMaxTotalBytes = 256u * 1024 * 1024;  // all parts together: bounds a zip bomb
constexpr size_t kMaxSharedStrings = 1'000'000;
constexpr size_t kMaxCells = 2'000'000;
constexpr long kMaxTags = 12'000'000;  // about four tags a cell
constexpr size_t kMaxSheets = 1000;
constexpr size_t kMaxMerges = 200'000;
constexpr int kMaxRow = 1'048'576;  // Excel's own limits
constexpr int kMaxCol = 16'384;

enum class DateKind { None, Date, Time };

pugi::xml_node root(const pugi::xml_document& doc) { return doc.document_element(); }

// The text of a shared string or inline string: <t>, or the runs <r><t> of rich text
// (phonetic runs <rPh> are not part of the text).
std::string string_item(pugi::xml_node si) {
    std::string out;
    for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view n = xml_local(c.name());
        if (n == "t") out += c.text().get();
        else if (n == "r") out += xml_child(c, "t").text().get();
    }
    return unescape_ooxml(out);
}

// ---- dates

DateKind builtin_date_kind(int id) {
    if ((id >= 14 && id <= 17) || id == 22) return DateKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateKind::Time;
    // Built-in formats of East Asian Excel: 27–31, 36, 50–58 are dates (yyyy"年"m"月"d"日" …), 32–35 times.
    if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58)) return DateKind::Date;
    if (id >= 32 && id <= 35) return DateKind::Time;
    return DateKind::None;
}

// A custom number format is a date when its first section has a year, a day, or a month that is
// not a minute (m next to h or s is a minute, as in [h]:mm); literal text and colours do not count.
DateKind custom_date_kind(std::string_view code) {
    std::string bare;
    bool quoted = false;
    for (size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == ';') break;
        else if (c == '\\' || c == '_' || c == '*') ++i;  // an escaped, padding or fill character
        else if (c == '[') {
            size_t end = code.find(']', i);
            std::string_view inner = code.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
            // [h], [mm], [ss]: elapsed time; anything else in brackets is a colour or locale.
            auto elapsed = [](char x) { return std::string_view("hHmMsS").find(x) != std::string_view::npos; };
            if (!inner.empty() && std::all_of(inner.begin(), inner.end(), elapsed)) bare += 'h';
            if (end == std::string_view::npos) break;
            i = end;
        } else {
            bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    for (const char* ampm : {"am/pm", "a/p"})
        for (size_t p = bare.find(ampm); p != std::string::npos; p = bare.find(ampm)) bare.replace(p, std::strlen(ampm), "h");
    if (bare.find("general") != std::string::npos) return DateKind::None;
    bool y = bare.find('y') != std::string::npos, d = bare.find('d') != std::string::npos;
    bool m = bare.find('m') != std::string::npos, h = bare.find('h') != std::string::npos,
         s = bare.find('s') != std::string::npos;
    if (y || d || (m && !h && !s)) return DateKind::Date;
    if (h || s) return DateKind::Time;
    return DateKind::None;
}

// Days from 1970-01-01 to a civil date, and back (Howard Hinnant's algorithms).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string civil(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:04d}-{:02d}-{:02d}", y + (m <= 2), m, d);
}

// An Excel serial date as ISO text; nullopt when it is out of the range Excel shows as a date.
std::optional<std::string> serial_text(const std::string& stored, DateKind kind, bool date1904) {
    double v = std::strtod(stored.c_str(), nullptr);
    if (!std::isfinite(v) || v < 0 || v >= 2958466) return std::nullopt;  // 9999-12-31 is the last day
    long days = static_cast<long>(std::floor(v));
    long secs = std::lround((v - static_cast<double>(days)) * 86400.0);
    if (secs >= 86400) {
        ++days;
        secs -= 86400;
    }
    std::string time = fmt::format("{:02d}:{:02d}:{:02d}", secs / 3600, secs / 60 % 60, secs % 60);
    if (kind == DateKind::Time) {
        return fmt::format("{:02d}:{:02d}:{:02d}", days * 24 + secs / 3600, secs / 60 % 60, secs % 60);
    }
    std::string date;
    if (date1904)
        date = civil(days_from_civil(1904, 1, 1) + days);
    else if (days == 60)
        date = "1900-02-29";  // the day Excel counts though it never was (Lotus 1-2-3's leap year)
    else if (days < 60)
        date = civil(days_from_civil(1899, 12, 31) + days);
    else
        date = civil(days_from_civil(1899, 12, 30) + days);
    return secs == 0 ? date : date + " " + time;
}

// ---- cells

bool parse_ref(std::string_view ref, int& row, int& col) {
    size_t i = 0;
    long c = 0, r = 0;
    while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
        c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
        if (c > kMaxCol) return false;
        ++i;
    }
    if (i == 0 || i == ref.size()) return false;
    for (; i < ref.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
        r = r * 10 + (ref[i] - '0');
        if (r > kMaxRow) return false;
    }
    if (r < 1) return false;
    row = static_cast<int>(r);
    col = static_cast<int>(c);
    return true;
}

struct Context {
    const OoxmlPackage& pkg;
    std::vector<std::string> shared;
    std::vector<DateKind> styles;  // by cellXfs index
    bool date1904 = false;
    size_t cells = 0;
};

// A cell's value by its type (shared string, inline string, number, date by its style, boolean,
// error); false for a styled cell without a value. Every problem names the cell.
bool read_cell_value(Context& cx, const XlsxSheet& sheet, pugi::xml_node cn, XlsxCell& cell) {
    auto bad = [&](const std::string& why) { cx.pkg.fail(why, sheet.name, cell.row, cell.col); };
    std::string t = xml_attr(cn, "t") ? xml_attr(cn, "t") : "n";
    pugi::xml_node v = xml_child(cn, "v");
    if (pugi::xml_node f = xml_child(cn, "f")) cell.formula = f.text().get();
    std::string value = v.text().get();
    if (t != "inlineStr" && (!v || (value.empty() && t != "str"))) {
        if (cell.formula.empty()) return false;  // a styled empty cell
        cell.type = t == "str" ? XlsxType::Text : XlsxType::Number;
        cell.has_value = false;            // a formula never calculated
    } else if (t == "s") {
        char* end = nullptr;
        unsigned long i = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || i >= cx.shared.size())
            bad(fmt::format("共享字符串编号“{}”不存在", value));
        cell.type = XlsxType::Text;
        cell.text = cx.shared[i];
    } else if (t == "inlineStr") {
        cell.type = XlsxType::Text;
        cell.text = string_item(xml_child(cn, "is"));
    } else if (t == "str") {
        cell.type = XlsxType::Text;
        cell.text = unescape_ooxml(value);
    } else if (t == "b") {
        if (value != "0" && value != "1") bad(fmt::format("逻辑值“{}”不对：应为 0 或 1", value));
        cell.type = XlsxType::Boolean;
        cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (t == "e") {
        cell.type = XlsxType::Error;
        cell.text = value;
    } else if (t == "d") {
        cell.type = XlsxType::Date;  // ISO 8601 as stored (strict OOXML)
        auto tpos = value.find('T');
        cell.text = value.substr(0, tpos);
        if (tpos != std::string::npos && value.substr(tpos + 1, 8) != "00:00:00")
            cell.text += " " + value.substr(tpos + 1, 8);
    } else if (t == "n") {
        if (excel_number_text(value).empty()) bad(fmt::format("数值“{}”无法识别", value));
        cell.type = XlsxType::Number;
        cell.text = value;
        if (const char* s = xml_attr(cn, "s")) {
            unsigned long style = std::strtoul(s, nullptr, 10);
            if (style < cx.styles.size() && cx.styles[style] != DateKind::None)
                if (auto iso = serial_text(value, cx.styles[style], cx.date1904)) {
                    cell.type = XlsxType::Date;
                    cell.text = *iso;
                }
        }
    } else {
        bad(fmt::format("未知的单元格类型“{}”", t));
    }
    if (cell.type == XlsxType::Text) {
        // pugixml passes bytes through: a text must be UTF-8, and no longer than a narrative.
        if (size_t b = invalid_utf8_offset(cell.text); b != std::string::npos)
            bad(fmt::format("单元格中的文字含有无效的 UTF-8 字节 0x{:02X}（第 {} 个字节）：请在 Excel 中重新输入此格",
                            static_cast<unsigned char>(cell.text[b]), b + 1));
        if (cell.text.size() > kMaxLongTextBytes)
            bad(fmt::format("单元格内容过长：有 {} 字节，最多 {} 字节（{} KB）", cell.text.size(), kMaxLongTextBytes,
                            kMaxLongTextBytes >> 10));
    }
    return true;
}

void read_sheet(Context& cx, XlsxSheet& sheet) {
    pugi::xml_document doc;
    cx.pkg.parse(sheet.part, doc, sheet.name);
    pugi::xml_node ws = root(doc);
    if (xml_local(ws.name()) != "worksheet") cx.pkg.fail(fmt::format("部件 {} 不是工作表", sheet.part), sheet.name);
    int next_row = 1;
    std::map<int, std::vector<XlsxCell>> by_row;
    xml_each_child(xml_child(ws, "sheetData"), "row", [&](pugi::xml_node rn) {
        int rnum = next_row;
        bool numbered = false;
        if (const char* r = xml_attr(rn, "r")) {
            char* end = nullptr;
            long v = std::strtol(r, &end, 10);
            if (*r == '\0' || *end != '\0' || v < 1 || v > kMaxRow)
                cx.pkg.fail(fmt::format("行号“{}”不对", r), sheet.name);
            rnum = static_cast<int>(v);
            numbered = true;
        }
        next_row = rnum + 1;
        int next_col = 1;
        xml_each_child(rn, "c", [&](pugi::xml_node cn) {
            XlsxCell cell;
            cell.row = rnum;
            cell.col = next_col;
            if (const char* ref = xml_attr(cn, "r")) {
                if (!parse_ref(ref, cell.row, cell.col))
                    cx.pkg.fail(fmt::format("单元格引用“{}”不对", ref), sheet.name, rnum);
                if (cell.row != rnum) {
                    if (numbered) cx.pkg.fail(fmt::format("单元格 {} 写在第 {} 行中", ref, rnum), sheet.name, rnum);
                    rnum = cell.row;  // a row without a number takes its cells' row
                    next_row = rnum + 1;
                }
            }
            next_col = cell.col + 1;
            if (cell.col > kMaxCol) cx.pkg.fail("列数超过 Excel 的上限", sheet.name, rnum);
            if (!read_cell_value(cx, sheet, cn, cell)) {
                if (sheet.blank_rows.size() < kMaxCells && (sheet.blank_rows.empty() || sheet.blank_rows.back() != rnum))
                    sheet.blank_rows.push_back(rnum);
                return;
            }
            if (++cx.cells > kMaxCells)
                cx.pkg.fail(fmt::format("工作簿的单元格超过 {} 个：请删去无用的内容", kMaxCells), sheet.name, cell.row, cell.col);
            by_row[cell.row].push_back(std::move(cell));
        });
    });
    for (auto& [n, cells] : by_row) {
        // Cells in column order, the later of two in one place winning.
        std::stable_sort(cells.begin(), cells.end(), [](const XlsxCell& a, const XlsxCell& b) { return a.col < b.col; });
        XlsxRow row;
        row.number = n;
        for (auto& c : cells) {
            if (!row.cells.empty() && row.cells.back().col == c.col) row.cells.back() = std::move(c);
            else row.cells.push_back(std::move(c));
        }
        sheet.rows.push_back(std::move(row));
    }
    std::sort(sheet.blank_rows.begin(), sheet.blank_rows.end());
    sheet.blank_rows.erase(std::unique(sheet.blank_rows.begin(), sheet.blank_rows.end()), sheet.blank_rows.end());
    xml_each_child(xml_child(ws, "mergeCells"), "mergeCell", [&](pugi::xml_node m) {
        std::string ref = xml_attr(m, "ref") ? xml_attr(m, "ref") : "";
        auto colon = ref.find(':');
        XlsxRange range;
        bool ok = colon != std::string::npos && parse_ref(ref.substr(0, colon), range.first_row, range.first_col) &&
                  parse_ref(ref.substr(colon + 1), range.last_row, range.last_col) &&
                  range.first_row <= range.last_row && range.first_col <= range.last_col;
        if (!ok) cx.pkg.fail(fmt::format("合并单元格的范围“{}”不对", ref), sheet.name);
        if (sheet.merges.size() >= kMaxMerges) cx.pkg.fail("合并单元格过多", sheet.name);
        sheet.merges.push_back(range);
    });
}

std::vector<DateKind> read_styles(const OoxmlPackage& pkg, const std::string& part) {
    std::vector<DateKind> out;
    if (part.empty() || !pkg.has(part)) return out;
    pugi::xml_document doc;
    pkg.parse(part, doc);
    pugi::xml_node ss = root(doc);
    std::map<long, DateKind> custom;
    xml_each_child(xml_child(ss, "numFmts"), "numFmt", [&](pugi::xml_node n) {
        const char* id = xml_attr(n, "numFmtId");
        const char* code = xml_attr(n, "formatCode");
        if (id && code) custom[std::strtol(id, nullptr, 10)] = custom_date_kind(code);
    });
    xml_each_child(xml_child(ss, "cellXfs"), "xf", [&](pugi::xml_node xf) {
        const char* id = xml_attr(xf, "numFmtId");
        long n = id ? std::strtol(id, nullptr, 10) : 0;
        auto it = custom.find(n);
        out.push_back(it != custom.end() ? it->second : builtin_date_kind(static_cast<int>(n)));
    });
    return out;
}

XlsxWorkbook read_package(const OoxmlPackage& pkg) {
    XlsxWorkbook wb;
    wb.file = pkg.file();
    // The main part is named by the package relationships; xl/workbook.xml by convention.
    const std::string main = pkg.main_part("xl/workbook.xml");
    if (!pkg.has(main)) pkg.fail("不是 Excel 工作簿（.xlsx）：缺少 xl/workbook.xml");
    pugi::xml_document doc;
    pkg.parse(main, doc);
    pugi::xml_node book = root(doc);
    if (xml_local(book.name()) != "workbook") pkg.fail(fmt::format("{} 不是工作簿部件", main));
    auto rels = pkg.relationships(main);
    Context cx{pkg, {}, {}, false, 0};
    if (const char* d = xml_attr(xml_child(book, "workbookPr"), "date1904"))
        cx.date1904 = std::string_view(d) == "1" || std::string_view(d) == "true";
    std::string shared_part, styles_part;
    for (const auto& [id, rel] : rels) {
        if (ooxml_type_is(rel.type, "/sharedStrings")) shared_part = rel.target;
        if (ooxml_type_is(rel.type, "/styles")) styles_part = rel.target;
    }
    if (!shared_part.empty() && pkg.has(shared_part)) {
        pugi::xml_document sst;
        pkg.parse(shared_part, sst);
        xml_each_child(root(sst), "si", [&](pugi::xml_node si) {
            if (cx.shared.size() >= kMaxSharedStrings)
                pkg.fail(fmt::format("共享字符串超过 {} 个：请删去无用的内容", kMaxSharedStrings));
            cx.shared.push_back(string_item(si));
        });
    }
    cx.styles = read_styles(pkg, styles_part);
    xml_each_child(xml_child(book, "sheets"), "sheet", [&](pugi::xml_node s) {
        const char* name = xml_attr(s, "name");
        const char* rid = xml_attr(s, "id", true);
        if (!name || !rid) pkg.fail("工作簿中的工作表缺少名称或关系编号");
        if (invalid_utf8_offset(name) != std::string::npos) pkg.fail("工作表的名称含有无效的 UTF-8 字节");
        auto it = rels.find(rid);
        if (it == rels.end()) pkg.fail(fmt::format("工作表“{}”的关系 {} 不存在", name, rid), name);
        if (!ooxml_type_is(it->second.type, "/worksheet")) return;  // chart and dialog sheets hold no cells
        if (wb.sheets.size() >= kMaxSheets) pkg.fail("工作表过多");
        if (!pkg.has(it->second.target))
            pkg.fail(fmt::format("工作表“{}”的部件 {} 不存在", name, it->second.target), name);
        XlsxSheet sheet;
        sheet.name = name;
        sheet.part = it->second.target;
        read_sheet(cx, sheet);
        wb.sheets.push_back(std::move(sheet));
    });
    return wb;
}

constexpr const char* kNotZip =
    "不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包，可能已损坏，或是旧的 .xls 格式（请在 Excel 中另存为 .xlsx）";

}  // namespace

std::vector<std::string> xlsx_sheet_names(const fs::path& path) {
    const OoxmlPackage pkg = OoxmlPackage::open_file(path, path.string(), "工作簿", kNotZip);
    const std::string main = pkg.main_part("xl/workbook.xml");
    if (!pkg.has(main)) pkg.fail("不是 Excel 工作簿（.xlsx）：缺少 xl/workbook.xml");
    pugi::xml_document doc;
    pkg.parse(main, doc);
    std::vector<std::string> out;
    xml_each_child(xml_child(root(doc), "sheets"), "sheet", [&](pugi::xml_node s) {
        if (const char* name = xml_attr(s, "name")) out.emplace_back(name);
    });
    return out;
}

XlsxWorkbook read_xlsx(const fs::path& path) { return read_xlsx(path, path.string()); }

XlsxWorkbook read_xlsx(const fs::path& path, const std::string& shown) {
    return read_package(OoxmlPackage::open_file(path, shown, "工作簿", kNotZip));
}

XlsxWorkbook read_xlsx_bytes(std::string_view bytes, const std::string& shown) {
    return read_package(OoxmlPackage::open_bytes(bytes, shown, "工作簿", kNotZip));
}

}  // namespace juesuan
