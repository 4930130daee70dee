// The one formula language of juesuan: rules (docs/rules.md), the claims of the narrative
// (docs/narrative.md) and, in its cell dialect, the cells of the templates (docs/templates.md);
// and its evaluation over a Disclosure:
//   formula   := [condition '=>'] condition
//   condition := ['not'] predicate '(' (T07 | name) ')'  |  expr op expr      op: == != <= >= < >
//   expr      := ['-'] term (('+'|'-') term)*
//   term      := T03[selector].column | sum(T01[L1:L8].income) | column | number (万元)
//              | ref(prev.total) | P[project].field
//   selector  := L27 | L1:L8 | 2010301 | 合计 | @subject | @code | * | key=value; key=value
//   claim     := expr | fn(expr, expr …)      fn: share growth completion abs sign grade
// The cell dialect of template cells, over the books' measures instead of printed tables:
//   term      := measure | measure[201] | column | L27 | sum(L1:L8)      measure: income.fiscal_gpb
// The predicates and the checks they name are registered by the checks (check/check_registry.h);
// the parser takes any name( … ) that opens a condition as a predicate.
#pragma once

#include <memory>
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
    // Measure, Line and LineRange belong to the cell dialect, the others to rules and claims
    // (RowColumn to both).
    enum class Kind { Cell, Sum, RowColumn, Number, Ref, Perf, Measure, Line, LineRange };
    Kind kind = Kind::Cell;
    int sign = 1;
    int from = 0, to = 0;                // Line (from == to), LineRange: 行次
    std::optional<std::string> subject;  // Measure: [code]
    CellRef ref;         // Cell, Sum
    std::string column;  // RowColumn: a column of the current `each` row; Perf: the field
    Money number;        // Number
    std::string name;    // Ref: the reference figure; Perf: the project selector; Measure: its name
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

// What a number of the narrative states: an expression, or a function of expressions.
struct ClaimFormula {
    std::string fn;  // "" (the expression), share, growth, completion, abs, sign, grade
    std::vector<RuleExpr> args;
    std::vector<std::string> words;  // sign: the words for ≥ 0 and < 0
};
ClaimFormula parse_claim_formula(std::string_view text);
RuleExpr parse_rule_expr(std::string_view text);
// A template cell's expression (the cell dialect); empty text gives no terms. Measure names are
// checked by who knows them (derive).
RuleExpr parse_cell_expr(std::string_view text);

// Throws FormulaError with a Chinese message naming the position.
Formula parse_formula(std::string_view text);
Selector parse_selector(std::string_view text);


// ---- Evaluation over a Disclosure

struct Disclosure;
struct Table;
struct Row;
struct ProjectEvaluation;

// The value of an expression: raw units of what it refers to (分 for money, 0.01 % for
// percentages, 0.01 point for scores, plain counts), and the printed cells it summed.
struct Value {
    std::int64_t raw = 0;
    int terms = 0;        // printed cells summed (for tolerance)
    std::string missing;  // why the value cannot be known
    std::vector<std::pair<const Row*, std::string>> cells;
    Money money() const { return Money::from_fen(raw); }
};

// The row (and project) an `each` rule or a narrative loop is at.
struct Scope {
    const Table* each_table = nullptr;
    const Row* each_row = nullptr;
    const ProjectEvaluation* each_project = nullptr;
};

class FormulaEvaluator {
public:
    explicit FormulaEvaluator(const Disclosure& d);
    ~FormulaEvaluator();
    std::vector<const Row*> select(const Table& t, const Selector& s, const Scope& sc, std::string& missing) const;
    std::vector<const ProjectEvaluation*> projects(const std::string& selector, const Scope& sc) const;
    Value cell_value(const Table& t, const Row& r, const std::string& column) const;
    Value eval(const RuleExpr& e, const Scope& sc) const;
    // The cells a reference selects, summed.
    Value cells(const CellRef& ref, const Scope& sc) const;
    // Children of a code in a table (rows whose code's parent is the code).
    const std::vector<const Row*>& children(const Table& t, const std::string& code) const;
    const Disclosure& disclosure() const { return d_; }

private:
    struct Index;
    const Index& index(const Table& t) const;
    const Disclosure& d_;
    mutable std::vector<std::pair<const Table*, std::unique_ptr<Index>>> indexes_;
};

std::string row_code(const Row& r);                        // printed code, else the subject
std::string level_of_row(const Table& t, const Row& r);    // 类 / 款 / 项 / ""
std::string describe_cell(const Table& t, const Row& r, const std::string& column);
bool matches_filters(const Table& t, const Row& r, const std::vector<std::pair<std::string, std::string>>& filters);

}  // namespace juesuan
