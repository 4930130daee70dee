// A Disclosure stored as disclosure.json is the whole document: read back it equals the model it
// was written from, and every format rendered from the read-back copy is byte for byte the one
// rendered from the original (the seed, the Shanghai layout, generated departments).
#include <gtest/gtest.h>

#include "app/build.h"
#include "core/text.h"
#include "model_diff.h"
#include "read/json_reader.h"
#include "sample/sample.h"
#include "support.h"
#include "write/books_writer.h"
#include "write/document_writers.h"
#include "write/json_writer.h"
#include "write/output.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {

Disclosure from_sample(int subjects) {
    TempDir tmp;
    const Library& lib = Library::shipped();
    SampleBooks s = generate_sample(subjects, 1, lib.template_for("jinan-2023"), lib.catalogs());
    write_files_atomically(tmp / "s", write_books_with_supplements(s.facts, s.extra_catalog));
    return build_books(tmp / "s").disclosure;
}

void expect_lossless(const Disclosure& d, const std::vector<std::string>& formats) {
    Disclosure back = parse_disclosure_json(write_json(d), "disclosure.json");
    EXPECT_EQ(first_difference(d, back), "");
    ASSERT_TRUE(back == d);
    for (const auto& f : formats) {
        auto original = render_formats(d, {f});
        auto again = render_formats(back, {f});
        ASSERT_EQ(original.size(), again.size()) << f;
        for (const auto& [name, content] : original) {
            ASSERT_TRUE(again.count(name)) << name;
            EXPECT_TRUE(again.at(name) == content) << name << " differs when rendered from the read-back Disclosure";
        }
    }
}

const std::vector<std::string> kAll = {"md", "json", "html", "pdf", "xlsx"};

}  // namespace

TEST(RoundTrip, Seed) {
    const Disclosure& d = seed_disclosure();
    // The parts a renderer needs are really there (the /1 file lost them).
    ASSERT_EQ(d.texts.size(), 19u);
    ASSERT_EQ(d.part_one.duties.size(), 21u);
    ASSERT_EQ(d.table("01")->header.size(), 3u);
    expect_lossless(d, kAll);
}

TEST(RoundTrip, ShanghaiLayout) {
    BuildOptions opts{"shanghai-2024"};
    Disclosure d = build_from_books(example_dir(), opts).disclosure;
    ASSERT_FALSE(d.table("01")->lines_printed);
    expect_lossless(d, kAll);
}

TEST(RoundTrip, Generated10) { expect_lossless(from_sample(10), kAll); }
TEST(RoundTrip, Generated300) { expect_lossless(from_sample(300), kAll); }
TEST(RoundTrip, Generated3000) { expect_lossless(from_sample(3000), kAll); }

// `juesuan build disclosure.json` writes every file the build from the books wrote, identically.
TEST(RoundTrip, BuildFromTheStoredDisclosure) {
    TempDir tmp;
    auto r = run_cli({"build", example_dir().string(), "-o", (tmp / "books").string(), "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"build", (tmp / "books/disclosure.json").string(), "-o", (tmp / "doc").string(), "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("济南市天桥区人民政府办公室 2023 年度部门决算（模板 jinan-2023）"), std::string::npos) << r.out;
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(tmp / "books")) {
        auto other = tmp / "doc" / e.path().filename();
        ASSERT_TRUE(std::filesystem::exists(other)) << other;
        EXPECT_TRUE(slurp(e.path()) == slurp(other)) << e.path().filename();
        ++files;
    }
    EXPECT_EQ(files, 11);  // five formats and the Markdown's six charts
}

// A file that is neither books nor a document juesuan reads is refused by name.
TEST(RoundTrip, UnknownInputIsRefused) {
    TempDir tmp;
    spit(tmp / "x.bin", "hello");
    auto r = run_cli({"build", (tmp / "x.bin").string(), "-o", (tmp / "o").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("无法识别的输入"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("x.bin"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(tmp / "o"));
    // A text is read as a published document, and refused when it holds none.
    spit(tmp / "x.txt", "hello");
    r = run_cli({"build", (tmp / "x.txt").string(), "-o", (tmp / "o").string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("x.txt"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("找不到部门决算的公开表"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(tmp / "o"));
}

// Renderers take what a Disclosure has: none of its optional parts is required.
TEST(RoundTrip, RenderingWithoutOptionalPartsNeverCrashes) {
    Disclosure bare = seed_disclosure();
    for (auto& t : bare.tables) {
        t.blocks.clear();
        t.header.clear();
    }
    bare.performance = {};
    bare.narrative = {};  // its sections carry the charts
    bare.texts.clear();
    bare.forms.clear();  // part five then prints empty forms
    for (const auto& f : kAll) {
        auto files = render_formats(bare, {f});
        EXPECT_FALSE(files.empty()) << f;
    }
    for (const auto& f : kAll) EXPECT_FALSE(render_formats(Disclosure{}, {f}).empty()) << f;
}

// Names that look like placeholders are printed as they are and never re-expanded (this once hung).
TEST(RoundTrip, ProjectNamedLikeAPlaceholderBuilds) {
    TempDir tmp;
    copy_example(tmp / "b");
    const std::string name = "办公室{project}业务{year}经费{department}";
    for (const char* f : {"projects.csv", "indicators.csv"}) {
        auto p = tmp / "b" / f;
        spit(p, replace_all(slurp(p), "办公室业务（公务）经费", name));
    }
    std::filesystem::remove(tmp / "b/reports.toml");  // a key-evaluated project without a report
    auto r = run_cli({"build", (tmp / "b").string(), "-o", (tmp / "o").string(), "-q", "--format", "md"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string md = slurp(tmp / "o/disclosure.md");
    EXPECT_NE(md.find("### 2023 年度" + name + "项目绩效评价结论"), std::string::npos);
    EXPECT_NE(md.find("| 1 | " + name + " | 济南市天桥区政府办公室 | 99.99 | 优 |"), std::string::npos);
}
