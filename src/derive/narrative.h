// Parts three and four from the tables, the performance data and the officer's texts, by a
// narrative template (docs/narrative.md). Every number written is a claim with its formula.
#pragma once

#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "model/disclosure.h"
#include "model/facts.h"
#include "model/narrative_template.h"

namespace juesuan {

Narrative derive_narrative(const Disclosure& d, const Facts& facts, const NarrativeTemplate& t,
                           const SubjectDefinitions& defs, Diagnostics& warnings);

// The sentences of a document read back (an import), read by the same template that writes
// them — one pattern, two directions: each number a pattern states is captured where the
// document printed it and becomes the claim, with its formula, the build would have made; the
// officer's words a pattern leaves open are kept as quoted. Returns how many paragraphs a
// pattern read; the others keep no claims.
int read_claims(Disclosure& d, const NarrativeTemplate& t, Diagnostics& warnings);

// The placeholders a narrative template may write ({amount|T01[L27].income}, {item.name} …):
// the name and how many arguments after it (separated by |).
struct Placeholder {
    std::string_view name;
    int min_args = 0, max_args = 0;
    std::string_view description;  // Chinese, for docs and messages
};
const std::vector<Placeholder>& narrative_placeholders();

// Throws InputError naming the template file and section when a text uses an unknown
// placeholder, gives one the wrong number of arguments, or leaves a { unclosed.
void validate_narrative_template(const NarrativeTemplate& t);

// "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）"
std::string subject_path(const Disclosure& d, const std::string& code);

}  // namespace juesuan
