// Reads the books (docs/input-format.md) into Facts: a folder (department.toml + CSV files) or
// the same books as one workbook (.xlsx, a sheet per file).
#pragma once

#include <filesystem>
#include <string>

#include "core/diagnostics.h"
#include "model/books_schema.h"
#include "model/facts.h"
#include "core/catalog.h"
#include "read/csv_file.h"
#include "read/xlsx_file.h"

namespace juesuan {

// Reads every file of the folder; collects all problems before giving up.
// Throws InputError carrying every error (and warning) found; on success the
// warnings are appended to `diags`.
Facts read_books_folder(const std::filesystem::path& dir, Diagnostics& diags);

// What a books workbook may carry besides the books: its 科目补充 and 名词解释 sheets.
struct BooksSupplements {
    std::optional<CsvFile> catalog;               // 科目补充: the columns of catalog.csv (docs/catalog.md)
    std::map<std::string, std::string> glossary;  // 名词解释: 科目编码 → 解释
};

// Reads a books workbook: the sheets of books_schema.h (收入, 支出 …), 部门 for department.toml
// and 报告 for reports.toml. Every problem names the sheet and cell ("收入!C12"); throws
// InputError like read_books_folder. Amounts in number cells are read from the stored decimal
// text, put back on the unit's grid when binary floating point moved them off it.
Facts read_books_workbook(const std::filesystem::path& file, Diagnostics& diags,
                          BooksSupplements* supplements = nullptr);
// Whether a books path names a workbook (.xlsx) rather than a folder.
bool is_books_workbook(const std::filesystem::path& books);

// The rows of a sheet as CSV records (a record's line is the row). Number cells keep their stored
// text and are marked numeric when `stored_numbers`, else they read as Excel shows them.
// Error values and formulas without a saved result are reported.
CsvFile sheet_rows(const XlsxSheet& sheet, const std::string& file, bool stored_numbers, Diagnostics& diags);

// One parsed CSV row of a books file, by field key.
struct BookCell {
    std::string text;  // trimmed
    int column = 0;    // 1-based, 0 when the column is absent
    std::optional<Money> amount;
    std::string choice;
    std::optional<bool> flag;
    std::optional<Decimal> number;
    bool invalid = false;  // reported already; the row is skipped
};

struct BookRow {
    int line = 0;
    std::map<std::string, BookCell> cells;
    const BookCell& operator[](const std::string& key) const;
};

// Parses a CSV of the given schema: maps headers (Chinese or English) to fields,
// parses every cell by its kind. Problems go to diags with file, line and column.
std::vector<BookRow> read_book_rows(const CsvFile& csv, const FileDef& def, AmountUnit unit, Diagnostics& diags);

}  // namespace juesuan
