#include "layout/printed_table.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

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

const Row* finding_row(const Table& t, const FindingLocation& l) {
    const Row* row = l.line ? t.row_by_line(*l.line) : !l.code.empty() ? t.row_by_code(l.code) : nullptr;
    if (row || l.label.empty()) return row;
    for (const auto& candidate : t.rows)
        if (candidate.label == l.label && (l.column.empty() || candidate.values.count(l.column))) return &candidate;
    return nullptr;
}

std::string row_anchor(const Table& t, const Row& r) {
    const std::optional<int> line = t.printed_line(r);
    std::string row = r.code ? *r.code : line ? fmt::format("l{}", *line) : label_key(r.label);
    if (!r.side.empty() && !r.code && !line) row = r.side + "-" + row;
    return fmt::format("t{}-{}", t.id, row);
}

std::string cell_anchor(const Table& t, const Row& r, const std::string& column) {
    const Column* c = t.column(column);
    std::string col = c ? label_key(c->label) : column;
    if (c && !c->side.empty() && t.blocks.size() > 1) col = c->side == "income" ? "收入" + col : "支出" + col;
    if (c && !c->group.empty() && col == "小计") col = label_key(c->group) + col;
    return row_anchor(t, r) + "-" + col;
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

namespace {

// What a form's placeholders refer to at one point of printing.
struct FormScope {
    const Disclosure& d;
    const ProjectEvaluation* project = nullptr;
    const ScoredIndicator* indicator = nullptr;
    const KeyDimension* dimension = nullptr;
    int n = 0;  // 1-based position in a repeat
};

std::string percent_or_dash(const std::optional<Percent>& p, PercentStyle style) {
    return p ? format_percent(*p, style) : std::string("—");
}

const FundFigures* fund_of(const ProjectEvaluation& p, std::string_view source) {
    if (source == "total") return &p.funds.total;
    if (source == "fiscal") return &p.funds.fiscal;
    if (source == "carried") return &p.funds.carried;
    if (source == "other") return &p.funds.other;
    return nullptr;
}

// The printed text of one field (form_fields() lists them; the readers of forms refuse others,
// so the logic_error below means the two lists disagree).
std::string form_field(const FormScope& s, std::string_view name) {
    if (name.starts_with("text:")) {
        std::string_view rest = name.substr(5);
        auto bar = rest.find('|');
        return document_text(s.d, std::string(rest.substr(0, bar)), bar == std::string_view::npos ? "" : std::string(rest.substr(bar + 1)));
    }
    if (name == "n") return std::to_string(s.n);
    if (const ScoredIndicator* i = s.indicator; i && name.starts_with("indicator.")) {
        std::string_view f = name.substr(10);
        if (f == "level1") return i->level1;
        if (f == "level1_weighted") {
            Score sum;
            for (const auto& j : s.project->indicators)
                if (j.level1 == i->level1) sum += score_of(j.weight);
            return i->level1 + "（" + format_score(sum) + "）";
        }
        if (f == "level2") return i->level2;
        if (f == "level3") return i->level3;
        if (f == "target") return indicator_value(i->op, i->target, i->unit, true);
        if (f == "actual") return indicator_value(i->op, i->actual, i->unit, false);
        if (f == "weight") return format_score(score_of(i->weight));
        if (f == "score") return format_score(i->score);
        if (f == "deviation") return i->deviation;
    }
    if (const KeyDimension* k = s.dimension; k && name.starts_with("dimension.")) {
        std::string_view f = name.substr(10);
        if (f == "name") return k->name;
        if (f == "weight") return format_score(score_of(k->weight));
        if (f == "score") return format_score(k->score);
        if (f == "share") return percent_or_dash(k->share, PercentStyle::Whole);
    }
    if (const ProjectEvaluation* p = s.project) {
        if (name.starts_with("funds.")) {
            std::string_view rest = name.substr(6);
            auto dot = rest.find('.');
            if (const FundFigures* f = fund_of(*p, rest.substr(0, dot)); f && dot != std::string_view::npos) {
                std::string_view which = rest.substr(dot + 1);
                if (which == "initial") return format_wan_trimmed(f->initial);
                if (which == "full_year") return format_wan_trimmed(f->full_year);
                if (which == "executed") return format_wan_trimmed(f->executed);
            }
        }
        if (name == "name") return p->name;
        if (name == "department") return p->department;
        if (name == "implementer") return p->implementer;
        if (name == "goal") return p->goal;
        if (name == "outcome") return p->outcome;
        if (name == "weight") return format_score(score_of(p->execution_weight));
        if (name == "rate") return percent_or_dash(p->rate, PercentStyle::Fixed);
        if (name == "execution_score") return format_score_fixed(p->execution_score);
        if (name == "total") return format_score_fixed(p->total);
        if (name == "summary_total") return format_score(p->summary_total);
        if (name == "summary_grade") return p->summary_grade;
        if (name == "key_total") return format_score(p->key_total);
        if (name == "key_share") return percent_or_dash(p->key_share, PercentStyle::Whole);
        if (name == "key_weights") {
            Score weights;
            for (const auto& k : p->key_dimensions) weights += score_of(k.weight);
            return format_score(weights);
        }
    }
    throw std::logic_error(fmt::format("表样的占位符“{{{}}}”在此处没有值", name));
}

// A cell's text with its placeholders filled in one pass: a value is never read again as a
// placeholder (a project may be named “{project}”).
std::string form_text(const FormScope& s, const std::string& text) {
    const FormPattern p = form_pattern(text);
    std::string out = p.literals.front();
    for (size_t i = 0; i < p.names.size(); ++i) out += form_field(s, p.names[i]) + p.literals[i + 1];
    return out;
}

// A run of repeated rows over which a group_by cell is merged.
struct GroupRun {
    std::string key;
    int first = -1;
};

}  // namespace

PrintedTable print_form(const Disclosure& d, const Form& form, const ProjectEvaluation* project) {
    PrintedTable p;
    FormScope top{d, project};
    p.title = form_text(top, form.title);
    for (const auto& l : form.lines)
        if (auto text = form_text(top, l); !text.empty()) p.lines.push_back(text);
    p.header_rows = form.header_rows;
    struct Pending {
        int row, col, colspan;
        std::string to;
    };
    std::vector<Pending> pending;  // span_to cells waiting for their row
    std::map<int, GroupRun> runs;  // by column, within one repeat
    auto close_runs = [&](int end, const std::function<bool(int, const GroupRun&)>& closes) {
        for (auto& [col, run] : runs)
            if (run.first >= 0 && closes(col, run)) {
                if (end - run.first > 1) p.merges.push_back({run.first, col, end - run.first, 1});
                run.first = -1;
                run.key.clear();
            }
    };
    auto emit = [&](const FormRow& fr, const FormScope& s, bool repeated) {
        const int r = static_cast<int>(p.grid.size());
        std::vector<PrintedCell> row(static_cast<size_t>(form.width));
        int col = 0;
        // A group cell's run breaks when its fields change; runs close in column order.
        if (repeated) {
            std::map<int, std::string> keys;
            int c = 0;
            for (const auto& cell : fr.cells) {
                if (!cell.group_by.empty()) {
                    std::string key;
                    for (const auto& g : cell.group_by) key += form_field(s, g) + '\x1f';
                    keys[c] = key;
                }
                c += cell.colspan;
            }
            close_runs(r, [&](int c, const GroupRun& run) { return keys.count(c) && keys.at(c) != run.key; });
            for (const auto& [c, key] : keys)
                if (runs[c].first < 0) runs[c] = {key, r};
        }
        for (const auto& cell : fr.cells) {
            if (col >= form.width) break;
            const bool continued = !cell.group_by.empty() && runs.count(col) && runs.at(col).first != r;
            std::string text = continued ? std::string() : form_text(s, cell.text);
            row[static_cast<size_t>(col)] = cell.amount ? number_cell(std::move(text)) : text_cell(std::move(text));
            if (cell.colspan > 1 || cell.rowspan > 1) p.merges.push_back({r, col, cell.rowspan, cell.colspan});
            if (!cell.span_to.empty()) pending.push_back({r, col, cell.colspan, cell.span_to});
            col += cell.colspan;
        }
        p.grid.push_back(std::move(row));
        if (!fr.id.empty()) {
            for (auto it = pending.begin(); it != pending.end();) {
                if (it->to == fr.id) {
                    p.merges.push_back({it->row, it->col, r - it->row + 1, it->colspan});
                    it = pending.erase(it);
                } else {
                    ++it;
                }
            }
        }
    };
    size_t last_repeat = 0;
    for (const auto& fr : form.rows) {
        if (fr.repeat.empty()) {
            if (fr.if_none && last_repeat != 0) continue;
            emit(fr, top, false);
            continue;
        }
        runs.clear();
        FormScope s = top;
        size_t count = 0;
        if (fr.repeat == "projects") {
            for (const auto& pr : d.performance.projects) {
                if (!fr.filter.empty() && pr.transfer() != (fr.filter == "central")) continue;
                s.project = &pr;
                s.n = static_cast<int>(++count);
                emit(fr, s, true);
            }
        } else if (fr.repeat == "indicators" && project) {
            for (const auto& i : project->indicators) {
                s.indicator = &i;
                s.n = static_cast<int>(++count);
                emit(fr, s, true);
            }
        } else if (fr.repeat == "dimensions" && project) {
            for (const auto& k : project->key_dimensions) {
                s.dimension = &k;
                s.n = static_cast<int>(++count);
                emit(fr, s, true);
            }
        }
        close_runs(static_cast<int>(p.grid.size()), [](int, const GroupRun&) { return true; });
        last_repeat = count;
    }
    return p;
}

PrintedTable print_summary_table(const Disclosure& d) {
    const Form* f = d.form("summary");
    return f ? print_form(d, *f, nullptr) : PrintedTable{};
}

PrintedTable print_project_table(const Disclosure& d, const ProjectEvaluation& pr) {
    const Form* f = d.form("project");
    return f ? print_form(d, *f, &pr) : PrintedTable{};
}

PrintedTable print_key_table(const Disclosure& d, const ProjectEvaluation& pr) {
    const Form* f = d.form("key");
    return f ? print_form(d, *f, &pr) : PrintedTable{};
}

std::string key_title(const Disclosure& d, const ProjectEvaluation& p) {
    return fill_placeholders(document_text(d, "key_title"), {{"project", p.name}});
}

std::string key_sentence(const Disclosure& d, const ProjectEvaluation& p) {
    return fill_placeholders(document_text(d, "key_sentence"), {{"score", format_score(p.key_total)}, {"grade", p.key_grade}});
}

}  // namespace juesuan
