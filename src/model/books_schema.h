// The books folder's CSV files and their columns: one definition shared by the
// reader, `juesuan init`, the sample generator and docs/input-format.md. The same books may
// be one workbook (.xlsx): a sheet per CSV file, plus 部门 and 报告 sheets for the TOML files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/facts.h"

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
    std::string sheet;     // its sheet in the books workbook: "收入"
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

// ---- The books workbook (docs/input-format.md): the sheets that stand for the TOML files.

// 部门 (department.toml): rows 键 | 值 | 说明, the key a TOML path (sangong.abroad_groups,
// texts.performance_overview); a list key (duties, units) repeats, one row per item.
inline constexpr const char* kDepartmentSheet = "部门";
// 报告 (reports.toml): rows 项目名称 | 键 | 文字, one row per text of a report.
inline constexpr const char* kReportsSheet = "报告";
// Optional supplements: 名词解释 (glossary.csv: 科目编码 | 解释) and 科目补充 (catalog.csv).
inline constexpr const char* kGlossarySheet = "名词解释";
inline constexpr const char* kCatalogSheet = "科目补充";

enum class DepartmentValue { Text, Integer, Amount, List };

struct DepartmentKey {
    std::string key;  // TOML path
    DepartmentValue kind = DepartmentValue::Text;
    bool required = false;
    std::string help;
    // The member a key of a section ([sangong], [assets], [performance]) fills: a count or an amount.
    long* (*count)(Department&) = nullptr;
    std::optional<Money>* (*amount)(Department&) = nullptr;

    std::string_view section() const;  // "sangong" of sangong.abroad_groups; "" at the top level
    std::string_view name() const;     // "abroad_groups"
    long count_of(const Department& d) const;
    const std::optional<Money>& amount_of(const Department& d) const;
};
// Every key of department.toml but the free texts.<key>, in the order the 部门 sheet lists them:
// the one list the books reader, the books writers (folder and workbook) and derive iterate.
const std::vector<DepartmentKey>& department_keys();
// The fund names accepted in 资金性质 columns.
const std::vector<Choice>& fund_choices();

}  // namespace juesuan
