// Published disclosures as plain text or Markdown, read into a SourceDocument: the seed's own
// form (pipe tables, a table split into parts that repeat its header), juesuan's Markdown, and
// the per-page text layers extracted from PDFs ("=== PDF page N ===", columns separated by
// single spaces).
#pragma once

#include <string>
#include <string_view>

#include "layout/source_document.h"

namespace juesuan {

// Every line keeps its line number (and page, where the text marks pages). Throws InputError
// naming the file unless the text is UTF-8 (GBK and UTF-16 are named).
SourceDocument read_text_source(std::string_view content, const std::string& shown);

// The cells of a Markdown pipe-table line ("| a | b\\|c |" → a, b|c); trimmed.
std::vector<std::string> pipe_cells(std::string_view line);

}  // namespace juesuan
