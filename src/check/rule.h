// 审核公式 as data: a rule with its id, severity, category, Chinese description and formula
// (docs/rules.md). Rule files live under data/rules/; --rules adds more.
#pragma once

#include <string>
#include <vector>

#include "formula/formula.h"
#include "model/finding.h"

namespace juesuan {

struct Rule {
    std::string id;          // T01-001, X0105-001, C-002, P-001
    FindingSeverity severity = FindingSeverity::Error;
    std::string category;
    std::string description;
    std::string formula_text;
    std::vector<std::string> related;
    // Expansion: the formula is evaluated once per row of `each` (rows matching `where`),
    // once per entry of `columns` ({col}) and of `tables` ({table}).
    std::string each;   // table id
    std::string where;  // row filters, as in a selector: "level=项; side=expenditure"
    std::vector<std::string> columns;
    std::vector<std::string> tables;
    std::string origin;  // rule file
    int line = 0;        // where the rule starts in its file

    // One parsed formula per expansion of `columns` and `tables`.
    struct Instance {
        std::string column, table;
        Formula formula;
    };
    std::vector<Instance> instances;
};

struct RuleSet {
    std::vector<std::string> templates;  // templates the rules apply to; "*" = all
    std::string version;
    std::string origin;
    std::vector<Rule> rules;
    bool applies_to(const std::string& template_id) const;
};

inline const std::vector<std::string>& rule_categories() {
    static const std::vector<std::string> c = {"arithmetic", "cross-table", "catalog", "completeness", "narrative",
                                               "performance"};
    return c;
}

}  // namespace juesuan
