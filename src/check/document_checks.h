// Checks of the narrative's claims and of the performance evaluation: every number of the
// prose recomputed from what it states, every score recomputed by the scoring method.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/disclosure.h"
#include "model/finding.h"
#include "formula/formula.h"

namespace juesuan {

// One problem found; the rule engine turns it into a finding of the rule that asked.
struct Problem {
    FindingLocation where;
    std::string message;
    std::string expected, actual, difference;  // as printed
    bool cannot = false;  // the check could not be made (missing data), not a failure
};

// A check a rule names by its argument: claims(amount), perf(total).
struct NamedCheck {
    std::string_view name;
    std::string_view description;  // Chinese, for the rule catalogue
};
const std::vector<NamedCheck>& claim_checks();        // the kinds of claims(…)
const std::vector<NamedCheck>& performance_checks();  // the checks of perf(…)

// kind: consistency (each claim reads as its sentence says), amount, percent, count, score, text.
std::vector<Problem> check_claims(const Disclosure& d, const FormulaEvaluator& ev, const std::string& kind,
                                  int& evaluations);
// what: funds, rate, rate_score, indicators, method, total, grade, summary, weights, key.
std::vector<Problem> check_performance(const Disclosure& d, const std::string& what, int& evaluations);

}  // namespace juesuan
