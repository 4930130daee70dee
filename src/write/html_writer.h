// Disclosure → one self-contained HTML5 page: inline CSS and SVG charts, no network, readable
// on a phone and printable, with an anchor on every table, cell, section and claim (docs/publishing.md, 锚点).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/disclosure.h"

namespace juesuan {

// Findings marked on the page (`audit --format html`): a numbered mark on each cell, row, table,
// heading or paragraph a finding is about, linking to its entry in a list above the contents,
// which links back.
struct HtmlMark {
    std::string id;        // of its entry in the list: "f-3"
    std::string severity;  // error, warning, info
    std::string title;     // shown on hover: rule and message
};
struct HtmlMarks {
    std::map<std::string, std::vector<HtmlMark>> at;          // cell, row, table or heading anchor → its findings
    std::vector<std::pair<std::string, HtmlMark>> quotes;     // the start of a quoted sentence → its finding
    std::string panel;                                        // the list, HTML, before the contents
};

std::string write_html(const Disclosure& d);
std::string write_html(const Disclosure& d, const HtmlMarks& marks);

// Text as HTML element content or a quoted attribute value (& < > ").
std::string html_escape(const std::string& s);

}  // namespace juesuan
