#include "write/books_workbook.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"
#include "model/books_schema.h"
#include "write/books_writer.h"
#include "write/output.h"
#include "write/xlsx_support.h"

namespace juesuan {

namespace {

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* code = nullptr;
    lxw_format* amount = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* note = nullptr;
};

Formats make_formats(lxw_workbook* wb, AmountUnit unit) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDDEBF7);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    f.text = workbook_add_format(wb);
    format_set_num_format(f.text, "@");  // typed codes and names stay text
    f.wrap = workbook_add_format(wb);
    format_set_num_format(f.wrap, "@");
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.code = f.text;
    // 万元 amounts carry up to six decimals (exact to the 分): show them all, at least two.
    f.amount = workbook_add_format(wb);
    format_set_num_format(f.amount, unit == AmountUnit::Wan ? "#,##0.00####" : "#,##0.00");
    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "0");
    f.note = workbook_add_format(wb);
    format_set_font_color(f.note, 0x595959);
    format_set_text_wrap(f.note);
    format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

// A number cell from exact decimal text; false when the text is no plain decimal.
bool number_of(const std::string& text, double& out) {
    if (text.empty()) return false;
    const char* end = text.data() + text.size();
    auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc() && r.ptr == end;
}

class Sheet {
public:
    Sheet(lxw_workbook* wb, const std::string& name) : ws_(workbook_add_worksheet(wb, name.c_str())), name_(name) {
        if (!ws_) throw std::runtime_error(fmt::format("无法写出工作簿：工作表名称“{}”无效", name));
    }
    lxw_worksheet* ws() const { return ws_; }

    void text(int row, int col, const std::string& s, lxw_format* f) {
        widen(col, text_width(s));
        if (s.empty()) return;
        xlsx_check(worksheet_write_string(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(), f),
                   where(row, col));
    }
    void number(int row, int col, double v, const std::string& shown, lxw_format* f) {
        widen(col, text_width(shown) + 3);
        xlsx_check(worksheet_write_number(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, f),
                   where(row, col));
    }
    void comment(int row, int col, const std::string& s) {
        if (s.empty()) return;
        lxw_comment_options o{};
        o.width = 360;
        o.height = 120;
        xlsx_check(worksheet_write_comment_opt(ws_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(), &o),
                   where(row, col));
    }
    // Column widths that fit the contents, within reason.
    void finish(double min_width = 8, double max_width = 60) {
        for (size_t c = 0; c < widths_.size(); ++c)
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::clamp(widths_[c] + 1, min_width, max_width), nullptr);
    }
    void set_width(int col, double w) {
        if (widths_.size() <= static_cast<size_t>(col)) widths_.resize(static_cast<size_t>(col) + 1, 0);
        widths_[static_cast<size_t>(col)] = w;
        fixed_.resize(widths_.size(), false);
        fixed_[static_cast<size_t>(col)] = true;
    }

private:
    void widen(int col, double w) {
        if (widths_.size() <= static_cast<size_t>(col)) widths_.resize(static_cast<size_t>(col) + 1, 0);
        fixed_.resize(widths_.size(), false);
        if (!fixed_[static_cast<size_t>(col)]) widths_[static_cast<size_t>(col)] = std::max(widths_[static_cast<size_t>(col)], w);
    }
    std::string where(int row, int col) const { return name_ + "!" + cell_name(row + 1, col + 1); }

    lxw_worksheet* ws_;
    std::string name_;
    std::vector<double> widths_;
    std::vector<bool> fixed_;
};

void header_row(Sheet& s, const std::vector<std::string>& headers, const std::vector<std::string>& comments,
                const Formats& f) {
    for (size_t i = 0; i < headers.size(); ++i) {
        s.text(0, static_cast<int>(i), headers[i], f.header);
        if (i < comments.size()) s.comment(0, static_cast<int>(i), comments[i]);
    }
    worksheet_freeze_panes(s.ws(), 1, 0);
}

std::string field_comment(const FieldDef& fd, AmountUnit unit) {
    std::string s = fd.header;
    if (fd.required) s += "（必填列）";
    if (fd.kind == FieldKind::Amount) s += fmt::format("（{}）", unit_name(unit));
    if (!fd.help.empty()) s += "：" + fd.help;
    std::string also = fmt::format("{}", fmt::join(fd.aliases, "、"));
    if (!also.empty()) s += "。列名也可写作 " + also;
    return s;
}

// A drop-down of the canonical spellings; other accepted spellings only draw a warning.
void choice_list(Sheet& s, int col, const std::vector<std::string>& names) {
    std::string joined = fmt::format("{}", fmt::join(names, ","));
    if (names.empty() || joined.size() > 255) return;  // Excel's limit for a list
    std::vector<char*> list;
    for (const auto& n : names) list.push_back(const_cast<char*>(n.c_str()));
    list.push_back(nullptr);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list.data();
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    xlsx_check(worksheet_data_validation_range(s.ws(), 1, static_cast<lxw_col_t>(col), LXW_ROW_MAX - 1,
                                               static_cast<lxw_col_t>(col), &dv),
               "下拉列表");
}

void table_sheet(lxw_workbook* wb, const FileDef& def, const std::vector<std::vector<std::string>>& rows,
                 AmountUnit unit, const Formats& f) {
    Sheet s(wb, def.sheet);
    std::vector<std::string> headers, comments;
    for (const auto& fd : def.fields) {
        headers.push_back(fd.header);
        comments.push_back(field_comment(fd, unit));
    }
    comments.front() = def.title + "：" + def.help + "\n\n" + comments.front();
    header_row(s, headers, comments, f);
    for (size_t c = 0; c < def.fields.size(); ++c) {
        const FieldDef& fd = def.fields[c];
        std::vector<std::string> names;
        if (fd.kind == FieldKind::Flag) names = {"是", "否"};
        for (const auto& ch : fd.kind == FieldKind::Fund ? fund_choices() : fd.choices) names.push_back(ch.names.front());
        if (fd.kind == FieldKind::Choice || fd.kind == FieldKind::Fund || fd.kind == FieldKind::Flag)
            choice_list(s, static_cast<int>(c), names);
        if (fd.kind == FieldKind::Amount) s.set_width(static_cast<int>(c), std::max(14.0, text_width(fd.header) + 2));
    }
    for (size_t r = 1; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].size() && c < def.fields.size(); ++c) {
            const FieldDef& fd = def.fields[c];
            const std::string& v = rows[r][c];
            int row = static_cast<int>(r), col = static_cast<int>(c);
            double d = 0;
            if (v.empty()) continue;
            if (fd.kind == FieldKind::Amount && number_of(v, d)) {
                s.number(row, col, d, v, f.amount);
            } else if (fd.kind == FieldKind::Decimal && number_of(v, d) &&
                       (v.find('.') == std::string::npos || v.back() != '0')) {
                s.number(row, col, d, v, nullptr);  // "2.50" stays text: a number would read back as 2.5
            } else {
                s.text(row, col, v, fd.kind == FieldKind::Code ? f.code : f.text);
            }
        }
    }
    s.finish();
}

void department_sheet(lxw_workbook* wb, const Department& d, const Formats& f) {
    Sheet s(wb, kDepartmentSheet);
    header_row(s, {"键", "值", "说明"},
               {"键：department.toml 中的键名（节内的键写作 sangong.abroad_groups 这样的路径）",
                "值：文字、整数或金额（金额单位同 amount_unit）", "说明：填写要求，程序不读取此列"},
               f);
    s.set_width(0, 36);
    s.set_width(1, 60);
    s.set_width(2, 60);
    const std::map<std::string, std::string> texts = {{"name", d.name},
                                                      {"short_name", d.short_name},
                                                      {"amount_unit", std::string(unit_name(d.unit))},
                                                      {"template", d.template_id},
                                                      {"composition", d.composition}};
    int row = 1;
    for (const auto& k : department_keys()) {
        std::string help = (k.required ? "必填。" : "") + k.help;
        if (k.kind == DepartmentValue::List) {
            const auto& items = k.key == "duties" ? d.duties : d.units;
            for (size_t i = 0; i < std::max<size_t>(items.size(), 1); ++i, ++row) {
                s.text(row, 0, k.key, f.text);
                if (i < items.size()) s.text(row, 1, items[i], f.wrap);
                if (i == 0) s.text(row, 2, help, f.note);
            }
            continue;
        }
        s.text(row, 0, k.key, f.text);
        s.text(row, 2, help, f.note);
        if (k.count) {
            const long n = k.count_of(d);
            s.number(row, 1, static_cast<double>(n), std::to_string(n), f.integer);
        } else if (k.amount) {
            if (const auto& m = k.amount_of(d)) {
                std::string exact = format_exact(*m, d.unit);
                double v = 0;
                number_of(exact, v);
                s.number(row, 1, v, exact, f.amount);
            }
        } else if (k.key == "year") {
            if (d.year > 0) s.number(row, 1, d.year, std::to_string(d.year), f.integer);
        } else if (auto t = texts.find(k.key); t != texts.end()) {
            s.text(row, 1, t->second, f.wrap);
        }
        ++row;
    }
    for (const auto& [k, v] : d.texts) {
        s.text(row, 0, "texts." + k, f.text);
        s.text(row, 1, v, f.wrap);
        s.text(row, 2, "情况说明中由经办人撰写的文字", f.note);
        ++row;
    }
    s.text(row, 2, "可在上方插入 texts.<键名> 行：情况说明中由经办人撰写的原因和说明（键名见 docs/input-format.md）", f.note);
    s.finish();
}

void reports_sheet(lxw_workbook* wb, const std::vector<KeyReport>& reports, const Formats& f) {
    Sheet s(wb, kReportsSheet);
    std::string keys;
    for (const auto& k : report_fields()) keys += (keys.empty() ? "" : "、") + k.key;
    header_row(s, {"项目名称", "键", "文字", "说明"},
               {"项目名称：部门重点评价项目，与“绩效项目”中的项目名称一致",
                "键：报告的一部分，可用 " + keys,
                "文字：经办人撰写的文字；金额、执行率与得分由程序按账簿写出。单元格内换行即另起一段",
                "说明：程序不读取此列；“文字”为空的行不读取"},
               f);
    s.set_width(0, 30);
    s.set_width(1, 22);
    s.set_width(2, 80);
    s.set_width(3, 50);
    auto help = [](const ReportField& k) { return k.where + (k.help.empty() ? "" : "：" + k.help); };
    int row = 1;
    if (reports.empty()) {
        // The template: every key once, to be filled in with the project's name and the text.
        for (const auto& k : report_fields()) {
            s.text(row, 1, k.key, f.text);
            s.text(row, 3, help(k), f.note);
            ++row;
        }
    }
    for (const auto& r : reports) {
        for (const auto& k : report_fields()) {
            auto it = r.texts.find(k.key);
            if (it == r.texts.end()) continue;
            s.text(row, 0, r.project, f.text);
            s.text(row, 1, k.key, f.text);
            s.text(row, 2, it->second, f.wrap);
            s.text(row, 3, help(k), f.note);
            ++row;
        }
    }
    s.finish();
}

void supplement_sheets(lxw_workbook* wb, const std::vector<CatalogEntry>& extra,
                       const std::map<std::string, std::string>& glossary, const Formats& f) {
    Sheet g(wb, kGlossarySheet);
    header_row(g, {"科目编码", "解释"},
               {"科目编码：项级科目编码（可省略此工作表）", "解释：名词解释中此科目的释义，补充或替换内置的释义"}, f);
    g.set_width(1, 80);
    int row = 1;
    for (const auto& [code, text] : glossary) {
        g.text(row, 0, code, f.code);
        g.text(row, 1, text, f.wrap);
        ++row;
    }
    g.finish();
    Sheet c(wb, kCatalogSheet);
    header_row(c, {"code", "name", "level", "parent", "aliases", "sources", "note"},
               {"本部门的科目目录补充（可省略此工作表），格式同 catalog.csv，见 docs/catalog.md"}, f);
    row = 1;
    for (const auto& e : extra) {
        std::string aliases = fmt::format("{}", fmt::join(e.aliases, "|"));
        std::vector<std::string> cells = {e.code, e.name, std::string(level_name(e.level)), e.parent, aliases, e.sources, e.note};
        for (size_t i = 0; i < cells.size(); ++i) c.text(row, static_cast<int>(i), cells[i], f.text);
        ++row;
    }
    c.finish();
}

}  // namespace

std::string write_books_xlsx(const Facts& facts, const std::vector<CatalogEntry>& extra_catalog,
                             const std::map<std::string, std::string>& glossary) {
    const Department& d = facts.department;
    XlsxProperties props;
    props.title = d.name.empty() ? "部门决算账簿" : fmt::format("{} {} 年度部门决算账簿", d.name, d.year);
    props.subject = "部门决算账簿（juesuan）";
    props.author = d.name;
    props.company = d.name;
    props.comments = "格式见 docs/input-format.md；类、款与各项合计由程序汇总，只填项级数据";
    props.year = d.year;
    auto rows = books_rows(facts);
    return xlsx_bytes(props, [&](lxw_workbook* wb) {
        Formats f = make_formats(wb, d.unit);
        department_sheet(wb, d, f);
        for (const auto& def : books_files()) table_sheet(wb, def, rows.at(def.file), d.unit, f);
        reports_sheet(wb, facts.reports, f);
        supplement_sheets(wb, extra_catalog, glossary, f);
    });
}

std::string books_template_xlsx() {
    Facts empty;
    empty.department.template_id = "jinan-2023";
    empty.department.unit = AmountUnit::Yuan;
    return write_books_xlsx(empty);
}

void write_books_template(const std::filesystem::path& file, bool force) {
    write_file_atomically(file, books_template_xlsx(), force);
}

}  // namespace juesuan
