#include "codec/json_codec.h"

#include <limits>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "core/ratio.h"
#include "core/score.h"
#include "model/fields.h"

namespace juesuan {

namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class T>
struct is_map<std::map<std::string, T>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};

template <class T>
concept HasFields = requires(T& t) { Fields<T>::each(t, [](const char*, auto&, Presence) {}); };

template <class E>
std::string_view enum_name(E e) {
    for (const auto& [v, n] : EnumNames<E>::values)
        if (v == e) return n;
    return {};
}

// ---- Writing

template <class T>
ojson encode(const T& v);

template <class S>
ojson encode_struct(const S& s, bool all) {
    ojson out = ojson::object();
    if (all) {
        Fields<S>::each(s, [&](const char* name, const auto& m, Presence) { out[name] = encode(m); });
        return out;
    }
    // An optional member that holds its default is left out; the reader restores the default.
    static const ojson defaults = encode_struct(S{}, true);
    Fields<S>::each(s, [&](const char* name, const auto& m, Presence p) {
        ojson v = encode(m);
        if (p == kOptional && v == defaults[name]) return;
        out[name] = std::move(v);
    });
    return out;
}

template <class T>
ojson encode(const T& v) {
    if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T> || std::is_same_v<T, std::string>) {
        return v;
    } else if constexpr (std::is_same_v<T, Money>) {
        return v.fen();
    } else if constexpr (std::is_same_v<T, Decimal>) {
        return v.str();
    } else if constexpr (std::is_same_v<T, Score>) {
        return format_score_fixed(v);
    } else if constexpr (std::is_same_v<T, Percent>) {
        return format_percent(v, PercentStyle::Fixed);
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(enum_name(v));
    } else if constexpr (is_optional<T>::value) {
        return v ? encode(*v) : ojson(nullptr);
    } else if constexpr (is_vector<T>::value) {
        ojson a = ojson::array();
        for (const auto& x : v) a.push_back(encode(x));
        return a;
    } else if constexpr (is_map<T>::value) {
        ojson o = ojson::object();
        for (const auto& [k, x] : v) o[k] = encode(x);
        return o;
    } else if constexpr (is_pair<T>::value) {
        return ojson::array({encode(v.first), encode(v.second)});
    } else {
        static_assert(HasFields<T>, "a model type without a field list (model/fields.h)");
        return encode_struct(v, false);
    }
}

// ---- Reading

// Where in the document a value is: built as the reader descends, printed only for an error.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;  // a member name, or empty for an array index
    size_t index = 0;
    std::string str() const {
        if (!parent && key.empty()) return "";  // the document itself
        std::string up = parent ? parent->str() : "";
        if (key.empty()) return fmt::format("{}[{}]", up, index);
        return up.empty() ? std::string(key) : up + "." + std::string(key);
    }
};

class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}
    [[noreturn]] void fail(const Path& p, const std::string& msg) const {
        std::string at = p.str();
        throw InputError(Location{file_, 0, 0, {}, at.empty() ? "$" : at}, msg);
    }

    template <class T>
    void decode(const json& j, T& out, const Path& p) const;

private:
    std::string file_;
};

std::int64_t integer(const Reader& r, const json& j, const Path& p, std::int64_t lo, std::int64_t hi, const char* what) {
    if (!j.is_number_integer()) r.fail(p, fmt::format("{}应为整数", what));
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
        r.fail(p, fmt::format("{}超出范围：应在 {} 至 {} 之间", what, lo, hi));
    std::int64_t v = j.get<std::int64_t>();
    if (v < lo || v > hi) r.fail(p, fmt::format("{}超出范围：应在 {} 至 {} 之间", what, lo, hi));
    return v;
}

std::optional<Decimal> decimal_text(const json& j) {
    if (!j.is_string()) return std::nullopt;
    return parse_decimal(j.get_ref<const std::string&>());
}

template <class T>
void Reader::decode(const json& j, T& out, const Path& p) const {
    if constexpr (std::is_same_v<T, std::string>) {
        if (!j.is_string()) fail(p, "应为字符串");
        out = j.get<std::string>();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!j.is_boolean()) fail(p, "应为 true 或 false");
        out = j.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        constexpr std::int64_t lo = std::is_signed_v<T> ? std::max<std::int64_t>(std::numeric_limits<T>::min(), -kMaxJsonAmountFen) : 0;
        constexpr std::int64_t hi = std::min<std::uint64_t>(std::numeric_limits<T>::max(), kMaxJsonAmountFen);
        out = static_cast<T>(integer(*this, j, p, lo, hi, ""));
    } else if constexpr (std::is_same_v<T, Money>) {
        out = Money::from_fen(integer(*this, j, p, -kMaxJsonAmountFen, kMaxJsonAmountFen, "金额（单位：分）"));
    } else if constexpr (std::is_same_v<T, Decimal>) {
        auto d = decimal_text(j);
        if (!d) fail(p, "应为写成字符串的数，如 \"99.99\"");
        out = *d;
    } else if constexpr (std::is_same_v<T, Score>) {
        auto d = decimal_text(j);
        if (!d || d->scale > 2) fail(p, "应为写成字符串、至多两位小数的分数，如 \"99.99\"");
        out = score_of(*d);
    } else if constexpr (std::is_same_v<T, Percent>) {
        std::optional<Decimal> d;
        if (j.is_string()) {
            std::string digits;
            for (char c : j.get_ref<const std::string&>())
                if (c != '%' && c != ',') digits += c;
            d = parse_decimal(digits);
        }
        if (!d || d->scale > 2) fail(p, "应为至多两位小数的百分数，如 \"99.95%\"");
        out = Percent{score_of(*d).hundredths};
    } else if constexpr (std::is_enum_v<T>) {
        if (j.is_string())
            for (const auto& [v, n] : EnumNames<T>::values)
                if (j.get_ref<const std::string&>() == n) {
                    out = v;
                    return;
                }
        std::string names;
        for (const auto& [v, n] : EnumNames<T>::values) names += (names.empty() ? "" : "、") + std::string(n);
        fail(p, fmt::format("应为 {} 之一", names));
    } else if constexpr (is_optional<T>::value) {
        if (j.is_null()) {
            out.reset();
            return;
        }
        typename T::value_type v{};
        decode(j, v, p);
        out = std::move(v);
    } else if constexpr (is_vector<T>::value) {
        if (!j.is_array()) fail(p, "应为数组");
        out.clear();
        out.reserve(j.size());
        for (size_t i = 0; i < j.size(); ++i) {
            typename T::value_type v{};
            decode(j[i], v, Path{&p, {}, i});
            out.push_back(std::move(v));
        }
    } else if constexpr (is_map<T>::value) {
        if (!j.is_object()) fail(p, "应为对象");
        out.clear();
        for (const auto& [k, x] : j.items()) {
            typename T::mapped_type v{};
            decode(x, v, Path{&p, k});
            out.emplace(k, std::move(v));
        }
    } else if constexpr (is_pair<T>::value) {
        if (!j.is_array() || j.size() != 2) fail(p, "应为两项的数组");
        decode(j[0], out.first, Path{&p, {}, 0});
        decode(j[1], out.second, Path{&p, {}, 1});
    } else {
        static_assert(HasFields<T>, "a model type without a field list (model/fields.h)");
        if (!j.is_object()) fail(p, "应为对象");
        Fields<T>::each(out, [&](const char* name, auto& m, Presence presence) {
            auto it = j.find(name);
            if (it == j.end()) {
                if (presence == kRequired) fail(p, fmt::format("缺少“{}”", name));
                return;  // the default stays
            }
            decode(*it, m, Path{&p, name});
        });
    }
}

// What the types alone cannot say: every cell is of a column of its table, every offset and
// span lies inside its sentence, a chart has a value per series. Renderers rely on these.
void validate(const Reader& r, const Disclosure& d) {
    Path root;
    if (d.precision_fen != 1 && d.precision_fen != 10'000)
        r.fail(Path{&root, "precision"}, "应为 1（从账簿编制，精确到分）或 10000（印刷为万元两位小数）");
    Path tables{&root, "tables"};
    for (size_t ti = 0; ti < d.tables.size(); ++ti) {
        const Table& t = d.tables[ti];
        Path tp{&tables, {}, ti};
        Path rows{&tp, "rows"};
        for (size_t ri = 0; ri < t.rows.size(); ++ri) {
            const Row& row = t.rows[ri];
            Path rp{&rows, {}, ri};
            for (const auto& [k, v] : row.values)
                if (!t.column(k)) {
                    Path vp{&rp, "values"};
                    r.fail(Path{&vp, k}, fmt::format("列“{}”不在本表的 columns 中", k));
                }
            for (const auto& [k, v] : row.formulas)
                if (!t.column(k)) {
                    Path fp{&rp, "formulas"};
                    r.fail(Path{&fp, k}, fmt::format("列“{}”不在本表的 columns 中", k));
                }
            if (row.block < 0 || (!t.blocks.empty() && static_cast<size_t>(row.block) >= t.blocks.size()))
                r.fail(Path{&rp, "block"}, fmt::format("应为 0 至 {} 之间的栏号（本表有 {} 栏）",
                                                       t.blocks.empty() ? 0 : t.blocks.size() - 1, t.blocks.size()));
        }
    }
    Path narrative{&root, "narrative"};
    auto sections = [&](const std::vector<Section>& list, const char* key) {
        Path lp{&narrative, key};
        for (size_t si = 0; si < list.size(); ++si) {
            Path sp{&lp, {}, si};
            Path paras{&sp, "paragraphs"};
            for (size_t pi = 0; pi < list[si].paragraphs.size(); ++pi) {
                const Paragraph& para = list[si].paragraphs[pi];
                Path pp{&paras, {}, pi};
                if (para.chart) {
                    Path cp{&pp, "chart"};
                    if (para.chart->kind != "bar" && para.chart->kind != "pie") r.fail(Path{&cp, "kind"}, "应为 bar 或 pie");
                    Path items{&cp, "items"};
                    for (size_t ii = 0; ii < para.chart->items.size(); ++ii)
                        if (para.chart->items[ii].values.size() != std::max<size_t>(1, para.chart->series.size())) {
                            Path ip{&items, {}, ii};
                            r.fail(Path{&ip, "values"}, "每项的数值个数应与系列数相同");
                        }
                }
                Path xs{&pp, "sentences"};
                for (size_t xi = 0; xi < para.sentences.size(); ++xi) {
                    const Sentence& x = para.sentences[xi];
                    Path xp{&xs, {}, xi};
                    Path cs{&xp, "claims"};
                    for (size_t ci = 0; ci < x.claims.size(); ++ci)
                        if (x.claims[ci].offset > x.text.size()) {
                            Path cp{&cs, {}, ci};
                            r.fail(Path{&cp, "offset"}, "位置超出了句子的长度");
                        }
                    Path qs{&xp, "quoted"};
                    for (size_t qi = 0; qi < x.quoted.size(); ++qi) {
                        auto [o, n] = x.quoted[qi];
                        if (o > x.text.size() || n > x.text.size() - o) r.fail(Path{&qs, {}, qi}, "所引的一段超出了句子的长度");
                    }
                }
            }
        }
    };
    sections(d.narrative.sections, "sections");
    sections(d.narrative.reports, "reports");
    Path forms{&root, "forms"};
    for (size_t fi = 0; fi < d.forms.size(); ++fi)
        if (std::string why = form_problem(d.forms[fi]); !why.empty()) r.fail(Path{&forms, {}, fi}, why);
}

}  // namespace

nlohmann::ordered_json disclosure_to_json(const Disclosure& d) {
    ojson out = ojson::object();
    out["schema"] = Disclosure::kSchema;
    ojson fields = encode(d);
    for (auto& [k, v] : fields.items()) out[k] = std::move(v);
    return out;
}

Disclosure disclosure_from_json(const nlohmann::json& j, const std::string& file) {
    Reader r(file);
    Path root;
    if (!j.is_object()) r.fail(root, "顶层应为对象");
    auto schema = j.find("schema");
    if (schema == j.end() || !schema->is_string()) r.fail(Path{&root, "schema"}, fmt::format("缺少“schema”：应为 {}", Disclosure::kSchema));
    const std::string& id = schema->get_ref<const std::string&>();
    if (id == "juesuan.disclosure/1")
        r.fail(Path{&root, "schema"}, "这是旧版（juesuan.disclosure/1）的 disclosure.json：它没有表头、各部分标题和第一部分，"
                                      "无法据以重新排版和审核。请用当前版本的 juesuan build 由账簿重新生成");
    if (id != Disclosure::kSchema)
        r.fail(Path{&root, "schema"}, fmt::format("不支持的格式“{}”：应为 {}", id, Disclosure::kSchema));
    Disclosure d;
    r.decode(j, d, root);
    validate(r, d);
    return d;
}

}  // namespace juesuan
