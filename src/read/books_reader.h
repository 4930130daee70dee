// Reads a books folder (department.toml + CSV files, docs/input-format.md) into Facts.
#pragma once

#include <filesystem>
#include <string>

#include "core/diagnostics.h"
#include "model/books_schema.h"
#include "model/facts.h"
#include "read/csv_file.h"

namespace juesuan {

// Reads every file of the folder; collects all problems before giving up.
// Throws InputError carrying every error (and warning) found; on success the
// warnings are appended to `diags`.
Facts read_books_folder(const std::filesystem::path& dir, Diagnostics& diags);

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
