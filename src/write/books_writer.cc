#include "write/books_writer.h"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/books_schema.h"
#include "core/text.h"

namespace juesuan {

namespace {

std::string toml_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::string toml_list(const std::vector<std::string>& items) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (const auto& i : items) out += "  " + toml_string(i) + ",\n";
    return out + "]";
}

std::string department_toml(const Department& d) {
    std::string o;
    o += "# 部门基本信息（juesuan 账簿，格式见 docs/input-format.md）\n";
    o += "# 本目录中 CSV 文件的金额单位由 amount_unit 决定；类、款与各项合计均由程序汇总，只需填写项级数据。\n\n";
    o += "# 部门全称\nname = " + toml_string(d.name) + "\n";
    o += "# 绩效自评表中使用的部门简称（可与全称相同）\nshort_name = " + toml_string(d.short_name) + "\n";
    o += "# 决算年度\nyear = " + std::to_string(d.year) + "\n";
    o += "# CSV 金额单位：\"元\" 或 \"万元\"\namount_unit = " + toml_string(std::string(unit_name(d.unit))) + "\n";
    o += "# 公开模板：jinan-2023（济南 2023 年度，公开01–09表）\ntemplate = " + toml_string(d.template_id) + "\n\n";
    o += "# 第一部分 部门概况：部门职责，每条一项\nduties = " + toml_list(d.duties) + "\n\n";
    o += "# 机构设置：单位构成说明\ncomposition = " + toml_string(d.composition) + "\n";
    o += "# 纳入部门决算编制范围的单位\nunits = " + toml_list(d.units) + "\n\n";
    // The sections' keys, as department_keys() lists them, each with its help as a comment.
    const std::pair<const char*, const char*> sections[] = {
        {"sangong", "# “三公”经费的数量（金额见 sangong.csv）\n"},
        {"assets", "# 国有资产占用情况（年末数）\n"},
        {"performance", "# 预算绩效：有项目未在 projects.csv 中逐项列出资金时，填写绩效自评涉及的预算资金；\n"
                        "# 填写本级预算项目支出总额时，情况说明写出自评资金所占比例。金额单位同 amount_unit。\n"},
    };
    for (const auto& [section, intro] : sections) {
        if (section != std::string_view("sangong")) o += "\n";
        o += intro + fmt::format("[{}]\n", section);
        for (const auto& k : department_keys()) {
            if (k.section() != section) continue;
            if (k.count)
                o += fmt::format("{:<36} # {}\n", fmt::format("{} = {}", k.name(), k.count_of(d)), k.help);
            else if (const auto& m = k.amount_of(d))  // optional: written when set, else shown commented
                o += fmt::format("{:<36} # {}\n", fmt::format("{} = {}", k.name(), toml_string(format_exact(*m, d.unit))), k.help);
            else
                o += fmt::format("{:<36} # {}\n", fmt::format("# {} = \"\"", k.name()), k.help);
        }
    }
    o += "\n";
    o += "# 情况说明中由经办人撰写的原因和说明，键名见 docs/input-format.md\n[texts]\n";
    for (const auto& [k, v] : d.texts) o += k + " = " + toml_string(v) + "\n";
    return o;
}

// reports.toml: the officer's words for each key-evaluation report. Empty books get the keys,
// commented, under one example table.
std::string reports_toml(const std::vector<KeyReport>& reports) {
    std::string o = "# 部门重点评价的绩效评价报告中由经办人撰写的文字，每份报告一个 [[reports]] 表。\n"
                    "# 报告中的金额、执行率与得分由程序按账簿计算写出，此处只写文字；一段文字中换行即另起一段。\n";
    if (reports.empty()) {
        o += "# [[reports]]\n# project = \"\"  # 项目名称，与 projects.csv 一致，且标为部门重点评价\n";
        for (const auto& f : report_fields())
            o += fmt::format("# {} = \"\"  # {}{}\n", f.key, f.where, f.help.empty() ? "" : "：" + f.help);
        return o;
    }
    for (const auto& r : reports) {
        o += "\n[[reports]]\nproject = " + toml_string(r.project) + "\n";
        for (const auto& f : report_fields()) {
            auto it = r.texts.find(f.key);
            if (it != r.texts.end()) o += f.key + " = " + toml_string(it->second) + "\n";
        }
    }
    return o;
}

std::vector<std::string> header(const FileDef& def) {
    std::vector<std::string> h;
    for (const auto& f : def.fields) h.push_back(f.header);
    return h;
}

std::string amount_text(const std::optional<Money>& m, AmountUnit u) { return m ? format_exact(*m, u) : ""; }

std::string choice_name(const FieldDef& f, const std::string& key) {
    for (const auto& c : f.choices)
        if (c.key == key) return c.names.front();
    return key;
}

const FieldDef& field(const FileDef& def, const std::string& key) {
    for (const auto& f : def.fields)
        if (f.key == key) return f;
    throw std::out_of_range(key);
}

std::vector<std::vector<std::string>> subject_rows(const FileDef& def, const std::vector<SubjectLine>& lines, AmountUnit u) {
    std::vector<std::vector<std::string>> out = {header(def)};
    for (const auto& l : lines) {
        std::vector<std::string> row;
        std::string fund;
        for (const auto& f : def.fields) {
            if (f.key == "code") {
                row.push_back(l.code);
            } else if (f.key == "name") {
                row.push_back(l.name);
            } else if (f.kind == FieldKind::Fund) {
                // fiscal_expenditure: amounts are keyed "fund.kind"
                for (const auto& [k, v] : l.amounts) fund = k.substr(0, k.find('.'));
                for (const auto& c : fund_choices())
                    if (c.key == fund) row.push_back(c.names.front());
                if (fund.empty()) row.push_back("");
            } else {
                auto it = l.amounts.find(fund.empty() ? f.key : fund + "." + f.key);
                row.push_back(it == l.amounts.end() ? "" : format_exact(it->second, u));
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

std::string csv_text(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (const auto& r : rows) out += csv_line(r);
    return out;
}

}  // namespace

std::map<std::string, std::vector<std::vector<std::string>>> books_rows(const Facts& f) {
    std::map<std::string, std::vector<std::vector<std::string>>> files;
    AmountUnit u = f.department.unit;
    files["income.csv"] = subject_rows(books_file("income.csv"), f.income, u);
    files["expenditure.csv"] = subject_rows(books_file("expenditure.csv"), f.expenditure, u);
    files["fiscal_expenditure.csv"] = subject_rows(books_file("fiscal_expenditure.csv"), f.fiscal_expenditure, u);
    files["basic_expenditure.csv"] = subject_rows(books_file("basic_expenditure.csv"), f.basic_economic, u);

    const FileDef& bal = books_file("balances.csv");
    auto& balances = files["balances.csv"] = {header(bal)};
    for (const auto& b : f.balances) {
        std::string fund;
        for (const auto& c : fund_choices())
            if (c.key == fund_key(b.fund)) fund = c.names.front();
        auto opt = [&](Money m) { return m.is_zero() ? std::string() : format_exact(m, u); };
        balances.push_back({fund, b.code, b.name, opt(b.begin), opt(b.use), opt(b.distribution), opt(b.end)});
    }

    const FileDef& sg = books_file("sangong.csv");
    auto& sangong = files["sangong.csv"] = {header(sg)};
    for (const auto& s : f.sangong)
        sangong.push_back({choice_name(field(sg, "item"), s.item), amount_text(s.budget, u), amount_text(s.actual, u)});

    const FileDef& pr = books_file("procurement.csv");
    auto& procurement = files["procurement.csv"] = {header(pr)};
    for (const auto& p : f.procurement)
        procurement.push_back({choice_name(field(pr, "category"), p.category), format_exact(p.total, u),
                               format_exact(p.sme, u), format_exact(p.small_micro, u)});

    auto& budget = files["budget.csv"] = {header(books_file("budget.csv"))};
    for (const auto& b : f.budget) budget.push_back({b.code, b.name, format_exact(b.initial_budget, u), b.reason});

    const FileDef& cmp = books_file("comparisons.csv");
    auto& comparisons = files["comparisons.csv"] = {header(cmp)};
    for (const auto& c : f.comparisons)
        comparisons.push_back({choice_name(field(cmp, "key"), c.key), amount_text(c.previous, u), amount_text(c.budget, u),
                               c.change_reason, c.budget_reason});

    auto& projects = files["projects.csv"] = {header(books_file("projects.csv"))};
    auto& indicators = files["indicators.csv"] = {header(books_file("indicators.csv"))};
    for (const auto& p : f.projects) {
        auto m = [&](Money x) { return format_exact(x, u); };
        projects.push_back({p.name, p.department, p.implementer, p.category, m(p.fiscal.initial), m(p.fiscal.full_year),
                            m(p.fiscal.executed), m(p.carried.initial), m(p.carried.full_year), m(p.carried.executed),
                            m(p.other.initial), m(p.other.full_year), m(p.other.executed), p.goal, p.outcome, p.review,
                            p.key_evaluation ? "是" : "否", p.detailed ? "是" : "否",
                            p.reported_score ? p.reported_score->str() : ""});
        for (const auto& i : p.indicators)
            indicators.push_back({p.name, i.level1, i.level2, i.level3, i.op, i.target, i.actual, i.unit, i.weight.str(),
                                  i.deviation});
    }
    return files;
}

std::map<std::string, std::string> write_books(const Facts& f) {
    std::map<std::string, std::string> files;
    files["department.toml"] = department_toml(f.department);
    for (const auto& [name, rows] : books_rows(f)) files[name] = csv_text(rows);
    files["reports.toml"] = reports_toml(f.reports);
    return files;
}

std::map<std::string, std::string> write_books_with_supplements(const Facts& f, const std::vector<CatalogEntry>& extra) {
    auto files = write_books(f);
    if (!extra.empty()) files["catalog.csv"] = write_catalog_csv(extra);
    files["glossary.csv"] = write_glossary_csv(f);
    return files;
}

std::string write_glossary_csv(const Facts& f) {
    std::string out = csv_line({"科目编码", "解释"});
    std::set<std::string> seen;
    for (const auto& l : f.expenditure)
        if (seen.insert(l.code).second) out += csv_line({l.code, "反映" + l.name + "方面的支出。"});
    return out;
}

std::string books_guide() {
    std::string o = "juesuan 账簿填写说明（完整说明见 docs/input-format.md）\n\n";
    o += "· 只填最细一级：功能分类填 7 位项级科目，经济分类填 5 位款级科目；类、款、合计与总计由程序汇总。\n";
    o += "· 金额单位见 department.toml 的 amount_unit；含千分位逗号的金额须用英文双引号括起，如 \"1,411.64\"。\n";
    o += "· 每行的列数应与表头相同，空白金额也保留逗号；CSV 可用 UTF-8 或 GBK 保存。\n\n";
    o += "reports.toml（部门重点评价的绩效评价报告文字，可省略）\n  每份报告一个 [[reports]] 表，project 为项目名称，其余键见文件中的注释。\n\n";
    for (const auto& f : books_files()) {
        o += fmt::format("{}（{}，{}）\n  {}\n", f.file, f.title, f.required ? "必需" : "可省略", f.help);
        for (const auto& c : f.fields) {
            std::string also = fmt::format("{}", fmt::join(c.aliases, "、"));
            o += fmt::format("  - {}{}{}{}\n", c.header, c.required ? "（必填列）" : "",
                             c.help.empty() ? "" : "：" + c.help, also.empty() ? "" : "；也可写作 " + also);
        }
        o += "\n";
    }
    return o;
}

std::string write_catalog_csv(const std::vector<CatalogEntry>& entries) {
    std::string out = csv_line({"code", "name", "level", "parent", "aliases", "sources", "note"});
    for (const auto& e : entries) {
        std::string aliases = fmt::format("{}", fmt::join(e.aliases, "|"));
        out += csv_line({e.code, e.name, std::string(level_name(e.level)), e.parent, aliases, e.sources, e.note});
    }
    return out;
}

}  // namespace juesuan
