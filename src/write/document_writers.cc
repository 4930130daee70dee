#include "write/document_writers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diagnostics.h"
#include "write/html_writer.h"
#include "write/json_writer.h"
#include "write/markdown_writer.h"
#include "write/pdf_writer.h"
#include "write/xlsx_writer.h"

namespace juesuan {

namespace {

template <std::string (*Write)(const Disclosure&)>
std::map<std::string, std::string> one_file(std::string_view name, const Disclosure& d) {
    return {{std::string(name), Write(d)}};
}

std::map<std::string, std::string> markdown_files(const Disclosure& d) {
    auto files = markdown_figures(d);  // the charts, as fig1.png …
    files["disclosure.md"] = write_markdown(d);
    return files;
}

}  // namespace

const std::vector<DocumentWriter>& document_writers() {
    static const std::vector<DocumentWriter> writers = {
        {"md", "Markdown（附图 figN.png）", markdown_files},
        {"json", "disclosure.json（模型，可读回）", [](const Disclosure& d) { return one_file<write_json>("disclosure.json", d); }},
        {"html", "自含的 HTML", [](const Disclosure& d) { return one_file<write_html>("disclosure.html", d); }},
        {"pdf", "可发布的 PDF", [](const Disclosure& d) { return one_file<write_pdf>("disclosure.pdf", d); }},
        {"xlsx", "Excel 工作簿（合计为公式）",
         [](const Disclosure& d) { return one_file<write_disclosure_xlsx>("disclosure.xlsx", d); }},
    };
    return writers;
}

const DocumentWriter* find_document_writer(std::string_view format) {
    for (const auto& w : document_writers())
        if (w.format == format) return &w;
    return nullptr;
}

std::vector<std::string> writer_formats() {
    std::vector<std::string> out;
    for (const auto& w : document_writers()) out.emplace_back(w.format);
    return out;
}

std::map<std::string, std::string> render_formats(const Disclosure& d, const std::vector<std::string>& formats) {
    std::map<std::string, std::string> files;
    for (const auto& f : formats) {
        const DocumentWriter* w = find_document_writer(f);
        if (!w) throw InputError(Location{"--format"}, fmt::format("未知的输出格式“{}”：可用 {}", f, fmt::join(writer_formats(), "、")));
        files.merge(w->render(d));
    }
    return files;
}

std::set<std::string> output_file_names() {
    std::set<std::string> names;
    for (const auto& w : document_writers()) names.insert(fmt::format("disclosure.{}", w.format));
    for (int i = 1; i <= 99; ++i) names.insert(fmt::format("fig{}.png", i));  // the Markdown's charts
    return names;
}

}  // namespace juesuan
