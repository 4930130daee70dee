// Templates are data: another province's layout is a new file, not new code.
#include <gtest/gtest.h>

#include "derive/subjects.h"
#include "derive/expr.h"
#include "derive/tables.h"
#include "read/books_reader.h"
#include "read/template_reader.h"
#include "support.h"
#include "write/markdown_writer.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {
std::string jinan_text() { return *shipped_data("templates/jinan-2023.toml"); }
std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
    return s;
}
Disclosure build_with(const Template& t) {
    Diagnostics w;
    Facts f = read_books_folder(example_dir(), w);
    Catalogs c = load_catalogs({});
    Diagnostics d;
    SubjectNames names = resolve_subjects(f, c, d);
    return derive_disclosure(f, t, names);
}
}  // namespace

TEST(Template, ShippedTemplateLoads) {
    Template t = load_template("jinan-2023");
    EXPECT_EQ(t.id, "jinan-2023");
    ASSERT_EQ(t.tables.size(), 9u);
    EXPECT_EQ(t.tables[0].number, "公开 01 表");
    EXPECT_EQ(t.find("06")->kind, TableKind::EconomicDetail);
    EXPECT_EQ(shipped_template_ids(), (std::vector<std::string>{"jinan-2023", "shanghai-2024"}));
}

// A Shanghai-style variation: zeros printed as 0.00, 合计 at the bottom of 公开05表,
// a different title — all by editing data.
TEST(Template, VariationsAreData) {
    std::string text = jinan_text();
    text = replace(text, "zero = \"blank\"", "zero = \"0.00\"");
    text = replace(text, "title = \"一般公共预算财政拨款基本支出决算明细表\"", "title = \"一般公共预算财政拨款基本支出决算表\"");
    text = replace(text, "id = \"05\"", "id = \"05\"\ntotal_position = \"bottom\"");
    Template t = parse_template(text, "variant.toml");
    Disclosure d = build_with(t);
    EXPECT_EQ(d.table("06")->title, "一般公共预算财政拨款基本支出决算表");
    EXPECT_EQ(d.table("05")->rows.back().role, RowRole::Total);
    EXPECT_EQ(d.table("05")->rows.front().code, std::optional<std::string>("201"));
    std::string md = write_markdown_table(d, *d.table("02"));
    EXPECT_NE(md.find("| 2010301 | 行政运行 | 602.09 | 602.09 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |"), std::string::npos) << md;
}

TEST(Template, ReorderingTablesIsData) {
    // Shanghai puts 三公 (09) seventh: move the 09 table before 07.
    std::string text = jinan_text();
    auto p07 = text.find("# ---------------------------------------------------------------- 公开07表");
    auto p09 = text.find("# ---------------------------------------------------------------- 公开09表");
    std::string reordered = text.substr(0, p07) + text.substr(p09) + "\n" + text.substr(p07, p09 - p07);
    Disclosure d = build_with(parse_template(reordered, "reordered.toml"));
    ASSERT_EQ(d.tables.size(), 9u);
    EXPECT_EQ(d.tables[6].id, "09");
    EXPECT_EQ(d.tables[7].id, "07");
}

TEST(Template, DefectsAreReportedWithPlace) {
    std::string bad = replace(jinan_text(), "income = \"income.superior\"", "income = \"income.superiour\"");
    Template t = parse_template(bad, "bad.toml");  // measures are checked when derived
    EXPECT_THROW(build_with(t), TemplateError);
    try {
        build_with(t);
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("income.superiour"), std::string::npos);
    }
    std::string cyclic = replace(jinan_text(), "{ key = \"fiscal\", label = \"财政拨款收入\", expr = \"income.fiscal_gpb + income.fiscal_gf + income.fiscal_soc\" }",
                                 "{ key = \"fiscal\", label = \"财政拨款收入\", expr = \"total\" }");
    EXPECT_THROW(build_with(parse_template(cyclic, "cyclic.toml")), TemplateError);
    std::string missing_line = replace(jinan_text(), "income = \"L27 + L28 + L29\"", "income = \"L27 + L28 + L99\"");
    EXPECT_THROW(build_with(parse_template(missing_line, "line.toml")), TemplateError);
    try {
        parse_template("id = \"x\"\n[[tables]]\nid = \"01\"\ntitle = \"t\"\nkind = \"pie\"\n", "kind.toml");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostics().all().front().where.file, "kind.toml");
        EXPECT_NE(e.diagnostics().all().front().message.find("pie"), std::string::npos);
    }
}

TEST(Template, ExpressionLanguage) {
    Facts f;
    f.income.push_back({"2010301", "行政运行", {{"fiscal_gpb", Money::from_fen(100)}}, {}});
    f.income.push_back({"2010302", "一般行政管理事务", {{"fiscal_gpb", Money::from_fen(20)}, {"other", Money::from_fen(3)}}, {}});
    f.income.push_back({"2080505", "x", {{"fiscal_gpb", Money::from_fen(5)}}, {}});
    Measures m(f);
    ExprScope s;
    s.measures = &m;
    s.column = [](const std::string& c) { return Money::from_fen(c == "a" ? 1000 : 0); };
    s.line = [](int l) { return Money::from_fen(l); };
    EXPECT_EQ(evaluate(parse_template_expr("income.fiscal_gpb"), s).fen(), 125);
    EXPECT_EQ(evaluate(parse_template_expr("income.fiscal_gpb[201]"), s).fen(), 120);
    EXPECT_EQ(evaluate(parse_template_expr("income.fiscal_gpb[2010302] + income.other"), s).fen(), 23);
    EXPECT_EQ(evaluate(parse_template_expr("a - income.fiscal_gpb[208]"), s).fen(), 995);
    EXPECT_EQ(evaluate(parse_template_expr("sum(L1:L4) - L2"), s).fen(), 8);
    EXPECT_EQ(evaluate(parse_template_expr("-L3 + L1"), s).fen(), -2);
    s.prefix = "2010301";
    EXPECT_EQ(evaluate(parse_template_expr("income.fiscal_gpb"), s).fen(), 100);
    EXPECT_THROW(parse_template_expr("income.nonsense"), FormulaError);
    EXPECT_THROW(parse_template_expr("sum(L5:L1)"), FormulaError);
    EXPECT_THROW(parse_template_expr("a * b"), FormulaError);
    // One language, two vocabularies: cells name measures and 行次, rules name printed tables.
    EXPECT_THROW(parse_template_expr("T01[L1].income"), FormulaError);
    EXPECT_THROW(parse_template_expr("ref(prev.total)"), FormulaError);
    EXPECT_THROW(parse_rule_expr("income.fiscal_gpb"), FormulaError);
    EXPECT_EQ(parse_template_expr("gpb + gf").terms.size(), 2u);
    EXPECT_EQ(parse_rule_expr("gpb + gf").terms.size(), 2u);
}

// The Shanghai layout (shared corpus: the 2024 template and Putuo's 2024/2025 disclosures) is a
// second shipped template: same books, another document, no code of its own.
TEST(Template, ShanghaiLayoutFromTheSameBooks) {
    Disclosure jn = build_with(load_template("jinan-2023"));
    Disclosure sh = build_with(load_template("shanghai-2024"));
    std::vector<std::string> order;
    for (const auto& t : sh.tables) order.push_back(t.id);
    EXPECT_EQ(order, (std::vector<std::string>{"01", "02", "03", "04", "05", "06", "09", "07", "08"}));
    EXPECT_EQ(sh.table("06")->title, "一般公共预算财政拨款基本支出决算表");
    EXPECT_EQ(sh.table("08")->title, "国有资本经营预算财政拨款收入支出决算表");
    EXPECT_EQ(sh.table("01")->number, "");
    // No 行次 printed (the rows keep theirs for rules and references); 24 classes; zeros as 0.00.
    EXPECT_FALSE(sh.table("01")->lines_printed);
    EXPECT_TRUE(jn.table("01")->lines_printed);
    int classes = 0;
    for (const auto& r : sh.table("01")->rows) {
        EXPECT_FALSE(sh.table("01")->printed_line(r).has_value());
        if (r.side == "expenditure" && r.subject.size() == 3) ++classes;
    }
    EXPECT_EQ(classes, 24);
    const Row* l2 = nullptr;
    for (const auto& r : sh.table("01")->rows)
        if (r.label == "二、政府性基金预算财政拨款收入") l2 = &r;
    ASSERT_NE(l2, nullptr);
    EXPECT_EQ(l2->values.at("income"), std::optional<Money>(Money{}));
    // 合计 at the bottom of 05; the same amounts as the Jinan layout.
    EXPECT_EQ(sh.table("05")->rows.back().role, RowRole::Total);
    EXPECT_EQ(sh.table("05")->rows.back().values.at("basic"), jn.table("05")->rows.front().values.at("basic"));
    EXPECT_EQ(sh.table("03")->rows.front().values.at("total"), jn.table("03")->rows.front().values.at("total"));
    // An empty 政府性基金 table keeps its format without rows and says why, naming the department.
    EXPECT_TRUE(sh.table("07")->rows.empty());
    EXPECT_NE(sh.table("07")->note.find("说明：济南市天桥区人民政府办公室本年度没有政府性基金预算财政拨款收入和支出"),
              std::string::npos);
    std::string md = write_markdown_table(sh, *sh.table("06"));
    EXPECT_NE(md.find("| 人员经费合计 |  | 745.28 | 公用经费合计 |  | 45.02 |"), std::string::npos) << md;
    EXPECT_EQ(md.find("部门："), std::string::npos);  // no department line under this template
}
