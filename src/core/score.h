// Scores of the performance evaluation: an integer count of 0.01 point (9989 is 99.89 分).
// Never a float: every score is an exact rational rounded half-up to 0.01.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "core/decimal.h"

namespace juesuan {

struct Score {
    std::int64_t hundredths = 0;
    auto operator<=>(const Score&) const = default;
    Score operator+(Score o) const;  // AmountOverflow past the bound of core/money.h
    Score& operator+=(Score o) { return *this = *this + o; }
};

Score score_of(const Decimal& d);  // the decimal rounded half-up to 0.01
// weight × num / den, rounded half-up to 0.01; nullopt when den is 0.
std::optional<Score> weighted(const Decimal& weight, std::int64_t num, std::int64_t den);

// "99.99", "10.00"
std::string format_score_fixed(Score s);
// "18", "9.9", "6.86", "99.9" (trailing zeros dropped)
std::string format_score(Score s);

}  // namespace juesuan
