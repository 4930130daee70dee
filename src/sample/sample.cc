#include "sample/sample.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace juesuan {

namespace {

// splitmix64: small, fast and the same on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed ^ 0x9E3779B97F4A7C15ull) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(int percent) { return range(1, 100) <= percent; }
    bool drift = false;  // amounts end in …5000 分: rounding to 万元 drifts as far as it can

private:
    std::uint64_t s_;
};

// An amount in 分 with cents, between lo and hi 元; with drift, ending in …5000 分.
Money yuan_amount(Rng& r, std::int64_t lo, std::int64_t hi) {
    std::int64_t fen = r.range(lo * 100, hi * 100);
    if (r.drift) fen = fen / 10'000 * 10'000 + 5'000;
    return Money::from_fen(fen);
}

// Splits total into n positive parts.
std::vector<Money> split(Rng& r, Money total, size_t n) {
    std::vector<Money> parts(n);
    if (n == 0) return parts;
    std::vector<std::int64_t> cuts;
    for (size_t i = 0; i + 1 < n; ++i) {
        std::int64_t c = r.range(0, total.fen());
        if (r.drift) c = c / 10'000 * 10'000 + (i % 2 ? 0 : 5'000);  // parts alternate …5000 and …0000
        cuts.push_back(std::min(c, total.fen()));
    }
    std::sort(cuts.begin(), cuts.end());
    std::int64_t prev = 0;
    for (size_t i = 0; i < n; ++i) {
        std::int64_t c = i + 1 < n ? cuts[i] : total.fen();
        parts[i] = Money::from_fen(c - prev);
        prev = c;
    }
    return parts;
}

struct Leaf {
    std::string code, name;
    Money gpb_basic, gpb_project, gf_project, soc_project, nf_basic, nf_project, to_superior, operating, to_affiliated;
    Money gf_begin, gf_end;
};

}  // namespace

SampleBooks generate_sample(int subjects, std::uint64_t seed, const Template& tpl, const Catalogs& cats,
                            bool max_rounding_drift) {
    SampleBooks out;
    Rng r(seed);
    r.drift = max_rounding_drift;
    Facts& f = out.facts;
    Department& d = f.department;
    d.name = fmt::format("示例区第{}号部门", seed);
    d.short_name = d.name;
    d.year = 2023;
    d.unit = AmountUnit::Yuan;
    d.template_id = tpl.id;
    d.duties = {"负责本部门职责范围内的各项工作。", "完成上级交办的其他任务。"};
    d.composition = fmt::format("从单位构成看，{}部门决算包括：{}本级。", d.name, d.name);
    d.units = {d.name + "本级"};

    const bool with_gf = seed % 3 != 0;     // some samples have an empty 公开07表
    const bool with_soc = seed % 5 == 1;    // most have an empty 公开08表
    const bool with_sangong = seed % 2 == 0;  // some have an empty 公开09表

    // Subjects: real 类 of the template, the catalog's 款/项 where it has them, synthetic ones beyond.
    int n = std::max(subjects, 1);
    size_t class_count = std::clamp<size_t>(static_cast<size_t>(n) / 20 + 3, 3, tpl.classes.size());
    std::vector<std::string> classes;
    for (const auto& c : tpl.classes) classes.push_back(c.code);
    for (size_t i = classes.size(); i > 1; --i) std::swap(classes[i - 1], classes[static_cast<size_t>(r.range(0, static_cast<std::int64_t>(i) - 1))]);
    classes.resize(class_count);
    std::sort(classes.begin(), classes.end());
    std::set<std::string> used;
    std::vector<Leaf> leaves;
    auto synth = [&](const std::string& code, Level level) {
        if (cats.functional.find(code) || used.count(code)) return;
        used.insert(code);
        CatalogEntry e;
        e.code = code;
        e.level = level;
        e.parent = parent_code(code);
        e.name = fmt::format("示例{}{}", level_name(level), code);
        e.sources = "SAMPLE";
        e.note = "juesuan sample 生成的示例科目";
        out.extra_catalog.push_back(e);
    };
    for (int i = 0; i < n; ++i) {
        const std::string& lei = classes[static_cast<size_t>(i) % classes.size()];
        int slot = i / static_cast<int>(classes.size());  // 0, 1, 2 … within the class
        std::string kuan = fmt::format("{}{:02d}", lei, slot / 9 + 1);
        std::string xiang = fmt::format("{}{:02d}", kuan, slot % 9 + 1);
        if (slot / 9 + 1 > 99) break;  // beyond 99 款 per 类: stop (never reached by sensible sizes)
        synth(lei, Level::Lei);
        synth(kuan, Level::Kuan);
        synth(xiang, Level::Xiang);
        Leaf leaf;
        leaf.code = xiang;
        const CatalogEntry* e = cats.functional.find(xiang);
        leaf.name = e ? e->name : fmt::format("示例项{}", xiang);
        int shape = static_cast<int>(r.range(0, 9));
        if (shape <= 4) leaf.gpb_basic = yuan_amount(r, 1'000, 3'000'000);
        if (shape >= 3) leaf.gpb_project = yuan_amount(r, 1'000, 2'000'000);
        if (with_gf && r.chance(12)) {
            leaf.gf_project = yuan_amount(r, 10'000, 5'000'000);
            leaf.gf_begin = r.chance(50) ? yuan_amount(r, 0, 500'000) : Money{};
            leaf.gf_end = r.chance(50) ? yuan_amount(r, 0, 300'000) : Money{};
        }
        if (with_soc && r.chance(5)) leaf.soc_project = yuan_amount(r, 10'000, 1'000'000);
        if (r.chance(15)) leaf.nf_basic = yuan_amount(r, 100, 200'000);
        if (r.chance(10)) leaf.nf_project = yuan_amount(r, 100, 500'000);
        if (r.chance(3)) leaf.to_superior = yuan_amount(r, 100, 100'000);
        if (r.chance(3)) leaf.operating = yuan_amount(r, 100, 100'000);
        if (r.chance(3)) leaf.to_affiliated = yuan_amount(r, 100, 100'000);
        if (leaf.gpb_basic.is_zero() && leaf.gpb_project.is_zero() && leaf.gf_project.is_zero() && leaf.soc_project.is_zero())
            leaf.gpb_project = yuan_amount(r, 1'000, 100'000);
        leaves.push_back(leaf);
    }
    std::sort(leaves.begin(), leaves.end(), [](const Leaf& a, const Leaf& b) { return a.code < b.code; });

    // Fund-level carry-overs; fiscal income covers spending plus the change in carry-over.
    Money gpb_begin = r.chance(50) ? yuan_amount(r, 0, 800'000) : Money{};
    Money gpb_end = r.chance(50) ? yuan_amount(r, 0, 800'000) : Money{};
    Money nf_begin = yuan_amount(r, 0, 300'000), nf_end = yuan_amount(r, 0, 300'000);
    Money nf_use = r.chance(30) ? yuan_amount(r, 0, 50'000) : Money{};
    Money nf_distribution = r.chance(20) ? yuan_amount(r, 0, 20'000) : Money{};
    // The gpb carry change is absorbed by the subject with the largest gpb spending.
    size_t absorber = 0;
    for (size_t i = 0; i < leaves.size(); ++i)
        if (leaves[i].gpb_basic + leaves[i].gpb_project > leaves[absorber].gpb_basic + leaves[absorber].gpb_project) absorber = i;
    // The nonfiscal income balances nonfiscal spending and the nonfiscal balance movements.
    Money nf_spend;
    for (const auto& l : leaves) nf_spend += l.nf_basic + l.nf_project + l.to_superior + l.operating + l.to_affiliated;
    Money nf_income_total = nf_spend + nf_distribution + nf_end - nf_begin - nf_use;
    if (nf_income_total.is_negative()) {
        nf_begin += nf_income_total;  // keep income non-negative: lower the opening balance instead
        if (nf_begin.is_negative()) {
            nf_end -= nf_begin;
            nf_begin = Money{};
        }
        nf_income_total = nf_spend + nf_distribution + nf_end - nf_begin - nf_use;
    }
    // Spread nonfiscal income over the subjects that spend nonfiscal money (or the first one).
    std::vector<size_t> nf_subjects;
    for (size_t i = 0; i < leaves.size(); ++i)
        if (!(leaves[i].nf_basic + leaves[i].nf_project + leaves[i].to_superior + leaves[i].operating + leaves[i].to_affiliated).is_zero())
            nf_subjects.push_back(i);
    if (nf_subjects.empty()) nf_subjects.push_back(0);
    auto nf_parts = split(r, nf_income_total, nf_subjects.size());

    const std::vector<std::string> sources = {"business", "other", "superior", "operating", "affiliated"};
    std::map<size_t, Money> nf_income;
    for (size_t k = 0; k < nf_subjects.size(); ++k) nf_income[nf_subjects[k]] = nf_parts[k];
    for (size_t i = 0; i < leaves.size(); ++i) {
        const Leaf& l = leaves[i];
        SubjectLine inc{l.code, l.name, {}, {}, {}};
        Money gpb = l.gpb_basic + l.gpb_project;
        if (i == absorber) gpb += gpb_end - gpb_begin;
        if (gpb.is_negative()) {  // cannot happen for sensible sizes; keep the books valid regardless
            gpb_begin += gpb;
            gpb = Money{};
        }
        if (!gpb.is_zero()) inc.amounts["fiscal_gpb"] = gpb;
        Money gf = l.gf_project + l.gf_end - l.gf_begin;
        if (gf.is_negative()) gf = Money{};
        Money gf_end = l.gf_begin + gf - l.gf_project;  // keeps the gf balance exact
        leaves[i].gf_end = gf_end;
        if (!gf.is_zero()) inc.amounts["fiscal_gf"] = gf;
        if (!l.soc_project.is_zero()) inc.amounts["fiscal_soc"] = l.soc_project;
        if (auto it = nf_income.find(i); it != nf_income.end() && !it->second.is_zero())
            inc.amounts[sources[i % sources.size()]] = it->second;
        if (!inc.amounts.empty()) f.income.push_back(inc);

        SubjectLine ex{l.code, l.name, {}, {}, {}};
        auto put = [](SubjectLine& s, const char* k, Money m) {
            if (!m.is_zero()) s.amounts[k] = m;
        };
        put(ex, "basic", l.gpb_basic + l.nf_basic);
        put(ex, "project", l.gpb_project + l.gf_project + l.soc_project + l.nf_project);
        put(ex, "to_superior", l.to_superior);
        put(ex, "operating", l.operating);
        put(ex, "to_affiliated", l.to_affiliated);
        if (!ex.amounts.empty()) f.expenditure.push_back(ex);

        auto fiscal = [&](const char* fund, Money basic, Money project) {
            if (basic.is_zero() && project.is_zero()) return;
            SubjectLine s{l.code, l.name, {}, {}, {}};
            put(s, (std::string(fund) + ".basic").c_str(), basic);
            put(s, (std::string(fund) + ".project").c_str(), project);
            f.fiscal_expenditure.push_back(s);
        };
        fiscal("gpb", l.gpb_basic, l.gpb_project);
        fiscal("gf", Money{}, l.gf_project);
        fiscal("soc", Money{}, l.soc_project);
        if (!leaves[i].gf_end.is_zero() || !l.gf_begin.is_zero())
            f.balances.push_back({Fund::Gf, l.code, l.name, l.gf_begin, {}, {}, leaves[i].gf_end, {}, {}});
    }
    if (!gpb_begin.is_zero() || !gpb_end.is_zero()) f.balances.push_back({Fund::Gpb, "", "", gpb_begin, {}, {}, gpb_end, {}, {}});
    f.balances.push_back({Fund::NonFiscal, "", "", nf_begin, nf_use, nf_distribution, nf_end, {}, {}});

    // 公开06表: the gpb basic spending spread over economic 款, 人员经费 and 公用经费.
    Money gpb_basic_total;
    for (const auto& l : leaves) gpb_basic_total += l.gpb_basic;
    std::vector<std::string> personnel, pub;
    const TableSpec* t06 = tpl.find("06");
    if (t06) {
        for (const auto& side : t06->sides)
            for (const auto& code : side.codes)
                if (code.size() == 5) (side.group == "personnel" ? personnel : pub).push_back(code);
    }
    if (personnel.empty()) personnel = {"30101"};
    if (pub.empty()) pub = {"30201"};
    Money personnel_total = Money::from_fen(gpb_basic_total.fen() / 10 * 7);
    auto spread = [&](const std::vector<std::string>& codes, Money total) {
        std::vector<std::string> pick = codes;
        size_t k = std::min<size_t>(pick.size(), static_cast<size_t>(r.range(3, 10)));
        for (size_t i = pick.size(); i > 1; --i) std::swap(pick[i - 1], pick[static_cast<size_t>(r.range(0, static_cast<std::int64_t>(i) - 1))]);
        pick.resize(k);
        std::sort(pick.begin(), pick.end());
        auto parts = split(r, total, k);
        for (size_t i = 0; i < k; ++i) {
            if (parts[i].is_zero()) continue;
            std::string name = t06 && t06->subject_names.count(pick[i]) ? t06->subject_names.at(pick[i]) : pick[i];
            if (const auto* e = cats.economic.find(pick[i])) name = e->name;
            f.basic_economic.push_back({pick[i], name, {{"amount", parts[i]}}, {}, {}});
        }
    };
    spread(personnel, personnel_total);
    spread(pub, gpb_basic_total - personnel_total);
    std::sort(f.basic_economic.begin(), f.basic_economic.end(),
              [](const SubjectLine& a, const SubjectLine& b) { return a.code < b.code; });

    // 三公经费
    const char* items[] = {"abroad", "car_purchase", "car_operation", "reception_domestic", "reception_abroad"};
    for (const char* item : items) {
        Money budget = with_sangong ? yuan_amount(r, 0, 200'000) : Money{};
        Money actual = with_sangong ? Money::from_fen(budget.fen() / 100 * r.range(60, 100)) : Money{};
        f.sangong.push_back({item, budget, actual, {}});
    }
    if (with_sangong) {
        d.sangong.abroad_groups = r.range(0, 3);
        d.sangong.abroad_persons = d.sangong.abroad_groups * 3;
        d.sangong.vehicles_held = r.range(0, 5);
        d.sangong.reception_domestic_batches = r.range(0, 40);
        d.sangong.reception_domestic_persons = d.sangong.reception_domestic_batches * 5;
    }

    // 政府采购
    for (const char* cat : {"goods", "works", "services"}) {
        Money total = yuan_amount(r, 0, 3'000'000);
        Money sme = Money::from_fen(total.fen() / 100 * r.range(0, 100));
        Money small = Money::from_fen(sme.fen() / 100 * r.range(0, 100));
        f.procurement.push_back({cat, total, sme, small, {}});
    }

    // 年初预算 per 项 of the gpb spending, and last year's figures.
    for (const auto& l : leaves) {
        Money spent = l.gpb_basic + l.gpb_project;
        if (spent.is_zero()) continue;
        Money budget = r.chance(20) ? Money{} : Money::from_fen(spent.fen() / 100 * r.range(70, 120));
        f.budget.push_back({l.code, l.name, budget, budget.is_zero() ? "年中追加预算。" : "", {}, {}});
    }

    // Projects with indicators (weights 90 + 执行率 10).
    int project_count = n / 30 + 2;
    for (int p = 0; p < project_count; ++p) {
        Project pr;
        pr.name = fmt::format("示例项目{:03d}", p + 1);
        pr.department = d.short_name;
        pr.implementer = d.short_name;
        pr.category = "区级";
        Money full = yuan_amount(r, 50'000, 3'000'000);
        pr.fiscal = {r.chance(50) ? full : Money{}, full, Money::from_fen(full.fen() / 100 * r.range(40, 100))};
        pr.goal = "按计划完成项目建设任务。";
        pr.outcome = "项目建设任务已完成。";
        pr.key_evaluation = p == 0;
        struct Shape { const char *l1, *l2, *l3, *op, *unit; int target; };
        const Shape shapes[] = {{"成本指标", "经济成本指标", "项目总成本", "≤", "万元", 100},
                                {"产出指标", "数量指标", "完成任务数量", "≥", "个", 10},
                                {"产出指标", "质量指标", "验收合格率", "=", "%", 100},
                                {"产出指标", "时效指标", "按期完成率", "≥", "%", 95},
                                {"效益指标", "社会效益指标", "服务对象覆盖率", "≥", "%", 90},
                                {"效益指标", "可持续发展影响指标", "长效机制健全性", "定性", "", 0},
                                {"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "%", 95}};
        const int weights[] = {10, 15, 15, 10, 15, 15, 10};
        for (size_t i = 0; i < std::size(shapes); ++i) {
            Indicator ind;
            ind.level1 = shapes[i].l1;
            ind.level2 = shapes[i].l2;
            ind.level3 = shapes[i].l3;
            ind.op = shapes[i].op;
            ind.unit = shapes[i].unit;
            ind.weight = Decimal{weights[i], 0};
            if (ind.op == "定性") {
                ind.target = ind.actual = "健全";
            } else {
                ind.target = std::to_string(shapes[i].target);
                int t = shapes[i].target;
                int a = ind.op == "≤" ? static_cast<int>(r.range(t * 8 / 10, t)) : static_cast<int>(r.range(t * 9 / 10, t));
                ind.actual = std::to_string(a);
            }
            pr.indicators.push_back(ind);
        }
        f.projects.push_back(std::move(pr));
    }
    return out;
}

}  // namespace juesuan
