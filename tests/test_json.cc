#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support.h"
#include "write/json_writer.h"

using namespace juesuan;
using json = nlohmann::json;

namespace {
const json& seed_json() {
    static const json j = json::parse(write_json(test::build_books(test::example_dir()).disclosure));
    return j;
}
const json& table(const std::string& id) {
    for (const auto& t : seed_json()["tables"])
        if (t["id"] == id) return t;
    throw std::runtime_error("no table " + id);
}
const json& row(const json& t, const std::function<bool(const json&)>& pred) {
    for (const auto& r : t["rows"])
        if (pred(r)) return r;
    throw std::runtime_error("no row");
}
}  // namespace

TEST(Json, TopLevel) {
    const json& j = seed_json();
    EXPECT_EQ(j["schema"], "juesuan.disclosure/2");
    EXPECT_EQ(j["department"], "济南市天桥区人民政府办公室");
    EXPECT_EQ(j["year"], 2023);
    EXPECT_EQ(j["unit"], "万元");
    ASSERT_EQ(j["tables"].size(), 9u);
    for (const auto& t : j["tables"]) {
        for (const char* k : {"id", "title", "columns", "rows"}) EXPECT_TRUE(t.contains(k)) << k;
        for (const auto& c : t["columns"]) {
            EXPECT_TRUE(c["key"].is_string());
            EXPECT_TRUE(c["label"].is_string());
        }
        for (const auto& r : t["rows"]) {
            EXPECT_TRUE(r["line"].is_null() || r["line"].is_number_integer());
            EXPECT_TRUE(r["code"].is_null() || r["code"].is_string());
            EXPECT_TRUE(r["label"].is_string());
            for (const auto& [k, v] : r["values"].items()) EXPECT_TRUE(v.is_null() || v.is_number_integer()) << k;
        }
    }
}

TEST(Json, AmountsAreIntegerFen) {
    const json& t03 = table("03");
    EXPECT_EQ(t03["title"], "支出决算表");
    const json& total = row(t03, [](const json& r) { return r["role"] == "total"; });
    EXPECT_EQ(total["values"]["total"], 1'411'640'000);  // 1,411.64 万元
    EXPECT_EQ(total["values"]["basic"], 790'300'000);    // 790.30 万元
    EXPECT_TRUE(total["values"]["to_superior"].is_null());
    const json& r = row(t03, [](const json& r) { return r["code"] == "2010301"; });
    EXPECT_EQ(r["label"], "行政运行");
    EXPECT_EQ(r["values"]["basic"], 602'090'000);
    EXPECT_TRUE(r["values"]["project"].is_null());
}

TEST(Json, SideBySideTablesHaveOneRowPerLine) {
    const json& t01 = table("01");
    std::set<int> lines;
    for (const auto& r : t01["rows"]) {
        ASSERT_TRUE(r["line"].is_number_integer());
        EXPECT_TRUE(lines.insert(r["line"].get<int>()).second);
    }
    EXPECT_EQ(lines.size(), 62u);  // 行次 1–62
    const json& l32 = row(t01, [](const json& r) { return r["line"] == 32; });
    EXPECT_EQ(l32["side"], "expenditure");
    EXPECT_EQ(l32["subject"], "201");
    EXPECT_TRUE(l32["code"].is_null());  // the 类 code is not printed in 公开01表
    EXPECT_EQ(l32["values"]["expenditure"], 1'149'120'000);
    EXPECT_FALSE(l32["values"].contains("income"));
    const json& l1 = row(t01, [](const json& r) { return r["line"] == 1; });
    EXPECT_EQ(l1["side"], "income");
    EXPECT_EQ(l1["values"]["income"], 1'411'640'000);
    const json& t04 = table("04");
    EXPECT_EQ(t04["rows"].size(), 64u);
    EXPECT_EQ(t04["columns"][2]["label"], "一般公共预算财政拨款");
}

TEST(Json, EconomicDetailRowsKnowTheirGroup) {
    const json& t06 = table("06");
    const json& r = row(t06, [](const json& r) { return r["code"] == "30305"; });
    EXPECT_EQ(r["side"], "personnel");
    EXPECT_EQ(r["values"]["amount"], 4'000'000);
    const json& f = row(t06, [](const json& r) { return r["label"] == "公用经费合计"; });
    EXPECT_EQ(f["side"], "public");
    EXPECT_EQ(f["values"]["amount"], 45'020'000);
}
