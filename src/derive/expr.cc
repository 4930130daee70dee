#include "derive/expr.h"

#include <fmt/format.h>

namespace juesuan {

RuleExpr parse_template_expr(std::string_view text) {
    RuleExpr e = parse_cell_expr(text);
    for (const auto& t : e.terms)
        if (t.kind == RuleTerm::Kind::Measure && !Measures::known(t.name))
            throw FormulaError(fmt::format("表达式“{}”：未知的度量“{}”（可用的度量见 docs/templates.md）", text, t.name));
    return e;
}

Money evaluate(const RuleExpr& e, const ExprScope& scope) {
    Money total;
    for (const auto& t : e.terms) {
        Money v;
        switch (t.kind) {
            case RuleTerm::Kind::Measure:
                v = scope.measures->sum(t.name, t.subject ? std::string_view(*t.subject) : std::string_view(scope.prefix));
                break;
            case RuleTerm::Kind::RowColumn: v = scope.column(t.column); break;
            case RuleTerm::Kind::Line: v = scope.line(t.from); break;
            case RuleTerm::Kind::LineRange:
                for (int l = t.from; l <= t.to; ++l) v += scope.line(l);
                break;
            default: break;  // the cell dialect has no other terms
        }
        total += t.sign > 0 ? v : -v;
    }
    return total;
}

}  // namespace juesuan
