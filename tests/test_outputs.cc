// The files `build` writes, read back: disclosure.md and disclosure.json carry the seed's
// tables cell for cell (against the hand-transcribed fixture), and the JSON reads back equal.
#include <gtest/gtest.h>

#include <regex>

#include "core/text.h"
#include "golden_cells.h"
#include "model_diff.h"
#include "read/json_reader.h"
#include "support.h"
#include "write/json_writer.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {

const Cells& golden() { return seed_golden(); }

const std::filesystem::path& built_dir() {
    static TempDir tmp;
    static bool done = false;
    if (!done) {
        CliResult r = run_cli({"build", example_dir().string(), "-o", (tmp / "out").string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        done = true;
    }
    static const std::filesystem::path out = tmp / "out";
    return out;
}

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::string body = line.substr(1, line.size() - 2);  // strip the outer pipes
    for (auto& c : split(body, '|')) cells.push_back(trim(c));
    return cells;
}

// Reads the tables of disclosure.md the way the fixture was transcribed from the seed's Markdown.
Cells markdown_cells(const std::string& md) {
    Cells out;
    std::map<std::string, std::vector<std::vector<std::string>>> tables;
    std::string current;
    std::regex number("^公开 (\\d\\d) 表$");
    for (const auto& line : split(md, '\n')) {
        std::smatch m;
        if (std::regex_match(line, m, number)) current = m[1];
        else if (line.rfind("#", 0) == 0) current.clear();  // a heading ends the tables of part two
        else if (!current.empty() && line.rfind("|", 0) == 0 && line.find("---") == std::string::npos)
            tables[current].push_back(cells_of(line));
    }
    auto emit = [&](const std::string& t, const std::string& row, const std::string& col, const std::string& v) {
        out[{t, row, col}] = v;
    };
    auto header = [](const std::string& s) {
        std::string k = label_key(s);
        return k == "收入" || k == "项目" || k == "栏次" || k == "科目编码" || k == "人员经费" || k == "预算数" ||
               k == "合计" || k == "1";
    };
    for (const auto& [t, ecols] : std::map<std::string, std::vector<std::string>>{
             {"01", {"expenditure"}}, {"04", {"total", "gpb", "gf", "soc"}}}) {
        for (const auto& r : tables[t]) {
            if (header(r[0])) continue;
            if (!r[1].empty()) {
                emit(t, "L" + r[1], "label", r[0]);
                emit(t, "L" + r[1], "income", r[2]);
            }
            if (!r[4].empty()) {
                emit(t, "L" + r[4], "label", r[3]);
                for (size_t i = 0; i < ecols.size(); ++i) emit(t, "L" + r[4], ecols[i], r[5 + i]);
            }
        }
    }
    std::map<std::string, std::vector<std::string>> tree = {
        {"02", {"total", "fiscal", "superior", "business", "operating", "affiliated", "other"}},
        {"03", {"total", "basic", "project", "to_superior", "operating", "to_affiliated"}},
        {"05", {"subtotal", "basic", "project"}},
        {"07", {"begin", "income", "subtotal", "basic", "project", "end"}},
        {"08", {"subtotal", "basic", "project"}}};
    for (const auto& [t, keys] : tree) {
        int filler = 0;
        for (const auto& r : tables[t]) {
            std::string first = label_key(r[0]);
            if (first == "项目" || first == "科目编码" || first == "栏次") continue;
            std::string key = first == "合计" ? "合计" : (first.empty() && r[1].empty()) ? "blank#" + std::to_string(++filler) : r[0];
            if (key != "合计" && key.rfind("blank#", 0) != 0) emit(t, key, "label", r[1]);
            for (size_t i = 0; i < keys.size(); ++i) emit(t, key, keys[i], r[2 + i]);
        }
    }
    for (const auto& r : tables["06"]) {
        if (label_key(r[0]) == "人员经费" || label_key(r[0]) == "科目编码") continue;
        if (r[0] == "人员经费合计") {
            emit("06", "人员经费合计", "amount", r[2]);
            emit("06", "公用经费合计", "amount", r.back());
            continue;
        }
        for (size_t b = 0; b < 3; ++b)
            if (!r[3 * b].empty()) {
                emit("06", r[3 * b], "label", r[3 * b + 1]);
                emit("06", r[3 * b], "amount", r[3 * b + 2]);
            }
    }
    const char* k9[] = {"budget_total", "budget_abroad", "budget_vehicle", "budget_vehicle_purchase",
                        "budget_vehicle_operation", "budget_reception", "actual_total", "actual_abroad",
                        "actual_vehicle", "actual_vehicle_purchase", "actual_vehicle_operation", "actual_reception"};
    const auto& t9 = tables["09"];
    if (!t9.empty())
        for (size_t i = 0; i < 12; ++i) emit("09", "row1", k9[i], t9.back()[i]);
    return out;
}

}  // namespace

TEST(Outputs, MarkdownFileEqualsTheSeed) {
    std::string md = slurp(built_dir() / "disclosure.md");
    Cells cells = markdown_cells(md);
    std::string diff = diff_cells(golden(), cells);
    EXPECT_TRUE(diff.empty()) << diff;
}

TEST(Outputs, JsonFileEqualsTheSeedAndReadsBackEqual) {
    std::string text = slurp(built_dir() / "disclosure.json");
    Disclosure d = parse_disclosure_json(text, "disclosure.json");
    std::string diff = diff_cells(golden(), printed_cells(d));
    EXPECT_TRUE(diff.empty()) << diff;
    // Nothing lost on the way: the model read back equals the one built from the books.
    EXPECT_EQ(first_difference(d, seed_disclosure()), "");
    EXPECT_TRUE(d == seed_disclosure());
    EXPECT_EQ(d.precision_fen, 1);
}

TEST(Outputs, JsonReaderNamesThePlaceOfAProblem) {
    std::string text = slurp(built_dir() / "disclosure.json");
    auto expect_error = [](const std::string& t, const std::string& where, const std::string& says = {}) {
        try {
            parse_disclosure_json(t, "bad.json");
            ADD_FAILURE() << "expected an error at " << where;
        } catch (const InputError& e) {
            const auto& d = e.diagnostics().all().front();
            EXPECT_EQ(d.where.file, "bad.json");
            EXPECT_TRUE(d.where.key.starts_with(where)) << d.where.key << " / " << d.message;  // the path from the top
            EXPECT_NE(d.message.find(says), std::string::npos) << d.message;
        }
    };
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = text;
        auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) s.replace(at, from.size(), to);
        return s;
    };
    // 公开01表 本年收入合计 is the first amount of the file: 1,411.64 万元.
    expect_error(replaced("1411640000", "\"1,411.64\""), "tables[0].rows[0].values.income", "金额");
    expect_error(replaced("1411640000", "18446744073709551615"), "tables[0].rows[0].values.income", "超出范围");
    expect_error(replaced("1411640000", "9223372036854775807"), "tables[0].rows[0].values.income", "超出范围");
    expect_error(replaced("\"values\": {\n            \"income\"", "\"values\": {\n            \"nosuch\""),
                 "tables[0].rows[0].values.nosuch", "columns");
    expect_error(replaced("juesuan.disclosure/2", "other.format/9"), "schema", "不支持");
    expect_error(replaced("juesuan.disclosure/2", "juesuan.disclosure/1"), "schema", "旧版");
    expect_error(replaced("\"role\": \"total\"", "\"role\": \"sum\""), "tables[0].rows[", "item");
    try {
        parse_disclosure_json("{\n  \"schema\": ", "bad.json");
        ADD_FAILURE() << "truncated JSON read";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostics().all().front().where.line, 2);
    }
}
