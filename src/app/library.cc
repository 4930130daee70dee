#include "app/library.h"

#include <algorithm>

#include "derive/narrative.h"
#include "read/narrative_reader.h"
#include "read/rules_reader.h"
#include "read/template_reader.h"

namespace juesuan {

Library::Library(const LibraryOptions& opts) {
    rules_ = load_rules(opts.rules);
    shipped_catalogs_ = load_catalogs({});
    for (const auto& p : opts.catalogs) extra_catalogs_.push_back(read_csv_file(p, p.string()));
    catalogs_ = catalogs_with(nullptr);
    definitions_ = load_subject_definitions();
}

Library::~Library() = default;

const Library& Library::shipped() {
    static const Library lib;
    return lib;
}

Catalogs Library::catalogs_with(const CsvFile* own) const {
    Catalogs into = shipped_catalogs_;
    if (own) {
        try {
            parse_catalog_rows(*own, &into.functional, &into.economic);
        } catch (const InputError& e) {
            // The catalog parser names a file and line; in a workbook that place is a cell of the sheet.
            Diagnostics placed;
            for (auto d : e.diagnostics().all()) {
                if (d.where.file == own->name && d.where.sheet.empty()) d.where.sheet = own->sheet;
                placed.add(std::move(d));
            }
            throw InputError(std::move(placed));
        }
    }
    for (const auto& c : extra_catalogs_) parse_catalog_rows(c, &into.functional, &into.economic);
    return into;
}

const Template& Library::template_for(const std::string& id_or_path) const {
    std::lock_guard lock(mutex_);
    auto& slot = templates_[id_or_path];
    if (!slot) slot = std::make_unique<Template>(load_template(id_or_path));
    return *slot;
}

std::vector<const Template*> Library::layouts() const {
    std::vector<const Template*> out;
    auto ids = shipped_template_ids();
    std::sort(ids.begin(), ids.end());
    for (const auto& id : ids) out.push_back(&template_for(id));
    return out;
}

const NarrativeTemplate& Library::narrative_for(const std::string& template_id) const {
    std::lock_guard lock(mutex_);
    auto& slot = narratives_[template_id];
    if (!slot) {
        auto nt = std::make_unique<NarrativeTemplate>(load_narrative_template(template_id));
        validate_narrative_template(*nt);  // an unknown placeholder is refused here, not mid-build
        slot = std::move(nt);
    }
    return *slot;
}

}  // namespace juesuan
