// Shared by the workbook writers: a libxlsxwriter workbook written into bytes, the same bytes
// for the same content, with Excel's rules for sheet names kept.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

namespace juesuan {

struct XlsxProperties {
    std::string title, subject, author, company, comments;
    int year = 0;  // the creation date is Dec 31 of this year (Jan 1 1980 without one): never "now"
};

// Runs `fill` on a new workbook and returns the file's bytes. libxlsxwriter 1.1.4 can only write
// to a file, so the workbook goes through a private temporary file that is removed again.
// Throws std::runtime_error (in Chinese) when the workbook cannot be written.
std::string xlsx_bytes(const XlsxProperties& props, const std::function<void(lxw_workbook*)>& fill);

// Throws std::runtime_error when a libxlsxwriter call failed; `what` says what was being written.
void xlsx_check(lxw_error e, std::string_view what);

// A valid sheet name: at most 31 characters, none of []:*?/\, not taken yet (Excel compares
// names without case); the name is added to `taken`.
std::string unique_sheet_name(std::string_view wanted, std::set<std::string>& taken);

// The width of a text in Excel's column units: a Chinese character is about two.
double text_width(std::string_view s);

}  // namespace juesuan
