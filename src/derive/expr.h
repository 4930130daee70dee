// Template cells (docs/templates.md) are expressions of the formula language's cell dialect
// (formula/formula.h): measures over the books' subjects, other columns of the row, and rows by
// 行次. This is where they meet the books.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "derive/measures.h"
#include "formula/formula.h"

namespace juesuan {

// Parses a cell expression and checks its measure names; throws FormulaError in Chinese.
RuleExpr parse_template_expr(std::string_view text);

struct ExprScope {
    const Measures* measures = nullptr;
    std::string prefix;  // subject prefix for measures written without [code]
    std::function<Money(const std::string& column)> column;
    std::function<Money(int line)> line;
};

Money evaluate(const RuleExpr& e, const ExprScope& scope);

}  // namespace juesuan
