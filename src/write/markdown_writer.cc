#include "write/markdown_writer.h"

#include "write/chart.h"
#include "layout/printed_table.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/score.h"
#include "core/text.h"

namespace juesuan {

namespace {

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

// GFM has no merged cells: a merged cell prints in its first grid cell, the rest stay blank,
// as the seed's Markdown does.
std::string md_grid(const PrintedTable& p) {
    if (p.grid.empty()) return {};
    auto texts = [](const std::vector<PrintedCell>& row) {
        std::vector<std::string> out;
        for (const auto& c : row) out.push_back(c.text);
        return out;
    };
    std::string out = md_row(texts(p.grid.front()));
    out += "|";
    for (int i = 0; i < p.width(); ++i) out += "---|";
    out += "\n";
    for (size_t i = 1; i < p.grid.size(); ++i) out += md_row(texts(p.grid[i]));
    return out;
}

}  // namespace

std::string write_markdown_table(const Disclosure& d, const Table& t) {
    PrintedTable p = print_table(d, t);
    std::string out = p.title + "\n\n";
    for (const auto& l : p.lines) out += l + "\n\n";
    if (p.grid.empty()) return out;
    out += md_grid(p);
    if (!p.note.empty()) {
        out += "\n";
        for (const auto& para : split(p.note, '\n')) out += para + "\n\n";
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

std::map<std::string, std::string> markdown_figures(const Disclosure& d) {
    std::map<std::string, std::string> files;
    int n = 0;
    for (const auto& s : d.narrative.sections)
        for (const auto& p : s.paragraphs)
            if (p.chart) files[fmt::format("fig{}.png", ++n)] = chart_png(*p.chart);
    return files;
}

std::string write_markdown_part_three(const Disclosure& d) {
    std::string out = "## " + document_text(d, "part_three") + "\n\n";
    int figures = 0;
    for (const auto& s : d.narrative.sections) {
        out += "### " + s.title + "\n\n";
        for (const auto& p : s.paragraphs) {
            std::string t = p.text();
            if (p.style == "heading") out += "**" + t + "**\n\n";
            else if (p.style == "caption") out += "*" + t + "*\n\n";
            else out += t + "\n\n";
            // The chart, drawn into figN.png next to the Markdown (markdown_figures).
            if (p.chart) out += fmt::format("![{}](fig{}.png)\n\n", t, ++figures);
        }
    }
    return out;
}

std::string write_markdown_part_four(const Disclosure& d) {
    std::string out = "## " + document_text(d, "part_four") + "\n\n";
    for (size_t i = 0; i < d.narrative.glossary.size(); ++i) {
        const auto& g = d.narrative.glossary[i];
        out += fmt::format("{}、{}：{}\n\n", chinese_numeral(static_cast<int>(i) + 1), g.term, g.definition);
    }
    return out;
}

// A performance table: its title as a heading, the lines under it, the grid.
std::string md_form(const PrintedTable& p, bool heading) {
    std::string out = heading ? "### " + p.title + "\n\n" : p.title + "\n\n";
    for (const auto& l : p.lines) out += l + "\n\n";
    return out + md_grid(p) + "\n";
}

std::string write_markdown_part_five(const Disclosure& d) {
    const auto& projects = d.performance.projects;
    if (projects.empty()) return {};
    std::string out = "## " + document_text(d, "part_five") + "\n\n";
    out += md_form(print_summary_table(d), true);
    for (const auto& p : projects)
        if (p.detailed) out += md_form(print_project_table(d, p), true);
    for (const auto& p : projects) {
        if (!p.key) continue;
        if (const Section* report = d.narrative.report(p.name)) {
            // The 绩效评价报告, with the score table where the template puts it.
            out += "### " + report->title + "\n\n";
            for (const auto& para : report->paragraphs) {
                if (para.style == "key_table") out += md_form(print_key_table(d, p), false);
                else if (para.style == "heading") out += "**" + para.text() + "**\n\n";
                else out += para.text() + "\n\n";
            }
            continue;
        }
        out += "### " + key_title(d, p) + "\n\n" + md_form(print_key_table(d, p), false);
        if (auto sentence = key_sentence(d, p); !sentence.empty()) out += sentence + "\n\n";
    }
    return out;
}

}  // namespace juesuan
