#include "core/money.h"

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

std::string amount_overflow_message(const std::string& what) {
    return fmt::format("{}超出可处理的范围：任一金额及其合计、差额的绝对值都不能超过 100 万亿元（{} 分）",
                       what.empty() ? "金额" : what, Money::kMaxFen);
}

namespace {
std::int64_t bounded(__int128 v) {
    if (v > Money::kMaxFen || v < -Money::kMaxFen) throw AmountOverflow();
    return static_cast<std::int64_t>(v);
}
}  // namespace

AmountOverflow::AmountOverflow(Location where, const std::string& what)
    : InputError(std::move(where), amount_overflow_message(what)) {}

std::int64_t checked_add(std::int64_t a, std::int64_t b) { return bounded(static_cast<__int128>(a) + b); }
std::int64_t checked_sub(std::int64_t a, std::int64_t b) { return bounded(static_cast<__int128>(a) - b); }
std::int64_t checked_neg(std::int64_t a) { return bounded(-static_cast<__int128>(a)); }
std::int64_t checked_mul(std::int64_t a, std::int64_t b) { return bounded(static_cast<__int128>(a) * b); }

std::string_view unit_name(AmountUnit unit) { return unit == AmountUnit::Wan ? "万元" : "元"; }

std::optional<AmountUnit> parse_unit_name(std::string_view s) {
    std::string k = label_key(s);
    if (k == "万元" || k == "wan") return AmountUnit::Wan;
    if (k == "元" || k == "yuan") return AmountUnit::Yuan;
    return std::nullopt;
}

namespace {

bool is_dash_placeholder(const std::string& t) {
    // After NFKC "－" is "-"; "—", "–" and "−" survive folding.
    static const std::string_view dashes[] = {"-", "—", "–", "−", "―"};
    std::string_view rest = t;
    if (rest.empty()) return false;
    while (!rest.empty()) {
        bool matched = false;
        for (auto d : dashes) {
            if (rest.substr(0, d.size()) == d) {
                rest.remove_prefix(d.size());
                matched = true;
                break;
            }
        }
        if (!matched) return false;
    }
    return true;
}

std::string group_thousands(std::uint64_t v) {
    std::string digits = std::to_string(v);
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<size_t>(i)];
        int left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out;
}

std::string format_hundredths(std::int64_t units_of_step, bool commas) {
    bool neg = units_of_step < 0;
    // Unsigned magnitude: −INT64_MIN has no int64.
    std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(units_of_step) : static_cast<std::uint64_t>(units_of_step);
    std::uint64_t whole = a / 100, frac = a % 100;
    std::string w = commas ? group_thousands(whole) : std::to_string(whole);
    return fmt::format("{}{}.{:02d}", neg ? "-" : "", w, frac);
}

}  // namespace

AmountParse parse_amount(std::string_view text, AmountUnit unit) {
    AmountParse r;
    std::string t = trim(nfkc(text));
    if (t.empty() || is_dash_placeholder(t)) {
        r.blank = true;
        return r;
    }
    std::string_view s = t;
    bool neg = false;
    if (s.substr(0, 3) == "−") {  // U+2212 minus sign
        neg = true;
        s.remove_prefix(3);
    } else if (s.front() == '-' || s.front() == '+') {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    const std::string shown(text);
    auto fail = [&](std::string msg) {
        r.error = std::move(msg);
        return r;
    };
    std::string_view int_part = s, frac_part;
    bool has_point = false;
    if (auto dot = s.find('.'); dot != std::string_view::npos) {
        int_part = s.substr(0, dot);
        frac_part = s.substr(dot + 1);
        has_point = true;
    }
    if (int_part.empty() && !has_point) return fail(fmt::format("金额“{}”无法识别：应为数字，如 1,411.64", shown));
    if (has_point && frac_part.empty()) return fail(fmt::format("金额“{}”无法识别：小数点后缺少数字", shown));
    if (int_part.empty()) int_part = "0";
    // Thousands separators: optional, but when present every group after the first has three digits.
    std::string digits;
    if (int_part.find(',') != std::string_view::npos) {
        auto groups = split(int_part, ',');
        for (size_t i = 0; i < groups.size(); ++i) {
            const auto& g = groups[i];
            bool okgroup = all_digits(g) && (i == 0 ? g.size() <= 3 : g.size() == 3);
            if (!okgroup)
                return fail(fmt::format("金额“{}”的千分位逗号位置不对：应每三位一组，如 1,411.64", shown));
            digits += g;
        }
    } else {
        if (!all_digits(int_part)) return fail(fmt::format("金额“{}”无法识别：应为数字，如 1,411.64", shown));
        digits = std::string(int_part);
    }
    if (has_point && !all_digits(frac_part))
        return fail(fmt::format("金额“{}”无法识别：应为数字，如 1,411.64", shown));
    const size_t max_decimals = unit == AmountUnit::Wan ? 6 : 2;
    if (frac_part.size() > max_decimals)
        return fail(fmt::format("金额“{}”的小数位数过多：以{}为单位时最多 {} 位小数（精确到分）", shown,
                                unit_name(unit), max_decimals));
    size_t lead = digits.find_first_not_of('0');
    digits = lead == std::string::npos ? "0" : digits.substr(lead);
    // Past 100 万亿元 (Money::kMaxFen) no budget goes; digits beyond that would not even fit int64.
    auto too_large = [&] {
        return fail(fmt::format("金额“{}”过大：金额的绝对值不能超过 100 万亿元（{}）", shown,
                                unit == AmountUnit::Wan ? "10,000,000,000 万元" : "100,000,000,000,000 元"));
    };
    const size_t max_int_digits = unit == AmountUnit::Wan ? 11 : 15;
    if (digits.size() > max_int_digits) return too_large();
    std::int64_t whole = std::stoll(digits);
    std::string frac(frac_part);
    frac.resize(max_decimals, '0');
    std::int64_t fraction = frac.empty() ? 0 : std::stoll(frac);
    std::int64_t scale = unit == AmountUnit::Wan ? Money::kFenPerWan : Money::kFenPerYuan;
    std::int64_t fen = whole * scale + fraction;  // at most 10^16 + 10^6: no overflow
    if (fen > Money::kMaxFen) return too_large();
    r.value = Money::from_fen(neg ? -fen : fen);
    return r;
}

std::int64_t round_half_up(std::int64_t fen, std::int64_t step) {
    // In __int128: a + step / 2 and −fen would overflow int64 near its limits.
    __int128 a = fen < 0 ? -static_cast<__int128>(fen) : fen;
    __int128 q = (a + step / 2) / step * step;
    return bounded(fen < 0 ? -q : q);
}

std::string format_wan(Money m) {
    return format_hundredths(round_half_up(m.fen(), 10'000) / 10'000, true);
}

std::string format_wan_plain(Money m) {
    return format_hundredths(round_half_up(m.fen(), 10'000) / 10'000, false);
}

std::string format_wan_trimmed(Money m) {
    std::string s = format_wan(m);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string format_yuan(Money m) { return format_hundredths(m.fen(), true); }

std::string format_exact(Money m, AmountUnit unit) {
    std::int64_t scale = unit == AmountUnit::Wan ? Money::kFenPerWan : Money::kFenPerYuan;
    int decimals = unit == AmountUnit::Wan ? 6 : 2;
    bool neg = m.fen() < 0;
    std::uint64_t a = neg ? 0 - static_cast<std::uint64_t>(m.fen()) : static_cast<std::uint64_t>(m.fen());
    std::uint64_t uscale = static_cast<std::uint64_t>(scale);
    std::string frac = fmt::format("{:0{}d}", a % uscale, decimals);
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    return fmt::format("{}{}.{}", neg ? "-" : "", a / uscale, frac);
}

}  // namespace juesuan
