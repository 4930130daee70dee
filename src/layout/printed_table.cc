#include "layout/printed_table.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/ratio.h"
#include "core/score.h"
#include "core/text.h"

namespace juesuan {

const Merge* PrintedTable::merge_at(int r, int c) const {
    for (const auto& m : merges)
        if (m.row == r && m.col == c) return &m;
    return nullptr;
}

bool PrintedTable::covered(int r, int c) const {
    for (const auto& m : merges)
        if (r >= m.row && r < m.row + m.rowspan && c >= m.col && c < m.col + m.colspan && !(r == m.row && c == m.col))
            return true;
    return false;
}

std::string document_text(const Disclosure& d, const std::string& key, const std::string& fallback) {
    auto it = d.texts.find(key);
    return it == d.texts.end() ? fallback : it->second;
}

std::vector<Merge> header_merges(const std::vector<std::vector<std::string>>& header) {
    const int rows = static_cast<int>(header.size());
    int width = 0;
    for (const auto& r : header) width = std::max(width, static_cast<int>(r.size()));
    auto text = [&](int r, int c) -> std::string { return c < static_cast<int>(header[r].size()) ? header[r][c] : ""; };
    // owner[r][c]: the merge a grid cell belongs to (-1: a blank cell of its own)
    std::vector<std::vector<int>> owner(rows, std::vector<int>(width, -1));
    std::vector<Merge> merges;
    for (int r = 0; r < rows; ++r) {
        bool lanci = label_key(text(r, 0)) == "栏次";
        for (int c = 0; c < width; ++c) {
            if (!text(r, c).empty()) {
                owner[r][c] = static_cast<int>(merges.size());
                merges.push_back({r, c, 1, 1});
                continue;
            }
            // A blank continues the one-column cell above it (a header spanning rows) …
            if (!lanci && r > 0 && owner[r - 1][c] >= 0) {
                Merge& above = merges[owner[r - 1][c]];
                if (above.colspan == 1 && above.row + above.rowspan == r) {
                    ++above.rowspan;
                    owner[r][c] = owner[r - 1][c];
                    continue;
                }
            }
            // … else the cell to its left (a header spanning columns).
            if (c > 0 && owner[r][c - 1] >= 0) {
                Merge& left = merges[owner[r][c - 1]];
                if (left.row == r && left.rowspan == 1 && left.col + left.colspan == c) {
                    ++left.colspan;
                    owner[r][c] = owner[r][c - 1];
                }
            }
        }
    }
    std::erase_if(merges, [](const Merge& m) { return m.rowspan == 1 && m.colspan == 1; });
    return merges;
}

std::string table_anchor(const Table& t) { return "t" + t.id; }

std::string cell_anchor(const Table& t, const Row& r, const std::string& column) {
    const std::optional<int> line = t.printed_line(r);
    std::string row = r.code ? *r.code : line ? fmt::format("l{}", *line) : label_key(r.label);
    if (!r.side.empty() && !r.code && !line) row = r.side + "-" + row;
    const Column* c = t.column(column);
    std::string col = c ? label_key(c->label) : column;
    if (c && !c->side.empty() && t.blocks.size() > 1) col = c->side == "income" ? "收入" + col : "支出" + col;
    if (c && !c->group.empty() && col == "小计") col = label_key(c->group) + col;
    return fmt::format("t{}-{}-{}", t.id, row, col);
}

namespace {

PrintedCell row_cell(const Row& r, const std::string& cell, bool has_code_cell, bool lines_printed) {
    PrintedCell out;
    out.row = &r;
    out.column = cell;
    if (cell == "line") {
        out.text = lines_printed && r.line ? std::to_string(*r.line) : "";
    } else if (cell == "code") {
        out.text = r.code ? *r.code : r.role == RowRole::Blank ? "" : r.label;  // 合计 rows: label in the code column
    } else if (cell == "label") {
        out.text = !r.code && has_code_cell ? "" : r.label;
    } else {
        out.amount = true;
        auto it = r.values.find(cell);
        if (it != r.values.end() && it->second) {
            out.value = *it->second;
            out.text = format_wan(*it->second);
        }
    }
    return out;
}


void block_cells(const Table& t, const Block& block, const Row* r, std::vector<PrintedCell>& out) {
    bool has_code = std::find(block.cells.begin(), block.cells.end(), "code") != block.cells.end();
    for (const auto& cell : block.cells) {
        if (r) {
            out.push_back(row_cell(*r, cell, has_code, t.lines_printed));
        } else {
            PrintedCell blank;
            blank.column = cell;
            blank.amount = cell != "line" && cell != "code" && cell != "label";
            out.push_back(blank);
        }
    }
}

PrintedCell text_cell(std::string s) {
    PrintedCell c;
    c.text = std::move(s);
    return c;
}

PrintedCell number_cell(std::string s) {
    PrintedCell c = text_cell(std::move(s));
    c.amount = true;
    return c;
}

std::vector<PrintedCell> text_row(const std::vector<std::string>& texts) {
    std::vector<PrintedCell> out;
    for (const auto& t : texts) out.push_back(text_cell(t));
    return out;
}

std::string indicator_value(const std::string& op, const std::string& v, const std::string& unit, bool with_op) {
    if (op == "定性") return v;
    return (with_op && op != "=" ? op : (with_op ? "=" : "")) + v + unit;
}

}  // namespace

std::vector<Block> blocks_of(const Table& t) {
    if (!t.blocks.empty()) return t.blocks;
    Block b;
    b.key = "main";
    if (std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.code.has_value(); })) b.cells.push_back("code");
    b.cells.push_back("label");
    if (t.lines_printed && std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.line.has_value(); }))
        b.cells.push_back("line");
    for (const auto& c : t.columns) b.cells.push_back(c.key);
    return {b};
}

PrintedTable print_table(const Disclosure& d, const Table& t) {
    PrintedTable p;
    p.table = &t;
    p.title = t.title;
    if (!t.number.empty()) p.lines.push_back(t.number);
    if (!d.department_line.empty()) p.lines.push_back(d.department_line);
    if (!d.unit_line.empty()) p.lines.push_back(d.unit_line);
    p.note = t.note;
    const std::vector<Block> blocks = blocks_of(t);
    size_t width = 0;
    for (const auto& b : blocks) width += b.cells.size();
    for (const auto& h : t.header) width = std::max(width, h.size());
    for (const auto& h : t.header) {
        auto row = text_row(h);
        row.resize(width);
        p.grid.push_back(std::move(row));
    }
    p.header_rows = static_cast<int>(t.header.size());
    p.merges = header_merges(t.header);

    // Sides print side by side: row i of each block makes printed row i.
    std::vector<std::vector<const Row*>> per_block(blocks.size());
    std::vector<const Row*> footers;
    for (const auto& r : t.rows) {
        if (t.kind == TableKind::EconomicDetail && r.role == RowRole::Total) {
            footers.push_back(&r);
            continue;
        }
        size_t b = static_cast<size_t>(std::clamp(r.block, 0, static_cast<int>(blocks.size()) - 1));
        per_block[b].push_back(&r);
    }
    size_t height = 0;
    for (const auto& rows : per_block) height = std::max(height, rows.size());
    for (size_t i = 0; i < height; ++i) {
        std::vector<PrintedCell> line;
        for (size_t b = 0; b < blocks.size(); ++b) block_cells(t, blocks[b], i < per_block[b].size() ? per_block[b][i] : nullptr, line);
        line.resize(width);
        p.grid.push_back(std::move(line));
    }
    if (!footers.empty()) {
        // 公开06表: 人员经费合计 and 公用经费合计 share one last line.
        std::vector<PrintedCell> line(width);
        std::vector<size_t> offsets;
        size_t offset = 0;
        for (const auto& b : blocks) {
            offsets.push_back(offset);
            offset += b.cells.size();
        }
        for (const Row* r : footers) {
            size_t b = static_cast<size_t>(std::clamp(r->block, 0, static_cast<int>(blocks.size()) - 1));
            std::vector<PrintedCell> cells;
            block_cells(t, blocks[b], r, cells);
            if (r->value_at_end) {
                // The label in its own block, the amount in the last column of the table.
                line.back() = cells.back();
                cells.back() = PrintedCell{};
            }
            for (size_t i = 0; i < cells.size(); ++i)
                if (!cells[i].text.empty()) line[offsets[b] + i] = cells[i];
        }
        p.grid.push_back(std::move(line));
    }
    return p;
}

PrintedTable print_summary_table(const Disclosure& d) {
    PrintedTable p;
    p.title = document_text(d, "summary_title");
    if (auto dep = document_text(d, "summary_department"); !dep.empty()) p.lines.push_back(dep);
    p.grid.push_back(text_row({"序号", "项目名称", "资金使用单位", "自评得分", "自评等级"}));
    p.header_rows = 1;
    auto group = [&](const std::string& title, bool central) {
        p.grid.push_back(text_row({"", title, "", "", ""}));
        int n = 0;
        for (const auto& pr : d.performance.projects) {
            if (pr.transfer() != central) continue;
            auto row = text_row({std::to_string(++n), pr.name, pr.implementer});
            row.push_back(number_cell(format_score(pr.summary_total)));
            row.push_back(text_cell(pr.summary_grade));
            p.grid.push_back(std::move(row));
        }
        if (n == 0) p.grid.push_back(text_row({"", document_text(d, "summary_none", "无"), "", "", ""}));
    };
    group(document_text(d, "summary_central"), true);
    group(document_text(d, "summary_local"), false);
    return p;
}

PrintedTable print_project_table(const Disclosure& d, const ProjectEvaluation& pr) {
    PrintedTable p;
    p.title = document_text(d, "project_title");
    if (auto unit = document_text(d, "project_unit"); !unit.empty()) p.lines.push_back(unit);
    auto& g = p.grid;
    auto add = [&](std::vector<PrintedCell> row) {
        row.resize(9);
        g.push_back(std::move(row));
        return static_cast<int>(g.size()) - 1;
    };
    auto merge = [&](int r, int c, int rowspan, int colspan) { p.merges.push_back({r, c, rowspan, colspan}); };
    auto money = [](Money m) { return number_cell(format_wan_trimmed(m)); };
    std::string weight = format_score(score_of(pr.execution_weight));

    int r = add(text_row({"项目名称", "", pr.name}));
    merge(r, 0, 1, 2);
    merge(r, 2, 1, 7);
    r = add(text_row({"主管部门", "", pr.department, "", "实施单位", pr.implementer}));
    merge(r, 0, 1, 2);
    merge(r, 2, 1, 2);
    merge(r, 5, 1, 4);
    int funds = add(text_row({"项目预算执行情况（" + weight + "分）", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值",
                              "执行率（B/A）", "得分", ""}));
    merge(funds, 0, 5, 1);
    merge(funds, 7, 1, 2);
    std::vector<PrintedCell> total = {PrintedCell{}, text_cell("年度资金总额"), money(pr.funds.total.initial), money(pr.funds.total.full_year),
                                      money(pr.funds.total.executed), number_cell(weight),
                                      number_cell(pr.rate ? format_percent(*pr.rate, PercentStyle::Fixed) : "—"),
                                      number_cell(format_score_fixed(pr.execution_score))};
    r = add(total);
    merge(r, 7, 1, 2);
    auto fund_row = [&](const char* label, const FundFigures& f) {
        int x = add({PrintedCell{}, text_cell(label), money(f.initial), money(f.full_year), money(f.executed)});
        merge(x, 5, 1, 4);
    };
    fund_row("其中：当年财政拨款", pr.funds.fiscal);
    fund_row("上年结转资金", pr.funds.carried);
    fund_row("其他资金", pr.funds.other);
    r = add(text_row({"年度总体目标", "年初预期目标", "", "", "目标实际完成情况"}));
    merge(r, 0, 2, 1);
    merge(r, 1, 1, 3);
    merge(r, 4, 1, 5);
    r = add(text_row({"", pr.goal, "", "", pr.outcome}));
    merge(r, 1, 1, 3);
    merge(r, 4, 1, 5);
    int head = add(text_row({"年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成指标值（B）", "分值", "得分",
                             "偏差原因分析及改进措施"}));
    // 一级 and 二级 indicator names span their indicators.
    int first1 = -1, first2 = -1;
    std::string last1, last2;
    auto close = [&](int& first, int end, int col) {
        if (first >= 0 && end - first > 1) merge(first, col, end - first, 1);
        first = -1;
    };
    for (const auto& i : pr.indicators) {
        int row = static_cast<int>(g.size());
        std::string l1, l2;
        if (i.level1 != last1) {
            close(first1, row, 1);
            close(first2, row, 2);
            Score sum;
            for (const auto& j : pr.indicators)
                if (j.level1 == i.level1) sum += score_of(j.weight);
            l1 = i.level1 + "（" + format_score(sum) + "）";
            first1 = row;
            last2.clear();
        }
        if (i.level2 != last2) {
            close(first2, row, 2);
            l2 = i.level2;
            first2 = row;
        }
        last1 = i.level1;
        last2 = i.level2;
        add({PrintedCell{}, text_cell(l1), text_cell(l2), text_cell(i.level3),
             number_cell(indicator_value(i.op, i.target, i.unit, true)), number_cell(indicator_value(i.op, i.actual, i.unit, false)),
             number_cell(format_score(score_of(i.weight))), number_cell(format_score(i.score)), text_cell(i.deviation)});
    }
    int end = static_cast<int>(g.size());
    close(first1, end, 1);
    close(first2, end, 2);
    r = add({PrintedCell{}, text_cell("总分"), PrintedCell{}, PrintedCell{}, PrintedCell{}, PrintedCell{}, PrintedCell{},
             number_cell(format_score_fixed(pr.total))});
    merge(r, 1, 1, 6);
    merge(head, 0, r - head + 1, 1);
    r = add(text_row({"总分在80分以下的项目未实现绩效目标的原因分析及拟采取的措施说明："}));
    merge(r, 0, 1, 9);
    p.header_rows = 0;  // a form, not a list: it is kept whole where it can be
    return p;
}

PrintedTable print_key_table(const Disclosure& d, const ProjectEvaluation& pr) {
    PrintedTable p;
    p.title = document_text(d, "key_table");
    p.grid.push_back(text_row({"评价指标", "权重（%）", "评价得分", "评价分值占比"}));
    p.header_rows = 1;
    for (size_t i = 0; i < pr.key_dimensions.size(); ++i) {
        const auto& k = pr.key_dimensions[i];
        p.grid.push_back({text_cell(fmt::format("{}. {}", i + 1, k.name)), number_cell(format_score(score_of(k.weight))),
                          number_cell(format_score(k.score)),
                          number_cell(k.share ? format_percent(*k.share, PercentStyle::Whole) : "—")});
    }
    Score weights;
    for (const auto& k : pr.key_dimensions) weights += score_of(k.weight);
    p.grid.push_back({text_cell("综合绩效"), number_cell(format_score(weights)), number_cell(format_score(pr.key_total)),
                      number_cell(pr.key_share ? format_percent(*pr.key_share, PercentStyle::Whole) : "—")});
    return p;
}

std::string key_title(const Disclosure& d, const ProjectEvaluation& p) {
    return fill_placeholders(document_text(d, "key_title"), {{"project", p.name}});
}

std::string key_sentence(const Disclosure& d, const ProjectEvaluation& p) {
    return fill_placeholders(document_text(d, "key_sentence"), {{"score", format_score(p.key_total)}, {"grade", p.key_grade}});
}

}  // namespace juesuan
