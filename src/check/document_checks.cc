#include "check/document_checks.h"

#include <array>

#include <cctype>

#include <fmt/format.h>

#include "check/engine.h"
#include "core/ratio.h"
#include "core/score.h"
#include "core/text.h"
#include "derive/performance.h"

namespace juesuan {

namespace {

// The value a claim's text prints, in the claim's units.
std::optional<std::int64_t> printed_value(const Claim& c) {
    if (c.kind == "amount") {
        auto p = parse_amount(c.text, AmountUnit::Wan);
        return p.ok() && p.value ? std::optional<std::int64_t>(p.value->fen()) : std::nullopt;
    }
    std::string digits;
    for (char ch : c.text)
        if (ch != '%' && ch != ',') digits += ch;
    auto d = parse_decimal(digits);
    if (!d) return std::nullopt;
    if (c.kind == "count") return d->scale == 0 ? std::optional<std::int64_t>(d->units) : std::nullopt;
    return score_of(*d).hundredths;  // percent and score: hundredths
}

std::string show(const Claim& c, std::int64_t v) {
    if (c.kind == "amount") return format_wan(Money::from_fen(v));
    if (c.kind == "percent") return format_percent({v});
    if (c.kind == "score") return format_score({v});
    return std::to_string(v);
}

struct ClaimPlace {
    const Section* section;
    const Sentence* sentence;
    const Claim* claim;
};

FindingLocation place(const ClaimPlace& p) {
    FindingLocation l;
    // A report is named by its title: 报告2 says nothing to a reader.
    l.section = p.section->project.empty() ? p.section->id : p.section->title;
    l.quote = p.sentence->text;
    l.label = p.claim->id;
    return l;
}

// The hundredths of a percent a ratio can print as when its numerator and denominator are
// printed figures off their exact values by up to ua and ub: the rounded ratio of the extreme
// values (for a positive denominator). Exact inputs give one value.
std::pair<std::int64_t, std::int64_t> percent_range(std::int64_t a, std::int64_t ua, std::int64_t b, std::int64_t ub,
                                                   bool growth) {
    auto at = [&](std::int64_t num, std::int64_t den) {
        auto p = percent_of(growth ? num - den : num, den);
        return p ? p->hundredths : 0;
    };
    if (b - ub <= 0) return {INT64_MIN, INT64_MAX};
    return {at(a - ua, b + ub), at(a + ua, b - ub)};
}

}  // namespace

namespace {

// The claim's text stands in its sentence where it says, and reads as the value it records.
void check_consistency(const ClaimPlace& at, std::vector<Problem>& out, int& evals) {
    const Sentence& x = *at.sentence;
    const Claim& c = *at.claim;
    ++evals;
    if (c.offset > x.text.size() || x.text.compare(c.offset, c.text.size(), c.text) != 0) {
        out.push_back({place(at), fmt::format("句中此处应为“{}”，与所记的数不符", c.text), c.text, "", ""});
        return;
    }
    if (c.kind != "text") {
        auto v = printed_value(c);
        if (!v || *v != c.value)
            out.push_back({place(at), fmt::format("“{}”与所记的值 {} 不符", c.text, show(c, c.value)),
                           show(c, c.value), c.text, ""});
    }
}

// The claim's value recomputed by its formula, within what the printed figures' rounding allows.
void recompute_claim(const Disclosure& d, const FormulaEvaluator& ev, const ClaimPlace& at, std::vector<Problem>& out,
                     int& evals) {
    const Section& s = *at.section;
    const Claim& c = *at.claim;
    ClaimFormula f;
    try {
        f = parse_claim_formula(c.states);
    } catch (const FormulaError& e) {
        out.push_back({place(at), fmt::format("“{}”所述的公式无法解析：{}", c.text, e.what()), "", "", "", true});
        return;
    }
    // A document read back whose part five (the projects) was not read: what its sentences say
    // of the projects has nothing to be compared with.
    if (!d.source.file.empty() && d.performance.projects.empty() && c.states.find("P[") != std::string::npos) {
        out.push_back({place(at), fmt::format("无法核对“{}”：未读入第五部分的绩效项目", c.text), "", "", "", true});
        return;
    }
    // A table the import could not read whole: what the sentence says of it is not judged.
    for (size_t i = c.states.find('T'); i != std::string::npos; i = c.states.find('T', i + 1))
        if (i + 3 < c.states.size() && std::isdigit(static_cast<unsigned char>(c.states[i + 1])) &&
            std::isdigit(static_cast<unsigned char>(c.states[i + 2])) && c.states[i + 3] == '[')
            if (const Table* t = d.table(c.states.substr(i + 1, 2)); t && t->unread > 0) {
                out.push_back({place(at), fmt::format("无法核对“{}”：公开{}表未能完整读入", c.text, t->id), "", "", "", true});
                return;
            }
    std::vector<Value> args;
    std::string missing;
    for (const auto& a : f.args) {
        args.push_back(ev.eval(a, Scope{}));
        if (!args.back().missing.empty()) missing = args.back().missing;
    }
    if (!missing.empty()) {
        out.push_back({place(at), fmt::format("无法核对“{}”：{}", c.text, missing), "", "", "", true});
        return;
    }
    ++evals;
    const std::int64_t precision = d.precision_fen;
    auto uncertainty = [&](const Value& v) { return precision > 1 ? v.terms * precision / 2 : 0; };
    std::string expected;
    bool ok = true;
    if (c.kind == "text") {
        if (f.fn == "sign") expected = args[0].raw >= 0 ? f.words.at(0) : f.words.at(1);
        else if (f.fn == "grade") expected = d.performance.method.grade_of({args[0].raw});
        else if (f.fn == "cmp") {
            auto p = percent_of(args[0].raw, args[1].raw);
            std::int64_t h = p ? p->hundredths : 10'000;
            expected = h > 10'000 ? f.words.at(0) : h < 10'000 ? f.words.at(1) : f.words.at(2);
        }
        else expected = c.text;
        ok = expected == c.text;
    } else if (f.fn == "share" || f.fn == "completion" || f.fn == "growth" || f.fn == "growth_abs") {
        std::int64_t a = args[0].raw, b = args[1].raw;
        bool growth = f.fn == "growth" || f.fn == "growth_abs";
        auto p = percent_of(growth ? a - b : a, b);
        if (!p) {
            out.push_back({place(at), fmt::format("无法核对“{}”：分母为零", c.text), "", "", "", true});
            return;
        }
        std::int64_t want = f.fn == "growth_abs" && p->hundredths < 0 ? -p->hundredths : p->hundredths;
        expected = format_percent({want});
        if (precision > 1) {
            auto [lo, hi] = percent_range(a, uncertainty(args[0]), b, uncertainty(args[1]), growth);
            std::int64_t v = c.value;
            ok = f.fn == "growth_abs" ? (v >= lo && v <= hi) || (-v >= lo && -v <= hi) : v >= lo && v <= hi;
        } else {
            ok = want == c.value;
        }
    } else {
        std::int64_t raw = f.fn == "abs" && args[0].raw < 0 ? -args[0].raw : args[0].raw;
        if (c.kind == "amount") {
            std::int64_t want = round_half_up(raw, 10'000);
            expected = format_wan(Money::from_fen(want));
            // The claim's own rounding errs by at most half a unit; each printed term it
            // sums by less than half a unit (docs/rules.md).
            std::int64_t diff2 = 2 * std::abs(raw - c.value);
            ok = precision <= 1 ? want == c.value
                 : args[0].terms == 0 ? diff2 <= 10'000
                                      : diff2 < (args[0].terms + 1) * std::max<std::int64_t>(precision, 10'000);
        } else {
            expected = show(c, raw);
            ok = raw == c.value;
        }
    }
    if (!ok) {
        // The difference in the claim's own unit (万元, percentage points, points).
        std::string diff;
        if (c.kind == "amount") {
            auto e = parse_amount(expected, AmountUnit::Wan);
            if (e.value) diff = format_wan(Money::from_fen(c.value) - *e.value);
        } else if (c.kind == "percent" || c.kind == "score" || c.kind == "count") {
            Claim probe = c;
            probe.text = expected;
            if (auto e = printed_value(probe)) diff = c.kind == "count" ? std::to_string(c.value - *e)
                                                                        : format_score({c.value - *e});
        }
        out.push_back({place(at),
                       fmt::format("{}中的“{}{}”应为 {}（{}）",
                                   s.project.empty() ? "情况说明" + s.id : "《" + s.title + "》", c.text, c.unit == "%" ? "" : c.unit, expected,
                                   c.states),
                       expected, c.text, diff});
    }
}

}  // namespace

namespace {

// An amount in 万元 as prose prints it ("1,411.64 万元", "50万元"), with its place in the text.
struct ProseAmount {
    size_t at = 0, end = 0;
    std::int64_t fen = 0;
};

std::vector<ProseAmount> prose_amounts(const std::string& t) {
    std::vector<ProseAmount> out;
    for (size_t i = 0; i < t.size();) {
        if (t[i] < '0' || t[i] > '9' || (i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.' || t[i - 1] == ','))) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || t[j] == ',' || t[j] == '.')) ++j;
        size_t k = j;
        while (k < t.size() && t[k] == ' ') ++k;
        std::string number = t.substr(i, j - i);
        while (!number.empty() && (number.back() == '.' || number.back() == ',')) number.pop_back();
        if (t.compare(k, std::string("万元").size(), "万元") == 0) {
            AmountParse p = parse_amount(number, AmountUnit::Wan);
            if (p.ok() && p.value) out.push_back({i, k + std::string("万元").size(), p.value->fen()});
        }
        i = j;
    }
    return out;
}

// "主要是 A 增加 a 万元，B 增加 b 万元…": the words that open a list of the parts of the amount said
// just before them.
constexpr std::array<std::string_view, 6> kListWords = {"主要是", "主要包括", "主要包含", "主要为", "主要用于", "其中"};

// Parts listed to explain an amount add up to more than it, beyond what rounding the printed
// parts explains: "项目支出增加预算…的 202.34 万元，主要是 … 26.08、67.18、69.14、50 万元" (212.40).
// A list ends where the next one opens (a list of a part's own parts) or the paragraph ends; a
// part said to 减少 counts against the sum.
void check_components(const Section& s, const Paragraph& para, std::vector<Problem>& out, int& evals) {
    const std::string text = para.text();
    const auto amounts = prose_amounts(text);
    std::vector<size_t> opens;
    for (auto w : kListWords)
        for (size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + w.size())) opens.push_back(at);
    std::sort(opens.begin(), opens.end());
    for (size_t k = 0; k < opens.size(); ++k) {
        // A list runs to the next list or the end of its sentence.
        const size_t from = opens[k];
        size_t to = k + 1 < opens.size() ? opens[k + 1] : text.size();
        if (size_t stop = text.find("。", from); stop != std::string::npos) to = std::min(to, stop);
        const ProseAmount* total = nullptr;
        for (const auto& a : amounts)
            if (a.end <= from) total = &a;
        if (!total) continue;
        std::int64_t sum = 0;
        int parts = 0;
        size_t last = from;
        for (const auto& a : amounts) {
            if (a.at < from || a.end > to) continue;
            const std::string before = text.substr(last, a.at - last);
            const bool less = before.find("减少") != std::string::npos || before.find("下降") != std::string::npos;
            sum += less ? -a.fen : a.fen;
            ++parts;
            last = a.end;
        }
        if (parts < 2) continue;
        ++evals;
        // Each printed part and the total are off by up to half of 0.01 万元.
        const std::int64_t slack = (parts + 1) * 5000;
        if (sum <= total->fen + slack) continue;
        Problem p;
        p.where.section = s.id;
        const size_t start = text.rfind("。", total->at);
        const size_t stop = text.find("。", from);
        p.where.quote = text.substr(start == std::string::npos ? 0 : start + std::string("。").size(),
                                    (stop == std::string::npos ? text.size() : stop + std::string("。").size()) -
                                        (start == std::string::npos ? 0 : start + std::string("。").size()));
        p.message = fmt::format("所列 {} 项之和 {} 万元，大于其所说明的 {} 万元", parts, format_wan(Money::from_fen(sum)),
                                format_wan(Money::from_fen(total->fen)));
        p.expected = fmt::format("不大于 {}", format_wan(Money::from_fen(total->fen)));
        p.actual = format_wan(Money::from_fen(sum));
        p.difference = format_wan(Money::from_fen(sum - total->fen));
        out.push_back(std::move(p));
    }
}

}  // namespace

std::vector<Problem> check_claims(const Disclosure& d, const FormulaEvaluator& ev, const std::string& kind, int& evals) {
    std::vector<Problem> out;
    std::vector<const Section*> all;
    for (const auto& s : d.narrative.sections) all.push_back(&s);
    for (const auto& s : d.narrative.reports) all.push_back(&s);
    if (kind == "components") {
        for (const Section* sp : all)
            for (const auto& para : sp->paragraphs) check_components(*sp, para, out, evals);
        return out;
    }
    for (const Section* sp : all)
        for (const auto& para : sp->paragraphs)
            for (const auto& x : para.sentences)
                for (const auto& c : x.claims) {
                    const ClaimPlace at{sp, &x, &c};
                    if (kind == "consistency")
                        check_consistency(at, out, evals);
                    else if (c.kind == kind)
                        recompute_claim(d, ev, at, out, evals);
                }
    return out;
}

namespace {

// What every performance check works with and adds to.
struct PerfContext {
    const Disclosure& d;
    const ScoringMethod& m;
    std::int64_t half;  // printed amounts (precision 10000) are off by up to half a unit each
    std::string other;  // the partial-score method this template does not use
    std::vector<Problem>& out;
    int& evals;
};

FindingLocation at(const ProjectEvaluation& p, const std::string& item = {}) {
    FindingLocation l;
    l.section = "第五部分";
    l.label = p.name;
    l.column = item;
    return l;
}

std::string pct(const std::optional<Percent>& p) { return p ? format_percent(*p, PercentStyle::Fixed) : std::string("—"); }

// The stated funds cover every own-level project: at least the itemised budgets, and exactly
// them when no evaluated project is listed without its funds.
void check_evaluated_funds(PerfContext& c) {
    const Disclosure& d = c.d;
    auto it = d.references.amounts.find("performance.evaluated_funds");
    if (it == d.references.amounts.end()) return;
    ++c.evals;
    Money stated = it->second, itemised;
    int terms = 1;
    bool unfunded = false;
    for (const auto& p : d.performance.projects) {
        if (p.transfer()) continue;
        itemised += p.funds.total.full_year;
        ++terms;
        unfunded = unfunded || (p.funds.total.full_year.is_zero() && p.funds.total.executed.is_zero());
    }
    FindingLocation l;
    l.section = "十三";
    l.column = "涉及预算资金";
    const std::int64_t diff = (stated - itemised).fen();
    if (diff < 0 && !within_tolerance(diff, terms, d.precision_fen))
        c.out.push_back({l, fmt::format("所填绩效自评涉及的预算资金 {} 万元少于各项目全年预算数之和 {} 万元", format_wan(stated),
                                        format_wan(itemised)),
                         format_wan(itemised), format_wan(stated), format_wan(stated - itemised)});
    else if (!unfunded && !within_tolerance(diff, terms, d.precision_fen))
        c.out.push_back({l, fmt::format("各项目均已列出资金，所填绩效自评涉及的预算资金 {} 万元应等于各项目全年预算数之和 {} 万元",
                                        format_wan(stated), format_wan(itemised)),
                         format_wan(itemised), format_wan(stated), format_wan(stated - itemised)});
}

void check_funds(PerfContext& c, const ProjectEvaluation& p) {
    ++c.evals;
    auto check = [&](const char* name, Money total, Money a, Money b, Money e) {
        if (!within_tolerance((total - (a + b + e)).fen(), c.half ? 4 : 0, c.d.precision_fen))
            c.out.push_back({at(p, name), fmt::format("年度资金总额{} {} 不等于当年财政拨款、上年结转资金与其他资金之和 {}", name,
                                                      format_wan(total), format_wan(a + b + e)),
                             format_wan(a + b + e), format_wan(total), format_wan(total - (a + b + e))});
    };
    const ProjectFunding& f = p.funds;
    check("年初预算数", f.total.initial, f.fiscal.initial, f.carried.initial, f.other.initial);
    check("全年预算数", f.total.full_year, f.fiscal.full_year, f.carried.full_year, f.other.full_year);
    check("全年执行数", f.total.executed, f.fiscal.executed, f.carried.executed, f.other.executed);
}

void check_rate(PerfContext& c, const ProjectEvaluation& p) {
    if (!p.detailed) return;
    ++c.evals;
    const Money budget = p.funds.total.full_year, executed = p.funds.total.executed;
    auto want = budget.is_zero() ? std::nullopt : percent_of(executed.fen(), budget.fen());
    bool ok = want == p.rate;
    if (!ok && want && p.rate && c.half) {
        auto [lo, hi] = percent_range(executed.fen(), c.half, budget.fen(), c.half, false);
        ok = p.rate->hundredths >= lo && p.rate->hundredths <= hi;
    }
    if (!ok)
        c.out.push_back({at(p, "执行率"), fmt::format("执行率 {} 应为全年执行数/全年预算数 = {}", pct(p.rate), pct(want)),
                         pct(want), pct(p.rate), ""});
}

void check_rate_score(PerfContext& c, const ProjectEvaluation& p) {
    if (!p.detailed) return;
    ++c.evals;
    Score want, lo, hi;
    const std::int64_t budget = p.funds.total.full_year.fen(), executed = p.funds.total.executed.fen();
    if (budget != 0) {
        auto score_at = [&](std::int64_t b, std::int64_t a) {
            return a > 0 ? weighted(p.execution_weight, std::min(b, a), a).value_or(Score{}) : Score{};
        };
        want = score_at(executed, budget);
        lo = score_at(executed - c.half, budget + c.half);
        hi = score_at(executed + c.half, budget - c.half);
    }
    if (want != p.execution_score && !(c.half && p.execution_score >= lo && p.execution_score <= hi))
        c.out.push_back({at(p, "执行率得分"),
                         fmt::format("执行率得分 {} 应为 {} × min(B/A, 1) = {}", format_score_fixed(p.execution_score),
                                     p.execution_weight.str(), format_score_fixed(want)),
                         format_score_fixed(want), format_score_fixed(p.execution_score), ""});
}

// Each indicator's score by the template's method; `method` reports the scores that follow the
// other method instead, the plain check the ones that follow neither.
void check_indicator_scores(PerfContext& c, const ProjectEvaluation& p, bool method) {
    for (const auto& i : p.indicators) {
        ++c.evals;
        Score mine = indicator_score(i.op, i.target, i.actual, i.weight, c.m.partial);
        if (mine == i.score) continue;
        Score theirs = indicator_score(i.op, i.target, i.actual, i.weight, c.other);
        bool other_method = theirs == i.score;
        if (method && other_method)
            c.out.push_back({at(p, i.level3),
                             fmt::format("指标“{}”（{}{}，实际 {}，分值 {}）得 {} 分，是按“{}”方法计的；本模板按“{}”方法应得 {} 分",
                                         i.level3, i.op, i.target, i.actual, i.weight.str(), format_score(i.score),
                                         c.other == "percent" ? "实际值 × 分值" : "实际值/目标值 × 分值",
                                         c.m.partial == "ratio" ? "实际值/目标值 × 分值" : "实际值 × 分值", format_score(mine)),
                             format_score(mine), format_score(i.score), ""});
        if (!method && !other_method)
            c.out.push_back({at(p, i.level3),
                             fmt::format("指标“{}”（{}{}，实际 {}，分值 {}）得分 {} 应为 {}", i.level3, i.op, i.target, i.actual,
                                         i.weight.str(), format_score(i.score), format_score(mine)),
                             format_score(mine), format_score(i.score), ""});
    }
}

void check_total(PerfContext& c, const ProjectEvaluation& p) {
    if (p.indicators.empty()) return;
    ++c.evals;
    Score sum = p.execution_score;
    for (const auto& i : p.indicators) sum += i.score;
    if (sum != p.total)
        c.out.push_back({at(p, "总分"), fmt::format("总分 {} 应为执行率得分与各指标得分之和 {}", format_score(p.total), format_score(sum)),
                         format_score(sum), format_score(p.total), ""});
}

void check_grade(PerfContext& c, const ProjectEvaluation& p) {
    ++c.evals;
    std::string want = c.m.grade_of(p.total);
    if (want != p.grade)
        c.out.push_back({at(p, "自评等级"), fmt::format("总分 {} 的等级应为“{}”，而不是“{}”", format_score(p.total), want, p.grade),
                         want, p.grade, ""});
}

void check_unfunded(PerfContext& c, const ProjectEvaluation& p) {
    ++c.evals;
    if (p.funds.total.full_year.is_zero() && p.funds.total.executed.is_zero())
        c.out.push_back({at(p, "资金"),
                         c.d.references.amounts.count("performance.evaluated_funds")
                             ? "未填写，其资金只含在所填的绩效自评涉及预算资金中"
                             : "未填写，情况说明中涉及的预算资金未计入该项目；"
                               "可在 department.toml 的 [performance] 填写 evaluated_funds",
                         "", "", ""});
}

void check_summary(PerfContext& c, const ProjectEvaluation& p) {
    ++c.evals;
    if (p.summary_total != p.total || p.summary_grade != p.grade)
        c.out.push_back({at(p, "汇总表"),
                         fmt::format("汇总表中的自评得分 {}、等级“{}”与项目自评表的 {}、“{}”不一致", format_score(p.summary_total),
                                     p.summary_grade, format_score(p.total), p.grade),
                         format_score(p.total) + " " + p.grade, format_score(p.summary_total) + " " + p.summary_grade, ""});
}

void check_weights(PerfContext& c, const ProjectEvaluation& p) {
    if (p.indicators.empty()) return;
    ++c.evals;
    Score sum = score_of(p.execution_weight);
    for (const auto& i : p.indicators) sum += score_of(i.weight);
    if (sum != Score{10'000})
        c.out.push_back({at(p, "分值"), fmt::format("执行率与各指标的分值合计 {}，应为 100", format_score(sum)), "100",
                         format_score(sum), ""});
}

void check_key(PerfContext& c, const ProjectEvaluation& p) {
    if (!p.key) return;
    ++c.evals;
    if (p.indicators.empty())
        c.out.push_back({at(p, "重点评价"), "项目没有绩效指标，重点评价中按指标折算的维度无从计算：请补充该项目的绩效指标", "",
                         "", ""});
    ProjectEvaluation again = p;
    evaluate_key(again, c.m);
    for (size_t k = 0; k < again.key_dimensions.size() && k < p.key_dimensions.size(); ++k) {
        const auto& want = again.key_dimensions[k];
        const auto& got = p.key_dimensions[k];
        if (want.score != got.score)
            c.out.push_back({at(p, got.name), fmt::format("重点评价“{}”得分 {} 应为 {}", got.name, format_score(got.score),
                                                          format_score(want.score)),
                             format_score(want.score), format_score(got.score), ""});
        if (want.share != got.share)
            c.out.push_back({at(p, got.name), fmt::format("重点评价“{}”评价分值占比 {} 应为 {}", got.name, pct(got.share), pct(want.share)),
                             pct(want.share), pct(got.share), ""});
    }
    Score sum;
    for (const auto& k : p.key_dimensions) sum += k.score;
    if (sum != p.key_total)
        c.out.push_back({at(p, "综合绩效"), fmt::format("综合绩效 {} 应为各项得分之和 {}", format_score(p.key_total), format_score(sum)),
                         format_score(sum), format_score(p.key_total), ""});
    std::optional<Percent> share = Percent{p.key_total.hundredths};
    if (share != p.key_share)
        c.out.push_back({at(p, "综合绩效"), fmt::format("综合绩效评价分值占比 {} 应为 {}", pct(p.key_share), pct(share)),
                         pct(share), pct(p.key_share), ""});
    if (c.m.grade_of(p.key_total) != p.key_grade)
        c.out.push_back({at(p, "综合绩效"), fmt::format("综合绩效 {} 的等级应为“{}”，而不是“{}”", format_score(p.key_total),
                                                        c.m.grade_of(p.key_total), p.key_grade),
                         c.m.grade_of(p.key_total), p.key_grade, ""});
}

struct PerformanceCheck {
    NamedCheck named;
    void (*document)(PerfContext&) = nullptr;                            // once per document
    void (*project)(PerfContext&, const ProjectEvaluation&) = nullptr;   // or once per project
};

const std::vector<PerformanceCheck>& performance_table() {
    static const std::vector<PerformanceCheck> checks = {
        {{"funds", "项目资金：年度资金总额 = 财政拨款 + 上年结转 + 其他资金"}, nullptr, check_funds},
        {{"rate", "执行率 = 全年执行数 / 全年预算数"}, nullptr, check_rate},
        {{"rate_score", "执行率得分 = 分值 × min(执行率, 1)"}, nullptr, check_rate_score},
        {{"indicators", "各指标得分按本模板的计分方法"}, nullptr,
         [](PerfContext& c, const ProjectEvaluation& p) { check_indicator_scores(c, p, false); }},
        {{"method", "指标得分按另一种计分方法计的"}, nullptr,
         [](PerfContext& c, const ProjectEvaluation& p) { check_indicator_scores(c, p, true); }},
        {{"total", "总分 = 执行率得分 + 各指标得分"}, nullptr, check_total},
        {{"grade", "自评等级按总分"}, nullptr, check_grade},
        {{"summary", "汇总表的得分、等级与项目自评表一致"}, nullptr, check_summary},
        {{"weights", "执行率与各指标的分值合计 100"}, nullptr, check_weights},
        {{"key", "重点评价各维度、综合绩效与等级"}, nullptr, check_key},
        {{"unfunded", "项目资金未填写"}, nullptr, check_unfunded},
        {{"evaluated_funds", "绩效自评涉及的预算资金与各项目全年预算数之和"}, check_evaluated_funds, nullptr},
    };
    return checks;
}

}  // namespace

const std::vector<NamedCheck>& claim_checks() {
    static const std::vector<NamedCheck> kinds = {
        {"consistency", "每个陈述的数与它在句中所印的字一致"},
        {"amount", "金额陈述按其公式重算"},
        {"percent", "百分比陈述按其公式重算"},
        {"count", "个数陈述按其公式重算"},
        {"score", "得分陈述按其公式重算"},
        {"text", "文字陈述（增加/减少、等级、比较）按其公式判定"},
        {"components", "说明增减或构成时所列各项之和不大于其所说明的数（官员所写的文字也核对）"},
    };
    return kinds;
}

const std::vector<NamedCheck>& performance_checks() {
    static const std::vector<NamedCheck> names = [] {
        std::vector<NamedCheck> v;
        for (const auto& c : performance_table()) v.push_back(c.named);
        return v;
    }();
    return names;
}

std::vector<Problem> check_performance(const Disclosure& d, const std::string& what, int& evals) {
    std::vector<Problem> out;
    const ScoringMethod& m = d.performance.method;
    PerfContext c{d, m, d.precision_fen > 1 ? d.precision_fen / 2 : 0, m.partial == "ratio" ? "percent" : "ratio", out, evals};
    for (const auto& check : performance_table()) {
        if (check.named.name != what) continue;
        if (check.document) check.document(c);
        if (check.project)
            for (const auto& p : d.performance.projects) check.project(c, p);
        return out;
    }
    throw std::logic_error("perf(" + what + ") 未注册");  // the rules reader refuses such names
}

}  // namespace juesuan
