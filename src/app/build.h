// The jobs of juesuan, shared by the command line and (later) the server: books or a stored
// document → Disclosure → checks → output files.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include "app/library.h"
#include "check/engine.h"
#include "core/catalog.h"
#include "core/diagnostics.h"
#include "model/disclosure.h"
#include "model/facts.h"
#include "model/template.h"
#include "read/document_import.h"

namespace juesuan {

struct BuildOptions {
    std::string template_override;  // id or file; default: the books' (department.toml) or the document's
};

struct Built {
    Facts facts;
    Template tpl;
    Catalogs catalogs;
    Disclosure disclosure;
    Diagnostics warnings;
};

// Reads and derives; throws InputError (with every problem found) when the books
// cannot be built.
Built build_from_books(const std::filesystem::path& books, const BuildOptions& opts = {},
                       const Library& lib = Library::shipped());

// What a build or check produced: the Disclosure (from books or read from a document), the
// warnings met on the way and the findings of the rules.
struct Job {
    enum class Source { Books, Document };
    Source source = Source::Books;
    std::string reader;  // "books", "workbook", or the document reader's name ("json")
    Disclosure disclosure;
    Diagnostics warnings;
    CheckResult result;
    std::string rules_version;
    int errors() const { return result.count(FindingSeverity::Error); }
};

// Whether a path is books (a folder, or a books workbook) rather than a document.
bool is_books(const std::filesystem::path& input);

// A document's scores are checked by its template's method (the override's, or the shipped
// template it names), not by whatever method the file states.
void use_template_scoring(Disclosure& d, const Library& lib, const std::string& template_override = {});

// What reading a published document needs from the library: its layouts (or the one forced),
// the narrative templates' headings and the rules that place amounts printed without their blank
// cells. The library must outlive it.
ImportContext import_context(const Library& lib, const std::string& template_override = {});

// Reads a document (disclosure.json or a published disclosure) by the reader that claims it;
// no checks. Throws InputError when no reader claims it or it cannot be read.
Job import_document_file(const std::filesystem::path& input, const Library& lib, const BuildOptions& opts = {});

// A document published as several files (narrative PDF + tables PDF …) read as one, the files
// in the order given; one file is read as import_document_file reads it.
Job import_document_parts(const std::vector<std::filesystem::path>& parts, const Library& lib, const BuildOptions& opts = {});
// The same, then checked with the library's rules.
Job check_document_parts(const std::vector<std::filesystem::path>& parts, const Library& lib, const BuildOptions& opts = {});

// Builds books or reads a document (any registered reader), then checks it with the library's
// rules. Throws InputError when the input cannot be read.
Job build_and_check(const std::filesystem::path& input, const Library& lib, const BuildOptions& opts = {});

// One document of many: its job, or the problems that kept it from being read.
struct DocumentJob {
    std::vector<std::filesystem::path> parts;  // one file, or the files of one document
    std::optional<Job> job;
    Diagnostics failure;  // when it could not be read
};

// Reads and checks documents on all cores (each as build_and_check does), in the order given;
// `done` is called after each, from the calling thread, with the number finished so far.
std::vector<DocumentJob> check_documents(const std::vector<std::vector<std::filesystem::path>>& documents, const Library& lib,
                                         const BuildOptions& opts = {},
                                         const std::function<void(size_t done, size_t total)>& progress = {});

// Findings on an imported document get the page and line where it printed what they are about.
void place_findings(const Disclosure& d, CheckResult& r);

// The findings that need fixing: errors and warnings, without the notes (提示).
CheckResult without_notes(const CheckResult& r);

struct Rendered {
    std::map<std::string, std::string> files;  // file name → content
    bool refused = false;                      // strict, and the checks found errors: nothing to write
};
// The files of the given formats (md, json, html, pdf, xlsx); none when `strict` and the job has errors.
Rendered render_job(const Job& job, const std::vector<std::string>& formats, bool strict);

}  // namespace juesuan
