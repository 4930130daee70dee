// Exact ratios printed as percentages with two decimals (growth, share, completion).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "core/money.h"

namespace juesuan {

// A percentage held as an integer count of 0.01 % (11518 is 115.18 %).
struct Percent {
    std::int64_t hundredths = 0;
    auto operator<=>(const Percent&) const = default;
};

// num / den as a percentage, rounded half away from zero to 0.01 %; nullopt when den is 0.
std::optional<Percent> percent_of(std::int64_t num, std::int64_t den);

// (current − previous) / previous.
std::optional<Percent> growth(Money current, Money previous);
// part / whole.
std::optional<Percent> share(Money part, Money whole);
// actual / budget.
std::optional<Percent> completion(Money actual, Money budget);

enum class PercentStyle {
    Trimmed,  // trailing zeros dropped: "81.4%", "100%", "115.18%" (the seed's prose)
    Fixed,    // always two decimals: "100.00%", "99.80%" (the seed's performance tables)
    Whole,    // two decimals, but a whole percentage bare: "99.80%", "100%" (the seed's key evaluations)
};

// Thousands separators in the integer part, as the seed prints "1,460.76%".
std::string format_percent(Percent p, PercentStyle style = PercentStyle::Trimmed);

}  // namespace juesuan
