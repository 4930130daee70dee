// The document outline read backwards (document_outline's inverse, for the readers of published
// documents): where the contents, the five parts and the template's tables stand among the
// lines and grids a reader found, whatever the format.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "layout/source_document.h"
#include "model/template.h"

namespace juesuan {

// Items [begin, end) of the SourceDocument.
struct ItemRange {
    size_t begin = 0, end = 0;
    bool empty() const { return begin >= end; }
    bool contains(size_t i) const { return i >= begin && i < end; }
};

struct TableExtent {
    const TableSpec* spec = nullptr;
    std::vector<ItemRange> ranges;  // from its title to the next title or part; more than one when continued (续表)
};

struct ReadOutline {
    ItemRange contents;             // 目录, when printed
    std::array<size_t, 5> heading{};  // item of 第一部分 … 第五部分 (meaningful when the part is found)
    std::array<ItemRange, 5> parts;   // from the heading to the next part (empty: not found)
    std::vector<TableExtent> tables;  // in printed order
};

// 1 … 5 when the line opens a part (第一部分 …, its title on the same or the next line), else 0.
int part_number(const std::string& line);

// The spec a table title names, the longest title the line ends with ("2023年度收入支出决算总表",
// "收入决算表（续）"); nullptr when none. `continued` tells a 续表.
const TableSpec* title_spec(const Template& tpl, const std::string& line, bool* continued = nullptr);

ReadOutline read_outline(const SourceDocument& doc, const Template& tpl);

// How well a document fits a template: tables found by title, and their printed numbers (公开01表).
int layout_score(const SourceDocument& doc, const Template& tpl);

}  // namespace juesuan
