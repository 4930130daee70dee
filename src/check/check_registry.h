// The vocabulary of the rule files that code implements: predicates (present(T07), rollup(T03),
// claims(amount), perf(total) …) and the named checks of claims(…) and perf(…). The engine runs
// exactly these; a rule that names anything else is refused when the rules load.
#pragma once

#include <string_view>
#include <vector>

#include "check/document_checks.h"
#include "formula/formula.h"

namespace juesuan {

struct Predicate {
    enum class Arg { Table, Check };
    std::string_view name;
    Arg arg = Arg::Table;
    bool per_row = false;  // evaluated row by row (rollup, catalog_*, tree_*), reporting each row
    std::string_view description;
    const std::vector<NamedCheck>& (*checks)() = nullptr;  // Arg::Check: the names it accepts
};

const std::vector<Predicate>& predicates();
const Predicate* find_predicate(std::string_view name);

// Throws FormulaError when a condition names an unknown predicate, gives a predicate the wrong
// kind of argument, or names a check that is not registered.
void validate_formula(const Formula& f);

}  // namespace juesuan
