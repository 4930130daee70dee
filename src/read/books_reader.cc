#include "read/books_reader.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "read/text_encoding.h"
#include "read/toml_text.h"

#include "core/catalog.h"
#include "core/text.h"
#include "read/template_reader.h"
#include "read/xlsx_file.h"

namespace juesuan {

namespace fs = std::filesystem;

const BookCell& BookRow::operator[](const std::string& key) const {
    static const BookCell empty;
    auto it = cells.find(key);
    return it == cells.end() ? empty : it->second;
}

namespace {

// Header text without white space and without a trailing unit such as "（万元）".
std::string header_key(const std::string& h, std::string* unit_out) {
    std::string k = label_key(h);
    for (const char* u : {"(万元)", "(元)"}) {
        std::string suffix = u;
        if (k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0) {
            if (unit_out) *unit_out = suffix.substr(1, suffix.size() - 2);
            k.resize(k.size() - suffix.size());
            break;
        }
    }
    return k;
}

// Header and choice spellings by their label_key, computed once for every books file.
struct SchemaIndex {
    std::map<const FileDef*, std::map<std::string, const FieldDef*>> headers;
    std::map<const std::vector<Choice>*, std::map<std::string, const Choice*>> choices;
};

const SchemaIndex& schema_index() {
    static const SchemaIndex index = [] {
        SchemaIndex ix;
        auto add_choices = [&](const std::vector<Choice>& cs) {
            auto& m = ix.choices[&cs];
            for (const auto& c : cs) {
                m.emplace(label_key(c.key), &c);
                for (const auto& n : c.names) m.emplace(label_key(n), &c);
            }
        };
        for (const auto& file : books_files()) {
            auto& m = ix.headers[&file];
            for (const auto& f : file.fields) {
                m.emplace(header_key(f.header, nullptr), &f);
                for (const auto& a : f.aliases) m.emplace(header_key(a, nullptr), &f);
                if (!f.choices.empty()) add_choices(f.choices);
            }
        }
        add_choices(fund_choices());
        return ix;
    }();
    return index;
}

const Choice* find_choice(const std::vector<Choice>& choices, const std::string& text) {
    const auto& m = schema_index().choices.at(&choices);
    auto it = m.find(label_key(text));
    return it == m.end() ? nullptr : it->second;
}

std::string choice_names(const std::vector<Choice>& choices) {
    std::string s;
    for (const auto& c : choices) s += (s.empty() ? "" : " / ") + c.names.front();
    return s;
}

std::string normalise_code(const std::string& text) {
    std::string out;
    for (char c : nfkc(text))
        if (c != ' ' && c != '-' && c != '\t') out += c;
    return out;
}

}  // namespace

namespace {

// The columns a header names: the field of each column, and the column of each field.
struct BookColumns {
    std::vector<const FieldDef*> by_column;
    std::map<std::string, int> column_of;  // 1-based
};

BookColumns read_book_header(const CsvFile& csv, const CsvRecord& header, const FileDef& def, AmountUnit unit,
                             Diagnostics& diags) {
    BookColumns cols;
    auto& by_column = cols.by_column;
    auto& column_of = cols.column_of;
    by_column.assign(header.fields.size(), nullptr);
    for (size_t i = 0; i < header.fields.size(); ++i) {
        if (header.fields[i].size() > kMaxFieldBytes) {
            diags.error(Location{csv.name, header.line, static_cast<int>(i) + 1, {}, {}, csv.sheet},
                        "列名" + length_problem(header.fields[i], kMaxFieldBytes));
            continue;
        }
        Location at{csv.name, header.line, static_cast<int>(i) + 1, header.fields[i], {}, csv.sheet};
        std::string unit_written;
        std::string k = header_key(header.fields[i], &unit_written);
        if (k.empty()) continue;
        const auto& index = schema_index().headers.at(&def);
        auto found = index.find(k);
        const FieldDef* match = found == index.end() ? nullptr : found->second;
        if (!match) {
            std::string accepted;
            for (const auto& f : def.fields) accepted += (accepted.empty() ? "" : "、") + f.header;
            diags.error(at, fmt::format("未知的列名“{}”：本文件可用的列为 {}", trim(header.fields[i]), accepted));
            continue;
        }
        if (!unit_written.empty() && match->kind == FieldKind::Amount && unit_written != unit_name(unit)) {
            diags.error(at, fmt::format("列名标注的单位“{}”与 department.toml 中 amount_unit = \"{}\" 不一致",
                                        unit_written, unit_name(unit)));
        }
        if (column_of.count(match->key)) {
            diags.error(at, fmt::format("列“{}”重复：第 {} 列已是此列", match->header, column_of[match->key]));
            continue;
        }
        column_of[match->key] = static_cast<int>(i) + 1;
        by_column[i] = match;
    }
    for (const auto& f : def.fields)
        if (f.required && !column_of.count(f.key))
            diags.error(Location{csv.name, header.line, 0, {}, {}, csv.sheet}, fmt::format("缺少必填列“{}”", f.header));
    return cols;
}

// One cell's text read as its field's kind says: an amount on the unit's grid, a subject code,
// a choice, a flag or a decimal. Problems are reported at `at` and mark the cell invalid.
void read_book_cell(const FieldDef* f, const FileDef& def, std::string text, bool numeric, AmountUnit unit,
                    const Location& at, BookCell& cell, Diagnostics& diags) {
    switch (f->kind) {
        case FieldKind::Amount: {
            if (numeric) {
                // A number cell holds a binary double: 1411.64 may be stored as 1411.6399999999999.
                const int decimals = unit == AmountUnit::Wan ? 6 : 2;
                auto on_grid = number_on_grid(text, decimals);
                if (!on_grid) {
                    diags.error(at, fmt::format("金额 {} 的小数位数过多：以{}为单位时最多 {} 位小数（精确到分）",
                                                excel_number_text(text), unit_name(unit), decimals));
                    cell.invalid = true;
                    break;
                }
                text = cell.text = *on_grid;
            }
            AmountParse p = parse_amount(text, unit);
            if (!p.ok()) {
                diags.error(at, p.error);
                cell.invalid = true;
            } else if (p.value && p.value->is_negative() && !f->negative_ok) {
                diags.error(at, fmt::format("金额“{}”为负数：此列不允许负数", text));
                cell.invalid = true;
            } else {
                cell.amount = p.value;
            }
            break;
        }
        case FieldKind::Code:
            if (std::string k = label_key(text); k == "合计" || k == "总计" || k == "小计") {
                diags.error(at, fmt::format("“{}”是合计行：类、款、合计与总计都由程序汇总，请删去此行", text));
                cell.invalid = true;
            } else if (!text.empty()) {
                std::string code = normalise_code(text);
                CatalogKind kind = def.code_kind == "economic" ? CatalogKind::Economic : CatalogKind::Functional;
                if (!level_of(kind, code)) {
                    diags.error(at, fmt::format("科目编码“{}”格式不对：{}编码应为{}数字", text, kind_name(kind),
                                                kind == CatalogKind::Functional ? " 3 位（类）、5 位（款）或 7 位（项）"
                                                                                : " 3 位（类）或 5 位（款）"));
                    cell.invalid = true;
                } else {
                    cell.text = code;
                }
            }
            break;
        case FieldKind::Fund:
        case FieldKind::Choice: {
            if (text.empty()) break;
            const auto& choices = f->kind == FieldKind::Fund ? fund_choices() : f->choices;
            if (const Choice* c = find_choice(choices, text)) {
                cell.choice = c->key;
            } else {
                diags.error(at, fmt::format("“{}”不是可用的{}：应为 {}", text, f->header, choice_names(choices)));
                cell.invalid = true;
            }
            break;
        }
        case FieldKind::Flag: {
            std::string k = label_key(text);
            if (k.empty()) break;
            if (k == "是" || k == "yes" || k == "true" || k == "1" || k == "Y" || k == "y")
                cell.flag = true;
            else if (k == "否" || k == "no" || k == "false" || k == "0" || k == "N" || k == "n")
                cell.flag = false;
            else
                diags.error(at, fmt::format("“{}”应为“是”或“否”", text));
            break;
        }
        case FieldKind::Decimal:
            if (text.empty()) break;
            if (auto d = parse_decimal(text))
                cell.number = d;
            else
                diags.error(at, fmt::format("“{}”不是数字", text));
            break;
        case FieldKind::Text: break;
    }
}

}  // namespace

std::vector<BookRow> read_book_rows(const CsvFile& csv, const FileDef& def, AmountUnit unit, Diagnostics& diags) {
    std::vector<BookRow> rows;
    size_t first = 0;
    while (first < csv.records.size() && csv.records[first].blank()) ++first;
    if (first == csv.records.size()) {
        diags.error(Location{csv.name, 0, 0, {}, {}, csv.sheet},
                    fmt::format("{}没有表头：第一行应为列名，如“{}”", csv.sheet.empty() ? "文件" : "工作表", def.fields.front().header));
        return rows;
    }
    const CsvRecord& header = csv.records[first];
    const BookColumns cols = read_book_header(csv, header, def, unit, diags);
    const auto& by_column = cols.by_column;
    const auto& column_of = cols.column_of;
    for (size_t r = first + 1; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        if (rec.blank()) continue;
        BookRow row;
        row.line = rec.line;
        if (rec.fields.size() != header.fields.size()) {
            // A column too many is usually an unquoted thousands separator (1,411.64 splits in
            // two); a column too few shifts nothing only by luck. Either way the row is refused.
            diags.error(Location{csv.name, rec.line, 0, {}, {}, csv.sheet},
                        fmt::format("此行有 {} 列，表头有 {} 列：每行的列数应与表头相同（空白的金额也要保留逗号）；"
                                    "含千分位逗号的金额须用英文双引号括起，如 \"1,411.64\"",
                                    rec.fields.size(), header.fields.size()));
            continue;
        }
        for (size_t i = 0; i < rec.fields.size(); ++i) {
            Location at{csv.name, rec.line, static_cast<int>(i) + 1, i < header.fields.size() ? trim(header.fields[i]) : "", {},
                        csv.sheet};
            const FieldDef* f = i < by_column.size() ? by_column[i] : nullptr;
            std::string text = trim(rec.fields[i]);
            bool numeric = i < rec.numeric.size() && rec.numeric[i];
            if (!f) {
                // A CSV column without a header is a trailing comma; in a sheet it is a forgotten header.
                if (!csv.sheet.empty() && !text.empty() && trim(header.fields[i]).empty())
                    diags.error(at, "此列没有列名：请在第一行填写列名，或删去此列的内容");
                continue;
            }
            // Only texts (names, goals, reasons) may be long; an amount, a code or a choice never is.
            if (f->kind != FieldKind::Text && text.size() > kMaxFieldBytes) {
                diags.error(at, length_problem(text, kMaxFieldBytes));
                BookCell cell;
                cell.column = static_cast<int>(i) + 1;
                cell.invalid = true;
                row.cells[f->key] = std::move(cell);
                continue;
            }
            if (numeric && f->kind != FieldKind::Amount) text = excel_number_text(text);
            BookCell cell;
            cell.text = text;
            cell.column = static_cast<int>(i) + 1;
            read_book_cell(f, def, text, numeric, unit, at, cell, diags);
            row.cells[f->key] = std::move(cell);
        }
        for (const auto& f : def.fields) {
            if (!row.cells.count(f.key) && column_of.count(f.key)) {
                BookCell missing;
                missing.column = column_of.at(f.key);
                row.cells[f.key] = missing;
            }
        }
        // Past the message cap the books cannot be used: the rest is read only to count its errors,
        // and keeping a million rows that no one will use would cost memory for nothing.
        if (diags.omitted(csv.name) > 0 && diags.has_errors()) continue;
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

// The rows of one books file, from its CSV file or its workbook sheet; nullopt when it is absent
// or unreadable (the loader reports what is wrong).
using TableLoader = std::function<std::optional<CsvFile>(const FileDef&)>;

struct Reader {
    Diagnostics& diags;
    AmountUnit unit = AmountUnit::Wan;
    TableLoader load;
    bool workbook = false;
    std::map<std::string, std::pair<std::string, std::string>> origin;  // file → name shown, sheet

    std::optional<std::vector<BookRow>> rows(const std::string& file) {
        const FileDef& def = books_file(file);
        auto csv = load(def);
        if (!csv) return std::nullopt;
        origin[file] = {csv->name, csv->sheet};
        return read_book_rows(*csv, def, unit, diags);
    }

    // How messages name a books file: its file name, or its sheet in a workbook.
    std::string named(const std::string& file) const {
        return workbook ? "工作表“" + books_file(file).sheet + "”" : file;
    }

    Location at(const std::string& file, const BookRow& r, const std::string& key) const {
        const auto& c = r[key];
        const FileDef& def = books_file(file);
        std::string header;
        for (const auto& f : def.fields)
            if (f.key == key) header = f.header;
        const auto& [name, sheet] = origin.at(file);
        return Location{name, r.line, c.column, c.column ? header : std::string(), {}, sheet};
    }
    Location line_at(const std::string& file, const BookRow& r) const {
        const auto& [name, sheet] = origin.at(file);
        return Location{name, r.line, 0, {}, {}, sheet};
    }

    // Subject-coded line items: leaves become SubjectLines, 类/款 rows name their subject
    // and, when they carry amounts, must equal the sum of their leaves.
    void subject_lines(const std::string& file, std::vector<SubjectLine>& out, std::vector<SubjectName>& names,
                       const std::string& fund_field = {}) {
        auto parsed = rows(file);
        if (!parsed) return;
        const FileDef& def = books_file(file);
        size_t leaf_len = def.code_kind == "economic" ? 5 : 7;
        struct Declared {
            std::string code, fund, name;
            std::map<std::string, Money> amounts;
            Location where;
        };
        std::vector<Declared> declared;
        std::map<std::string, int> seen;  // code|fund → line
        size_t first_new = out.size();
        // Every table adds up these leaves: a column whose sum leaves Money's range is refused
        // here, at the row where it does, rather than wrapping in a printed total.
        std::map<std::string, Money> column_sum;
        std::set<std::string> overflowed;
        for (const auto& r : *parsed) {
            if (r["code"].invalid) continue;
            const std::string& code = r["code"].text;
            if (code.empty()) {
                if (r["code"].column) diags.error(at(file, r, "code"), "科目编码为空");
                continue;
            }
            std::string fund;
            if (!fund_field.empty()) {
                fund = r[fund_field].choice;
                if (fund.empty()) {
                    if (r[fund_field].text.empty()) diags.error(at(file, r, fund_field), "资金性质为空");
                    continue;
                }
                if (fund == "nonfiscal") {
                    diags.error(at(file, r, fund_field), "财政拨款支出的资金性质应为一般公共预算、政府性基金预算或国有资本经营预算");
                    continue;
                }
            }
            const std::string& name = r["name"].text;
            if (name.empty()) diags.error(at(file, r, "name"), fmt::format("科目 {} 缺少科目名称", code));
            std::map<std::string, Money> amounts;
            for (const auto& f : def.fields)
                if (f.kind == FieldKind::Amount && r[f.key].amount)
                    amounts[fund.empty() ? f.key : fund + "." + f.key] = *r[f.key].amount;
            std::string key = code + "|" + fund;
            if (auto it = seen.find(key); it != seen.end()) {
                diags.error(at(file, r, "code"), fmt::format("科目 {}{} 重复：第 {} 行已有此科目", code,
                                                          fund.empty() ? "" : "（" + r[fund_field].text + "）", it->second));
                continue;
            }
            seen[key] = r.line;
            if (code.size() == leaf_len) {
                for (const auto& f : def.fields) {
                    if (f.kind != FieldKind::Amount || !r[f.key].amount || overflowed.count(f.key)) continue;
                    try {
                        column_sum[f.key] += *r[f.key].amount;
                    } catch (const AmountOverflow&) {
                        overflowed.insert(f.key);
                        diags.error(at(file, r, f.key), amount_overflow_message("此列从首行加到此行的合计"));
                    }
                }
                out.push_back({code, name, std::move(amounts), at(file, r, "code"), at(file, r, "name")});
            } else {
                names.push_back({code, name, at(file, r, "code"), at(file, r, "name")});
                if (!amounts.empty()) declared.push_back({code, fund, name, std::move(amounts), at(file, r, "code")});
            }
        }
        for (const auto& d : declared) {
            for (const auto& [field, value] : d.amounts) {
                Money sum;
                try {
                    for (size_t i = first_new; i < out.size(); ++i) {
                        const auto& l = out[i];
                        if (l.code.compare(0, d.code.size(), d.code) != 0) continue;
                        if (auto it = l.amounts.find(field); it != l.amounts.end()) sum += it->second;
                    }
                } catch (const AmountOverflow&) {
                    continue;  // reported above, at the leaf where the column's sum overflowed
                }
                if (sum != value) {
                    std::string lvl(level_name(d.code.size() == 3 ? Level::Lei : Level::Kuan));
                    diags.error(d.where, fmt::format("{}“{}”是{}级科目，其金额由所属项级科目汇总得出：填写的 {} 与其下各项之和 {} 不符"
                                                     "（可删去此行的金额，只保留名称）",
                                                     d.code, d.name, lvl, format_exact(value, unit), format_exact(sum, unit)));
                }
            }
        }
    }

    void balances(Facts& f) {
        auto parsed = rows("balances.csv");
        if (!parsed) return;
        std::set<std::string> seen;
        for (const auto& r : *parsed) {
            BalanceLine b;
            const std::string& fund = r["fund"].choice;
            if (fund.empty()) {
                if (r["fund"].text.empty()) diags.error(at("balances.csv", r, "fund"), "资金性质为空");
                continue;
            }
            b.fund = fund == "gpb" ? Fund::Gpb : fund == "gf" ? Fund::Gf : fund == "soc" ? Fund::Soc : Fund::NonFiscal;
            b.code = r["code"].text;
            b.name = r["name"].text;
            if (!b.code.empty() && b.code.size() != 7)
                diags.error(at("balances.csv", r, "code"), "结转结余按科目填写时应为 7 位项级科目编码");
            if (!b.code.empty() && b.name.empty()) diags.error(at("balances.csv", r, "name"), fmt::format("科目 {} 缺少科目名称", b.code));
            b.begin = r["begin"].amount.value_or(Money{});
            b.use = r["use"].amount.value_or(Money{});
            b.distribution = r["distribution"].amount.value_or(Money{});
            b.end = r["end"].amount.value_or(Money{});
            if (b.code.empty() && b.fund == Fund::Gf && (!b.begin.is_zero() || !b.end.is_zero()))
                diags.error(at("balances.csv", r, "code"), "政府性基金的结转结余须按项级科目填写（公开07表按科目列示年初、年末结转和结余）");
            if (b.fund != Fund::NonFiscal) {
                if (!b.use.is_zero()) diags.error(at("balances.csv", r, "use"), "使用非财政拨款结余只适用于非财政拨款");
                if (!b.distribution.is_zero()) diags.error(at("balances.csv", r, "distribution"), "结余分配只适用于非财政拨款");
            }
            std::string key = fund + "|" + b.code;
            if (!seen.insert(key).second) {
                diags.error(line_at("balances.csv", r), fmt::format("资金性质“{}”{}重复", r["fund"].text, b.code.empty() ? "" : "科目 " + b.code + " "));
                continue;
            }
            b.where = at("balances.csv", r, "code");
            b.name_where = at("balances.csv", r, "name");
            f.balances.push_back(b);
        }
    }

    // Rows identified by one field (a 项目, a 类别, a 科目编码): empty and repeated keys are errors.
    template <typename F>
    void keyed_rows(const std::string& file, const std::string& key_field, F&& fn) {
        auto parsed = rows(file);
        if (!parsed) return;
        const FieldDef* def = nullptr;
        for (const auto& f : books_file(file).fields)
            if (f.key == key_field) def = &f;
        std::map<std::string, int> seen;
        for (const auto& r : *parsed) {
            const BookCell& c = r[key_field];
            if (c.invalid) continue;
            bool chosen = def->kind == FieldKind::Choice || def->kind == FieldKind::Fund;
            const std::string& key = chosen ? c.choice : c.text;
            if (key.empty()) {
                if (c.text.empty()) diags.error(at(file, r, key_field), fmt::format("{}为空", def->header));
                continue;
            }
            if (auto [it, fresh] = seen.emplace(key, r.line); !fresh) {
                diags.error(at(file, r, key_field), fmt::format("{}“{}”重复：第 {} 行已有", def->header, c.text, it->second));
                continue;
            }
            fn(r, key);
        }
    }

    void sangong(Facts& f) {
        keyed_rows("sangong.csv", "item", [&](const BookRow& r, const std::string& item) {
            f.sangong.push_back({item, r["budget"].amount, r["actual"].amount, line_at("sangong.csv", r)});
        });
    }

    void procurement(Facts& f) {
        keyed_rows("procurement.csv", "category", [&](const BookRow& r, const std::string& cat) {
            ProcurementLine p{cat, r["total"].amount.value_or(Money{}), r["sme"].amount.value_or(Money{}),
                              r["small_micro"].amount.value_or(Money{}), line_at("procurement.csv", r)};
            if (p.sme > p.total)
                diags.error(at("procurement.csv", r, "sme"), "授予中小企业合同金额大于政府采购支出");
            if (p.small_micro > p.sme)
                diags.error(at("procurement.csv", r, "small_micro"), "授予小微企业合同金额大于授予中小企业合同金额");
            f.procurement.push_back(p);
        });
    }

    void budget(Facts& f) {
        keyed_rows("budget.csv", "code", [&](const BookRow& r, const std::string& code) {
            if (code.size() != 7) {
                diags.error(at("budget.csv", r, "code"), "年初预算应按 7 位项级科目填写");
                return;
            }
            f.budget.push_back({code, r["name"].text, r["initial_budget"].amount.value_or(Money{}), r["reason"].text,
                                at("budget.csv", r, "code"), at("budget.csv", r, "name")});
        });
    }

    void comparisons(Facts& f) {
        keyed_rows("comparisons.csv", "key", [&](const BookRow& r, const std::string& key) {
            f.comparisons.push_back({key, r["previous"].amount, r["budget"].amount, r["change_reason"].text,
                                     r["budget_reason"].text, line_at("comparisons.csv", r)});
        });
    }

    void projects(Facts& f) {
        std::map<std::string, size_t> index;
        keyed_rows("projects.csv", "name", [&](const BookRow& r, const std::string& name) {
            Project p;
            p.name = name;
            auto m = [&](const char* k) { return r[k].amount.value_or(Money{}); };
            p.department = r["department"].text;
            p.implementer = r["implementer"].text;
            p.category = r["category"].text;
            p.fiscal = {m("fiscal_initial"), m("fiscal_full_year"), m("fiscal_executed")};
            p.carried = {m("carried_initial"), m("carried_full_year"), m("carried_executed")};
            p.other = {m("other_initial"), m("other_full_year"), m("other_executed")};
            p.goal = r["goal"].text;
            p.outcome = r["outcome"].text;
            p.review = r["review"].text;
            p.key_evaluation = r["key_evaluation"].flag.value_or(false);
            p.detailed = r["detailed"].flag.value_or(true);
            p.reported_score = r["reported_score"].number;
            p.where = line_at("projects.csv", r);
            index[p.name] = f.projects.size();
            f.projects.push_back(std::move(p));
        });
        auto ind = rows("indicators.csv");
        if (!ind) return;
        for (const auto& r : *ind) {
            const std::string& name = r["project"].text;
            auto it = index.find(name);
            if (it == index.end()) {
                diags.error(at("indicators.csv", r, "project"), fmt::format("项目“{}”不在 {} 中", name, named("projects.csv")));
                continue;
            }
            Indicator i;
            i.level1 = r["level1"].text;
            i.level2 = r["level2"].text;
            i.level3 = r["level3"].text;
            i.op = r["op"].choice;
            i.target = r["target"].text;
            i.actual = r["actual"].text;
            i.unit = r["unit"].text;
            i.weight = r["weight"].number.value_or(Decimal{});
            i.deviation = r["deviation"].text;
            i.where = line_at("indicators.csv", r);
            for (const char* k : {"level1", "level2", "level3", "target", "actual"})
                if (r[k].text.empty() && r[k].column) diags.error(at("indicators.csv", r, k), "此项不能为空");
            if (i.op != "定性" && !i.op.empty()) {
                for (const char* k : {"target", "actual"})
                    if (!r[k].text.empty() && !parse_decimal(r[k].text))
                        diags.error(at("indicators.csv", r, k),
                                    fmt::format("定量指标的值应为数字（单位写在“计量单位”列）：“{}”", r[k].text));
            }
            f.projects[it->second].indicators.push_back(std::move(i));
        }
    }
};

// ---- department.toml

// Where a value of department.toml or reports.toml stands: its line (and column) in the TOML file,
// or its cell in the workbook sheet. `node` is null for a key that is absent.
using Place = std::function<Location(const toml::node* node, const std::string& path, bool with_column)>;

Place toml_place(const std::string& file) {
    return [file](const toml::node* n, const std::string& path, bool with_column) {
        if (!n) return Location{file, 0, 0, {}, path};
        return Location{file, static_cast<int>(n->source().begin.line),
                        with_column ? static_cast<int>(n->source().begin.column) : 0, {}, path};
    };
}

// Reads a TOML file of the books folder; nullopt (and an error) when it cannot be read or parsed.
std::optional<toml::table> parse_toml_file(const fs::path& p, const std::string& file, Diagnostics& diags) {
    std::string content;
    try {
        content = read_text_file(p, file);
    } catch (const InputError& e) {
        diags.merge(e.diagnostics());
        return std::nullopt;
    }
    try {
        return parse_toml(content, file);
    } catch (const InputError& e) {
        diags.merge(e.diagnostics());
        return std::nullopt;
    }
}

template <typename T>
std::optional<T> toml_get(const toml::table& t, const char* key, const Place& place, const std::string& path,
                          const char* expected, Diagnostics& diags) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<T>()) return *v;
    diags.error(place(n, path, true), fmt::format("“{}”应为{}", path, expected));
    return std::nullopt;
}

// Walks the keys of [section]: a section that is not a table and a key not among `fields` are
// errors; `read` gets each known key's node, its place, its path and its field.
template <typename Field, typename Read>
void read_section(const toml::table& root, const char* section, const std::vector<Field>& fields, const Place& place,
                  Diagnostics& diags, Read read) {
    const toml::node* n = root.get(section);
    if (!n) return;
    const toml::table* t = n->as_table();
    if (!t) {
        diags.error(place(n, section, false), fmt::format("[{}] 应为一节（表）", section));
        return;
    }
    for (const auto& [k, v] : *t) {
        std::string path = std::string(section) + "." + std::string(k.str());
        // Named capture: clang 14 cannot capture a structured binding.
        auto it = std::find_if(fields.begin(), fields.end(), [&k = k](const auto& p) { return k.str() == p.first; });
        Location at = place(&v, path, true);
        if (it == fields.end()) {
            std::string names;
            for (const auto& p : fields) names += (names.empty() ? "" : "、") + std::string(p.first);
            diags.error(at, fmt::format("未知的键“{}”：[{}] 中可用的键为 {}", k.str(), section, names));
            continue;
        }
        read(v, at, path, *it);
    }
}

void read_counts(const toml::table& root, const char* section, const std::vector<std::pair<const char*, long*>>& fields,
                 const Place& place, Diagnostics& diags) {
    read_section(root, section, fields, place, diags, [&](const toml::node& v, const Location& at, const std::string& path, auto& f) {
        auto val = v.value<int64_t>();
        if (!val || *val < 0)
            diags.error(at, fmt::format("“{}”应为不小于 0 的整数", path));
        else
            *f.second = static_cast<long>(*val);
    });
}

// An amount written in TOML, in the department's unit: a string "933.74" or a number. A TOML
// float is read back through its shortest round-trip text, which is the decimal that was written.
void read_amounts(const toml::table& root, const char* section,
                  const std::vector<std::pair<const char*, std::optional<Money>*>>& fields, AmountUnit unit,
                  const Place& place, Diagnostics& diags) {
    read_section(root, section, fields, place, diags, [&](const toml::node& v, const Location& at, const std::string& path, auto& f) {
        std::string text;
        if (auto sv = v.value_exact<std::string>()) {
            text = *sv;
        } else if (auto iv = v.value_exact<int64_t>()) {
            text = std::to_string(*iv);
        } else if (auto dv = v.value_exact<double>()) {
            char buf[64];
            auto r = std::to_chars(buf, buf + sizeof buf, *dv);
            text.assign(buf, r.ptr);
        } else {
            diags.error(at, fmt::format("“{}”应为金额（{}），如 \"933.74\"", path, unit_name(unit)));
            return;
        }
        AmountParse a = parse_amount(text, unit);
        if (!a.ok() || !a.value || a.value->fen() < 0) {
            diags.error(at, fmt::format("“{}”应为不小于 0 的金额（{}），而不是“{}”{}", path, unit_name(unit), text,
                                        a.ok() ? "" : "：" + a.error));
            return;
        }
        *f.second = a.value;
    });
}

// The department's keys, from department.toml or the 部门 sheet.
void read_department(const toml::table& root, const Place& place, Facts& facts, Diagnostics& diags) {
    Department& d = facts.department;
    static const std::set<std::string> known = {"name", "short_name", "year", "amount_unit", "template", "duties",
                                                "composition", "units", "sangong", "assets", "performance", "texts"};
    for (const auto& [k, v] : root) {
        if (!known.count(std::string(k.str()))) {
            diags.error(place(&v, std::string(k.str()), false),
                        fmt::format("未知的键“{}”：可用的键见 docs/input-format.md", k.str()));
        }
    }
    auto str = [&](const char* key) {
        auto v = toml_get<std::string>(root, key, place, key, "字符串", diags);
        // Only composition is prose; a name, a unit or a template id fits in a cell.
        if (v && std::string_view(key) != "composition" && v->size() > kMaxFieldBytes) {
            diags.error(place(root.get(key), key, true), length_problem(*v, kMaxFieldBytes));
            return std::optional<std::string>();
        }
        return v;
    };
    // Where a key stands: its line when present, else the file (or the key's row of the sheet).
    auto key_at = [&](const char* key) { return place(root.get(key), key, true); };
    if (auto v = str("name"); v && !trim(*v).empty())
        d.name = trim(*v);
    else if (!root.get("name") || v)
        diags.error(key_at("name"), "缺少部门名称：请填写 name = \"…\"");
    d.short_name = str("short_name").value_or(d.name);
    if (auto y = toml_get<int64_t>(root, "year", place, "year", "年份（整数，如 2023）", diags); y && *y >= 1990 && *y <= 2200)
        d.year = static_cast<int>(*y);
    else if (!root.get("year") || y)
        diags.error(key_at("year"), "缺少或无效的决算年度：请填写 year = 2023 这样的四位年份");
    if (auto u = str("amount_unit")) {
        if (auto unit = parse_unit_name(*u))
            d.unit = *unit;
        else
            diags.error(key_at("amount_unit"), fmt::format("金额单位“{}”无效：应为 \"元\" 或 \"万元\"", *u));
    } else if (!root.get("amount_unit")) {
        diags.error(key_at("amount_unit"), "缺少金额单位：请填写 amount_unit = \"元\" 或 \"万元\"");
    }
    d.template_id = str("template").value_or("jinan-2023");
    d.composition = str("composition").value_or("");
    auto list = [&](const char* key, std::vector<std::string>& out) {
        const toml::node* n = root.get(key);
        if (!n) return;
        const toml::array* a = n->as_array();
        if (!a) {
            diags.error(place(n, key, false), fmt::format("“{}”应为字符串数组，如 [\"…\", \"…\"]", key));
            return;
        }
        for (const auto& e : *a) {
            if (auto s = e.value<std::string>())
                out.push_back(*s);
            else
                diags.error(place(&e, key, false), fmt::format("“{}”的每一项都应为字符串", key));
        }
    };
    list("duties", d.duties);
    list("units", d.units);
    // The sections' counts and amounts, as department_keys() lists them.
    for (const char* section : {"sangong", "assets", "performance"}) {
        std::vector<std::pair<const char*, long*>> counts;
        std::vector<std::pair<const char*, std::optional<Money>*>> amounts;
        for (const auto& k : department_keys()) {
            if (k.section() != section) continue;
            const char* name = k.key.c_str() + k.section().size() + 1;  // the static table's own text
            if (k.count) counts.push_back({name, k.count(d)});
            if (k.amount) amounts.push_back({name, k.amount(d)});
        }
        if (!counts.empty()) read_counts(root, section, counts, place, diags);
        if (!amounts.empty()) read_amounts(root, section, amounts, d.unit, place, diags);
    }
    if (const toml::node* n = root.get("texts")) {
        if (const toml::table* t = n->as_table()) {
            for (const auto& [k, v] : *t) {
                if (auto sv = v.value<std::string>())
                    d.texts[std::string(k.str())] = *sv;
                else
                    diags.error(place(&v, "texts." + std::string(k.str()), false), "说明文字应为字符串");
            }
        } else {
            diags.error(place(n, "texts", false), "[texts] 应为一节（表）");
        }
    }
}

// The officer's words for each 部门重点评价 report, one [[reports]] table each (reports.toml or
// the 报告 sheet); `projects` names where the projects are listed.
void read_reports(const toml::table& root, const Place& place, const std::string& projects, Facts& facts,
                  Diagnostics& diags) {
    for (const auto& [k, v] : root)
        if (k.str() != "reports")
            diags.error(place(&v, std::string(k.str()), false),
                        fmt::format("未知的键“{}”：每份报告写作一个 [[reports]] 表", k.str()));
    const toml::node* n = root.get("reports");
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a) {
        diags.error(place(n, "reports", false), "reports 应写作 [[reports]] 表");
        return;
    }
    std::string known;
    for (const auto& f : report_fields()) known += (known.empty() ? "" : "、") + f.key;
    for (size_t i = 0; i < a->size(); ++i) {
        const toml::table* t = (*a)[i].as_table();
        std::string path = fmt::format("reports[{}]", i + 1);
        if (!t) {
            diags.error(place(&(*a)[i], path, false), "每份报告应写作一个 [[reports]] 表");
            continue;
        }
        KeyReport r;
        r.where = place(t, path, false);
        for (const auto& [k, v] : *t) {
            std::string key(k.str());
            Location at = place(&v, path + "." + key, true);
            auto s = v.value<std::string>();
            if (!s) {
                diags.error(at, fmt::format("“{}”应为字符串", key));
                continue;
            }
            if (key == "project") {
                r.project = trim(*s);
            } else if (std::none_of(report_fields().begin(), report_fields().end(),
                                    [&](const ReportField& f) { return f.key == key; })) {
                diags.error(at, fmt::format("未知的键“{}”：报告中可用的键为 project、{}", key, known));
            } else {
                r.texts[key] = *s;
            }
        }
        auto it = std::find_if(facts.projects.begin(), facts.projects.end(),
                               [&](const Project& pr) { return pr.name == r.project; });
        if (r.project.empty())
            diags.error(r.where, fmt::format("报告缺少 project（项目名称，与 {} 一致）", projects));
        else if (it == facts.projects.end())
            diags.error(r.where, fmt::format("报告的项目“{}”不在 {} 中", r.project, projects));
        else if (!it->key_evaluation)
            diags.error(r.where, fmt::format("项目“{}”在 {} 中未标为部门重点评价：绩效评价报告只写重点评价项目", r.project, projects));
        else if (facts.report(r.project))
            diags.error(r.where, fmt::format("项目“{}”的报告重复", r.project));
        else
            facts.reports.push_back(std::move(r));
    }
}

// ---- the books workbook: sheets as rows, the 部门 and 报告 sheets as TOML tables

// A TOML table built from a sheet, with the cell each value came from.
struct SheetToml {
    toml::table root;
    std::map<const toml::node*, std::pair<int, int>> cells;  // node → row, column
    std::map<std::string, std::pair<int, int>> keys;         // key path → its first row's value cell
};

Place sheet_place(const SheetToml& st, const std::string& file, const std::string& sheet) {
    return [&st, file, sheet](const toml::node* n, const std::string& path, bool) {
        if (n)
            if (auto it = st.cells.find(n); it != st.cells.end())
                return Location{file, it->second.first, it->second.second, {}, path, sheet};
        if (auto it = st.keys.find(path); it != st.keys.end())
            return Location{file, it->second.first, it->second.second, {}, path, sheet};
        return Location{file, 0, 0, {}, path, sheet};
    };
}

std::string field(const CsvRecord& r, size_t i) { return i < r.fields.size() ? trim(r.fields[i]) : std::string(); }

// The first non-blank row must be the header the sheet is defined with; returns the index after it.
std::optional<size_t> expect_header(const CsvFile& csv, const std::vector<std::string>& header, Diagnostics& diags) {
    size_t first = 0;
    while (first < csv.records.size() && csv.records[first].blank()) ++first;
    if (first == csv.records.size()) return std::nullopt;
    const CsvRecord& h = csv.records[first];
    std::string shown = fmt::format("{}", fmt::join(header, " | "));
    for (size_t i = 0; i < header.size(); ++i) {
        if (label_key(field(h, i)) != label_key(header[i])) {
            diags.error(Location{csv.name, h.line, static_cast<int>(i) + 1, {}, {}, csv.sheet},
                        fmt::format("表头应为 {}，此格却是“{}”", shown, field(h, i)));
            return std::nullopt;
        }
    }
    return first + 1;
}

// 部门: rows 键 | 值 | 说明, keys as TOML paths; list keys repeat, one row per item.
void department_sheet(const CsvFile& csv, SheetToml& st, Diagnostics& diags) {
    auto first = expect_header(csv, {"键", "值"}, diags);
    if (!first) return;
    std::map<std::string, DepartmentValue> kinds;
    for (const auto& k : department_keys()) kinds[k.key] = k.kind;
    for (size_t r = *first; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        std::string key = field(rec, 0), value = field(rec, 1);
        Location at_key{csv.name, rec.line, 1, {}, key, csv.sheet}, at_value{csv.name, rec.line, 2, {}, key, csv.sheet};
        if (key.empty()) {
            if (!value.empty()) diags.error(at_key, "此行有值而没有键：请在“键”列填写键名，如 name");
            continue;
        }
        st.keys.emplace(key, std::make_pair(rec.line, 2));
        if (value.empty()) continue;
        if (rec.numeric.size() > 1 && rec.numeric[1]) value = excel_number_text(value);
        auto kind_it = kinds.find(key);
        DepartmentValue kind = kind_it == kinds.end() ? DepartmentValue::Text : kind_it->second;
        auto segments = split(key, '.');
        if (std::any_of(segments.begin(), segments.end(), [](const std::string& x) { return trim(x).empty(); })) {
            diags.error(at_key, fmt::format("键“{}”不对：应如 name、sangong.abroad_groups、texts.performance_overview", key));
            continue;
        }
        toml::table* t = &st.root;
        bool ok = true;
        for (size_t i = 0; i + 1 < segments.size() && ok; ++i) {
            toml::node* n = t->get(segments[i]);
            if (!n) {
                t->insert(segments[i], toml::table{});
                n = t->get(segments[i]);
                st.cells[n] = {rec.line, 1};
            }
            if (!n->is_table()) {
                diags.error(at_key, fmt::format("键“{}”与“{}”冲突：“{}”已是一个值", key, segments[i], segments[i]));
                ok = false;
            } else {
                t = n->as_table();
            }
        }
        if (!ok) continue;
        const std::string& last = segments.back();
        if (kind == DepartmentValue::List) {
            toml::node* n = t->get(last);
            if (!n) {
                t->insert(last, toml::array{});
                n = t->get(last);
                st.cells[n] = {rec.line, 2};
            }
            n->as_array()->push_back(value);
            st.cells[&n->as_array()->back()] = {rec.line, 2};
            continue;
        }
        if (t->get(last)) {
            diags.error(at_key, fmt::format("键“{}”重复：第 {} 行已有（只有 duties、units 可以每项一行）", key,
                                            st.cells[t->get(last)].first));
            continue;
        }
        // Whole numbers become TOML integers; anything else stays text for the checks to judge.
        std::string digits = value.substr(value[0] == '-' ? 1 : 0);
        if (kind == DepartmentValue::Integer && !digits.empty() && digits.size() <= 15 && all_digits(digits))
            t->insert(last, static_cast<int64_t>(std::stoll(value)));
        else
            t->insert(last, value);
        st.cells[t->get(last)] = {rec.line, 2};
    }
}

// 报告: rows 项目名称 | 键 | 文字, one row per text.
void reports_sheet(const CsvFile& csv, SheetToml& st, Diagnostics& diags) {
    auto first = expect_header(csv, {"项目名称", "键", "文字"}, diags);
    if (!first) return;
    st.root.insert("reports", toml::array{});
    toml::array* reports = st.root.get("reports")->as_array();
    std::map<std::string, toml::table*> by_project;
    for (size_t r = *first; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        std::string project = field(rec, 0), key = field(rec, 1);
        std::string text = rec.fields.size() > 2 ? rec.fields[2] : "";
        if (rec.numeric.size() > 2 && rec.numeric[2]) text = excel_number_text(text);
        // Rows without text and project are the template's guide to the keys; an empty text of a
        // named project stays, as `budget_kind = ""` does in reports.toml.
        if (trim(text).empty() && (project.empty() || key.empty())) continue;
        Location at_project{csv.name, rec.line, 1, {}, {}, csv.sheet}, at_key{csv.name, rec.line, 2, {}, {}, csv.sheet};
        if (project.empty()) {
            diags.error(at_project, "缺少项目名称：每行写明报告所属的项目（与“绩效项目”一致）");
            continue;
        }
        if (key.empty() || key == "project") {
            diags.error(at_key, key.empty() ? "缺少键：应为报告的一部分，如 background、funds_use"
                                            : "项目名称写在“项目名称”列，“键”列写报告的一部分，如 background");
            continue;
        }
        toml::table*& t = by_project[project];
        if (!t) {
            reports->push_back(toml::table{});
            t = reports->back().as_table();
            st.cells[t] = {rec.line, 1};
            t->insert("project", project);
            st.cells[t->get("project")] = {rec.line, 1};
        }
        if (t->get(key)) {
            diags.error(at_key, fmt::format("项目“{}”的“{}”重复", project, key));
            continue;
        }
        t->insert(key, text);
        st.cells[t->get(key)] = {rec.line, 2};  // a wrong key is what can be wrong here
    }
}

std::string join_headers(const std::vector<std::string>& h) {
    std::string s = fmt::format("{}", fmt::join(h, " | "));
    return s;
}

// The tables every books source has, read in one order.
void read_tables(Reader& r, Facts& facts) {
    r.subject_lines("income.csv", facts.income, facts.names);
    r.subject_lines("expenditure.csv", facts.expenditure, facts.names);
    r.subject_lines("fiscal_expenditure.csv", facts.fiscal_expenditure, facts.names, "fund");
    r.subject_lines("basic_expenditure.csv", facts.basic_economic, facts.economic_names);
    r.balances(facts);
    r.sangong(facts);
    r.procurement(facts);
    r.budget(facts);
    r.comparisons(facts);
    r.projects(facts);
}

}  // namespace

CsvFile sheet_rows(const XlsxSheet& sheet, const std::string& file, bool stored_numbers, Diagnostics& diags) {
    CsvFile csv;
    csv.name = file;
    csv.sheet = sheet.name;
    const size_t width = static_cast<size_t>(sheet.max_col());
    for (const auto& row : sheet.rows) {
        CsvRecord rec;
        rec.line = row.number;
        rec.fields.assign(width, "");
        rec.numeric.assign(width, false);
        for (const auto& c : row.cells) {
            size_t i = static_cast<size_t>(c.col - 1);
            Location at{file, c.row, c.col, {}, {}, sheet.name};
            if (!c.has_value) {
                diags.error(at, "公式没有保存计算结果：请在 Excel 中打开工作簿、重新计算并保存后再读取");
                continue;
            }
            switch (c.type) {
                case XlsxType::Number:
                    rec.fields[i] = stored_numbers ? c.text : excel_number_text(c.text);
                    rec.numeric[i] = stored_numbers;
                    break;
                case XlsxType::Boolean: rec.fields[i] = c.text == "TRUE" ? "是" : "否"; break;
                case XlsxType::Error:
                    diags.error(at, fmt::format("单元格是 Excel 的错误值 {}：请改正公式或填写数值", c.text));
                    break;
                case XlsxType::Text:
                case XlsxType::Date: rec.fields[i] = c.text; break;
            }
        }
        csv.records.push_back(std::move(rec));
    }
    return csv;
}

Facts read_books_folder(const fs::path& dir, Diagnostics& out) {
    Diagnostics diags;
    Facts facts;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (!fs::exists(dir, ec)) throw InputError(Location{dir.string()}, "输入目录不存在");
        throw InputError(Location{dir.string()}, "输入应为账簿目录（含 department.toml 与 CSV 文件）或账簿工作簿（.xlsx）");
    }
    const fs::path dept = dir / "department.toml";
    if (!fs::exists(dept, ec))
        diags.error(Location{dept.string()}, "缺少必需的文件 department.toml（部门基本信息）：可用 juesuan init 生成空白模板");
    else if (auto root = parse_toml_file(dept, dept.string(), diags))
        read_department(*root, toml_place(dept.string()), facts, diags);
    TableLoader load = [&](const FileDef& def) -> std::optional<CsvFile> {
        fs::path p = dir / def.file;
        std::string shown = p.string();
        std::error_code e;
        if (!fs::exists(p, e)) {
            if (def.required)
                diags.error(Location{shown}, fmt::format("缺少必需的文件 {}（{}）：可用 juesuan init 生成空白模板", def.file, def.title));
            return std::nullopt;
        }
        try {
            CsvFile csv = read_csv_file(p, shown);
            if (csv.from_gb18030) diags.warning(Location{shown}, "文件不是 UTF-8 编码，已按 GB18030（GBK）读取");
            return csv;
        } catch (const InputError& err) {
            diags.merge(err.diagnostics());
            return std::nullopt;
        }
    };
    Reader r{diags, facts.department.unit, load};
    read_tables(r, facts);
    const fs::path reports = dir / "reports.toml";
    if (fs::exists(reports, ec))
        if (auto root = parse_toml_file(reports, reports.string(), diags))
            read_reports(*root, toml_place(reports.string()), "projects.csv", facts, diags);
    if (diags.has_errors()) throw InputError(std::move(diags));
    out.merge(diags);
    return facts;
}

Facts read_books_workbook(const fs::path& path, Diagnostics& out, BooksSupplements* supplements) {
    const std::string file = path.string();
    XlsxWorkbook wb = read_xlsx(path, file);
    Diagnostics diags;
    Facts facts;
    std::set<std::string> known = {kDepartmentSheet, kReportsSheet, kGlossarySheet, kCatalogSheet};
    for (const auto& f : books_files()) known.insert(f.sheet);
    for (const auto& s : wb.sheets)
        if (!known.count(s.name))
            diags.warning(Location{file, 0, 0, {}, {}, s.name}, "不是账簿的工作表，已忽略（工作表名称见 docs/input-format.md）");

    SheetToml dept;
    if (const XlsxSheet* s = wb.sheet(kDepartmentSheet)) {
        department_sheet(sheet_rows(*s, file, false, diags), dept, diags);
        read_department(dept.root, sheet_place(dept, file, kDepartmentSheet), facts, diags);
    } else {
        diags.error(Location{file}, fmt::format("缺少必需的工作表“{}”（部门基本信息，键 | 值 | 说明）：可用 juesuan init --xlsx 生成空白模板",
                                                kDepartmentSheet));
    }
    TableLoader load = [&](const FileDef& def) -> std::optional<CsvFile> {
        const XlsxSheet* s = wb.sheet(def.sheet);
        if (!s) {
            if (def.required)
                diags.error(Location{file}, fmt::format("缺少必需的工作表“{}”（{}）：可用 juesuan init --xlsx 生成空白模板",
                                                        def.sheet, def.title));
            return std::nullopt;
        }
        return sheet_rows(*s, file, true, diags);
    };
    Reader r{diags, facts.department.unit, load, true};
    read_tables(r, facts);
    SheetToml reports;
    if (const XlsxSheet* s = wb.sheet(kReportsSheet)) {
        reports_sheet(sheet_rows(*s, file, false, diags), reports, diags);
        read_reports(reports.root, sheet_place(reports, file, kReportsSheet),
                     fmt::format("工作表“{}”", books_file("projects.csv").sheet), facts, diags);
    }
    if (supplements) {
        if (const XlsxSheet* s = wb.sheet(kGlossarySheet)) {
            CsvFile csv = sheet_rows(*s, file, false, diags);
            if (auto first = expect_header(csv, {"科目编码", "解释"}, diags)) {
                for (size_t i = *first; i < csv.records.size(); ++i) {
                    const auto& rec = csv.records[i];
                    std::string code = field(rec, 0), text = field(rec, 1);
                    if (code.empty() && text.empty()) continue;
                    if (!all_digits(code) || code.empty() || text.empty())
                        diags.error(Location{file, rec.line, 1, {}, {}, csv.sheet},
                                    fmt::format("每行应为 {}", join_headers({"科目编码", "解释"})));
                    else
                        supplements->glossary[code] = text;
                }
            }
        }
        if (const XlsxSheet* s = wb.sheet(kCatalogSheet)) {
            CsvFile csv = sheet_rows(*s, file, false, diags);
            if (std::any_of(csv.records.begin(), csv.records.end(), [](const CsvRecord& x) { return !x.blank(); }))
                supplements->catalog = std::move(csv);
        }
    }
    if (diags.has_errors()) throw InputError(std::move(diags));
    out.merge(diags);
    return facts;
}

bool is_books_workbook(const fs::path& books) {
    std::error_code ec;
    if (to_lower_ascii(books.extension().string()) != ".xlsx" || fs::is_directory(books, ec)) return false;
    // A workbook of published tables (公开01表 …) has none of the books' sheets; a workbook that
    // cannot be read is taken for books, whose reader says what is wrong with it.
    std::vector<std::string> sheets;
    try {
        sheets = xlsx_sheet_names(books);
    } catch (const InputError&) {
        return true;
    }
    std::set<std::string, std::less<>> ours = {kDepartmentSheet, kReportsSheet, kGlossarySheet, kCatalogSheet};
    for (const auto& f : books_files()) ours.insert(f.sheet);
    return sheets.empty() || std::any_of(sheets.begin(), sheets.end(), [&](const std::string& s) { return ours.count(s) > 0; });
}

}  // namespace juesuan
