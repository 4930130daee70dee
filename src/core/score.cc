#include "core/score.h"

#include <fmt/format.h>

#include "core/money.h"

namespace juesuan {

namespace {
__int128 pow10i(int n) {
    __int128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
}
std::int64_t round_div(__int128 num, __int128 den) {
    bool neg = (num < 0) != (den < 0);
    if (num < 0) num = -num;
    if (den < 0) den = -den;
    __int128 q = (2 * num + den) / (2 * den);
    // A score past the amount bound comes only from absurd input: refuse it rather than wrap.
    if (q > Money::kMaxFen) throw AmountOverflow({}, "分数");
    return static_cast<std::int64_t>(neg ? -q : q);
}
}  // namespace

Score Score::operator+(Score o) const { return {checked_add(hundredths, o.hundredths)}; }

Score score_of(const Decimal& d) {
    // value × 100 = units × 100 / 10^scale
    return {round_div(static_cast<__int128>(d.units) * 100, pow10i(d.scale))};
}

std::optional<Score> weighted(const Decimal& weight, std::int64_t num, std::int64_t den) {
    if (den == 0) return std::nullopt;
    // weight × num / den × 100 = units × num × 100 / (10^scale × den)
    return Score{round_div(static_cast<__int128>(weight.units) * num * 100, pow10i(weight.scale) * den)};
}

std::string format_score_fixed(Score s) {
    bool neg = s.hundredths < 0;
    std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(s.hundredths) : static_cast<std::uint64_t>(s.hundredths);
    return fmt::format("{}{}.{:02d}", neg ? "-" : "", a / 100, a % 100);
}

std::string format_score(Score s) {
    std::string f = format_score_fixed(s);
    while (f.back() == '0') f.pop_back();
    if (f.back() == '.') f.pop_back();
    return f;
}

}  // namespace juesuan
