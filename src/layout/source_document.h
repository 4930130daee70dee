// A published document as its reader sees it, before it is understood: text lines and grids
// (tables whose cells the format delimits), in reading order, each with its page and line.
// The text, HTML and PDF readers each produce one; the outline, the tables and the prose are
// then read from it the same way whatever the format was.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "layout/printed_table.h"
#include "model/disclosure.h"

namespace juesuan {

struct SourceGrid {
    std::vector<std::vector<std::string>> rows;  // cell texts; a cell covered by a merge is ""
    std::vector<Merge> merges;                   // when the format says (HTML, Word, PDF rulings)
    std::vector<SourcePlace> places;             // one per row
    bool operator==(const SourceGrid&) const = default;
};

struct SourceItem {
    enum class Kind { Line, Grid };
    Kind kind = Kind::Line;
    std::string text;  // Line: its text with the format's markup removed, trimmed
    int heading = 0;   // Line: the heading level the markup gives (Markdown #, HTML <h1>), else 0
    SourceGrid grid;   // Grid
    SourcePlace place;
    bool gap_before = false;  // a blank line (or a page break) stands before it: a paragraph begins
    bool operator==(const SourceItem&) const = default;
};

struct SourceDocument {
    std::string file;  // as the user named it
    std::vector<SourceItem> items;
};

// The place as diagnostics name it: the file, and the line or page.
Location location_of(const std::string& file, SourcePlace place);

// "第 3、5 行" for the lines of a text, "第 12、13 页" for the pages of a PDF; at most ten, then "等".
std::string places_text(const std::vector<SourcePlace>& places);

}  // namespace juesuan
