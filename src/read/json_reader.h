// Reads disclosure.json (docs/json.md) back into a Disclosure.
#pragma once

#include <filesystem>
#include <string>

#include "model/disclosure.h"

namespace juesuan {

// Throws InputError naming the file and the JSON path of the first problem
// ("tables[2].rows[5].values.basic 应为整数（分）或 null").
Disclosure parse_disclosure_json(const std::string& text, const std::string& shown_name);
Disclosure read_disclosure_json(const std::filesystem::path& path);

}  // namespace juesuan
