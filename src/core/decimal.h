// Exact decimal numbers that are not money: indicator targets and actuals (95, 2.50, 100).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace juesuan {

struct Decimal {
    std::int64_t units = 0;  // value × 10^scale
    int scale = 0;           // digits after the point, as written

    // Value with at least `s` decimals (s ≥ scale).
    std::int64_t scaled_to(int s) const;
    int compare(const Decimal& o) const;
    bool operator==(const Decimal& o) const { return compare(o) == 0; }
    std::string str() const;  // as written: "2.50", "95"
};

// Parses "95", "2.50", "-1", full-width digits; nullopt when not a plain decimal.
std::optional<Decimal> parse_decimal(std::string_view text);

}  // namespace juesuan
