// Part five from the books: execution rates, indicator scores, totals, grades and the key
// evaluations, by the template's scoring method (docs/performance.md).
#pragma once

#include "model/facts.h"
#include "model/performance.h"

namespace juesuan {

// Scores one indicator by the method; partial is "ratio" or "percent".
ScoredIndicator score_indicator(const Indicator& in, const std::string& partial);
// The score a partially met indicator gets under a method, from its printed fields
// (used to tell which method a printed document applied).
Score indicator_score(const std::string& op, const std::string& target, const std::string& actual, const Decimal& weight,
                      const std::string& partial, bool* met = nullptr);

ProjectEvaluation evaluate_project(const Project& p, const ScoringMethod& m);
// The key evaluation (决策/过程/产出/效益) of an evaluated project.
void evaluate_key(ProjectEvaluation& e, const ScoringMethod& m);

Performance derive_performance(const Facts& f, const ScoringMethod& m);

}  // namespace juesuan
