// The build job: books → Disclosure → output files. Shared by the command line
// and (later) the server.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "model/disclosure.h"
#include "model/facts.h"
#include "model/template.h"

namespace juesuan {

struct BuildOptions {
    std::string template_override;                 // id or file; default: department.toml's template
    std::vector<std::filesystem::path> catalogs;   // --catalog files
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
Built build_from_books(const std::filesystem::path& books, const BuildOptions& opts);

// The output files for the requested formats ("md", "json").
std::map<std::string, std::string> render_outputs(const Built& b, const std::vector<std::string>& formats);

const std::vector<std::string>& known_formats();
// Every file name `build` may write: an output directory holding only these may be replaced.
std::set<std::string> output_file_names();

}  // namespace juesuan
