#include "derive/tables.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/catalog.h"
#include "core/text.h"
#include "derive/expr.h"
#include "model/books_schema.h"
#include "derive/performance.h"

namespace juesuan {

namespace {

using Vars = std::map<std::string, std::string, std::less<>>;
std::string substitute(std::string_view s, const Vars& vars) { return fill_placeholders(s, vars); }

RuleExpr parse_in(const TableSpec& spec, const std::string& text) {
    try {
        return parse_template_expr(text);
    } catch (const FormulaError& e) {
        throw TemplateError(fmt::format("模板 {} 表：{}", spec.id, e.what()));
    }
}

// An expression that adds cells of its own table (columns of the row, rows by 行次), not
// measures of the books: the table states it, and the XLSX prints it as a formula.
bool adds_up_cells(const RuleExpr& e) {
    return !e.terms.empty() &&
           std::none_of(e.terms.begin(), e.terms.end(), [](const RuleTerm& t) { return t.kind == RuleTerm::Kind::Measure; });
}

std::optional<Money> shown(Money m, const Template& tpl) {
    if (m.is_zero() && tpl.zero_blank) return std::nullopt;
    return m;
}

bool any_value(const Table& t) {
    for (const auto& r : t.rows)
        for (const auto& [k, v] : r.values)
            if (v && !v->is_zero()) return true;
    return false;
}

std::string column_label(const TableSpec& spec, const std::string& key) {
    for (const auto& c : spec.columns)
        if (c.key == key) return c.label.empty() ? key : c.label;
    return key;
}

// Runs `fn`, which computes the cell of `row` in `column`; an amount past the bound is refused
// naming that cell, as the officer finds it in the printed table.
template <class F>
auto at_cell(const TableSpec& spec, const std::string& row, const std::string& column, F&& fn) {
    try {
        return fn();
    } catch (const AmountOverflow&) {
        throw AmountOverflow({}, fmt::format("{}《{}》“{}”行“{}”列的合计", spec.number, spec.title, row,
                                             column_label(spec, column)));
    }
}

void copy_layout(const TableSpec& spec, Table& t) {
    t.id = spec.id;
    t.number = spec.number;
    t.title = spec.title;
    t.kind = spec.kind;
    t.lines_printed = spec.lines_printed;
    t.header = spec.header;
    for (const auto& c : spec.columns) t.columns.push_back({c.key, c.label, c.side, c.group});
    for (const auto& s : spec.sides) t.blocks.push_back({s.key, s.cells});
}

void finish_note(const TableSpec& spec, Table& t) {
    t.has_data = any_value(t);
    t.note = (!t.has_data && !spec.empty_note.empty()) ? spec.empty_note : spec.note;
}

// ---- Fixed tables: rows with 行次, cells by expression, totals by row references.

struct FixedCell {
    RuleExpr expr;
    bool has_expr = false;
};

struct FixedRow {
    Row row;
    std::map<std::string, FixedCell> cells;
};

// How a fixed table's cell adds up, in the rule language over the table's own cells:
// "T01[L25].income + T01[L26].income", "sum(T01[L1:L8].income)", or columns of the same row
// ("gpb + gf + soc").
std::optional<std::string> cell_formula(const TableSpec& spec, const std::map<int, size_t>& by_line, const std::string& col,
                                        const RuleExpr& e) {
    std::string out;
    for (const auto& term : e.terms) {
        std::string part;
        if (term.kind == RuleTerm::Kind::RowColumn)
            part = term.column;  // a column of the same row
        else if (term.kind == RuleTerm::Kind::LineRange)
            part = fmt::format("sum(T{}[L{}:L{}].{})", spec.id, term.from, term.to, col);
        else if (by_line.count(term.from))
            part = fmt::format("T{}[L{}].{}", spec.id, term.from, col);
        else
            return std::nullopt;
        out += term.sign < 0 ? (out.empty() ? "-" : " - ") : (out.empty() ? "" : " + ");
        out += part;
    }
    if (out.empty()) return std::nullopt;
    return out;
}

Table derive_fixed(const Measures& m, const Template& tpl, const TableSpec& spec) {
    Table t;
    copy_layout(spec, t);
    std::vector<FixedRow> rows;
    std::map<int, size_t> by_line;
    auto add_row = [&](FixedRow fr) {
        if (fr.row.line) {
            if (by_line.count(*fr.row.line))
                throw TemplateError(fmt::format("模板 {} 表：行次 {} 重复", spec.id, *fr.row.line));
            by_line[*fr.row.line] = rows.size();
        }
        rows.push_back(std::move(fr));
    };
    for (size_t si = 0; si < spec.sides.size(); ++si) {
        const auto& side = spec.sides[si];
        for (const auto& rs : side.rows) {
            auto make = [&](std::optional<int> line, const std::string& label, const std::string& subject,
                            const Vars& vars) {
                FixedRow fr;
                fr.row.line = line;
                fr.row.label = substitute(label, vars);
                fr.row.side = side.key;
                fr.row.block = static_cast<int>(si);
                fr.row.subject = subject;
                fr.row.role = rs.role == "total" ? RowRole::Total : rs.role == "blank" ? RowRole::Blank : RowRole::Item;
                for (const auto& [col, text] : rs.values) {
                    // Named capture: clang 14 cannot capture a structured binding.
                    const auto* cs = [&, &col = col]() -> const ColumnSpec* {
                        for (const auto& c : spec.columns)
                            if (c.key == col) return &c;
                        return nullptr;
                    }();
                    if (!cs) throw TemplateError(fmt::format("模板 {} 表：行“{}”引用了不存在的列 {}", spec.id, label, col));
                    fr.cells[col] = {parse_in(spec, substitute(text, vars)), true};
                }
                add_row(std::move(fr));
            };
            if (rs.generate == "classes") {
                int line = rs.line.value_or(0);
                for (size_t i = 0; i < tpl.classes.size(); ++i) {
                    const auto& c = tpl.classes[i];
                    Vars vars = {
                        {"n", chinese_numeral(static_cast<int>(i) + 1)}, {"name", c.name}, {"code", c.code}};
                    make(rs.line ? std::optional<int>(line + static_cast<int>(i)) : std::nullopt, rs.label, c.code, vars);
                }
            } else if (rs.through > 0 && rs.line) {
                for (int l = *rs.line; l <= rs.through; ++l) make(l, rs.label, "", {});
            } else {
                make(rs.line, rs.label, "", {});
            }
        }
    }
    // Evaluate with memoisation; a cycle is a template defect.
    std::map<std::pair<size_t, std::string>, Money> memo;
    std::set<std::pair<size_t, std::string>> busy;
    std::function<Money(size_t, const std::string&)> value = [&](size_t ri, const std::string& col) -> Money {
        auto key = std::make_pair(ri, col);
        if (auto it = memo.find(key); it != memo.end()) return it->second;
        auto cit = rows[ri].cells.find(col);
        if (cit == rows[ri].cells.end()) return {};
        if (!busy.insert(key).second)
            throw TemplateError(fmt::format("模板 {} 表：列 {} 的表达式循环引用", spec.id, col));
        ExprScope scope;
        scope.measures = &m;
        scope.column = [&](const std::string& c) { return value(ri, c); };
        scope.line = [&](int line) -> Money {
            auto it = by_line.find(line);
            if (it == by_line.end())
                throw TemplateError(fmt::format("模板 {} 表：表达式引用了不存在的行次 {}", spec.id, line));
            return value(it->second, col);
        };
        Money v = evaluate(cit->second.expr, scope);
        busy.erase(key);
        memo[key] = v;
        return v;
    };
    for (size_t ri = 0; ri < rows.size(); ++ri) {
        Row r = rows[ri].row;
        for (const auto& c : spec.columns) {
            if (!c.side.empty() && c.side != r.side) continue;
            auto cell = rows[ri].cells.find(c.key);
            r.values[c.key] = cell != rows[ri].cells.end()
                                  ? shown(at_cell(spec, r.label, c.key, [&] { return value(ri, c.key); }), tpl)
                                  : std::nullopt;
            if (cell != rows[ri].cells.end() && adds_up_cells(cell->second.expr))
                if (auto f = cell_formula(spec, by_line, c.key, cell->second.expr)) r.formulas[c.key] = *f;
        }
        t.rows.push_back(std::move(r));
    }
    finish_note(spec, t);
    return t;
}

// ---- Subject trees: one row per 类/款/项 that carries an amount.

Table derive_subject_tree(const Measures& m, const Template& tpl, const TableSpec& spec, const SubjectNames& names) {
    Table t;
    copy_layout(spec, t);
    std::map<std::string, RuleExpr> exprs;
    std::set<std::string> leaves;
    for (const auto& c : spec.columns) {
        exprs[c.key] = parse_in(spec, c.expr);
        if (adds_up_cells(exprs[c.key]))
            for (auto& col : t.columns)
                if (col.key == c.key) col.formula = exprs[c.key].text;
        for (const auto& term : exprs[c.key].terms) {
            if (term.kind == RuleTerm::Kind::Measure)
                for (auto& s : m.subjects(term.name)) leaves.insert(s);
            if (term.kind == RuleTerm::Kind::Line || term.kind == RuleTerm::Kind::LineRange)
                throw TemplateError(fmt::format("模板 {} 表：科目表的列不能引用行次", spec.id));
        }
    }
    auto row_values = [&](const std::string& prefix) {
        std::map<std::string, Money> memo;
        std::set<std::string> busy;
        std::function<Money(const std::string&)> value = [&](const std::string& col) -> Money {
            if (auto it = memo.find(col); it != memo.end()) return it->second;
            auto e = exprs.find(col);
            if (e == exprs.end()) throw TemplateError(fmt::format("模板 {} 表：表达式引用了不存在的列 {}", spec.id, col));
            if (!busy.insert(col).second)
                throw TemplateError(fmt::format("模板 {} 表：列 {} 的表达式循环引用", spec.id, col));
            ExprScope scope;
            scope.measures = &m;
            scope.prefix = prefix;
            scope.column = value;
            Money v = evaluate(e->second, scope);
            memo[col] = v;
            return v;
        };
        std::map<std::string, Money> out;
        std::string row = prefix.empty() ? spec.total_label : "科目 " + prefix;
        for (const auto& c : spec.columns) out[c.key] = at_cell(spec, row, c.key, [&] { return value(c.key); });
        return out;
    };
    auto nonzero = [](const std::map<std::string, Money>& v) {
        return std::any_of(v.begin(), v.end(), [](const auto& kv) { return !kv.second.is_zero(); });
    };
    std::map<std::string, std::map<std::string, Money>> computed;
    std::set<std::string> codes;
    for (const auto& leaf : leaves) {
        auto v = row_values(leaf);
        if (!nonzero(v)) continue;
        computed[leaf] = std::move(v);
        codes.insert(leaf);
        for (std::string p = parent_code(leaf); !p.empty(); p = parent_code(p)) codes.insert(p);
    }
    auto to_row = [&](const std::map<std::string, Money>& v, Row r) {
        for (const auto& [k, x] : v) r.values[k] = shown(x, tpl);
        return r;
    };
    Row total;
    total.label = spec.total_label;
    total.role = RowRole::Total;
    std::vector<Row> body;
    for (const auto& code : codes) {
        Row r;
        r.code = code;
        r.subject = code;
        auto it = names.functional.find(code);
        r.label = it != names.functional.end() ? it->second : code;
        r.role = code.size() == 7 ? RowRole::Item : RowRole::Subtotal;
        auto it2 = computed.find(code);
        body.push_back(to_row(it2 != computed.end() ? it2->second : row_values(code), std::move(r)));
    }
    total = to_row(row_values(""), std::move(total));
    bool total_nonzero = std::any_of(total.values.begin(), total.values.end(),
                                     [](const auto& kv) { return kv.second && !kv.second->is_zero(); });
    if (body.empty() && !total_nonzero) {
        if (!spec.total_when_empty) {
            finish_note(spec, t);
            return t;
        }
        for (auto& [k, v] : total.values) v = std::nullopt;
        for (int i = 0; i < spec.filler_rows; ++i) {
            Row blank;
            blank.role = RowRole::Blank;
            for (const auto& c : spec.columns) blank.values[c.key] = std::nullopt;
            body.push_back(blank);
        }
    }
    if (spec.total_position == "bottom") {
        t.rows = std::move(body);
        t.rows.push_back(std::move(total));
    } else {
        t.rows.push_back(std::move(total));
        for (auto& r : body) t.rows.push_back(std::move(r));
    }
    finish_note(spec, t);
    return t;
}

// ---- Economic detail (06): fixed printed blocks of 经济分类 subjects, group totals.

Table derive_economic(const Facts& f, const Measures& m, const Template& tpl, const TableSpec& spec,
                      const SubjectNames& names) {
    Table t;
    copy_layout(spec, t);
    if (spec.columns.size() != 1)
        throw TemplateError(fmt::format("模板 {} 表：经济分类明细表应只有一个金额列", spec.id));
    const std::string col = spec.columns.front().key;
    // Codes of each block, plus any subject with an amount the layout does not list.
    std::vector<std::vector<std::string>> blocks;
    std::set<std::string> listed;
    for (const auto& s : spec.sides) {
        blocks.push_back(s.codes);
        listed.insert(s.codes.begin(), s.codes.end());
    }
    for (const auto& l : f.basic_economic) {
        for (const std::string& code : {parent_code(l.code), l.code}) {
            if (listed.count(code)) continue;
            // After the last listed code of the same 类, else at the end of the group's last block.
            std::string lei = code.substr(0, 3);
            auto group_it = tpl.groups.find(lei);
            bool placed = false;
            for (size_t b = blocks.size(); b-- > 0 && !placed;) {
                auto& codes = blocks[b];
                for (size_t i = codes.size(); i-- > 0;) {
                    if (codes[i].compare(0, 3, lei) == 0) {
                        codes.insert(codes.begin() + static_cast<long>(i) + 1, code);
                        placed = true;
                        break;
                    }
                }
            }
            if (!placed && group_it != tpl.groups.end()) {
                for (size_t b = blocks.size(); b-- > 0;)
                    if (spec.sides[b].group == group_it->second) {
                        blocks[b].push_back(code);
                        placed = true;
                        break;
                    }
            }
            if (!placed)
                throw TemplateError(fmt::format("模板 {} 表：经济分类科目 {} 无法归入人员经费或公用经费，"
                                                "请在模板的 groups 中登记其类 {}",
                                                spec.id, code, lei));
            listed.insert(code);
        }
    }
    std::map<std::string, Money> group_total;
    std::map<std::string, std::pair<int, int>> group_blocks;  // first, last block
    for (size_t b = 0; b < blocks.size(); ++b) {
        const auto& group = spec.sides[b].group;
        if (!group_blocks.count(group)) group_blocks[group] = {static_cast<int>(b), static_cast<int>(b)};
        group_blocks[group].second = static_cast<int>(b);
        for (const auto& code : blocks[b]) {
            Row r;
            r.code = code;
            r.subject = code;
            r.side = group;
            r.block = static_cast<int>(b);
            // The books' (catalog-checked) name, else the name the template prints.
            if (auto it = names.economic.find(code); it != names.economic.end())
                r.label = it->second;
            else if (auto nit = spec.subject_names.find(code); nit != spec.subject_names.end())
                r.label = nit->second;
            else
                r.label = code;
            r.role = code.size() == 3 ? RowRole::Subtotal : RowRole::Item;
            Money v = at_cell(spec, r.label, col, [&] { return m.sum("econ.amount", code); });
            if (code.size() == 3) at_cell(spec, "合计", col, [&] { return group_total[group] += v; });
            r.values[col] = shown(v, tpl);
            t.rows.push_back(std::move(r));
        }
    }
    for (const auto& [group, label] : spec.footers) {
        if (label.empty()) continue;
        Row r;
        r.label = label;
        r.side = group;
        r.role = RowRole::Total;
        auto gb = group_blocks.count(group) ? group_blocks[group] : std::make_pair(0, 0);
        r.block = gb.first;
        r.value_at_end = gb.second != gb.first;
        r.values[col] = shown(group_total[group], tpl);
        t.rows.push_back(std::move(r));
    }
    finish_note(spec, t);
    return t;
}

}  // namespace

Table derive_table(const Facts& f, const Measures& m, const Template& tpl, const TableSpec& spec,
                   const SubjectNames& names) {
    switch (spec.kind) {
        case TableKind::Fixed: return derive_fixed(m, tpl, spec);
        case TableKind::SubjectTree: return derive_subject_tree(m, tpl, spec, names);
        case TableKind::EconomicDetail: return derive_economic(f, m, tpl, spec, names);
    }
    throw TemplateError("unknown table kind");
}

References derive_references(const Facts& f) {
    References out;
    auto& refs = out.amounts;
    for (const auto& c : f.comparisons) {
        if (c.previous) refs["prev." + c.key] = *c.previous;
        if (c.budget) refs["budget." + c.key] = *c.budget;
    }
    for (const auto& b : f.budget) refs["budget." + b.code] = b.initial_budget;
    for (const auto& sg : f.sangong) {
        refs["sangong.budget." + sg.item] = sg.budget.value_or(Money{});
        refs["sangong.actual." + sg.item] = sg.actual.value_or(Money{});
    }
    for (const auto& p : f.procurement) {
        refs["procurement." + p.category + ".total"] = p.total;
        refs["procurement." + p.category + ".sme"] = p.sme;
        refs["procurement." + p.category + ".small_micro"] = p.small_micro;
    }
    for (const auto& k : department_keys())
        if (k.count && !k.section().empty()) out.counts[std::string(k.name())] = k.count_of(f.department);
    out.counts["vehicles_total"] = f.department.assets.vehicles_total();
    for (const auto& k : department_keys())
        if (k.amount && k.amount_of(f.department)) refs[k.key] = *k.amount_of(f.department);
    return out;
}

Disclosure derive_disclosure(const Facts& f, const Template& tpl, const SubjectNames& names) {
    Disclosure d;
    d.department = f.department.name;
    d.year = f.department.year;
    d.template_id = tpl.id;
    d.department_line = substitute(tpl.department_line, {{"department", f.department.name}});
    d.unit_line = tpl.unit_line;
    d.forms = tpl.forms;
    d.part_one = {f.department.duties, f.department.composition, f.department.units};
    Vars vars = {{"department", f.department.name},
                                               {"year", std::to_string(f.department.year)}};
    for (const auto& [k, v] : tpl.texts) d.texts[k] = substitute(v, vars);
    Measures m = [&] {
        try {
            return Measures(f);
        } catch (const AmountOverflow&) {
            throw AmountOverflow({}, "按科目汇总账簿中的金额时，合计");
        }
    }();
    try {
        d.performance = derive_performance(f, tpl.scoring);
    } catch (const AmountOverflow&) {
        throw AmountOverflow({}, "绩效项目资金或得分的合计");
    }
    d.references = derive_references(f);
    for (const auto& spec : tpl.tables) {
        Table t = derive_table(f, m, tpl, spec, names);
        t.note = substitute(t.note, vars);
        d.tables.push_back(std::move(t));
    }
    return d;
}

}  // namespace juesuan
