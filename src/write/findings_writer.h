// Findings and the rule catalogue as text for people and JSON for programs.
#pragma once

#include <string>
#include <vector>

#include "check/engine.h"
#include "check/rule.h"
#include "core/diagnostics.h"
#include "model/disclosure.h"

namespace juesuan {

// Chinese, grouped by table, each finding with rule id, place, expected, actual, difference.
std::string write_findings_text(const Disclosure& d, const CheckResult& r);
// The document as juesuan renders it in HTML (write_html), each finding marked on its cell, row,
// table, heading or sentence and listed above the contents, linked both ways; with the reading's
// warnings when given.
std::string write_findings_html(const Disclosure& d, const CheckResult& r, const std::string& rules_version,
                                const Diagnostics* warnings = nullptr);
// {"findings": [...], "summary": {...}, "rules_version": "..."} (docs/rules.md).
// With `document`, the findings say which document they are about (file, department, year, layout).
std::string write_findings_json(const CheckResult& r, const std::string& rules_version, const Disclosure* document = nullptr);
// The catalogue of every rule, as Markdown (docs/rules-catalogue.md).
std::string write_rules_catalogue(const std::vector<RuleSet>& sets);

}  // namespace juesuan
