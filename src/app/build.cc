#include "app/build.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"
#include "derive/narrative.h"
#include "derive/subjects.h"
#include "read/narrative_reader.h"
#include "derive/tables.h"
#include "read/books_reader.h"
#include "read/template_reader.h"
#include "write/html_writer.h"
#include "write/json_writer.h"
#include "write/pdf_writer.h"
#include "write/xlsx_writer.h"
#include "write/markdown_writer.h"

namespace juesuan {

namespace fs = std::filesystem;

Built build_from_books(const fs::path& books, const BuildOptions& opts) {
    Built b;
    // The books are a folder, or the same books as one workbook whose optional sheets carry the supplements.
    BooksSupplements extra;
    const bool workbook = is_books_workbook(books);
    b.facts = workbook ? read_books_workbook(books, b.warnings, &extra) : read_books_folder(books, b.warnings);
    std::vector<fs::path> catalogs = opts.catalogs;
    // A books folder may carry its own supplement to the catalog.
    std::error_code ec;
    if (fs::exists(books / "catalog.csv", ec)) catalogs.insert(catalogs.begin(), books / "catalog.csv");
    b.catalogs = workbook ? load_workbook_catalogs(extra, opts.catalogs) : load_catalogs(catalogs);
    std::string tpl_id = opts.template_override.empty() ? b.facts.department.template_id : opts.template_override;
    b.tpl = load_template(tpl_id);
    Diagnostics diags;
    SubjectNames names = resolve_subjects(b.facts, b.catalogs, diags);
    check_template_classes(b.facts, b.tpl, diags);
    if (diags.has_errors()) {
        Diagnostics all = b.warnings;
        all.merge(diags);
        throw InputError(std::move(all));
    }
    b.warnings.merge(diags);
    try {
        b.disclosure = derive_disclosure(b.facts, b.tpl, names);
    } catch (const TemplateError& e) {
        throw InputError(Location{b.tpl.origin}, e.what());
    }
    NarrativeTemplate nt = load_narrative_template(b.tpl.id);
    if (nt.sections.empty())
        b.warnings.warning(Location{b.tpl.origin}, fmt::format("模板 {} 没有情况说明的句式（data/narrative/{}.toml）：未生成第三、四部分",
                                                               b.tpl.id, b.tpl.id));
    try {
        SubjectDefinitions defs = load_subject_definitions();
        if (fs::exists(books / "glossary.csv", ec)) add_subject_definitions(books / "glossary.csv", defs);
        for (const auto& [code, text] : extra.glossary) defs.by_code[code] = text;
        b.disclosure.narrative = derive_narrative(b.disclosure, b.facts, nt, defs, b.warnings);
    } catch (const InputError&) {
        throw;  // already names its place (an amount past the bound, a glossary file)
    } catch (const std::runtime_error& e) {
        throw InputError(Location{nt.origin}, e.what());
    }
    const std::map<std::string, std::string, std::less<>> vars = {{"department", b.facts.department.name},
                                                                  {"short_name", b.facts.department.short_name},
                                                                  {"year", std::to_string(b.facts.department.year)}};
    for (const auto& [k, v] : nt.texts) b.disclosure.texts[k] = fill_placeholders(v, vars);
    return b;
}

const std::vector<std::string>& known_formats() {
    static const std::vector<std::string> f = {"md", "json", "html", "pdf", "xlsx"};
    return f;
}

std::set<std::string> output_file_names() {
    std::set<std::string> names;
    for (const auto& f : known_formats()) names.insert("disclosure." + f);
    for (int i = 1; i <= 99; ++i) names.insert(fmt::format("fig{}.png", i));  // the Markdown's charts
    return names;
}

std::map<std::string, std::string> render_outputs(const Built& b, const std::vector<std::string>& formats) {
    std::map<std::string, std::string> files;
    for (const auto& f : formats) {
        if (f == "md") {
            files["disclosure.md"] = write_markdown(b.disclosure);
            files.merge(markdown_figures(b.disclosure));
        }
        else if (f == "json")
            files["disclosure.json"] = write_json(b.disclosure);
        else if (f == "html")
            files["disclosure.html"] = write_html(b.disclosure);
        else if (f == "pdf")
            files["disclosure.pdf"] = write_pdf(b.disclosure);
        else if (f == "xlsx")
            files["disclosure.xlsx"] = write_disclosure_xlsx(b.disclosure);
        else
            throw InputError(Location{}, fmt::format("未知的输出格式“{}”：可用 {}", f, fmt::join(known_formats(), "、")));
    }
    return files;
}

}  // namespace juesuan
