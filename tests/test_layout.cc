// The printed layout read backwards gives what was printed: header spans back to the template's
// header form and merges, body lines back to the rows (labels, codes, 行次, amounts) — for every
// table of the seed and of the Shanghai layout.
#include <gtest/gtest.h>

#include "app/build.h"
#include "layout/printed_table.h"
#include "layout/form_reading.h"
#include "layout/table_reading.h"
#include "core/score.h"
#include "read/json_reader.h"
#include "read/template_reader.h"
#include "write/json_writer.h"
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {

std::vector<std::vector<std::string>> texts(const PrintedTable& p, int from, int to) {
    std::vector<std::vector<std::string>> out;
    for (int r = from; r < to; ++r) {
        std::vector<std::string> line;
        for (const auto& c : p.grid[r]) line.push_back(c.text);
        out.push_back(std::move(line));
    }
    return out;
}

// What a row prints: its cells' texts by block, as a reader sees them.
struct Printed {
    int block = 0;
    std::optional<int> line;
    std::optional<std::string> code;
    std::string label;
    std::map<std::string, std::optional<Money>> values;
    bool value_at_end = false;
    bool operator==(const Printed&) const = default;
};

Printed printed(const Table& t, const Row& r) {
    Printed p{r.block, t.printed_line(r), r.code, r.label, {}, r.value_at_end};
    const auto blocks = blocks_of(t);
    const Block& b = blocks[static_cast<size_t>(std::clamp(r.block, 0, static_cast<int>(blocks.size()) - 1))];
    for (const auto& cell : b.cells) {
        if (cell == "line" || cell == "code" || cell == "label") continue;
        auto it = r.values.find(cell);
        p.values[cell] = it == r.values.end() ? std::nullopt : it->second;
    }
    return p;
}

void expect_layout_reads_back(const Disclosure& d) {
    int tables = 0, rows = 0;
    for (const auto& t : d.tables) {
        PrintedTable p = print_table(d, t);
        // Header: spans (as HTML writes them) placed again give the template's rows and merges.
        auto header = texts(p, 0, p.header_rows);
        PlacedGrid g = place_spans(spanned_rows(header, p.merges));
        EXPECT_EQ(g.cells, header) << t.id;
        EXPECT_EQ(header_merges(g.cells).size(), p.merges.size()) << t.id;
        for (size_t i = 0; i < std::min(g.merges.size(), p.merges.size()); ++i) {
            EXPECT_EQ(g.merges[i].row, p.merges[i].row) << t.id;
            EXPECT_EQ(g.merges[i].col, p.merges[i].col) << t.id;
            EXPECT_EQ(g.merges[i].rowspan, p.merges[i].rowspan) << t.id;
            EXPECT_EQ(g.merges[i].colspan, p.merges[i].colspan) << t.id;
        }
        // Body: the rows as printed, 公开06表's shared last line of totals included.
        auto body = texts(p, p.header_rows, static_cast<int>(p.grid.size()));
        Table layout = t;
        std::vector<GridProblem> problems;
        std::vector<Row> back = rows_from_body(layout, body, AmountUnit::Wan, problems);
        EXPECT_TRUE(problems.empty()) << t.id << ": " << (problems.empty() ? "" : problems[0].message);
        std::map<int, std::vector<Printed>> want, got;
        for (const auto& r : t.rows) {
            Printed x = printed(t, r);
            bool blank = x.label.empty() && !x.code && !x.line &&
                         std::all_of(x.values.begin(), x.values.end(), [](const auto& v) { return !v.second; });
            if (!blank) want[r.block].push_back(x);
        }
        for (const auto& r : back) got[r.block].push_back(printed(t, r));
        EXPECT_EQ(want, got) << "公开" << t.id << "表";
        ++tables;
        for (const auto& [b, v] : want) rows += static_cast<int>(v.size());
    }
    EXPECT_EQ(tables, 9);
    EXPECT_GT(rows, 150);  // seed 2xx, Shanghai 196 printed rows
}

}  // namespace

TEST(Layout, SeedTablesReadBackFromTheirPrintedGrid) { expect_layout_reads_back(seed_disclosure()); }

TEST(Layout, ShanghaiTablesReadBackFromTheirPrintedGrid) {
    expect_layout_reads_back(build_from_books(example_dir(), BuildOptions{"shanghai-2024"}).disclosure);
}

// Spans as published documents give them: a 2-row label cell beside a 3-column group.
TEST(Layout, SpansPlaceOnTheGridAndOverrunsAreCut) {
    PlacedGrid g = place_spans({{{"项目", 2, 1}, {"本年支出", 1, 3}}, {{"合计", 1, 1}, {"基本支出", 1, 1}, {"项目支出", 1, 1}}});
    EXPECT_EQ(g.cells, (std::vector<std::vector<std::string>>{{"项目", "本年支出", "", ""}, {"", "合计", "基本支出", "项目支出"}}));
    ASSERT_EQ(g.merges.size(), 2u);
    EXPECT_EQ(g.merges[0].rowspan, 2);
    EXPECT_EQ(g.merges[1].colspan, 3);
    // A rowspan past the last row and a colspan into a taken cell are cut, never out of bounds.
    PlacedGrid cut = place_spans({{{"a", 9, 1}, {"b", 1, 1}}, {{"c", 1, 5}}});
    EXPECT_EQ(cut.merges[0].rowspan, 2);
    EXPECT_EQ(cut.cells[1][0], "");
    EXPECT_EQ(cut.cells[1][1], "c");
}

TEST(Layout, UnreadableCellsAreProblemsAtTheirPlace) {
    const Table& t = *seed_disclosure().table("05");
    std::vector<GridProblem> problems;
    auto rows = rows_from_body(t, {{"2010301", "行政运行", "12.5x", "", ""}}, AmountUnit::Wan, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 0);
    EXPECT_EQ(problems[0].cell, 2);
    EXPECT_NE(problems[0].message.find("12.5x"), std::string::npos);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].code, std::optional<std::string>("2010301"));
    EXPECT_EQ(rows[0].label, "行政运行");
}

// Part five's forms read back by the description that printed them give the project again.
TEST(Layout, SelfEvaluationFormsReadBackToTheirProjects) {
    const Disclosure& d = seed_disclosure();
    const Form* form = d.form("project");
    ASSERT_NE(form, nullptr);
    int projects = 0, indicators = 0;
    for (const auto& pr : d.performance.projects) {
        if (!pr.detailed) continue;
        PrintedTable p = print_project_table(d, pr);
        std::vector<GridProblem> problems;
        FormValues v = read_form(*form, texts(p, 0, static_cast<int>(p.grid.size())), problems);
        ProjectEvaluation back = project_from_form(v, problems);
        EXPECT_TRUE(problems.empty()) << pr.name << ": " << (problems.empty() ? "" : problems[0].message);
        EXPECT_EQ(back.name, pr.name);
        EXPECT_EQ(back.department, pr.department);
        EXPECT_EQ(back.implementer, pr.implementer);
        EXPECT_EQ(back.goal, pr.goal);
        EXPECT_EQ(back.outcome, pr.outcome);
        EXPECT_EQ(back.funds, pr.funds) << pr.name;
        EXPECT_EQ(back.rate, pr.rate) << pr.name;
        EXPECT_EQ(back.execution_weight, pr.execution_weight);
        EXPECT_EQ(back.execution_score, pr.execution_score);
        EXPECT_EQ(back.total, pr.total);
        ASSERT_EQ(back.indicators.size(), pr.indicators.size()) << pr.name;
        for (size_t i = 0; i < pr.indicators.size(); ++i) {
            const auto& a = back.indicators[i];
            const auto& b = pr.indicators[i];
            EXPECT_EQ(a.level1, b.level1) << pr.name << " #" << i;
            EXPECT_EQ(a.level2, b.level2) << pr.name << " #" << i;
            EXPECT_EQ(a.level3, b.level3);
            EXPECT_EQ(a.weight, b.weight);
            EXPECT_EQ(a.score, b.score);
            EXPECT_EQ(a.deviation, b.deviation);
        }
        ++projects;
        indicators += static_cast<int>(pr.indicators.size());
    }
    EXPECT_EQ(projects, 8);  // the seed's eight self-evaluation tables
    EXPECT_GT(indicators, 40);
}

TEST(Layout, KeyEvaluationFormsReadBackAndBrokenFormsAreProblems) {
    const Disclosure& d = seed_disclosure();
    for (const auto& pr : d.performance.projects) {
        if (!pr.key) continue;
        PrintedTable p = print_key_table(d, pr);
        std::vector<GridProblem> problems;
        FormValues v = read_form(*d.form("key"), texts(p, 0, static_cast<int>(p.grid.size())), problems);
        EXPECT_TRUE(problems.empty());
        ASSERT_EQ(v.repeats["dimensions"].size(), pr.key_dimensions.size());
        for (size_t i = 0; i < pr.key_dimensions.size(); ++i)
            EXPECT_EQ(v.repeats["dimensions"][i]["dimension.name"], pr.key_dimensions[i].name);
        EXPECT_EQ(v.fields["key_total"], format_score(pr.key_total));
    }
    // A self-evaluation form missing its 主管部门 row is reported where it stops matching.
    const ProjectEvaluation& first = d.performance.projects.front();
    PrintedTable p = print_project_table(d, first);
    auto grid = texts(p, 0, static_cast<int>(p.grid.size()));
    grid.erase(grid.begin() + 1);
    std::vector<GridProblem> problems;
    read_form(*d.form("project"), grid, problems);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].line, 1);
}

// A form names only what it may print: the reader refuses spans past the width and unknown rows.
TEST(Layout, MalformedFormsAreRefusedWithTheirPlace) {
    auto refused = [](const std::string& forms_toml) {
        try {
            parse_forms(forms_toml, "bad.toml");
        } catch (const InputError& e) {
            return format_diagnostic(e.diagnostics().all().front());
        }
        return std::string();
    };
    EXPECT_EQ(refused("[[forms]]\nkey = \"key\"\nwidth = 2\n[[forms.rows]]\ncells = [{ text = \"a\", colspan = 2 }]\n"), "");
    EXPECT_NE(refused("[[forms]]\nkey = \"key\"\nwidth = 2\n[[forms.rows]]\ncells = [{ text = \"a\", colspan = 3 }]\n")
                  .find("超过表样的 2 列"),
              std::string::npos);
    EXPECT_NE(refused("[[forms]]\nkey = \"key\"\nwidth = 2\n[[forms.rows]]\ncells = [{ text = \"a\", span_to = \"end\" }]\n")
                  .find("“end”不存在"),
              std::string::npos);
    EXPECT_NE(refused("[[forms]]\nkey = \"key\"\nwidth = 2\n[[forms.rows]]\nrepeat = \"things\"\ncells = []\n").find("bad.toml"),
              std::string::npos);
    // Placeholders: a known field, in a row where it has a value.
    EXPECT_NE(refused("[[forms]]\nkey = \"project\"\nwidth = 1\n[[forms.rows]]\ncells = [{ text = \"{nmae}\" }]\n")
                  .find("未知的占位符“{nmae}”"),
              std::string::npos);
    EXPECT_NE(refused("[[forms]]\nkey = \"project\"\nwidth = 1\n[[forms.rows]]\ncells = [{ text = \"{indicator.score}\" }]\n")
                  .find("表样 project 第 1 行：“{indicator.score}”在此处没有值"),
              std::string::npos);
    EXPECT_NE(refused("[[forms]]\nkey = \"summary\"\nwidth = 1\n[[forms.rows]]\ncells = [{ text = \"{name}\" }]\n")
                  .find("“{name}”在此处没有值"),
              std::string::npos);
}

// Every field a form may name prints where it has a value (the list and the printer agree), and
// a stored disclosure.json whose form names an unknown field is refused at that form.
TEST(Layout, EveryFormFieldPrintsAndUnknownOnesAreRefusedInJson) {
    const Disclosure& d = seed_disclosure();
    const ProjectEvaluation* key = nullptr;
    for (const auto& p : d.performance.projects)
        if (p.key && !p.key_dimensions.empty()) key = &p;
    ASSERT_NE(key, nullptr);
    for (const auto& [name, scope] : form_fields()) {
        Form f{"probe", "", {}, 1, 0, {}};
        FormRow row;
        row.repeat = scope == FormFieldScope::Indicator ? "indicators" : scope == FormFieldScope::Dimension ? "dimensions"
                     : scope == FormFieldScope::Repeat  ? "indicators" : "";
        row.cells.push_back({"[{" + std::string(name) + "}]"});
        f.rows.push_back(row);
        EXPECT_EQ(form_problem(f), "") << name;
        PrintedTable p;
        ASSERT_NO_THROW(p = print_form(d, f, key)) << name;
        ASSERT_FALSE(p.grid.empty()) << name;
        EXPECT_EQ(p.grid[0][0].text.front(), '[') << name;
    }
    Disclosure bad = d;
    bad.forms.at(1).rows.at(0).cells.at(1).text = "{nmae}";
    try {
        parse_disclosure_json(write_json(bad), "bad.json");
        ADD_FAILURE() << "a form with an unknown field was read";
    } catch (const InputError& e) {
        const auto& x = e.diagnostics().all().front();
        EXPECT_EQ(x.where.key, "forms[1]");
        EXPECT_NE(x.message.find("{nmae}"), std::string::npos) << x.message;
    }
}
