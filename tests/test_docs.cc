// The documentation names every file, column and measure the code accepts.
#include <functional>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "derive/measures.h"
#include "model/books_schema.h"
#include "support.h"
#include "write/json_writer.h"

using namespace juesuan;

TEST(Docs, InputFormatNamesEveryFileAndColumn) {
    std::string doc = test::slurp(test::source_dir() / "docs/input-format.md");
    for (const auto& f : books_files()) {
        EXPECT_NE(doc.find(f.file), std::string::npos) << f.file;
        for (const auto& field : f.fields) EXPECT_NE(doc.find(field.header), std::string::npos) << f.file << " " << field.header;
    }
    for (const auto& r : report_fields()) EXPECT_NE(doc.find("`" + r.key + "`"), std::string::npos) << "reports.toml " << r.key;
}

TEST(Docs, TemplatesNameEveryMeasureFamily) {
    std::string doc = test::slurp(test::source_dir() / "docs/templates.md");
    for (const auto& m : Measures::names()) {
        // carry.* and sangong.* are documented by pattern; the rest by name.
        if (m.rfind("carry.", 0) == 0 || m.rfind("sangong.", 0) == 0 || m.rfind("fexp.gf", 0) == 0 ||
            m.rfind("fexp.soc", 0) == 0)
            continue;
        EXPECT_NE(doc.find(m), std::string::npos) << m;
    }
    for (const char* pattern : {"carry.F.begin", "sangong.budget.I", "fexp.gf.*", "reception_abroad", "nonfiscal"})
        EXPECT_NE(doc.find(pattern), std::string::npos) << pattern;
}

TEST(Docs, JsonNamesEveryKeyTheEncoderWrites) {
    std::string doc = test::slurp(test::source_dir() / "docs/json.md");
    // Members whose object is a map: their keys are data (columns, headings, reference names).
    const std::set<std::string> maps = {"values", "formulas", "texts", "amounts", "counts", "places"};
    std::set<std::string> keys;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
        if (j.is_array())
            for (const auto& x : j) walk(x);
        if (!j.is_object()) return;
        for (const auto& [k, v] : j.items()) {
            keys.insert(k);
            if (!(maps.count(k) && v.is_object())) walk(v);
        }
    };
    walk(nlohmann::json::parse(write_json(test::seed_disclosure())));
    // An imported document carries where it printed each part.
    Job imported = import_document_file(test::source_dir() / "tests/fixtures/published/tianqiao-2023.txt", Library::shipped());
    ASSERT_FALSE(imported.disclosure.source.places.empty());
    walk(nlohmann::json::parse(write_json(imported.disclosure)));
    EXPECT_GT(keys.size(), 50u);
    for (const auto& k : keys) EXPECT_NE(doc.find("`" + k + "`"), std::string::npos) << k;
}
