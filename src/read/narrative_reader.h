// Reads narrative templates (data/narrative/*.toml) and subject definitions
// (data/glossary/subjects.csv).
#pragma once

#include <filesystem>
#include <string>

#include "model/narrative_template.h"

namespace juesuan {

NarrativeTemplate parse_narrative_template(const std::string& text, const std::string& shown_name);
// The shipped narrative template of a publication template id (an empty one when none ships).
NarrativeTemplate load_narrative_template(const std::string& template_id);
SubjectDefinitions load_subject_definitions();
// A books folder's own definitions (glossary.csv: 科目编码,解释), overriding the shipped ones.
void add_subject_definitions(const std::filesystem::path& file, SubjectDefinitions& into);

}  // namespace juesuan
