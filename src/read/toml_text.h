// Parsing TOML text (books, templates, rules, narrative templates) with one error message:
// the file, line and column, and what to look at.
#pragma once

#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace juesuan {

// Parses `text` (a UTF-8 BOM is ignored); throws InputError naming `shown` and the place.
toml::table parse_toml(std::string_view text, const std::string& shown);

}  // namespace juesuan
