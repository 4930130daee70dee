// The forms of part five (绩效自评汇总表, 项目支出绩效自评表, 重点评价得分表) as layout data
// (data/forms/, docs/templates.md): rows of cells whose texts name the values they print
// ({name}, {funds.total.executed}, {indicator.score} …), so the writers print them and the
// readers read them back by the same description.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace juesuan {

struct FormCell {
    std::string text;  // literal text with {field} placeholders
    int colspan = 1, rowspan = 1;
    bool amount = false;   // a number: printed right-aligned
    std::string span_to;   // the cell reaches down to the row with this id (a span that grows with repeats)
    // In a repeated row: the cell is merged down while these fields keep their value, and printed
    // only on the first row of the run (一级、二级指标).
    std::vector<std::string> group_by;
    bool operator==(const FormCell&) const = default;
};

struct FormRow {
    std::string id;
    std::string repeat;  // "", or once per: projects, indicators, dimensions
    std::string filter;  // projects: central | local
    bool if_none = false;  // printed only when the repeat before it printed nothing
    std::vector<FormCell> cells;
    bool operator==(const FormRow&) const = default;
};

struct Form {
    std::string key;  // summary | project | key
    std::string title;               // with placeholders ({text:project_title})
    std::vector<std::string> lines;  // printed under the title when not empty
    int width = 0;
    int header_rows = 0;  // repeated at the top of a continued form
    std::vector<FormRow> rows;
    bool operator==(const Form&) const = default;
};

// The text and placeholder names of a form text, alternating from a literal (literals has one
// more entry than names); an unclosed { is literal text.
struct FormPattern {
    std::vector<std::string> literals;
    std::vector<std::string> names;
};
FormPattern form_pattern(std::string_view text);

// Where a field has a value: where a project is printed, or only in a repeat over indicators,
// key-evaluation dimensions or (for {n}) any repeat.
enum class FormFieldScope { Project, Indicator, Dimension, Repeat };
// The fields a form may print ({text:KEY|fallback} aside), as layout/printed_table.cc prints them.
const std::vector<std::pair<std::string_view, FormFieldScope>>& form_fields();

// The first placeholder of the form that names no field, or a field without a value where it
// stands, as a Chinese message naming the row; empty when there is none.
std::string form_problem(const Form& f);

}  // namespace juesuan

