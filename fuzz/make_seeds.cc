// Seeds and dictionaries for the fuzz targets, from a books folder (fuzz/make_corpus.sh):
//   make_seeds BOOKS_DIR NAME OUT_DIR
// writes OUT_DIR/books_folder/NAME (the folder in fuzz_books_folder's "### file" form),
// OUT_DIR/books_workbook/NAME.xlsx (the same books as a workbook, for a folder without its own
// catalog.csv), OUT_DIR/books_workbook/generated.xlsx (a small generated department with its
// 科目补充 sheet) and OUT_DIR/books.dict (the schema's file names, headers, sheet names and keys).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "core/diagnostics.h"
#include "model/books_schema.h"
#include "read/books_reader.h"
#include "read/template_reader.h"
#include "sample/sample.h"
#include "write/books_workbook.h"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// libFuzzer's dictionary syntax: printable ASCII, anything else as \xNN.
std::string dict_entry(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            out += static_cast<char>(c);
        else
            out += fmt::format("\\x{:02X}", c);
    }
    return out + "\"\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: make_seeds BOOKS_DIR NAME OUT_DIR\n";
        return 2;
    }
    const fs::path books = argv[1], out = argv[3];
    const std::string name = argv[2];
    try {
        std::set<std::string> names = {"department.toml", "reports.toml", "catalog.csv", "glossary.csv"};
        for (const auto& f : books_files()) names.insert(f.file);
        std::string folder;
        for (const auto& n : names)
            if (fs::exists(books / n)) folder += "### " + n + "\n" + slurp(books / n);
        spit(out / "books_folder" / name, folder);

        // A folder's catalog.csv has no reader to entries here; its workbook would lack the subjects.
        if (!fs::exists(books / "catalog.csv")) {
            Diagnostics diags;
            Facts facts = read_books_folder(books, diags);
            spit(out / "books_workbook" / (name + ".xlsx"), write_books_xlsx(facts));
        }
        SampleBooks s = generate_sample(4, 1, load_template("jinan-2023"), load_catalogs({}));
        spit(out / "books_workbook" / "generated.xlsx", write_books_xlsx(s.facts, s.extra_catalog));

        std::set<std::string> words;
        for (const auto& n : names) words.insert("### " + n + "\n");
        for (const auto& f : books_files()) {
            words.insert(f.sheet);
            for (const auto& fd : f.fields) {
                words.insert(fd.header);
                for (const auto& a : fd.aliases) words.insert(a);
                for (const auto& c : fd.choices)
                    for (const auto& cn : c.names) words.insert(cn);
            }
        }
        for (const auto& k : department_keys()) words.insert(k.key);
        for (const auto& r : report_fields()) words.insert(r.key);
        for (const auto& c : fund_choices())
            for (const auto& cn : c.names) words.insert(cn);
        for (const char* s : {kDepartmentSheet, kReportsSheet, kGlossarySheet, kCatalogSheet}) words.insert(s);
        std::string dict;
        for (const auto& w : words)
            if (!w.empty()) dict += dict_entry(w);
        spit(out / "books.dict", dict);
    } catch (const std::exception& e) {
        std::cerr << "make_seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
