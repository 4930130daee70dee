// Exact money: an integer count of 分 (1 元 = 100 分, 1 万元 = 1,000,000 分).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace juesuan {

// An amount, or a sum or difference of amounts, beyond Money::kMaxFen. It is an InputError, so
// that from anywhere it ends a run with exit code 2; callers that know the place (a table cell, a
// rule, a books column) catch it and throw it again with that place.
class AmountOverflow : public InputError {
public:
    explicit AmountOverflow(Location where = {}, const std::string& what = {});
};

// "{what}超出可处理的范围：…": the message of AmountOverflow, for readers that report and go on.
std::string amount_overflow_message(const std::string& what);

// Checked arithmetic on counts of 分 (and on the other integers the rules add: scores, percents):
// the result must lie within ±Money::kMaxFen, else AmountOverflow.
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_neg(std::int64_t a);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

class Money {
public:
    // The largest amount a budget can have, in 分: 10^16 分 = 10^14 元 = 100 万亿元, above any
    // government's whole budget. Every amount read, every sum and difference stays within ±kMaxFen
    // (Money arithmetic throws AmountOverflow beyond it), so ten thousand of them still add up far
    // inside int64 and nothing can wrap.
    static constexpr std::int64_t kMaxFen = 10'000'000'000'000'000;

    constexpr Money() = default;
    static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
    static Money from_yuan(std::int64_t yuan) { return Money(checked_mul(yuan, kFenPerYuan)); }
    static Money from_wan(std::int64_t wan) { return Money(checked_mul(wan, kFenPerWan)); }

    constexpr std::int64_t fen() const { return fen_; }
    constexpr bool is_zero() const { return fen_ == 0; }
    constexpr bool is_negative() const { return fen_ < 0; }

    Money operator+(Money o) const { return Money(checked_add(fen_, o.fen_)); }
    Money operator-(Money o) const { return Money(checked_sub(fen_, o.fen_)); }
    Money operator-() const { return Money(checked_neg(fen_)); }
    Money& operator+=(Money o) { return *this = *this + o; }
    Money& operator-=(Money o) { return *this = *this - o; }
    constexpr auto operator<=>(const Money&) const = default;

    static constexpr std::int64_t kFenPerYuan = 100;
    static constexpr std::int64_t kFenPerWan = 1'000'000;

private:
    constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

// The unit amounts are written in (books may be kept in 元 or in 万元).
enum class AmountUnit { Yuan, Wan };

std::string_view unit_name(AmountUnit unit);                 // "元" / "万元"
std::optional<AmountUnit> parse_unit_name(std::string_view); // accepts 元, 万元, yuan, wan

// Result of parsing a printed amount. `blank` means the cell holds no amount
// (empty, or a dash placeholder such as "－"); `error` explains a malformed cell.
struct AmountParse {
    std::optional<Money> value;
    bool blank = false;
    std::string error;  // Chinese, empty when ok
    bool ok() const { return error.empty(); }
};

// Parses an amount as printed: "1,411.64", "0.03", "-12.5", full-width "１２．５",
// blanks and dash placeholders. Thousands separators must group by three.
// In 万元 up to six decimals are exact; in 元 at most two.
AmountParse parse_amount(std::string_view text, AmountUnit unit);

// Rounds fen half away from zero to a multiple of `step` fen; AmountOverflow when the result
// leaves ±Money::kMaxFen.
std::int64_t round_half_up(std::int64_t fen, std::int64_t step);

// "1,411.64": 万元 with two decimals and thousands separators, rounded half-up.
std::string format_wan(Money m);
// Same without thousands separators ("1411.64"), as some sentences print it.
std::string format_wan_plain(Money m);
// 万元 with separators and trailing zeros dropped, as prose and the performance tables print
// amounts: 790.3, 419, 1,411.64.
std::string format_wan_trimmed(Money m);
// "14,116,400.00": 元 with two decimals.
std::string format_yuan(Money m);
// The amount as it would be written in a books file of the given unit, exactly
// (万元 keeps up to six decimals, trailing zeros dropped down to two).
std::string format_exact(Money m, AmountUnit unit);

}  // namespace juesuan
