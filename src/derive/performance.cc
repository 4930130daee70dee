#include "derive/performance.h"

#include <algorithm>

#include "core/text.h"

namespace juesuan {

Score indicator_score(const std::string& op, const std::string& target, const std::string& actual,
                      const Decimal& weight, const std::string& partial, bool* met_out) {
    Score full = score_of(weight);
    bool met = false;
    Score score;
    if (op == "定性") {
        met = label_key(actual) == label_key(target);
        score = met ? full : Score{};
    } else {
        auto t = parse_decimal(target), a = parse_decimal(actual);
        if (!t || !a) {
            if (met_out) *met_out = false;
            return {};
        }
        int s = std::max(t->scale, a->scale);
        std::int64_t tv = t->scaled_to(s), av = a->scaled_to(s);
        if (op == "≥") met = av >= tv;
        else if (op == "≤") met = av <= tv;
        else met = av == tv;
        if (met) {
            score = full;
        } else if (partial == "percent" && op != "≤" && av <= tv) {
            // weight × actual%: the seed's 12345热线回复及时率 (94 % of 6 → 5.64)
            score = weighted(weight, av, Decimal{100, 0}.scaled_to(s)).value_or(Score{});
        } else {
            // weight × actual/target short of the target; target/actual beyond a ceiling
            bool below = av < tv;
            std::int64_t num = below ? av : tv, den = below ? tv : av;
            score = den > 0 ? weighted(weight, std::max<std::int64_t>(num, 0), den).value_or(Score{}) : Score{};
        }
        score = std::clamp(score, Score{}, full);
    }
    if (met_out) *met_out = met;
    return score;
}

ScoredIndicator score_indicator(const Indicator& in, const std::string& partial) {
    ScoredIndicator s{in.level1, in.level2, in.level3, in.op, in.target, in.actual, in.unit, in.deviation, in.weight, {}, false};
    s.score = indicator_score(in.op, in.target, in.actual, in.weight, partial, &s.met);
    return s;
}

void evaluate_key(ProjectEvaluation& e, const ScoringMethod& m) {
    e.key_dimensions.clear();
    Score total;
    for (const auto& dim : m.key_dimensions) {
        KeyDimension k{dim.name, dim.weight, {}, std::nullopt};
        if (dim.basis == "self_total") {
            k.score = weighted(dim.weight, e.total.hundredths, 10'000).value_or(Score{});
            k.share = Percent{e.total.hundredths};
        } else if (dim.basis == "execution") {
            if (!e.funds.total.full_year.is_zero()) {
                Money b = std::min(e.funds.total.executed, e.funds.total.full_year);
                k.score = weighted(dim.weight, b.fen(), e.funds.total.full_year.fen()).value_or(Score{});
                k.share = percent_of(b.fen(), e.funds.total.full_year.fen());
            }
        } else {  // indicators of the listed 一级指标
            Score got, of;
            for (const auto& i : e.indicators)
                if (std::find(dim.level1.begin(), dim.level1.end(), i.level1) != dim.level1.end()) {
                    got += i.score;
                    of += score_of(i.weight);
                }
            if (of.hundredths > 0) {
                k.score = weighted(dim.weight, got.hundredths, of.hundredths).value_or(Score{});
                k.share = percent_of(got.hundredths, of.hundredths);
            }
        }
        total += k.score;
        e.key_dimensions.push_back(k);
    }
    e.key_total = total;
    e.key_share = Percent{total.hundredths};
    e.key_grade = m.grade_of(total);
}

ProjectEvaluation evaluate_project(const Project& p, const ScoringMethod& m) {
    ProjectEvaluation e;
    e.name = p.name;
    e.department = p.department;
    e.implementer = p.implementer;
    e.category = p.category;
    e.detailed = p.detailed;
    e.key = p.key_evaluation;
    e.funds.fiscal = p.fiscal;
    e.funds.carried = p.carried;
    e.funds.other = p.other;
    ProjectFunds t = p.total();
    e.funds.total = t;
    e.goal = p.goal;
    e.outcome = p.outcome;
    e.review = p.review;
    e.execution_weight = m.execution_weight;
    if (!t.full_year.is_zero()) {
        e.rate = percent_of(t.executed.fen(), t.full_year.fen());
        // 执行率得分 = 分值 × min(B/A, 1), from the exact ratio (9.99 for 113.94/114, not 10.00)
        e.execution_score = weighted(m.execution_weight, std::min(t.executed, t.full_year).fen(), t.full_year.fen()).value_or(Score{});
    }
    for (const auto& i : p.indicators) e.indicators.push_back(score_indicator(i, m.partial));
    if (!p.indicators.empty() || !p.reported_score) {
        Score total = e.execution_score;
        for (const auto& i : e.indicators) total += i.score;
        e.total = total;
    } else {
        e.total = score_of(*p.reported_score);  // a project published without its indicator table
    }
    e.grade = m.grade_of(e.total);
    e.summary_total = e.total;
    e.summary_grade = e.grade;
    if (e.key) evaluate_key(e, m);
    return e;
}

Performance derive_performance(const Facts& f, const ScoringMethod& m) {
    Performance perf;
    perf.method = m;
    for (const auto& p : f.projects) perf.projects.push_back(evaluate_project(p, m));
    return perf;
}

}  // namespace juesuan
