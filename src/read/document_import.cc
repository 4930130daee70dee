#include "read/document_import.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/engine.h"
#include "core/catalog.h"
#include "core/text.h"
#include "derive/narrative.h"
#include "layout/outline_reading.h"
#include "layout/printed_table.h"
#include "read/table_import.h"

namespace juesuan {

namespace {

using Vars = std::map<std::string, std::string, std::less<>>;

struct Para {
    std::string text;
    SourcePlace place;
};

bool is_cjk_numeral(std::string_view s, size_t& n) {
    static const std::vector<std::string_view> numerals = {"十", "一", "二", "三", "四", "五", "六", "七", "八", "九", "零", "百"};
    n = 0;
    for (;;) {
        bool hit = false;
        for (auto d : numerals)
            if (s.substr(n).starts_with(d)) {
                n += d.size();
                hit = true;
                break;
            }
        if (!hit) return n > 0;
    }
}

// The length of a list marker the text opens with: "1、" "12." "（一）" "(3)" "一、"; 0 when none.
size_t marker_length(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    // "1000、" numbers the thousandth item; "2023、2024 年" begins with years, not a marker.
    if (n == 4 && s.substr(n).starts_with("、") && std::stoi(std::string(s.substr(0, 4))) < 1900) return n + 3;
    if (n > 0 && n <= 3) {
        std::string_view rest = s.substr(n);
        if (rest.starts_with("、")) return n + 3;
        // "1 上海市…（本级）": a numbered line of a list printed as a table, not "50 万元".
        if (rest.starts_with(" ") && rest.size() > 1 && (static_cast<unsigned char>(rest[1]) & 0x80)) {
            std::string_view word = rest.substr(1);
            for (std::string_view unit : {"万元", "元", "个", "人", "辆", "次", "年", "月", "日", "分", "项", "家", "名"})
                if (word.starts_with(unit)) return 0;
            return n + 1;
        }
        if (rest.starts_with("．")) return n + 3;
        // "1." but not "1.5" nor a year "2023.": a marker is followed by text, not a digit.
        if (rest.starts_with(".") && (rest.size() < 2 || rest[1] < '0' || rest[1] > '9')) return n + 1;
        return 0;
    }
    if (n > 0) return 0;
    size_t k = 0;
    if (is_cjk_numeral(s, k) && s.substr(k).starts_with("、")) return k + 3;
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
        if (!s.starts_with(open)) continue;
        std::string_view in = s.substr(open.size());
        size_t d = 0;
        while (d < in.size() && in[d] >= '0' && in[d] <= '9') ++d;
        if (d == 0) is_cjk_numeral(in, d);
        if (d > 0 && in.substr(d).starts_with(close)) return open.size() + d + close.size();
        // "(一) 收入…" with mixed brackets
        if (d > 0 && (in.substr(d).starts_with("）") || in.substr(d).starts_with(")")))
            return open.size() + d + (in.substr(d).starts_with("）") ? 3 : 1);
    }
    return 0;
}

std::string strip_marker(const std::string& s) { return trim(std::string_view(s).substr(marker_length(s))); }

bool ends_sentence(std::string_view s) {
    for (std::string_view end : {"。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "”"})
        if (s.ends_with(end)) return true;
    return false;
}

// A line that names a heading: opens with a marker, short, and no sentence in it.
bool heading_like(const std::string& s) {
    if (marker_length(s) == 0 || code_points(s) > 40) return false;
    for (std::string_view p : {"。", "：", "；", "，", ",", ":"})
        if (s.find(p) != std::string::npos) return false;
    return true;
}

// The lines of a range as paragraphs: a line that does not open with a marker continues a
// paragraph whose last line ends mid-sentence (text extracted from a PDF breaks where the page
// did). With `headings`, a heading-like line stands alone.
std::vector<Para> paragraphs(const SourceDocument& doc, size_t begin, size_t end, bool headings) {
    std::vector<Para> out;
    bool open = false;  // the last paragraph may go on
    for (size_t i = begin; i < end; ++i) {
        const SourceItem& it = doc.items[i];
        if (it.kind != SourceItem::Kind::Line) {
            open = false;
            continue;
        }
        const bool head = headings && heading_like(it.text);
        if (open && !out.empty() && !head && marker_length(it.text) == 0 && it.heading == 0) {
            out.back().text += it.text;
        } else {
            out.push_back({it.text, it.place});
        }
        open = !head && it.heading == 0 && !ends_sentence(out.back().text);
    }
    return out;
}

std::string ordinal(int n) { return chinese_numeral(n) + "、"; }

// A part's printed title ("第三部分" and "2023 年度部门决算情况说明" on the next line, or both on
// one) and the first item after it.
std::pair<std::string, size_t> part_title(const SourceDocument& doc, const ReadOutline& o, size_t k) {
    size_t h = o.heading[k];
    std::string title = doc.items[h].text;
    size_t next = h + 1;
    const std::string head = std::string("第") + chinese_numeral(static_cast<int>(k) + 1) + "部分";
    if (label_key(title) == head && next < o.parts[k].end && doc.items[next].kind == SourceItem::Kind::Line &&
        !heading_like(doc.items[next].text)) {
        title = trim(title) + " " + doc.items[next].text;
        ++next;
    }
    return {title, next};
}

std::vector<Sentence> sentences_of(const std::string& text) {
    std::vector<Sentence> out;
    size_t start = 0;
    const std::string stop = "。";
    for (size_t at = text.find(stop); at != std::string::npos; at = text.find(stop, at + stop.size())) {
        out.push_back({text.substr(start, at + stop.size() - start), {}, {}});
        start = at + stop.size();
    }
    if (start < text.size()) out.push_back({text.substr(start), {}, {}});
    return out;
}

void read_part_one(const SourceDocument& doc, const ReadOutline& o, const Vars& vars, const Template& tpl, Disclosure& d) {
    if (o.parts[0].empty()) return;
    auto [title, from] = part_title(doc, o, 0);
    d.source.places["part1"] = doc.items[o.heading[0]].place;
    auto text = [&](const char* key) {
        auto it = tpl.texts.find(key);
        return it == tpl.texts.end() ? std::string() : label_key(fill_placeholders(it->second, vars));
    };
    const std::string duties_heading = text("duties_heading"), structure_heading = text("structure_heading"),
                      units_intro = text("units_intro");
    auto paras = paragraphs(doc, from, o.parts[0].end, true);
    enum { Before, Duties, Structure, Units, Done } at = Before;
    bool numbered_units = false;
    std::vector<std::string> intro;  // before the first numbered duty
    for (const auto& p : paras) {
        const std::string key = label_key(p.text);
        // Headings as the template prints them, or longer ("二、部门决算单位构成（仅有一个单位的部门…）").
        if ((!duties_heading.empty() && key.starts_with(duties_heading)) ||
            (at == Before && heading_like(p.text) && p.text.starts_with(ordinal(1)))) {
            at = Duties;
            continue;
        }
        if ((!structure_heading.empty() && key.starts_with(structure_heading)) ||
            (at == Duties && heading_like(p.text) && p.text.starts_with(ordinal(2)))) {
            at = Structure;
            // A heading with a remark in brackets, wrapped into the text after it: that text is
            // the composition's first line.
            if (key.size() > structure_heading.size() && key.compare(structure_heading.size(), 1, "(") == 0) {
                size_t close = p.text.find("）");
                size_t width = 3;
                if (close == std::string::npos) {
                    close = p.text.find(')');
                    width = 1;
                }
                if (close != std::string::npos) d.part_one.composition += trim(std::string_view(p.text).substr(close + width));
            }
            continue;
        }
        if (at == Structure && (key == units_intro || (p.text.ends_with("：") && key.find("包括") != std::string::npos))) {
            at = Units;
            continue;
        }
        switch (at) {
            case Before: break;
            case Duties:
                // A duty goes on over lines that open with no number of their own; what stands
                // before the first ("根据三定方案，主要职能包括：") introduces them.
                if (marker_length(p.text) == 0) {
                    if (!d.part_one.duties.empty()) d.part_one.duties.back() += p.text;
                    else intro.push_back(p.text);
                } else {
                    d.part_one.duties.push_back(strip_marker(p.text));
                }
                break;
            case Structure: d.part_one.composition += p.text; break;
            case Units:
                if (key.starts_with("序号")) break;  // the header of a list printed as a table
                // A numbered list ends at the first line without a number (the next part's heading).
                if (numbered_units && marker_length(p.text) == 0) {
                    at = Done;
                    break;
                }
                numbered_units = marker_length(p.text) > 0;
                d.part_one.units.push_back(strip_marker(p.text));
                break;
            case Done: break;
        }
    }
    // Duties written as prose, not as a numbered list: the prose is what was published.
    if (d.part_one.duties.empty()) d.part_one.duties = std::move(intro);
}

void read_part_three(const SourceDocument& doc, const ReadOutline& o, Disclosure& d) {
    if (o.parts[2].empty()) return;
    auto [title, from] = part_title(doc, o, 2);
    d.texts["part_three"] = title;
    d.source.places["part3"] = doc.items[o.heading[2]].place;
    Section* current = nullptr;
    int next = 1;
    for (const auto& p : paragraphs(doc, from, o.parts[2].end, true)) {
        if (heading_like(p.text) && p.text.starts_with(ordinal(next))) {
            d.narrative.sections.push_back({});
            current = &d.narrative.sections.back();
            current->id = chinese_numeral(next);
            current->title = p.text;
            d.source.places["s" + current->id] = p.place;
            ++next;
            continue;
        }
        if (!current) continue;
        Paragraph para;
        if (heading_like(p.text)) para.style = "heading";
        else if (p.text.starts_with("图") && p.text.size() > 3 && p.text[3] >= '0' && p.text[3] <= '9') para.style = "caption";
        para.sentences = para.style == "text" ? sentences_of(p.text) : std::vector<Sentence>{{p.text, {}, {}}};
        d.source.places[fmt::format("s{}.{}", current->id, current->paragraphs.size())] = p.place;
        current->paragraphs.push_back(std::move(para));
    }
}

// The subject a term names as "一般公共服务支出（类）…（款）行政运行（项）", by the names the
// subject tables print; empty when no printed subject has those names.
std::string subject_named(const Disclosure& d, const std::string& term) {
    std::vector<std::string> names;
    std::string rest = nfkc(term);
    for (std::string_view level : {"(类)", "(款)", "(项)"}) {
        auto at = rest.find(level);
        if (at == std::string::npos) break;
        names.push_back(label_key(rest.substr(0, at)));
        rest = rest.substr(at + level.size());
    }
    if (names.empty()) return {};
    std::map<std::string, std::string> label_of;  // code → printed name
    for (const auto& t : d.tables)
        if (t.kind == TableKind::SubjectTree)
            for (const auto& r : t.rows)
                if (r.code) label_of.emplace(*r.code, label_key(r.label));
    for (const auto& [code, label] : label_of) {
        if (code.size() != 3 + 2 * (names.size() - 1) || label != names.back()) continue;
        bool all = true;
        std::string c = code;
        for (size_t i = names.size() - 1; i-- > 0 && all;) {
            c = parent_code(c);
            auto it = label_of.find(c);
            all = it != label_of.end() && it->second == names[i];
        }
        if (all) return code;
    }
    return {};
}

void read_part_four(const SourceDocument& doc, const ReadOutline& o, Disclosure& d) {
    if (o.parts[3].empty()) return;
    auto [title, from] = part_title(doc, o, 3);
    d.texts["part_four"] = title;
    d.source.places["part4"] = doc.items[o.heading[3]].place;
    for (const auto& p : paragraphs(doc, from, o.parts[3].end, false)) {
        std::string s = strip_marker(p.text);
        size_t colon = s.find("：");
        size_t width = 3;
        if (colon == std::string::npos) {
            colon = s.find(':');
            width = 1;
        }
        if (marker_length(p.text) == 0 || colon == std::string::npos) {
            if (!d.narrative.glossary.empty()) d.narrative.glossary.back().definition += p.text;
            continue;
        }
        d.narrative.glossary.push_back({trim(s.substr(0, colon)), trim(s.substr(colon + width)), {}});
    }
    for (auto& g : d.narrative.glossary) g.code = subject_named(d, g.term);
}

// The department and year from the cover: the template's title read backwards over the first
// lines, else the 部门 line of the tables and the first "YYYY 年度".
void read_cover(const SourceDocument& doc, const ReadOutline& o, const Template& tpl, const std::string& department_line,
                Disclosure& d) {
    size_t end = !o.contents.empty() ? o.contents.begin : !o.parts[0].empty() ? o.parts[0].begin : std::min<size_t>(doc.items.size(), 8);
    // The heading of part one names the department on one line ("第一部分 {department}概况").
    if (auto p1 = tpl.texts.find("part_one"); p1 != tpl.texts.end() && p1->second.find("{department}") != std::string::npos &&
                                               !o.parts[0].empty())
        if (auto m = match_placeholders(p1->second, doc.items[o.heading[0]].text)) d.department = (*m)["department"];
    auto title = tpl.texts.find("title");
    for (size_t j = end; j > 0 && d.department.empty(); --j)
        for (size_t i = j; i-- > 0 && i + 4 >= j && d.department.empty();) {
            std::string joined;
            for (size_t k = i; k < j; ++k)
                if (doc.items[k].kind == SourceItem::Kind::Line) joined += doc.items[k].text;
            if (title == tpl.texts.end()) break;
            auto m = match_placeholders(title->second, joined);
            if (!m || !all_digits((*m)["year"]) || (*m)["year"].size() != 4) continue;
            d.department = (*m)["department"];
            d.year = std::stoi((*m)["year"]);
        }
    if (d.department.empty() && !department_line.empty())
        if (auto m = match_placeholders(tpl.department_line, department_line)) d.department = (*m)["department"];
    if (d.year == 0)
        for (size_t i = 0; i < std::min<size_t>(doc.items.size(), 400) && d.year == 0; ++i) {
            const std::string key = label_key(doc.items[i].text);
            for (size_t at = key.find("年度"); at != std::string::npos && d.year == 0; at = key.find("年度", at + 1))
                if (at >= 4 && all_digits(key.substr(at - 4, 4))) d.year = std::stoi(key.substr(at - 4, 4));
        }
}

// Placeholders of the headings that neither the cover nor the tables name ({short_name} in
// "部门名称：{short_name}"): the first line that prints the heading gives them.
void resolve_placeholders(const SourceDocument& doc, const std::map<std::string, std::string>& texts, Vars& vars) {
    for (const auto& [key, pattern] : texts) {
        std::string known = fill_placeholders(pattern, vars);
        if (known.find('{') == std::string::npos) continue;
        for (const auto& it : doc.items) {
            if (it.kind != SourceItem::Kind::Line) continue;
            auto m = match_placeholders(known, it.text);
            if (!m) continue;
            for (const auto& [name, value] : *m) vars.emplace(name, value);
            break;
        }
    }
}

struct Waiting {
    std::string table;
    WaitingAmounts w;
    bool done = false;
};

// The ways k amounts printed left to right can stand in n columns; none when there are more
// than a thousand (a table that wide is not told apart by its identities anyway).
std::vector<std::vector<size_t>> placements(size_t n, size_t k) {
    std::vector<std::vector<size_t>> out;
    if (k > n) return out;
    double ways = 1;
    for (size_t i = 0; i < k; ++i) ways = ways * static_cast<double>(n - i) / static_cast<double>(i + 1);
    if (ways > 1000) return out;
    std::vector<size_t> pick;
    std::function<void(size_t)> go = [&](size_t from) {
        if (pick.size() == k) {
            out.push_back(pick);
            return;
        }
        for (size_t c = from; c + (k - pick.size()) <= n; ++c) {
            pick.push_back(c);
            go(c + 1);
            pick.pop_back();
        }
    };
    go(0);
    return out;
}

void put(Row& r, const WaitingAmounts& w, const std::vector<size_t>* at) {
    for (const auto& c : w.columns) r.values[c] = std::nullopt;
    if (at)
        for (size_t i = 0; i < at->size(); ++i) r.values[w.columns[(*at)[i]]] = w.amounts[i];
}

int problems(const Disclosure& d, const std::vector<RuleSet>& rules) {
    CheckResult r = run_checks(d, rules, nullptr);
    return r.count(FindingSeverity::Error) + r.count(FindingSeverity::Warning);
}

// Amounts printed without their blank cells, placed by the tables' own identities: a column
// blank in a subject table's 合计 is blank in every row; of the placements left, the one under
// which the rules find fewest problems, when it is the only one. What stays ambiguous is not
// guessed: the table counts it unread, and a warning names the lines.
void resolve_columns(Disclosure& d, std::vector<Waiting>& waiting, const std::vector<RuleSet>* rules,
                     const std::string& file, Diagnostics& warnings) {
    auto table = [&](const std::string& id) { return const_cast<Table*>(d.table(id)); };
    auto waits = [&](const std::string& id, size_t row) {
        return std::any_of(waiting.begin(), waiting.end(), [&](const Waiting& x) { return !x.done && x.table == id && x.w.row == row; });
    };
    std::map<std::string, std::vector<RuleSet>> reading;  // per table: the rules that read it
    if (rules)
        for (const auto& x : waiting)
            if (!reading.count(x.table)) reading[x.table] = rules_reading(*rules, x.table);
    // Cheap first: the rows a subject table's 合计 already decides; the rules only when those
    // are done, totals before the rows under them.
    std::stable_sort(waiting.begin(), waiting.end(), [&](const Waiting& a, const Waiting& b) {
        auto total = [&](const Waiting& x) { return table(x.table)->rows.at(x.w.row).role == RowRole::Total; };
        return total(a) && !total(b);
    });
    // Each placement the rules judge costs a run of them: a document of many ambiguous rows is
    // bounded, and what the budget does not reach is reported as not read.
    int budget = 20000;
    std::map<size_t, size_t> tied_at;  // waiting row → rows placed when its placements last tied
    size_t placed = 0;
    for (size_t pass = 0; pass <= waiting.size(); ++pass) {
        bool progress = false;
        for (const bool scoring : {false, true}) {
            for (auto& x : waiting) {
                if (x.done) continue;
                Table* t = table(x.table);
                Row& row = t->rows.at(x.w.row);
                auto candidates = placements(x.w.columns.size(), x.w.amounts.size());
                if (t->kind == TableKind::SubjectTree && row.role != RowRole::Total) {
                    const Row* total = nullptr;
                    for (size_t i = 0; i < t->rows.size(); ++i)
                        if (t->rows[i].role == RowRole::Total && !waits(x.table, i)) total = &t->rows[i];
                    if (total)
                        std::erase_if(candidates, [&](const std::vector<size_t>& c) {
                            return std::any_of(c.begin(), c.end(), [&](size_t k) {
                                auto v = total->values.find(x.w.columns[k]);
                                return v == total->values.end() || !v->second || v->second->is_zero();
                            });
                        });
                }
                // The row's own sums (a subject table's 合计 column) must hold.
                if (t->kind == TableKind::SubjectTree && candidates.size() > 1) {
                    std::erase_if(candidates, [&](const std::vector<size_t>& c) {
                        put(row, x.w, &c);
                        bool ok = true;
                        for (const auto& col : t->columns) {
                            if (col.formula.empty() || col.formula.find('-') != std::string::npos) continue;
                            Money sum;
                            int terms = 1;
                            for (const auto& part : split(col.formula, '+')) {
                                auto v = row.values.find(trim(part));
                                if (v != row.values.end() && v->second) {
                                    sum += *v->second;
                                    ++terms;
                                }
                            }
                            Money own = row.values[col.key].value_or(Money{});
                            ok = ok && within_tolerance((own - sum).fen(), terms, d.precision_fen);
                        }
                        put(row, x.w, nullptr);
                        return !ok;
                    });
                }
                std::optional<std::vector<size_t>> chosen;
                if (candidates.size() == 1) {
                    chosen = candidates.front();
                } else if (scoring && candidates.size() > 1 && rules && budget >= static_cast<int>(candidates.size()) &&
                           (!tied_at.count(static_cast<size_t>(&x - waiting.data())) ||
                            tied_at[static_cast<size_t>(&x - waiting.data())] != placed)) {
                    budget -= static_cast<int>(candidates.size());
                    // Other tables' rows still waiting are unknown, not blank: the rules over them
                    // must not judge this row's placements.
                    std::map<std::string, int> open;
                    for (const auto& y : waiting)
                        if (!y.done && y.table != x.table) ++open[y.table];
                    for (const auto& [id, n] : open) table(id)->unread += n;
                    std::vector<int> score;
                    for (const auto& c : candidates) {
                        put(row, x.w, &c);
                        score.push_back(problems(d, reading.at(x.table)));
                    }
                    put(row, x.w, nullptr);
                    for (const auto& [id, n] : open) table(id)->unread -= n;
                    const int best = *std::min_element(score.begin(), score.end());
                    if (std::count(score.begin(), score.end(), best) == 1)
                        chosen = candidates[static_cast<size_t>(std::find(score.begin(), score.end(), best) - score.begin())];
                    else
                        tied_at[static_cast<size_t>(&x - waiting.data())] = placed;
                }
                if (!chosen) continue;
                put(row, x.w, &*chosen);
                x.done = true;
                ++placed;
                progress = true;
            }
            if (progress) break;
        }
        if (!progress) break;
    }
    std::map<std::string, std::vector<SourcePlace>> left;
    for (const auto& x : waiting)
        if (!x.done) left[x.table].push_back(x.w.place);
    for (const auto& [id, places] : left) {
        Table* t = table(id);
        t->unread += static_cast<int>(places.size());
        warnings.warning(location_of(file, places.front()), fmt::format("{}：{} 行的空白单元格没有印出，由各表的勾稽关系也无法确定其金额所在的列，未读入：{}",
                                            t->title, places.size(), places_text(places)));
    }
}

}  // namespace

std::pair<const Template*, int> detect_layout(const SourceDocument& doc, const std::vector<const Template*>& templates) {
    const Template* best = nullptr;
    int best_score = 0;
    for (const Template* t : templates) {
        int s = layout_score(doc, *t);
        if (s > best_score) {
            best = t;
            best_score = s;
        }
    }
    return {best, best_score};
}

// What the structure checks read again (doc(…), docs/rules.md): the cover's lines, the parts'
// headings, each table's title and header lines, the sections' titles, the entries of the
// contents, and the department as each of those headings names it.
void keep_printed_lines(const SourceDocument& doc, const ReadOutline& o, const Template& tpl,
                        const std::map<std::string, ImportedTable>& tables, Disclosure& d) {
    auto& src = d.source;
    const auto line = [&](size_t i, std::string what) { return PrintedLine{doc.items[i].text, doc.items[i].place, std::move(what)}; };
    const size_t cover_end = !o.contents.empty() ? o.contents.begin : !o.parts[0].empty() ? o.parts[0].begin : 0;
    for (size_t i = 0; i < cover_end && i < 12; ++i)
        if (doc.items[i].kind == SourceItem::Kind::Line) src.headings.push_back(line(i, "封面"));
    // Each entry of the contents, and whether a line of the body prints it: the same heading, or
    // one that differs only in 的 / 情况 / 说明 (十、机关运行经费支出说明 over 十、机关运行经费支出情况).
    // A heading broken over two lines (in the body or in the contents) is tried joined.
    auto core = [](std::string k) {
        for (std::string_view filler : {"的", "情况", "说明"})
            for (size_t at = k.find(filler); at != std::string::npos; at = k.find(filler)) k.erase(at, filler.size());
        return k;
    };
    std::set<std::string> body;
    for (size_t i = o.contents.end; i < doc.items.size(); ++i) {
        if (doc.items[i].kind != SourceItem::Kind::Line) continue;
        body.insert(core(heading_key(doc.items[i].text)));
        if (i + 1 < doc.items.size() && doc.items[i + 1].kind == SourceItem::Kind::Line)
            body.insert(core(heading_key(doc.items[i].text + doc.items[i + 1].text)));
    }
    auto printed = [&](const std::string& text) {
        const std::string key = core(heading_key(text));
        if (key.empty()) return true;
        auto at = body.lower_bound(key);  // the body's line is the entry, or begins with it
        if (at != body.end() && at->starts_with(key)) return true;
        for (const auto& b : body)  // 公开01表 收入支出决算总表 over a title line 收入支出决算总表
            if (b.size() >= 6 && b.size() * 2 >= key.size() && key.ends_with(b)) return true;
        return false;
    };
    std::vector<size_t> entries;
    for (size_t i = o.contents.begin; i < o.contents.end; ++i)
        if (doc.items[i].kind == SourceItem::Kind::Line && label_key(doc.items[i].text) != "目录" &&
            !heading_key(doc.items[i].text).empty())
            entries.push_back(i);
    for (size_t k = 0; k < entries.size(); ++k) {
        PrintedLine e = line(entries[k], "目录");
        e.found = printed(e.text);
        if (!e.found && k + 1 < entries.size() && printed(e.text + doc.items[entries[k + 1]].text)) {
            e.found = true;  // the entry goes on on the next line: both are printed
            src.contents.push_back(std::move(e));
            src.contents.push_back(line(entries[++k], "目录"));
            continue;
        }
        src.contents.push_back(std::move(e));
    }
    static const char* const kParts[] = {"part_one", "part_two", "part_three", "part_four", "part_five"};
    for (size_t k = 0; k < 5; ++k) {
        if (o.parts[k].empty()) continue;
        const std::string what = "第" + chinese_numeral(static_cast<int>(k) + 1) + "部分";
        // The heading with the line after it when the title was broken there.
        std::string text = doc.items[o.heading[k]].text;
        if (o.heading[k] + 1 < doc.items.size() && doc.items[o.heading[k] + 1].kind == SourceItem::Kind::Line) {
            const std::string next = label_key(doc.items[o.heading[k] + 1].text);
            if (label_key(text).size() <= 12 || (next.size() <= 9 && !part_number(next))) text += doc.items[o.heading[k] + 1].text;
        }
        src.headings.push_back({text, doc.items[o.heading[k]].place, what});
        auto pattern = tpl.texts.find(kParts[k]);
        if (pattern == tpl.texts.end() || pattern->second.find("{department}") == std::string::npos) continue;
        if (auto m = match_placeholders(pattern->second, text); m && !(*m)["department"].empty())
            src.names.push_back({(*m)["department"], doc.items[o.heading[k]].place, what});
    }
    for (const auto& [id, it] : tables) {
        for (const auto& h : it.heading_lines) src.headings.push_back(h);
        for (const auto& l : it.department_lines)
            if (auto m = match_placeholders(tpl.department_line, l.text); m && !(*m)["department"].empty())
                src.names.push_back({(*m)["department"], l.place, l.what});
    }
    for (const auto& s : d.narrative.sections) {
        auto at = src.places.find("s" + s.id);
        src.headings.push_back({s.title, at == src.places.end() ? SourcePlace{} : at->second, "情况说明"});
    }
}

Disclosure import_document(const SourceDocument& doc, const ImportContext& ctx, const std::string& reader,
                           Diagnostics& warnings) {
    const Template* tpl = ctx.forced;
    if (!tpl) tpl = detect_layout(doc, ctx.templates).first;
    if (!tpl) {
        std::vector<std::string> names;
        for (const Template* t : ctx.templates) names.push_back(t->id);
        throw InputError(Location{doc.file},
                         fmt::format("找不到部门决算的公开表：没有一张表的标题与已知的模板（{}）相符；"
                                     "可用 --template 指定模板",
                                     fmt::join(names, "、")));
    }
    const ReadOutline outline = read_outline(doc, *tpl);
    Disclosure d;
    d.template_id = tpl->id;
    d.forms = tpl->forms;
    d.source.file = doc.file;
    d.source.reader = reader;
    std::map<std::string, ImportedTable> tables;
    std::vector<Waiting> waiting;
    std::int64_t precision = 1;
    for (const auto& extent : outline.tables) {
        ImportedTable it = import_table(doc, extent, *tpl, warnings);
        if (d.department_line.empty()) d.department_line = it.department_line;
        if (d.unit_line.empty()) d.unit_line = it.unit_line;
        // The coarsest printed resolution: 0.01 万元 is 10000 分.
        std::int64_t unit = it.unit == AmountUnit::Wan ? 1'000'000 : 100, step = unit;
        for (int i = 0; i < it.decimals && step > 1; ++i) step /= 10;
        precision = std::max(precision, step);
        d.source.places["t" + extent.spec->id] = doc.items[extent.ranges.front().begin].place;
        tables[extent.spec->id] = std::move(it);
    }
    d.precision_fen = precision;
    read_cover(doc, outline, *tpl, d.department_line, d);
    if (d.department.empty()) warnings.warning(Location{doc.file}, "未能从封面或表头读出部门名称");
    // A template published as it is ("上海市XX局"): the document is full of placeholders.
    if (has_placeholder_mark(d.department))
        warnings.warning(Location{doc.file}, fmt::format("部门名称“{}”是占位符：这是未填写的模板，不是某个部门的公开文件", d.department));
    if (d.year == 0) warnings.warning(Location{doc.file}, "未能读出决算年度");
    Vars vars = {{"department", d.department}, {"year", std::to_string(d.year)}};
    const NarrativeTemplate* narrative = ctx.narrative_for ? ctx.narrative_for(tpl->id) : nullptr;
    const auto* narrative_texts = narrative ? &narrative->texts : nullptr;
    if (narrative_texts) resolve_placeholders(doc, *narrative_texts, vars);
    for (const auto& [k, v] : tpl->texts) d.texts[k] = fill_placeholders(v, vars);
    if (narrative_texts)
        for (const auto& [k, v] : *narrative_texts) d.texts.emplace(k, fill_placeholders(v, vars));
    if (d.department_line.empty()) d.department_line = fill_placeholders(tpl->department_line, vars);
    if (d.unit_line.empty()) d.unit_line = tpl->unit_line;
    for (const auto& spec : tpl->tables) {
        auto it = tables.find(spec.id);
        if (it == tables.end()) {
            warnings.warning(Location{doc.file}, fmt::format("文件中没有找到{}（{} 表）", spec.title, spec.id));
            continue;
        }
        Table& t = it->second.table;
        t.note = fill_placeholders(t.note, vars);
        for (auto& w : it->second.waiting) waiting.push_back({spec.id, std::move(w), false});
        for (size_t r = 0; r < t.rows.size(); ++r)
            if (!(it->second.row_places.at(r) == SourcePlace{})) d.source.places[row_anchor(t, t.rows[r])] = it->second.row_places[r];
        d.tables.push_back(std::move(t));
    }
    if (!waiting.empty()) resolve_columns(d, waiting, ctx.rules, doc.file, warnings);
    read_part_one(doc, outline, vars, *tpl, d);
    read_part_three(doc, outline, d);
    read_part_four(doc, outline, d);
    if (narrative) {
        d.performance.method = tpl->scoring;  // its grades are words the sentences print
        read_claims(d, *narrative, warnings);
    }
    keep_printed_lines(doc, outline, *tpl, tables, d);
    return d;
}

}  // namespace juesuan
