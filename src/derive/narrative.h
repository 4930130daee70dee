// Parts three and four from the tables, the performance data and the officer's texts, by a
// narrative template (docs/narrative.md). Every number written is a claim with its formula.
#pragma once

#include "core/diagnostics.h"
#include "model/disclosure.h"
#include "model/facts.h"
#include "model/narrative_template.h"

namespace juesuan {

Narrative derive_narrative(const Disclosure& d, const Facts& facts, const NarrativeTemplate& t,
                           const SubjectDefinitions& defs, Diagnostics& warnings);

// "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）"
std::string subject_path(const Disclosure& d, const std::string& code);

}  // namespace juesuan
