#include "core/ratio.h"

#include <fmt/format.h>

namespace juesuan {

std::optional<Percent> percent_of(std::int64_t num, std::int64_t den) {
    if (den == 0) return std::nullopt;
    __int128 n = static_cast<__int128>(num) * 10'000;
    __int128 d = den;
    bool neg = (n < 0) != (d < 0);
    if (n < 0) n = -n;
    if (d < 0) d = -d;
    __int128 q = (2 * n + d) / (2 * d);  // half away from zero
    if (q > Money::kMaxFen) throw AmountOverflow({}, "百分比");  // would not fit int64
    return Percent{static_cast<std::int64_t>(neg ? -q : q)};
}

std::optional<Percent> growth(Money current, Money previous) {
    return percent_of((current - previous).fen(), previous.fen());
}

std::optional<Percent> share(Money part, Money whole) { return percent_of(part.fen(), whole.fen()); }

std::optional<Percent> completion(Money actual, Money budget) { return percent_of(actual.fen(), budget.fen()); }

std::string format_percent(Percent p, PercentStyle style) {
    bool neg = p.hundredths < 0;
    std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(p.hundredths) : static_cast<std::uint64_t>(p.hundredths);
    std::uint64_t whole = a / 100, frac = a % 100;
    std::string digits = std::to_string(whole), grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
        grouped += digits[i];
        size_t left = digits.size() - 1 - i;
        if (left > 0 && left % 3 == 0) grouped += ',';
    }
    std::string f = fmt::format("{:02d}", frac);
    if (style == PercentStyle::Trimmed) {
        while (!f.empty() && f.back() == '0') f.pop_back();
    }
    if (style == PercentStyle::Whole && frac == 0) f.clear();
    return fmt::format("{}{}{}{}%", neg ? "-" : "", grouped, f.empty() ? "" : ".", f);
}

}  // namespace juesuan
