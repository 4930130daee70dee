// Disclosure → one self-contained HTML5 page: inline CSS and SVG charts, no network, readable
// on a phone and printable, with an anchor on every table, cell, section and claim (docs/publishing.md, 锚点).
#pragma once

#include <string>

#include "model/disclosure.h"

namespace juesuan {

std::string write_html(const Disclosure& d);

}  // namespace juesuan
