// Reads narrative templates (data/narrative/*.toml) and subject definitions
// (data/glossary/subjects.csv).
#pragma once

#include <string>

#include "model/narrative_template.h"

namespace juesuan {

NarrativeTemplate parse_narrative_template(const std::string& text, const std::string& shown_name);
// The shipped narrative template of a publication template id (an empty one when none ships).
NarrativeTemplate load_narrative_template(const std::string& template_id);
SubjectDefinitions load_subject_definitions();

}  // namespace juesuan
