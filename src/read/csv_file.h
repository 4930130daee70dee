// Reading CSV files (RFC 4180, via libcsv) with the line of every record, so that
// errors can name the place. UTF-8 (with or without BOM) and GB18030 (as Excel on
// Chinese Windows saves "CSV") are accepted.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace juesuan {

struct CsvRecord {
    int line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
    // Rows of a workbook sheet only: which fields are number cells, whose text is the value
    // stored in the file ("1411.6399999999999") rather than typed text.
    std::vector<bool> numeric;
    bool blank() const;
};

struct CsvFile {
    std::string name;  // as shown in messages
    std::vector<CsvRecord> records;
    bool from_gb18030 = false;
    std::string sheet;  // rows of this workbook sheet: a line is a row, places are cells (收入!C12)
};

// Reads a whole file; throws InputError (file cannot be read, bad encoding,
// malformed quoting) naming the file and line.
CsvFile read_csv_file(const std::filesystem::path& path, const std::string& shown_name);
CsvFile parse_csv(std::string_view content, const std::string& shown_name);

// Reads a whole file into memory; throws InputError naming the file when it cannot.
std::string read_text_file(const std::filesystem::path& path, const std::string& shown_name);
// Converts GB18030 to UTF-8; false when the bytes are not GB18030 either.
bool gb18030_to_utf8(std::string_view in, std::string& out);

}  // namespace juesuan
