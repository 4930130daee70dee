// Published disclosures as HTML (libgumbo) read into a SourceDocument: every <table> with its
// rowspan and colspan as a grid, the text of the blocks around them (p, div, li, h1–h6, br) as
// lines, with their source lines — as government sites publish them (Word's exported markup:
// <p><span> inside cells, &nbsp;, layout tables holding the real ones, several tables a page)
// and as juesuan writes them.
#pragma once

#include <string>
#include <string_view>

#include "layout/source_document.h"

namespace juesuan {

// Throws InputError naming the file unless the page is UTF-8, or when it nests deeper than any
// page does.
SourceDocument read_html_source(std::string_view content, const std::string& shown);

}  // namespace juesuan
