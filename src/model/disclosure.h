// Disclosure: the published document as data. Building fills it from Facts;
// importing fills it from a document. Checks and writers work on it alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "model/form.h"
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
    // How an item row's cell adds up from other cells of its row ("fiscal + superior + business"),
    // when the template defines it so (subject tables); the XLSX prints it as a formula.
    std::string formula;
    bool operator==(const Column&) const = default;
};

struct Row {
    std::optional<int> line;          // 行次 (printed unless the table says otherwise)
    std::optional<std::string> code;  // subject code as printed
    std::string label;                // as printed
    std::string side;                 // income / expenditure / personnel / public, or empty
    std::string subject;              // the subject the row is about, printed or not ("201" for 一、一般公共服务支出)
    RowRole role = RowRole::Item;
    int block = 0;  // printed column block (sides print side by side)
    bool value_at_end = false;  // the amount is printed in the last column of the table
    std::map<std::string, std::optional<Money>> values;  // column key → amount; nullopt = blank cell
    // Column key → how the cell adds up from cells of its table ("L27 + L28 + L29", "sum(L1:L8)",
    // "gpb + gf + soc"), when the template defines it so (fixed tables).
    std::map<std::string, std::string> formulas;
    bool operator==(const Row&) const = default;
};

struct Block {
    std::string key;
    std::vector<std::string> cells;  // "label", "line", "code", or a column key
    bool operator==(const Block&) const = default;
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
    // False when the template numbers its rows (formulas and rules refer to 行次) but does not
    // print the numbers: readers then assign them from the template's rows.
    bool lines_printed = true;
    // Printed rows an importer could not read (blank cells left out, amounts that fit no column):
    // rules over the table say they cannot be checked instead of reporting what is missing.
    int unread = 0;

    bool operator==(const Table&) const = default;
    const Column* column(const std::string& key) const;
    const Row* row_by_line(int line) const;
    // The row's 行次 where the table prints it.
    std::optional<int> printed_line(const Row& r) const { return lines_printed ? r.line : std::nullopt; }
    const Row* row_by_code(const std::string& code, const std::string& side = {}) const;
};

struct PartOne {
    std::vector<std::string> duties;
    std::string composition;
    std::vector<std::string> units;
    bool operator==(const PartOne&) const = default;
};

// Figures the narrative compares with that no table prints: 上年决算数 (prev.*), 年初预算数
// (budget.*), 政府采购 (procurement.*), “三公” budget and actual (sangong.*), stated performance
// funds (performance.*); and the counts (persons, vehicles, batches) of 三公 and assets.
struct References {
    std::map<std::string, Money> amounts;
    std::map<std::string, std::int64_t> counts;  // by key without "count.": abroad_groups …
    bool operator==(const References&) const = default;
    // A figure as formulas name it: "prev.total" (分) or "count.abroad_groups" (a count).
    std::optional<std::int64_t> find(std::string_view name) const;
};

// Where something stands in a published file: page (of a PDF, or a text's page marks) and line
// (of a text file), 1-based; 0 when the format has none.
struct SourcePlace {
    int page = 0;          // a page of a PDF
    int line = 0;          // a line of a text, HTML source line, a row of a workbook sheet
    int paragraph = 0;     // a paragraph of a Word document (each table row counts as one)
    std::string sheet;     // the sheet of a workbook
    std::string file;      // the file, when the document was given as several (else its only file)
    bool operator==(const SourcePlace&) const = default;
};

struct FindingLocation;
// A finding placed where the document printed it: page, line, paragraph, sheet and file.
void place_finding_at(FindingLocation& l, const SourcePlace& p);

// A line of an imported document the structure checks read again: a heading (cover, part, table
// title, section), an entry of its contents, or a department's name as a heading printed it
// (`what` says where: "公开03表", "封面", "第一部分").
struct PrintedLine {
    std::string text;
    SourcePlace place;
    std::string what;
    bool found = true;  // an entry of the contents: a heading of the body prints it
    bool operator==(const PrintedLine&) const = default;
};

// An imported document's file and where it printed what the Disclosure holds, so that findings
// point at the page and line: cell anchors (t03-2010301-基本支出, docs/publishing.md), section
// ids (s一) and the part headings (part1 …) → place. Empty for a build from the books.
struct DocumentSource {
    std::string file;
    std::string reader;  // text, html, pdf …
    std::map<std::string, SourcePlace> places;
    std::vector<PrintedLine> headings;  // cover lines, part headings, table titles and header lines, section titles
    std::vector<PrintedLine> contents;  // the entries of 目录, when printed
    std::vector<PrintedLine> names;     // the department as each heading names it
    bool operator==(const DocumentSource&) const = default;
};

struct Disclosure {
    static constexpr const char* kSchema = "juesuan.disclosure/2";
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
    References references;
    Narrative narrative;
    std::vector<Form> forms;  // part five's forms, as the template lays them out
    DocumentSource source;    // an imported document's places

    bool operator==(const Disclosure&) const = default;

    const Table* table(const std::string& id) const;
    const ProjectEvaluation* project(const std::string& name) const;
    const Form* form(const std::string& key) const;
};

}  // namespace juesuan
