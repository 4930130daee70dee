// The check job: a books folder (built first) or a disclosure.json, checked by the rules.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "check/engine.h"
#include "check/rule.h"
#include "core/diagnostics.h"
#include "model/disclosure.h"

namespace juesuan {

struct CheckOptions {
    std::vector<std::filesystem::path> rules;     // --rules files, added to the shipped ones
    std::vector<std::filesystem::path> catalogs;  // --catalog files
    std::string template_override;                // for books folders
};

struct Checked {
    Disclosure disclosure;
    std::vector<RuleSet> rules;
    CheckResult result;
    Diagnostics warnings;  // from reading the books
};

// Throws InputError when the input cannot be read.
Checked check_input(const std::filesystem::path& input, const CheckOptions& opts);

}  // namespace juesuan
