// Checks the subjects of the books against the classification catalog and
// settles the name each subject prints with.
#pragma once

#include <map>
#include <string>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "model/facts.h"
#include "model/template.h"

namespace juesuan {

struct SubjectNames {
    std::map<std::string, std::string> functional;  // code → printed name (类, 款 and 项)
    std::map<std::string, std::string> economic;
};

// Reports (as errors) a name that contradicts the catalog, a 项 whose 款 or 类 is
// neither in the catalog nor named in the books, and one code written with two
// names; reports (as warnings) a well-formed code the catalog lacks.
SubjectNames resolve_subjects(const Facts& facts, const Catalogs& catalogs, Diagnostics& diags);

// Every 项 must belong to a 类 the template's fixed tables list (公开01表, 04表),
// or those tables' totals would silently miss it.
void check_template_classes(const Facts& facts, const Template& tpl, Diagnostics& diags);

}  // namespace juesuan
