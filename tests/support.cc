#include "support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <set>
#include <stdexcept>

#include "core/text.h"
#include "model/books_schema.h"
#include "read/csv_file.h"

namespace juesuan::test {

namespace fs = std::filesystem;

fs::path source_dir() { return JUESUAN_SOURCE_DIR; }
fs::path example_dir() { return source_dir() / "examples" / "tianqiao-2023"; }

namespace {
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}
}  // namespace

CliResult run_cli(const std::vector<std::string>& args) {
    TempDir tmp;
    std::string cmd = shell_quote(JUESUAN_BINARY);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " >" + shell_quote((tmp / "out").string()) + " 2>" + shell_quote((tmp / "err").string());
    int status = std::system(cmd.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(tmp / "out");
    r.err = slurp(tmp / "err");
    return r;
}

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("juesuan-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

void copy_example(const fs::path& dir) { fs::copy(example_dir(), dir, fs::copy_options::recursive); }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const fs::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

Built build_books(const fs::path& dir) { return build_from_books(dir, BuildOptions{}); }

std::string AmountCell::where() const {
    return file + " 第 " + std::to_string(record + 1) + " 行 " + header + " " + text;
}

const Disclosure& seed_disclosure() {
    static const Disclosure d = build_books(example_dir()).disclosure;
    return d;
}

std::vector<AmountCell> example_amounts(const std::vector<std::string>& files) {
    std::vector<AmountCell> out;
    for (const auto& file : files) {
        CsvFile csv = read_csv_file(example_dir() / file, file);
        std::set<std::string> amount_headers;
        for (const auto& f : books_file(file).fields)
            if (f.kind == FieldKind::Amount) amount_headers.insert(f.header);
        const auto& header = csv.records.front().fields;
        for (size_t r = 1; r < csv.records.size(); ++r)
            for (size_t c = 0; c < csv.records[r].fields.size(); ++c)
                if (amount_headers.count(header[c]) && !trim(csv.records[r].fields[c]).empty())
                    out.push_back({file, header[c], csv.records[r].fields[c], r, c});
    }
    return out;
}

void example_with_cell(const fs::path& dir, const AmountCell& cell, const std::string& raw) {
    copy_example(dir);
    CsvFile csv = read_csv_file(example_dir() / cell.file, cell.file);
    std::string content;
    for (size_t i = 0; i < csv.records.size(); ++i) {
        auto fields = csv.records[i].fields;
        if (i == cell.record) fields[cell.field] = "\x01";
        std::string line = csv_line(fields);
        if (i == cell.record) line.replace(line.find('\x01'), 1, raw);
        content += line;
    }
    spit(dir / cell.file, content);
}

}  // namespace juesuan::test
