// Checks of a published document's structure and wording (doc(…) in the rule files): the
// department named alike everywhere and never by a placeholder, the report year in every
// heading, as-of dates at the end of that year, every entry of the contents printed.
#pragma once

#include <string>
#include <vector>

#include "check/document_checks.h"
#include "model/disclosure.h"

namespace juesuan {

const std::vector<NamedCheck>& structure_checks();  // the names doc(…) accepts

// what: names, placeholders, years, as_of, contents. A document built from the books (no
// printed headings kept) has nothing for these to read: no problem.
std::vector<Problem> check_structure(const Disclosure& d, const std::string& what, int& evaluations);

// Whether two names are one organisation's: equal, or one the other with words left out
// (济南市天桥区政府办公室 of 济南市天桥区人民政府办公室, 普陀区财政局 of 上海市普陀区财政局),
// ending alike.
bool same_organisation(const std::string& a, const std::string& b);

}  // namespace juesuan
