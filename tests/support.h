// Shared test helpers: paths, running the juesuan program, temporary directories.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/build.h"

namespace juesuan::test {

std::filesystem::path source_dir();
std::filesystem::path example_dir();  // examples/tianqiao-2023

struct CliResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs build/juesuan with the given arguments (each quoted for the shell).
CliResult run_cli(const std::vector<std::string>& args);

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& s) const { return path_ / s; }

private:
    std::filesystem::path path_;
};

// Copies the example books into dir (dir must not exist yet).
void copy_example(const std::filesystem::path& dir);
std::string slurp(const std::filesystem::path& p);
void spit(const std::filesystem::path& p, const std::string& content);

// Builds a books folder with the shipped data.
Built build_books(const std::filesystem::path& dir);
// The example's Disclosure, built once per test program.
const Disclosure& seed_disclosure();

// An amount cell of the example's books: file, CSV record and field, its text.
struct AmountCell {
    std::string file, header, text;
    size_t record = 0, field = 0;
    std::string where() const;  // "income.csv 第 2 行 一般公共预算财政拨款收入 602.09"
};
// Every non-blank amount cell of the given example files.
std::vector<AmountCell> example_amounts(const std::vector<std::string>& files);
// A fresh copy of the example in dir with one cell of one file replaced by raw CSV text.
void example_with_cell(const std::filesystem::path& dir, const AmountCell& cell, const std::string& raw);

}  // namespace juesuan::test
