#include "check/engine.h"

#include "check/structure_checks.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check/check_registry.h"
#include "core/text.h"
#include "check/document_checks.h"
#include "check/structure_checks.h"
#include "formula/formula.h"

namespace juesuan {

std::string_view severity_key(FindingSeverity s) {
    switch (s) {
        case FindingSeverity::Error: return "error";
        case FindingSeverity::Warning: return "warning";
        case FindingSeverity::Info: return "info";
    }
    return "";
}

std::string_view severity_label(FindingSeverity s) {
    switch (s) {
        case FindingSeverity::Error: return "错误";
        case FindingSeverity::Warning: return "警告";
        case FindingSeverity::Info: return "提示";
    }
    return "";
}

int CheckResult::count(FindingSeverity s) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; }));
}

bool within_tolerance(std::int64_t diff, int terms, std::int64_t precision) {
    if (diff == 0) return true;
    if (precision <= 1) return false;
    // Each printed term is off its exact value by less than half a unit (half-up rounding
    // errs in (−h, h]); the sides can differ by less than the sum of those halves.
    __int128 a = diff < 0 ? -static_cast<__int128>(diff) : diff;
    return 2 * a < static_cast<__int128>(terms) * precision;
}

namespace {

// True when the relation holds within the tolerance of the disclosure's precision.
bool holds(const std::string& op, const Value& l, const Value& r, std::int64_t precision) {
    std::int64_t diff = checked_sub(l.raw, r.raw);
    bool eq = within_tolerance(diff, l.terms + r.terms, precision);
    if (op == "==") return eq;
    if (op == "!=") return !eq;
    if (op == "<=") return diff <= 0 || eq;
    if (op == ">=") return diff >= 0 || eq;
    if (op == "<") return diff < 0 && !eq;
    if (op == ">") return diff > 0 && !eq;
    return false;
}

bool table_empty(const Table& t) {
    for (const auto& r : t.rows)
        for (const auto& [k, v] : r.values)
            if (v && !v->is_zero()) return false;
    return true;
}


// The human text of an expression: "基本支出 + 项目支出", "公开05表 合 计 基本支出",
// "公开01表 第1至8行 金 额 之和".
std::string describe_expr(const Disclosure& d, const RuleExpr& e, const Table* each_table) {
    std::string s;
    for (size_t i = 0; i < e.terms.size(); ++i) {
        const RuleTerm& t = e.terms[i];
        std::string part;
        switch (t.kind) {
            case RuleTerm::Kind::Number: part = format_wan(t.number); break;
            case RuleTerm::Kind::Ref: part = t.name; break;
            case RuleTerm::Kind::Perf: part = fmt::format("项目（{}） {}", t.name, t.column); break;
            case RuleTerm::Kind::Measure:
            case RuleTerm::Kind::Line:
            case RuleTerm::Kind::LineRange: part = t.name; break;  // the cell dialect's: never in a rule
            case RuleTerm::Kind::RowColumn: {
                const Column* c = each_table ? each_table->column(t.column) : nullptr;
                part = c ? c->label : t.column;
                break;
            }
            case RuleTerm::Kind::Cell:
            case RuleTerm::Kind::Sum: {
                const Table* tb = d.table(t.ref.table);
                const Column* c = tb ? tb->column(t.ref.column) : nullptr;
                std::string col = c ? c->label : t.ref.column;
                auto row_text = [](const Selector& sel) -> std::string {
                    switch (sel.kind) {
                        case Selector::Kind::Line: return fmt::format("第{}行", sel.from);
                        case Selector::Kind::LineRange: return fmt::format("第{}至{}行", sel.from, sel.to);
                        case Selector::Kind::CurrentSubject:
                        case Selector::Kind::CurrentCode: return "同一科目";
                        case Selector::Kind::All: return "各行";
                        case Selector::Kind::Filter: return "符合条件（" + sel.str() + "）的各行";
                        default: return sel.text;
                    }
                };
                std::string row = row_text(t.ref.selector);
                part = fmt::format("公开{}表 {} {}{}", t.ref.table, row, col, t.kind == RuleTerm::Kind::Sum ? " 之和" : "");
                break;
            }
        }
        if (i > 0 || t.sign < 0) s += t.sign < 0 ? (i ? " - " : "-") : " + ";
        s += part;
    }
    return s;
}

FindingLocation locate(const Disclosure& d, const Row* row, const std::string& column) {
    FindingLocation loc;
    for (const auto& t : d.tables) {
        if (row >= t.rows.data() && row < t.rows.data() + t.rows.size()) {
            loc.table = t.id;
            loc.line = t.printed_line(*row);
            loc.code = row->code.value_or("");
            loc.label = row->label;
            loc.column = column;
            if (const Column* c = t.column(column)) loc.column_label = c->label;
            break;
        }
    }
    return loc;
}

class Runner {
public:
    Runner(const Disclosure& d, const Catalogs* c, CheckResult& out) : d_(d), catalogs_(c), ev_(d), out_(out) {}

    // The first table a rule instance reads that an importer could not read whole.
    const Table* unread_table(const Rule& rule, const Rule::Instance& inst) const {
        for (const auto& id : tables_read(rule, inst))
            if (const Table* t = d_.table(id); t && t->unread > 0) return t;
        return nullptr;
    }

    void run(const Rule& rule) {
        for (const auto& inst : rule.instances) {
            if (const Table* t = unread_table(rule, inst)) {
                cannot(rule, inst, fmt::format("公开{}表有 {} 行未能读入（见读入时的警告）", t->id, t->unread), t->id);
                continue;
            }
            if (!rule.each.empty()) {
                const Table* t = d_.table(rule.each);
                if (!t) {
                    cannot(rule, inst, fmt::format("缺少公开{}表", rule.each), rule.each);
                    continue;
                }
                Selector where = rule.where.empty() ? Selector{} : parse_selector(rule.where);
                std::string missing;
                for (const Row* r : ev_.select(*t, where, {}, missing)) {
                    if (r->role == RowRole::Blank) continue;
                    Scope sc{t, r, nullptr};
                    evaluate(rule, inst, sc);
                }
            } else {
                evaluate(rule, inst, Scope{});
            }
        }
    }

private:
    void add(const Rule& rule, FindingLocation loc, std::string message, std::optional<Money> expected = {},
             std::optional<Money> actual = {}) {
        Finding f;
        f.rule = rule.id;
        f.severity = rule.severity;
        f.category = rule.category;
        f.message = std::move(message);
        f.location = std::move(loc);
        f.expected = expected;
        f.actual = actual;
        if (expected && actual) f.difference = *actual - *expected;
        // Printed amounts one unit of their last digit apart, beyond what rounding each of them
        // explains: still reported, as a warning, since a department's software that converts
        // 元 to 万元 item by item leaves such 尾数 (docs/rules.md).
        if (f.difference && d_.precision_fen > 1 && f.severity == FindingSeverity::Error) {
            const std::int64_t diff = f.difference->fen();
            if (diff != 0 && (diff < 0 ? -diff : diff) <= d_.precision_fen) {
                f.severity = FindingSeverity::Warning;
                f.message += "；只差一个尾数单位，可能是金额单位换算的尾数误差，请核对";
            }
        }
        f.related = rule.related;
        out_.findings.push_back(std::move(f));
    }

    // A rule that cannot be evaluated is a finding of its own, never silently skipped.
    void cannot(const Rule& rule, const Rule::Instance& inst, const std::string& why, const std::string& table) {
        Finding f;
        f.rule = rule.id;
        f.severity = FindingSeverity::Info;
        f.category = "completeness";
        f.message = fmt::format("无法核对“{}”：{}", rule.description, why);
        f.location.table = table.empty() ? inst.table : table;
        f.location.column = inst.column;
        f.related = rule.related;
        out_.findings.push_back(std::move(f));
    }

    // Evaluates a condition: nullopt when it cannot be known (reported unless quiet).
    std::optional<bool> condition(const Rule& rule, const Rule::Instance& inst, const Condition& c, const Scope& sc,
                                  bool report, Value* lhs_out = nullptr, Value* rhs_out = nullptr) {
        if (c.is_predicate) {
            const Table* t = d_.table(c.table);
            if (c.predicate == "present") return (t != nullptr) != c.negated;
            if (!t) {
                if (report) cannot(rule, inst, fmt::format("缺少公开{}表", c.table), c.table);
                return std::nullopt;
            }
            bool v = false;
            if (c.predicate == "empty") v = table_empty(*t);
            else if (c.predicate == "no_data_note") v = label_key(t->note).find("无数据") != std::string::npos;
            return v != c.negated;
        }
        Value l = ev_.eval(c.lhs, sc), r = ev_.eval(c.rhs, sc);
        if (!l.missing.empty() || !r.missing.empty()) {
            if (report) cannot(rule, inst, !l.missing.empty() ? l.missing : r.missing, sc.each_table ? sc.each_table->id : "");
            return std::nullopt;
        }
        if (lhs_out) *lhs_out = l;
        if (rhs_out) *rhs_out = r;
        return holds(c.op, l, r, d_.precision_fen);
    }

    void evaluate(const Rule& rule, const Rule::Instance& inst, const Scope& sc) {
        const Formula& f = inst.formula;
        if (f.guard) {
            auto g = condition(rule, inst, *f.guard, sc, true);
            if (!g || !*g) return;
        }
        const Condition& c = f.body;
        if (c.is_predicate && find_predicate(c.predicate)->per_row) {
            row_predicate(rule, inst, c);
            return;
        }
        Value l, r;
        auto ok = condition(rule, inst, c, sc, true, &l, &r);
        if (!ok) return;
        // Counted when something was at stake: 0 == 0 over blank cells proves nothing.
        if (c.is_predicate || l.raw != 0 || r.raw != 0) ++out_.evaluations[rule.id];
        if (*ok) return;
        if (c.is_predicate) {
            FindingLocation loc;
            loc.table = c.table;
            const Table* t = d_.table(c.table);
            std::string what = c.predicate == "present"   ? fmt::format("缺少公开{}表", c.table)
                               : c.predicate == "empty"   ? fmt::format("公开{}表{}", c.table, c.negated ? "无数据" : "有数据")
                                                          : fmt::format("公开{}表的表注{}“本表无数据”的说明", c.table,
                                                                      c.negated ? "不应有" : "缺少");
            if (t) loc.label = t->title;
            add(rule, loc, fmt::format("{}：{}", rule.description, what));
            return;
        }
        // Locate at the row being checked, else at the first cell of the left side.
        FindingLocation loc;
        std::string lhs_column = inst.column;
        for (const auto& term : c.lhs.terms)
            if (term.kind == RuleTerm::Kind::RowColumn) lhs_column = term.column;
        if (sc.each_row)
            loc = locate(d_, sc.each_row, lhs_column);
        else if (!l.cells.empty())
            loc = locate(d_, l.cells.front().first, l.cells.front().second);
        std::string lhs_text = describe_expr(d_, c.lhs, sc.each_table);
        std::string rhs_text = describe_expr(d_, c.rhs, sc.each_table);
        if (sc.each_row && c.lhs.terms.size() == 1 && c.lhs.terms.front().kind == RuleTerm::Kind::RowColumn)
            lhs_text = describe_cell(*sc.each_table, *sc.each_row, lhs_column);
        else if (c.lhs.terms.size() == 1 && c.lhs.terms.front().kind == RuleTerm::Kind::Cell && l.cells.size() == 1)
            lhs_text = describe_cell(*d_.table(c.lhs.terms.front().ref.table), *l.cells.front().first, l.cells.front().second);
        std::string relation = c.op == "==" ? "应等于" : c.op == "<=" ? "应不大于" : c.op == ">=" ? "应不小于"
                             : c.op == "<"  ? "应小于"  : c.op == ">"  ? "应大于"   : "应不等于";
        add(rule, loc,
            fmt::format("{}：{} 为 {}，{} {}（{}），相差 {}", rule.description, lhs_text, format_wan(l.money()), relation,
                        rhs_text, format_wan(r.money()), format_wan(l.money() - r.money())),
            r.money(), l.money());
    }

    // Rules that check every row of a table on their own: roll-ups and the catalog.
    void row_predicate(const Rule& rule, const Rule::Instance& inst, const Condition& c) {
        if (c.predicate == "claims" || c.predicate == "perf" || c.predicate == "doc") {
            int evals = 0;
            auto problems = c.predicate == "claims" ? check_claims(d_, ev_, c.table, evals)
                            : c.predicate == "perf" ? check_performance(d_, c.table, evals)
                                                    : check_structure(d_, c.table, evals);
            out_.evaluations[rule.id] += evals;
            for (auto& p : problems) {
                Finding f;
                f.rule = rule.id;
                f.severity = p.cannot ? FindingSeverity::Info : rule.severity;
                f.category = p.cannot ? "completeness" : rule.category;
                f.message = rule.description + "：" + p.message;
                f.location = std::move(p.where);
                f.expected_text = p.expected;
                f.actual_text = p.actual;
                f.difference_text = p.difference;
                f.related = rule.related;
                out_.findings.push_back(std::move(f));
            }
            return;
        }
        const Table* t = d_.table(c.table);
        if (!t) {
            cannot(rule, inst, fmt::format("缺少公开{}表", c.table), c.table);
            return;
        }
        bool economic = t->kind == TableKind::EconomicDetail;
        if (c.predicate == "rollup") return rollup(rule, *t, economic);
        if (c.predicate == "sums") return sums(rule, *t);
        const Catalog* cat = nullptr;
        if (catalogs_) cat = economic ? &catalogs_->economic : &catalogs_->functional;
        CatalogKind kind = economic ? CatalogKind::Economic : CatalogKind::Functional;
        std::set<std::string> codes;
        for (const auto& r : t->rows)
            if (r.code) codes.insert(*r.code);
        std::string previous;
        for (const auto& r : t->rows) {
            if (!r.code) continue;
            const std::string& code = *r.code;
            ++out_.evaluations[rule.id];
            FindingLocation loc = locate(d_, &r, "");
            if (c.predicate == "catalog_known" || c.predicate == "catalog_names") {
                if (!cat) {
                    cannot(rule, inst, "未加载科目目录", t->id);
                    return;
                }
                const CatalogEntry* e = cat->find(code);
                if (c.predicate == "catalog_known" && !e)
                    add(rule, loc, fmt::format("{}：科目 {}“{}”不在科目目录中", rule.description, code, r.label));
                if (c.predicate == "catalog_names" && e && !Catalog::name_matches(*e, r.label))
                    add(rule, loc, fmt::format("{}：科目 {} 印作“{}”，科目目录（{}）中为“{}”", rule.description, code, r.label,
                                               e->origin, e->name));
            } else if (c.predicate == "tree_levels") {
                if (!level_of(kind, code))
                    add(rule, loc, fmt::format("{}：科目编码“{}”的位数不对（{}）", rule.description, code,
                                               economic ? "经济分类为 3 位类、5 位款" : "功能分类为 3 位类、5 位款、7 位项"));
                else if (!economic && !previous.empty() && code < previous)
                    add(rule, loc, fmt::format("{}：科目 {} 排在 {} 之后，未按编码顺序列示", rule.description, code, previous));
                previous = code;
            } else if (c.predicate == "tree_parents") {
                for (std::string p = parent_code(code); !p.empty(); p = parent_code(p))
                    if (!codes.count(p) && level_of(kind, code))
                        add(rule, loc, fmt::format("{}：科目 {}“{}”的上级科目 {} 未在表中列出", rule.description, code,
                                                   r.label, p));
            }
        }
    }

    // Every sum the table states itself, as its template made it: a fixed table's cells that add
    // up rows or columns (Row::formulas), a subject table's columns that add up the others
    // (Column::formula, on every row). The identities are the template's, stated once.
    void sums(const Rule& rule, const Table& t) {
        for (const auto& r : t.rows) {
            if (r.role == RowRole::Blank) continue;
            std::vector<std::pair<std::string, std::string>> checks(r.formulas.begin(), r.formulas.end());
            for (const auto& col : t.columns)
                if (!col.formula.empty() && t.kind == TableKind::SubjectTree) checks.emplace_back(col.key, col.formula);
            for (const auto& [column, text] : checks) {
                auto own = r.values.find(column);
                if (own == r.values.end()) continue;
                auto [it, fresh] = parsed_.try_emplace(text);
                if (fresh) it->second = parse_rule_expr(text);
                Value v = ev_.eval(it->second, Scope{&t, &r, nullptr});
                if (!v.missing.empty()) continue;
                Money mine = own->second.value_or(Money{});
                if (mine.is_zero() && v.raw == 0) continue;  // blank over blanks proves nothing
                ++out_.evaluations[rule.id];
                if (within_tolerance((mine - v.money()).fen(), v.terms + (own->second ? 1 : 0), d_.precision_fen)) continue;
                add(rule, locate(d_, &r, column),
                    fmt::format("{}：{} 为 {}，应等于 {}（{}），相差 {}", rule.description, describe_cell(t, r, column),
                                format_wan(mine), describe_expr(d_, it->second, &t), format_wan(v.money()),
                                format_wan(mine - v.money())),
                    v.money(), mine);
            }
        }
    }

    // 合计 = Σ类, 类 = Σ款, 款 = Σ项 (and 06's group totals = Σ their 类), every column.
    void rollup(const Rule& rule, const Table& t, bool economic) {
        for (const auto& r : t.rows) {
            std::vector<const Row*> children;
            if (r.code) {
                children = ev_.children(t, *r.code);
                if (children.empty()) continue;  // a leaf, or a missing level (tree_parents reports it)
            } else if (r.role == RowRole::Total) {
                for (const auto& c : t.rows)
                    if (c.code && c.code->size() == 3 && (r.side.empty() || c.side == r.side)) children.push_back(&c);
            } else {
                continue;
            }
            for (const auto& col : t.columns) {
                auto own = r.values.find(col.key);
                if (own == r.values.end()) continue;
                Money sum;
                for (const Row* c : children)
                    if (auto it = c->values.find(col.key); it != c->values.end() && it->second) sum += *it->second;
                Money v = own->second.value_or(Money{});
                if (!children.empty()) ++out_.evaluations[rule.id];  // a total over nothing is checked, not counted
                // Printed terms only: a blank cell is an exact zero, not a rounded one.
                int terms = own->second ? 1 : 0;
                for (const Row* c : children)
                    if (auto it = c->values.find(col.key); it != c->values.end() && it->second) ++terms;
                if (within_tolerance((v - sum).fen(), terms, d_.precision_fen)) continue;
                std::string parts = r.code ? (economic || r.code->size() == 3 ? "其下各款之和" : "其下各项之和")
                                           : (r.side.empty() ? "各类之和" : "各类之和");
                if (r.code && r.code->size() == 3 && !economic) parts = "其下各款之和";
                add(rule, locate(d_, &r, col.key),
                    fmt::format("{}：{} 为 {}，应等于{} {}，相差 {}", rule.description, describe_cell(t, r, col.key),
                                format_wan(v), parts, format_wan(sum), format_wan(v - sum)),
                    sum, v);
            }
        }
    }

    const Disclosure& d_;
    const Catalogs* catalogs_;
    FormulaEvaluator ev_;
    std::map<std::string, RuleExpr> parsed_;  // the tables' formulas, parsed once
    CheckResult& out_;
};

}  // namespace

std::vector<std::string> tables_read(const Rule& rule, const Rule::Instance& inst) {
    std::vector<std::string> ids;
    if (!rule.each.empty()) ids.push_back(rule.each);
    auto add_condition = [&](const Condition& c) {
        if (c.is_predicate) ids.push_back(c.table);
        for (const RuleExpr* e : {&c.lhs, &c.rhs})
            for (const auto& t : e->terms)
                if (t.kind == RuleTerm::Kind::Cell || t.kind == RuleTerm::Kind::Sum) ids.push_back(t.ref.table);
    };
    if (inst.formula.guard) add_condition(*inst.formula.guard);
    add_condition(inst.formula.body);
    return ids;
}

std::vector<RuleSet> rules_reading(const std::vector<RuleSet>& sets, const std::string& id) {
    std::vector<RuleSet> out;
    for (const auto& set : sets) {
        RuleSet kept = set;
        kept.rules.clear();
        for (const auto& rule : set.rules) {
            bool reads = false;
            for (const auto& inst : rule.instances) {
                auto ids = tables_read(rule, inst);
                reads = reads || std::find(ids.begin(), ids.end(), id) != ids.end();
            }
            if (reads) kept.rules.push_back(rule);
        }
        if (!kept.rules.empty()) out.push_back(std::move(kept));
    }
    return out;
}

bool RuleSet::applies_to(const std::string& template_id) const {
    for (const auto& t : templates)
        if (t == "*" || t == template_id) return true;
    return false;
}

CheckResult run_checks(const Disclosure& d, const std::vector<RuleSet>& sets, const Catalogs* catalogs) {
    CheckResult out;
    Runner runner(d, catalogs, out);
    for (const auto& set : sets) {
        if (!set.applies_to(d.template_id)) continue;
        for (const auto& rule : set.rules) {
            out.evaluations.try_emplace(rule.id, 0);
            try {
                runner.run(rule);
            } catch (const AmountOverflow&) {
                throw AmountOverflow(Location{rule.origin, rule.line},
                                     fmt::format("审核规则 {}（{}）计算的合计或差额", rule.id, rule.description));
            }
        }
    }
    // Grouped by table in printed order, then by rule.
    std::map<std::string, size_t> order;
    for (size_t i = 0; i < d.tables.size(); ++i) order[d.tables[i].id] = i;
    std::stable_sort(out.findings.begin(), out.findings.end(), [&](const Finding& a, const Finding& b) {
        auto oa = order.count(a.location.table) ? order[a.location.table] : 99;
        auto ob = order.count(b.location.table) ? order[b.location.table] : 99;
        return oa < ob;
    });
    return out;
}

}  // namespace juesuan
