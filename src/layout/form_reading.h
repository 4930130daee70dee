// Part five's forms read backwards by the same description that prints them (model/form.h):
// a printed form's grid back to the values its placeholders printed, and those back to a
// ProjectEvaluation — for the readers of published documents.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/table_reading.h"
#include "model/disclosure.h"

namespace juesuan {

struct FormValues {
    std::map<std::string, std::string> fields;  // field → its printed text, from the form's fixed rows
    // Each repeat ("indicators", "dimensions", "projects"): one map per repeated row; a merged
    // (group_by) cell's value is carried down its run.
    std::map<std::string, std::vector<std::map<std::string, std::string>>> repeats;
};

// Reads a printed form's grid (texts, covered cells "") row by row as the form describes it.
// Rows that do not match are problems naming the grid row; {text:…} placeholders are skipped.
FormValues read_form(const Form& form, const std::vector<std::vector<std::string>>& grid, std::vector<GridProblem>& problems);

// The project a self-evaluation form printed: names, goal and outcome, funds (万元), 执行率,
// scores and the indicators' names, weights, scores and deviation notes.
ProjectEvaluation project_from_form(const FormValues& v, std::vector<GridProblem>& problems);

}  // namespace juesuan
