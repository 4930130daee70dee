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

// Builds the books with the CLI; the run must refuse them (exit 2, no output) and say why.
std::string refused_build(const fs::path& books, const fs::path& out) {
    CliResult r = run_cli({"build", books.string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(has(r.err, "未生成任何输出")) << r.err;
    return r.err;
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
