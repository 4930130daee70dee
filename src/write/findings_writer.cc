#include "write/findings_writer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "layout/printed_table.h"
#include "write/html_writer.h"

namespace juesuan {

namespace {

std::string place(const FindingLocation& l) {
    std::string s;
    // Where an imported document printed it, first: that is where the reader looks.
    if (!l.file.empty()) s += l.file + " ";
    if (!l.sheet.empty()) s += fmt::format("工作表“{}”", l.sheet);
    if (l.page) s += fmt::format("第 {} 页 ", *l.page);
    if (l.text_line) s += fmt::format("{}第 {} 行 ", l.sheet.empty() ? "原文" : "", *l.text_line);
    if (l.paragraph) s += fmt::format("原文第 {} 段 ", *l.paragraph);
    if (l.line) s += fmt::format("第 {} 行", *l.line);
    if (!l.code.empty()) s += (s.empty() ? "" : " ") + l.code;
    if (!l.label.empty() && l.label != l.code) s += (s.empty() ? "" : " ") + l.label;
    if (!l.column_label.empty()) s += (s.empty() ? "" : " · ") + l.column_label;
    return s;
}

std::string amount(const std::optional<Money>& m) { return m ? format_wan(*m) : ""; }

// "应为 …，实为 …，相差 …（万元）", or the printed values of what is not an amount; "" when neither.
std::string values_line(const Finding& f) {
    if (f.expected || f.actual)
        return fmt::format("应为 {}，实为 {}，相差 {}（万元）", amount(f.expected), amount(f.actual), amount(f.difference));
    if (!f.expected_text.empty() || !f.actual_text.empty()) return fmt::format("应为 {}，实为 {}", f.expected_text, f.actual_text);
    return "";
}

// The anchor of the page where a finding is marked: its cell, else its row, else its table; a
// section's heading; "" for a quoted sentence (marked where it stands) or the document as a whole.
std::string finding_anchor(const Disclosure& d, const Finding& f) {
    const auto& l = f.location;
    if (const Table* t = d.table(l.table)) {
        const Row* row = finding_row(*t, l);
        if (!row) return table_anchor(*t);
        auto v = row->values.find(l.column);
        if (!l.column.empty() && v != row->values.end() && v->second) return cell_anchor(*t, *row, l.column);
        return row_anchor(*t, *row);
    }
    if (!l.section.empty() && l.quote.empty()) {
        if (l.section == "第五部分") return "part5";
        if (d.narrative.section(l.section)) return "s-" + l.section;
    }
    return "";
}

}  // namespace

std::string write_findings_text(const Disclosure& d, const CheckResult& r) {
    std::string out;
    std::string current = "\x01";
    for (const auto& f : r.findings) {
        std::string group = !f.location.table.empty() ? f.location.table : f.location.section;
        if (group != current) {
            current = group;
            const Table* t = d.table(f.location.table);
            if (!f.location.table.empty())
                out += fmt::format("\n公开{}表{}\n", current, t ? " " + t->title : "");
            else if (!f.location.section.empty())
                out += f.location.section == "第五部分"        ? "\n第五部分 附件（绩效自评与重点评价）\n"
                       : d.narrative.section(f.location.section) ? fmt::format("\n情况说明 {}\n", f.location.section)
                                                                 : fmt::format("\n第五部分 {}\n", f.location.section);
            else
                out += "\n全文\n";
        }
        out += fmt::format("  [{}] {}  {}\n", severity_label(f.severity), f.rule, place(f.location));
        out += "      " + f.message + "\n";
        if (const std::string v = values_line(f); !v.empty()) out += "      " + v + "\n";
        if (!f.location.quote.empty()) out += "      原文：" + f.location.quote + "\n";
    }
    out += fmt::format("\n审核结果：错误 {} 处，警告 {} 处，提示 {} 处。\n", r.count(FindingSeverity::Error),
                       r.count(FindingSeverity::Warning), r.count(FindingSeverity::Info));
    return out;
}

std::string write_findings_html(const Disclosure& d, const CheckResult& r, const std::string& rules_version,
                                const Diagnostics* warnings) {
    HtmlMarks marks;
    std::string list;
    for (size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        const std::string key(severity_key(f.severity));
        HtmlMark m{fmt::format("f-{}", i + 1), key, f.rule + "：" + f.message};
        std::string target;
        if (!f.location.quote.empty() && !f.location.section.empty()) {
            const std::string& q = f.location.quote;
            marks.quotes.emplace_back(q.substr(0, std::min<size_t>(q.size(), 60)), m);
            target = "q-" + m.id;
        } else if (std::string a = finding_anchor(d, f); !a.empty()) {
            marks.at[a].push_back(m);
            target = a;
        }
        const std::string where = place(f.location);
        std::string head = html_escape(f.rule) + (where.empty() ? "" : " " + html_escape(where));
        list += fmt::format("<li id=\"{}\" class=\"{}\"><b>{}</b>{}：{}", m.id, key, severity_label(f.severity),
                            target.empty() ? head : fmt::format("<a href=\"#{}\">{}</a>", html_escape(target), head), html_escape(f.message));
        if (const std::string v = values_line(f); !v.empty()) list += "<br>" + html_escape(v);
        if (!f.location.quote.empty()) list += "<br>原文：" + html_escape(f.location.quote);
        list += "</li>\n";
    }
    std::string& p = marks.panel;
    p += "<section class=\"findings\" id=\"findings\"><h2>审核结果</h2>\n";
    p += fmt::format("<p class=\"plain\">{}：{} {} 年度（模板 {}），规则 {}。错误 {} 处，警告 {} 处，提示 {} 处。</p>\n",
                     html_escape(d.source.file.empty() ? d.department : d.source.file), html_escape(d.department), d.year, html_escape(d.template_id),
                     html_escape(rules_version), r.count(FindingSeverity::Error), r.count(FindingSeverity::Warning),
                     r.count(FindingSeverity::Info));
    if (!list.empty()) p += "<ol>\n" + list + "</ol>\n";
    if (warnings && !warnings->all().empty()) {
        p += "<h3>读入时的说明</h3>\n<ul>\n";
        for (const auto& w : warnings->sorted()) p += "<li>" + html_escape(format_diagnostic(w)) + "</li>\n";
        p += "</ul>\n";
    }
    p += "</section>\n";
    return write_html(d, marks);
}

std::string write_findings_json(const CheckResult& r, const std::string& rules_version, const Disclosure* document) {
    using json = nlohmann::ordered_json;
    json out;
    if (document)
        out["document"] = {{"file", document->source.file},       {"reader", document->source.reader},
                           {"department", document->department}, {"year", document->year},
                           {"template", document->template_id}};
    json findings = json::array();
    for (const auto& f : r.findings) {
        json j;
        j["rule"] = f.rule;
        j["severity"] = severity_key(f.severity);
        j["category"] = f.category;
        j["message"] = f.message;
        json loc = json::object();
        const auto& l = f.location;
        if (!l.table.empty()) loc["table"] = l.table;
        if (l.line) loc["line"] = *l.line;
        if (!l.code.empty()) loc["code"] = l.code;
        if (!l.label.empty()) loc["label"] = l.label;
        if (!l.column.empty()) loc["column"] = l.column;
        if (!l.column_label.empty()) loc["column_label"] = l.column_label;
        if (!l.section.empty()) loc["section"] = l.section;
        if (!l.quote.empty()) loc["quote"] = l.quote;
        if (l.page) loc["page"] = *l.page;
        if (l.text_line) loc["text_line"] = *l.text_line;
        if (l.paragraph) loc["paragraph"] = *l.paragraph;
        if (!l.sheet.empty()) loc["sheet"] = l.sheet;
        if (!l.file.empty()) loc["file"] = l.file;
        j["location"] = std::move(loc);
        if (f.expected) j["expected"] = format_wan(*f.expected);
        else if (!f.expected_text.empty()) j["expected"] = f.expected_text;
        if (f.actual) j["actual"] = format_wan(*f.actual);
        else if (!f.actual_text.empty()) j["actual"] = f.actual_text;
        if (f.difference) j["difference"] = format_wan(*f.difference);
        else if (!f.difference_text.empty()) j["difference"] = f.difference_text;
        if (!f.related.empty()) j["related"] = f.related;
        findings.push_back(std::move(j));
    }
    out["findings"] = std::move(findings);
    out["summary"] = {{"error", r.count(FindingSeverity::Error)},
                      {"warning", r.count(FindingSeverity::Warning)},
                      {"info", r.count(FindingSeverity::Info)}};
    out["rules_version"] = rules_version;
    return out.dump(2, ' ', false) + "\n";
}

std::string write_rules_catalogue(const std::vector<RuleSet>& sets) {
    std::string out = "# 审核规则目录\n\n";
    out += "由 `juesuan rules` 生成，请勿手工修改。公式语言与容差见 [rules.md](rules.md)。\n";
    auto cell = [](std::string s) {
        std::string o;
        for (char c : s) {
            if (c == '|') o += "\\|";
            else if (c == '\n') o += ' ';
            else o += c;
        }
        return o;
    };
    for (const auto& set : sets) {
        std::string tpls = fmt::format("{}", fmt::join(set.templates, "、"));
        out += fmt::format("\n## {}（{} 条，适用模板：{}）\n\n", set.version, set.rules.size(), tpls);
        out += "| 编号 | 级别 | 类别 | 说明 | 公式 | 相关规则 |\n| --- | --- | --- | --- | --- | --- |\n";
        for (const auto& r : set.rules) {
            std::string formula = "`" + r.formula_text + "`";
            if (!r.each.empty())
                formula = fmt::format("逐行（T{}{}）：", r.each, r.where.empty() ? "" : "，" + r.where) + formula;
            if (!r.columns.empty()) {
                std::string cols = fmt::format("{}", fmt::join(r.columns, ", "));
                formula += fmt::format("；{{col}} = {}", cols);
            }
            if (!r.tables.empty()) {
                std::string tabs = fmt::format("{}", fmt::join(r.tables, ", "));
                formula += fmt::format("；{{table}} = {}", tabs);
            }
            std::string related = fmt::format("{}", fmt::join(r.related, ", "));
            out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", r.id, severity_key(r.severity), r.category,
                               cell(r.description), cell(formula), related);
        }
    }
    return out;
}

}  // namespace juesuan
