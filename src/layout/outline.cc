#include "layout/outline.h"

#include <fmt/format.h>

#include "core/text.h"

namespace juesuan {

namespace {

DocBlock heading(int level, std::string text, std::string anchor, bool new_page = false) {
    DocBlock b;
    b.kind = DocBlock::Kind::Heading;
    b.level = level;
    b.text = std::move(text);
    b.anchor = std::move(anchor);
    b.new_page = new_page;
    b.in_toc = level <= 2;
    return b;
}

DocBlock plain(std::string text) {
    DocBlock b;
    b.text = std::move(text);
    return b;
}

DocBlock table(PrintedTable t, std::string anchor, bool new_page, bool in_toc) {
    DocBlock b;
    b.kind = DocBlock::Kind::Table;
    b.anchor = std::move(anchor);
    b.text = t.title;
    b.table = std::move(t);
    b.new_page = new_page;
    b.in_toc = in_toc;
    return b;
}

// The paragraphs of a section or report: headings, text, captions with their charts.
void paragraphs(const Disclosure& d, const ProjectEvaluation* project, const Section& s, std::vector<DocBlock>& out,
                int& charts) {
    for (const auto& p : s.paragraphs) {
        if (p.style == "key_table" && project) {
            out.push_back(table(print_key_table(d, *project), "", false, false));
            continue;
        }
        if (p.style == "heading") {
            out.push_back(heading(3, p.text(), ""));
            continue;
        }
        DocBlock b;
        b.paragraph = &p;
        b.caption = p.style == "caption";
        out.push_back(b);
        if (p.chart) {
            DocBlock c;
            c.kind = DocBlock::Kind::Chart;
            c.chart = &*p.chart;
            c.chart_id = fmt::format("fig{}", ++charts);
            c.text = p.text();
            out.push_back(c);
        }
    }
}

}  // namespace

std::vector<DocBlock> document_outline(const Disclosure& d) {
    std::vector<DocBlock> out;
    auto text = [&](const char* key) { return document_text(d, key); };
    DocBlock title;
    title.kind = DocBlock::Kind::Title;
    title.text = text("title");
    out.push_back(title);

    out.push_back(heading(1, text("part_one"), "part1", true));
    out.push_back(heading(2, text("duties_heading"), "duties"));
    for (size_t i = 0; i < d.part_one.duties.size(); ++i) out.push_back(plain(fmt::format("{}、{}", i + 1, d.part_one.duties[i])));
    out.push_back(heading(2, text("structure_heading"), "structure"));
    if (!d.part_one.composition.empty()) out.push_back(plain(d.part_one.composition));
    if (!d.part_one.units.empty()) {
        out.push_back(plain(text("units_intro")));
        for (size_t i = 0; i < d.part_one.units.size(); ++i) out.push_back(plain(fmt::format("{}、{}", i + 1, d.part_one.units[i])));
    }

    out.push_back(heading(1, text("part_two"), "part2", true));
    for (size_t i = 0; i < d.tables.size(); ++i)
        out.push_back(table(print_table(d, d.tables[i]), table_anchor(d.tables[i]), i > 0, true));

    int charts = 0;
    if (!d.narrative.sections.empty()) {
        out.push_back(heading(1, text("part_three"), "part3", true));
        for (const auto& s : d.narrative.sections) {
            out.push_back(heading(2, s.title, "s-" + s.id));
            paragraphs(d, nullptr, s, out, charts);
        }
    }
    if (!d.narrative.glossary.empty()) {
        out.push_back(heading(1, text("part_four"), "part4", true));
        for (size_t i = 0; i < d.narrative.glossary.size(); ++i) {
            const auto& g = d.narrative.glossary[i];
            out.push_back(plain(fmt::format("{}、{}：{}", chinese_numeral(static_cast<int>(i) + 1), g.term, g.definition)));
        }
    }
    const auto& projects = d.performance.projects;
    if (!projects.empty()) {
        out.push_back(heading(1, text("part_five"), "part5", true));
        out.push_back(table(print_summary_table(d), "p-summary", false, true));
        int n = 0;
        for (const auto& p : projects)
            if (p.detailed) out.push_back(table(print_project_table(d, p), fmt::format("p-{}", ++n), true, false));
        n = 0;
        for (const auto& p : projects) {
            if (!p.key) continue;
            std::string anchor = fmt::format("k-{}", ++n);
            if (const Section* report = d.narrative.report(p.name)) {
                out.push_back(heading(2, report->title, anchor, true));
                paragraphs(d, &p, *report, out, charts);
            } else {
                out.push_back(heading(2, key_title(d, p), anchor, true));
                out.push_back(table(print_key_table(d, p), "", false, false));
                if (auto s = key_sentence(d, p); !s.empty()) out.push_back(plain(s));
            }
        }
    }
    return out;
}

}  // namespace juesuan
