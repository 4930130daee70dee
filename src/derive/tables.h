// Facts → the published tables of a template (pure; no I/O).
#pragma once

#include <map>
#include <stdexcept>

#include "derive/measures.h"
#include "derive/subjects.h"
#include "model/disclosure.h"
#include "model/facts.h"
#include "model/template.h"

namespace juesuan {

// A defect of the template itself (unknown column, missing 行次, cyclic expression).
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Builds every table of the template, in the template's order, and part one.
Disclosure derive_disclosure(const Facts& facts, const Template& tpl, const SubjectNames& names);

// The figures the narrative compares with that no table prints (docs/narrative.md).
References derive_references(const Facts& facts);

// One table (exposed for tests and for later consolidation).
Table derive_table(const Facts& facts, const Measures& measures, const Template& tpl, const TableSpec& spec,
                   const SubjectNames& names);

}  // namespace juesuan
