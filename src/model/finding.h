// A finding of a check: which rule, how serious, where, and the numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace juesuan {

enum class FindingSeverity { Error, Warning, Info };
std::string_view severity_key(FindingSeverity s);    // error / warning / info
std::string_view severity_label(FindingSeverity s);  // 错误 / 警告 / 提示

struct FindingLocation {
    std::string table;          // "03"
    std::optional<int> line;    // 行次
    std::string code;           // subject code
    std::string label;          // the row's printed label
    std::string column;         // column key
    std::string column_label;   // printed column header
    std::string section;        // narrative section (later issues)
    std::string quote;          // quoted text (later issues)
    std::optional<int> page;    // page of an imported document
    std::optional<int> text_line;  // line of an imported text file; row of a workbook sheet
    std::optional<int> paragraph;  // paragraph of an imported Word document
    std::string sheet;             // sheet of an imported workbook
    std::string file;              // the file, of a document imported from several
    bool operator==(const FindingLocation&) const = default;
};

struct Finding {
    std::string rule;
    FindingSeverity severity = FindingSeverity::Error;
    std::string category;  // arithmetic, cross-table, catalog, completeness, narrative, performance
    std::string message;   // Chinese
    FindingLocation location;
    std::optional<Money> expected, actual, difference;
    // For what is not an amount (a percentage, a score, a word): the printed values.
    std::string expected_text, actual_text, difference_text;
    std::vector<std::string> related;  // related rule ids
    bool operator==(const Finding&) const = default;
};

}  // namespace juesuan
