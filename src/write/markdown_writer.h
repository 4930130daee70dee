// Disclosure → Markdown, laid out as the seed's Markdown (GFM tables).
#pragma once

#include <string>

#include "model/disclosure.h"

namespace juesuan {

std::string write_markdown(const Disclosure& d);
// One table with its title, number, department and unit lines and note.
std::string write_markdown_table(const Disclosure& d, const Table& t);
// The printed grid of a table: header rows, then body rows, as cell text.
std::vector<std::vector<std::string>> table_grid(const Table& t);

}  // namespace juesuan
