// The golden comparison of built tables against the seed, cell by cell.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include "model/disclosure.h"

namespace juesuan::test {

using CellKey = std::tuple<std::string, std::string, std::string>;  // table, row, column
using Cells = std::map<CellKey, std::string>;                        // → printed text

// tests/golden/tianqiao-2023-tables.tsv
Cells load_golden(const std::filesystem::path& tsv);
// The seed's tables (tests/golden/tianqiao-2023-tables.tsv), loaded once.
const Cells& seed_golden();
// The printed cells of a Disclosure, keyed as in the golden file.
Cells printed_cells(const Disclosure& d);
// Human-readable differences (empty when equal).
std::string diff_cells(const Cells& expected, const Cells& actual, size_t limit = 20);

}  // namespace juesuan::test
