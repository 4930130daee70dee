// The books folder's CSV files and their columns: one definition shared by the
// reader, `juesuan init`, the sample generator and docs/input-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace juesuan {

enum class FieldKind {
    Code,     // 科目编码
    Text,     // free text
    Amount,   // money, in the unit the department declares
    Fund,     // 资金性质
    Choice,   // one of a fixed vocabulary (see FieldDef::choices)
    Flag,     // 是 / 否
    Decimal,  // a plain number that is not money (分值, 得分)
};

struct Choice {
    std::string key;
    std::vector<std::string> names;  // accepted spellings, the first is canonical
};

struct FieldDef {
    std::string key;                   // measure field / model key
    std::string header;                // canonical Chinese header
    std::vector<std::string> aliases;  // other accepted headers (English key included)
    FieldKind kind = FieldKind::Text;
    bool required = false;             // the column must be present
    bool negative_ok = false;          // amounts may be negative
    std::vector<Choice> choices;       // for Choice
    std::string help;                  // one line for docs and the template
};

struct FileDef {
    std::string file;      // "income.csv"
    std::string title;     // "收入（按支出功能分类项级科目）"
    bool required = false;
    std::string code_kind;  // "functional", "economic" or "" (no subject codes)
    std::vector<FieldDef> fields;
    std::string help;
};

const std::vector<FileDef>& books_files();

// The keys of a report in reports.toml: the officer's text for each part of a 绩效评价报告.
struct ReportField {
    std::string key;
    std::string where;  // the heading it goes under
    std::string help;
};
const std::vector<ReportField>& report_fields();

const FileDef& books_file(std::string_view file);
// The fund names accepted in 资金性质 columns.
const std::vector<Choice>& fund_choices();

}  // namespace juesuan
