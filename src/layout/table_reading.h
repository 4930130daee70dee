// The printed layout read backwards, for the readers of published documents: header cells with
// row and column spans back to the template's header form, and a table's body lines back to its
// rows (print_table's inverse). Writers and readers share one layout this way.
#pragma once

#include <string>
#include <vector>

#include "core/money.h"
#include "layout/printed_table.h"
#include "model/disclosure.h"

namespace juesuan {

// A cell as HTML, Word and the ruling lines of a PDF give it: text spanning rows and columns;
// positions a span covers have no cell of their own.
struct SpannedCell {
    std::string text;
    int rowspan = 1, colspan = 1;
    bool operator==(const SpannedCell&) const = default;
};

// The rows of a grid of texts and merges as spanned cells (covered positions left out).
std::vector<std::vector<SpannedCell>> spanned_rows(const std::vector<std::vector<std::string>>& grid,
                                                   const std::vector<Merge>& merges);

// Spanned cells put back on a grid: each covered position is "" (the template's header form,
// docs/templates.md), and the merges they make. Spans that overrun or overlap are cut to fit.
struct PlacedGrid {
    std::vector<std::vector<std::string>> cells;
    std::vector<Merge> merges;
};
PlacedGrid place_spans(const std::vector<std::vector<SpannedCell>>& rows);

// A cell of a body that could not be read as its column says.
struct GridProblem {
    int line = 0, cell = 0;  // 0-based body line and grid column
    std::string message;     // Chinese
};

// The rows a table's body lines print, by the table's blocks (its layout; the rows of `layout`
// are not used): each block's cells of a line that hold anything make one row of that block,
// with its 行次, code, label and amounts in `unit`. Blank amount cells read as blank (nullopt). A
// label whose amount is printed in the table's last column (value_at_end) gets it back.
// `body_lines`, when given, receives each row's body line.
std::vector<Row> rows_from_body(const Table& layout, const std::vector<std::vector<std::string>>& body, AmountUnit unit,
                                std::vector<GridProblem>& problems, std::vector<size_t>* body_lines = nullptr);

}  // namespace juesuan
