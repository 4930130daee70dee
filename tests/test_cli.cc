// The juesuan program as a user runs it: exit codes, messages, and nothing half-written.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support.h"

using namespace juesuan::test;
namespace fs = std::filesystem;

namespace {
void edit(const fs::path& file, const std::string& from, const std::string& to) {
    std::string s = slurp(file);
    auto pos = s.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    s.replace(pos, from.size(), to);
    spit(file, s);
}

// Runs build on a broken copy and checks the common promises of bad input.
CliResult expect_bad_input(const fs::path& books, const fs::path& out) {
    CliResult r = run_cli({"build", books.string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("错误："), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("未生成任何输出"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << "output directory left behind";
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    return r;
}
}  // namespace

TEST(Cli, BuildsTheExample) {
    TempDir tmp;
    CliResult r = run_cli({"build", example_dir().string(), "-o", (tmp / "out").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(tmp / "out/disclosure.md"));
    EXPECT_TRUE(fs::exists(tmp / "out/disclosure.json"));
    EXPECT_NE(r.out.find("disclosure.md"), std::string::npos);
    EXPECT_NE(r.out.find("disclosure.json"), std::string::npos);
    // The example is clean but for the one inconsistency its published text has (the seed's 五
    // lists parts adding to 212.40 万元 for a change of 202.34 万元), reported before publication.
    EXPECT_NE(r.err.find("[警告] N-007"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("审核结果：错误 0 处，警告 1 处，提示 0 处。"), std::string::npos) << r.err;
    std::string md = slurp(tmp / "out/disclosure.md");
    EXPECT_NE(md.find("| 总计 | 31 | 1,411.67 | 总计 | 62 | 1,411.67 |"), std::string::npos);
    EXPECT_NE(md.find("| 2010301 | 行政运行 | 602.09 | 602.09 |"), std::string::npos);
    EXPECT_NE(md.find("| 人员经费合计 |  | 745.28 | 公用经费合计 |  |  |  |  | 45.02 |"), std::string::npos);
    EXPECT_NE(md.find("第一部分 部门概况"), std::string::npos);
    EXPECT_NE(md.find("21、有关职责分工。"), std::string::npos);
}

TEST(Cli, FormatOptionAndUnknownFormat) {
    TempDir tmp;
    CliResult r = run_cli({"build", example_dir().string(), "-o", (tmp / "out").string(), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(tmp / "out/disclosure.json"));
    EXPECT_FALSE(fs::exists(tmp / "out/disclosure.md"));
    r = run_cli({"build", example_dir().string(), "-o", (tmp / "x").string(), "--format", "docx"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("docx"), std::string::npos);
    EXPECT_FALSE(fs::exists(tmp / "x"));
}

TEST(Cli, RebuildReplacesFilesAndFailureKeepsTheOldOutput) {
    TempDir tmp;
    fs::path out = tmp / "out";
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", out.string()}).exit_code, 0);
    std::string before = slurp(out / "disclosure.json");
    copy_example(tmp / "b");
    edit(tmp / "b/income.csv", "602.09", "60x.09");
    CliResult r = run_cli({"build", (tmp / "b").string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(slurp(out / "disclosure.json"), before);
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", out.string()}).exit_code, 0);
    EXPECT_EQ(slurp(out / "disclosure.json"), before);
}

TEST(Cli, BadAmount) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/basic_expenditure.csv", "218.88", "２１８．８８８８８８８");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("basic_expenditure.csv 第 4 行第 3 列（金额）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("小数位数过多"), std::string::npos) << r.err;
}

TEST(Cli, BadCode) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/fiscal_expenditure.csv", "2060499", "20604999");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("fiscal_expenditure.csv 第 6 行第 1 列（科目编码）"), std::string::npos) << r.err;
}

TEST(Cli, UnknownParent) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "2101101,行政单位医疗", "2889901,示例项");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("expenditure.csv 第 9 行第 1 列（科目编码）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("28899"), std::string::npos) << r.err;
    // A catalog of the year that knows the subjects makes the same books build.
    spit(tmp / "official.csv", "code,name\n288,示例类\n28899,示例款\n2889901,示例项\n");
    r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string(), "--catalog", (tmp / "official.csv").string()});
    EXPECT_EQ(r.exit_code, 2);  // 288 is not a 类 of the template's 公开01表
    EXPECT_NE(r.err.find("288"), std::string::npos) << r.err;
}

TEST(Cli, NameContradictsCatalog) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/basic_expenditure.csv", "30239,其他交通费用", "30239,交通费");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("basic_expenditure.csv 第 16 行第 2 列（科目名称）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("其他交通费用"), std::string::npos) << r.err;
}

TEST(Cli, MissingRequiredFile) {
    TempDir tmp;
    copy_example(tmp / "b");
    fs::remove(tmp / "b/department.toml");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("department.toml：缺少必需的文件"), std::string::npos) << r.err;
}

TEST(Cli, UnreadableFile) {
    TempDir tmp;
    copy_example(tmp / "b");
    // A file whose bytes are neither UTF-8 nor GB18030.
    spit(tmp / "b/income.csv", "\xff\xfe\xfd\xfc,\x80\n");
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("income.csv：文件编码无法识别"), std::string::npos) << r.err;
    // A directory where a file should be.
    spit(tmp / "b/income.csv", slurp(example_dir() / "income.csv"));
    fs::remove(tmp / "b/sangong.csv");
    fs::create_directory(tmp / "b/sangong.csv");
    r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("sangong.csv：这是一个目录"), std::string::npos) << r.err;
    if (::geteuid() != 0) {  // root reads files without read permission
        fs::remove(tmp / "b/sangong.csv");
        spit(tmp / "b/sangong.csv", "项目,预算数,决算数\n");
        fs::permissions(tmp / "b/sangong.csv", fs::perms::none);
        r = expect_bad_input(tmp / "b", tmp / "out");
        EXPECT_NE(r.err.find("无法读取文件"), std::string::npos) << r.err;
    }
}

TEST(Cli, MissingInputDirectory) {
    TempDir tmp;
    CliResult r = run_cli({"build", (tmp / "nope").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("输入目录不存在"), std::string::npos);
    EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(Cli, CatalogWarningKeepsExitZero) {
    TempDir tmp;
    copy_example(tmp / "b");
    for (const char* f : {"income.csv", "expenditure.csv", "fiscal_expenditure.csv"})
        edit(tmp / "b" / f, "2010350,事业运行", "2010398,自设科目");
    CliResult r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("警告："), std::string::npos);
    EXPECT_NE(r.err.find("不在科目目录（data/classification/functional.csv）中"), std::string::npos) << r.err;
    EXPECT_NE(slurp(tmp / "out/disclosure.md").find("| 2010398 | 自设科目 | 3.61 |"), std::string::npos);
}

TEST(Cli, InitWritesAnEmptyTemplateThatBuilds) {
    TempDir tmp;
    CliResult r = run_cli({"init", (tmp / "books").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* f : {"department.toml", "income.csv", "expenditure.csv", "fiscal_expenditure.csv",
                          "basic_expenditure.csv", "balances.csv", "sangong.csv", "procurement.csv", "budget.csv",
                          "comparisons.csv", "projects.csv", "indicators.csv"})
        EXPECT_TRUE(fs::exists(tmp / "books" / f)) << f;
    EXPECT_NE(slurp(tmp / "books/department.toml").find("# 部门全称"), std::string::npos);
    EXPECT_EQ(slurp(tmp / "books/income.csv").rfind("科目编码,科目名称,一般公共预算财政拨款收入,", 0), 0u);
    // Unfilled, it tells what is missing.
    r = run_cli({"build", (tmp / "books").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("缺少部门名称"), std::string::npos) << r.err;
    // Filled in, it builds an all-blank disclosure with every no-data statement.
    edit(tmp / "books/department.toml", "name = \"\"", "name = \"测试部门\"");
    edit(tmp / "books/department.toml", "year = 0", "year = 2024");
    r = run_cli({"build", (tmp / "books").string(), "-o", (tmp / "out").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(slurp(tmp / "out/disclosure.json"));
    EXPECT_EQ(j["department"], "测试部门");
    EXPECT_EQ(j["tables"][8]["note"], "注：本部门无财政拨款安排的“三公”经费支出，故本表无数据。");
    // init refuses to overwrite.
    r = run_cli({"init", (tmp / "books").string()});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, SampleThenBuild) {
    TempDir tmp;
    CliResult r = run_cli({"sample", "--subjects", "120", "--seed", "4", "-o", (tmp / "s").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"build", (tmp / "s").string(), "-o", (tmp / "out").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // the sample's own catalog.csv names every synthetic subject
}

TEST(Cli, OutputDirectoryIsSwappedWholeOrLeftAlone) {
    TempDir tmp;
    fs::path out = tmp / "out";
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", out.string()}).exit_code, 0);
    // A rebuild with fewer formats leaves no stale file from the earlier build.
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", out.string(), "--format", "md"}).exit_code, 0);
    EXPECT_TRUE(fs::exists(out / "disclosure.md"));
    EXPECT_FALSE(fs::exists(out / "disclosure.json"));
    // Something that is not ours in the directory: refused, nothing touched.
    std::string md = slurp(out / "disclosure.md");
    fs::create_directories(out / "disclosure.json" / "x");
    CliResult r = run_cli({"build", example_dir().string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("有其他内容"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(out / "disclosure.md"), md);
    EXPECT_TRUE(fs::exists(out / "disclosure.json" / "x"));
    spit(tmp / "mine.txt", "my notes");
    r = run_cli({"build", example_dir().string(), "-o", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(slurp(tmp / "mine.txt"), "my notes");
}

TEST(Cli, SampleAndInitNeverOverwriteBooks) {
    TempDir tmp;
    copy_example(tmp / "b");
    std::string before = slurp(tmp / "b/income.csv");
    CliResult r = run_cli({"sample", "--subjects", "10", "-o", (tmp / "b").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(slurp(tmp / "b/income.csv"), before);
    r = run_cli({"init", (tmp / "b").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(slurp(tmp / "b/income.csv"), before);
}

TEST(Cli, UsageErrorsAreChineseWithExitCodeTwo) {
    CliResult r = run_cli({"build"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("缺少必需的参数"), std::string::npos) << r.err;
    r = run_cli({"sample", "--subjects", "abc", "-o", "/tmp/x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("错误："), std::string::npos) << r.err;
    r = run_cli({"frobnicate"});
    EXPECT_EQ(r.exit_code, 2);
    r = run_cli({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("build"), std::string::npos);
}

TEST(Cli, SpecialFileIsUnreadable) {
    TempDir tmp;
    copy_example(tmp / "b");
    fs::remove(tmp / "b/income.csv");
    // A named pipe where a file should be: refused without blocking on it.
    ASSERT_EQ(::mkfifo((tmp / "b/income.csv").c_str(), 0644), 0);
    CliResult r = expect_bad_input(tmp / "b", tmp / "out");
    EXPECT_NE(r.err.find("income.csv：无法读取文件：不是普通文件"), std::string::npos) << r.err;
}

TEST(Cli, InitWritesAGuide) {
    TempDir tmp;
    ASSERT_EQ(run_cli({"init", (tmp / "books").string()}).exit_code, 0);
    std::string guide = slurp(tmp / "books/填写说明.txt");
    EXPECT_NE(guide.find("income.csv（收入（按支出功能分类项级科目），必需）"), std::string::npos) << guide.substr(0, 400);
    EXPECT_NE(guide.find("一般公共预算财政拨款收入"), std::string::npos);
    EXPECT_NE(guide.find("indicators.csv"), std::string::npos);
}

TEST(Cli, CheckTheExampleIsClean) {
    CliResult r = run_cli({"check", example_dir().string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    // One warning: the seed's own 五 (N-007, see BuildsTheExample).
    EXPECT_NE(r.out.find("审核结果：错误 0 处，警告 1 处，提示 2 处。"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("所列 4 项之和 212.40 万元，大于其所说明的 202.34 万元"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[提示] F-011  人员经费（个税）"), std::string::npos) << r.out;  // published without its funds
}

// The acceptance case: 公开03表 基本支出 合计 790.30 → 790.40 in disclosure.json.
TEST(Cli, CheckFindsAChangedTotalAndNamesItsPartners) {
    TempDir tmp;
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", (tmp / "out").string()}).exit_code, 0);
    auto j = nlohmann::json::parse(slurp(tmp / "out/disclosure.json"));
    for (auto& t : j["tables"])
        if (t["id"] == "03")
            for (auto& row : t["rows"])
                if (row["role"] == "total") row["values"]["basic"] = 790'400'000;
    spit(tmp / "changed.json", j.dump());
    CliResult r = run_cli({"check", (tmp / "changed.json").string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    auto out = nlohmann::json::parse(r.out);
    EXPECT_GE(out["summary"]["error"].get<int>(), 1);
    EXPECT_FALSE(out["rules_version"].get<std::string>().empty());
    std::set<std::string> rules, tables;
    bool partner = false;
    for (const auto& f : out["findings"]) {
        rules.insert(f["rule"].get<std::string>());
        tables.insert(f["location"].value("table", std::string()));
        partner |= f["message"].get<std::string>().find("公开05表") != std::string::npos;
        if (f["rule"] == "T03-001") {
            EXPECT_EQ(f["location"]["column"], "basic");
            EXPECT_EQ(f["expected"], "790.30");
            EXPECT_EQ(f["actual"], "790.40");
            EXPECT_EQ(f["difference"], "0.10");
        }
    }
    EXPECT_TRUE(tables.count("03"));
    EXPECT_TRUE(rules.count("T03-001") && rules.count("T03-002") && rules.count("X0305-002")) << r.out;
    EXPECT_TRUE(partner) << r.out;
    r = run_cli({"check", (tmp / "changed.json").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("公开03表 支出决算表"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("应为 790.30，实为 790.40，相差 0.10"), std::string::npos) << r.out;
}

TEST(Cli, CheckUnreadableInputIsExitTwo) {
    TempDir tmp;
    spit(tmp / "x.json", "{not json");
    CliResult r = run_cli({"check", (tmp / "x.json").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("JSON 格式错误"), std::string::npos) << r.err;
    r = run_cli({"check", (tmp / "missing.json").string()});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, BureauRulesAreAddedWithoutRecompiling) {
    TempDir tmp;
    spit(tmp / "bureau.toml",
         "version = \"bureau/1\"\ntemplates = [\"*\"]\n[[rules]]\nid = \"Z-001\"\nseverity = \"warning\"\n"
         "category = \"cross-table\"\ndescription = \"本局要求：行政运行支出不超过 600 万元\"\n"
         "formula = \"T03[2010301].total <= 600\"\n");
    CliResult r = run_cli({"check", example_dir().string(), "--rules", (tmp / "bureau.toml").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning does not fail the check
    EXPECT_NE(r.out.find("Z-001"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("本局要求"), std::string::npos);
    EXPECT_NE(r.out.find("bureau/1"), std::string::npos);
    r = run_cli({"rules", "--rules", (tmp / "bureau.toml").string()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("| Z-001 | warning | cross-table |"), std::string::npos) << r.out;
    // Reusing a shipped id is refused.
    spit(tmp / "dup.toml", "[[rules]]\nid = \"T01-001\"\nseverity = \"error\"\ncategory = \"arithmetic\"\n"
                           "description = \"d\"\nformula = \"1 == 1\"\n");
    r = run_cli({"check", example_dir().string(), "--rules", (tmp / "dup.toml").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("T01-001"), std::string::npos) << r.err;
}

TEST(Cli, BuildReportsBooksThatDisagree) {
    TempDir tmp;
    copy_example(tmp / "b");
    edit(tmp / "b/expenditure.csv", "602.09", "602.10");  // expenditure no longer matches income
    CliResult r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "out").string()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(fs::exists(tmp / "out/disclosure.md"));
    EXPECT_NE(r.err.find("T01-005"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("审核发现"), std::string::npos) << r.out;
    r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "strict").string(), "--strict"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_FALSE(fs::exists(tmp / "strict"));
}

// Editing one number of a sentence in a built disclosure.json: the check reports that sentence
// and nothing else.
TEST(Cli, CheckReportsExactlyTheEditedSentence) {
    TempDir tmp;
    ASSERT_EQ(run_cli({"build", example_dir().string(), "-o", (tmp / "out").string()}).exit_code, 0);
    auto j = nlohmann::json::parse(slurp(tmp / "out/disclosure.json"));
    std::string target;
    auto edit_sentence = [&](bool with_claim) {
        auto k = j;
        for (auto& s : k["narrative"]["sections"])
            for (auto& p : s["paragraphs"])
                for (auto& x : p["sentences"]) {
                    std::string text = x["text"];
                    auto pos = text.find("占 55.98%");
                    if (pos == std::string::npos) continue;
                    target = text;
                    text.replace(pos + 4, 6, "56.98%");  // "占 " is four bytes
                    x["text"] = text;
                    if (with_claim)
                        for (auto& c : x["claims"])
                            if (c["text"] == "55.98%") {
                                c["text"] = "56.98%";
                                c["value"] = 5698;
                            }
                }
        return k;
    };
    for (bool with_claim : {false, true}) {
        spit(tmp / "edited.json", edit_sentence(with_claim).dump());
        CliResult r = run_cli({"check", (tmp / "edited.json").string(), "--format", "json"});
        EXPECT_EQ(r.exit_code, 1) << r.err;
        auto out = nlohmann::json::parse(r.out);
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& f : out["findings"])
            if (f["severity"] != "info" && f["rule"] != "N-007") errors.push_back(f);  // N-007: the seed's own 五
        ASSERT_EQ(errors.size(), 1u) << r.out;
        const auto& f = errors[0];
        EXPECT_EQ(f["rule"], with_claim ? "N-003" : "N-001");
        EXPECT_EQ(f["location"]["section"], "三");
        std::string quote = f["location"]["quote"];
        EXPECT_NE(quote.find("占 56.98%"), std::string::npos) << quote;
        EXPECT_EQ(quote.substr(0, 30), target.substr(0, 30));
        if (with_claim) {
            EXPECT_EQ(f["expected"], "55.98%");
            EXPECT_EQ(f["actual"], "56.98%");
        }
    }
}
