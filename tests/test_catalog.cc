#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/catalog.h"
#include "core/text.h"
#include "read/template_reader.h"
#include "support.h"

using namespace juesuan;

namespace {
std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& p, char sep = '\t') {
    std::ifstream in(p);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        rows.push_back(split(line, sep));
    }
    return rows;
}
}  // namespace

TEST(Catalog, LooksUpByCodeParentAndLevel) {
    Catalogs c = load_catalogs({});
    const CatalogEntry* e = c.functional.find("2010301");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->name, "行政运行");
    EXPECT_EQ(e->level, Level::Xiang);
    EXPECT_EQ(e->parent, "20103");
    EXPECT_FALSE(e->sources.empty());
    std::set<std::string> kids;
    for (const auto* k : c.functional.children("20103")) kids.insert(k->code);
    EXPECT_TRUE(kids.count("2010301") && kids.count("2010302") && kids.count("2010350"));
    EXPECT_GE(c.functional.at_level(Level::Lei).size(), 26u);
    ASSERT_NE(c.economic.find("30101"), nullptr);
    EXPECT_EQ(c.economic.find("30101")->name, "基本工资");
    EXPECT_EQ(c.economic.find("30101")->level, Level::Kuan);
    EXPECT_EQ(c.functional.find("9999999"), nullptr);
}

TEST(Catalog, LevelsByCodeLength) {
    EXPECT_EQ(level_of(CatalogKind::Functional, "201"), Level::Lei);
    EXPECT_EQ(level_of(CatalogKind::Functional, "20103"), Level::Kuan);
    EXPECT_EQ(level_of(CatalogKind::Functional, "2010301"), Level::Xiang);
    EXPECT_FALSE(level_of(CatalogKind::Functional, "201030"));
    EXPECT_FALSE(level_of(CatalogKind::Economic, "3010101"));
    EXPECT_FALSE(level_of(CatalogKind::Functional, "20a03"));
    EXPECT_EQ(parent_code("2010301"), "20103");
    EXPECT_EQ(parent_code("20103"), "201");
    EXPECT_EQ(parent_code("201"), "");
}

TEST(Catalog, CoversEverySubjectPrintedInTheSeed) {
    Catalogs c = load_catalogs({});
    int checked = 0;
    for (const auto& r : read_tsv(test::source_dir() / "tests/golden/tianqiao-2023-tables.tsv")) {
        if (r.size() < 4 || r[2] != "label" || !all_digits(r[1])) continue;
        const Catalog& cat = r[0] == "06" ? c.economic : c.functional;
        const CatalogEntry* e = cat.find(r[1]);
        ASSERT_NE(e, nullptr) << "公开" << r[0] << "表 " << r[1];
        EXPECT_TRUE(Catalog::name_matches(*e, r[3])) << r[1] << " " << r[3] << " vs " << e->name;
        ++checked;
    }
    EXPECT_GT(checked, 100);
}

TEST(Catalog, CoversEverySubjectCodeOfTheCorpus) {
    Catalogs c = load_catalogs({});
    auto rows = read_tsv(test::source_dir() / "tests/golden/corpus-codes.txt", ' ');
    ASSERT_GT(rows.size(), 100u);
    for (const auto& r : rows) {
        const Catalog& cat = r[0][0] == '3' ? c.economic : c.functional;
        EXPECT_NE(cat.find(r[0]), nullptr) << r[0] << " (" << r[1] << ")";
    }
}

TEST(Catalog, HasTheTemplateClasses) {
    Catalogs c = load_catalogs({});
    Template t = load_template("jinan-2023");
    ASSERT_EQ(t.classes.size(), 26u);
    for (const auto& cl : t.classes) {
        const CatalogEntry* e = c.functional.find(cl.code);
        ASSERT_NE(e, nullptr) << cl.code;
        EXPECT_TRUE(Catalog::name_matches(*e, cl.name)) << cl.code;
    }
}

TEST(Catalog, NamesMatchIgnoringWidthAndSpaces) {
    CatalogEntry e;
    e.name = "政府办公厅（室）及相关机构事务";
    e.aliases = {"政府办公厅（室）"};
    EXPECT_TRUE(Catalog::name_matches(e, "政府办公厅(室)及相关机构事务"));
    EXPECT_TRUE(Catalog::name_matches(e, "政府办公厅 （室） 及相关机构事务"));
    EXPECT_TRUE(Catalog::name_matches(e, "政府办公厅(室)"));
    EXPECT_FALSE(Catalog::name_matches(e, "财政事务"));
}

TEST(Catalog, UserCatalogOverridesAndExtends) {
    test::TempDir tmp;
    test::spit(tmp / "official.csv",
               "科目编码,科目名称,备注\n2010301,行政运行（新）,\n2990101,新设科目,\n30101,基本工资,\n");
    Catalogs c = load_catalogs({tmp / "official.csv"});
    EXPECT_EQ(c.functional.find("2010301")->name, "行政运行（新）");
    EXPECT_EQ(c.functional.find("2010301")->origin, (tmp / "official.csv").string());
    ASSERT_NE(c.functional.find("2990101"), nullptr);
    EXPECT_EQ(c.functional.find("2990101")->level, Level::Xiang);
    EXPECT_NE(c.economic.find("30101"), nullptr);
    EXPECT_EQ(c.economic.find("2010301"), nullptr);
}

TEST(Catalog, BadUserCatalogNamesFileAndLine) {
    test::TempDir tmp;
    test::spit(tmp / "bad.csv", "code,name\n2010301,行政运行\n20103011,太长\n");
    try {
        load_catalogs({tmp / "bad.csv"});
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        const auto& d = e.diagnostics().all().front();
        EXPECT_EQ(d.where.line, 3);
        EXPECT_NE(d.message.find("20103011"), std::string::npos);
    }
    test::spit(tmp / "nohead.csv", "a,b\n1,2\n");
    EXPECT_THROW(load_catalogs({tmp / "nohead.csv"}), InputError);
}
