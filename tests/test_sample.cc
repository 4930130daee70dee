// Generated departments: consistent books whose tables satisfy the identities.
#include <gtest/gtest.h>

#include "read/template_reader.h"
#include "sample/sample.h"
#include "support.h"
#include "write/books_writer.h"
#include "write/json_writer.h"
#include "write/output.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {
Built build_sample(int subjects, std::uint64_t seed, const std::filesystem::path& dir) {
    SampleBooks s = generate_sample(subjects, seed, load_template("jinan-2023"), load_catalogs({}));
    auto files = write_books_with_supplements(s.facts, s.extra_catalog);
    write_files_atomically(dir, files);
    return build_books(dir);
}
std::int64_t cell(const Disclosure& d, const std::string& table, const std::function<bool(const Row&)>& pick,
                  const std::string& col) {
    for (const auto& r : d.table(table)->rows)
        if (pick(r)) {
            auto it = r.values.find(col);
            return it != r.values.end() && it->second ? it->second->fen() : 0;
        }
    ADD_FAILURE() << "no row in " << table;
    return 0;
}
auto line(int n) {
    return [n](const Row& r) { return r.line && *r.line == n; };
}
auto total() {
    return [](const Row& r) { return r.role == RowRole::Total; };
}
auto label(const std::string& l) {
    return [l](const Row& r) { return r.label == l; };
}
}  // namespace

TEST(Sample, SameSeedSameBooks) {
    Template t = load_template("jinan-2023");
    Catalogs c = load_catalogs({});
    auto a = write_books(generate_sample(80, 7, t, c).facts);
    auto b = write_books(generate_sample(80, 7, t, c).facts);
    auto other = write_books(generate_sample(80, 8, t, c).facts);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, other);
}

// The identities of the domain primer hold on generated departments of several shapes.
TEST(Sample, TablesSatisfyTheIdentities) {
    for (std::uint64_t seed : {1, 2, 3, 4, 5, 6}) {
        TempDir tmp;
        Built b = build_sample(60 + static_cast<int>(seed) * 10, seed, tmp / "s");
        const Disclosure& d = b.disclosure;
        SCOPED_TRACE("seed " + std::to_string(seed));
        EXPECT_EQ(cell(d, "01", line(31), "income"), cell(d, "01", line(62), "expenditure"));  // 总计 both sides
        EXPECT_EQ(cell(d, "01", line(27), "income"), cell(d, "02", total(), "total"));
        EXPECT_EQ(cell(d, "01", line(58), "expenditure"), cell(d, "03", total(), "total"));
        EXPECT_EQ(cell(d, "04", line(27), "income") + cell(d, "04", line(28), "income"),
                  cell(d, "04", line(59), "total") + cell(d, "04", line(60), "total"));
        EXPECT_EQ(cell(d, "04", line(59), "gpb"), cell(d, "05", total(), "subtotal"));
        EXPECT_EQ(cell(d, "05", total(), "basic"),
                  cell(d, "06", label("人员经费合计"), "amount") + cell(d, "06", label("公用经费合计"), "amount"));
        EXPECT_EQ(cell(d, "04", line(59), "gf"), cell(d, "07", total(), "subtotal"));
        EXPECT_EQ(cell(d, "04", line(59), "soc"), cell(d, "08", total(), "subtotal"));
        EXPECT_EQ(cell(d, "02", total(), "fiscal"), cell(d, "04", line(27), "income"));
        // 01 per 类 = 03 per 类
        for (const auto& r : d.table("01")->rows)
            if (r.side == "expenditure" && r.subject.size() == 3) {
                const Row* r03 = d.table("03")->row_by_code(r.subject);
                std::int64_t v01 = r.values.at("expenditure") ? r.values.at("expenditure")->fen() : 0;
                std::int64_t v03 = r03 && r03->values.at("total") ? r03->values.at("total")->fen() : 0;
                EXPECT_EQ(v01, v03) << r.subject;
            }
    }
}

TEST(Sample, ScalesAndHasEmptyTablesSometimes) {
    TempDir tmp;
    Built b = build_sample(300, 3, tmp / "s");  // seed 3: no 政府性基金, no 国资, no 三公
    int items = 0;
    for (const auto& r : b.disclosure.table("03")->rows) items += r.role == RowRole::Item;
    EXPECT_GE(items, 290);
    std::set<std::string> classes;
    for (const auto& r : b.disclosure.table("03")->rows)
        if (r.code && r.code->size() == 3) classes.insert(*r.code);
    EXPECT_GE(classes.size(), 10u);
    EXPECT_FALSE(b.disclosure.table("07")->has_data);
    EXPECT_FALSE(b.disclosure.table("08")->has_data);
    EXPECT_FALSE(b.disclosure.table("09")->has_data);
    TempDir tmp2;
    Built c = build_sample(300, 4, tmp2 / "s");  // seed 4: 政府性基金 and 三公 present
    EXPECT_TRUE(c.disclosure.table("07")->has_data);
    EXPECT_TRUE(c.disclosure.table("09")->has_data);
    EXPECT_FALSE(c.facts.projects.empty());
    EXPECT_FALSE(c.facts.projects.front().indicators.empty());
}
