// Facts: what a department's books say, at the finest grain a finance officer enters.
// Every subtotal and total of the published tables is derived from these.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/diagnostics.h"
#include "core/money.h"
#include "model/performance.h"

namespace juesuan {

// One subject (a 7-digit 功能分类 项, or a 5-digit 经济分类 款) with its amounts by field.
// Field names are the measure fields of docs/input-format.md (e.g. "fiscal_gpb", "basic").
struct SubjectLine {
    std::string code;
    std::string name;                     // as written in the books
    std::map<std::string, Money> amounts;  // absent field = blank cell
    Location where;       // the code cell
    Location name_where;  // the name cell
    bool operator==(const SubjectLine&) const = default;
};

// A 类 or 款 named in the books (its amounts are always derived).
struct SubjectName {
    std::string code;
    std::string name;
    Location where;       // the code cell
    Location name_where;  // the name cell
    bool operator==(const SubjectName&) const = default;
};

// 资金性质: the fund an amount belongs to.
enum class Fund { Gpb, Gf, Soc, NonFiscal };  // 一般公共预算 / 政府性基金预算 / 国有资本经营预算 / 非财政拨款

// Carry-overs and balance movements of one fund, optionally per 功能分类 项.
struct BalanceLine {
    Fund fund = Fund::NonFiscal;
    std::string code;  // empty when the fund's balance is not given per subject
    std::string name;
    Money begin;         // 年初结转和结余
    Money use;           // 使用非财政拨款结余（含专用结余）: non-fiscal only
    Money distribution;  // 结余分配: non-fiscal only
    Money end;           // 年末结转和结余
    Location where;
    Location name_where;
    bool operator==(const BalanceLine&) const = default;
};

// 三公经费 by item: budget and actual.
struct SanGongLine {
    std::string item;  // abroad, car_purchase, car_operation, reception_domestic, reception_abroad
    std::optional<Money> budget;
    std::optional<Money> actual;
    Location where;
    bool operator==(const SanGongLine&) const = default;
};

struct SanGongCounts {
    long abroad_groups = 0, abroad_persons = 0;          // 因公出国（境）团组、人次
    long vehicles_purchased = 0, vehicles_held = 0;      // 购置车辆、保有量
    long reception_domestic_batches = 0, reception_domestic_persons = 0;
    long reception_foreign_affairs_batches = 0, reception_foreign_affairs_persons = 0;  // 其中外事接待
    long reception_abroad_batches = 0, reception_abroad_persons = 0;                    // 国（境）外接待
    bool operator==(const SanGongCounts&) const = default;
};

// 政府采购 by category.
struct ProcurementLine {
    std::string category;  // goods, works, services
    Money total;           // 采购支出
    Money sme;             // 授予中小企业合同金额
    Money small_micro;     // 其中授予小微企业合同金额
    Location where;
    bool operator==(const ProcurementLine&) const = default;
};

// Figures of 预算绩效 that the officer states because the books cannot itemise them: the funds
// the self-evaluation covered (when some evaluated projects are listed without their funds) and
// the department's total budget for its own-level projects (the base of the coverage share).
struct PerformanceStatement {
    std::optional<Money> evaluated_funds;       // 绩效自评涉及的预算资金
    std::optional<Money> local_project_budget;  // 部门本级（区级）预算项目支出总额
    bool operator==(const PerformanceStatement&) const = default;
};

// 国有资产占用: vehicles by kind and large equipment.
struct AssetCounts {
    long vehicles_leaders = 0, vehicles_confidential = 0, vehicles_emergency = 0, vehicles_law_enforcement = 0,
         vehicles_special = 0, vehicles_retired = 0, vehicles_other = 0;
    long equipment_over_1m = 0;  // 单价 100 万元（含）以上设备（不含车辆）台（套）
    long vehicles_total() const {
        return vehicles_leaders + vehicles_confidential + vehicles_emergency + vehicles_law_enforcement +
               vehicles_special + vehicles_retired + vehicles_other;
    }
    bool operator==(const AssetCounts&) const = default;
};

// A 项 subject's 年初预算 and the officer's reason for the difference.
struct BudgetLine {
    std::string code;
    std::string name;
    Money initial_budget;
    std::string reason;
    Location where;
    Location name_where;
    bool operator==(const BudgetLine&) const = default;
};

// Last year's and the budget's figures that the narrative compares with.
struct Comparison {
    std::string key;  // e.g. total, income_total, basic, gpb_expenditure (docs/input-format.md)
    std::optional<Money> previous;  // 上年决算数
    std::optional<Money> budget;    // 年初预算数
    std::string change_reason;      // 与上年相比的变动原因
    std::string budget_reason;      // 与年初预算的差异原因
    Location where;
    bool operator==(const Comparison&) const = default;
};

// Funding of a project in one source: 年初预算数, 全年预算数, 全年执行数.
using ProjectFunds = FundFigures;

struct Indicator {
    std::string level1, level2, level3;  // 一级/二级/三级指标
    std::string op;                      // "=", "≥", "≤", or "定性"
    std::string target;                  // as written: "114", "健全"
    std::string actual;
    std::string unit;                    // "万元", "%", "人" …
    Decimal weight;                      // 分值
    std::string deviation;               // 偏差原因分析及改进措施
    Location where;
    bool operator==(const Indicator&) const = default;
};

struct Project {
    std::string name;
    std::string department;        // 主管部门
    std::string implementer;       // 实施单位
    std::string category;          // 区级 / 中央对地方转移支付 …
    ProjectFunds fiscal, carried, other;  // 当年财政拨款 / 上年结转资金 / 其他资金
    std::string goal, outcome;     // 年度总体目标 / 目标实际完成情况
    std::string review;            // 绩效自评综述中的完成情况说明
    bool key_evaluation = false;   // 部门重点评价
    bool detailed = true;          // a self-evaluation table is published
    std::optional<Decimal> reported_score;  // score stated without a published indicator table
    std::vector<Indicator> indicators;
    Location where;
    ProjectFunds total() const { return fiscal + carried + other; }
    bool operator==(const Project&) const = default;
};

struct Department {
    std::string name;        // 部门全称
    std::string short_name;  // name as printed in the performance tables
    int year = 0;
    std::string template_id;
    AmountUnit unit = AmountUnit::Wan;
    std::vector<std::string> duties;        // 部门职责
    std::string composition;                // 单位构成 sentence
    std::vector<std::string> units;         // 纳入决算编制范围的单位
    SanGongCounts sangong;
    AssetCounts assets;
    PerformanceStatement performance;
    std::map<std::string, std::string> texts;  // reasons and other officer-written texts by key
    bool operator==(const Department&) const = default;
};

// The officer's words for one 部门重点评价 report (绩效评价报告), by key (books_schema.h
// report_fields); its amounts, rates and scores are computed.
struct KeyReport {
    std::string project;
    std::map<std::string, std::string> texts;
    Location where;
    bool operator==(const KeyReport&) const = default;
};

struct Facts {
    Department department;
    std::vector<SubjectLine> income;              // 项 × income source
    std::vector<SubjectLine> expenditure;         // 项 × expenditure kind
    std::vector<SubjectLine> fiscal_expenditure;  // 项 × fund.kind (gpb.basic …)
    std::vector<SubjectLine> basic_economic;      // 经济分类款 × amount (一般公共预算基本支出)
    std::vector<SubjectName> names;               // 类/款 named in the books
    std::vector<SubjectName> economic_names;
    std::vector<BalanceLine> balances;
    std::vector<SanGongLine> sangong;
    std::vector<ProcurementLine> procurement;
    std::vector<BudgetLine> budget;
    std::vector<Comparison> comparisons;
    std::vector<Project> projects;
    std::vector<KeyReport> reports;  // reports.toml
    const KeyReport* report(const std::string& project) const {
        for (const auto& r : reports)
            if (r.project == project) return &r;
        return nullptr;
    }
    bool operator==(const Facts&) const = default;
};

std::string_view fund_key(Fund f);    // gpb / gf / soc / nonfiscal
std::string_view fund_label(Fund f);  // 一般公共预算财政拨款 …

}  // namespace juesuan
