// The disclosure as a workbook (disclosure.xlsx): a sheet per printed table, laid out by the
// shared printed tables (printed_table.h) as every other surface prints them.
#pragma once

#include <string>

#include "model/disclosure.h"
#include "model/template.h"

namespace juesuan {

// Sheets 公开01表 … 公开09表, 绩效自评汇总, one 自评表 per published project and one sheet per key
// evaluation. Amounts are numbers in 万元 holding the exact amount (shown "#,##0.00"); subtotals and
// totals are formulas with their values cached:
//   · 类 = SUM of its 款, 款 = SUM of its 项, 合计 = SUM of the 类 (subject-tree tables), and in 公开06表
//     each 类 = SUM of its 款 and 人员经费合计 / 公用经费合计 = SUM of the group's 类;
//   · with the template: a column defined as a sum of columns (本年收入合计 = 财政拨款收入 + …,
//     小计 = 基本支出 + 项目支出) in every item row, and the rows of fixed tables (01, 04, 09) whose
//     template cell adds other rows or columns (L27 = sum(L1:L8), 总计 = L27 + L28 + L29).
// A formula is only written where the cells it adds give exactly the amount shown.
// The same disclosure gives the same bytes (the creation date is Dec 31 of the year).
std::string write_disclosure_xlsx(const Disclosure& d);

}  // namespace juesuan
