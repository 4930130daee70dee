#include <gtest/gtest.h>

#include "core/money.h"

using namespace juesuan;

namespace {
Money wan(const char* s) {
    auto p = parse_amount(s, AmountUnit::Wan);
    EXPECT_TRUE(p.ok()) << s << ": " << p.error;
    EXPECT_TRUE(p.value.has_value()) << s;
    return p.value.value_or(Money{});
}
}  // namespace

TEST(Money, ParsesPrintedAmountsInWan) {
    EXPECT_EQ(wan("1,411.64").fen(), 1'411'640'000);  // 14,116,400 元
    EXPECT_EQ(wan("0.03").fen(), 30'000);              // 300 元
    EXPECT_EQ(wan("1411.64").fen(), 1'411'640'000);
    EXPECT_EQ(wan("419").fen(), 419'000'000);
    EXPECT_EQ(wan(" 602.09 ").fen(), 602'090'000);
    EXPECT_EQ(wan("0.000001").fen(), 1);  // six decimals of 万元 are one 分
    EXPECT_EQ(wan("12,345,678.9").fen(), 12'345'678'900'000);
}

TEST(Money, ParsesFullWidthDigitsAndPunctuation) {
    EXPECT_EQ(wan("１２．５").fen(), 12'500'000);
    EXPECT_EQ(wan("１，４１１．６４").fen(), 1'411'640'000);
    EXPECT_EQ(wan("－３").fen(), -3'000'000);  // full-width minus followed by a digit is a sign
}

TEST(Money, BlankAndDashPlaceholdersAreNoAmount) {
    for (const char* s : {"", "   ", "　", "－", "-", "—", "--", "——"}) {
        auto p = parse_amount(s, AmountUnit::Wan);
        EXPECT_TRUE(p.ok()) << s;
        EXPECT_TRUE(p.blank) << s;
        EXPECT_FALSE(p.value.has_value()) << s;
    }
}

TEST(Money, NegativeAmounts) {
    EXPECT_EQ(wan("-12.50").fen(), -12'500'000);
    EXPECT_EQ(wan("−0.03").fen(), -30'000);  // U+2212 minus sign
    EXPECT_EQ(parse_amount("-1,411.64", AmountUnit::Yuan).value->fen(), -141'164);
}

TEST(Money, ParsesYuanExactly) {
    auto p = parse_amount("14,116,400.00", AmountUnit::Yuan);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.value->fen(), 1'411'640'000);
    EXPECT_EQ(parse_amount("0.5", AmountUnit::Yuan).value->fen(), 50);
}

TEST(Money, RejectsMalformedAmounts) {
    for (const char* s : {"12..5", "1,41.64", "1,4110.64", "abc", "12.5万", "1.2.3", "12.", "+", "1 411.64", "¥12"}) {
        auto p = parse_amount(s, AmountUnit::Wan);
        EXPECT_FALSE(p.ok()) << s;
        EXPECT_FALSE(p.error.empty()) << s;
    }
    // 万元 keeps six decimals, 元 two: one more cannot be exact.
    EXPECT_FALSE(parse_amount("0.0000001", AmountUnit::Wan).ok());
    EXPECT_FALSE(parse_amount("0.001", AmountUnit::Yuan).ok());
    EXPECT_NE(parse_amount("0.001", AmountUnit::Yuan).error.find("小数位数过多"), std::string::npos);
    EXPECT_NE(parse_amount("1,41.64", AmountUnit::Wan).error.find("千分位"), std::string::npos);
}

TEST(Money, FormatsWanWithTwoDecimalsAndSeparators) {
    EXPECT_EQ(format_wan(Money::from_fen(1'411'640'000)), "1,411.64");
    EXPECT_EQ(format_wan(Money::from_fen(30'000)), "0.03");
    EXPECT_EQ(format_wan(Money::from_fen(0)), "0.00");
    EXPECT_EQ(format_wan(Money::from_fen(50'000'000)), "50.00");
    EXPECT_EQ(format_wan(Money::from_fen(123'456'789'000'000)), "123,456,789.00");
    EXPECT_EQ(format_wan_plain(Money::from_fen(1'411'640'000)), "1411.64");
}

TEST(Money, RoundsHalfUpAtTheBoundary) {
    // 0.01 万元 is 10,000 分; the half is 5,000 分.
    EXPECT_EQ(format_wan(Money::from_fen(1'411'645'000)), "1,411.65");
    EXPECT_EQ(format_wan(Money::from_fen(1'411'644'999)), "1,411.64");
    EXPECT_EQ(format_wan(Money::from_fen(4'999)), "0.00");
    EXPECT_EQ(format_wan(Money::from_fen(5'000)), "0.01");
    // Negative amounts round half away from zero, as 四舍五入 of the absolute value.
    EXPECT_EQ(format_wan(Money::from_fen(-5'000)), "-0.01");
    EXPECT_EQ(format_wan(Money::from_fen(-4'999)), "0.00");
    EXPECT_EQ(round_half_up(14'999, 10'000), 10'000);
    EXPECT_EQ(round_half_up(15'000, 10'000), 20'000);
}

TEST(Money, FormatsExactlyForBooks) {
    EXPECT_EQ(format_exact(Money::from_fen(1'411'640'000), AmountUnit::Wan), "1411.64");
    EXPECT_EQ(format_exact(Money::from_fen(1), AmountUnit::Wan), "0.000001");
    EXPECT_EQ(format_exact(Money::from_fen(-30'000), AmountUnit::Wan), "-0.03");
    EXPECT_EQ(format_exact(Money::from_fen(12'345), AmountUnit::Yuan), "123.45");
    EXPECT_EQ(format_yuan(Money::from_fen(1'411'640'000)), "14,116,400.00");
    // Round trip: parse(format_exact(x)) == x.
    for (std::int64_t f : {0LL, 1LL, 99LL, 10'001LL, 123'456'789LL, -77LL}) {
        for (auto u : {AmountUnit::Wan, AmountUnit::Yuan}) {
            auto p = parse_amount(format_exact(Money::from_fen(f), u), u);
            ASSERT_TRUE(p.ok());
            EXPECT_EQ(p.value->fen(), f);
        }
    }
}

TEST(Money, UnitNames) {
    EXPECT_EQ(parse_unit_name("万元"), AmountUnit::Wan);
    EXPECT_EQ(parse_unit_name(" 元 "), AmountUnit::Yuan);
    EXPECT_FALSE(parse_unit_name("千元").has_value());
}
