// Reads a publication template (TOML, docs/templates.md) and the classification
// catalog (CSV, docs/catalog.md). Shipped data is built into the binary; a
// directory given with --data-dir or JUESUAN_DATA_DIR replaces it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/catalog.h"
#include "model/template.h"

namespace juesuan {

// Parses template text; throws InputError naming the file and key.
Template parse_template(const std::string& text, const std::string& shown_name);

// Parses a forms file (data/forms/*.toml: part five's forms); throws InputError naming the place.
std::vector<Form> parse_forms(const std::string& text, const std::string& shown_name);

// Finds a template by id ("jinan-2023") among the shipped ones, or reads a file path.
Template load_template(const std::string& id_or_path);

// Parses catalog CSV text into `into` (later entries override); throws InputError.
void parse_catalog(const std::string& text, const std::string& shown_name, Catalog& into);

// Parses catalog rows into one catalog, or routes them by code into both
// (3xx codes are economic, 2xx functional) when both are given.
struct CsvFile;
void parse_catalog_rows(const CsvFile& csv, Catalog* functional, Catalog* economic);

// The shipped catalogs, then each extra functional catalog file (--catalog).
Catalogs load_catalogs(const std::vector<std::filesystem::path>& extra);

// Shipped data file by relative path ("templates/jinan-2023.toml"): from the data
// directory override if set, else from the copy built into the program.
std::optional<std::string> shipped_data(const std::string& relative);
void set_data_dir(std::filesystem::path dir);
std::vector<std::string> shipped_template_ids();
// Relative paths of the shipped files under a data subdirectory with an extension.
std::vector<std::string> shipped_files(const std::string& subdir, const std::string& ext);

}  // namespace juesuan
