#include "read/template_reader.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "read/toml_text.h"

#include "core/decimal.h"
#include "core/text.h"
#include "read/csv_file.h"

namespace juesuan {

// Generated at build time from data/ (cmake/embed_data.cmake).
namespace embedded {
struct File {
    const char* path;
    const unsigned char* data;
    unsigned long size;
};
extern const File kFiles[];
extern const unsigned long kFileCount;
}  // namespace embedded

namespace fs = std::filesystem;

namespace {

std::optional<fs::path>& data_dir_override() {
    static std::optional<fs::path> dir = [] () -> std::optional<fs::path> {
        if (const char* env = std::getenv("JUESUAN_DATA_DIR"); env && *env) return fs::path(env);
        return std::nullopt;
    }();
    return dir;
}

struct TomlCtx {
    std::string file;
    [[noreturn]] void fail(const toml::node* n, const std::string& path, const std::string& msg) const {
        int line = n ? static_cast<int>(n->source().begin.line) : 0;
        throw InputError(Location{file, line, 0, {}, path}, msg);
    }
    std::string str(const toml::table& t, const char* key, const std::string& path, bool required = false,
                    std::string def = {}) const {
        const toml::node* n = t.get(key);
        if (!n) {
            if (required) fail(&t, path + "." + key, fmt::format("缺少“{}”", key));
            return def;
        }
        if (auto v = n->value<std::string>()) return *v;
        fail(n, path + "." + key, fmt::format("“{}”应为字符串", key));
    }
    std::vector<std::string> strings(const toml::node* n, const std::string& path) const {
        std::vector<std::string> out;
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) fail(n, path, "应为字符串数组");
        for (const auto& e : *a) {
            auto v = e.value<std::string>();
            if (!v) fail(&e, path, "数组中的每一项都应为字符串");
            out.push_back(*v);
        }
        return out;
    }
};

TableKind parse_kind(const TomlCtx& c, const toml::table& t, const std::string& path) {
    std::string k = c.str(t, "kind", path, true);
    if (k == "fixed") return TableKind::Fixed;
    if (k == "subject_tree") return TableKind::SubjectTree;
    if (k == "economic_detail") return TableKind::EconomicDetail;
    c.fail(t.get("kind"), path + ".kind", fmt::format("未知的表类型“{}”：应为 fixed、subject_tree 或 economic_detail", k));
}

RowSpec parse_row(const TomlCtx& c, const toml::table& r, const std::string& path, const std::set<std::string>& columns) {
    RowSpec row;
    for (const auto& [k, v] : r) {
        std::string key(k.str());
        if (key == "line") {
            auto l = v.value<int64_t>();
            if (!l) c.fail(&v, path + ".line", "行次应为整数");
            row.line = static_cast<int>(*l);
        } else if (key == "through") {
            auto l = v.value<int64_t>();
            if (!l) c.fail(&v, path + ".through", "through 应为整数");
            row.through = static_cast<int>(*l);
        } else if (key == "label" || key == "role" || key == "generate") {
            auto s = v.value<std::string>();
            if (!s) c.fail(&v, path + "." + key, "应为字符串");
            (key == "label" ? row.label : key == "role" ? row.role : row.generate) = *s;
        } else if (columns.count(key)) {
            auto s = v.value<std::string>();
            if (!s) c.fail(&v, path + "." + key, "单元格表达式应为字符串");
            row.values[key] = *s;
        } else {
            c.fail(&v, path + "." + key, fmt::format("“{}”既不是行的属性（line、through、label、role、generate），也不是本表的列", key));
        }
    }
    if (row.role != "item" && row.role != "total" && row.role != "blank")
        c.fail(&r, path + ".role", fmt::format("role 应为 item、total 或 blank，而不是“{}”", row.role));
    if (!row.generate.empty() && row.generate != "classes")
        c.fail(&r, path + ".generate", "generate 只能为 \"classes\"");
    return row;
}

// classes, texts and groups: the template's lists and names.
void parse_names(TomlCtx& c, const toml::table& root, Template& tpl) {
    if (const toml::node* n = root.get("classes")) {
        const toml::array* a = n->as_array();
        if (!a) c.fail(n, "classes", "classes 应为 [[\"201\", \"一般公共服务支出\"], …]");
        for (const auto& e : *a) {
            auto pair = c.strings(&e, "classes");
            if (pair.size() != 2 || pair[0].size() != 3 || !all_digits(pair[0]))
                c.fail(&e, "classes", "classes 的每一项应为 [\"3 位类编码\", \"名称\"]");
            tpl.classes.push_back({pair[0], pair[1]});
        }
    }
    if (const toml::node* n = root.get("texts")) {
        const toml::table* t = n->as_table();
        if (!t) c.fail(n, "texts", "texts 应为一节");
        for (const auto& [k, v] : *t) {
            auto s = v.value<std::string>();
            if (!s) c.fail(&v, "texts", "texts 的值应为字符串");
            tpl.texts[std::string(k.str())] = *s;
        }
    }
    if (const toml::node* n = root.get("groups")) {
        const toml::table* t = n->as_table();
        if (!t) c.fail(n, "groups", "groups 应为一节：\"301\" = \"personnel\"");
        for (const auto& [k, v] : *t) {
            auto s = v.value<std::string>();
            if (!s || (*s != "personnel" && *s != "public")) c.fail(&v, "groups", "groups 的值应为 personnel 或 public");
            tpl.groups[std::string(k.str())] = *s;
        }
    }
}

// [performance]: how the self-evaluation and key evaluation are scored.
void parse_scoring(TomlCtx& c, const toml::table& root, ScoringMethod& m) {
    const toml::node* n = root.get("performance");
    if (!n) return;
    const toml::table* pt = n->as_table();
    if (!pt) c.fail(n, "performance", "performance 应为一节");
    auto dec = [&](const toml::node* v, const std::string& key) {
        auto s = v ? v->value<std::string>() : std::nullopt;
        auto d = s ? parse_decimal(*s) : std::nullopt;
        if (!d) c.fail(v, key, fmt::format("“{}”应为写成字符串的数，如 \"10\"", key));
        return *d;
    };
    if (const toml::node* w = pt->get("execution_weight")) m.execution_weight = dec(w, "performance.execution_weight");
    m.partial = c.str(*pt, "partial", "performance", false, "ratio");
    if (m.partial != "ratio" && m.partial != "percent")
        c.fail(pt->get("partial"), "performance.partial", "partial 应为 ratio 或 percent");
    if (const toml::array* g = pt->get_as<toml::array>("grades"))
        for (const auto& e : *g) {
            auto pair = c.strings(&e, "performance.grades");
            if (pair.size() != 2 || !parse_decimal(pair[0])) c.fail(&e, "performance.grades", "grades 的每一项应为 [\"90\", \"优\"]");
            m.grades.push_back({*parse_decimal(pair[0]), pair[1]});
        }
    if (const toml::array* dims = pt->get_as<toml::array>("key_dimensions"))
        for (const auto& e : *dims) {
            const toml::table* dt = e.as_table();
            if (!dt) c.fail(&e, "performance.key_dimensions", "每个维度应为 { name = …, weight = …, basis = … }");
            ScoringMethod::Dimension dim;
            dim.name = c.str(*dt, "name", "performance.key_dimensions", true);
            dim.weight = dec(dt->get("weight"), "performance.key_dimensions.weight");
            dim.basis = c.str(*dt, "basis", "performance.key_dimensions", true);
            if (dim.basis != "self_total" && dim.basis != "execution" && dim.basis != "indicators")
                c.fail(dt, "performance.key_dimensions.basis", "basis 应为 self_total、execution 或 indicators");
            dim.level1 = c.strings(dt->get("level1"), "performance.key_dimensions.level1");
            m.key_dimensions.push_back(dim);
        }
}

SideSpec parse_side(TomlCtx& c, const toml::table* st, const std::string& spath, const std::set<std::string>& colkeys,
                    TableSpec& spec) {
    SideSpec side;
    side.key = c.str(*st, "key", spath, true);
    side.group = c.str(*st, "group", spath);
    side.cells = c.strings(st->get("cells"), spath + ".cells");
    for (const auto& cell : side.cells)
        if (cell != "label" && cell != "line" && cell != "code" && !colkeys.count(cell))
            c.fail(st, spath + ".cells", fmt::format("cells 中的“{}”既不是 label/line/code，也不是本表的列", cell));
    if (const toml::array* rows = st->get_as<toml::array>("rows")) {
        for (size_t ri = 0; ri < rows->size(); ++ri) {
            const toml::table* rt = (*rows)[ri].as_table();
            std::string rpath = fmt::format("{}.rows[{}]", spath, ri);
            if (!rt) c.fail(&(*rows)[ri], rpath, "每一行应为 { line = …, label = …, 列 = \"表达式\" }");
            side.rows.push_back(parse_row(c, *rt, rpath, colkeys));
        }
    }
    if (const toml::array* codes = st->get_as<toml::array>("codes")) {
        for (const auto& e : *codes) {
            auto pair = c.strings(&e, spath + ".codes");
            if (pair.empty() || pair.size() > 2 || !all_digits(pair[0]))
                c.fail(&e, spath + ".codes", "codes 的每一项应为 [\"编码\", \"名称\"]");
            side.codes.push_back(pair[0]);
            if (pair.size() == 2) spec.subject_names[pair[0]] = pair[1];
        }
    }
    return side;
}

// One [[tables]] entry: its columns, sides (blocks with rows or codes) and footers.
TableSpec parse_table_spec(TomlCtx& c, const toml::table* t, std::string path, std::set<std::string>& ids) {
    TableSpec spec;
    spec.id = c.str(*t, "id", path, true);
    path = fmt::format("tables[{}]", spec.id);
    if (!ids.insert(spec.id).second) c.fail(t, path, fmt::format("表 {} 重复", spec.id));
    spec.number = c.str(*t, "number", path);
    spec.title = c.str(*t, "title", path, true);
    spec.kind = parse_kind(c, *t, path);
    spec.note = c.str(*t, "note", path);
    spec.empty_note = c.str(*t, "empty_note", path);
    spec.total_label = c.str(*t, "total_label", path, false, "合计");
    spec.total_position = c.str(*t, "total_position", path, false, "top");
    if (spec.total_position != "top" && spec.total_position != "bottom")
        c.fail(t->get("total_position"), path + ".total_position", "total_position 应为 top 或 bottom");
    auto flag = [&](const char* key, bool& out) {
        if (const toml::node* n = t->get(key)) {
            auto v = n->value<bool>();
            if (!v) c.fail(n, path + "." + key, fmt::format("{} 应为 true 或 false", key));
            out = *v;
        }
    };
    flag("total_when_empty", spec.total_when_empty);
    flag("lines_printed", spec.lines_printed);
    if (auto f = t->get("filler_rows")) {
        auto v = f->value<int64_t>();
        if (!v || *v < 0) c.fail(f, path + ".filler_rows", "filler_rows 应为非负整数");
        spec.filler_rows = static_cast<int>(*v);
    }
    if (const toml::node* h = t->get("header")) {
        const toml::array* a = h->as_array();
        if (!a) c.fail(h, path + ".header", "header 应为字符串数组的数组");
        for (const auto& row : *a) spec.header.push_back(c.strings(&row, path + ".header"));
    }
    std::set<std::string> colkeys;
    if (const toml::array* cols = t->get_as<toml::array>("columns")) {
        for (const auto& cn : *cols) {
            const toml::table* ct = cn.as_table();
            if (!ct) c.fail(&cn, path + ".columns", "每一列应为 { key = …, label = … }");
            ColumnSpec col{c.str(*ct, "key", path + ".columns", true), c.str(*ct, "label", path + ".columns", true),
                           c.str(*ct, "side", path + ".columns"), c.str(*ct, "expr", path + ".columns"),
                           c.str(*ct, "group", path + ".columns")};
            if (!colkeys.insert(col.key).second) c.fail(ct, path + ".columns", fmt::format("列 {} 重复", col.key));
            if (spec.kind == TableKind::SubjectTree && col.expr.empty())
                c.fail(ct, path + ".columns." + col.key, "科目表的每一列都需要 expr");
            spec.columns.push_back(col);
        }
    }
    if (spec.columns.empty()) c.fail(t, path + ".columns", "表没有列");
    if (const toml::array* sides = t->get_as<toml::array>("sides")) {
        for (size_t si = 0; si < sides->size(); ++si) {
            const toml::table* st = (*sides)[si].as_table();
            std::string spath = fmt::format("{}.sides[{}]", path, si);
            if (!st) c.fail(&(*sides)[si], spath, "应为表");
            spec.sides.push_back(parse_side(c, st, spath, colkeys, spec));
        }
    }
    if (spec.sides.empty()) c.fail(t, path + ".sides", "表没有 [[tables.sides]]");
    if (const toml::array* footers = t->get_as<toml::array>("footers")) {
        for (const auto& e : *footers) {
            auto pair = c.strings(&e, path + ".footers");
            if (pair.size() != 2) c.fail(&e, path + ".footers", "footers 的每一项应为 [\"personnel\", \"人员经费合计\"]");
            spec.footers.emplace_back(pair[0], pair[1]);
        }
    }
    return spec;
}


}  // namespace

// data/forms/<id>.toml: the forms of part five, row by row; spans are checked against the width.
std::vector<Form> parse_forms(const std::string& text, const std::string& shown) {
    TomlCtx c{shown};
    toml::table root = parse_toml(text, shown);
    auto integer = [&](const toml::table& t, const char* key, const std::string& path, int def, int lo, int hi) {
        const toml::node* n = t.get(key);
        if (!n) return def;
        auto v = n->value<int64_t>();
        if (!v || *v < lo || *v > hi) c.fail(n, path + "." + key, fmt::format("“{}”应为 {} 至 {} 的整数", key, lo, hi));
        return static_cast<int>(*v);
    };
    std::vector<Form> forms;
    const toml::array* all = root.get_as<toml::array>("forms");
    if (!all) c.fail(&root, "forms", "表样文件中没有 [[forms]]");
    for (size_t fi = 0; fi < all->size(); ++fi) {
        const toml::table* ft = (*all)[fi].as_table();
        std::string path = fmt::format("forms[{}]", fi);
        if (!ft) c.fail(&(*all)[fi], path, "应为表");
        Form f;
        f.key = c.str(*ft, "key", path, true);
        path = "forms." + f.key;
        f.title = c.str(*ft, "title", path);
        f.lines = c.strings(ft->get("lines"), path + ".lines");
        f.width = integer(*ft, "width", path, 0, 1, 64);
        if (f.width == 0) c.fail(ft, path + ".width", "缺少“width”（表样的列数）");
        f.header_rows = integer(*ft, "header_rows", path, 0, 0, 16);
        std::set<std::string> ids, targets;
        const toml::array* rows = ft->get_as<toml::array>("rows");
        if (!rows) c.fail(ft, path + ".rows", "表样没有 [[forms.rows]]");
        for (size_t ri = 0; ri < rows->size(); ++ri) {
            const toml::table* rt = (*rows)[ri].as_table();
            std::string rpath = fmt::format("{}.rows[{}]", path, ri);
            if (!rt) c.fail(&(*rows)[ri], rpath, "应为表");
            FormRow r;
            r.id = c.str(*rt, "id", rpath);
            if (!r.id.empty()) ids.insert(r.id);
            r.repeat = c.str(*rt, "repeat", rpath);
            if (!r.repeat.empty() && r.repeat != "projects" && r.repeat != "indicators" && r.repeat != "dimensions")
                c.fail(rt, rpath + ".repeat", "repeat 应为 projects、indicators 或 dimensions");
            r.filter = c.str(*rt, "filter", rpath);
            if (!r.filter.empty() && r.filter != "central" && r.filter != "local")
                c.fail(rt, rpath + ".filter", "filter 应为 central 或 local");
            if (const toml::node* n = rt->get("if_none")) r.if_none = n->value_or(false);
            const toml::array* cells = rt->get_as<toml::array>("cells");
            if (!cells) c.fail(rt, rpath + ".cells", "行没有 cells");
            int used = 0;
            for (const auto& cn : *cells) {
                const toml::table* ct = cn.as_table();
                if (!ct) c.fail(&cn, rpath + ".cells", "每个单元格应为 { text = … }");
                FormCell cell;
                cell.text = c.str(*ct, "text", rpath + ".cells", true);
                cell.colspan = integer(*ct, "colspan", rpath + ".cells", 1, 1, 64);
                cell.rowspan = integer(*ct, "rowspan", rpath + ".cells", 1, 1, 64);
                if (const toml::node* n = ct->get("amount")) cell.amount = n->value_or(false);
                cell.span_to = c.str(*ct, "span_to", rpath + ".cells");
                if (!cell.span_to.empty()) targets.insert(cell.span_to);
                cell.group_by = c.strings(ct->get("group_by"), rpath + ".cells.group_by");
                if (!cell.group_by.empty() && r.repeat.empty())
                    c.fail(ct, rpath + ".cells.group_by", "group_by 只用于 repeat 的行");
                used += cell.colspan;
                r.cells.push_back(std::move(cell));
            }
            if (used > f.width) c.fail(rt, rpath + ".cells", fmt::format("各单元格共占 {} 列，超过表样的 {} 列", used, f.width));
            f.rows.push_back(std::move(r));
        }
        for (const auto& t : targets)
            if (!ids.count(t)) c.fail(ft, path, fmt::format("span_to 所指的行“{}”不存在", t));
        if (std::string why = form_problem(f); !why.empty()) c.fail(ft, path, why);
        forms.push_back(std::move(f));
    }
    return forms;
}

Template parse_template(const std::string& text, const std::string& shown) {
    TomlCtx c{shown};
    toml::table root = parse_toml(text, shown);
    Template tpl;
    tpl.origin = shown;
    tpl.id = c.str(root, "id", "", true);
    tpl.name = c.str(root, "name", "", false, tpl.id);
    std::string zero = c.str(root, "zero", "", false, "blank");
    if (zero != "blank" && zero != "0.00") c.fail(root.get("zero"), "zero", "zero 应为 \"blank\" 或 \"0.00\"");
    tpl.zero_blank = zero == "blank";
    tpl.department_line = c.str(root, "department_line", "", false, tpl.department_line);
    tpl.unit_line = c.str(root, "unit_line", "", false, tpl.unit_line);
    parse_names(c, root, tpl);
    parse_scoring(c, root, tpl.scoring);
    // The forms of part five, shared by templates that print them alike.
    const std::string forms = c.str(root, "forms", "", false, "self-evaluation");
    if (auto text = shipped_data("forms/" + forms + ".toml"))
        tpl.forms = parse_forms(*text, "data/forms/" + forms + ".toml");
    else
        c.fail(root.get("forms"), "forms", fmt::format("没有表样 data/forms/{}.toml", forms));
    if (tpl.scoring.grades.empty())
        tpl.scoring.grades = {{{90, 0}, "优"}, {{80, 0}, "良"}, {{60, 0}, "中"}, {{0, 0}, "差"}};
    const toml::array* tables = root.get_as<toml::array>("tables");
    if (!tables || tables->empty()) c.fail(&root, "tables", "模板中没有 [[tables]]");
    std::set<std::string> ids;
    for (size_t ti = 0; ti < tables->size(); ++ti) {
        const toml::table* t = (*tables)[ti].as_table();
        std::string path = fmt::format("tables[{}]", ti);
        if (!t) c.fail(&(*tables)[ti], path, "应为表");
        tpl.tables.push_back(parse_table_spec(c, t, path, ids));
    }
    return tpl;
}

void set_data_dir(fs::path dir) { data_dir_override() = std::move(dir); }

std::optional<std::string> shipped_data(const std::string& relative) {
    if (auto& dir = data_dir_override()) {
        fs::path p = *dir / relative;
        std::error_code ec;
        if (!fs::exists(p, ec)) return std::nullopt;
        return read_text_file(p, p.string());
    }
    for (unsigned long i = 0; i < embedded::kFileCount; ++i)
        if (relative == embedded::kFiles[i].path)
            return std::string(reinterpret_cast<const char*>(embedded::kFiles[i].data), embedded::kFiles[i].size);
    return std::nullopt;
}

std::vector<std::string> shipped_files(const std::string& subdir, const std::string& ext) {
    std::vector<std::string> out;
    std::string prefix = subdir + "/";
    if (auto& dir = data_dir_override()) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(*dir / subdir, ec))
            if (e.path().extension() == ext) out.push_back(prefix + e.path().filename().string());
    } else {
        for (unsigned long i = 0; i < embedded::kFileCount; ++i) {
            std::string p = embedded::kFiles[i].path;
            if (p.rfind(prefix, 0) == 0 && p.size() > ext.size() && p.substr(p.size() - ext.size()) == ext) out.push_back(p);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> shipped_template_ids() {
    std::vector<std::string> ids;
    for (const auto& p : shipped_files("templates", ".toml")) ids.push_back(p.substr(10, p.size() - 15));
    return ids;
}

Template load_template(const std::string& id_or_path) {
    if (auto text = shipped_data("templates/" + id_or_path + ".toml"))
        return parse_template(*text, "templates/" + id_or_path + ".toml");
    std::error_code ec;
    if (fs::exists(id_or_path, ec)) return parse_template(read_text_file(id_or_path, id_or_path), id_or_path);
    std::string ids = fmt::format("{}", fmt::join(shipped_template_ids(), "、"));
    throw InputError(Location{id_or_path}, fmt::format("找不到模板“{}”：内置模板有 {}，也可给出模板文件路径", id_or_path, ids));
}

void parse_catalog(const std::string& text, const std::string& shown, Catalog& into) {
    parse_catalog_rows(parse_csv(text, shown), &into, nullptr);
}

void parse_catalog_rows(const CsvFile& csv, Catalog* functional, Catalog* economic) {
    const std::string& shown = csv.name;
    Diagnostics diags;
    size_t first = 0;
    while (first < csv.records.size() && csv.records[first].blank()) ++first;
    if (first == csv.records.size()) throw InputError(Location{shown}, "科目目录为空：第一行应为表头 code,name,…");
    std::map<std::string, size_t> col;
    const auto& header = csv.records[first];
    static const std::map<std::string, std::string> names = {
        {"code", "code"}, {"科目编码", "code"}, {"编码", "code"}, {"name", "name"}, {"科目名称", "name"},
        {"名称", "name"}, {"level", "level"}, {"级次", "level"}, {"parent", "parent"}, {"上级编码", "parent"},
        {"aliases", "aliases"}, {"别名", "aliases"}, {"sources", "sources"}, {"来源", "sources"},
        {"note", "note"}, {"备注", "note"}};
    for (size_t i = 0; i < header.fields.size(); ++i) {
        auto it = names.find(label_key(header.fields[i]));
        if (it != names.end()) col[it->second] = i;
    }
    if (!col.count("code") || !col.count("name"))
        throw InputError(Location{shown, header.line, 0, {}, {}}, "科目目录的表头应至少包含 code 和 name（或 科目编码、科目名称）");
    if (functional) functional->add_origin(shown);
    if (economic) economic->add_origin(shown);
    for (size_t r = first + 1; r < csv.records.size(); ++r) {
        const auto& rec = csv.records[r];
        if (rec.blank()) continue;
        auto get = [&](const char* k) -> std::string {
            auto it = col.find(k);
            return it != col.end() && it->second < rec.fields.size() ? trim(rec.fields[it->second]) : std::string();
        };
        CatalogEntry e;
        e.code = get("code");
        e.name = get("name");
        // With both catalogs given, economic codes (301…399) and functional codes (2xx) are told apart.
        Catalog* into = functional && economic ? (e.code.rfind('3', 0) == 0 ? economic : functional)
                                               : (functional ? functional : economic);
        Location at{shown, rec.line, static_cast<int>(col["code"]) + 1, "code", {}};
        auto lvl = level_of(into->kind(), e.code);
        if (!lvl) {
            diags.error(at, fmt::format("科目编码“{}”格式不对：{}编码应为{}位数字", e.code, kind_name(into->kind()),
                                        into->kind() == CatalogKind::Functional ? " 3、5 或 7 " : " 3 或 5 "));
            continue;
        }
        if (e.name.empty()) {
            diags.error(at, fmt::format("科目 {} 缺少名称", e.code));
            continue;
        }
        e.level = *lvl;
        e.parent = parent_code(e.code);
        for (const auto& a : split(get("aliases"), '|'))
            if (!trim(a).empty()) e.aliases.push_back(trim(a));
        e.sources = get("sources");
        e.note = get("note");
        e.origin = shown;
        into->put(std::move(e));
    }
    if (diags.has_errors()) throw InputError(std::move(diags));
}

Catalogs load_catalogs(const std::vector<fs::path>& extra) {
    Catalogs c;
    auto load = [&](const std::string& rel, Catalog& into) {
        auto text = shipped_data(rel);
        if (!text) throw InputError(Location{rel}, "缺少内置科目目录");
        parse_catalog(*text, "data/" + rel, into);
    };
    load("classification/functional.csv", c.functional);
    load("classification/economic.csv", c.economic);
    for (const auto& p : extra) parse_catalog_rows(read_csv_file(p, p.string()), &c.functional, &c.economic);
    return c;
}

}  // namespace juesuan
