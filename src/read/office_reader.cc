#include "read/office_reader.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/text.h"
#include "layout/table_reading.h"
#include "read/ooxml_package.h"
#include "read/text_encoding.h"
#include "read/xlsx_file.h"

namespace juesuan {

namespace {

// Runs of white space (and the ideographic space) as one space, trimmed.
std::string squeeze(std::string_view s) { return trim(collapse_spaces(s)); }

// ---- .xlsx: a sheet per table

std::string cell_text(const XlsxCell& c) {
    if (c.type == XlsxType::Number) {
        std::string shown = excel_number_text(c.text);
        return shown.empty() ? c.text : shown;
    }
    return squeeze(c.text);
}

void read_sheet(const XlsxSheet& sheet, SourceDocument& doc) {
    const int width = sheet.max_col();
    if (sheet.rows.empty() || width == 0) return;
    const int last_row = std::max(sheet.rows.back().number, sheet.blank_rows.empty() ? 0 : sheet.blank_rows.back());
    auto bordered = [&](int r) { return std::binary_search(sheet.blank_rows.begin(), sheet.blank_rows.end(), r + 1); };
    // The sheet on a grid of texts, rows 1…last_row, and where merges start.
    std::vector<std::vector<std::string>> grid(static_cast<size_t>(last_row), std::vector<std::string>(static_cast<size_t>(width)));
    for (const auto& r : sheet.rows)
        for (const auto& c : r.cells)
            if (c.col <= width) grid[static_cast<size_t>(r.number - 1)][static_cast<size_t>(c.col - 1)] = cell_text(c);
    std::map<std::pair<int, int>, Merge> merge_at;  // by first row and column, 0-based
    for (const auto& m : sheet.merges) {
        if (m.first_row > last_row || m.first_col > width) continue;
        Merge g{m.first_row - 1, m.first_col - 1, std::min(m.last_row, last_row) - m.first_row + 1,
                std::min(m.last_col, width) - m.first_col + 1};
        merge_at[{g.row, g.col}] = g;
    }
    auto filled = [&](int r) {
        return std::any_of(grid[static_cast<size_t>(r)].begin(), grid[static_cast<size_t>(r)].end(),
                           [](const std::string& t) { return !t.empty(); });
    };
    auto in_merge = [&](int r, int c) {
        for (const auto& [at, m] : merge_at)
            if (r >= m.row && r < m.row + m.rowspan && c >= m.col && c < m.col + m.colspan) return true;
        return false;
    };
    // A row is a line of text above or below the table when one cell holds all it says (merged
    // across the sheet or not, but reaching no row below), or two unmerged cells at its ends
    // (编制单位：… at the left, 单位：万元 at the right); a row of header cells has more, or merges.
    auto is_line = [&](int r) {
        std::vector<int> cols;
        for (int c = 0; c < width; ++c)
            if (!grid[static_cast<size_t>(r)][static_cast<size_t>(c)].empty()) cols.push_back(c);
        if (cols.empty()) return !bordered(r);  // a blank row of the table has its cells' borders
        if (cols.size() == 1) {
            auto it = merge_at.find({r, cols[0]});
            return it == merge_at.end() ? !in_merge(r, cols[0]) : it->second.rowspan == 1;
        }
        return cols.size() == 2 && cols[0] == 0 && cols[1] >= width - std::max(1, width / 3) && !in_merge(r, cols[0]) &&
               !in_merge(r, cols[1]);
    };
    int first = 0, last = last_row - 1;
    while (first <= last && is_line(first)) ++first;
    while (last >= first && is_line(last)) --last;
    bool gap = true;  // each sheet begins a page
    auto line = [&](int r) {
        std::vector<std::string> parts;
        for (const auto& t : grid[static_cast<size_t>(r)])
            if (!t.empty()) parts.push_back(t);
        if (parts.empty()) {
            gap = true;
            return;
        }
        SourceItem it;
        it.text = fmt::format("{}", fmt::join(parts, "  "));
        it.place.line = r + 1;
        it.place.sheet = sheet.name;
        it.gap_before = gap;
        gap = false;
        doc.items.push_back(std::move(it));
    };
    for (int r = 0; r < first; ++r) line(r);
    if (first <= last) {
        SourceItem it;
        it.kind = SourceItem::Kind::Grid;
        it.gap_before = gap;
        gap = false;
        for (int r = first; r <= last; ++r) {
            if (!filled(r) && !bordered(r)) continue;  // a row of nothing, not even borders
            it.grid.rows.push_back(grid[static_cast<size_t>(r)]);
            SourcePlace p;
            p.line = r + 1;
            p.sheet = sheet.name;
            it.grid.places.push_back(p);
        }
        // Merges re-based on the grid's rows (blank rows left out).
        std::map<int, int> row_of;
        for (size_t i = 0; i < it.grid.places.size(); ++i) row_of[it.grid.places[i].line - 1] = static_cast<int>(i);
        for (const auto& [at, m] : merge_at) {
            auto top = row_of.find(m.row);
            if (top == row_of.end() || (m.rowspan == 1 && m.colspan == 1)) continue;
            auto bottom = row_of.upper_bound(m.row + m.rowspan - 1);
            const int span = (bottom == row_of.end() ? static_cast<int>(it.grid.rows.size()) : bottom->second) - top->second;
            it.grid.merges.push_back({top->second, m.col, std::max(span, 1), m.colspan});
        }
        it.place = it.grid.places.front();
        doc.items.push_back(std::move(it));
    }
    for (int r = std::max(first, last + 1); r < last_row; ++r) line(r);
}

// ---- .docx: paragraphs and Word tables

constexpr int kMaxDepth = 100;

class DocxWalker {
public:
    DocxWalker(const OoxmlPackage& pkg, SourceDocument& doc, std::map<std::string, int> heading_styles)
        : pkg_(pkg), doc_(doc), heading_styles_(std::move(heading_styles)) {}

    // The blocks of a body, a cell or a content control: paragraphs and tables, in order.
    void blocks(pugi::xml_node n, int depth) {
        if (depth > kMaxDepth) pkg_.fail(fmt::format("Word 文档嵌套过深（超过 {} 层）", kMaxDepth));
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = xml_local(c.name());
            if (name == "p") paragraph(c, depth);
            else if (name == "tbl") table(c, depth);
            else if (name == "sdt") blocks(xml_child(c, "sdtContent"), depth + 1);
            else if (name == "customXml" || name == "ins" || name == "smartTag") blocks(c, depth + 1);
        }
    }

private:
    // A paragraph's text; a line break inside it ends a line as in print.
    void paragraph(pugi::xml_node p, int depth) {
        std::vector<std::string> lines(1);
        bool page_break = false;
        runs(p, lines, page_break, depth);
        const int heading = heading_of(p);
        ++paragraph_;
        if (page_break) gap_ = true;
        bool any = false;
        for (auto& l : lines) {
            std::string t = squeeze(l);
            if (t.empty()) continue;
            any = true;
            SourceItem it;
            it.text = std::move(t);
            it.heading = heading;
            it.place.paragraph = paragraph_;
            it.gap_before = gap_;
            gap_ = false;
            doc_.items.push_back(std::move(it));
        }
        if (!any) gap_ = true;  // an empty paragraph parts what stands around it
    }

    void runs(pugi::xml_node n, std::vector<std::string>& lines, bool& page_break, int depth) {
        if (depth > kMaxDepth) pkg_.fail(fmt::format("Word 文档嵌套过深（超过 {} 层）", kMaxDepth));
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = xml_local(c.name());
            if (name == "t") {
                lines.back() += unescape_ooxml(c.text().get());
            } else if (name == "tab") {
                lines.back() += ' ';
            } else if (name == "br" || name == "cr") {
                const char* type = xml_attr(c, "type", true);
                if (type && std::string_view(type) == "page") page_break = true;
                lines.emplace_back();
            } else if (name == "noBreakHyphen") {
                lines.back() += '-';
            } else if (name == "del" || name == "delText" || name == "instrText" || name == "pPr" || name == "rPr" ||
                       name == "Fallback" || name == "footnoteReference" || name == "drawing" || name == "pict") {
                continue;  // deleted text, field codes, properties, pictures: nothing a reader sees as text
            } else {
                runs(c, lines, page_break, depth + 1);  // r, hyperlink, ins, smartTag, fldSimple, sdt …
            }
        }
    }

    int heading_of(pugi::xml_node p) const {
        pugi::xml_node ppr = xml_child(p, "pPr");
        if (const char* lvl = xml_attr(xml_child(ppr, "outlineLvl"), "val", true)) {
            const int n = std::atoi(lvl);
            if (n >= 0 && n < 9) return n + 1;
        }
        if (const char* style = xml_attr(xml_child(ppr, "pStyle"), "val", true))
            if (auto it = heading_styles_.find(style); it != heading_styles_.end()) return it->second;
        return 0;
    }

    // A cell's text: its paragraphs run together as the cell shows them.
    std::string cell_text(pugi::xml_node tc, int depth) {
        std::string out;
        std::vector<std::string> lines(1);
        bool page_break = false;
        for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || xml_local(c.name()) == "tcPr") continue;
            lines.assign(1, "");
            runs(c, lines, page_break, depth + 1);
            for (const auto& l : lines) out += l + ' ';
        }
        return squeeze(out);
    }

    static bool has_table_inside(pugi::xml_node tbl) {
        for (pugi::xml_node tr : tbl.children())
            if (xml_local(tr.name()) == "tr")
                for (pugi::xml_node tc : tr.children())
                    if (xml_local(tc.name()) == "tc" && xml_child(tc, "tbl")) return true;
        return false;
    }

    void table(pugi::xml_node tbl, int depth) {
        // A table that holds tables lays out the page: its cells are read as blocks.
        if (has_table_inside(tbl)) {
            for (pugi::xml_node tr : tbl.children())
                if (xml_local(tr.name()) == "tr")
                    for (pugi::xml_node tc : tr.children())
                        if (xml_local(tc.name()) == "tc") blocks(tc, depth + 1);
            return;
        }
        struct Cell {
            int col = 0, span = 1;
            std::string text;
            enum { None, Restart, Continue } vmerge = None;
        };
        std::vector<std::vector<Cell>> rows;
        std::vector<int> ordinals;
        for (pugi::xml_node tr : tbl.children()) {
            if (xml_local(tr.name()) != "tr") continue;
            std::vector<Cell> row;
            int col = 0;
            if (const char* before = xml_attr(xml_child(xml_child(tr, "trPr"), "gridBefore"), "val", true))
                col = std::clamp(std::atoi(before), 0, 1000);
            // Grid columns skipped before the first cell stand as empty cells, so later cells keep their columns.
            for (int k = 0; k < col; ++k) row.push_back({k, 1, "", Cell::None});
            for (pugi::xml_node tc : tr.children()) {
                if (xml_local(tc.name()) != "tc") continue;
                pugi::xml_node pr = xml_child(tc, "tcPr");
                Cell cell;
                cell.col = col;
                if (const char* span = xml_attr(xml_child(pr, "gridSpan"), "val", true)) cell.span = std::clamp(std::atoi(span), 1, 1000);
                if (pugi::xml_node vm = xml_child(pr, "vMerge")) {
                    const char* val = xml_attr(vm, "val", true);
                    cell.vmerge = val && std::string_view(val) == "restart" ? Cell::Restart : Cell::Continue;
                }
                cell.text = cell_text(tc, depth);
                col += cell.span;
                row.push_back(std::move(cell));
            }
            rows.push_back(std::move(row));
            ordinals.push_back(++paragraph_);
        }
        if (rows.empty()) return;
        // vMerge: a restarted cell spans down over the continuing cells beneath it.
        std::vector<std::vector<SpannedCell>> spanned(rows.size());
        for (size_t r = 0; r < rows.size(); ++r)
            for (const Cell& c : rows[r]) {
                if (c.vmerge == Cell::Continue && r > 0) continue;
                int down = 1;
                if (c.vmerge == Cell::Restart)
                    for (size_t k = r + 1; k < rows.size(); ++k) {
                        auto it = std::find_if(rows[k].begin(), rows[k].end(), [&](const Cell& o) { return o.col == c.col; });
                        if (it == rows[k].end() || it->vmerge != Cell::Continue) break;
                        ++down;
                    }
                spanned[r].push_back({c.text, down, c.span});
            }
        PlacedGrid g = place_spans(spanned);
        SourceItem it;
        it.kind = SourceItem::Kind::Grid;
        it.grid.rows = std::move(g.cells);
        it.grid.merges = std::move(g.merges);
        for (int o : ordinals) {
            SourcePlace p;
            p.paragraph = o;
            it.grid.places.push_back(p);
        }
        it.place = it.grid.places.front();
        it.gap_before = gap_;
        gap_ = false;
        doc_.items.push_back(std::move(it));
    }

    const OoxmlPackage& pkg_;
    SourceDocument& doc_;
    std::map<std::string, int> heading_styles_;
    int paragraph_ = 0;
    bool gap_ = true;
};

// Heading levels by style id, from styles.xml: a style named "heading N" (Word's built-in names,
// whatever the display language) or with an outline level.
std::map<std::string, int> heading_styles(const OoxmlPackage& pkg, const std::string& main) {
    std::map<std::string, int> out;
    std::string part;
    for (const auto& [id, rel] : pkg.relationships(main))
        if (ooxml_type_is(rel.type, "/styles")) part = rel.target;
    if (part.empty() || !pkg.has(part)) return out;
    pugi::xml_document doc;
    pkg.parse(part, doc);
    xml_each_child(doc.document_element(), "style", [&](pugi::xml_node s) {
        const char* id = xml_attr(s, "styleId", true);
        if (!id) return;
        if (const char* lvl = xml_attr(xml_child(xml_child(s, "pPr"), "outlineLvl"), "val", true)) {
            const int n = std::atoi(lvl);
            if (n >= 0 && n < 9) out[id] = n + 1;
        }
        if (const char* name = xml_attr(xml_child(s, "name"), "val", true)) {
            const std::string n = to_lower_ascii(name);
            if (n.starts_with("heading ") && n.size() == 9 && n[8] >= '1' && n[8] <= '9') out[id] = n[8] - '0';
            if (n == "title") out[id] = 1;
        }
    });
    return out;
}

}  // namespace

SourceDocument read_xlsx_source(std::string_view bytes, const std::string& shown) {
    XlsxWorkbook wb = read_xlsx_bytes(bytes, shown);
    SourceDocument doc;
    doc.file = shown;
    for (const auto& s : wb.sheets) read_sheet(s, doc);
    return doc;
}

SourceDocument read_docx_source(std::string_view bytes, const std::string& shown) {
    const OoxmlPackage pkg = OoxmlPackage::open_bytes(
        bytes, shown, "Word 文档",
        "不是 Word 文档（.docx）：文件不是 zip 压缩包，可能已损坏，或是旧的 .doc 格式（请在 Word 中另存为 .docx）");
    const std::string main = pkg.main_part("word/document.xml");
    if (!pkg.has(main)) pkg.fail("不是 Word 文档（.docx）：缺少 word/document.xml");
    pugi::xml_document xml;
    pkg.parse(main, xml);
    pugi::xml_node body = xml_child(xml.document_element(), "body");
    if (xml_local(xml.document_element().name()) != "document" || !body) pkg.fail(fmt::format("{} 不是 Word 文档的正文部件", main));
    SourceDocument doc;
    doc.file = shown;
    DocxWalker w(pkg, doc, heading_styles(pkg, main));
    w.blocks(body, 0);
    // XML character references can name what UTF-8 cannot hold (a lone surrogate): every text is checked.
    auto bad = [](const std::string& t) { return !is_valid_utf8(t); };
    for (const auto& it : doc.items)
        if (bad(it.text) || std::any_of(it.grid.rows.begin(), it.grid.rows.end(),
                                        [&](const auto& row) { return std::any_of(row.begin(), row.end(), bad); }))
            throw InputError(location_of(shown, it.place), "Word 文档中有不是 UTF-8 的文字");
    return doc;
}

}  // namespace juesuan
