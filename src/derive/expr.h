// The small expression language of template cells (docs/templates.md):
//   term (+|- term)*   where a term is
//   income.fiscal_gpb          a measure (over the row's subject, or over all subjects)
//   exp.basic[201]             a measure over the subjects under code 201
//   basic                      another column of the same row
//   L27                        the same column of the row with 行次 27
//   sum(L1:L8)                 the same column of rows 行次 1 … 8
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "derive/measures.h"

namespace juesuan {

struct ExprTerm {
    enum class Kind { Measure, Column, Line, LineRange };
    Kind kind = Kind::Measure;
    int sign = 1;
    std::string name;          // measure or column
    std::optional<std::string> subject;  // [code] of a measure
    int from = 0, to = 0;      // lines
};

struct Expr {
    std::string text;
    std::vector<ExprTerm> terms;
    bool empty() const { return terms.empty(); }
};

class ExprError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses and checks measure names; throws ExprError with a Chinese message.
Expr parse_expr(std::string_view text);

struct ExprScope {
    const Measures* measures = nullptr;
    std::string prefix;  // subject prefix for measures written without [code]
    std::function<Money(const std::string& column)> column;
    std::function<Money(int line)> line;
};

Money evaluate(const Expr& e, const ExprScope& scope);

}  // namespace juesuan
