// Errors and warnings about input, each pointing at a file and a place in it.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace juesuan {

struct Location {
    std::string file;         // as the user named it, e.g. "examples/x/income.csv"
    int line = 0;             // 1-based; 0 when not known
    int column = 0;           // 1-based; 0 when not known
    std::string column_name;  // the header of that column, when there is one
    std::string key;          // a TOML key path, when that is the place
    std::string sheet;        // a workbook sheet: line and column are then its row and column ("收入!C12")
    int page = 0;             // a page of a PDF, 1-based; 0 when not known
    int paragraph = 0;        // a paragraph of a Word document, 1-based; 0 when not known
    bool operator==(const Location&) const = default;
};

// A cell as Excel names it: row 12, column 3 → "C12" (both 1-based).
std::string cell_name(int row, int column);

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    Location where;
    std::string message;  // Chinese, says what was found and what was expected
    int omitted = 0;      // > 0: the line that stands for this many diagnostics of where.file not kept
};

// "income.csv 第 5 行第 3 列（一般公共预算财政拨款收入）"; in a workbook "books.xlsx 收入!C5（…）"
std::string describe(const Location& where);
// "错误：income.csv 第 5 行第 3 列（…）：金额“12..5”无法识别…"
std::string format_diagnostic(const Diagnostic& d);

// A file of a million bad rows must not print a million lines: Diagnostics keeps this many per
// file, counts the rest, and sorted() ends each such file with "……另有 N 处问题未列出".
inline constexpr int kMaxDiagnosticsPerFile = 200;

class Diagnostics {
public:
    void error(Location where, std::string message);
    void warning(Location where, std::string message);
    void add(Diagnostic d);
    void merge(const Diagnostics& other);
    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }  // kept and omitted
    // The diagnostics kept (at most kMaxDiagnosticsPerFile per file).
    const std::vector<Diagnostic>& all() const { return items_; }
    // How many of a file's diagnostics were counted but not kept.
    int omitted(const std::string& file) const;
    // By file, then line and column, keeping the order of equal places: how a reader wants them;
    // a file with omitted diagnostics ends with one line saying how many.
    std::vector<Diagnostic> sorted() const;

private:
    int kept_errors() const;
    std::vector<Diagnostic> items_;
    int errors_ = 0;
    std::map<std::string, int> kept_;     // file → diagnostics kept
    std::map<std::string, int> omitted_;  // file → diagnostics counted, not kept
};

// Thrown when input cannot be used; carries every diagnostic found so far.
class InputError : public std::runtime_error {
public:
    explicit InputError(Diagnostics d);
    InputError(Location where, std::string message);
    const Diagnostics& diagnostics() const { return diags_; }

private:
    Diagnostics diags_;
};

}  // namespace juesuan
