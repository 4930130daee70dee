// The nine tables built from examples/tianqiao-2023 equal the seed, cell for cell;
// and every input amount matters: changing any one by 0.01 万元 breaks the equality.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <set>

#include "core/text.h"
#include "golden_cells.h"
#include "model/books_schema.h"
#include "read/csv_file.h"
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {
const Cells& golden() { return seed_golden(); }
}  // namespace

TEST(Golden, FixtureCoversAllNineTables) {
    std::set<std::string> tables;
    for (const auto& [k, v] : golden()) tables.insert(std::get<0>(k));
    EXPECT_EQ(tables.size(), 9u);
    EXPECT_GT(golden().size(), 900u);
    EXPECT_EQ(golden().at({"01", "L31", "income"}), "1,411.67");
    EXPECT_EQ(golden().at({"06", "人员经费合计", "amount"}), "745.28");
}

TEST(Golden, SeedTablesCellForCell) {
    Built b = build_books(example_dir());
    Cells actual = printed_cells(b.disclosure);
    std::string diff = diff_cells(golden(), actual);
    EXPECT_TRUE(diff.empty()) << diff;
    EXPECT_EQ(actual.size(), golden().size());
}

TEST(Golden, TablesInTheSeedOrderWithTitlesAndNotes) {
    Built b = build_books(example_dir());
    const auto& t = b.disclosure.tables;
    ASSERT_EQ(t.size(), 9u);
    const char* titles[] = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                            "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算明细表",
                            "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
                            "财政拨款“三公”经费支出决算表"};
    for (size_t i = 0; i < 9; ++i) {
        EXPECT_EQ(t[i].id, fmt::format("{:02d}", i + 1));
        EXPECT_EQ(t[i].title, titles[i]);
    }
    EXPECT_EQ(t[0].note, "注：1. 本表反映部门本年度的总收支和年末结转结余情况。2. 本套报表金额单位转换时可能存在尾数误差。");
    EXPECT_EQ(t[6].note, "注：本部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。");
    EXPECT_EQ(t[7].note, "注：本部门没有使用国有资本经营预算安排的支出，故本表无数据。");
    EXPECT_EQ(t[8].note, "注：本部门无财政拨款安排的“三公”经费支出，故本表无数据。");
    EXPECT_FALSE(t[6].has_data);
    EXPECT_TRUE(t[0].has_data);
}

// Every amount cell of the table-feeding input files, changed by ±0.01 万元 in turn.
TEST(Golden, EveryInputAmountChangesAPrintedCell) {
    int mutations = 0;
    for (const auto& cell : example_amounts({"income.csv", "expenditure.csv", "fiscal_expenditure.csv",
                                             "basic_expenditure.csv", "balances.csv", "sangong.csv"})) {
        Money value = *parse_amount(cell.text, AmountUnit::Wan).value;
        for (int sign : {+1, -1}) {
            Money changed = value + Money::from_fen(sign * 10'000);
            if (changed.is_negative()) continue;
            TempDir tmp;
            example_with_cell(tmp / "books", cell, format_exact(changed, AmountUnit::Wan));
            Built b = build_books(tmp / "books");
            EXPECT_FALSE(diff_cells(golden(), printed_cells(b.disclosure), 1).empty())
                << cell.where() << " → " << format_exact(changed, AmountUnit::Wan);
            ++mutations;
        }
    }
    EXPECT_GT(mutations, 90);
}
