// The rule engine: evaluates rules over a Disclosure and returns findings. It never
// changes the Disclosure. Tolerance comes from the Disclosure's precision: exact
// amounts must agree exactly; printed amounts may differ by what rounding of the
// printed terms can produce (half a unit of the last printed digit per term), and no more.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "check/rule.h"
#include "core/catalog.h"
#include "model/disclosure.h"
#include "model/finding.h"

namespace juesuan {

struct CheckResult {
    std::vector<Finding> findings;
    std::map<std::string, int> evaluations;  // rule id → instances evaluated (guards passed)
    int count(FindingSeverity s) const;
};

// Rules of the sets that apply to the Disclosure's template. `catalogs` may be null
// (catalog rules then report that they could not run).
CheckResult run_checks(const Disclosure& d, const std::vector<RuleSet>& sets, const Catalogs* catalogs);

// The tables a rule instance reads: its `each` table, its predicates' and its cells' tables.
std::vector<std::string> tables_read(const Rule& rule, const Rule::Instance& inst);
// The rules of `sets` that read table `id` (a set of their own, for evaluating one table's cells cheaply).
std::vector<RuleSet> rules_reading(const std::vector<RuleSet>& sets, const std::string& id);

// Whether `diff` between two sides built from `terms` printed cells is within rounding
// at the given precision (1 = exact: only 0 passes).
bool within_tolerance(std::int64_t diff_fen, int terms, std::int64_t precision_fen);

}  // namespace juesuan
