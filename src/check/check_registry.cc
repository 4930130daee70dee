#include "check/check_registry.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/structure_checks.h"
#include "core/text.h"

namespace juesuan {

const std::vector<Predicate>& predicates() {
    using A = Predicate::Arg;
    static const std::vector<Predicate> list = {
        {"present", A::Table, false, "公开表存在"},
        {"empty", A::Table, false, "公开表无数据"},
        {"no_data_note", A::Table, false, "公开表注明“无数据”"},
        {"rollup", A::Table, true, "类、款为其下各款、各项之和"},
        {"sums", A::Table, true, "表中由模板规定的合计公式（行次之和、列之和）成立"},
        {"catalog_known", A::Table, true, "科目编码在科目目录中"},
        {"catalog_names", A::Table, true, "科目名称与目录一致"},
        {"tree_levels", A::Table, true, "科目编码的级次（类 3 位、款 5 位、项 7 位）"},
        {"tree_parents", A::Table, true, "款、项的上级科目在表中"},
        {"claims", A::Check, true, "情况说明的陈述", claim_checks},
        {"perf", A::Check, true, "绩效自评与重点评价", performance_checks},
        {"doc", A::Check, true, "公开文件的结构与用词（部门名称、年度、时点、目录）", structure_checks},
    };
    return list;
}

const Predicate* find_predicate(std::string_view name) {
    for (const auto& p : predicates())
        if (p.name == name) return &p;
    return nullptr;
}

namespace {

void validate(const Condition& c) {
    if (!c.is_predicate) return;
    const Predicate* p = find_predicate(c.predicate);
    if (!p) {
        std::vector<std::string_view> names;
        for (const auto& x : predicates()) names.push_back(x.name);
        throw FormulaError(fmt::format("未知的谓词“{}”：可用 {}", c.predicate, fmt::join(names, "、")));
    }
    const bool table = c.table.size() == 2 && all_digits(c.table);
    if (p->arg == Predicate::Arg::Table) {
        if (!table) throw FormulaError(fmt::format("{}({}) 无效：{} 的参数应为表，如 {}(T07)", p->name, c.table, p->name, p->name));
        return;
    }
    std::vector<std::string_view> names;
    for (const auto& n : p->checks()) {
        if (n.name == c.table) return;
        names.push_back(n.name);
    }
    throw FormulaError(fmt::format("{}({}) 无效：可用 {}", p->name, table ? "T" + c.table : c.table, fmt::join(names, "、")));
}

}  // namespace

void validate_formula(const Formula& f) {
    if (f.guard) validate(*f.guard);
    validate(f.body);
}

}  // namespace juesuan
