#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "core/text.h"
#include "derive/narrative.h"
#include "derive/subjects.h"
#include "derive/tables.h"
#include "layout/printed_table.h"
#include "read/books_reader.h"
#include "read/document_readers.h"
#include "read/narrative_reader.h"
#include "read/rules_reader.h"
#include "read/template_reader.h"
#include "write/document_writers.h"

namespace juesuan {

namespace fs = std::filesystem;

Built build_from_books(const fs::path& books, const BuildOptions& opts, const Library& lib) {
    Built b;
    // The books are a folder, or the same books as one workbook whose optional sheets carry the supplements.
    BooksSupplements extra;
    const bool workbook = is_books_workbook(books);
    b.facts = workbook ? read_books_workbook(books, b.warnings, &extra) : read_books_folder(books, b.warnings);
    // A books folder may carry its own supplement to the catalog, a workbook its 科目补充 sheet.
    std::error_code ec;
    std::optional<CsvFile> own_catalog = std::move(extra.catalog);
    if (!workbook && fs::exists(books / "catalog.csv", ec))
        own_catalog = read_csv_file(books / "catalog.csv", (books / "catalog.csv").string());
    b.catalogs = lib.catalogs_with(own_catalog ? &*own_catalog : nullptr);
    std::string tpl_id = opts.template_override.empty() ? b.facts.department.template_id : opts.template_override;
    b.tpl = lib.template_for(tpl_id);
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
    const NarrativeTemplate& nt = lib.narrative_for(b.tpl.id);
    if (nt.sections.empty())
        b.warnings.warning(Location{b.tpl.origin}, fmt::format("模板 {} 没有情况说明的句式（data/narrative/{}.toml）：未生成第三、四部分",
                                                               b.tpl.id, b.tpl.id));
    try {
        SubjectDefinitions defs = lib.definitions();
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

bool is_books(const fs::path& input) {
    std::error_code ec;
    // A missing path without an extension was meant as a books folder; its reader says so.
    if (!fs::exists(input, ec) && input.extension().empty()) return true;
    return fs::is_directory(input, ec) || is_books_workbook(input);
}

void use_template_scoring(Disclosure& d, const Library& lib, const std::string& template_override) {
    const std::string& tpl = template_override.empty() ? d.template_id : template_override;
    if (!template_override.empty() || (!tpl.empty() && shipped_data("templates/" + tpl + ".toml")))
        d.performance.method = lib.template_for(tpl).scoring;
}

ImportContext import_context(const Library& lib, const std::string& template_override) {
    ImportContext ctx;
    if (!template_override.empty()) ctx.forced = &lib.template_for(template_override);
    else ctx.templates = lib.layouts();
    ctx.narrative_for = [&lib](const std::string& id) { return &lib.narrative_for(id); };
    ctx.rules = &lib.rules();
    return ctx;
}

Job import_document_file(const fs::path& input, const Library& lib, const BuildOptions& opts) {
    std::error_code ec;
    if (!fs::exists(input, ec)) throw InputError(Location{input.string()}, "输入文件不存在");
    if (fs::is_directory(input, ec)) throw InputError(Location{input.string()}, "这是一个目录，应为公开文件");
    const DocumentReader* reader = find_document_reader(input);
    if (!reader)
        throw InputError(Location{input.string()},
                         "无法识别的输入：应为账簿目录、账簿工作簿（.xlsx）、disclosure.json 或公开文件（.pdf、.html、.txt、.md）");
    Job job;
    job.source = Job::Source::Document;
    job.reader = reader->name;
    job.disclosure = reader->read(input, import_context(lib, opts.template_override), job.warnings);
    return job;
}

Job import_document_parts(const std::vector<fs::path>& parts, const Library& lib, const BuildOptions& opts) {
    if (parts.size() == 1) return import_document_file(parts.front(), lib, opts);
    Job job;
    job.source = Job::Source::Document;
    const SourceDocument doc = read_parts(parts, job.reader);
    job.disclosure = import_document(doc, import_context(lib, opts.template_override), job.reader, job.warnings);
    return job;
}

namespace {

void check_job(Job& job, const Library& lib, const Catalogs& catalogs) {
    job.result = run_checks(job.disclosure, lib.rules(), &catalogs);
    place_findings(job.disclosure, job.result);
    job.rules_version = rules_version(lib.rules());
}

}  // namespace

Job check_document_parts(const std::vector<fs::path>& parts, const Library& lib, const BuildOptions& opts) {
    Job job = import_document_parts(parts, lib, opts);
    use_template_scoring(job.disclosure, lib, opts.template_override);
    check_job(job, lib, lib.catalogs());
    return job;
}

Job build_and_check(const fs::path& input, const Library& lib, const BuildOptions& opts) {
    if (!is_books(input)) return check_document_parts({input}, lib, opts);
    Job job;
    Built built = build_from_books(input, opts, lib);
    job.source = Job::Source::Books;
    std::error_code ec;
    job.reader = fs::is_directory(input, ec) ? "books" : "workbook";  // the books read: a folder or a workbook
    job.disclosure = std::move(built.disclosure);
    job.warnings = std::move(built.warnings);
    check_job(job, lib, built.catalogs);
    return job;
}

std::vector<DocumentJob> check_documents(const std::vector<std::vector<fs::path>>& inputs, const Library& lib,
                                         const BuildOptions& opts, const std::function<void(size_t, size_t)>& progress) {
    std::vector<DocumentJob> out(inputs.size());
    std::atomic<size_t> next{0}, finished{0};
    std::mutex m;
    std::condition_variable cv;
    auto work = [&] {
        for (size_t i = next++; i < inputs.size(); i = next++) {
            out[i].parts = inputs[i];
            try {
                out[i].job = inputs[i].size() == 1 ? build_and_check(inputs[i].front(), lib, opts)
                                                   : check_document_parts(inputs[i], lib, opts);
            } catch (const InputError& e) {
                out[i].failure = e.diagnostics();
            } catch (const std::exception& e) {
                out[i].failure.error(Location{inputs[i].front().string()}, e.what());
            }
            {
                std::lock_guard lock(m);
                ++finished;
            }
            cv.notify_one();
        }
    };
    const size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, std::max<size_t>(1, inputs.size()));
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    // The calling thread reports progress while the workers read.
    for (size_t shown = 0; shown < inputs.size();) {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return finished > shown; });
        shown = finished;
        lock.unlock();
        if (progress) progress(shown, inputs.size());
    }
    for (auto& t : pool) t.join();
    return out;
}

void place_findings(const Disclosure& d, CheckResult& r) {
    const auto& places = d.source.places;
    if (places.empty()) return;
    for (auto& f : r.findings) {
        auto& l = f.location;
        std::optional<SourcePlace> at;
        if (const Table* t = d.table(l.table)) {
            const Row* row = finding_row(*t, l);
            auto it = places.find(row ? row_anchor(*t, *row) : "t" + t->id);
            if (it != places.end()) at = it->second;
        } else if (!l.section.empty()) {
            if (auto it = places.find("s" + l.section); it != places.end()) at = it->second;
            // The paragraph the quoted sentence stands in, when the import kept its place.
            if (const Section* s = d.narrative.section(l.section); s && !l.quote.empty()) {
                const std::string head = l.quote.substr(0, std::min<size_t>(l.quote.size(), 60));
                for (size_t i = 0; i < s->paragraphs.size(); ++i)
                    if (s->paragraphs[i].text().find(head) != std::string::npos) {
                        if (auto it = places.find(fmt::format("s{}.{}", l.section, i)); it != places.end()) at = it->second;
                        break;
                    }
            }
        }
        if (at) place_finding_at(l, *at);
    }
}

CheckResult without_notes(const CheckResult& r) {
    CheckResult out = r;
    std::erase_if(out.findings, [](const Finding& f) { return f.severity == FindingSeverity::Info; });
    return out;
}

Rendered render_job(const Job& job, const std::vector<std::string>& formats, bool strict) {
    Rendered out;
    if (strict && job.errors() > 0) {
        out.refused = true;
        return out;
    }
    out.files = render_formats(job.disclosure, formats);
    return out;
}

}  // namespace juesuan
