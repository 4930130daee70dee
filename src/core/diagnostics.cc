#include "core/diagnostics.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace juesuan {

std::string cell_name(int row, int column) {
    std::string letters;
    for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::string describe(const Location& w) {
    std::string s = w.file;
    if (w.page > 0) s += fmt::format(" 第 {} 页", w.page);
    if (w.paragraph > 0) s += fmt::format(" 第 {} 段", w.paragraph);
    if (!w.sheet.empty()) {
        // Excel's own way of naming a place, which the officer can type into the name box.
        if (w.line > 0 && w.column > 0)
            s += " " + w.sheet + "!" + cell_name(w.line, w.column);
        else if (w.line > 0)
            s += fmt::format(" 工作表“{}”第 {} 行", w.sheet, w.line);
        else
            s += fmt::format(" 工作表“{}”", w.sheet);
    } else if (w.line > 0) {
        s += fmt::format(" 第 {} 行", w.line);
        if (w.column > 0) s += fmt::format("第 {} 列", w.column);
    }
    if (!w.column_name.empty()) s += fmt::format("（{}）", w.column_name);
    if (!w.key.empty()) s += fmt::format(" [{}]", w.key);
    return s;
}

std::string format_diagnostic(const Diagnostic& d) {
    if (d.omitted > 0)
        return d.where.file.empty() ? fmt::format("……另有 {} 处问题未列出", d.omitted)
                                    : fmt::format("{}：……另有 {} 处问题未列出", d.where.file, d.omitted);
    std::string place = describe(d.where);
    return fmt::format("{}：{}{}{}", d.severity == Severity::Error ? "错误" : "警告", place,
                       place.empty() ? "" : "：", d.message);
}

void Diagnostics::error(Location where, std::string message) {
    add({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(Location where, std::string message) {
    add({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
    if (d.omitted > 0) {  // a summary line of another Diagnostics: its count, not the line
        omitted_[d.where.file] += d.omitted;
        return;
    }
    if (d.severity == Severity::Error) ++errors_;
    if (++kept_[d.where.file] > kMaxDiagnosticsPerFile) {
        ++omitted_[d.where.file];
        return;
    }
    items_.push_back(std::move(d));
}

int Diagnostics::kept_errors() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::omitted(const std::string& file) const {
    auto it = omitted_.find(file);
    return it == omitted_.end() ? 0 : it->second;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.sheet, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.sheet, b.where.line, b.where.column);
    });
    // Each file's count of omitted diagnostics after the last one kept of that file.
    for (const auto& [file, n] : omitted_) {
        auto last = std::find_if(out.rbegin(), out.rend(), [&file = file](const Diagnostic& d) { return d.where.file == file; });
        Diagnostic summary{Severity::Error, Location{file}, {}, n};
        out.insert(last.base(), std::move(summary));
    }
    return out;
}

void Diagnostics::merge(const Diagnostics& other) {
    for (const auto& d : other.all()) add(d);
    // The other's omitted diagnostics stay omitted, and count.
    for (const auto& [file, n] : other.omitted_) {
        omitted_[file] += n;
        kept_[file] += n;
    }
    errors_ += other.errors_ - other.kept_errors();
}

namespace {
std::string first_error(const Diagnostics& d) {
    for (const auto& x : d.all())
        if (x.severity == Severity::Error) return format_diagnostic(x);
    return "输入有误";
}
Diagnostics single(Location where, std::string message) {
    Diagnostics d;
    d.error(std::move(where), std::move(message));
    return d;
}
}  // namespace

InputError::InputError(Diagnostics d) : std::runtime_error(first_error(d)), diags_(std::move(d)) {}

InputError::InputError(Location where, std::string message)
    : InputError(single(std::move(where), std::move(message))) {}

}  // namespace juesuan
