#include <gtest/gtest.h>

#include "core/ratio.h"

using namespace juesuan;

namespace {
Money w(std::int64_t hundredths_of_wan) { return Money::from_fen(hundredths_of_wan * 10'000); }
std::string pct(std::optional<Percent> p, PercentStyle s = PercentStyle::Trimmed) {
    return p ? format_percent(*p, s) : "n/a";
}
}  // namespace

TEST(Ratio, SeedGrowthSharesAndCompletion) {
    // Figures printed in the seed's 情况说明, checked by hand.
    EXPECT_EQ(pct(growth(w(141167), w(65605))), "115.18%");   // 755.62 / 656.05
    EXPECT_EQ(pct(share(w(79030), w(141164))), "55.98%");     // 790.30 / 1,411.64
    EXPECT_EQ(pct(share(w(62134), w(141164))), "44.02%");
    EXPECT_EQ(pct(growth(w(79030), w(61621))), "28.25%");     // +174.09 on 616.21
    EXPECT_EQ(pct(growth(w(62134), w(3981))), "1,460.76%");   // +581.53 on 39.81
    EXPECT_EQ(pct(share(w(114912), w(141164))), "81.4%");     // 81.40 % printed trimmed
    EXPECT_EQ(pct(share(w(7792), w(141164))), "5.52%");
    EXPECT_EQ(pct(completion(w(49342), w(41900))), "117.76%");
    EXPECT_EQ(pct(completion(w(8489), w(7021))), "120.91%");
    EXPECT_EQ(pct(completion(w(141164), w(118364))), "119.26%");
    EXPECT_EQ(pct(completion(w(60209), w(60206))), "100%");    // 602.09 / 602.06 = 100.005 % → 100.00 %, printed 100%
    EXPECT_EQ(pct(growth(w(4502), w(4751))), "-5.24%");       // 机关运行经费 45.02 against 47.51
    EXPECT_EQ(pct(share(w(1201), w(35566))), "3.38%");
    EXPECT_EQ(pct(share(w(333), w(34698))), "0.96%");
    EXPECT_EQ(pct(completion(w(10282), w(25000)), PercentStyle::Fixed), "41.13%");
    EXPECT_EQ(pct(completion(w(9561), w(10495)), PercentStyle::Fixed), "91.10%");
    EXPECT_EQ(pct(completion(w(4000), w(4000)), PercentStyle::Fixed), "100.00%");
}

TEST(Ratio, RoundsHalfUpExactly) {
    EXPECT_EQ(percent_of(1, 8)->hundredths, 1250);    // 12.5 % exactly
    EXPECT_EQ(percent_of(1, 32)->hundredths, 313);    // 3.125 % → 3.13 %
    EXPECT_EQ(percent_of(1, 3)->hundredths, 3333);
    EXPECT_EQ(percent_of(2, 3)->hundredths, 6667);
    EXPECT_EQ(percent_of(-1, 32)->hundredths, -313);  // half away from zero
    EXPECT_EQ(percent_of(100'050, 10'000'000)->hundredths, 100);  // 1.0005 % → 1.00 %
    EXPECT_EQ(percent_of(100'499, 10'000'000)->hundredths, 100);  // 1.00499 % → 1.00 %
    EXPECT_EQ(percent_of(100'500, 10'000'000)->hundredths, 101);  // 1.005 % → 1.01 %
}

TEST(Ratio, ZeroDenominatorHasNoRatio) {
    EXPECT_FALSE(completion(w(361), w(0)).has_value());  // 年初无预算
    EXPECT_FALSE(percent_of(0, 0).has_value());
}

TEST(Ratio, HugeAmountsDoNotOverflow) {
    Money big = Money::from_fen(9'000'000'000'000'000'000LL);
    EXPECT_EQ(share(big, big)->hundredths, 10'000);
}

TEST(Ratio, Formats) {
    EXPECT_EQ(format_percent({10000}), "100%");
    EXPECT_EQ(format_percent({10000}, PercentStyle::Fixed), "100.00%");
    EXPECT_EQ(format_percent({8140}), "81.4%");
    EXPECT_EQ(format_percent({9980}, PercentStyle::Fixed), "99.80%");
    EXPECT_EQ(format_percent({5}), "0.05%");
    EXPECT_EQ(format_percent({0}), "0%");
    EXPECT_EQ(format_percent({-524}), "-5.24%");
}
