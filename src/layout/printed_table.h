// Tables as they are printed: a grid of cells with merged cells and header rows, shared by
// every surface (Markdown, HTML, PDF, XLSX) so that all of them print the same table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "model/finding.h"

namespace juesuan {

struct PrintedCell {
    std::string text;
    bool amount = false;         // money or a score: right-aligned
    const Row* row = nullptr;    // a body cell of a public table: the row it shows
    std::string column;          // … and its column key ("line", "code", "label" or an amount column)
    std::optional<Money> value;  // the exact amount behind `text`
};

// A merged cell: the cell at (row, col) covers rowspan × colspan grid cells.
struct Merge {
    int row = 0, col = 0, rowspan = 1, colspan = 1;
};

struct PrintedTable {
    const Table* table = nullptr;  // the public table, when it is one
    std::string title;             // 收入支出决算总表 / 预算项目支出绩效自评表（2023年度）
    std::vector<std::string> lines;  // printed between title and grid: 公开01表, 部门：…, 金额单位：万元
    std::vector<std::vector<PrintedCell>> grid;  // every row has `width` cells
    int header_rows = 0;           // repeated at the top of a continued table
    std::vector<Merge> merges;     // grid cells covered by an earlier cell are left empty
    std::string note;              // the note under the table (may hold several lines)
    int width() const { return grid.empty() ? 0 : static_cast<int>(grid.front().size()); }
    // The merge that starts at (r, c), if any; and whether (r, c) is covered by another cell.
    const Merge* merge_at(int r, int c) const;
    bool covered(int r, int c) const;
};

// The merged cells of a template header given as rows of text with "" for the continuation of
// a merged cell: a blank continues the cell above it when that cell spans one column, else the
// cell to its left; in a 栏次 row blanks continue to the left (docs/templates.md).
std::vector<Merge> header_merges(const std::vector<std::vector<std::string>>& header);

// The column blocks a table prints side by side; a table that names none prints one block: 行次
// and code where its rows have them, the label, then every column.
std::vector<Block> blocks_of(const Table& t);

// 公开01表 … 公开09表, laid out as the seed prints them.
PrintedTable print_table(const Disclosure& d, const Table& t);
// A form of part five (model/form.h) printed for one project (none for the summary).
PrintedTable print_form(const Disclosure& d, const Form& form, const ProjectEvaluation* project);
// Part five: the summary of all projects, one project's self-evaluation, one key evaluation, by
// the Disclosure's forms (an empty table when it has none).
PrintedTable print_summary_table(const Disclosure& d);
PrintedTable print_project_table(const Disclosure& d, const ProjectEvaluation& p);
PrintedTable print_key_table(const Disclosure& d, const ProjectEvaluation& p);

// The heading and closing sentence of a key evaluation printed without its report.
std::string key_title(const Disclosure& d, const ProjectEvaluation& p);
std::string key_sentence(const Disclosure& d, const ProjectEvaluation& p);

// The anchor of a table cell in HTML (docs/publishing.md): t03-2010301-基本支出, t01-l27-金额 …
std::string table_anchor(const Table& t);
std::string cell_anchor(const Table& t, const Row& r, const std::string& column);
// The row's part of it: t03-2010301, t01-l27.
std::string row_anchor(const Table& t, const Row& r);

// The row a finding names: by its 行次, else its code, else its label — the row of that label
// that has the finding's column (总计 stands on both sides). nullptr when none.
const Row* finding_row(const Table& t, const FindingLocation& l);

// A template text of the document (texts of the Disclosure), or the fallback.
std::string document_text(const Disclosure& d, const std::string& key, const std::string& fallback = {});

}  // namespace juesuan
