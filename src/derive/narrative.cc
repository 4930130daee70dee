#include "derive/narrative.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/catalog.h"
#include "core/ratio.h"
#include "core/score.h"
#include "core/text.h"
#include "formula/formula.h"

namespace juesuan {

namespace {

std::map<std::string, std::string> subject_names(const Disclosure& d) {
    std::map<std::string, std::string> names;
    for (const auto& t : d.tables)
        if (t.kind == TableKind::SubjectTree)
            for (const auto& r : t.rows)
                if (r.code) names.emplace(*r.code, r.label);
    return names;
}

std::string path_of(const std::map<std::string, std::string>& names, const std::string& code) {
    std::vector<std::string> chain;
    for (std::string c = code; !c.empty(); c = parent_code(c)) chain.insert(chain.begin(), c);
    std::string out;
    for (const auto& c : chain) {
        auto lvl = level_of(CatalogKind::Functional, c);
        auto it = names.find(c);
        out += (it != names.end() ? it->second : c) + "（" + std::string(lvl ? level_name(*lvl) : "") + "）";
    }
    return out;
}

}  // namespace

std::string subject_path(const Disclosure& d, const std::string& code) { return path_of(subject_names(d), code); }

namespace {

struct Item {
    const Table* table = nullptr;
    const Row* row = nullptr;
    const ProjectEvaluation* project = nullptr;
    int n = 0;
    std::string column;  // a loop over the columns of a row, or the key of a fixed list
    std::string label;   // the label of a fixed list's item
};

struct Rendered {
    std::string text;
    std::vector<Claim> claims;  // offsets into text
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // officer texts: offset, length
    std::optional<Chart> chart;
};

// Builds the narrative of one disclosure from its template.
class NarrativeBuilder {
public:
    NarrativeBuilder(const Disclosure& d, const Facts& f, const NarrativeTemplate& t, const SubjectDefinitions& defs,
           Diagnostics& warnings)
        : d_(d), f_(f), t_(t), defs_(defs), warnings_(warnings), ev_(d), names_(subject_names(d)) {}

    Narrative run() {
        Narrative n;
        for (const auto& spec : t_.sections) n.sections.push_back(section(spec, spec.id, Item{}));
        if (t_.report) {
            int k = 0;
            for (const auto& p : d_.performance.projects) {
                if (!p.key || !f_.report(p.name)) continue;
                Item it;
                it.project = &p;
                it.n = ++k;
                Section s = section(*t_.report, fmt::format("报告{}", k), it);
                s.project = p.name;
                if (std::string own = text_of("report.title", it); !trim(own).empty()) s.title = trim(own);
                n.reports.push_back(std::move(s));
            }
        }
        glossary(n);
        return n;
    }

protected:
    // A section (or a report, whose paragraphs speak of one project) rendered from its spec.
    Section section(const SectionSpec& spec, const std::string& id, const Item& scope) {
        Section s;
        s.id = id;
        section_ = id;
        counter_ = 0;
        scope_ = scope;
        s.title = spec.title.empty() ? spec.title : render(spec.title, scope).text;
        std::vector<Rendered> paragraphs;
        std::vector<std::string> styles;
        for (const auto& p : spec.paragraphs) paragraph(p, paragraphs, styles);
        for (size_t i = 0; i < paragraphs.size(); ++i)
            for (auto& part : lines(std::move(paragraphs[i]))) s.paragraphs.push_back(sentences(part, styles[i]));
        return s;
    }

    // An officer's text of several lines is several paragraphs.
    static std::vector<Rendered> lines(Rendered r) {
        if (r.text.find('\n') == std::string::npos) return {std::move(r)};
        std::vector<Rendered> out;
        size_t start = 0;
        while (start <= r.text.size()) {
            size_t end = r.text.find('\n', start);
            if (end == std::string::npos) end = r.text.size();
            Rendered part;
            part.text = r.text.substr(start, end - start);
            for (const auto& c : r.claims)
                if (c.offset >= start && c.offset < end) {
                    Claim x = c;
                    x.offset -= start;
                    part.claims.push_back(std::move(x));
                }
            for (auto [o, n] : r.spans) {
                std::size_t b = std::max(o, start), e = std::min(o + n, end);
                if (b < e) part.spans.emplace_back(b - start, e - b);
            }
            if (out.empty()) part.chart = r.chart;
            if (!trim(part.text).empty()) out.push_back(std::move(part));
            start = end + 1;
        }
        return out;
    }

    // ---- values

    std::string with_item(std::string s, const Item& it) const {
        if (it.row) {
            std::string code = row_code(*it.row);
            s = replace_all(s, "@code", code);
            s = replace_all(s, "@subject", it.row->subject.empty() ? code : it.row->subject);
        }
        if (it.project) s = replace_all(s, "@name", it.project->name);
        if (!it.column.empty()) s = replace_all(s, "@col", it.column);
        return s;
    }

    std::optional<std::int64_t> value(const std::string& expr) const {
        try {
            Value v = ev_.eval(parse_rule_expr(expr), Scope{});
            if (!v.missing.empty()) return std::nullopt;
            return v.raw;
        } catch (const FormulaError& e) {
            throw std::runtime_error(fmt::format("叙述模板 {} 第“{}”部分：{}", t_.origin, section_, e.what()));
        }
    }

    std::string text_of(const std::string& key, const Item& it) const {
        auto dot = key.find('.');
        std::string head = key.substr(0, dot), rest = dot == std::string::npos ? "" : key.substr(dot + 1);
        if (head == "texts") {
            auto x = f_.department.texts.find(rest);
            return x == f_.department.texts.end() ? "" : x->second;
        }
        if (head == "change" || head == "budget_reason") {
            for (const auto& c : f_.comparisons)
                if (c.key == rest) return head == "change" ? c.change_reason : c.budget_reason;
            return "";
        }
        if (head == "reason" && it.row) {
            std::string code = row_code(*it.row);
            for (const auto& b : f_.budget)
                if (b.code == code) return b.reason;
            return "";
        }
        if (head == "review" && it.project) return it.project->review;
        if (head == "report" && it.project) {
            const KeyReport* r = f_.report(it.project->name);
            if (!r) return "";
            auto x = r->texts.find(rest);
            return x == r->texts.end() ? "" : x->second;
        }
        return "";
    }

    std::string names_of(const std::string& sel, const Item& it) const {
        std::string out;
        if (sel.rfind("P[", 0) == 0) {
            for (const auto* p : ev_.projects(sel.substr(2, sel.size() - 3), Scope{}))
                out += (out.empty() ? "" : "、") + p->name;
            return out;
        }
        for (const Row* r : rows_of(with_item(sel, it)))
            if (std::any_of(r->values.begin(), r->values.end(), [](const auto& kv) { return kv.second && !kv.second->is_zero(); }))
                out += (out.empty() ? "" : "、") + r->label;
        return out;
    }

    std::vector<const Row*> rows_of(const std::string& sel) const {
        if (sel.size() < 4 || sel[0] != 'T' || sel.back() != ']')
            throw std::runtime_error(fmt::format("叙述模板 {}：“{}”应写作 T05[level=项] 这样的行选择", t_.origin, sel));
        const Table* t = d_.table(sel.substr(1, 2));
        if (!t) return {};
        std::string missing;
        Selector s = parse_selector(sel.substr(4, sel.size() - 5));
        std::vector<const Row*> out;
        for (const Row* r : ev_.select(*t, s, {}, missing))
            if (r->role != RowRole::Blank) out.push_back(r);
        return out;
    }

    bool holds(const std::string& when, const Item& it) const {
        if (when.empty()) return true;
        if (when.rfind("text:", 0) == 0) return !trim(text_of(when.substr(5), it)).empty();
        if (when.rfind("ends:", 0) == 0) {
            // ends:KEY|。 — the officer's text ends with that (it finishes its own sentence)
            auto bar = when.find('|');
            if (bar == std::string::npos) throw std::runtime_error(fmt::format("叙述模板 {}：ends:KEY|文字 缺少 |", t_.origin));
            std::string t = trim(text_of(when.substr(5, bar - 5), it)), end = when.substr(bar + 1);
            return t.size() >= end.size() && t.compare(t.size() - end.size(), end.size(), end) == 0;
        }
        if (when.rfind("at100:", 0) == 0) {
            // A/B prints as 100 %: 完成年初预算的 100%
            auto parts = split(with_item(when.substr(6), it), '|');
            if (parts.size() != 2) throw std::runtime_error(fmt::format("叙述模板 {}：at100:A|B 需要两个表达式", t_.origin));
            auto x = value(parts[0]), y = value(parts[1]);
            auto p = x && y ? percent_of(*x, *y) : std::nullopt;
            return p && p->hundredths == 10'000;
        }
        Formula f;
        try {
            f = parse_formula(with_item(when, it));
        } catch (const FormulaError& e) {
            throw std::runtime_error(fmt::format("叙述模板 {} 第“{}”部分的条件：{}", t_.origin, section_, e.what()));
        }
        auto cond = [&](const Condition& c) -> bool {
            if (c.is_predicate) {
                const Table* t = d_.table(c.table);
                bool v = false;
                if (c.predicate == "present") v = t != nullptr;
                else if (c.predicate == "empty") v = !t || !t->has_data;
                return v != c.negated;
            }
            Value l = ev_.eval(c.lhs, {}), r = ev_.eval(c.rhs, {});
            if (!l.missing.empty() || !r.missing.empty()) return false;
            std::int64_t diff = l.raw - r.raw;
            if (c.op == "==") return diff == 0;
            if (c.op == "!=") return diff != 0;
            if (c.op == "<=") return diff <= 0;
            if (c.op == ">=") return diff >= 0;
            if (c.op == "<") return diff < 0;
            return diff > 0;
        };
        return (!f.guard || cond(*f.guard)) && cond(f.body);
    }

protected:
    // ---- rendering

    void claim(Rendered& out, std::string kind, std::string text, std::int64_t v, std::string unit, std::string states) {
        Claim c;
        c.id = fmt::format("{}.{}", section_, ++counter_);
        c.kind = std::move(kind);
        c.text = std::move(text);
        c.value = v;
        c.unit = std::move(unit);
        c.states = std::move(states);
        c.offset = out.text.size();
        out.text += c.text;
        out.claims.push_back(std::move(c));
    }

    void missing_value(Rendered& out, const std::string& what) {
        warnings_.warning(Location{t_.origin, 0, 0, {}, section_},
                          fmt::format("情况说明第“{}”部分：{} 无法计算（缺少所需的数据），以“—”代替", section_, what));
        out.text += "—";
    }

    Rendered render(const std::string& tmpl, const Item& it) {
        Rendered out;
        size_t pos = 0;
        while (pos < tmpl.size()) {
            size_t open = tmpl.find('{', pos);
            if (open == std::string::npos) {
                out.text += tmpl.substr(pos);
                break;
            }
            out.text += tmpl.substr(pos, open - pos);
            size_t close = tmpl.find('}', open);
            if (close == std::string::npos)
                throw std::runtime_error(fmt::format("叙述模板 {}：“{}”缺少 }}", t_.origin, tmpl.substr(open)));
            placeholder(out, tmpl.substr(open + 1, close - open - 1), it);
            pos = close + 1;
        }
        return out;
    }

    // Text taken from the books (names, the officer's words): recorded as quoted.
    void quote(Rendered& out, const std::string& t) {
        if (t.empty()) return;
        out.spans.emplace_back(out.text.size(), t.size());
        out.text += t;
    }

    void placeholder(Rendered& out, const std::string& body, const Item& it) {
        std::vector<std::string> a;
        for (auto& x : split(body, '|')) a.push_back(trim(x));
        const std::string& k = a[0];
        auto arg = [&](size_t i) { return i < a.size() ? with_item(a[i], it) : std::string(); };
        const Department& dep = f_.department;
        if (k == "year") out.text += std::to_string(dep.year);
        else if (k == "prev_year") out.text += std::to_string(dep.year - 1);
        else if (k == "department") quote(out, dep.name);
        else if (k == "short_name") quote(out, dep.short_name);
        else if (k == "n") out.text += std::to_string(it.n);
        else if (k == "n_cn") out.text += chinese_numeral(it.n);
        else if (k == "item.code") out.text += it.row ? row_code(*it.row) : "";
        else if (k == "item.name") {
            if (!it.label.empty()) {
                out.text += it.label;
            } else if (!it.column.empty() && it.table) {
                const Column* c = it.table->column(it.column);
                out.text += c ? label_key(c->label) : it.column;
            } else {
                quote(out, it.row ? it.row->label : it.project ? it.project->name : "");
            }
        }
        else if (k == "item.stem") {
            std::string name = it.row ? it.row->label : "";
            if (name.size() > 6 && name.compare(name.size() - 6, 6, "支出") == 0) name.resize(name.size() - 6);
            out.text += name;
        } else if (k == "item.path") quote(out, it.row ? path_of(names_, row_code(*it.row)) : "");
        else if (k == "text") {
            std::string t = text_of(a.at(1), it);
            if (trim(t).empty() && a.size() > 2)
                out.text += a[2];
            else
                quote(out, t);  // the officer's words: their numbers are the officer's own
        }
        else if (k == "names") quote(out, names_of(a.at(1), it));
        else if (k == "amount" || k == "amount_abs") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            Money m = Money::from_fen(round_half_up(k == "amount_abs" && *v < 0 ? checked_neg(*v) : *v, 10'000));
            claim(out, "amount", format_wan_trimmed(m), m.fen(), "万元", k == "amount" ? arg(1) : "abs(" + arg(1) + ")");
        } else if (k == "share" || k == "completion" || k == "growth_abs") {
            auto x = value(arg(1)), y = value(arg(2));
            std::optional<Percent> p;
            if (x && y) p = k == "growth_abs" ? percent_of(*x - *y, *y) : percent_of(*x, *y);
            if (!p) return missing_value(out, k + "(" + arg(1) + ", " + arg(2) + ")");
            if (k == "growth_abs" && p->hundredths < 0) p->hundredths = -p->hundredths;
            claim(out, "percent", format_percent(*p), p->hundredths, "%", k + "(" + arg(1) + ", " + arg(2) + ")");
        } else if (k == "percent" || k == "percent_fixed") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            claim(out, "percent", format_percent({*v}, k == "percent" ? PercentStyle::Trimmed : PercentStyle::Fixed), *v, "%", arg(1));
        } else if (k == "score") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            claim(out, "score", format_score({*v}), *v, "分", arg(1));
        } else if (k == "count") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            claim(out, "count", std::to_string(*v), *v, "", arg(1));
        } else if (k == "dir") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            claim(out, "text", *v >= 0 ? a.at(2) : a.at(3), 0, "", fmt::format("sign({}, {}, {})", arg(1), a.at(2), a.at(3)));
        } else if (k == "cmp") {
            // Three ways by how the completion rate prints: above, below or at 100 %.
            auto x = value(arg(1)), y = value(arg(2));
            auto p = x && y ? percent_of(*x, *y) : std::nullopt;
            if (!p) return missing_value(out, "cmp(" + arg(1) + ", " + arg(2) + ")");
            const std::string& word = p->hundredths > 10'000 ? a.at(3) : p->hundredths < 10'000 ? a.at(4) : a.at(5);
            if (!word.empty())
                claim(out, "text", word, 0, "", fmt::format("cmp({}, {}, {}, {}, {})", arg(1), arg(2), a.at(3), a.at(4), a.at(5)));
        } else if (k == "grade") {
            auto v = value(arg(1));
            if (!v) return missing_value(out, arg(1));
            claim(out, "text", d_.performance.method.grade_of({*v}), 0, "", "grade(" + arg(1) + ")");
        } else {
            throw std::runtime_error(fmt::format("叙述模板 {}：未知的占位符“{{{}}}”", t_.origin, body));
        }
    }

    void append_to(Rendered& to, Rendered&& more) {
        for (auto& c : more.claims) {
            c.offset += to.text.size();
            to.claims.push_back(std::move(c));
        }
        for (auto [o, n] : more.spans) to.spans.emplace_back(o + to.text.size(), n);
        to.text += more.text;
        if (more.chart) to.chart = std::move(more.chart);
    }

    // The text a paragraph says for an item: the first case that holds, else say/otherwise.
    std::optional<Rendered> say(const ParagraphSpec& p, const Item& it) {
        if (!p.cases.empty()) {
            for (const auto& [when, text] : p.cases)
                if (holds(when, it)) return render(text, it);
            return std::nullopt;
        }
        if (holds(p.when, it)) return render(p.say, it);
        if (!p.otherwise.empty()) return render(p.otherwise, it);
        return std::nullopt;
    }

    std::vector<Item> items_of(const std::string& each) const {
        std::vector<Item> items;
        if (each.rfind("{", 0) == 0 && each.back() == '}') {
            // A fixed list: {goods:货物,works:工程} — @col is the key, {item.name} the label
            for (const auto& part : split(each.substr(1, each.size() - 2), ',')) {
                auto colon = part.find(':');
                Item it;
                it.column = trim(part.substr(0, colon));
                it.label = colon == std::string::npos ? it.column : trim(part.substr(colon + 1));
                items.push_back(it);
            }
            return items;
        }
        if (each.rfind("P[", 0) == 0) {
            for (const auto* pr : ev_.projects(each.substr(2, each.size() - 3), Scope{})) items.push_back({nullptr, nullptr, pr, 0, {}});
            return items;
        }
        const Table* t = d_.table(each.substr(1, 2));
        if (auto dot = each.find("].{"); dot != std::string::npos && each.back() == '}') {
            // The columns of one row: T02[合计].{fiscal,superior}
            auto rows = rows_of(each.substr(0, dot + 1));
            for (const auto& col : split(each.substr(dot + 3, each.size() - dot - 4), ','))
                if (!rows.empty()) items.push_back({t, rows.front(), nullptr, 0, trim(col)});
            return items;
        }
        for (const Row* r : rows_of(each)) items.push_back({t, r, nullptr, 0, {}});
        return items;
    }

    // A caption's chart; none (with a warning) when a value cannot be computed.
    std::optional<Chart> chart(const ChartSpec& spec) {
        Chart c;
        c.kind = spec.kind;
        auto eval = [&](const std::string& expr, std::int64_t& out) {
            auto v = value(expr);
            if (!v) {
                warnings_.warning(Location{t_.origin, 0, 0, {}, section_},
                                  fmt::format("情况说明第“{}”部分的图表：{} 无法计算（缺少所需的数据），未画出该图", section_, expr));
                return false;
            }
            out = *v;
            return true;
        };
        // Bars: a series the books cannot give (no 上年决算数) is left out, as the sentences leave
        // out the comparison; the chart needs at least one series.
        std::vector<bool> known(spec.series.size(), true);
        for (const auto& item : spec.items)
            for (size_t i = 1; i < item.size(); ++i)
                if (!value(with_item(item[i], scope_))) known[i - 1] = false;
        if (!spec.series.empty() && std::none_of(known.begin(), known.end(), [](bool k) { return k; })) {
            std::int64_t ignored = 0;
            eval(with_item(spec.items.front()[1], scope_), ignored);  // warns
            return std::nullopt;
        }
        for (size_t i = 0; i < spec.series.size(); ++i)
            if (known[i]) c.series.push_back(render(spec.series[i], scope_).text);
        for (const auto& item : spec.items) {
            ChartItem ci;
            ci.label = render(item[0], scope_).text;
            for (size_t i = 1; i < item.size(); ++i)
                if (known[i - 1]) ci.values.push_back(*value(with_item(item[i], scope_)));
            c.items.push_back(std::move(ci));
        }
        if (!spec.each.empty()) {
            for (const auto& it : items_of(spec.each)) {
                std::int64_t v = 0;
                if (!eval(with_item(spec.value, it), v)) return std::nullopt;
                if (v == 0) continue;
                c.items.push_back({render(spec.label, it).text, {v}});
            }
        }
        return c;
    }

    void paragraph(const ParagraphSpec& p, std::vector<Rendered>& out, std::vector<std::string>& styles) {
        std::vector<Rendered> produced;
        if (p.each.empty()) {
            if (auto r = say(p, scope_)) produced.push_back(std::move(*r));
        } else {
            int n = 0;
            for (auto& it : items_of(p.each)) {
                it.n = n + 1;
                auto r = say(p, it);
                if (!r) continue;
                ++n;
                produced.push_back(std::move(*r));
            }
            if (produced.empty() && !p.if_empty.empty()) produced.push_back(render(p.if_empty, scope_));
            if (!p.join.empty() && !produced.empty()) {
                Rendered joined;
                for (size_t i = 0; i < produced.size(); ++i) {
                    if (i) joined.text += p.join;
                    append_to(joined, std::move(produced[i]));
                }
                joined.text += p.end;
                produced = {std::move(joined)};
            }
        }
        if (p.chart && !produced.empty()) produced.back().chart = chart(*p.chart);
        for (auto& r : produced) {
            if (p.append && !out.empty()) {
                append_to(out.back(), std::move(r));
            } else {
                out.push_back(std::move(r));
                styles.push_back(p.style);
            }
        }
    }

    // Sentences end at 。; each claim goes with the sentence it stands in.
    Paragraph sentences(const Rendered& r, const std::string& style) {
        Paragraph p;
        p.style = style;
        p.chart = r.chart;
        const std::string stop = "。";
        size_t start = 0;
        while (start < r.text.size()) {
            size_t end = r.text.find(stop, start);
            end = end == std::string::npos ? r.text.size() : end + stop.size();
            Sentence s;
            s.text = r.text.substr(start, end - start);
            for (const auto& c : r.claims)
                if (c.offset >= start && c.offset < end) {
                    Claim x = c;
                    x.offset -= start;
                    s.claims.push_back(std::move(x));
                }
            for (auto [o, n] : r.spans) {
                // the part of an officer's text that falls in this sentence
                std::size_t b = std::max(o, start), e = std::min(o + n, end);
                if (b < e) s.quoted.emplace_back(b - start, e - b);
            }
            p.sentences.push_back(std::move(s));
            start = end;
        }
        return p;
    }

    void glossary(Narrative& n) {
        for (const auto& [term, def] : t_.glossary) n.glossary.push_back({term, def, ""});
        if (t_.glossary_subjects.empty()) return;
        std::vector<std::string> lacking;
        for (const Row* r : rows_of(t_.glossary_subjects)) {
            std::string code = row_code(*r);
            auto it = defs_.by_code.find(code);
            if (it == defs_.by_code.end()) lacking.push_back(code);
            n.glossary.push_back({path_of(names_, code), it == defs_.by_code.end() ? "" : it->second, code});
        }
        if (!lacking.empty()) {
            std::string list;
            for (size_t i = 0; i < lacking.size() && i < 5; ++i) list += (i ? "、" : "") + lacking[i];
            warnings_.warning(Location{"glossary.csv"},
                              fmt::format("名词解释缺少 {} 个科目的解释（{}{}）：可在账簿目录的 glossary.csv 中补充“科目编码,解释”",
                                          lacking.size(), list, lacking.size() > 5 ? " 等" : ""));
        }
    }

    const Disclosure& d_;
    const Facts& f_;
    const NarrativeTemplate& t_;
    const SubjectDefinitions& defs_;
    Diagnostics& warnings_;
    FormulaEvaluator ev_;
    std::map<std::string, std::string> names_;  // code → label, for paths
    std::string section_;
    Item scope_;  // the project a report speaks of
    int counter_ = 0;
};


// ---- reading: the same patterns, backwards

// Text compared as print varies it: without white space, full-width punctuation as ASCII;
// `at` maps each byte of the result back to the text it came from.
struct Folded {
    std::string text;
    std::vector<size_t> at;
};

Folded fold(std::string_view s) {
    Folded f;
    static const std::pair<std::string_view, char> kFold[] = {{"，", ','}, {"：", ':'}, {"；", ';'}, {"（", '('},
                                                              {"）", ')'}, {"％", '%'}, {"．", '.'}};
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            ++i;
            continue;
        }
        if (s.substr(i).starts_with("\u3000") || s.substr(i).starts_with("\u00a0")) {
            i += s.substr(i).starts_with("\u3000") ? 3 : 2;
            continue;
        }
        bool folded = false;
        for (auto [from, to] : kFold)
            if (s.substr(i).starts_with(from)) {
                f.text += to;
                f.at.push_back(i);
                i += from.size();
                folded = true;
                break;
            }
        if (folded) continue;
        f.text += s[i];
        f.at.push_back(i++);
    }
    f.at.push_back(s.size());
    return f;
}

struct Token {
    enum class Kind { Literal, Number, Percent, Count, Word, Any } kind = Kind::Literal;
    std::string text;                // Literal: folded
    std::vector<std::string> words;  // Word: folded alternatives, longest first ("" allowed)
    std::string claim;               // the claim's kind when the token states one: amount, percent …
    std::string unit, states;
    bool quoted = false;             // Any: the officer's words
    bool item_name = false;          // Any: the name of the loop's item, unknown to the reader (a project)
};
using Tokens = std::vector<Token>;
// A paragraph as a sequence of slots, each one of several token sequences (a case, an item).
using Slots = std::vector<std::vector<Tokens>>;

struct Capture {
    const Token* token;
    size_t begin, end;  // in the folded text
};

class Matcher {
public:
    Matcher(const std::string& text, const Slots& slots) : text_(text), slots_(slots) {}
    bool run() { return slot(0, 0); }
    std::vector<Capture> captures;

private:
    static constexpr long kBudget = 200'000;  // steps: a pathological paragraph gives up, never hangs

    bool slot(size_t s, size_t pos) {
        if (s == slots_.size()) return pos == text_.size();
        for (const Tokens& alt : slots_[s])
            if (tokens(s, alt, 0, pos)) return true;
        return false;
    }

    bool tokens(size_t s, const Tokens& ts, size_t k, size_t pos) {
        if (++steps_ > kBudget) return false;
        if (k == ts.size()) return slot(s + 1, pos);
        const Token& t = ts[k];
        auto take = [&](size_t end) {
            captures.push_back({&t, pos, end});
            if (tokens(s, ts, k + 1, end)) return true;
            captures.pop_back();
            return false;
        };
        switch (t.kind) {
            case Token::Kind::Literal:
                return text_.compare(pos, t.text.size(), t.text) == 0 && tokens(s, ts, k + 1, pos + t.text.size());
            case Token::Kind::Word:
                for (const auto& w : t.words)
                    if (text_.compare(pos, w.size(), w) == 0 && take(pos + w.size())) return true;
                return false;
            case Token::Kind::Any:
                for (size_t end = pos; end <= text_.size(); ++end) {
                    if (end > pos && (static_cast<unsigned char>(text_[end - 1]) & 0xC0) == 0x80 && end < text_.size() &&
                        (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80)
                        continue;  // not inside a character
                    if (take(end)) return true;
                    if (steps_ > kBudget) return false;
                }
                return false;
            default: {
                size_t end = pos;
                if (t.kind != Token::Kind::Count && end < text_.size() && text_[end] == '-') ++end;
                const size_t digits = end;
                while (end < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[end])) ||
                                              (t.kind != Token::Kind::Count && end > digits &&
                                               (text_[end] == ',' || text_[end] == '.'))))
                    ++end;
                while (end > digits && (text_[end - 1] == ',' || text_[end - 1] == '.')) --end;  // a sentence's comma
                if (end == digits) return false;
                if (t.kind == Token::Kind::Percent) {
                    if (end >= text_.size() || text_[end] != '%') return false;
                    ++end;
                }
                return take(end);
            }
        }
    }

    const std::string& text_;
    const Slots& slots_;
    long steps_ = 0;
};

struct ReadingFacts {
    Facts facts;
    SubjectDefinitions definitions;  // none: reading makes no glossary
};

// The template's paragraphs as patterns over the imported tables: each number a pattern writes is
// captured where the document printed it and becomes the claim the build would have made.
class ClaimReader : private ReadingFacts, public NarrativeBuilder {
public:
    ClaimReader(const Disclosure& d, const NarrativeTemplate& t, Diagnostics& warnings)
        : ReadingFacts{facts_of(d), {}}, NarrativeBuilder(d, facts, t, definitions, warnings) {}

    // The claims of the section's paragraphs, in place; how many paragraphs a pattern read.
    int read(const SectionSpec& spec, Section& section) {
        section_ = section.id;
        counter_ = 0;
        std::vector<Slots> groups;
        std::vector<bool> repeats;
        for (const auto& p : spec.paragraphs)
            for (auto& printed : paragraph_slots(p)) {
                if (p.append && !groups.empty()) {
                    for (auto& sl : printed) groups.back().push_back(std::move(sl));
                } else {
                    groups.push_back(std::move(printed));
                    repeats.push_back(per_project(p));
                }
            }
        int read = 0;
        size_t cursor = 0;
        for (auto& para : section.paragraphs) {
            const std::string text = para.text();
            const Folded f = fold(text);
            for (size_t g = cursor; g < groups.size() && g < cursor + 6; ++g) {
                if (groups[g].empty()) continue;
                Matcher m(f.text, groups[g]);
                if (!m.run()) continue;
                attach(para, text, f, m.captures);
                cursor = repeats[g] ? g : g + 1;  // a paragraph per project: the next may be one too
                ++read;
                break;
            }
        }
        return read;
    }

private:
    // A paragraph for each project, the projects not read: one pattern that may match several.
    bool per_project(const ParagraphSpec& p) const {
        return p.each.rfind("P[", 0) == 0 && d_.performance.projects.empty() && p.join.empty();
    }

    static Facts facts_of(const Disclosure& d) {
        Facts f;
        f.department.name = d.department;
        f.department.year = d.year;
        return f;
    }

    Tokens tokens(const std::string& tmpl, const Item& it, bool free_item = false) {
        Tokens out;
        auto literal = [&](const std::string& text) {
            std::string t = fold(text).text;
            if (t.empty()) return;
            if (!out.empty() && out.back().kind == Token::Kind::Literal) out.back().text += t;
            else out.push_back({Token::Kind::Literal, t, {}, {}, {}, {}, false});
        };
        size_t pos = 0;
        while (pos < tmpl.size()) {
            size_t open = tmpl.find('{', pos);
            if (open == std::string::npos) {
                literal(tmpl.substr(pos));
                break;
            }
            literal(tmpl.substr(pos, open - pos));
            size_t close = tmpl.find('}', open);
            if (close == std::string::npos) break;
            const std::string body = tmpl.substr(open + 1, close - open - 1);
            pos = close + 1;
            std::vector<std::string> a;
            for (auto& x : split(body, '|')) a.push_back(trim(x));
            const std::string& k = a[0];
            auto arg = [&](size_t i) { return i < a.size() ? with_item(a[i], it) : std::string(); };
            Token t;
            if (free_item && (k == "item.name" || k == "n")) {
                // A project the document names but the reader has not read: its name (and number)
                // as printed, the claims' @name filled from it.
                t.kind = k == "n" ? Token::Kind::Count : Token::Kind::Any;
                t.item_name = k == "item.name";
            } else if (k == "short_name" || k == "text" || k == "names") {
                t.kind = Token::Kind::Any;
                t.quoted = true;
            } else if (k == "amount" || k == "amount_abs") {
                t = {Token::Kind::Number, {}, {}, "amount", "万元", k == "amount" ? arg(1) : "abs(" + arg(1) + ")", false};
            } else if (k == "share" || k == "completion" || k == "growth_abs") {
                t = {Token::Kind::Percent, {}, {}, "percent", "%", k + "(" + arg(1) + ", " + arg(2) + ")", false};
            } else if (k == "percent" || k == "percent_fixed") {
                t = {Token::Kind::Percent, {}, {}, "percent", "%", arg(1), false};
            } else if (k == "score") {
                t = {Token::Kind::Number, {}, {}, "score", "分", arg(1), false};
            } else if (k == "count") {
                t = {Token::Kind::Count, {}, {}, "count", "", arg(1), false};
            } else if (k == "dir" && a.size() >= 4) {
                t = {Token::Kind::Word, {}, {fold(a[2]).text, fold(a[3]).text}, "text", "",
                     fmt::format("sign({}, {}, {})", arg(1), a[2], a[3]), false};
            } else if (k == "cmp" && a.size() >= 6) {
                t = {Token::Kind::Word, {}, {fold(a[3]).text, fold(a[4]).text, fold(a[5]).text}, "text", "",
                     fmt::format("cmp({}, {}, {}, {}, {})", arg(1), arg(2), a[3], a[4], a[5]), false};
            } else if (k == "grade") {
                t = {Token::Kind::Word, {}, {}, "text", "", "grade(" + arg(1) + ")", false};
                for (const auto& g : d_.performance.method.grades) t.words.push_back(fold(g.name).text);
            } else {
                Rendered r;  // what the pattern prints itself: the year, a name, a number of an item
                placeholder(r, body, it);
                literal(r.text);
                continue;
            }
            std::sort(t.words.begin(), t.words.end(), [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
            out.push_back(std::move(t));
        }
        return out;
    }

    // A paragraph spec as the paragraphs it prints, each a sequence of slots: its cases (or say
    // and otherwise) as alternatives; a loop's items one slot each, with the join between them
    // and the end after — or, without a join, a paragraph each.
    std::vector<Slots> paragraph_slots(const ParagraphSpec& p) {
        auto alternatives = [&](const Item& it, bool free_item = false) {
            // Cases whose condition holds on what was read come first (as the build would choose
            // them), then those the reader cannot decide (a condition on a figure or an officer's
            // text a document does not print), then the rest; among equals the most specific first,
            // so that a case stating more (a cmp word before the officer's reason) is not read as
            // one that leaves it to the officer's words.
            std::vector<std::tuple<int, size_t, long, size_t, Tokens>> ranked;
            auto add = [&](int rank, Tokens ts) {
                size_t claims = 0, literal = 0;
                long open = 0;
                for (const auto& t : ts) {
                    claims += !t.claim.empty();
                    literal += t.kind == Token::Kind::Literal ? t.text.size() : 0;
                    open += t.kind == Token::Kind::Any;
                }
                ranked.emplace_back(rank, claims, -open, literal, std::move(ts));
            };
            if (!p.cases.empty()) {
                for (const auto& [when, text] : p.cases) {
                    const bool unknown = when.find("ref(") != std::string::npos || when.find("P[") != std::string::npos ||
                                         when.rfind("text:", 0) == 0 || when.rfind("ends:", 0) == 0;
                    add(unknown ? 1 : holds(when, it) ? 0 : 2, tokens(text, it, free_item));
                }
            } else {
                if (!p.say.empty()) add(0, tokens(p.say, it, free_item));
                if (!p.otherwise.empty()) add(0, tokens(p.otherwise, it, free_item));
            }
            std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
                if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
                return std::tie(std::get<1>(a), std::get<2>(a), std::get<3>(a)) > std::tie(std::get<1>(b), std::get<2>(b), std::get<3>(b));
            });
            std::vector<Tokens> alts;
            for (auto& r : ranked) alts.push_back(std::move(std::get<4>(r)));
            return alts;
        };
        if (p.each.empty()) {
            auto alts = alternatives(scope_);
            if (alts.empty()) return {};
            // Said only when a condition holds: perhaps not printed at all.
            const bool conditional = !p.when.empty() || (!p.cases.empty() && std::all_of(p.cases.begin(), p.cases.end(), [](const auto& c) {
                                                                                  return !c.first.empty();
                                                                              }));
            if (conditional && p.otherwise.empty()) alts.push_back({});
            return {Slots{std::move(alts)}};
        }
        std::vector<Slots> out;
        // A paragraph for each project, when the document's projects are not known: one pattern
        // for any number of them.
        if (per_project(p)) return {Slots{alternatives(scope_, true)}};
        Slots joined;
        int n = 0;
        for (auto& it : items_of(p.each)) {
            it.n = n + 1;
            // A condition on a figure the document does not give (ref(…): last year's, a
            // purchase's) cannot be decided from its tables: the item may or may not be printed.
            const bool unknown = p.when.find("ref(") != std::string::npos;
            if (!p.when.empty() && p.otherwise.empty() && !unknown && !holds(p.when, it)) continue;
            ++n;
            std::vector<Tokens> alts = alternatives(it);
            if (p.join.empty()) {
                out.push_back(Slots{std::move(alts)});
                continue;
            }
            if (!joined.empty()) {
                // After an item, this one with the join before it — or, when the one before was
                // not printed, without.
                const Tokens join = tokens(p.join, it);
                const size_t k = alts.size();
                for (size_t i = 0; i < k; ++i) {
                    Tokens with = join;
                    with.insert(with.end(), alts[i].begin(), alts[i].end());
                    alts.push_back(std::move(with));
                }
            }
            if (unknown) alts.push_back({});
            joined.push_back(std::move(alts));
        }
        if (!joined.empty()) {
            if (!p.end.empty()) joined.push_back({tokens(p.end, scope_)});
            out.push_back(std::move(joined));
        }
        if (out.empty() && !p.if_empty.empty()) out.push_back(Slots{{tokens(p.if_empty, scope_)}});
        return out;
    }

    // The captures as claims of the paragraph's sentences, and the officer's words as quoted.
    void attach(Paragraph& para, const std::string& text, const Folded& f, const std::vector<Capture>& caps) {
        std::string item_name;
        for (const auto& c : caps)
            if (c.token->item_name && c.end > c.begin) item_name = trim(text.substr(f.at[c.begin], f.at[c.end] - f.at[c.begin]));
        std::vector<size_t> starts;
        size_t at = 0;
        for (const auto& x : para.sentences) {
            starts.push_back(at);
            at += x.text.size();
        }
        for (const auto& c : caps) {
            const size_t b = f.at[c.begin], e = c.end > c.begin ? f.at[c.end - 1] + 1 : b;
            size_t k = 0;
            while (k + 1 < starts.size() && starts[k + 1] <= b) ++k;
            if (k >= para.sentences.size()) continue;
            Sentence& sentence = para.sentences[k];
            // The end of a capture's last character, whatever its width.
            size_t end = e;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
            const size_t local = b - starts[k];
            const std::string printed = text.substr(b, end - b);
            if (c.token->quoted || c.token->item_name) {
                if (end > b) sentence.quoted.emplace_back(local, std::min(end - b, sentence.text.size() - local));
                continue;
            }
            if (c.token->claim.empty() || printed.empty()) continue;
            Claim cl;
            cl.id = fmt::format("{}.{}", section_, ++counter_);
            cl.kind = c.token->claim;
            cl.text = printed;
            cl.unit = c.token->unit;
            cl.states = item_name.empty() ? c.token->states : replace_all(c.token->states, "@name", item_name);
            cl.offset = local;
            const std::string digits = fold(printed).text;
            if (cl.kind == "amount") {
                if (auto v = parse_amount(digits, AmountUnit::Wan).value) cl.value = v->fen();
            } else if (cl.kind == "percent" || cl.kind == "score") {
                std::string n;
                for (char ch : digits)
                    if (ch != '%' && ch != ',') n += ch;
                if (auto v = parse_decimal(n)) cl.value = v->scaled_to(2);
            } else if (cl.kind == "count") {
                cl.value = all_digits(digits) && digits.size() < 15 ? std::stoll(digits) : 0;
            }
            sentence.claims.push_back(std::move(cl));
        }
    }
};

}  // namespace

int read_claims(Disclosure& d, const NarrativeTemplate& t, Diagnostics& warnings) {
    int read = 0;
    ClaimReader reader(d, t, warnings);  // reads the tables only; the sentences are written to below
    for (auto& section : d.narrative.sections)
        for (const auto& spec : t.sections)
            if (spec.id == section.id) read += reader.read(spec, section);
    return read;
}

Narrative derive_narrative(const Disclosure& d, const Facts& f, const NarrativeTemplate& t, const SubjectDefinitions& defs,
                           Diagnostics& warnings) {
    return NarrativeBuilder(d, f, t, defs, warnings).run();
}

const std::vector<Placeholder>& narrative_placeholders() {
    static const std::vector<Placeholder> list = {
        {"year", 0, 0, "决算年度"},
        {"prev_year", 0, 0, "上一年度"},
        {"department", 0, 0, "部门全称"},
        {"short_name", 0, 0, "部门简称"},
        {"n", 0, 0, "循环中的序号"},
        {"n_cn", 0, 0, "循环中的序号（汉字）"},
        {"item.code", 0, 0, "循环中的科目编码"},
        {"item.name", 0, 0, "循环中的科目、列或项目名称"},
        {"item.stem", 0, 0, "科目名称去掉“支出”"},
        {"item.path", 0, 0, "科目的类、款、项全称"},
        {"text", 1, 2, "经办人撰写的文字（键，空时的替代文字）"},
        {"names", 1, 1, "所选各行的名称"},
        {"amount", 1, 1, "金额（万元）"},
        {"amount_abs", 1, 1, "金额的绝对值（万元）"},
        {"share", 2, 2, "占比"},
        {"completion", 2, 2, "完成预算的百分比"},
        {"growth_abs", 2, 2, "增减的百分比（绝对值）"},
        {"percent", 1, 1, "百分比"},
        {"percent_fixed", 1, 1, "百分比（两位小数）"},
        {"score", 1, 1, "得分"},
        {"count", 1, 1, "个数"},
        {"dir", 3, 3, "按正负选词：表达式|增加|减少"},
        {"cmp", 5, 5, "按完成率高于、低于、等于 100% 选词"},
        {"grade", 1, 1, "得分对应的等级"},
    };
    return list;
}

namespace {

void validate_text(const NarrativeTemplate& t, const std::string& section, const std::string& text, Diagnostics& diags) {
    const Location at{t.origin, 0, 0, {}, section};
    for (size_t pos = 0; (pos = text.find('{', pos)) != std::string::npos;) {
        size_t close = text.find('}', pos);
        if (close == std::string::npos) {
            diags.error(at, fmt::format("“{}”缺少 }}", text.substr(pos)));
            return;
        }
        auto args = split(text.substr(pos + 1, close - pos - 1), '|');
        const std::string name = trim(args.at(0));
        const int given = static_cast<int>(args.size()) - 1;
        const auto& all = narrative_placeholders();
        auto p = std::find_if(all.begin(), all.end(), [&](const Placeholder& x) { return x.name == name; });
        if (p == all.end()) {
            std::vector<std::string_view> names;
            for (const auto& x : all) names.push_back(x.name);
            diags.error(at, fmt::format("未知的占位符“{{{}}}”：可用 {}", name, fmt::join(names, "、")));
        } else if (given < p->min_args || given > p->max_args) {
            diags.error(at, fmt::format("占位符“{{{}}}”应有 {} 个参数（以 | 分隔），这里有 {} 个", text.substr(pos + 1, close - pos - 1),
                                        p->min_args == p->max_args ? std::to_string(p->min_args)
                                                                   : fmt::format("{}–{}", p->min_args, p->max_args),
                                        given));
        }
        pos = close + 1;
    }
}

void validate_section(const NarrativeTemplate& t, const SectionSpec& s, Diagnostics& diags) {
    for (const auto& p : s.paragraphs) {
        for (const std::string* text : {&p.say, &p.otherwise, &p.join, &p.end, &p.if_empty}) validate_text(t, s.id, *text, diags);
        for (const auto& c : p.cases) validate_text(t, s.id, c.second, diags);
        if (p.chart) {
            validate_text(t, s.id, p.chart->label, diags);
            for (const auto& name : p.chart->series) validate_text(t, s.id, name, diags);
            for (const auto& item : p.chart->items)
                if (!item.empty()) validate_text(t, s.id, item.front(), diags);  // the label; the rest are expressions
        }
    }
}

}  // namespace

void validate_narrative_template(const NarrativeTemplate& t) {
    Diagnostics diags;
    for (const auto& s : t.sections) validate_section(t, s, diags);
    if (t.report) validate_section(t, *t.report, diags);
    if (diags.has_errors()) throw InputError(std::move(diags));
}

}  // namespace juesuan
