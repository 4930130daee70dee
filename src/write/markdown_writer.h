// Disclosure → Markdown, laid out as the seed's Markdown (GFM tables).
#pragma once

#include <map>
#include <string>

#include "model/disclosure.h"

namespace juesuan {

std::string write_markdown(const Disclosure& d);
// The charts of 情况说明 as PNG files (fig1.png …) that the Markdown shows.
std::map<std::string, std::string> markdown_figures(const Disclosure& d);
// One table with its title, number, department and unit lines and note.
std::string write_markdown_table(const Disclosure& d, const Table& t);
// 第三部分 情况说明, 第四部分 名词解释, 第五部分 附件 (performance tables).
std::string write_markdown_part_three(const Disclosure& d);
std::string write_markdown_part_four(const Disclosure& d);
std::string write_markdown_part_five(const Disclosure& d);

}  // namespace juesuan
