// A public table of a published document read into the model: the grids under its title, their
// repeated headers dropped, the body read by the template's blocks (layout/table_reading.h) and
// its rows matched to the template's rows (by 行次, label or order), subjects (by code) or
// economic subjects; amounts in the unit the page names.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.h"
#include "layout/outline_reading.h"
#include "layout/source_document.h"
#include "model/disclosure.h"
#include "model/template.h"

namespace juesuan {

// A row's amounts whose columns the print did not tell (its blank cells were left out): they
// are printed in this order, in some of `columns`.
struct WaitingAmounts {
    size_t row = 0;                    // in table.rows
    std::vector<std::string> columns;  // the amount columns of the row's block, left to right
    std::vector<Money> amounts;
    SourcePlace place;
};

struct ImportedTable {
    Table table;
    std::vector<SourcePlace> row_places;  // where each row of table.rows was printed
    std::string department_line, unit_line;  // as printed above the table ("部门：…", "金额单位：万元")
    std::vector<PrintedLine> department_lines;  // every 部门 line, on each page the table is continued
    std::vector<PrintedLine> heading_lines;     // the title and the lines above the grid, on each page
    AmountUnit unit = AmountUnit::Wan;
    int decimals = 2;  // the most decimals an amount printed
    std::vector<WaitingAmounts> waiting;
};

// Problems (a cell that is no amount, a row the template does not have, a header that differs)
// are warnings naming the file and line.
ImportedTable import_table(const SourceDocument& doc, const TableExtent& extent, const Template& tpl, Diagnostics& warnings);

// "金额单位：万元" / "单位：元": the unit a line names.
std::optional<AmountUnit> unit_of_line(const std::string& line);

}  // namespace juesuan
