// Reading .xlsx workbooks (Office Open XML spreadsheets) with libzip and pugixml: sheet names in
// workbook order, every cell with its type and its stored text, merged ranges, and dates.
// A number keeps the exact text stored in the file ("1411.64", "1411.6399999999999", "1E-3"),
// so that amounts are read from decimal text and never pass through a double.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace juesuan {

enum class XlsxType {
    Number,   // text: the stored value, e.g. "1411.64"
    Text,     // shared, inline or formula string
    Boolean,  // text: "TRUE" / "FALSE"
    Error,    // text: "#DIV/0!", "#N/A" …
    Date,     // a number styled as a date or time: "2023-12-31", "2023-12-31 08:30:00", "08:30:00"
};

struct XlsxCell {
    int row = 0, col = 0;  // 1-based
    XlsxType type = XlsxType::Text;
    std::string text;
    std::string formula;  // the <f> text without "=", when the cell holds a formula
    bool has_value = true;  // false for a formula whose result was never saved (written by a program)
    std::string ref() const { return cell_name(row, col); }
};

struct XlsxRow {
    int number = 0;               // 1-based
    std::vector<XlsxCell> cells;  // by column, no two in the same column
};

struct XlsxRange {
    int first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 1-based, inclusive
};

struct XlsxSheet {
    std::string name;
    std::string part;            // the sheet's part in the package: "xl/worksheets/sheet1.xml"
    std::vector<XlsxRow> rows;   // by row number, rows without cells left out
    std::vector<XlsxRange> merges;
    std::vector<int> blank_rows;  // rows with cells that are styled (bordered) but hold no value, ascending
    const XlsxCell* cell(int row, int col) const;
    int max_col() const;
};

struct XlsxWorkbook {
    std::string file;  // as named in messages
    std::vector<XlsxSheet> sheets;  // in workbook order (worksheets only; chart sheets are left out)
    const XlsxSheet* sheet(std::string_view name) const;
};

// Reads a whole workbook. Anything that is not a readable workbook (not a zip, no workbook part,
// malformed XML, a sheet whose part is missing, a bad cell reference, a file over 64 MB, a part over
// 200 MB or all parts over 256 MB unpacked, more than two million cells or a million shared strings,
// a text that is not UTF-8 or is over 64 KB) throws InputError naming the file and, where known,
// the sheet and cell.
XlsxWorkbook read_xlsx(const std::filesystem::path& path);
XlsxWorkbook read_xlsx(const std::filesystem::path& path, const std::string& shown_name);
// The names of a workbook's sheets, in order, reading no sheet.
std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path);
// The same from the bytes of a file.
XlsxWorkbook read_xlsx_bytes(std::string_view bytes, const std::string& shown_name);

// A number cell's stored text as Excel shows it: at most 15 significant digits, no exponent
// ("1411.6399999999999" → "1411.64", "1.5E-3" → "0.0015"). Empty for text that is no number.
std::string excel_number_text(std::string_view stored);

// The stored number on the grid of `decimals` places ("1411.6399999999999", 2 → "1411.64") when
// it lies within binary floating-point noise of a grid point: a millionth of the grid step, or
// 1e-15 of the value, whichever is larger. nullopt when it is off the grid (1411.645 with 2
// places) or is no number: the caller reports it.
std::optional<std::string> number_on_grid(std::string_view stored, int decimals);

}  // namespace juesuan
