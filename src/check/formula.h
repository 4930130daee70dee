// The rule formula language (docs/rules.md):
//   formula   := [condition '=>'] condition
//   condition := ['not'] predicate '(' T07 ')'  |  expr op expr      op: == != <= >= < >
//   expr      := ['-'] term (('+'|'-') term)*
//   term      := T03[selector].column | sum(T01[L1:L8].income) | column | number (万元)
//   selector  := L27 | L1:L8 | 2010301 | 合计 | @subject | @code | * | key=value; key=value
// Built-in predicates: present, empty, no_data_note, rollup, catalog_known, catalog_names,
// tree_levels, tree_parents.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"

namespace juesuan {

struct Selector {
    enum class Kind { Line, LineRange, Code, Label, CurrentSubject, CurrentCode, All, Filter };
    Kind kind = Kind::All;
    int from = 0, to = 0;
    std::string text;  // code or label
    std::vector<std::pair<std::string, std::string>> filters;  // side, level, role, code_prefix
    std::string str() const;
};

struct CellRef {
    std::string table;  // "03"
    Selector selector;
    std::string column;
};

struct RuleTerm {
    enum class Kind { Cell, Sum, RowColumn, Number };
    Kind kind = Kind::Cell;
    int sign = 1;
    CellRef ref;         // Cell, Sum
    std::string column;  // RowColumn: a column of the current `each` row
    Money number;        // Number
};

struct RuleExpr {
    std::vector<RuleTerm> terms;
    std::string text;
};

struct Condition {
    bool is_predicate = false;
    bool negated = false;
    std::string predicate;  // name
    std::string table;      // its argument
    RuleExpr lhs, rhs;
    std::string op;
};

struct Formula {
    std::optional<Condition> guard;
    Condition body;
};

class FormulaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws FormulaError with a Chinese message naming the position.
Formula parse_formula(std::string_view text);
Selector parse_selector(std::string_view text);

const std::vector<std::string>& predicate_names();
bool is_row_predicate(const std::string& name);  // evaluated per row: rollup, catalog_*, tree_*

}  // namespace juesuan
