// Readers never crash or hang: random and mangled inputs end in a result or an
// InputError naming the file. (That garbled numbers are refused rather than misread is
// asserted cell by cell in BooksReader.GarbledAmountsNeverPass.)
#include <gtest/gtest.h>

#include <random>

#include "read/books_reader.h"
#include "read/csv_file.h"
#include "read/template_reader.h"
#include "support.h"

using namespace juesuan;
using namespace juesuan::test;

namespace {
std::string random_bytes(std::mt19937_64& rng, size_t n, const std::string& alphabet) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
}
}  // namespace

TEST(Robustness, CsvParserOnRandomText) {
    std::mt19937_64 rng(42);
    const std::string alphabet = std::string(",\"\n\r 0123456789.-ab") + "\xe5\x90\x88\xe8\xae\xa1\xff\x80";
    for (int i = 0; i < 3000; ++i) {
        std::string s = random_bytes(rng, rng() % 200, alphabet);
        try {
            CsvFile f = parse_csv(s, "random.csv");
            for (const auto& r : f.records) EXPECT_GE(r.line, 1);
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostics().all().front().where.file, "random.csv");
        }
    }
}

TEST(Robustness, BooksReaderOnMangledFiles) {
    std::mt19937_64 rng(7);
    const char* files[] = {"income.csv", "expenditure.csv", "fiscal_expenditure.csv", "basic_expenditure.csv",
                           "balances.csv", "sangong.csv", "projects.csv", "indicators.csv", "department.toml"};
    for (int i = 0; i < 150; ++i) {
        TempDir tmp;
        copy_example(tmp / "b");
        std::string file = files[rng() % std::size(files)];
        std::string s = slurp(tmp / "b" / file);
        // Flip, delete or duplicate a few bytes.
        for (int k = 0; k < 3 && !s.empty(); ++k) {
            size_t at = rng() % s.size();
            switch (rng() % 3) {
                case 0: s[at] = ",\"\n0x-."[rng() % 7]; break;
                case 1: s.erase(at, 1 + rng() % 4); break;
                default: s.insert(at, s.substr(at, 1 + rng() % 8)); break;
            }
        }
        spit(tmp / "b" / file, s);
        try {
            Built b = build_books(tmp / "b");
            EXPECT_EQ(b.disclosure.tables.size(), 9u);
        } catch (const InputError& e) {
            ASSERT_TRUE(e.diagnostics().has_errors());
            for (const auto& d : e.diagnostics().all()) EXPECT_FALSE(d.message.empty());
        }
    }
}

TEST(Robustness, TemplateParserOnTruncatedText) {
    std::string text = *shipped_data("templates/jinan-2023.toml");
    for (size_t cut = 0; cut < text.size(); cut += 97) {
        try {
            parse_template(text.substr(0, cut), "cut.toml");
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostics().all().front().where.file, "cut.toml");
        }
    }
}
