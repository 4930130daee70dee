// A published disclosure, as a reader found it (layout/source_document.h), understood as the one
// Disclosure: the layout recognised among the known templates, the cover facts (department,
// year), the nine tables by kind whatever their place, part one, the sections of 情况说明 and
// the glossary, each with the page and line where it was printed.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "check/rule.h"
#include "core/diagnostics.h"
#include "layout/source_document.h"
#include "model/disclosure.h"
#include "model/narrative_template.h"
#include "model/template.h"

namespace juesuan {

struct ImportContext {
    std::vector<const Template*> templates;  // the layouts to recognise, in order of preference
    const Template* forced = nullptr;        // --template: read by this layout, recognise none
    // The narrative template of a layout: its headings ({department}, {year}, {short_name} …)
    // are filled from what the document printed, and its sentence patterns read the claims.
    std::function<const NarrativeTemplate*(const std::string& template_id)> narrative_for;
    // The rules whose identities tell the columns of amounts printed without their blank cells.
    const std::vector<RuleSet>* rules = nullptr;
};

// Throws InputError naming the file when no table of any known layout is found. What had to be
// guessed, and what could not be read, are warnings naming the line.
Disclosure import_document(const SourceDocument& doc, const ImportContext& ctx, const std::string& reader,
                           Diagnostics& warnings);

// The template whose layout the document fits best, with its score (0: none fits).
std::pair<const Template*, int> detect_layout(const SourceDocument& doc, const std::vector<const Template*>& templates);

}  // namespace juesuan
