// Published disclosures as departments attach them in Office formats, read into a SourceDocument:
// the tables as an .xlsx workbook (one sheet per table: the title and the 单位 line above a grid
// of cells with their merges, notes below) and the whole document as .docx (paragraphs with their
// heading levels, Word tables with gridSpan and vMerge as merged cells, layout tables read
// through). Places are the sheet and row of a workbook, the paragraph of a Word document.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "layout/source_document.h"

namespace juesuan {

SourceDocument read_xlsx_source(std::string_view bytes, const std::string& shown);
SourceDocument read_docx_source(std::string_view bytes, const std::string& shown);

}  // namespace juesuan
