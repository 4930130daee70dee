#include "write/markdown_writer.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/score.h"
#include "core/text.h"

namespace juesuan {

namespace {

std::string cell_text(const Row& r, const std::string& cell, bool has_code_cell) {
    if (cell == "line") return r.line ? std::to_string(*r.line) : "";
    if (cell == "code") {
        if (r.code) return *r.code;
        return r.role == RowRole::Blank ? "" : r.label;  // 合计 rows print their label in the code column
    }
    if (cell == "label") {
        if (!r.code && has_code_cell) return "";
        return r.label;
    }
    auto it = r.values.find(cell);
    if (it == r.values.end() || !it->second) return "";
    return format_wan(*it->second);
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += '\\';
        if (c == '\n') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

void render_block_row(const Table& t, size_t b, const Row* r, std::vector<std::string>& out) {
    const Block& block = t.blocks[b];
    bool has_code = std::find(block.cells.begin(), block.cells.end(), "code") != block.cells.end();
    for (const auto& cell : block.cells) out.push_back(r ? cell_text(*r, cell, has_code) : "");
}

}  // namespace

std::vector<std::vector<std::string>> table_grid(const Table& t) {
    std::vector<std::vector<std::string>> grid = t.header;
    size_t width = 0;
    for (const auto& b : t.blocks) width += b.cells.size();
    std::vector<std::vector<const Row*>> per_block(t.blocks.size());
    std::vector<const Row*> footers;
    for (const auto& r : t.rows) {
        if (t.kind == TableKind::EconomicDetail && r.role == RowRole::Total) {
            footers.push_back(&r);
            continue;
        }
        size_t b = static_cast<size_t>(std::clamp(r.block, 0, static_cast<int>(t.blocks.size()) - 1));
        per_block[b].push_back(&r);
    }
    size_t height = 0;
    for (const auto& rows : per_block) height = std::max(height, rows.size());
    for (size_t i = 0; i < height; ++i) {
        std::vector<std::string> line;
        for (size_t b = 0; b < t.blocks.size(); ++b)
            render_block_row(t, b, i < per_block[b].size() ? per_block[b][i] : nullptr, line);
        grid.push_back(std::move(line));
    }
    if (!footers.empty()) {
        std::vector<std::string> line(width);
        size_t offset = 0;
        std::vector<size_t> offsets;
        for (const auto& b : t.blocks) {
            offsets.push_back(offset);
            offset += b.cells.size();
        }
        for (const Row* r : footers) {
            size_t b = static_cast<size_t>(std::clamp(r->block, 0, static_cast<int>(t.blocks.size()) - 1));
            std::vector<std::string> cells;
            render_block_row(t, b, r, cells);
            if (r->value_at_end) {
                // Label in its own block, amount in the last column of the table.
                std::string amount = cells.back();
                cells.back().clear();
                line.back() = amount;
            }
            for (size_t i = 0; i < cells.size(); ++i)
                if (!cells[i].empty()) line[offsets[b] + i] = cells[i];
        }
        grid.push_back(std::move(line));
    }
    for (auto& row : grid) row.resize(std::max(width, row.size()));
    return grid;
}

std::string write_markdown_table(const Disclosure& d, const Table& t) {
    std::string out;
    out += t.title + "\n\n";
    if (!t.number.empty()) out += t.number + "\n\n";
    if (!d.department_line.empty()) out += d.department_line + "\n\n";
    if (!d.unit_line.empty()) out += d.unit_line + "\n\n";
    auto grid = table_grid(t);
    if (grid.empty()) return out;
    auto line = [](const std::vector<std::string>& cells) {
        std::string s = "|";
        for (const auto& c : cells) s += " " + escape(c) + " |";
        return s + "\n";
    };
    out += line(grid.front());
    std::string sep = "|";
    for (size_t i = 0; i < grid.front().size(); ++i) sep += "---|";
    out += sep + "\n";
    for (size_t i = 1; i < grid.size(); ++i) out += line(grid[i]);
    if (!t.note.empty()) {
        out += "\n";
        for (const auto& para : split(t.note, '\n')) out += para + "\n\n";
        out.pop_back();
    }
    return out;
}

std::string write_markdown(const Disclosure& d) {
    std::string out;
    auto text = [&](const char* key) -> std::string {
        auto it = d.texts.find(key);
        return it == d.texts.end() ? std::string() : it->second;
    };
    out += "# " + text("title") + "\n\n";
    out += "## " + text("part_one") + "\n\n";
    out += "### " + text("duties_heading") + "\n\n";
    for (size_t i = 0; i < d.part_one.duties.size(); ++i)
        out += fmt::format("{}、{}\n\n", i + 1, d.part_one.duties[i]);
    out += "### " + text("structure_heading") + "\n\n";
    if (!d.part_one.composition.empty()) out += d.part_one.composition + "\n\n";
    if (!d.part_one.units.empty()) {
        out += text("units_intro") + "\n\n";
        for (size_t i = 0; i < d.part_one.units.size(); ++i) out += fmt::format("{}、{}\n\n", i + 1, d.part_one.units[i]);
    }
    out += "## " + text("part_two") + "\n\n";
    for (const auto& t : d.tables) out += write_markdown_table(d, t) + "\n";
    if (!d.narrative.sections.empty()) out += write_markdown_part_three(d);
    if (!d.narrative.glossary.empty()) out += write_markdown_part_four(d);
    out += write_markdown_part_five(d);
    return out;
}

}  // namespace juesuan

namespace juesuan {

namespace {

std::string text_or(const Disclosure& d, const std::string& key, const std::string& fallback = {}) {
    auto it = d.texts.find(key);
    return it == d.texts.end() ? fallback : it->second;
}

std::string md_row(const std::vector<std::string>& cells) {
    std::string s = "|";
    for (const auto& c : cells) {
        std::string e;
        for (char ch : c) {
            if (ch == '|') e += '\\';
            e += ch == '\n' ? ' ' : ch;
        }
        s += " " + e + " |";
    }
    return s + "\n";
}

std::string md_table(const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) return {};
    std::string out = md_row(rows.front());
    out += "|";
    for (size_t i = 0; i < rows.front().size(); ++i) out += "---|";
    out += "\n";
    for (size_t i = 1; i < rows.size(); ++i) out += md_row(rows[i]);
    return out;
}

std::string money_cell(Money m) {
    std::string s = format_wan(m);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string indicator_value(const std::string& op, const std::string& v, const std::string& unit, bool with_op) {
    if (op == "定性") return v;
    return (with_op && op != "=" ? op : (with_op ? "=" : "")) + v + unit;
}

// 项目综合绩效评价得分情况表: the four dimensions and the total.
std::vector<std::vector<std::string>> key_table(const ProjectEvaluation& p) {
    std::vector<std::vector<std::string>> t = {{"评价指标", "权重（%）", "评价得分", "评价分值占比"}};
    for (size_t i = 0; i < p.key_dimensions.size(); ++i) {
        const auto& k = p.key_dimensions[i];
        t.push_back({fmt::format("{}. {}", i + 1, k.name), format_score(score_of(k.weight)), format_score(k.score),
                     k.share ? format_percent(*k.share, PercentStyle::Whole) : "—"});
    }
    Score weights;
    for (const auto& k : p.key_dimensions) weights += score_of(k.weight);
    t.push_back({"综合绩效", format_score(weights), format_score(p.key_total),
                 p.key_share ? format_percent(*p.key_share, PercentStyle::Whole) : "—"});
    return t;
}

}  // namespace

std::string write_markdown_part_three(const Disclosure& d) {
    std::string out = "## " + text_or(d, "part_three") + "\n\n";
    for (const auto& s : d.narrative.sections) {
        out += "### " + s.title + "\n\n";
        for (const auto& p : s.paragraphs) {
            std::string t = p.text();
            if (p.style == "heading") out += "**" + t + "**\n\n";
            else if (p.style == "caption") out += "*" + t + "*\n\n";
            else out += t + "\n\n";
        }
    }
    return out;
}

std::string write_markdown_part_four(const Disclosure& d) {
    std::string out = "## " + text_or(d, "part_four") + "\n\n";
    for (size_t i = 0; i < d.narrative.glossary.size(); ++i) {
        const auto& g = d.narrative.glossary[i];
        out += fmt::format("{}、{}：{}\n\n", chinese_numeral(static_cast<int>(i) + 1), g.term, g.definition);
    }
    return out;
}

std::string write_markdown_part_five(const Disclosure& d) {
    const auto& projects = d.performance.projects;
    if (projects.empty()) return {};
    std::string out = "## " + text_or(d, "part_five") + "\n\n";
    out += "### " + text_or(d, "summary_title") + "\n\n" + text_or(d, "summary_department") + "\n\n";
    std::vector<std::vector<std::string>> rows = {{"序号", "项目名称", "资金使用单位", "自评得分", "自评等级"}};
    auto group = [&](const std::string& title, bool central) {
        rows.push_back({"", title, "", "", ""});
        int n = 0;
        for (const auto& p : projects) {
            if (p.transfer() != central) continue;
            rows.push_back({std::to_string(++n), p.name, p.implementer, format_score(p.summary_total), p.summary_grade});
        }
        if (n == 0) rows.push_back({"", text_or(d, "summary_none", "无"), "", "", ""});
    };
    group(text_or(d, "summary_central"), true);
    group(text_or(d, "summary_local"), false);
    out += md_table(rows) + "\n";
    for (const auto& p : projects) {
        if (!p.detailed) continue;
        out += "### " + text_or(d, "project_title") + "\n\n" + text_or(d, "project_unit") + "\n\n";
        std::vector<std::vector<std::string>> t;
        t.push_back({"项目名称", "", p.name, "", "", "", "", "", ""});
        t.push_back({"主管部门", "", p.department, "", "实施单位", p.implementer, "", "", ""});
        t.push_back({"项目预算执行情况（" + format_score(score_of(p.execution_weight)) + "分）", "", "年初预算数", "全年预算数（A）",
                     "全年执行数（B）", "分值", "执行率（B/A）", "得分", ""});
        t.push_back({"", "年度资金总额", money_cell(p.initial), money_cell(p.full_year), money_cell(p.executed),
                     format_score(score_of(p.execution_weight)), p.rate ? format_percent(*p.rate, PercentStyle::Fixed) : "—",
                     format_score_fixed(p.execution_score), ""});
        t.push_back({"", "其中：当年财政拨款", money_cell(p.fiscal_initial), money_cell(p.fiscal_full_year),
                     money_cell(p.fiscal_executed), "", "", "", ""});
        t.push_back({"", "上年结转资金", money_cell(p.carried_initial), money_cell(p.carried_full_year),
                     money_cell(p.carried_executed), "", "", "", ""});
        t.push_back({"", "其他资金", money_cell(p.other_initial), money_cell(p.other_full_year), money_cell(p.other_executed),
                     "", "", "", ""});
        t.push_back({"年度总体目标", "年初预期目标", "", "", "目标实际完成情况", "", "", "", ""});
        t.push_back({"", p.goal, "", "", p.outcome, "", "", "", ""});
        t.push_back({"年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成指标值（B）", "分值", "得分",
                     "偏差原因分析及改进措施"});
        std::string last1, last2;
        for (const auto& i : p.indicators) {
            std::string l1, l2;
            if (i.level1 != last1) {
                Score sum;
                for (const auto& j : p.indicators)
                    if (j.level1 == i.level1) sum += score_of(j.weight);
                l1 = i.level1 + "（" + format_score(sum) + "）";
                last2.clear();
            }
            if (i.level2 != last2) l2 = i.level2;
            last1 = i.level1;
            last2 = i.level2;
            t.push_back({"", l1, l2, i.level3, indicator_value(i.op, i.target, i.unit, true),
                         indicator_value(i.op, i.actual, i.unit, false), format_score(score_of(i.weight)), format_score(i.score),
                         i.deviation});
        }
        t.push_back({"", "总分", "", "", "", "", "", format_score_fixed(p.total), ""});
        t.push_back({"总分在80分以下的项目未实现绩效目标的原因分析及拟采取的措施说明：", "", "", "", "", "", "", "", ""});
        out += md_table(t) + "\n";
    }
    for (const auto& p : projects) {
        if (!p.key) continue;
        if (const Section* report = d.narrative.report(p.name)) {
            // The 绩效评价报告, with the score table where the template puts it.
            out += "### " + report->title + "\n\n";
            for (const auto& para : report->paragraphs) {
                if (para.style == "key_table") out += text_or(d, "key_table") + "\n\n" + md_table(key_table(p)) + "\n";
                else if (para.style == "heading") out += "**" + para.text() + "**\n\n";
                else out += para.text() + "\n\n";
            }
            continue;
        }
        std::string title = text_or(d, "key_title");
        for (size_t pos = title.find("{project}"); pos != std::string::npos; pos = title.find("{project}"))
            title.replace(pos, 9, p.name);
        out += "### " + title + "\n\n" + text_or(d, "key_table") + "\n\n" + md_table(key_table(p)) + "\n";
        std::string sentence = text_or(d, "key_sentence");
        for (const auto& [k, v] : std::map<std::string, std::string>{{"{score}", format_score(p.key_total)}, {"{grade}", p.key_grade}})
            for (size_t pos = sentence.find(k); pos != std::string::npos; pos = sentence.find(k)) sentence.replace(pos, k.size(), v);
        if (!sentence.empty()) out += sentence + "\n\n";
    }
    return out;
}

}  // namespace juesuan
