// Reading books folders: header aliases, units, subtotal rows, and every kind of bad input
// reported with file, line and column.
#include <gtest/gtest.h>

#include "read/books_reader.h"
#include "model/books_schema.h"
#include "write/books_workbook.h"
#include "write/books_writer.h"
#include "write/output.h"
#include "core/text.h"
#include <set>
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {
// Replaces `from` by `to` in a file of the copied example.
void edit(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string s = slurp(file);
    auto pos = s.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    s.replace(pos, from.size(), to);
    spit(file, s);
}

// The first error of reading and building the books.
Diagnostic first_error(const std::filesystem::path& dir) {
    try {
        build_books(dir);
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics().all())
            if (d.severity == Severity::Error) return d;
    }
    ADD_FAILURE() << "expected an input error";
    return {};
}
}  // namespace

TEST(BooksReader, ReadsTheExample) {
    Diagnostics w;
    Facts f = read_books_folder(example_dir(), w);
    EXPECT_EQ(f.department.name, "济南市天桥区人民政府办公室");
    EXPECT_EQ(f.department.year, 2023);
    EXPECT_EQ(f.department.unit, AmountUnit::Wan);
    EXPECT_EQ(f.department.duties.size(), 21u);
    EXPECT_EQ(f.income.size(), 8u);
    EXPECT_EQ(f.expenditure.size(), 8u);
    EXPECT_EQ(f.basic_economic.size(), 16u);
    EXPECT_EQ(f.projects.size(), 10u);
    EXPECT_EQ(f.projects[0].indicators.size(), 8u);
    EXPECT_EQ(f.projects[0].total().executed.fen(), 113'940'000);
    EXPECT_EQ(f.budget.size(), 8u);
    EXPECT_TRUE(w.all().empty());
}

TEST(BooksReader, AcceptsEnglishHeadersUnitsInHeadersAndYuan) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/department.toml", "amount_unit = \"万元\"", "amount_unit = \"元\"");
    spit(tmp / "b/income.csv", "code,name,fiscal_gpb\n2010301,行政运行,\"6,020,900.00\"\n");
    spit(tmp / "b/expenditure.csv", "科目编码,科目名称,基本支出（元）\n2010301,行政运行,6020900\n");
    spit(tmp / "b/fiscal_expenditure.csv", "科目编码,科目名称,资金性质,基本支出\n2010301,行政运行,一般公共预算财政拨款,6020900\n");
    spit(tmp / "b/basic_expenditure.csv", "科目编码,科目名称,金额\n30101,基本工资,6020900\n");
    spit(tmp / "b/balances.csv", "资金性质,年初结转和结余,年末结转和结余\n");
    Built b = build_books(tmp / "b");
    const Table* t = b.disclosure.table("03");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->row_by_code("2010301")->values.at("basic")->fen(), 602'090'000);
}

TEST(BooksReader, SubtotalRowsNameSubjectsAndMustAgree) {
    TempDir tmp;
    copy_example(tmp / "b");
    // A 类 row without amounts only names the subject; with the right amount it is accepted.
    edit(tmp / "b/income.csv", "2010301,", "201,一般公共服务支出,1149.12,,,,,,,\n2010301,");
    EXPECT_NO_THROW(build_books(tmp / "b"));
    edit(tmp / "b/income.csv", "201,一般公共服务支出,1149.12", "201,一般公共服务支出,1149.13");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("1149.13"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("1149.12"), std::string::npos) << d.message;
    EXPECT_EQ(d.where.line, 2);
}

TEST(BooksReader, ReadsGb18030Csv) {
    TempDir tmp;
    copy_example(tmp / "b");
    std::string utf8 = slurp(tmp / "b/sangong.csv");
    // "项目,预算数,决算数" and the rows, as Excel on Chinese Windows saves them.
    std::string gbk = "\xcf\xee\xc4\xbf,\xd4\xa4\xcb\xe3\xca\xfd,\xbe\xf6\xcb\xe3\xca\xfd\n"
                      "\xb9\xab\xce\xf1\xbd\xd3\xb4\xfd\xb7\xd1,1,1\n";  // 公务接待费,1,1
    spit(tmp / "b/sangong.csv", gbk);
    Built b = build_books(tmp / "b");
    EXPECT_EQ(b.disclosure.table("09")->rows.front().values.at("actual_reception")->fen(), 1'000'000);
    bool warned = false;
    for (const auto& d : b.warnings.all()) warned |= d.message.find("GB18030") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(BooksReader, MalformedAmountNamesFileLineAndColumn) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "493.42", "49..42");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("expenditure.csv"), std::string::npos);
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.where.column, 4);
    EXPECT_EQ(d.where.column_name, "项目支出");
    EXPECT_NE(d.message.find("49..42"), std::string::npos);
}

TEST(BooksReader, UnquotedThousandsSeparatorIsCaught) {
    TempDir tmp;
    copy_example(tmp / "b");
    // 1,411.64 without quotes splits into two cells and would shift every later column.
    edit(tmp / "b/expenditure.csv", "2010302,一般行政管理事务,,493.42,,,", "2010302,一般行政管理事务,,1,493.42,,,");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_NE(d.message.find("双引号"), std::string::npos) << d.message;
    // Quoted, it is one amount.
    edit(tmp / "b/expenditure.csv", ",1,493.42,,,", ",\"1,493.42\",,,");
    EXPECT_NO_THROW(build_books(tmp / "b"));
}

TEST(BooksReader, NegativeOnlyWhereAllowed) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/balances.csv", "0.03,,,0.03", "-0.03,,,-0.03");
    EXPECT_NO_THROW(build_books(tmp / "b"));  // a negative carry-over is allowed
    edit(tmp / "b/expenditure.csv", "602.09", "-602.09");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("负数"), std::string::npos) << d.message;
    EXPECT_EQ(d.where.line, 2);
}

TEST(BooksReader, MalformedCode) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/income.csv", "2010350,", "201035,");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("income.csv"), std::string::npos);
    EXPECT_EQ(d.where.line, 4);
    EXPECT_EQ(d.where.column, 1);
    EXPECT_NE(d.message.find("201035"), std::string::npos);
    EXPECT_NE(d.message.find("7 位"), std::string::npos);
}

TEST(BooksReader, ParentNeitherInCatalogNorInBooks) {
    TempDir tmp;
    copy_example(tmp / "b");
    // 29901 and 299 are in no catalog; 2990101 itself is only a warning.
    edit(tmp / "b/income.csv", "2010350,事业运行,3.61", "2990101,新设项目,3.61");
    edit(tmp / "b/expenditure.csv", "2010350,事业运行,3.61", "2990101,新设项目,3.61");
    edit(tmp / "b/fiscal_expenditure.csv", "2010350,事业运行,一般公共预算,3.61", "2990101,新设项目,一般公共预算,3.61");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("29901"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("既不在科目目录"), std::string::npos) << d.message;
    EXPECT_EQ(d.where.line, 4);
    EXPECT_EQ(d.where.column, 1);
}

TEST(BooksReader, NameContradictingTheCatalog) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "2010302,一般行政管理事务", "2010302,一般行政事务");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("expenditure.csv"), std::string::npos);
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.where.column, 2);
    EXPECT_EQ(d.where.column_name, "科目名称");
    EXPECT_NE(d.message.find("一般行政管理事务"), std::string::npos);
    EXPECT_NE(d.message.find("科目目录"), std::string::npos);
}

TEST(BooksReader, CodeMissingFromCatalogIsAWarningAndThePrintedNameIsUsed) {
    TempDir tmp;
    copy_example(tmp / "b");
    // 2010399 is not in the shipped catalog, but its 款 20103 and 类 201 are.
    for (const char* f : {"income.csv", "expenditure.csv", "fiscal_expenditure.csv"})
        edit(tmp / "b" / f, "2010350,事业运行", "2010399,其他政府办公厅（室）及相关机构事务支出");
    Built b = build_books(tmp / "b");
    const Row* r = b.disclosure.table("02")->row_by_code("2010399");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->label, "其他政府办公厅（室）及相关机构事务支出");
    ASSERT_FALSE(b.warnings.all().empty());
    const auto& w = b.warnings.all().front();
    EXPECT_EQ(w.severity, Severity::Warning);
    EXPECT_NE(w.message.find("data/classification/functional.csv"), std::string::npos) << w.message;
}

TEST(BooksReader, MissingRequiredFile) {
    TempDir tmp;
    copy_example(tmp / "b");
    std::filesystem::remove(tmp / "b/expenditure.csv");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("expenditure.csv"), std::string::npos);
    EXPECT_NE(d.message.find("缺少必需的文件"), std::string::npos);
}

TEST(BooksReader, UnknownColumnAndMissingRequiredColumn) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/income.csv", "上级补助收入", "上级补助");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 1);
    EXPECT_EQ(d.where.column, 6);
    EXPECT_NE(d.message.find("上级补助"), std::string::npos);
    spit(tmp / "b/income.csv", slurp(example_dir() / "income.csv"));
    edit(tmp / "b/income.csv", "科目名称,", "");
    d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("缺少必填列“科目名称”"), std::string::npos) << d.message;
}

TEST(BooksReader, DuplicateSubject) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "2010350,事业运行,3.61,,,,\n", "2010350,事业运行,3.61,,,,\n2010350,事业运行,1,,,,\n");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 5);
    EXPECT_NE(d.message.find("重复"), std::string::npos);
}

TEST(BooksReader, MalformedCsvQuoting) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/income.csv", "2010350,事业运行", "2010350,\"事业\"运行");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 4);
    EXPECT_NE(d.message.find("CSV"), std::string::npos);
}

TEST(BooksReader, TomlErrors) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/department.toml", "year = 2023", "year = \"二〇二三\"");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("department.toml"), std::string::npos);
    EXPECT_NE(d.message.find("year"), std::string::npos);
    spit(tmp / "b/department.toml", slurp(example_dir() / "department.toml"));
    edit(tmp / "b/department.toml", "[assets]", "[assets]\nvehicle_count = 3");
    d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("vehicle_count"), std::string::npos);
    EXPECT_GT(d.where.line, 0);
    // Amounts in [performance]: a string or a number in the department's unit, read exactly.
    spit(tmp / "b/department.toml", slurp(example_dir() / "department.toml"));
    edit(tmp / "b/department.toml", "evaluated_funds = \"933.74\"", "evaluated_funds = \"933.7４x\"");
    d = first_error(tmp / "b");
    EXPECT_EQ(d.where.key, "performance.evaluated_funds");
    EXPECT_GT(d.where.line, 0);
    EXPECT_NE(d.message.find("933.7４x"), std::string::npos) << d.message;
    spit(tmp / "b/department.toml", slurp(example_dir() / "department.toml"));
    edit(tmp / "b/department.toml", "evaluated_funds = \"933.74\"", "evaluated_funds = 933.74");
    Diagnostics warnings;
    EXPECT_EQ(read_books_folder(tmp / "b", warnings).department.performance.evaluated_funds->fen(), 933'740'000);  // 933.74 万元 in 分
    spit(tmp / "b/department.toml", "name = \"x\"\nyear = 2023\namount_unit = \"万元\"\nduties = [\n");
    d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("TOML"), std::string::npos);
}

TEST(BooksReader, AllErrorsAtOnce) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/income.csv", "602.09", "6o2.09");
    edit(tmp / "b/expenditure.csv", "493.42", "49..42");
    try {
        build_books(tmp / "b");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostics().error_count(), 2);
    }
}

TEST(BooksReader, KeyedFilesRejectEmptyUnknownAndRepeatedKeys) {
    TempDir tmp;
    copy_example(tmp / "b");
    spit(tmp / "b/sangong.csv", "项目,预算数,决算数\n因公出国（境）费,1,1\n因公出国(境)费,2,2\n差旅费,1,1\n,3,3\n");
    try {
        build_books(tmp / "b");
        FAIL();
    } catch (const InputError& e) {
        std::vector<std::string> msgs;
        for (const auto& d : e.diagnostics().sorted()) msgs.push_back(std::to_string(d.where.line) + ":" + d.message);
        ASSERT_EQ(msgs.size(), 3u) << ::testing::PrintToString(msgs);
        EXPECT_NE(msgs[0].find("3:项目“因公出国(境)费”重复：第 2 行已有"), std::string::npos) << msgs[0];
        EXPECT_NE(msgs[1].find("4:“差旅费”不是可用的项目"), std::string::npos) << msgs[1];
        EXPECT_NE(msgs[2].find("5:项目为空"), std::string::npos) << msgs[2];
    }
}

TEST(BooksReader, RowsMustHaveTheHeadersColumnCount) {
    TempDir tmp;
    copy_example(tmp / "b");
    // An unquoted 1,602.09 in a short row would book 1.00 and 602.09 in two columns.
    edit(tmp / "b/income.csv", "2010301,行政运行,602.09,,,,,,,", "2010301,行政运行,1,602.09");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_NE(d.message.find("此行有 4 列，表头有 10 列"), std::string::npos) << d.message;
}

// Every amount of the example, garbled the ways hands garble numbers, is refused: none is
// read as some other number.
TEST(BooksReader, GarbledAmountsNeverPass) {
    int tried = 0;
    for (const auto& cell : example_amounts({"income.csv", "expenditure.csv", "fiscal_expenditure.csv",
                                             "basic_expenditure.csv", "balances.csv", "sangong.csv", "procurement.csv",
                                             "budget.csv", "comparisons.csv", "projects.csv"})) {
        const std::string& t = cell.text;
        if (t.size() < 2) continue;
        // Raw CSV text put in place of the cell: each must be refused.
        std::vector<std::string> variants = {t.substr(0, 1) + " " + t.substr(1),  // inner space
                                             "\"" + t + "万\"",                     // unit suffix
                                             "1," + t};                               // unquoted separator
        if (t.find('.') != std::string::npos) variants.push_back(t + ".5");      // two points
        if (t.find('0') != std::string::npos) {
            std::string o = t;
            for (char& ch : o)
                if (ch == '0') ch = 'o';
            variants.push_back(o);
        }
        for (const std::string& bad : variants) {
            TempDir tmp;
            example_with_cell(tmp / "b", cell, bad);
            EXPECT_THROW(build_books(tmp / "b"), InputError) << cell.where() << " → " << bad;
            ++tried;
        }
    }
    EXPECT_GT(tried, 200);
}

TEST(BooksReader, TotalRowsAreRefusedWithTheReason) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "2010301,", "合 计,,790.30,621.34,,,\n2010301,");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_NE(d.message.find("是合计行"), std::string::npos) << d.message;
}

TEST(BooksReader, FundBalanceOfTheGovernmentFundNeedsASubject) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/balances.csv", "\n非财政拨款,", "\n政府性基金预算,,,5,,,5\n非财政拨款,");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_NE(d.message.find("按项级科目填写"), std::string::npos) << d.message;
}

TEST(BooksReader, TomlErrorsPointAtTheKey) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/department.toml", "amount_unit = \"万元\"", "amount_unit = \"千元\"");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_EQ(d.where.line, 8);
    EXPECT_NE(d.message.find("千元"), std::string::npos);
}

// reports.toml: each report names a key-evaluated project of projects.csv, with known keys only.
TEST(BooksReader, ReportErrorsNameTheReport) {
    TempDir tmp;
    copy_example(tmp / "b");
    Diagnostics warnings;
    Facts ok = read_books_folder(tmp / "b", warnings);
    ASSERT_EQ(ok.reports.size(), 4u);
    EXPECT_EQ(ok.reports[1].texts.at("budget_kind"), "追加");
    edit(tmp / "b/reports.toml", "project = \"大数据运维经费\"", "project = \"大数据运维费\"");
    Diagnostic d = first_error(tmp / "b");
    EXPECT_NE(d.where.file.find("reports.toml"), std::string::npos);
    EXPECT_EQ(d.where.key, "reports[2]");
    EXPECT_GT(d.where.line, 0);
    EXPECT_NE(d.message.find("大数据运维费"), std::string::npos) << d.message;
    spit(tmp / "b/reports.toml", slurp(example_dir() / "reports.toml"));
    // A project that is not a 部门重点评价 has no report.
    edit(tmp / "b/reports.toml", "project = \"大数据运维经费\"", "project = \"12345市民热线运行经费\"");
    d = first_error(tmp / "b");
    EXPECT_NE(d.message.find("重点评价"), std::string::npos) << d.message;
    spit(tmp / "b/reports.toml", slurp(example_dir() / "reports.toml"));
    edit(tmp / "b/reports.toml", "budget_kind = \"追加\"", "budget_type = \"追加\"");
    d = first_error(tmp / "b");
    EXPECT_EQ(d.where.key, "reports[2].budget_type");
    EXPECT_NE(d.message.find("budget_kind"), std::string::npos) << d.message;  // lists the known keys
}

// Every count and amount key of department.toml, each given its own value, is written by both
// books writers (folder and workbook) and read back into the member it names.
TEST(BooksReader, EveryDepartmentKeyReadsBackFromBothWriters) {
    Facts f = build_books(example_dir()).facts;
    long n = 0;
    int keys = 0;
    for (const auto& k : department_keys()) {
        if (k.count) *k.count(f.department) = ++n * 7;
        if (k.amount) *k.amount(f.department) = Money::from_fen(++n * 10'000);
        keys += k.count || k.amount ? 1 : 0;
    }
    EXPECT_EQ(keys, 20);
    TempDir tmp;
    write_files_atomically(tmp / "books", write_books(f));
    spit(tmp / "books.xlsx", write_books_xlsx(f));
    for (const auto& path : {tmp / "books", tmp / "books.xlsx"}) {
        Diagnostics diags;
        Facts back = path.extension() == ".xlsx" ? read_books_workbook(path, diags) : read_books_folder(path, diags);
        EXPECT_FALSE(diags.has_errors()) << path;
        for (const auto& k : department_keys()) {
            if (k.count) {
                EXPECT_EQ(k.count_of(back.department), k.count_of(f.department)) << k.key << " " << path;
            }
            if (k.amount) {
                EXPECT_EQ(k.amount_of(back.department), k.amount_of(f.department)) << k.key << " " << path;
            }
        }
    }
}
