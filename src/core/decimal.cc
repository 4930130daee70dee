#include "core/decimal.h"

#include "core/text.h"

namespace juesuan {

namespace {
std::int64_t pow10(int n) {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}
}  // namespace

std::int64_t Decimal::scaled_to(int s) const { return units * pow10(s - scale); }

int Decimal::compare(const Decimal& o) const {
    // In __int128: seventeen digits brought to six decimals do not fit int64.
    int s = scale > o.scale ? scale : o.scale;
    __int128 a = units, b = o.units;
    for (int i = scale; i < s; ++i) a *= 10;
    for (int i = o.scale; i < s; ++i) b *= 10;
    return a < b ? -1 : (a > b ? 1 : 0);
}

std::string Decimal::str() const {
    bool neg = units < 0;
    std::int64_t a = neg ? -units : units;
    std::string digits = std::to_string(a);
    if (scale > 0) {
        if (static_cast<int>(digits.size()) <= scale) digits.insert(0, static_cast<size_t>(scale + 1) - digits.size(), '0');
        digits.insert(digits.size() - static_cast<size_t>(scale), ".");
    }
    return (neg ? "-" : "") + digits;
}

std::optional<Decimal> parse_decimal(std::string_view text) {
    std::string t = trim(nfkc(text));
    std::string_view s = t;
    bool neg = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    std::string_view ip = s, fp;
    if (auto dot = s.find('.'); dot != std::string_view::npos) {
        ip = s.substr(0, dot);
        fp = s.substr(dot + 1);
        if (fp.empty() || !all_digits(fp)) return std::nullopt;
    }
    if (!all_digits(ip) || ip.size() + fp.size() > 17 || fp.size() > 6) return std::nullopt;
    Decimal d;
    d.scale = static_cast<int>(fp.size());
    d.units = std::stoll(std::string(ip) + std::string(fp));
    if (neg) d.units = -d.units;
    return d;
}

}  // namespace juesuan
