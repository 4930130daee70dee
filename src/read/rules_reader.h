// Reads rule files (TOML, docs/rules.md) into RuleSets; formulas are parsed and checked here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "check/rule.h"

namespace juesuan {

// Throws InputError naming the file, the line and the rule id of the first problem.
RuleSet parse_rules(const std::string& text, const std::string& shown_name);

// The shipped rule files (data/rules/*.toml), then each extra file (--rules).
// Duplicate rule ids across files are an error.
std::vector<RuleSet> load_rules(const std::vector<std::filesystem::path>& extra);

// "jinan-2023/1 + my-rules/3"
std::string rules_version(const std::vector<RuleSet>& sets);

}  // namespace juesuan
