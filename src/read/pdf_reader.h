// Published disclosures as PDF, read with MuPDF into a SourceDocument: the text of every page as
// visual rows (characters on one baseline, cells apart by their gaps, single spaces between),
// each with its page — the same form as a PDF's text layer, which the import understands.
// MuPDF rather than poppler: its structured text gives every character's place, and its device
// interface sees the line art (the table rulings) that the next step of reading tables uses.
#pragma once

#include <string>
#include <string_view>

#include "layout/source_document.h"

namespace juesuan {

// Throws InputError naming the file: not a PDF or damaged, encrypted, or without a text layer
// (a scan).
SourceDocument read_pdf_source(std::string_view bytes, const std::string& shown);

}  // namespace juesuan
