// Facts → a books folder (department.toml + CSV files), for `juesuan init`
// (an empty, commented template) and `juesuan sample`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "model/facts.h"

namespace juesuan {

// File name → content. Amounts are written exactly in the department's unit.
std::map<std::string, std::string> write_books(const Facts& facts);
// The CSV files of the books as rows of text (the header first), by file name: what write_books
// writes as CSV and the books workbook writes as sheets.
std::map<std::string, std::vector<std::vector<std::string>>> books_rows(const Facts& facts);
// The books plus the department's own catalog.csv (subjects the catalog lacks) and
// glossary.csv (their definitions), as `juesuan sample` writes them.
std::map<std::string, std::string> write_books_with_supplements(const Facts& facts,
                                                                const std::vector<CatalogEntry>& extra_catalog);
// glossary.csv: a definition for every 项 the books use (the sample's synthetic subjects).
std::string write_glossary_csv(const Facts& facts);
// 填写说明.txt: every file and column of the books with what to write in it.
std::string books_guide();
// The catalog supplement a books folder may carry (catalog.csv).
std::string write_catalog_csv(const std::vector<CatalogEntry>& entries);

}  // namespace juesuan
