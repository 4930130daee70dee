// The whole document as a sequence of blocks in reading order — parts one to five with their
// headings, paragraphs, tables and charts — so the HTML and the PDF say the same thing in the
// same order and differ only in how they lay it out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "layout/printed_table.h"

namespace juesuan {

struct DocBlock {
    enum class Kind { Title, Heading, Paragraph, Table, Chart };
    Kind kind = Kind::Paragraph;
    int level = 0;       // Heading: 1 part, 2 section or report, 3 heading inside a section
    std::string text;    // Title, Heading, plain Paragraph
    std::string anchor;  // id of a heading or table (docs/publishing.md, 锚点)
    bool new_page = false;    // printed from the top of a page
    bool caption = false;     // a figure caption (图1：…)
    const Paragraph* paragraph = nullptr;  // a paragraph of 情况说明 or a report, with its claims
    std::optional<PrintedTable> table;
    const Chart* chart = nullptr;
    std::string chart_id;  // unique per chart: fig1 …
    bool in_toc = false;  // listed in the table of contents
};

std::vector<DocBlock> document_outline(const Disclosure& d);

}  // namespace juesuan
