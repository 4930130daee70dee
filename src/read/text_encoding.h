// Every text the readers take in must be UTF-8. Files saved by Excel or Notepad on Chinese
// Windows are often GBK or UTF-16: those are named, so the officer knows how to save the file
// again; any other bad byte is named by line and column. Also the size limits of the readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace juesuan {

// The limits every reader holds to, so that memory stays proportional to the input and one
// bad file cannot print or hold millions of lines.
inline constexpr std::size_t kMaxInputFileBytes = 64u * 1024 * 1024;  // a books file, a workbook, a JSON file
inline constexpr std::size_t kMaxFieldBytes = 4096;                   // a cell or a TOML string
inline constexpr std::size_t kMaxLongTextBytes = 64u * 1024;          // a narrative text (说明、绩效目标 …)
inline constexpr int kMaxNestingDepth = 256;                          // JSON arrays and objects in one another
inline constexpr std::size_t kMaxCsvRecords = 100'000;  // rows of one CSV file: books have hundreds, catalogs thousands

// Offset of the first byte that does not belong to a well-formed UTF-8 character (overlong forms,
// surrogates and code points past U+10FFFF included); npos when all is well formed.
std::size_t invalid_utf8_offset(std::string_view s);

// The 1-based line and column (in characters) of a byte offset, as an editor shows them.
struct TextPlace {
    int line = 1;
    int column = 1;
};
TextPlace place_of(std::string_view text, std::size_t offset);

// The text without its UTF-8 BOM, when it has one.
std::string_view strip_utf8_bom(std::string_view text);

// "文件是 UTF-16 编码…" for a UTF-16 BOM, or the NUL bytes UTF-16 text without one carries; empty
// otherwise.
std::string utf16_problem(std::string_view bytes);

// The text after its BOM; throws InputError naming `shown` (and the line and column of a bad byte)
// unless it is UTF-8: GBK/GB18030 and UTF-16 are named as such.
std::string_view require_utf8(std::string_view text, const std::string& shown);

// "…过长：有 N 字节，最多 M 字节" for a field over `limit` bytes; empty when within.
std::string length_problem(std::string_view text, std::size_t limit);

}  // namespace juesuan
