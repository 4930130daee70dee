// The readers of a whole disclosure into the one Disclosure model, chosen by what a file holds
// (its first bytes) and then by its extension. Published PDF, HTML and text documents join here.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "model/disclosure.h"
#include "read/document_import.h"

namespace juesuan {

struct DocumentReader {
    std::string_view name;                     // "json", "text"
    std::string_view description;              // Chinese, for messages and help
    std::vector<std::string_view> extensions;  // ".json"
    bool (*sniff)(std::string_view head);      // whether the file's first bytes are this format
    // Throws InputError naming the place; what was guessed goes to `warnings`. A published
    // document is read by the layouts of `ctx`; a disclosure.json needs none.
    Disclosure (*read)(const std::filesystem::path& file, const ImportContext& ctx, Diagnostics& warnings);
    // A published format's reader of the file's bytes into lines and grids (nullptr for disclosure.json),
    // so that a document published as several files (narrative PDF + tables PDF) reads as one.
    SourceDocument (*source)(std::string_view bytes, const std::string& shown) = nullptr;
};

const std::vector<DocumentReader>& document_readers();

// The reader for a file: the first whose sniff accepts the file's head, else by extension;
// nullptr when none claims it.
const DocumentReader* find_document_reader(const std::filesystem::path& file);

// Several files of one published document read as one, in the order given: each item keeps its
// file in its place. Throws InputError naming a file no published-format reader takes.
SourceDocument read_parts(const std::vector<std::filesystem::path>& files, std::string& readers);

}  // namespace juesuan
