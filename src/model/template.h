// A publication template: titles, column sets, 行次, notes and how each cell is derived.
// Differences between provinces and years are template data, never code branches.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/form.h"
#include "model/performance.h"

namespace juesuan {

enum class TableKind {
    Fixed,           // fixed rows with 行次, possibly two sides printed side by side (01, 04, 09)
    SubjectTree,     // one row per 功能分类 类/款/项 that carries an amount, plus 合计 (02, 03, 05, 07, 08)
    EconomicDetail,  // fixed list of 经济分类 subjects in printed blocks (06)
};

struct ColumnSpec {
    std::string key;    // stable key used in JSON and rules ("total", "fiscal", …)
    std::string label;  // printed header text
    std::string side;   // for two-sided tables: which side the column belongs to
    std::string expr;   // SubjectTree: how the column is derived (docs/templates.md)
    std::string group;  // printed spanning header(s) above the label, "/"-separated
    bool operator==(const ColumnSpec&) const = default;
};

struct RowSpec {
    std::optional<int> line;  // 行次
    std::string label;
    std::string role = "item";  // item, total, blank
    std::map<std::string, std::string> values;  // column key → expression
    // "classes": expands into one row per class of the template's class list, with
    // consecutive 行次 from `line`, label and expressions taking {n} {name} {code}.
    std::string generate;
    int through = 0;  // for blank rows: lines line..through
    bool operator==(const RowSpec&) const = default;
};

struct SideSpec {
    std::string key;                 // "income", "expenditure", "main", a block name …
    std::vector<std::string> cells;  // printed cells: "label", "line", "code", or a column key
    std::vector<RowSpec> rows;
    // EconomicDetail: the group (personnel/public) and the economic codes printed in this block.
    std::string group;
    std::vector<std::string> codes;
    bool operator==(const SideSpec&) const = default;
};

struct TableSpec {
    std::string id;      // "01" … "09": the kind of table in the seed's numbering
    std::string number;  // as printed: "公开 01 表"
    std::string title;
    TableKind kind = TableKind::Fixed;
    std::string note;        // printed under the table when it has data
    std::string empty_note;  // printed instead when the table has no data
    std::vector<std::vector<std::string>> header;  // printed header rows
    std::vector<ColumnSpec> columns;
    std::vector<SideSpec> sides;
    std::string total_label = "合计";      // SubjectTree
    std::string total_position = "top";    // SubjectTree: "top" or "bottom"
    int filler_rows = 0;                   // blank rows printed when the table has no data
    bool total_when_empty = true;          // SubjectTree: print the blank 合计 row when there is no data
    bool lines_printed = true;             // Fixed: 行次 are printed (else they only serve expressions)
    std::vector<std::pair<std::string, std::string>> footers;  // EconomicDetail: (group, "人员经费合计") in order
    std::map<std::string, std::string> subject_names;  // EconomicDetail: printed names of the listed codes
    bool operator==(const TableSpec&) const = default;
};

struct ClassSpec {
    std::string code;
    std::string name;
    bool operator==(const ClassSpec&) const = default;
};

struct Template {
    std::string id;
    std::string name;
    std::string origin;  // file it was read from
    bool zero_blank = true;  // a zero amount prints as a blank cell (else "0.00")
    std::string department_line = "部门：{department}";
    std::string unit_line = "金额单位：万元";
    std::vector<ClassSpec> classes;  // the 功能分类 类 printed in fixed tables, in order
    std::map<std::string, std::string> groups;  // economic 类 code → personnel/public
    std::map<std::string, std::string> texts;  // headings: title, part_one, units_intro … with {department} {year}
    std::vector<TableSpec> tables;   // in printed order
    ScoringMethod scoring;
    std::vector<Form> forms;  // part five's forms (data/forms/<forms>.toml, default self-evaluation)
    const TableSpec* find(const std::string& id) const {
        for (const auto& t : tables)
            if (t.id == id) return &t;
        return nullptr;
    }
    bool operator==(const Template&) const = default;
};

}  // namespace juesuan
