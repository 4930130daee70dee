// Hostile and oversized input: amounts past the one bound and sums that would wrap, a file of
// thousands of bad rows, files and cells past the size limits, text that is not UTF-8, and the
// libraries' English kept from the officer. Every input is generated here, byte for byte.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <iconv.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <climits>
#include <functional>

#include "codec/json_codec.h"
#include "core/diagnostics.h"
#include "core/money.h"
#include "core/ratio.h"
#include "core/score.h"
#include "core/text.h"
#include "read/books_reader.h"
#include "read/csv_file.h"
#include "read/json_reader.h"
#include "read/rules_reader.h"
#include "check/engine.h"
#include "read/text_encoding.h"
#include "read/toml_text.h"
#include "read/xlsx_file.h"
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Every message of the InputError `f` throws, as the CLI prints them; fails when it throws none.
std::string errors_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        std::string all;
        for (const auto& d : e.diagnostics().sorted()) all += format_diagnostic(d) + "\n";
        return all;
    }
    ADD_FAILURE() << "no InputError";
    return {};
}

// Replaces field `field` of data row `row` (1-based, after the header) of a CSV file.
void set_cell(const fs::path& csv, size_t row, size_t field, const std::string& value) {
    CsvFile f = parse_csv(slurp(csv), csv.string());
    f.records.at(row).fields.at(field) = value;
    std::string out;
    for (const auto& r : f.records) out += csv_line(r.fields);
    spit(csv, out);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

// The text in GBK, as Notepad on Chinese Windows saves it.
std::string to_gbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    std::string out(utf8.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(utf8.data());
    char* dst = out.data();
    size_t left = utf8.size(), room = out.size();
    EXPECT_NE(iconv(cd, &src, &left, &dst, &room), static_cast<size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - room);
    return out;
}

// Builds the books with the CLI; the run must refuse them (exit 2, no output) and say why.
std::string refused_build(const fs::path& books, const fs::path& out) {
    CliResult r = run_cli({"build", books.string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(has(r.err, "未生成任何输出")) << r.err;
    return r.err;
}

// A workbook with one sheet 收入 whose A1 is the shared string `shared` and B1 the inline string `inline_text`.
std::string workbook_bytes(const std::string& shared, const std::string& inline_text) {
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"xl/workbook.xml",
         R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收入" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
        {"xl/sharedStrings.xml", R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>)" + shared +
                                     "</t></si></sst>"},
        {"xl/worksheets/sheet1.xml",
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>)" +
             inline_text + "</t></is></c></row></sheetData></worksheet>"}};
    TempDir tmp;
    fs::path p = tmp / "w.xlsx";
    int err = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(z), 0);
    return slurp(p);
}

}  // namespace

// ---- 1. Overflow

// The one bound: checked arithmetic refuses what leaves ±Money::kMaxFen, rounding near the int64
// limits neither wraps nor is undefined, and the JSON codec holds to the same bound.
TEST(Hardening, CheckedArithmeticHoldsTheBound) {
    const std::int64_t max = Money::kMaxFen;
    EXPECT_EQ(checked_add(max - 1, 1), max);
    EXPECT_THROW(checked_add(max, 1), AmountOverflow);
    EXPECT_THROW(checked_add(INT64_MAX, INT64_MAX), AmountOverflow);
    EXPECT_THROW(checked_sub(-max, 1), AmountOverflow);
    EXPECT_THROW(checked_neg(INT64_MIN), AmountOverflow);
    EXPECT_THROW(Money::from_fen(max) + Money::from_fen(1), AmountOverflow);
    EXPECT_THROW(-Money::from_fen(INT64_MIN), AmountOverflow);
    EXPECT_THROW(Money::from_yuan(INT64_MAX / 10), AmountOverflow);
    Money sum = Money::from_fen(max / 2);
    EXPECT_THROW(for (int i = 0; i < 10; ++i) sum += Money::from_fen(max / 2), AmountOverflow);
    EXPECT_EQ(round_half_up(max, 10'000), max);
    EXPECT_EQ(round_half_up(-max, 10'000), -max);
    EXPECT_THROW(round_half_up(INT64_MAX, 10'000), AmountOverflow);
    EXPECT_THROW(round_half_up(INT64_MIN, 10'000), AmountOverflow);
    EXPECT_EQ(format_yuan(Money::from_fen(INT64_MIN)), "-92,233,720,368,547,758.08");  // no −INT64_MIN
    EXPECT_THROW(Score{max} + Score{1}, AmountOverflow);
    EXPECT_THROW(percent_of(max, 1), AmountOverflow);  // ×10000 would not fit int64
    try {
        checked_add(max, max);
    } catch (const AmountOverflow& e) {
        EXPECT_TRUE(has(e.what(), "100 万亿元")) << e.what();
    }
    // One bound for parsing: 100 万亿元 is the largest amount, in either unit.
    EXPECT_EQ(parse_amount("100000000000000", AmountUnit::Yuan).value, Money::from_fen(max));
    EXPECT_EQ(parse_amount("10000000000", AmountUnit::Wan).value, Money::from_fen(max));
    for (auto [text, unit] : {std::pair{"100000000000000.01", AmountUnit::Yuan}, {"9999999999999999", AmountUnit::Yuan},
                              {"10000000000.000001", AmountUnit::Wan}, {"-99999999999", AmountUnit::Wan},
                              {"18446744073709551615", AmountUnit::Yuan}}) {
        AmountParse p = parse_amount(text, unit);
        EXPECT_FALSE(p.ok()) << text;
        EXPECT_TRUE(has(p.error, "过大")) << text << ": " << p.error;
    }
}

// Eight 事业收入 cells of 9999999999999999 元 once passed and summed past INT64_MAX; now each is
// refused naming its cell, and the CLI exits 2.
TEST(Hardening, AmountsPastTheBoundAreRefusedByCell) {
    TempDir tmp;
    copy_example(tmp / "b");
    spit(tmp / "b/department.toml", replaced(slurp(tmp / "b/department.toml"), "amount_unit = \"万元\"", "amount_unit = \"元\""));
    for (size_t row = 1; row <= 8; ++row) set_cell(tmp / "b/income.csv", row, 6, "9999999999999999");
    std::string err = refused_build(tmp / "b", tmp / "out");
    EXPECT_TRUE(has(err, "income.csv 第 2 行第 7 列（事业收入）：金额“9999999999999999”过大")) << err;
    EXPECT_TRUE(has(err, "income.csv 第 9 行第 7 列（事业收入）")) << err;
}

// Cells each within the bound whose column sum is not: refused at the row where the sum leaves it.
TEST(Hardening, ColumnSumPastTheBoundIsRefusedAtItsRow) {
    TempDir tmp;
    copy_example(tmp / "b");
    for (size_t row = 1; row <= 8; ++row) set_cell(tmp / "b/income.csv", row, 6, "9999999999");  // 万元: ~10^16 分
    std::string err = refused_build(tmp / "b", tmp / "out");
    EXPECT_TRUE(has(err, "income.csv 第 3 行第 7 列（事业收入）：此列从首行加到此行的合计超出可处理的范围")) << err;
    EXPECT_FALSE(has(err, "第 4 行第 7 列")) << "reported once per column: " << err;
}

// Columns within the bound whose table total is not: refused naming the table, row and column.
TEST(Hardening, TableTotalPastTheBoundNamesTheCell) {
    TempDir tmp;
    copy_example(tmp / "b");
    set_cell(tmp / "b/income.csv", 1, 6, "6000000000");  // 事业收入, 6×10^15 分
    set_cell(tmp / "b/income.csv", 1, 7, "6000000000");  // 经营收入
    std::string err = refused_build(tmp / "b", tmp / "out");
    EXPECT_TRUE(has(err, "公开 01 表")) << err;
    EXPECT_TRUE(has(err, "合计超出可处理的范围")) << err;
    EXPECT_TRUE(has(err, "列")) << err;
}

// A disclosure.json whose cells are each within the bound but whose rule sums are not: the rule
// engine refuses it naming the rule (its file and line), and `check` exits 2.
TEST(Hardening, RuleSumsPastTheBoundNameTheRule) {
    Disclosure d = seed_disclosure();
    for (auto& t : d.tables)
        for (auto& r : t.rows)
            for (auto& [k, v] : r.values)
                if (v) v = Money::from_fen(Money::kMaxFen - 1);
    auto rules = load_rules({});
    std::string err = errors_of([&] { run_checks(d, rules, nullptr); });
    EXPECT_TRUE(has(err, "审核规则 ")) << err;
    EXPECT_TRUE(has(err, "的合计或差额超出可处理的范围")) << err;
    EXPECT_TRUE(has(err, ".toml 第 ")) << err;

    TempDir tmp;
    spit(tmp / "d.json", disclosure_to_json(d).dump());
    CliResult r = run_cli({"check", (tmp / "d.json").string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(has(r.err, "超出可处理的范围")) << r.err;
}

// "18446744073709551615" is never −1: not as a JSON count, a TOML count nor a CSV number.
TEST(Hardening, UnsignedMaxIsNeverMinusOne) {
    auto j = disclosure_to_json(seed_disclosure());
    j["references"]["counts"]["abroad_groups"] = 987654321;
    std::string bad = replaced(j.dump(), "987654321", "18446744073709551615");
    std::string err = errors_of([&] { parse_disclosure_json(bad, "d.json"); });
    EXPECT_TRUE(has(err, "超出范围")) << err;

    TempDir tmp;
    copy_example(tmp / "b");
    std::string dept = slurp(tmp / "b/department.toml");
    auto at = dept.find("abroad_groups");
    ASSERT_NE(at, std::string::npos);
    dept.replace(at, dept.find('\n', at) - at, "abroad_groups = 18446744073709551615");
    spit(tmp / "b/department.toml", dept);
    err = errors_of([&] { build_books(tmp / "b"); });
    EXPECT_TRUE(has(err, "department.toml 第")) << err;
    EXPECT_TRUE(has(err, "整数过大")) << err;

    TempDir tmp2;
    copy_example(tmp2 / "b");
    set_cell(tmp2 / "b/indicators.csv", 1, 8, "18446744073709551615");  // 权重
    err = errors_of([&] { build_books(tmp2 / "b"); });
    EXPECT_TRUE(has(err, "“18446744073709551615”不是数字")) << err;
}

// ---- 2. Message cap

// A file of many thousand bad rows prints at most kMaxDiagnosticsPerFile lines for it, then one
// line with the count of the rest; the count of errors stays right.
TEST(Hardening, ManyBadRowsPrintACappedList) {
    TempDir tmp;
    copy_example(tmp / "b");
    const int rows = 90'000;
    std::string csv = slurp(tmp / "b/income.csv").substr(0, slurp(tmp / "b/income.csv").find('\n') + 1);
    csv.reserve(static_cast<size_t>(rows) * 24);
    for (int i = 0; i < rows; ++i) csv += "20103" + std::to_string(10 + i % 89) + ",x,12..5,,,,,,,\n";
    spit(tmp / "b/income.csv", csv);
    CliResult r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    size_t lines = static_cast<size_t>(std::count(r.err.begin(), r.err.end(), '\n'));
    EXPECT_LE(lines, static_cast<size_t>(kMaxDiagnosticsPerFile) + 20) << r.err.substr(0, 2000);
    EXPECT_TRUE(has(r.err, "income.csv：……另有 ")) << r.err.substr(r.err.size() > 2000 ? r.err.size() - 2000 : 0);
    EXPECT_TRUE(has(r.err, "处问题未列出")) << r.err.substr(0, 500);

    // A million and a half rows are past the row limit: one line says so, where reading stopped.
    csv.resize(csv.find('\n') + 1);
    for (int i = 0; i < 1'500'000; ++i) csv += "2010301,x,12..5,,,,,,,\n";
    spit(tmp / "b/income.csv", csv);
    r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, fmt::format("income.csv 第 {} 行：行数过多", kMaxCsvRecords + 2))) << r.err.substr(0, 2000);
    EXPECT_LE(std::count(r.err.begin(), r.err.end(), '\n'), 5) << r.err.substr(0, 2000);

    Diagnostics d, merged;
    for (int i = 0; i < 1000; ++i) d.error(Location{"a.csv", i + 1}, "坏");
    d.warning(Location{"b.csv"}, "注意");
    EXPECT_EQ(d.error_count(), 1000);
    EXPECT_EQ(d.all().size(), static_cast<size_t>(kMaxDiagnosticsPerFile) + 1);
    merged.merge(d);
    EXPECT_EQ(merged.error_count(), 1000);
    EXPECT_EQ(merged.omitted("a.csv"), 1000 - kMaxDiagnosticsPerFile);
    auto sorted = merged.sorted();
    ASSERT_EQ(sorted.size(), static_cast<size_t>(kMaxDiagnosticsPerFile) + 2);
    EXPECT_EQ(format_diagnostic(sorted[kMaxDiagnosticsPerFile]), "a.csv：……另有 800 处问题未列出");
}

// ---- 3. Limits

// A books file past 64 MB is refused before it is read (a sparse file: nothing is written).
TEST(Hardening, FilesPastTheSizeLimitAreRefused) {
    TempDir tmp;
    copy_example(tmp / "b");
    fs::resize_file(tmp / "b/income.csv", kMaxInputFileBytes + 1);
    std::string err = errors_of([&] { build_books(tmp / "b"); });
    EXPECT_TRUE(has(err, "income.csv：文件过大")) << err;
    fs::resize_file(tmp / "b/department.toml", kMaxInputFileBytes + 1);
    err = errors_of([&] { build_books(tmp / "b"); });
    EXPECT_TRUE(has(err, "department.toml：文件过大")) << err;
    spit(tmp / "big.xlsx", "");
    fs::resize_file(tmp / "big.xlsx", kMaxInputFileBytes + 1);
    err = errors_of([&] { read_xlsx(tmp / "big.xlsx"); });
    EXPECT_TRUE(has(err, "工作簿过大")) << err;
    spit(tmp / "big.json", "");
    fs::resize_file(tmp / "big.json", kMaxInputFileBytes + 1);
    err = errors_of([&] { read_disclosure_json(tmp / "big.json"); });
    EXPECT_TRUE(has(err, "文件过大")) << err;
}

// Fields: 4 KB for a cell that is no prose (an amount, a code, a name in department.toml), 64 KB
// for prose; each refused naming the file and the place. A JSON nesting a million deep is refused
// before the parser recurses.
TEST(Hardening, FieldsPastTheLengthLimitsAreRefused) {
    TempDir tmp;
    copy_example(tmp / "b");
    set_cell(tmp / "b/income.csv", 2, 2, std::string(kMaxFieldBytes + 1, '1'));
    set_cell(tmp / "b/projects.csv", 1, 1, std::string(kMaxFieldBytes + 1, 'x'));  // a text: may be long
    std::string err = errors_of([&] { build_books(tmp / "b"); });
    EXPECT_TRUE(has(err, "income.csv 第 3 行第 3 列（一般公共预算财政拨款收入）：内容过长：有 4097 字节，最多 4096 字节")) << err;
    EXPECT_FALSE(has(err, "projects.csv")) << err;

    set_cell(tmp / "b/income.csv", 2, 2, "1");
    set_cell(tmp / "b/projects.csv", 1, 1, std::string(kMaxLongTextBytes + 1, 'x'));
    err = errors_of([&] { build_books(tmp / "b"); });
    EXPECT_TRUE(has(err, "projects.csv 第 2 行第 2 列：单元格内容过长")) << err;

    TempDir tmp2;
    copy_example(tmp2 / "b");
    std::string dept = slurp(tmp2 / "b/department.toml");
    spit(tmp2 / "b/department.toml",
         replaced(dept, "short_name = \"济南市天桥区政府办公室\"", "short_name = \"" + std::string(kMaxFieldBytes + 1, 'x') + "\""));
    err = errors_of([&] { build_books(tmp2 / "b"); });
    EXPECT_TRUE(has(err, "department.toml 第 6 行")) << err;
    EXPECT_TRUE(has(err, "内容过长")) << err;
    spit(tmp2 / "b/department.toml", dept + "\n[zz]\nextra = \"" + std::string(kMaxLongTextBytes + 1, 'x') + "\"\n");
    err = errors_of([&] { parse_toml(slurp(tmp2 / "b/department.toml"), "department.toml"); });
    EXPECT_TRUE(has(err, "文字过长")) << err;

    std::string long_cell(kMaxLongTextBytes + 1, 'x');
    err = errors_of([&] { read_xlsx_bytes(workbook_bytes("ok", long_cell), "w.xlsx"); });
    EXPECT_TRUE(has(err, "w.xlsx 收入!B1：单元格内容过长")) << err;

    err = errors_of([&] { parse_disclosure_json(std::string(1'000'000, '['), "deep.json"); });
    EXPECT_TRUE(has(err, "deep.json 第 1 行第 257 列：JSON 嵌套过深")) << err;
}

// ---- 4. Encodings

// Each reader takes UTF-8 only, and says which encoding a file is in when it can tell: UTF-16 by
// its BOM (or NULs), GBK for a department.toml saved by Notepad; a bad byte is named by line and
// column (or cell). A UTF-8 BOM is dropped. (A GBK CSV is read, with a warning: BooksReader.ReadsGb18030Csv.)
TEST(Hardening, EncodingsAreNamed) {
    const std::string heji_gbk = "\xBA\xCF\xBC\xC6";  // 合计 in GBK
    // CSV
    std::string err = errors_of([] { parse_csv("\xFF\xFE" "a\0,\0b\0\n\0"s, "u16.csv"); });
    EXPECT_TRUE(has(err, "u16.csv：文件是 UTF-16 编码")) << err;
    err = errors_of([] { parse_csv(std::string("a,b\n1,2\n3,\xFF\n"), "bad.csv"); });
    EXPECT_TRUE(has(err, "bad.csv：文件编码无法识别：第 3 行第 3 列的字节 0xFF")) << err;
    EXPECT_EQ(parse_csv("\xEF\xBB\xBF" "a,b\n", "bom.csv").records.at(0).fields.at(0), "a");
    // TOML
    err = errors_of([&] { parse_toml("name = \"" + heji_gbk + "\"\n", "department.toml"); });
    EXPECT_TRUE(has(err, "department.toml：文件是 GBK（GB18030）编码，请另存为 UTF-8")) << err;
    err = errors_of([] { parse_toml("a = 1\nname = \"\xE5\"\n", "t.toml"); });
    EXPECT_TRUE(has(err, "t.toml 第 2 行第 9 列：此处的字节 0xE5 不是有效的 UTF-8 字符")) << err;
    err = errors_of([] { parse_toml("\xFE\xFF\0a"s, "t.toml"); });
    EXPECT_TRUE(has(err, "UTF-16")) << err;
    EXPECT_EQ(parse_toml("\xEF\xBB\xBF" "a = 1\n", "t.toml")["a"].value<int64_t>(), 1);
    // Surrogates and overlong forms are not UTF-8 either.
    EXPECT_EQ(invalid_utf8_offset("ok\xED\xA0\x80"), 2u);
    EXPECT_EQ(invalid_utf8_offset("\xC0\xAF"), 0u);
    EXPECT_EQ(invalid_utf8_offset("\xF4\x90\x80\x80"), 0u);
    EXPECT_EQ(invalid_utf8_offset("合计 €"), std::string::npos);
    // JSON
    err = errors_of([] { parse_disclosure_json("{\n\"department\": \"\xFF\"}", "d.json"); });
    EXPECT_TRUE(has(err, "d.json 第 2 行第 16 列")) << err;
    // xlsx: shared and inline strings
    err = errors_of([] { read_xlsx_bytes(workbook_bytes("\xC3\x28", "ok"), "w.xlsx"); });
    EXPECT_TRUE(has(err, "w.xlsx 收入!A1：单元格中的文字含有无效的 UTF-8 字节 0xC3")) << err;
    err = errors_of([] { read_xlsx_bytes(workbook_bytes("ok", "ab\xFF"), "w.xlsx"); });
    EXPECT_TRUE(has(err, "w.xlsx 收入!B1")) << err;

    // Through the books: a department.toml saved in GBK, and one with a UTF-8 BOM.
    TempDir tmp;
    copy_example(tmp / "b");
    std::string dept = slurp(tmp / "b/department.toml");
    spit(tmp / "b/department.toml", "\xEF\xBB\xBF" + dept);
    EXPECT_NO_THROW(build_books(tmp / "b"));
    spit(tmp / "b/department.toml", to_gbk(dept));
    err = refused_build(tmp / "b", tmp / "out");
    EXPECT_TRUE(has(err, "department.toml：文件是 GBK")) << err;
}

// ---- 5. The libraries' English stays out

// toml++, nlohmann::json and std::filesystem explain in English; the officer reads Chinese with
// the line (and column) of the problem.
TEST(Hardening, LibraryErrorsAreChineseWithTheLine) {
    for (std::string text : {"a = 1\nb = \n", "a = 1\na = 2\n", "x = \"unterminated\n", "[t\n", "a = 1 2\n",
                                    "path = \"C:\\data\"\n", "n = 0123\n", "n = 99999999999999999999\n", "a = [1,,2]\n"}) {
        std::string err = errors_of([&] { parse_toml(text, "t.toml"); });
        EXPECT_TRUE(has(err, "t.toml 第 ")) << text << "\n" << err;
        EXPECT_TRUE(has(err, "TOML 格式错误")) << err;
        for (const char* english : {"expected", "saw", "value", "redefine", "parse"})
            EXPECT_FALSE(has(err, english)) << text << "\n" << err;
    }
    {
        std::string dup = errors_of([] { parse_toml("a = 1\na = 2\n", "t.toml"); });
        EXPECT_TRUE(has(dup, "t.toml 第 2 行第 5 列：TOML 格式错误：键或表重复")) << dup;
    }

    for (std::string text : {"{\n  \"year\": 2023,\n  \"x\": tru\n}", "{\"a\": 1e99999}", "[1, 2", "{\"a\" 1}"}) {
        std::string err = errors_of([&] { parse_disclosure_json(text, "d.json"); });
        EXPECT_FALSE(has(err, "[json.exception")) << err;
        EXPECT_FALSE(has(err, "parse error")) << err;
        EXPECT_TRUE(has(err, "d.json")) << err;
    }
    EXPECT_TRUE(has(errors_of([] { parse_disclosure_json("{\n  \"year\": 2023,\n  \"x\": tru\n}", "d.json"); }),
                    "d.json 第 3 行"));

    // A books folder that cannot be listed or read: the CLI says so in Chinese.
    TempDir tmp;
    copy_example(tmp / "b");
    fs::permissions(tmp / "b/income.csv", fs::perms::none);
    CliResult r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string()});
    fs::permissions(tmp / "b/income.csv", fs::perms::owner_all);
    if (::geteuid() != 0) {  // root reads anything
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_TRUE(has(r.err, "income.csv：无法读取文件：没有访问权限")) << r.err;
    }
    EXPECT_FALSE(has(r.err, "filesystem error")) << r.err;
}
