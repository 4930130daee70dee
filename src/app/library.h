// The shipped and added data a job needs — templates, narrative templates, subject definitions,
// rules and catalogs — loaded once and shared by every job (the command line holds one for a
// run, a server for its lifetime). Templates are read on first use and kept.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "check/rule.h"
#include "core/catalog.h"
#include "model/narrative_template.h"
#include "model/template.h"
#include "read/csv_file.h"

namespace juesuan {

struct LibraryOptions {
    std::vector<std::filesystem::path> rules;     // --rules files, after the shipped ones
    std::vector<std::filesystem::path> catalogs;  // --catalog files, after the shipped and the books' own
};

class Library {
public:
    // Throws InputError naming the file when a rule or catalog file cannot be read.
    explicit Library(const LibraryOptions& opts = {});
    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    // The shipped data with no additions, loaded on first use.
    static const Library& shipped();

    const std::vector<RuleSet>& rules() const { return rules_; }
    // Shipped catalogs followed by the --catalog files.
    const Catalogs& catalogs() const { return catalogs_; }
    // The shipped catalogs, then `own` (a books folder's or workbook's catalog rows), then the
    // --catalog files: the added files have the last word.
    Catalogs catalogs_with(const CsvFile* own) const;
    // A template by id or file path; throws InputError as load_template does.
    const Template& template_for(const std::string& id_or_path) const;
    // Every shipped template, sorted by id: the layouts a published document is recognised by.
    std::vector<const Template*> layouts() const;
    // The narrative template shipped for a template id (empty when none ships).
    const NarrativeTemplate& narrative_for(const std::string& template_id) const;
    const SubjectDefinitions& definitions() const { return definitions_; }

private:
    std::vector<RuleSet> rules_;
    Catalogs shipped_catalogs_, catalogs_;
    std::vector<CsvFile> extra_catalogs_;
    SubjectDefinitions definitions_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Template>> templates_;
    mutable std::map<std::string, std::unique_ptr<NarrativeTemplate>> narratives_;
};

}  // namespace juesuan
