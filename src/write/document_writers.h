// The writers of a Disclosure, by output format: each renders the files it produces from the
// Disclosure alone.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/disclosure.h"

namespace juesuan {

struct DocumentWriter {
    std::string_view format;       // "md", as given to --format
    std::string_view description;  // Chinese, for help
    std::map<std::string, std::string> (*render)(const Disclosure& d);  // file name → content
};

const std::vector<DocumentWriter>& document_writers();
const DocumentWriter* find_document_writer(std::string_view format);
// The formats in the writers' order.
std::vector<std::string> writer_formats();

// The files of the given formats; throws InputError for an unknown format.
std::map<std::string, std::string> render_formats(const Disclosure& d, const std::vector<std::string>& formats);

// Every file name a writer may produce: an output directory holding only these may be replaced.
std::set<std::string> output_file_names();

}  // namespace juesuan
