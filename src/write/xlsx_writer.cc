#include "write/xlsx_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "core/diagnostics.h"
#include "formula/formula.h"
#include "layout/printed_table.h"
#include "write/xlsx_support.h"

namespace juesuan {

namespace {

constexpr double kLineHeight = 15;  // points per line of 11-point text

class Styles {
public:
    explicit Styles(lxw_workbook* wb) : wb_(wb) {
        title = add();
        format_set_bold(title);
        format_set_font_size(title, 14);
        format_set_align(title, LXW_ALIGN_CENTER);
        format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
        line = add();
        line_right = add();
        format_set_align(line_right, LXW_ALIGN_RIGHT);
        header = add();
        format_set_bold(header);
        format_set_bg_color(header, 0xDDEBF7);
        format_set_align(header, LXW_ALIGN_CENTER);
        bordered(header);
        note = add();
        format_set_text_wrap(note);
        format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
    }
    lxw_format* title;
    lxw_format* line;
    lxw_format* line_right;
    lxw_format* header;
    lxw_format* note;

    // Body cells: text (left, wrapped), centred (行次), or a number in the given format.
    lxw_format* text(bool bold) { return body("", bold, LXW_ALIGN_LEFT); }
    lxw_format* center(bool bold) { return body("", bold, LXW_ALIGN_CENTER); }
    lxw_format* number(const std::string& code, bool bold) { return body(code, bold, LXW_ALIGN_RIGHT); }

private:
    lxw_format* add() { return workbook_add_format(wb_); }
    static void bordered(lxw_format* f) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    }
    lxw_format* body(const std::string& code, bool bold, uint8_t align) {
        auto key = std::make_tuple(code, bold, align);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        lxw_format* f = add();
        bordered(f);
        format_set_align(f, align);
        if (bold) format_set_bold(f);
        if (!code.empty()) format_set_num_format(f, code.c_str());
        cache_[key] = f;
        return f;
    }
    lxw_workbook* wb_;
    std::map<std::tuple<std::string, bool, uint8_t>, lxw_format*> cache_;
};

// The exact amount in 万元 as a double: from its exact decimal text, never by dividing doubles.
double wan_value(Money m) {
    std::string s = format_exact(m, AmountUnit::Wan);
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// A printed number of a performance table ("1,411.64", "114", "99.9") as a number and the
// number format that prints it the same way; false for "81.4%", "≥33人", "—".
bool printed_number(const std::string& text, double& value, std::string& format) {
    std::string plain;
    for (char c : text)
        if (c != ',') plain += c;
    if (plain.empty() || plain.size() > 17) return false;
    const char* end = plain.data() + plain.size();
    auto r = std::from_chars(plain.data(), end, value);
    if (r.ec != std::errc() || r.ptr != end || plain.find_first_of("eE") != std::string::npos) return false;
    auto dot = plain.find('.');
    size_t decimals = dot == std::string::npos ? 0 : plain.size() - dot - 1;
    format = (text.find(',') != std::string::npos || std::fabs(value) >= 1000 ? "#,##0" : "0") +
             (decimals ? "." + std::string(decimals, '0') : "");
    return true;
}

using CellKey = std::pair<const Row*, std::string>;
struct Pos {
    int row = 0, col = 0;  // 0-based in the sheet
};

// The formulas of one public table: tree sums, and the sums the template defines.
class TableFormulas {
public:
    TableFormulas(const Disclosure& d, const Table& t, std::map<CellKey, Pos> pos) : t_(t), ev_(d), pos_(std::move(pos)) {
        // Each subject row under its parent: a 款 under its 类, a 类 under the total (06: its group's).
        for (const auto& c : t.rows) {
            if (!c.code || c.code->size() < 3) continue;
            if (c.code->size() == 3)
                children_[total_key(c.side)].push_back(&c);
            else
                children_[c.code->substr(0, c.code->size() - 2)].push_back(&c);
        }
    }

    // The formula of a cell ("SUM(C6,C9)", "D5+E5"), when the cells it adds give its amount exactly.
    std::optional<std::string> at(const Row& r, const std::string& col) const {
        auto v = r.values.find(col);
        if (v == r.values.end() || !v->second) return std::nullopt;
        if (auto f = tree_sum(r, col, *v->second)) return f;
        return template_sum(r, col, *v->second);
    }

private:
    std::optional<Pos> pos(const Row* r, const std::string& col) const {
        auto it = pos_.find({r, col});
        return it == pos_.end() ? std::nullopt : std::optional<Pos>(it->second);
    }
    std::string total_key(const std::string& side) const {
        return t_.kind == TableKind::EconomicDetail ? "total:" + side : "total:";
    }
    static Money value(const Row* r, const std::string& col) {
        auto it = r->values.find(col);
        return it == r->values.end() || !it->second ? Money{} : *it->second;
    }
    static std::string ref(Pos p) { return cell_name(p.row + 1, p.col + 1); }
    // Cells as SUM arguments, a run down one column as a range: "C8:C20,C25".
    static std::string refs(const std::vector<Pos>& at) {
        std::string out;
        for (size_t i = 0; i < at.size();) {
            size_t j = i;
            while (j + 1 < at.size() && at[j + 1].col == at[i].col && at[j + 1].row == at[j].row + 1) ++j;
            out += (out.empty() ? "" : ",") + ref(at[i]) + (j > i ? ":" + ref(at[j]) : "");
            i = j + 1;
        }
        return out;
    }

    // 类 = SUM of its 款, 款 = SUM of its 项, 合计 = SUM of the 类 (06: the group's 类).
    std::optional<std::string> tree_sum(const Row& r, const std::string& col, Money shown) const {
        if (t_.kind != TableKind::SubjectTree && t_.kind != TableKind::EconomicDetail) return std::nullopt;
        std::string key;
        if (r.role == RowRole::Total)
            key = total_key(r.side);
        else if (r.role == RowRole::Subtotal && r.code)
            key = *r.code;
        else
            return std::nullopt;
        auto found = children_.find(key);
        if (found == children_.end()) return std::nullopt;
        const std::vector<const Row*>& children = found->second;
        Money sum;
        std::vector<Pos> at;
        for (const Row* c : children) {
            auto p = pos(c, col);
            if (!p) return std::nullopt;
            sum += value(c, col);
            at.push_back(*p);
        }
        if (sum != shown) return std::nullopt;
        return "SUM(" + refs(at) + ")";
    }

    // A cell the table says adds columns of its row or rows of its column.
    std::optional<std::string> template_sum(const Row& r, const std::string& col, Money shown) const {
        std::string text;
        if (auto it = r.formulas.find(col); it != r.formulas.end()) {
            text = it->second;
        } else if (const Column* c = t_.column(col); c && r.role == RowRole::Item && !c->formula.empty()) {
            text = c->formula;
        } else {
            return std::nullopt;
        }
        RuleExpr e;
        try {
            e = parse_rule_expr(text);
        } catch (const FormulaError&) {
            return std::nullopt;
        }
        Money sum;
        std::string out;
        for (const auto& term : e.terms) {
            std::vector<std::pair<const Row*, std::string>> cells;
            std::string missing;
            switch (term.kind) {
                case RuleTerm::Kind::RowColumn: cells.push_back({&r, term.column}); break;
                case RuleTerm::Kind::Cell:
                case RuleTerm::Kind::Sum:
                    if (term.ref.table != t_.id) return std::nullopt;
                    for (const Row* row : ev_.select(t_, term.ref.selector, Scope{}, missing)) cells.push_back({row, term.ref.column});
                    if (!missing.empty() || cells.empty()) return std::nullopt;
                    break;
                default: return std::nullopt;
            }
            std::vector<Pos> at;
            Money part;
            for (const auto& [row, c] : cells) {
                auto p = pos(row, c);
                if (!p) return std::nullopt;
                at.push_back(*p);
                part += value(row, c);
            }
            sum += term.sign > 0 ? part : -part;
            std::string text = term.kind == RuleTerm::Kind::Sum ? "SUM(" + refs(at) + ")" : ref(at.front());
            out += (term.sign < 0 ? "-" : out.empty() ? "" : "+") + text;
        }
        if (out.empty() || sum != shown) return std::nullopt;
        return out;
    }

    const Table& t_;
    FormulaEvaluator ev_;
    std::map<CellKey, Pos> pos_;
    std::map<std::string, std::vector<const Row*>> children_;
};

void check(lxw_error e, const std::string& sheet, int row, int col) {
    xlsx_check(e, sheet + "!" + cell_name(row + 1, col + 1));
}

void write_sheet(lxw_workbook* wb, Styles& st, const Disclosure& d, const std::string& name, const PrintedTable& p) {
    const std::string& unit_line = d.unit_line;
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw std::runtime_error(fmt::format("无法写出工作簿：工作表名称“{}”无效", name));
    const int width = std::max(p.width(), 1);
    const int g0 = 1 + static_cast<int>(p.lines.size());  // first grid row
    auto across = [&](int row, const std::string& text, lxw_format* f) {
        if (width > 1)
            check(worksheet_merge_range(ws, static_cast<lxw_row_t>(row), 0, static_cast<lxw_row_t>(row),
                                        static_cast<lxw_col_t>(width - 1), text.c_str(), f),
                  name, row, 0);
        else if (!text.empty())
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0, text.c_str(), f), name, row, 0);
    };
    across(0, p.title, st.title);
    worksheet_set_row(ws, 0, 24, nullptr);
    for (size_t i = 0; i < p.lines.size(); ++i)
        across(1 + static_cast<int>(i), p.lines[i], p.lines[i] == unit_line ? st.line_right : st.line);

    std::map<CellKey, Pos> pos;
    for (int r = 0; r < static_cast<int>(p.grid.size()); ++r)
        for (int c = 0; c < width && c < static_cast<int>(p.grid[r].size()); ++c)
            if (const auto& cell = p.grid[r][c]; cell.row && !cell.column.empty()) pos[{cell.row, cell.column}] = {g0 + r, c};
    std::optional<TableFormulas> formulas;
    if (p.table) formulas.emplace(d, *p.table, pos);

    // Widths from single-column cells; merged cells spread over the columns they cover.
    std::vector<double> widths(static_cast<size_t>(width), 6);
    for (int r = 0; r < static_cast<int>(p.grid.size()); ++r)
        for (int c = 0; c < width && c < static_cast<int>(p.grid[r].size()); ++c) {
            const Merge* m = p.merge_at(r, c);
            if (p.covered(r, c) || (m && m->colspan > 1)) continue;
            double w = text_width(p.grid[r][c].text) + (p.grid[r][c].amount ? 2 : 1);
            widths[static_cast<size_t>(c)] = std::max(widths[static_cast<size_t>(c)], std::min(w, 50.0));
        }
    for (int c = 0; c < width; ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[static_cast<size_t>(c)], nullptr);

    for (int r = 0; r < static_cast<int>(p.grid.size()); ++r) {
        const int row = g0 + r;
        double lines = 1;
        for (int c = 0; c < width && c < static_cast<int>(p.grid[r].size()); ++c) {
            if (p.covered(r, c)) continue;
            const PrintedCell& cell = p.grid[r][c];
            const bool head = r < p.header_rows;
            const bool bold = cell.row && (cell.row->role == RowRole::Total || cell.row->role == RowRole::Subtotal);
            const Merge* m = p.merge_at(r, c);
            lxw_format* text_format = head ? st.header : cell.amount ? st.number("", bold) : st.text(bold);
            double span = 0;
            for (int k = c; k < c + (m ? m->colspan : 1) && k < width; ++k) span += widths[static_cast<size_t>(k)];
            lines = std::max(lines, std::ceil(text_width(cell.text) / std::max(span, 1.0)));
            if (m && (m->rowspan > 1 || m->colspan > 1))
                check(worksheet_merge_range(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                                            static_cast<lxw_row_t>(row + m->rowspan - 1),
                                            static_cast<lxw_col_t>(c + m->colspan - 1), cell.text.c_str(), text_format),
                      name, row, c);
            // Numbers overwrite the first cell of a merge (libxlsxwriter merges text only).
            const auto lr = static_cast<lxw_row_t>(row);
            const auto lc = static_cast<lxw_col_t>(c);
            double number = 0;
            std::string code;
            if (!head && cell.value) {
                lxw_format* f = st.number("#,##0.00", bold);
                std::optional<std::string> formula = formulas && cell.row ? formulas->at(*cell.row, cell.column) : std::nullopt;
                if (formula)
                    check(worksheet_write_formula_num(ws, lr, lc, formula->c_str(), f, wan_value(*cell.value)), name, row, c);
                else
                    check(worksheet_write_number(ws, lr, lc, wan_value(*cell.value), f), name, row, c);
            } else if (!head && cell.column == "line" && !cell.text.empty() && all_digits(cell.text)) {
                check(worksheet_write_number(ws, lr, lc, std::stod(cell.text), st.center(bold)), name, row, c);
            } else if (!head && cell.amount && printed_number(cell.text, number, code)) {
                check(worksheet_write_number(ws, lr, lc, number, st.number(code, bold)), name, row, c);
            } else if (m && (m->rowspan > 1 || m->colspan > 1)) {
                continue;  // written by the merge
            } else if (cell.text.empty()) {
                check(worksheet_write_blank(ws, lr, lc, text_format), name, row, c);
            } else {
                check(worksheet_write_string(ws, lr, lc, cell.text.c_str(), text_format), name, row, c);
            }
        }
        if (lines > 1) worksheet_set_row(ws, static_cast<lxw_row_t>(row), std::min(409.0, lines * kLineHeight), nullptr);
    }
    if (p.header_rows > 0) {
        worksheet_freeze_panes(ws, static_cast<lxw_row_t>(g0 + p.header_rows), 0);
        check(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(g0), static_cast<lxw_row_t>(g0 + p.header_rows - 1)), name,
              g0, 0);
    }
    if (!p.note.empty()) {
        const int row = g0 + static_cast<int>(p.grid.size());
        across(row, p.note, st.note);
        double total = 0;
        for (double w : widths) total += w;
        double lines = 0;
        for (const auto& part : split(p.note, '\n')) lines += std::max(1.0, std::ceil(text_width(part) / total));
        worksheet_set_row(ws, static_cast<lxw_row_t>(row), std::min(409.0, lines * kLineHeight), nullptr);
    }
    double total = 0;
    for (double w : widths) total += w;
    worksheet_set_paper(ws, 9);  // A4
    if (total > 100) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // as wide as the page, as long as it takes
    worksheet_center_horizontally(ws);
}

}  // namespace

std::string write_disclosure_xlsx(const Disclosure& d) {
    XlsxProperties props;
    props.title = document_text(d, "title", fmt::format("{} 年度{}部门决算", d.year, d.department));
    props.subject = "部门决算公开";
    props.author = d.department;
    props.company = d.department;
    props.comments = "金额单位：万元；类、款、合计与总计为公式";
    props.year = d.year;
    return xlsx_bytes(props, [&](lxw_workbook* wb) {
        Styles st(wb);
        std::set<std::string> taken;
        for (const auto& t : d.tables)
            write_sheet(wb, st, d, unique_sheet_name("公开" + t.id + "表", taken), print_table(d, t));
        const auto& projects = d.performance.projects;
        if (projects.empty()) return;
        write_sheet(wb, st, d, unique_sheet_name("绩效自评汇总", taken), print_summary_table(d));
        for (const auto& p : projects)
            if (p.detailed)
                write_sheet(wb, st, d, unique_sheet_name("自评-" + p.name, taken), print_project_table(d, p));
        for (const auto& p : projects) {
            if (!p.key) continue;
            PrintedTable k = print_key_table(d, p);
            if (!k.title.empty()) k.lines.insert(k.lines.begin(), k.title);
            k.title = key_title(d, p);
            if (k.note.empty()) k.note = key_sentence(d, p);
            write_sheet(wb, st, d, unique_sheet_name("重点评价-" + p.name, taken), k);
        }
    });
}

}  // namespace juesuan
