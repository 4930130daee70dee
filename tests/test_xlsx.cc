// Workbooks in and out: the .xlsx reader on hand-made and hostile files, the books as one
// workbook (exact amounts, places as 收入!C12), and the disclosure as a workbook with formulas.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <ctime>
#include <random>
#include <regex>

#include "read/books_reader.h"
#include "read/template_reader.h"
#include "read/xlsx_file.h"
#include "sample/sample.h"
#include "support.h"
#include "write/books_workbook.h"
#include "write/books_writer.h"
#include "write/json_writer.h"
#include "write/output.h"
#include "layout/printed_table.h"
#include "write/xlsx_support.h"
#include "write/xlsx_writer.h"

using namespace juesuan;
using namespace juesuan::test;
namespace fs = std::filesystem;

namespace {

// A zip made entry by entry, for packages no spreadsheet program would write.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    TempDir tmp;
    fs::path p = tmp / "x.zip";
    int err = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(z), 0);
    return slurp(p);
}

// One part of a package, as stored.
std::string zip_part(const std::string& bytes, const std::string& name) {
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &e);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &e);
    if (!z) return {};
    std::string out;
    zip_stat_t st;
    if (zip_stat(z, name.c_str(), 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, name.c_str(), 0);
        out.resize(st.size);
        zip_fread(f, out.data(), st.size);
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

// Replaces one part of a workbook file.
void replace_part(const fs::path& file, const std::string& name, const std::string& content) {
    int err = 0;
    zip_t* z = zip_open(file.c_str(), 0, &err);
    ASSERT_NE(z, nullptr);
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    ASSERT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
    ASSERT_EQ(zip_close(z), 0);
}

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char* kRootRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

// A package by hand: prefixed elements, sheets listed in another order than their parts,
// rich text, inline strings, booleans, errors, dates by built-in and custom formats.
std::vector<std::pair<std::string, std::string>> hand_made_parts() {
    return {
        {"[Content_Types].xml", kContentTypes},
        {"_rels/.rels", kRootRels},
        {"xl/workbook.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets><x:sheet name="收入" sheetId="7" rel:id="rId2"/><x:sheet name="第二张" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>)"},
        {"xl/_rels/workbook.xml.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/a.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/b.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)"},
        {"xl/sharedStrings.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>科目编码</t></si>
<si><r><rPr><b/></rPr><t>一般公共预算</t></r><r><t xml:space="preserve">财政拨款 </t></r><rPh sb="0" eb="1"><t>YIBAN</t></rPh></si>
<si><t>第一行_x000D_第二行</t></si>
</sst>)"},
        {"xl/styles.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="#,##0.00_);[Red]\(#,##0.00\)"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
</styleSheet>)xml"},
        {"xl/worksheets/b.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>内联</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><r><t>20103</t></r><r><t>01</t></r></is></c><c r="B3" s="4"><v>1411.6399999999999</v></c>
<c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="str"><f>A3&amp;"x"</f><v>2010301x</v></c>
<c r="F3" s="1"><v>45291</v></c><c r="G3" s="2"><v>45291</v></c><c r="H3" s="3"><v>1.5</v></c><c r="I3" s="1"><v>45291.5</v></c></row>
<row><c t="s"><v>2</v></c><c><v>-1.5E-3</v></c><c r="E4"><f>SUM(B3:B4)</f></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="B1:C2"/></mergeCells></worksheet>)"},
        {"xl/worksheets/a.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="10000"><c r="AA10000" t="b"><v>0</v></c></row></sheetData></worksheet>)"},
    };
}

std::string type_name(XlsxType t) {
    switch (t) {
        case XlsxType::Number: return "number";
        case XlsxType::Text: return "text";
        case XlsxType::Boolean: return "boolean";
        case XlsxType::Error: return "error";
        case XlsxType::Date: return "date";
    }
    return "?";
}

std::string cell_of(const XlsxSheet& s, int row, int col) {
    const XlsxCell* c = s.cell(row, col);
    return c ? type_name(c->type) + ":" + c->text : "none";
}

// The first error of reading a workbook, formatted as the program prints it.
std::vector<std::string> errors_of(const std::function<void()>& f) {
    std::vector<std::string> out;
    try {
        f();
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics().all())
            if (d.severity == Severity::Error) out.push_back(format_diagnostic(d));
    }
    return out;
}

bool any_has(const std::vector<std::string>& v, const std::string& needle) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

Facts example_facts() {
    Diagnostics w;
    return read_books_folder(example_dir(), w);
}

// An amount as read from a stored number cell of the books, in 分 (or nullopt when refused).
std::optional<std::int64_t> stored_fen(const std::string& stored, AmountUnit unit) {
    auto on = number_on_grid(stored, unit == AmountUnit::Wan ? 6 : 2);
    if (!on) return std::nullopt;
    AmountParse p = parse_amount(*on, unit);
    if (!p.ok() || !p.value) return std::nullopt;
    return p.value->fen();
}

}  // namespace

// ---- the reader

TEST(XlsxReader, ReadsWhatLibxlsxwriterWrites) {
    TempDir tmp;
    fs::path p = tmp / "w.xlsx";
    lxw_workbook* wb = workbook_new(p.c_str());
    lxw_worksheet* a = workbook_add_worksheet(wb, "收入");
    lxw_worksheet* b = workbook_add_worksheet(wb, "Sheet B");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* cn_date = workbook_add_format(wb);
    format_set_num_format(cn_date, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_format* elapsed = workbook_add_format(wb);
    format_set_num_format(elapsed, "[h]:mm");
    worksheet_write_string(a, 0, 0, "科目编码", nullptr);
    worksheet_write_string(a, 0, 1, "金额", nullptr);
    worksheet_write_string(a, 1, 0, "2010301", nullptr);
    worksheet_write_number(a, 1, 1, 1411.64, money);
    worksheet_write_number(a, 2, 1, 0.1 + 0.2, nullptr);
    worksheet_write_formula_num(a, 3, 1, "=SUM(B2:B3)", money, 1411.94);
    worksheet_write_boolean(a, 4, 0, 1, nullptr);
    lxw_datetime dt = {2023, 12, 31, 0, 0, 0};
    worksheet_write_datetime(a, 5, 0, &dt, date);
    worksheet_write_datetime(a, 5, 1, &dt, cn_date);
    worksheet_write_number(a, 5, 2, 1.5, elapsed);
    worksheet_merge_range(a, 7, 0, 8, 2, "合并", nullptr);
    worksheet_write_string(b, 99, 27, "远处", nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

    XlsxWorkbook book = read_xlsx(p);
    ASSERT_EQ(book.sheets.size(), 2u);
    EXPECT_EQ(book.sheets[0].name, "收入");
    EXPECT_EQ(book.sheets[1].name, "Sheet B");
    const XlsxSheet& s = book.sheets[0];
    EXPECT_EQ(cell_of(s, 1, 1), "text:科目编码");
    EXPECT_EQ(cell_of(s, 2, 1), "text:2010301");
    EXPECT_EQ(cell_of(s, 2, 2), "number:1411.64");
    EXPECT_EQ(cell_of(s, 3, 2), "number:0.3");  // libxlsxwriter stores 0.30000000000000004 with 16 digits
    EXPECT_EQ(cell_of(s, 4, 2), "number:1411.94");
    EXPECT_EQ(s.cell(4, 2)->formula, "SUM(B2:B3)");
    EXPECT_EQ(cell_of(s, 5, 1), "boolean:TRUE");
    EXPECT_EQ(cell_of(s, 6, 1), "date:2023-12-31");
    EXPECT_EQ(cell_of(s, 6, 2), "date:2023-12-31");
    EXPECT_EQ(cell_of(s, 6, 3), "date:36:00:00");
    EXPECT_EQ(cell_of(s, 8, 1), "text:合并");
    ASSERT_EQ(s.merges.size(), 1u);
    EXPECT_EQ(s.merges[0].first_row, 8);
    EXPECT_EQ(s.merges[0].first_col, 1);
    EXPECT_EQ(s.merges[0].last_row, 9);
    EXPECT_EQ(s.merges[0].last_col, 3);
    EXPECT_EQ(cell_of(book.sheets[1], 100, 28), "text:远处");
    EXPECT_EQ(book.sheets[1].cell(100, 28)->ref(), "AB100");
}

TEST(XlsxReader, ReadsAHandMadePackage) {
    TempDir tmp;
    spit(tmp / "h.xlsx", make_zip(hand_made_parts()));
    XlsxWorkbook book = read_xlsx(tmp / "h.xlsx");
    ASSERT_EQ(book.sheets.size(), 2u);
    // Workbook order, not the order of sheetId or of the relationships.
    EXPECT_EQ(book.sheets[0].name, "收入");
    EXPECT_EQ(book.sheets[0].part, "xl/worksheets/b.xml");
    EXPECT_EQ(book.sheets[1].name, "第二张");
    const XlsxSheet& s = book.sheets[0];
    EXPECT_EQ(cell_of(s, 1, 1), "text:科目编码");
    EXPECT_EQ(cell_of(s, 1, 2), "text:一般公共预算财政拨款 ");  // runs joined, the phonetic run left out
    EXPECT_EQ(cell_of(s, 1, 3), "none");
    EXPECT_EQ(cell_of(s, 1, 4), "text:内联");
    EXPECT_EQ(cell_of(s, 3, 1), "text:2010301");
    EXPECT_EQ(cell_of(s, 3, 2), "number:1411.6399999999999");  // kept as stored, not as a double
    EXPECT_EQ(cell_of(s, 3, 3), "boolean:TRUE");
    EXPECT_EQ(cell_of(s, 3, 4), "error:#DIV/0!");
    EXPECT_EQ(cell_of(s, 3, 5), "text:2010301x");
    EXPECT_EQ(s.cell(3, 5)->formula, "A3&\"x\"");
    EXPECT_EQ(cell_of(s, 3, 6), "date:2023-12-31");
    EXPECT_EQ(cell_of(s, 3, 7), "date:2023-12-31");        // yyyy"年"m"月"d"日"
    EXPECT_EQ(cell_of(s, 3, 8), "date:36:00:00");          // [h]:mm is time, its m a minute
    EXPECT_EQ(cell_of(s, 3, 9), "date:2023-12-31 12:00:00");
    // A row without r follows row 3; cells without r follow each other.
    EXPECT_EQ(cell_of(s, 4, 1), "text:第一行\r第二行");
    EXPECT_EQ(cell_of(s, 4, 2), "number:-1.5E-3");
    ASSERT_NE(s.cell(4, 5), nullptr);
    EXPECT_FALSE(s.cell(4, 5)->has_value);  // a formula never calculated
    ASSERT_EQ(s.merges.size(), 1u);
    EXPECT_EQ(s.merges[0].first_row, 1);
    EXPECT_EQ(s.merges[0].last_col, 3);
    EXPECT_EQ(cell_of(book.sheets[1], 2, 27), "none");
    EXPECT_EQ(cell_of(book.sheets[1], 10000, 27), "boolean:FALSE");
    EXPECT_EQ(book.sheets[1].cell(10000, 27)->ref(), "AA10000");
}

TEST(XlsxReader, Date1904AndTheFictionalLeapDay) {
    auto parts = hand_made_parts();
    for (auto& [name, data] : parts)
        if (name == "xl/workbook.xml") data.replace(data.find("<x:sheets>"), 10, "<x:workbookPr date1904=\"1\"/><x:sheets>");
    TempDir tmp;
    spit(tmp / "h.xlsx", make_zip(parts));
    // 45291 days after 1904-01-01
    EXPECT_EQ(cell_of(read_xlsx(tmp / "h.xlsx").sheets[0], 3, 6), "date:2028-01-01");
    for (auto& [name, data] : parts)
        if (name == "xl/worksheets/b.xml") data.replace(data.find("<v>45291</v>"), 12, "<v>60</v>");
    for (auto& [name, data] : parts)
        if (name == "xl/workbook.xml") data.replace(data.find("<x:workbookPr date1904=\"1\"/>"), 27, "");
    spit(tmp / "h.xlsx", make_zip(parts));
    EXPECT_EQ(cell_of(read_xlsx(tmp / "h.xlsx").sheets[0], 3, 6), "date:1900-02-29");
}

TEST(XlsxReader, StoredNumbers) {
    EXPECT_EQ(excel_number_text("1411.6399999999999"), "1411.64");
    EXPECT_EQ(excel_number_text("1411.64"), "1411.64");
    EXPECT_EQ(excel_number_text("1.5E-3"), "0.0015");
    EXPECT_EQ(excel_number_text("-2.5e2"), "-250");
    EXPECT_EQ(excel_number_text("0.30000000000000004"), "0.3");
    EXPECT_EQ(excel_number_text("99.999999999999999"), "100");
    EXPECT_EQ(excel_number_text("2010301"), "2010301");
    EXPECT_EQ(excel_number_text("1E+20"), "100000000000000000000");
    EXPECT_EQ(excel_number_text("abc"), "");
    EXPECT_EQ(excel_number_text("1.2.3"), "");
    EXPECT_EQ(excel_number_text("1E999"), "");

    EXPECT_EQ(number_on_grid("1411.6399999999999", 2), "1411.64");
    EXPECT_EQ(number_on_grid("1411.6400000000001", 2), "1411.64");
    EXPECT_EQ(number_on_grid("1411.64", 2), "1411.64");
    EXPECT_EQ(number_on_grid("1411.643217", 6), "1411.643217");
    EXPECT_EQ(number_on_grid("1411.6432169999999", 6), "1411.643217");
    EXPECT_EQ(number_on_grid("-0.0099999999999999", 2), "-0.01");
    EXPECT_EQ(number_on_grid("1E-2", 2), "0.01");
    EXPECT_EQ(number_on_grid("0.004999999999", 2), std::nullopt);  // off the grid by far more than noise
    EXPECT_EQ(number_on_grid("1411.645", 2), std::nullopt);
    EXPECT_EQ(number_on_grid("1411.6400001", 2), std::nullopt);
    EXPECT_EQ(number_on_grid("1411.6432175", 6), std::nullopt);
    EXPECT_EQ(number_on_grid("x", 2), std::nullopt);
}

// What libxlsxwriter writes (%.16G) and what Excel writes (17 significant digits) both read
// back to the same 分 for every amount with at most 6 decimals of 万元 up to a billion 万元.
TEST(XlsxReader, AmountsSurviveTheDoubleInTheFile) {
    std::mt19937_64 rng(20231231);
    std::uniform_int_distribution<std::int64_t> magnitude(0, 15);
    for (int i = 0; i < 200000; ++i) {
        std::int64_t limit = 1;
        for (std::int64_t k = magnitude(rng); k > 0; --k) limit *= 10;
        std::int64_t fen = std::uniform_int_distribution<std::int64_t>(0, limit)(rng) * (i % 7 == 0 ? -1 : 1);
        for (AmountUnit unit : {AmountUnit::Wan, AmountUnit::Yuan}) {
            std::string exact = format_exact(Money::from_fen(fen), unit);
            double d = 0;
            std::from_chars(exact.data(), exact.data() + exact.size(), d);
            char g16[64], g17[64];
            std::snprintf(g16, sizeof g16, "%.16G", d);
            std::snprintf(g17, sizeof g17, "%.17G", d);
            ASSERT_EQ(stored_fen(g16, unit), fen) << exact << " stored as " << g16;
            ASSERT_EQ(stored_fen(g17, unit), fen) << exact << " stored as " << g17;
        }
    }
}

TEST(XlsxReader, RefusesWhatIsNoWorkbook) {
    TempDir tmp;
    auto expect_refused = [&](const std::string& name, const std::string& bytes, const std::string& why) {
        spit(tmp / name, bytes);
        auto errors = errors_of([&] { read_xlsx(tmp / name); });
        ASSERT_FALSE(errors.empty()) << name;
        EXPECT_NE(errors[0].find(name), std::string::npos) << errors[0];
        EXPECT_NE(errors[0].find(why), std::string::npos) << errors[0];
    };
    expect_refused("text.xlsx", "科目编码,金额\n2010301,1411.64\n", "不是 Excel 工作簿");
    expect_refused("empty.xlsx", "", "不是 Excel 工作簿");
    expect_refused("nobook.xlsx", make_zip({{"hello.txt", "hi"}}), "缺少 xl/workbook.xml");

    auto parts = hand_made_parts();
    auto with = [&](const std::string& part, const std::string& content) {
        auto p = parts;
        for (auto& [n, d] : p)
            if (n == part) d = content;
        return make_zip(p);
    };
    std::string sheet;
    for (auto& [n, d] : parts)
        if (n == "xl/worksheets/b.xml") sheet = d;
    expect_refused("truncated.xlsx", with("xl/worksheets/b.xml", sheet.substr(0, sheet.size() / 2)), "不是正确的 XML");
    auto errors = errors_of([&] {
        spit(tmp / "t2.xlsx", with("xl/worksheets/b.xml", sheet.substr(0, sheet.size() / 2)));
        read_xlsx(tmp / "t2.xlsx");
    });
    EXPECT_TRUE(any_has(errors, "工作表“收入”")) << join(errors);
    auto no_sheet = parts;
    no_sheet.erase(std::remove_if(no_sheet.begin(), no_sheet.end(), [](const auto& x) { return x.first == "xl/worksheets/a.xml"; }),
                   no_sheet.end());
    expect_refused("nosheet.xlsx", make_zip(no_sheet), "xl/worksheets/a.xml 不存在");
    std::string bad_ref = sheet;
    bad_ref.replace(bad_ref.find("r=\"D1\""), 6, "r=\"D0\"");
    expect_refused("badref.xlsx", with("xl/worksheets/b.xml", bad_ref), "单元格引用“D0”不对");
    std::string bad_string = sheet;
    bad_string.replace(bad_string.find("<v>2</v>"), 8, "<v>99</v>");
    spit(tmp / "sst.xlsx", with("xl/worksheets/b.xml", bad_string));
    errors = errors_of([&] { read_xlsx(tmp / "sst.xlsx"); });
    EXPECT_TRUE(any_has(errors, "收入!A4")) << join(errors);
    std::string bad_number = sheet;
    bad_number.replace(bad_number.find("1411.6399999999999"), 18, "1411,64");
    spit(tmp / "num.xlsx", with("xl/worksheets/b.xml", bad_number));
    errors = errors_of([&] { read_xlsx(tmp / "num.xlsx"); });
    EXPECT_TRUE(any_has(errors, "收入!B3")) << join(errors);
    EXPECT_TRUE(any_has(errors, "1411,64")) << join(errors);
    EXPECT_TRUE(any_has(errors_of([&] { read_xlsx(tmp / "missing.xlsx"); }), "文件不存在"));
    std::string dtd = sheet;
    dtd.insert(dtd.find("<worksheet"), "<!DOCTYPE w [<!ENTITY a \"aaaa\">]>");
    expect_refused("dtd.xlsx", with("xl/worksheets/b.xml", dtd), "含有 DOCTYPE");
    // A part that unpacks to more than 200 MB is refused before it is unpacked.
    std::string big = sheet;
    big.insert(big.find("</sheetData>"), std::string(201u * 1024 * 1024, ' '));
    expect_refused("big.xlsx", with("xl/worksheets/b.xml", big), "超过 200 MB 的上限");
}

// Damaged files end in an InputError, never in a crash, a hang or a number made up.
TEST(XlsxReader, SurvivesDamagedBytes) {
    Facts f = example_facts();
    const std::string good = write_books_xlsx(f);
    std::mt19937 rng(5);
    int refused = 0, read = 0;
    for (int i = 0; i < 400; ++i) {
        std::string bad = good;
        int flips = 1 + static_cast<int>(rng() % 8);
        for (int k = 0; k < flips; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
        if (i % 5 == 0) bad.resize(rng() % bad.size());
        try {
            read_xlsx_bytes(bad, "damaged.xlsx");
            ++read;
        } catch (const InputError& e) {
            ++refused;
            EXPECT_NE(std::string(e.what()).find("damaged.xlsx"), std::string::npos) << e.what();
        }
    }
    EXPECT_GT(refused, 0);
    EXPECT_EQ(refused + read, 400);
}

// ---- the books as one workbook

TEST(BooksWorkbook, RoundTripGivesTheSameDisclosure) {
    TempDir tmp;
    Facts f = example_facts();
    spit(tmp / "books.xlsx", write_books_xlsx(f));
    Built from_folder = build_books(example_dir());
    Built from_book = build_from_books(tmp / "books.xlsx", BuildOptions{});
    EXPECT_EQ(write_json(from_book.disclosure), write_json(from_folder.disclosure));
    EXPECT_TRUE(from_book.warnings.all().empty()) << format_diagnostic(from_book.warnings.all().front());
    // Writing the books read back gives the same bytes: nothing is lost or reformatted.
    EXPECT_TRUE(write_books_xlsx(from_book.facts) == write_books_xlsx(f));
}

TEST(BooksWorkbook, AmountsAreExactInBothUnits) {
    TempDir tmp;
    const std::vector<std::int64_t> fens = {1, 9, 10, 99, 141'164'000, 1'411'643'217, 999'999'999'999'999, 100'000'001,
                                            300'000, 700'000, 123'456'789'012'345, 5};
    for (AmountUnit unit : {AmountUnit::Wan, AmountUnit::Yuan}) {
        Facts f = example_facts();
        f.department.unit = unit;
        f.income.resize(1);
        f.income[0].amounts.clear();
        const char* keys[] = {"fiscal_gpb", "fiscal_gf", "fiscal_soc", "superior", "business", "operating", "affiliated", "other"};
        for (size_t i = 0; i < 8; ++i) f.income[0].amounts[keys[i]] = Money::from_fen(fens[i]);
        f.budget.resize(1);
        f.budget[0].initial_budget = Money::from_fen(fens[8]);
        f.procurement.resize(1);
        f.procurement[0] = {"goods", Money::from_fen(fens[11]), Money::from_fen(fens[11]), Money::from_fen(fens[11]), {}};
        f.department.performance.evaluated_funds = Money::from_fen(fens[9]);
        f.department.performance.local_project_budget = Money::from_fen(fens[10]);
        spit(tmp / "a.xlsx", write_books_xlsx(f));
        Diagnostics w;
        Facts back = read_books_workbook(tmp / "a.xlsx", w);
        ASSERT_EQ(back.income.size(), 1u);
        EXPECT_EQ(back.income[0].amounts, f.income[0].amounts) << unit_name(unit);
        EXPECT_EQ(back.budget[0].initial_budget, f.budget[0].initial_budget);
        EXPECT_EQ(back.procurement[0].total, f.procurement[0].total);
        EXPECT_EQ(back.department.performance.evaluated_funds, f.department.performance.evaluated_funds);
        EXPECT_EQ(back.department.performance.local_project_budget, f.department.performance.local_project_budget);
        // The cell is a number, not text that merely looks like one.
        XlsxWorkbook wb = read_xlsx(tmp / "a.xlsx");
        const XlsxCell* c = wb.sheet("收入")->cell(2, 3);
        ASSERT_NE(c, nullptr);
        EXPECT_EQ(c->type, XlsxType::Number);
    }
}

TEST(BooksWorkbook, TheEmptyTemplateAsksForTheDepartment) {
    TempDir tmp;
    spit(tmp / "t.xlsx", books_template_xlsx());
    XlsxWorkbook wb = read_xlsx(tmp / "t.xlsx");
    std::vector<std::string> names;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"部门", "收入", "支出", "财政拨款支出", "基本支出经济分类", "结转结余", "三公经费",
                                               "政府采购", "年初预算", "上年与预算", "绩效项目", "绩效指标", "报告", "名词解释",
                                               "科目补充"}));
    Diagnostics w;
    auto errors = errors_of([&] { read_books_workbook(tmp / "t.xlsx", w); });
    ASSERT_EQ(errors.size(), 2u) << join(errors);
    EXPECT_NE(errors[0].find("t.xlsx 部门!B2 [name]：缺少部门名称"), std::string::npos) << errors[0];
    EXPECT_NE(errors[1].find("部门!B4 [year]：缺少或无效的决算年度"), std::string::npos) << errors[1];
    // The folder template says the same.
    CliResult r = run_cli({"init", (tmp / "folder").string()});
    ASSERT_EQ(r.exit_code, 0);
    auto folder = errors_of([&] { read_books_folder(tmp / "folder", w); });
    ASSERT_EQ(folder.size(), 2u);
    for (size_t i = 0; i < 2; ++i)
        EXPECT_EQ(errors[i].substr(errors[i].find("]：")), folder[i].substr(folder[i].find("]：")));
}

TEST(BooksWorkbook, ErrorsNameSheetAndCell) {
    TempDir tmp;
    fs::path file = tmp / "books.xlsx";
    spit(file, write_books_xlsx(example_facts()));
    XlsxWorkbook wb = read_xlsx(file);
    // 收入!C2 holds 602.09 (一般公共预算财政拨款收入 of 行政运行); the 部门 key "composition" is mistyped.
    const XlsxSheet* income = wb.sheet("收入");
    ASSERT_EQ(income->cell(2, 3)->text, "602.09");
    std::string key_ref;
    for (const auto& row : wb.sheet("部门")->rows)
        for (const auto& c : row.cells)
            if (c.col == 1 && c.text == "composition") key_ref = c.ref();
    ASSERT_FALSE(key_ref.empty());
    std::string income_xml = zip_part(slurp(file), income->part);
    income_xml = std::regex_replace(income_xml, std::regex("<c r=\"C2\"[^>]*><v>[^<]*</v></c>"),
                                    "<c r=\"C2\" t=\"inlineStr\"><is><t>1,41x.64</t></is></c>");
    std::string dept_xml = zip_part(slurp(file), wb.sheet("部门")->part);
    dept_xml = std::regex_replace(dept_xml, std::regex("<c r=\"" + key_ref + "\"[^>]*><v>[^<]*</v></c>"),
                                  "<c r=\"" + key_ref + "\" t=\"inlineStr\"><is><t>compositon</t></is></c>");
    replace_part(file, income->part, income_xml);
    replace_part(file, wb.sheet("部门")->part, dept_xml);
    Diagnostics w;
    auto errors = errors_of([&] { read_books_workbook(file, w); });
    EXPECT_TRUE(any_has(errors, file.string() + " 收入!C2（一般公共预算财政拨款收入）：金额“1,41x.64”")) << join(errors);
    std::string value_ref = "B" + key_ref.substr(1);
    EXPECT_TRUE(any_has(errors, "部门!" + value_ref + " [compositon]：未知的键“compositon”")) << join(errors);
    // And the program says so with exit code 2.
    CliResult r = run_cli({"build", file.string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("收入!C2"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(BooksWorkbook, NumberCellsOffTheGridAndOtherCellErrors) {
    TempDir tmp;
    fs::path file = tmp / "books.xlsx";
    spit(file, write_books_xlsx(example_facts()));
    XlsxWorkbook wb = read_xlsx(file);
    const XlsxSheet* income = wb.sheet("收入");
    std::string xml = zip_part(slurp(file), income->part);
    auto set = [&](const std::string& ref, const std::string& cell) {
        xml = std::regex_replace(xml, std::regex("<c r=\"" + ref + "\"[^>]*><v>[^<]*</v></c>"), cell);
    };
    set("C2", "<c r=\"C2\"><v>602.0900000000001</v></c>");  // float noise: read as 602.09
    set("C3", "<c r=\"C3\"><v>493.4250001</v></c>");        // more decimals than 万元 allows
    set("C4", "<c r=\"C4\" t=\"e\"><v>#REF!</v></c>");
    set("C5", "<c r=\"C5\"><f>C2*2</f></c>");
    replace_part(file, income->part, xml);
    Diagnostics w;
    auto errors = errors_of([&] { read_books_workbook(file, w); });
    EXPECT_FALSE(any_has(errors, "收入!C2")) << join(errors);
    EXPECT_TRUE(any_has(errors, "收入!C3（一般公共预算财政拨款收入）：金额 493.4250001 的小数位数过多")) << join(errors);
    EXPECT_TRUE(any_has(errors, "收入!C4：单元格是 Excel 的错误值 #REF!")) << join(errors);
    EXPECT_TRUE(any_has(errors, "收入!C5：公式没有保存计算结果")) << join(errors);
}

TEST(BooksWorkbook, MissingSheetsAndForeignSheets) {
    TempDir tmp;
    fs::path p = tmp / "x.xlsx";
    lxw_workbook* wb = workbook_new(p.c_str());
    workbook_add_worksheet(wb, "Sheet1");
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    Diagnostics w;
    auto errors = errors_of([&] { read_books_workbook(p, w); });
    EXPECT_TRUE(any_has(errors, "缺少必需的工作表“部门”")) << join(errors);
    EXPECT_TRUE(any_has(errors, "缺少必需的工作表“收入”")) << join(errors);
    EXPECT_TRUE(any_has(errors, "缺少必需的工作表“基本支出经济分类”")) << join(errors);
}

// A generated department with subjects the catalog lacks: its catalog and glossary supplements
// travel as the 科目补充 and 名词解释 sheets and give what catalog.csv and glossary.csv give.
TEST(BooksWorkbook, SupplementSheetsActLikeTheFolderFiles) {
    TempDir tmp;
    Template t = load_template("jinan-2023");
    SampleBooks s = generate_sample(60, 7, t, load_catalogs({}));
    ASSERT_FALSE(s.extra_catalog.empty());
    write_files_atomically(tmp / "folder", write_books_with_supplements(s.facts, s.extra_catalog));
    std::map<std::string, std::string> glossary;
    for (const auto& l : s.facts.expenditure) glossary[l.code] = "反映" + l.name + "方面的支出。";
    spit(tmp / "book.xlsx", write_books_xlsx(s.facts, s.extra_catalog, glossary));
    Built folder = build_books(tmp / "folder");
    Built book = build_from_books(tmp / "book.xlsx", BuildOptions{});
    EXPECT_EQ(write_json(book.disclosure), write_json(folder.disclosure));
    // Without the 科目补充 sheet the synthetic subjects are unknown: the sheet is what names them.
    Diagnostics w;
    BooksSupplements extra;
    read_books_workbook(tmp / "book.xlsx", w, &extra);
    ASSERT_TRUE(extra.catalog);
    EXPECT_EQ(extra.glossary, glossary);
    // A bad entry of the 科目补充 sheet is reported at its cell.
    auto bad = s.extra_catalog;
    bad.front().code = "12";
    spit(tmp / "bad.xlsx", write_books_xlsx(s.facts, bad, glossary));
    auto errors = errors_of([&] { build_from_books(tmp / "bad.xlsx", BuildOptions{}); });
    EXPECT_TRUE(any_has(errors, "bad.xlsx 科目补充!A2（code）：科目编码“12”格式不对")) << join(errors);
}

TEST(BooksWorkbook, TheDocsNameEverySheet) {
    std::string doc = slurp(source_dir() / "docs/input-format.md");
    std::vector<std::string> sheets = {kDepartmentSheet, kReportsSheet, kGlossarySheet, kCatalogSheet};
    for (const auto& f : books_files()) sheets.push_back(f.sheet);
    for (const auto& name : sheets) {
        EXPECT_NE(doc.find("| " + name + " |"), std::string::npos) << name;
        EXPECT_LE(name.size(), 31u * 3);
    }
}

// ---- the disclosure as a workbook

namespace {

// Evaluates the formulas juesuan writes (SUM of cells and ranges, + and - of cells) over the
// values stored in the sheet, exactly in 分.
std::optional<std::int64_t> evaluate(const XlsxSheet& s, const std::string& formula) {
    auto value = [&](int row, int col) -> std::optional<std::int64_t> {
        const XlsxCell* c = s.cell(row, col);
        if (!c) return 0;
        if (c->type != XlsxType::Number) return std::nullopt;
        return stored_fen(c->text, AmountUnit::Wan);
    };
    auto parse_ref = [](const std::string& r, int& row, int& col) {
        size_t i = 0;
        col = 0;
        while (i < r.size() && std::isalpha(static_cast<unsigned char>(r[i]))) col = col * 26 + (r[i++] - 'A' + 1);
        row = std::stoi(r.substr(i));
    };
    std::int64_t total = 0;
    std::regex term(R"(([+-]?)(SUM\(([^)]*)\)|[A-Z]+[0-9]+))");
    size_t consumed = 0;
    for (auto it = std::sregex_iterator(formula.begin(), formula.end(), term); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (static_cast<size_t>(m.position()) != consumed) return std::nullopt;
        consumed += m.length();
        std::int64_t sign = m[1] == "-" ? -1 : 1, part = 0;
        std::vector<std::string> refs;
        if (m[3].matched) {
            std::string args = m[3];
            for (size_t start = 0;;) {
                size_t comma = args.find(',', start);
                refs.push_back(args.substr(start, comma - start));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        } else {
            refs.push_back(m[2]);
        }
        for (const auto& r : refs) {
            auto colon = r.find(':');
            int r1, c1, r2, c2;
            parse_ref(r.substr(0, colon), r1, c1);
            if (colon == std::string::npos) {
                r2 = r1;
                c2 = c1;
            } else {
                parse_ref(r.substr(colon + 1), r2, c2);
            }
            for (int row = r1; row <= r2; ++row)
                for (int col = c1; col <= c2; ++col) {
                    auto v = value(row, col);
                    if (!v) return std::nullopt;
                    part += *v;
                }
        }
        total += sign * part;
    }
    if (consumed != formula.size()) return std::nullopt;
    return total;
}


// Every amount of every public table is in the workbook exactly, every formula adds up to it, and
// the subtotals of subject trees are formulas. Returns the number of amounts and formulas seen.
std::pair<int, int> check_public_tables(const Disclosure& d, const XlsxWorkbook& wb) {
    int amounts = 0, formulas = 0, tree_formulas = 0;
    for (const auto& t : d.tables) {
        const XlsxSheet* s = wb.sheet("公开" + t.id + "表");
        if (!s) {
            ADD_FAILURE() << "no sheet for table " << t.id;
            continue;
        }
        PrintedTable p = print_table(d, t);
        const int g0 = 2 + static_cast<int>(p.lines.size());  // 1-based row of the grid's first row
        EXPECT_EQ(s->cell(1, 1)->text, t.title);
        for (int r = 0; r < static_cast<int>(p.grid.size()); ++r)
            for (int c = 0; c < p.width(); ++c) {
                const PrintedCell& pc = p.grid[r][c];
                const XlsxCell* x = s->cell(g0 + r, c + 1);
                if (!pc.value) {
                    if (pc.amount && r >= p.header_rows) {
                        EXPECT_TRUE(!x || x->text.empty()) << t.id << " " << cell_name(g0 + r, c + 1);
                    }
                    continue;
                }
                ++amounts;
                if (!x || x->type != XlsxType::Number) {
                    ADD_FAILURE() << t.id << " " << cell_name(g0 + r, c + 1) << " is no number";
                    continue;
                }
                // The stored double is the exact amount: on the 分 grid, and printed as the table prints it.
                EXPECT_EQ(stored_fen(x->text, AmountUnit::Wan), pc.value->fen()) << t.id << " " << x->ref() << " " << x->text;
                if (auto printed = number_on_grid(x->text, 6)) {
                    EXPECT_EQ(format_wan(parse_amount(*printed, AmountUnit::Wan).value.value()), pc.text);
                }
                if (!x->formula.empty()) {
                    ++formulas;
                    EXPECT_EQ(evaluate(*s, x->formula), pc.value->fen()) << t.id << " " << x->ref() << " =" << x->formula;
                }
                // Subtotals and totals of subject trees are always formulas.
                if (t.kind == TableKind::SubjectTree && pc.row && pc.row->role != RowRole::Item) {
                    EXPECT_EQ(x->formula.rfind("SUM(", 0), 0u) << t.id << " " << x->ref();
                    ++tree_formulas;
                }
            }
        // The header's merged cells, where the printed table merges them.
        for (const auto& m : p.merges) {
            bool found = std::any_of(s->merges.begin(), s->merges.end(), [&](const XlsxRange& x) {
                return x.first_row == g0 + m.row && x.first_col == m.col + 1 && x.last_row == g0 + m.row + m.rowspan - 1 &&
                       x.last_col == m.col + m.colspan;
            });
            EXPECT_TRUE(found) << t.id << " merge at " << cell_name(g0 + m.row, m.col + 1);
        }
    }
    EXPECT_GT(tree_formulas, 20);
    return {amounts, formulas};
}

}  // namespace

TEST(DisclosureWorkbook, EveryAmountAndEveryFormulaIsRight) {
    Built b = build_books(example_dir());
    const Disclosure& d = b.disclosure;
    const std::string bytes = write_disclosure_xlsx(d);
    XlsxWorkbook wb = read_xlsx_bytes(bytes, "disclosure.xlsx");
    auto [amounts, formulas] = check_public_tables(d, wb);
    EXPECT_GT(amounts, 100);
    // 公开01表: 本年收入合计 (行次 27) = SUM of 行次 1–8, 总计 (31) = 27 + 28 + 29.
    const XlsxSheet* t01 = wb.sheet("公开01表");
    PrintedTable p01 = print_table(d, *d.table("01"));
    const int g0 = 2 + static_cast<int>(p01.lines.size());
    const int first = g0 + p01.header_rows;  // 行次 1
    EXPECT_EQ(t01->cell(first + 26, 3)->formula, fmt::format("SUM(C{}:C{})", first, first + 7));
    EXPECT_EQ(t01->cell(first + 30, 3)->formula, fmt::format("C{}+C{}+C{}", first + 26, first + 27, first + 28));
    // 公开02表: an item row's 本年收入合计 adds the source columns.
    const XlsxSheet* t02 = wb.sheet("公开02表");
    bool item_formula = false;
    for (const auto& row : t02->rows)
        for (const auto& c : row.cells)
            if (c.col == 3 && c.formula.rfind("D", 0) == 0) item_formula = true;
    EXPECT_TRUE(item_formula);
    EXPECT_GT(formulas, 60);
    // The formulas are in the sheet's XML as <f> elements.
    EXPECT_NE(zip_part(bytes, t02->part).find("<f>SUM("), std::string::npos);
    // Performance sheets follow the public tables.
    ASSERT_NE(wb.sheet("绩效自评汇总"), nullptr);
    int self = 0, key = 0;
    for (const auto& s : wb.sheets) {
        self += s.name.rfind("自评-", 0) == 0;
        key += s.name.rfind("重点评价-", 0) == 0;
        EXPECT_LE(s.name.size(), 31u * 3);
    }
    int detailed = 0, keyed = 0;
    for (const auto& p : d.performance.projects) detailed += p.detailed, keyed += p.key;
    EXPECT_EQ(self, detailed);
    EXPECT_EQ(key, keyed);
}

// A generated department whose amounts end in half a 0.01 万元: the cells must hold the exact
// amounts, not the printed ones (1,234.565 rounds to 1,234.57 but is stored as 1234.565).
TEST(DisclosureWorkbook, CellsHoldExactAmountsNotPrintedOnes) {
    TempDir tmp;
    Template t = load_template("jinan-2023");
    SampleBooks s = generate_sample(200, 11, t, load_catalogs({}), true);
    write_files_atomically(tmp / "books", write_books_with_supplements(s.facts, s.extra_catalog));
    Built b = build_books(tmp / "books");
    XlsxWorkbook wb = read_xlsx_bytes(write_disclosure_xlsx(b.disclosure), "sample.xlsx");
    auto [amounts, formulas] = check_public_tables(b.disclosure, wb);
    EXPECT_GT(amounts, 500);
    EXPECT_GT(formulas, 200);
}

TEST(DisclosureWorkbook, SameDisclosureSameBytes) {
    Built b = build_books(example_dir());
    std::string one = write_disclosure_xlsx(b.disclosure);
    std::string two = write_disclosure_xlsx(b.disclosure);
    EXPECT_TRUE(one == two);
    // Nothing in it depends on when it was written: the creation date is the year's last day ...
    std::string core = zip_part(one, "docProps/core.xml");
    EXPECT_NE(core.find("2023-12-31T00:00:00Z"), std::string::npos) << core;
    EXPECT_NE(core.find("济南市天桥区人民政府办公室"), std::string::npos);
    // ... and no entry of the zip carries today's date.
    zip_error_t e;
    zip_error_init(&e);
    zip_t* z = zip_open_from_source(zip_source_buffer_create(one.data(), one.size(), 0, &e), ZIP_RDONLY, &e);
    ASSERT_NE(z, nullptr);
    std::time_t now = std::time(nullptr);
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        EXPECT_GT(now - st.mtime, 86400 * 300) << st.name;
    }
    zip_close(z);
    // Without the sums the template states (a table read from elsewhere), the tree sums are
    // still formulas; the template's are not.
    Disclosure bare = b.disclosure;
    for (auto& t : bare.tables) {
        for (auto& r : t.rows) r.formulas.clear();
        for (auto& c : t.columns) c.formula.clear();
    }
    XlsxWorkbook plain = read_xlsx_bytes(write_disclosure_xlsx(bare), "plain.xlsx");
    bool tree = false, fixed = false;
    for (const auto& row : plain.sheet("公开02表")->rows)
        for (const auto& c : row.cells) tree |= !c.formula.empty();
    for (const auto& row : plain.sheet("公开01表")->rows)
        for (const auto& c : row.cells) fixed |= !c.formula.empty();
    EXPECT_TRUE(tree);
    EXPECT_FALSE(fixed);
}

TEST(DisclosureWorkbook, SheetNamesAreValidAndUnique) {
    std::set<std::string> taken;
    EXPECT_EQ(unique_sheet_name("公开01表", taken), "公开01表");
    EXPECT_EQ(unique_sheet_name("公开01表", taken), "公开01表(2)");
    EXPECT_EQ(unique_sheet_name("a/b:c[d]*?\\", taken), "a_b_c_d____");
    std::string n = unique_sheet_name("自评-政务网安全可靠、政务办公平台三级等级保护整改等重点项目建设经费", taken);
    EXPECT_EQ(n, "自评-政务网安全可靠、政务办公平台三级等级保护整改等重点项目建");  // 31 characters
    EXPECT_EQ(unique_sheet_name("自评-政务网安全可靠、政务办公平台三级等级保护整改等重点项目建设经费X", taken),
              "自评-政务网安全可靠、政务办公平台三级等级保护整改等重点(2)");
    EXPECT_EQ(unique_sheet_name("SHEET", taken), "SHEET");
    EXPECT_EQ(unique_sheet_name("sheet", taken), "sheet(2)");  // Excel ignores case
}

// ---- the command line

TEST(XlsxCli, InitTemplateThenBuildNamesTheCell) {
    TempDir tmp;
    fs::path book = tmp / "账簿.xlsx";
    CliResult r = run_cli({"init", "--xlsx", book.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(book));
    std::string first = slurp(book);
    r = run_cli({"init", "--xlsx", book.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("已存在"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
    spit(book, "mine");
    r = run_cli({"init", "--xlsx", book.string(), "--force"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(slurp(book), first);
    for (const auto& e : fs::directory_iterator(tmp.path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();

    r = run_cli({"build", book.string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("部门!B2 [name]：缺少部门名称"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("未生成任何输出"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp / "out"));
    r = run_cli({"init"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(XlsxCli, BuildsTheExampleWorkbook) {
    TempDir tmp;
    spit(tmp / "example.xlsx", write_books_xlsx(example_facts()));
    CliResult r = run_cli({"build", (tmp / "example.xlsx").string(), "-o", (tmp / "out").string(), "--format", "md,json,xlsx"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Only the seed's own inconsistency (N-007 in 五), as the folder's build reports it.
    EXPECT_NE(r.err.find("审核结果：错误 0 处，警告 1 处，提示 0 处。"), std::string::npos) << r.err;
    ASSERT_TRUE(fs::exists(tmp / "out/disclosure.xlsx"));
    r = run_cli({"build", example_dir().string(), "-o", (tmp / "folder").string(), "--format", "md,json,xlsx"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(slurp(tmp / "out/disclosure.md"), slurp(tmp / "folder/disclosure.md"));
    EXPECT_EQ(slurp(tmp / "out/disclosure.json"), slurp(tmp / "folder/disclosure.json"));
    EXPECT_TRUE(slurp(tmp / "out/disclosure.xlsx") == slurp(tmp / "folder/disclosure.xlsx"));
    XlsxWorkbook wb = read_xlsx(tmp / "out/disclosure.xlsx");
    EXPECT_EQ(wb.sheets.front().name, "公开01表");
    // `check` takes the workbook as it takes the folder.
    r = run_cli({"check", (tmp / "example.xlsx").string()});
    EXPECT_NE(r.exit_code, 2) << r.err;
}
