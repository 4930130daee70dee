// Disclosure → PDF, native through cairo and pango with the Noto CJK fonts: A4, cover and table
// of contents, the five parts in order, ruled tables with merged headers that repeat on every
// page they continue to (续表), charts as vector graphics, page numbers and bookmarks. The same
// input gives the same bytes: the dates in the file come from the year of the accounts.
#pragma once

#include <string>

#include "model/disclosure.h"

namespace juesuan {

std::string write_pdf(const Disclosure& d);

}  // namespace juesuan
