// Text helpers for printed Chinese tables: NFKC folding, label normalisation.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace juesuan {

bool is_valid_utf8(std::string_view s);

// Unicode NFKC: full-width digits and punctuation become ASCII ("１２．５" → "12.5",
// "（" → "("), the ideographic space becomes a plain space. Invalid UTF-8 is
// returned unchanged.
std::string nfkc(std::string_view s);

// Trims ASCII and Unicode white space at both ends.
std::string trim(std::string_view s);

// Key for comparing printed labels: NFKC, all white space removed
// ("合 计" == "合计", "政府办公厅（室）" == "政府办公厅(室)").
std::string label_key(std::string_view s);

// Chinese numeral for 1..99 as used in ordinal labels ("二十六").
std::string chinese_numeral(int n);
// White space as a browser or a word processor shows it: runs of spaces, tabs, newlines, no-break
// and ideographic spaces are one space.
std::string collapse_spaces(std::string_view s);
// Whether a name is a template's placeholder rather than a name: 上海市XX局, ××单位, 某某部门.
bool has_placeholder_mark(std::string_view s);
// A heading as a key without its numbering and page number: "一、收入支出决算总表……3" →
// "收入支出决算总表", "（二）机构设置" → "机构设置", "第二部分 …" kept whole.
std::string heading_key(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);

// Every occurrence of `from` replaced by `to`, left to right; what was put in is not searched again.
std::string replace_all(std::string s, std::string_view from, std::string_view to);

// Placeholders {name} replaced in one pass by their values; an unknown {name} stays as written,
// and a value is never searched for further placeholders (a department named "{year}" stays so).
std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string, std::less<>>& values);

// fill_placeholders backwards: the values that make `pattern` print `text`, white space ignored
// ("{year} 年度{department}部门决算" against "2023 年度济南市…部门决算"); nullopt when it cannot.
// Every value is non-empty and, where two are possible, the shortest that lets the rest match;
// {year} is four digits, and only a {year} may stand right beside another placeholder.
std::optional<std::map<std::string, std::string>> match_placeholders(std::string_view pattern, std::string_view text);

bool all_digits(std::string_view s);
// Characters (code points) of UTF-8 text, counted by their first bytes.
size_t code_points(std::string_view s);
// ASCII letters in lower case, other bytes kept (file extensions, format names).
std::string to_lower_ascii(std::string_view s);

// A system error number in Chinese (file not found, permission denied …).
std::string errno_text(int err);
// The same with the number kept for a report: "磁盘空间不足（代码 28）".
std::string errno_text_coded(int err);
// A std::error_code (std::filesystem's errors) in Chinese with its number, never the English message.
std::string error_code_text(const std::error_code& ec);

// One CSV record with RFC 4180 quoting, ending in a newline.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace juesuan
