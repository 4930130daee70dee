#include <gtest/gtest.h>

#include "core/decimal.h"
#include "core/text.h"

using namespace juesuan;

TEST(Text, LabelKeyIgnoresSpacesAndWidth) {
    EXPECT_EQ(label_key("合 计"), "合计");
    EXPECT_EQ(label_key("合　计"), "合计");  // ideographic space
    EXPECT_EQ(label_key(" 栏 次 "), "栏次");
    EXPECT_EQ(label_key("政府办公厅（室）及相关机构事务"), label_key("政府办公厅(室)及相关机构事务"));
    EXPECT_NE(label_key("合计"), label_key("总计"));
}

TEST(Text, NfkcFoldsFullWidth) {
    EXPECT_EQ(nfkc("１２．５"), "12.5");
    EXPECT_EQ(nfkc("ＡＢＣ"), "ABC");
    EXPECT_EQ(nfkc("（万元）"), "(万元)");
}

TEST(Text, TrimHandlesUnicodeSpaces) {
    EXPECT_EQ(trim("\u3000 行政运行 \t"), "行政运行");
    EXPECT_EQ(trim("   "), "");
}

TEST(Text, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("合计 abc"));
    EXPECT_FALSE(is_valid_utf8("\xBA\xCF\xBC\xC6"));  // "合计" in GBK
}

TEST(Text, ChineseNumerals) {
    EXPECT_EQ(chinese_numeral(1), "一");
    EXPECT_EQ(chinese_numeral(10), "十");
    EXPECT_EQ(chinese_numeral(11), "十一");
    EXPECT_EQ(chinese_numeral(20), "二十");
    EXPECT_EQ(chinese_numeral(26), "二十六");
}

TEST(Text, CsvLineQuotes) {
    EXPECT_EQ(csv_line({"a", "b,c", "say \"hi\""}), "a,\"b,c\",\"say \"\"hi\"\"\"\n");
}

TEST(Decimal, ParsesAndCompares) {
    auto a = parse_decimal("2.50");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->str(), "2.50");
    EXPECT_EQ(*a, *parse_decimal("2.5"));
    EXPECT_LT(parse_decimal("94")->compare(*parse_decimal("95")), 0);
    EXPECT_EQ(parse_decimal("０.０５")->str(), "0.05");
    EXPECT_FALSE(parse_decimal("健全"));
    EXPECT_FALSE(parse_decimal("95%"));
}
