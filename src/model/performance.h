// Part five: the performance self-evaluation of each project, its scores and grade, and
// the key evaluations (部门重点评价). Derived from the books; read back from JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"
#include "core/ratio.h"
#include "core/score.h"

namespace juesuan {

// How a template scores (methods differ by province): template data.
struct ScoringMethod {
    Decimal execution_weight{10, 0};  // 项目预算执行情况 分值
    // Partially met quantitative indicators: "ratio" = weight × actual/target (reverse:
    // target/actual), "percent" = weight × actual% (the seed's other way).
    std::string partial = "ratio";
    struct Grade {
        Decimal min;
        std::string name;
        bool operator==(const Grade&) const = default;
    };
    std::vector<Grade> grades;  // highest first: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差
    struct Dimension {
        std::string name;  // 决策 / 过程 / 产出 / 效益
        Decimal weight;
        std::string basis;  // self_total | execution | indicators
        std::vector<std::string> level1;  // for indicators: the 一级指标 it covers
        bool operator==(const Dimension&) const = default;
    };
    std::vector<Dimension> key_dimensions;
    std::string grade_of(Score s) const;
    bool operator==(const ScoringMethod&) const = default;
};

// A project's funding in one source: 年初预算数, 全年预算数 (A), 全年执行数 (B).
struct FundFigures {
    Money initial, full_year, executed;
    FundFigures operator+(const FundFigures& o) const {
        return {initial + o.initial, full_year + o.full_year, executed + o.executed};
    }
    bool operator==(const FundFigures&) const = default;
};

// 年度资金总额 and its three sources.
struct ProjectFunding {
    FundFigures total;    // 年度资金总额
    FundFigures fiscal;   // 其中：当年财政拨款
    FundFigures carried;  // 上年结转资金
    FundFigures other;    // 其他资金
    bool operator==(const ProjectFunding&) const = default;
};

struct ScoredIndicator {
    std::string level1, level2, level3, op, target, actual, unit, deviation;
    Decimal weight;
    Score score;
    bool met = false;
    bool operator==(const ScoredIndicator&) const = default;
};

struct KeyDimension {
    std::string name;
    Decimal weight;
    Score score;
    std::optional<Percent> share;  // 评价分值占比
    bool operator==(const KeyDimension&) const = default;
};

struct ProjectEvaluation {
    std::string name, department, implementer, category;
    bool detailed = true, key = false;
    // 中央对地方转移支付 projects are listed apart from the department's own-level (区级) ones.
    bool transfer() const { return category == "中央对地方转移支付"; }
    ProjectFunding funds;
    std::optional<Percent> rate;               // 执行率 B/A
    Decimal execution_weight{10, 0};
    Score execution_score;
    std::vector<ScoredIndicator> indicators;
    Score total;                               // 自评得分 (the project's own table)
    std::string grade;                         // 自评等级
    Score summary_total;                       // 自评得分 as the summary table (汇总表) prints it
    std::string summary_grade;
    std::string goal, outcome, review;
    std::vector<KeyDimension> key_dimensions;  // when key
    Score key_total;
    std::optional<Percent> key_share;
    std::string key_grade;
    bool operator==(const ProjectEvaluation&) const = default;
};

struct Performance {
    ScoringMethod method;  // how the scores were computed (template data)
    std::vector<ProjectEvaluation> projects;
    bool operator==(const Performance&) const = default;
};

}  // namespace juesuan
