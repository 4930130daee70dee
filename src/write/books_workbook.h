// Facts → the books as one workbook (.xlsx, docs/input-format.md): a sheet per CSV file of the
// books folder, 部门 for department.toml, 报告 for reports.toml, and the optional 名词解释 and
// 科目补充. read_books_workbook reads it back to the same Facts.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "model/facts.h"

namespace juesuan {

// The workbook's bytes. Amounts are number cells holding the exact amount in the department's
// unit (at most 6 decimals of 万元 or 2 of 元: few enough digits that the double Excel keeps
// reads back to the same 分); codes and texts are text cells. Every header has its 说明 as a comment.
std::string write_books_xlsx(const Facts& facts, const std::vector<CatalogEntry>& extra_catalog = {},
                             const std::map<std::string, std::string>& glossary = {});

// The empty template of `juesuan init --xlsx`: every sheet with its headers and comments.
std::string books_template_xlsx();

// `juesuan init --xlsx FILE`: writes the template atomically; an existing file is only replaced
// with `force`. Throws std::runtime_error (in Chinese) otherwise.
void write_books_template(const std::filesystem::path& file, bool force);

}  // namespace juesuan
