// Disclosure: the published document as data. Building fills it from Facts;
// importing fills it from a document. Checks and writers work on it alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "model/narrative.h"
#include "model/performance.h"
#include "model/template.h"

namespace juesuan {

enum class RowRole { Item, Subtotal, Total, Blank };
std::string_view role_name(RowRole r);  // item / subtotal / total / blank

struct Column {
    std::string key;
    std::string label;
    std::string side;   // empty for one-sided tables
    std::string group;  // printed spanning header(s) above the label, "/"-separated
};

struct Row {
    std::optional<int> line;          // 行次, when printed
    std::optional<std::string> code;  // subject code as printed
    std::string label;                // as printed
    std::string side;                 // income / expenditure / personnel / public, or empty
    std::string subject;              // the subject the row is about, printed or not ("201" for 一、一般公共服务支出)
    RowRole role = RowRole::Item;
    int block = 0;  // printed column block (sides print side by side)
    bool value_at_end = false;  // the amount is printed in the last column of the table
    std::map<std::string, std::optional<Money>> values;  // column key → amount; nullopt = blank cell
};

struct Block {
    std::string key;
    std::vector<std::string> cells;  // "label", "line", "code", or a column key
};

struct Table {
    std::string id;
    std::string number;
    std::string title;
    TableKind kind = TableKind::Fixed;
    std::vector<std::vector<std::string>> header;
    std::vector<Block> blocks;
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::string note;
    bool has_data = false;

    const Column* column(const std::string& key) const;
    const Row* row_by_line(int line) const;
    const Row* row_by_code(const std::string& code, const std::string& side = {}) const;
};

struct PartOne {
    std::vector<std::string> duties;
    std::string composition;
    std::vector<std::string> units;
};

struct Disclosure {
    std::string schema = "juesuan.disclosure/1";
    std::string department;
    int year = 0;
    std::string unit = "万元";
    std::string template_id;
    // The resolution of the amounts, in 分: 1 when they come exact from the books;
    // 10000 when they were read from a document printed in 万元 with two decimals.
    // Checks allow the rounding this resolution can produce, and nothing more.
    std::int64_t precision_fen = 1;
    std::string department_line;  // "部门：…" as printed above each table
    std::string unit_line;        // "金额单位：万元"
    PartOne part_one;
    std::map<std::string, std::string> texts;  // document headings, rendered from the template
    std::vector<Table> tables;
    Performance performance;
    // Figures the narrative compares with that no table prints: 上年决算数 (prev.*), 年初预算数
    // (budget.*), 政府采购 (procurement.*), counts (count.*). Money in 分, counts plain.
    std::map<std::string, std::int64_t> references;
    Narrative narrative;

    const Table* table(const std::string& id) const;
    const ProjectEvaluation* project(const std::string& name) const;
};

}  // namespace juesuan
