#include "model/books_schema.h"

#include <map>
#include <stdexcept>

namespace juesuan {

namespace {

FieldDef code_field() {
    return {"code", "科目编码", {"code", "功能分类科目编码", "编码", "科目代码"}, FieldKind::Code, true, false, {},
            "7 位项级科目编码；类、款的合计由程序汇总"};
}
FieldDef name_field() {
    return {"name", "科目名称", {"name", "名称"}, FieldKind::Text, true, false, {}, "科目名称，与科目目录一致"};
}
FieldDef amount(std::string key, std::string header, std::vector<std::string> aliases, std::string help,
                bool negative_ok = false) {
    aliases.insert(aliases.begin(), key);
    return {std::move(key), std::move(header), std::move(aliases), FieldKind::Amount, false, negative_ok, {},
            std::move(help)};
}
FieldDef text(std::string key, std::string header, std::vector<std::string> aliases, bool required, std::string help) {
    aliases.insert(aliases.begin(), key);
    return {std::move(key), std::move(header), std::move(aliases), FieldKind::Text, required, false, {}, std::move(help)};
}

std::vector<FileDef> make_files() {
    std::vector<FileDef> files;
    files.push_back({"income.csv", "收入（按支出功能分类项级科目）", true, "functional",
                     {code_field(), name_field(),
                      amount("fiscal_gpb", "一般公共预算财政拨款收入", {"一般公共预算财政拨款"}, "公开01表第1行、02表财政拨款收入的一部分"),
                      amount("fiscal_gf", "政府性基金预算财政拨款收入", {"政府性基金预算财政拨款"}, "公开01表第2行、07表本年收入"),
                      amount("fiscal_soc", "国有资本经营预算财政拨款收入", {"国有资本经营预算财政拨款"}, "公开01表第3行"),
                      amount("superior", "上级补助收入", {}, ""),
                      amount("business", "事业收入", {}, ""),
                      amount("operating", "经营收入", {}, ""),
                      amount("affiliated", "附属单位上缴收入", {}, ""),
                      amount("other", "其他收入", {}, "")},
                     "每个项级科目一行，按收入来源分列；财政拨款收入按资金性质分三列"});
    files.push_back({"expenditure.csv", "支出（按支出功能分类项级科目）", true, "functional",
                     {code_field(), name_field(),
                      amount("basic", "基本支出", {}, "含各资金来源"),
                      amount("project", "项目支出", {}, "含各资金来源"),
                      amount("to_superior", "上缴上级支出", {}, ""),
                      amount("operating", "经营支出", {}, ""),
                      amount("to_affiliated", "对附属单位补助支出", {}, "")},
                     "每个项级科目一行，按支出性质分列（全部资金）"});
    files.push_back({"fiscal_expenditure.csv", "财政拨款支出（按资金性质和项级科目）", true, "functional",
                     {code_field(), name_field(),
                      {"fund", "资金性质", {"fund", "资金来源"}, FieldKind::Fund, true, false, {},
                       "一般公共预算 / 政府性基金预算 / 国有资本经营预算"},
                      amount("basic", "基本支出", {}, ""),
                      amount("project", "项目支出", {}, "")},
                     "财政拨款安排的支出；每个科目每种资金性质一行"});
    files.push_back({"basic_expenditure.csv", "一般公共预算财政拨款基本支出（按部门预算支出经济分类款级科目）", true,
                     "economic",
                     {{"code", "科目编码", {"code", "经济分类科目编码", "编码"}, FieldKind::Code, true, false, {},
                       "5 位款级经济分类编码；类的合计由程序汇总"},
                      name_field(),
                      amount("amount", "金额", {"决算数", "支出"}, "")},
                     "公开06表的明细：人员经费（301、303）与公用经费（302、307、310、312、399）"});
    files.push_back({"balances.csv", "结转结余", false, "functional",
                     {{"fund", "资金性质", {"fund", "资金来源"}, FieldKind::Fund, true, false, {},
                       "一般公共预算 / 政府性基金预算 / 国有资本经营预算 / 非财政拨款"},
                      {"code", "科目编码", {"code", "编码"}, FieldKind::Code, false, false, {},
                       "可空；政府性基金按项级科目填写（公开07表）"},
                      {"name", "科目名称", {"name", "名称"}, FieldKind::Text, false, false, {}, "可空"},
                      amount("begin", "年初结转和结余", {}, "", true),
                      amount("use", "使用非财政拨款结余", {"使用非财政拨款结余（含专用结余）"}, "仅非财政拨款", true),
                      amount("distribution", "结余分配", {}, "仅非财政拨款", true),
                      amount("end", "年末结转和结余", {}, "", true)},
                     "每种资金性质一行（政府性基金可按科目多行）；未提供本文件时视为全部为零"});
    files.push_back({"sangong.csv", "财政拨款“三公”经费", false, "",
                     {{"item", "项目", {"item"}, FieldKind::Choice, true, false,
                       {{"abroad", {"因公出国（境）费", "因公出国(境)费", "因公出国费"}},
                        {"car_purchase", {"公务用车购置费"}},
                        {"car_operation", {"公务用车运行维护费"}},
                        {"reception_domestic", {"国内公务接待费", "公务接待费（国内）", "公务接待费"}},
                        {"reception_abroad", {"国（境）外公务接待费", "国(境)外公务接待费", "公务接待费（国（境）外）"}}},
                       "因公出国（境）费 / 公务用车购置费 / 公务用车运行维护费 / 国内公务接待费 / 国（境）外公务接待费"},
                      amount("budget", "预算数", {"年初预算数", "全年预算数"}, ""),
                      amount("actual", "决算数", {"支出决算数"}, "")},
                     "公开09表；团组、人次、车辆、批次等数量写在 department.toml 的 [sangong] 中"});
    files.push_back({"procurement.csv", "政府采购", false, "",
                     {{"category", "采购类别", {"category", "类别"}, FieldKind::Choice, true, false,
                       {{"goods", {"货物"}}, {"works", {"工程"}}, {"services", {"服务"}}}, "货物 / 工程 / 服务"},
                      amount("total", "政府采购支出", {"采购支出", "金额"}, ""),
                      amount("sme", "授予中小企业合同金额", {"中小企业"}, ""),
                      amount("small_micro", "其中授予小微企业合同金额", {"授予小微企业合同金额", "小微企业"}, "")},
                     "情况说明第十一部分"});
    files.push_back({"budget.csv", "年初预算（按项级科目）", false, "functional",
                     {code_field(), name_field(), amount("initial_budget", "年初预算数", {"年初预算"}, ""),
                      text("reason", "原因说明", {"差异原因", "原因"}, false, "决算数与年初预算数不同的原因")},
                     "一般公共预算财政拨款支出各项级科目的年初预算数与差异原因"});
    files.push_back({"comparisons.csv", "上年决算数与年初预算数", false, "",
                     {{"key", "指标", {"key", "项目"}, FieldKind::Choice, true, false,
                       {{"total", {"收支总计", "收入支出总计"}},
                        {"income_total", {"本年收入合计", "收入合计"}},
                        {"fiscal_income", {"财政拨款收入"}},
                        {"superior", {"上级补助收入"}},
                        {"business", {"事业收入"}},
                        {"operating_income", {"经营收入"}},
                        {"affiliated", {"附属单位上缴收入"}},
                        {"other_income", {"其他收入"}},
                        {"expenditure_total", {"本年支出合计", "支出合计"}},
                        {"basic", {"基本支出"}},
                        {"project", {"项目支出"}},
                        {"to_superior", {"上缴上级支出"}},
                        {"operating_expenditure", {"经营支出"}},
                        {"to_affiliated", {"对附属单位补助支出"}},
                        {"fiscal_total", {"财政拨款收支总计"}},
                        {"gpb_expenditure", {"一般公共预算财政拨款支出"}},
                        {"gpb_basic", {"一般公共预算财政拨款基本支出"}},
                        {"sangong", {"“三公”经费", "三公经费"}},
                        {"admin_operation", {"机关运行经费"}}},
                       "收支总计、本年收入合计、财政拨款收入、基本支出、项目支出、一般公共预算财政拨款支出、机关运行经费等"},
                      amount("previous", "上年决算数", {"上年数", "上年决算"}, ""),
                      amount("budget", "年初预算数", {"年初预算", "预算数"}, ""),
                      text("change_reason", "变动原因", {"与上年相比变动原因"}, false, "与上年决算数相比增减变动的原因"),
                      text("budget_reason", "预算差异原因", {"与年初预算差异原因"}, false, "决算数与年初预算数不同的原因")},
                     "情况说明中与上年、与年初预算比较所用的数"});
    files.push_back({"projects.csv", "项目支出绩效自评：项目", false, "",
                     {text("name", "项目名称", {}, true, ""),
                      text("department", "主管部门", {}, false, ""),
                      text("implementer", "实施单位", {"资金使用单位"}, false, ""),
                      text("category", "项目类别", {"类别"}, false, "区级 / 中央对地方转移支付"),
                      amount("fiscal_initial", "当年财政拨款年初预算数", {}, ""),
                      amount("fiscal_full_year", "当年财政拨款全年预算数", {}, ""),
                      amount("fiscal_executed", "当年财政拨款全年执行数", {}, ""),
                      amount("carried_initial", "上年结转资金年初预算数", {}, ""),
                      amount("carried_full_year", "上年结转资金全年预算数", {}, ""),
                      amount("carried_executed", "上年结转资金全年执行数", {}, ""),
                      amount("other_initial", "其他资金年初预算数", {}, ""),
                      amount("other_full_year", "其他资金全年预算数", {}, ""),
                      amount("other_executed", "其他资金全年执行数", {}, ""),
                      text("goal", "年度总体目标", {"年初预期目标"}, false, ""),
                      text("outcome", "目标实际完成情况", {"实际完成情况"}, false, ""),
                      text("review", "自评综述", {"绩效目标完成情况"}, false, "情况说明第十三部分自评综述中的完成情况、问题与改进措施"),
                      {"key_evaluation", "部门重点评价", {"key_evaluation", "重点评价"}, FieldKind::Flag, false, false, {},
                       "是 / 否"},
                      {"detailed", "公开自评表", {"detailed"}, FieldKind::Flag, false, false, {}, "是 / 否，默认是"},
                      {"reported_score", "自评得分", {"reported_score"}, FieldKind::Decimal, false, false, {},
                       "仅用于不公开指标表的项目"}},
                     "每个项目一行"});
    files.push_back({"indicators.csv", "项目支出绩效自评：绩效指标", false, "",
                     {text("project", "项目名称", {}, true, "与 projects.csv 中的项目名称一致"),
                      text("level1", "一级指标", {}, true, "产出指标 / 效益指标 / 满意度指标 / 成本指标"),
                      text("level2", "二级指标", {}, true, ""),
                      text("level3", "三级指标", {}, true, ""),
                      {"op", "指标方向", {"op", "运算符"}, FieldKind::Choice, true, false,
                       {{"=", {"=", "＝", "等于"}},
                        {"≥", {"≥", ">=", "＞＝", "不低于"}},
                        {"≤", {"≤", "<=", "＜＝", "不高于"}},
                        {"定性", {"定性"}}},
                       "= / ≥ / ≤ / 定性"},
                      text("target", "年度指标值", {}, true, "数字（定量）或文字（定性）"),
                      text("actual", "实际完成值", {"实际完成指标值"}, true, ""),
                      text("unit", "计量单位", {"单位"}, false, "万元、%、人、个 …"),
                      {"weight", "分值", {"weight"}, FieldKind::Decimal, true, false, {}, ""},
                      text("deviation", "偏差原因分析及改进措施", {"偏差原因"}, false, "")},
                     "每个三级指标一行"});
    // Sheet names of the books workbook: short, and within Excel's 31 characters.
    const std::map<std::string, std::string> sheets = {
        {"income.csv", "收入"},
        {"expenditure.csv", "支出"},
        {"fiscal_expenditure.csv", "财政拨款支出"},
        {"basic_expenditure.csv", "基本支出经济分类"},
        {"balances.csv", "结转结余"},
        {"sangong.csv", "三公经费"},
        {"procurement.csv", "政府采购"},
        {"budget.csv", "年初预算"},
        {"comparisons.csv", "上年与预算"},
        {"projects.csv", "绩效项目"},
        {"indicators.csv", "绩效指标"},
    };
    for (auto& f : files) f.sheet = sheets.at(f.file);
    return files;
}

}  // namespace

const std::vector<FileDef>& books_files() {
    static const std::vector<FileDef> files = make_files();
    return files;
}

const FileDef& books_file(std::string_view file) {
    for (const auto& f : books_files())
        if (f.file == file) return f;
    throw std::out_of_range(std::string(file));
}

const std::vector<Choice>& fund_choices() {
    static const std::vector<Choice> funds = {
        {"gpb", {"一般公共预算", "一般公共预算财政拨款", "一般公共预算拨款"}},
        {"gf", {"政府性基金预算", "政府性基金预算财政拨款", "政府性基金"}},
        {"soc", {"国有资本经营预算", "国有资本经营预算财政拨款", "国有资本经营"}},
        {"nonfiscal", {"非财政拨款", "其他资金"}},
    };
    return funds;
}

}  // namespace juesuan

namespace juesuan {

const std::vector<ReportField>& report_fields() {
    static const std::vector<ReportField> fields = {
        {"title", "报告标题", "默认为“<项目名称>项目绩效评价报告”"},
        {"background", "一、（一）1、项目立项背景", ""},
        {"content", "一、（一）2、项目内容", ""},
        {"organization", "一、（一）3、组织实施", ""},
        {"approver", "一、（一）4、资金投入和使用情况", "批复预算的部门，如“天桥区财政局”"},
        {"budget_kind", "一、（一）4、资金投入和使用情况", "“批复…预算”中的预算种类，如“追加”，可空"},
        {"funds_use", "一、（一）4、资金投入和使用情况", "批复金额之后、实际支出之前的说明，含标点，如“用于……。”"},
        {"overall_goal", "一、（二）1、总体绩效目标", ""},
        {"annual_goal", "一、（二）2、年度绩效目标", ""},
        {"purpose", "二、（一）1、评价目的", ""},
        {"object", "二、（一）2、评价对象和范围", "评价对象（金额之前），如“天桥区政府办公室 2023 年业务经费项目”"},
        {"period", "二、（一）2、评价对象和范围", "金额之后的起止时间与评价基准日"},
        {"scope", "二、（一）2、评价对象和范围", "评价范围"},
        {"approach", "二、（二）1、指标体系设计的总体思路", ""},
        {"framework", "二、（二）2、绩效评价指标体系", "不含评分与评级办法（按模板写出）"},
        {"goal_achievement", "四、（一）1、总体绩效目标完成情况", "不含“自评得分”（按自评表写出）"},
        {"execution_review", "四、（一）2、预算执行率情况", "执行率之后、“自评得分”之前的说明，可空"},
        {"output_review", "四、（一）3、产出指标完成情况", "不含“自评得分”"},
        {"effect_review", "四、（一）4、效益指标完成情况", "不含“自评得分”"},
        {"satisfaction_review", "四、（一）5、满意度指标完成情况", "不含“自评得分”"},
        {"problems", "四、（二）1、存在的问题及原因分析", ""},
        {"measures", "四、（二）2、下一步工作措施", ""},
        {"suggestions", "五、有关建议", ""},
    };
    return fields;
}

}  // namespace juesuan

namespace juesuan {

std::string_view DepartmentKey::section() const {
    auto dot = key.find('.');
    return dot == std::string::npos ? std::string_view() : std::string_view(key).substr(0, dot);
}

std::string_view DepartmentKey::name() const {
    auto dot = key.find('.');
    return dot == std::string::npos ? std::string_view(key) : std::string_view(key).substr(dot + 1);
}

// Reading goes through the same accessor as filling; it never writes.
long DepartmentKey::count_of(const Department& d) const { return *count(const_cast<Department&>(d)); }
const std::optional<Money>& DepartmentKey::amount_of(const Department& d) const { return *amount(const_cast<Department&>(d)); }

// A count or an amount key of a section, with the member it fills.
#define JUESUAN_COUNT(path, member, help) \
    {path, DepartmentValue::Integer, false, help, [](Department& d) { return &d.member; }, nullptr}
#define JUESUAN_AMOUNT(path, member, help) \
    {path, DepartmentValue::Amount, false, help, nullptr, [](Department& d) { return &d.member; }}

const std::vector<DepartmentKey>& department_keys() {
    using V = DepartmentValue;
    static const std::vector<DepartmentKey> keys = {
        {"name", V::Text, true, "部门全称，如“济南市天桥区人民政府办公室”"},
        {"short_name", V::Text, false, "绩效自评表中使用的简称，默认同全称"},
        {"year", V::Integer, true, "决算年度，如 2023"},
        {"amount_unit", V::Text, true, "各表的金额单位：元 或 万元"},
        {"template", V::Text, false, "公开模板，默认 jinan-2023（济南 2023 年度，公开01–09表）"},
        {"duties", V::List, false, "部门职责：每条一行（键重复写 duties），不含序号"},
        {"composition", V::Text, false, "机构设置中“从单位构成看……”一句"},
        {"units", V::List, false, "纳入部门决算编制范围的单位：每个一行（键重复写 units）"},
        JUESUAN_COUNT("sangong.abroad_groups", sangong.abroad_groups, "因公出国（境）团组数"),
        JUESUAN_COUNT("sangong.abroad_persons", sangong.abroad_persons, "因公出国（境）人次"),
        JUESUAN_COUNT("sangong.vehicles_purchased", sangong.vehicles_purchased, "财政拨款购置公务用车（辆）"),
        JUESUAN_COUNT("sangong.vehicles_held", sangong.vehicles_held, "财政拨款开支运行维护费的公务用车保有量（辆）"),
        JUESUAN_COUNT("sangong.reception_domestic_batches", sangong.reception_domestic_batches, "国内公务接待批次"),
        JUESUAN_COUNT("sangong.reception_domestic_persons", sangong.reception_domestic_persons, "国内公务接待人次"),
        JUESUAN_COUNT("sangong.reception_foreign_affairs_batches", sangong.reception_foreign_affairs_batches, "其中外事接待批次"),
        JUESUAN_COUNT("sangong.reception_foreign_affairs_persons", sangong.reception_foreign_affairs_persons, "其中外事接待人次"),
        JUESUAN_COUNT("sangong.reception_abroad_batches", sangong.reception_abroad_batches, "国（境）外公务接待批次"),
        JUESUAN_COUNT("sangong.reception_abroad_persons", sangong.reception_abroad_persons, "国（境）外公务接待人次"),
        JUESUAN_COUNT("assets.vehicles_leaders", assets.vehicles_leaders, "年末领导干部用车"),
        JUESUAN_COUNT("assets.vehicles_confidential", assets.vehicles_confidential, "年末机要通信用车"),
        JUESUAN_COUNT("assets.vehicles_emergency", assets.vehicles_emergency, "年末应急保障用车"),
        JUESUAN_COUNT("assets.vehicles_law_enforcement", assets.vehicles_law_enforcement, "年末执法执勤用车"),
        JUESUAN_COUNT("assets.vehicles_special", assets.vehicles_special, "年末特种专业技术用车"),
        JUESUAN_COUNT("assets.vehicles_retired", assets.vehicles_retired, "年末离退休干部用车"),
        JUESUAN_COUNT("assets.vehicles_other", assets.vehicles_other, "年末其他用车"),
        JUESUAN_COUNT("assets.equipment_over_1m", assets.equipment_over_1m, "单价 100 万元（含）以上设备（不含车辆），台（套）"),
        JUESUAN_AMOUNT("performance.evaluated_funds", performance.evaluated_funds,
                       "绩效自评涉及的预算资金（金额单位同 amount_unit）：有项目未在“绩效项目”中列出资金时填写"),
        JUESUAN_AMOUNT("performance.local_project_budget", performance.local_project_budget,
                       "部门本级（区级）预算项目支出总额：填写后情况说明写出自评资金所占比例"),
    };
    return keys;
}

#undef JUESUAN_COUNT
#undef JUESUAN_AMOUNT

}  // namespace juesuan
