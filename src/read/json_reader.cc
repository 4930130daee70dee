#include "read/json_reader.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "read/csv_file.h"

namespace juesuan {

namespace {

using json = nlohmann::json;

struct Ctx {
    std::string file;
    [[noreturn]] void fail(const std::string& path, const std::string& msg) const {
        throw InputError(Location{file, 0, 0, {}, path}, msg);
    }
    const json& need(const json& j, const char* key, const std::string& path) const {
        if (!j.is_object() || !j.contains(key)) fail(path, fmt::format("缺少“{}”", key));
        return j.at(key);
    }
    std::string str(const json& j, const char* key, const std::string& path, bool required = true) const {
        if (!j.contains(key)) {
            if (required) fail(path, fmt::format("缺少“{}”", key));
            return {};
        }
        const json& v = j.at(key);
        if (!v.is_string()) fail(path + "." + key, "应为字符串");
        return v.get<std::string>();
    }
};

TableKind kind_of(const Ctx& c, const std::string& k, const std::string& path) {
    if (k == "fixed") return TableKind::Fixed;
    if (k == "subject_tree") return TableKind::SubjectTree;
    if (k == "economic_detail") return TableKind::EconomicDetail;
    c.fail(path, fmt::format("未知的表类型“{}”", k));
}

RowRole role_of(const Ctx& c, const std::string& r, const std::string& path) {
    if (r == "item" || r.empty()) return RowRole::Item;
    if (r == "subtotal") return RowRole::Subtotal;
    if (r == "total") return RowRole::Total;
    if (r == "blank") return RowRole::Blank;
    c.fail(path, fmt::format("未知的行类型“{}”", r));
}

}  // namespace

Disclosure parse_disclosure_json(const std::string& text, const std::string& shown) {
    Ctx c{shown};
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(Location{shown, 0, 0, {}, fmt::format("第 {} 个字节", e.byte)}, "JSON 格式错误：文件不是合法的 JSON");
    }
    if (!j.is_object()) c.fail("$", "顶层应为对象");
    std::string schema = c.str(j, "schema", "$");
    if (schema != "juesuan.disclosure/1")
        c.fail("schema", fmt::format("不支持的格式“{}”：应为 juesuan.disclosure/1", schema));
    Disclosure d;
    d.department = c.str(j, "department", "$");
    const json& year = c.need(j, "year", "$");
    if (!year.is_number_integer()) c.fail("year", "应为整数年份");
    d.year = year.get<int>();
    d.unit = c.str(j, "unit", "$", false);
    d.template_id = c.str(j, "template", "$", false);
    if (j.contains("precision")) {
        const json& p = j.at("precision");
        if (!p.is_number_integer() || p.get<std::int64_t>() < 1) c.fail("precision", "应为正整数（分）");
        d.precision_fen = p.get<std::int64_t>();
    }
    const json& tables = c.need(j, "tables", "$");
    if (!tables.is_array()) c.fail("tables", "应为数组");
    for (size_t ti = 0; ti < tables.size(); ++ti) {
        const json& jt = tables[ti];
        std::string tpath = fmt::format("tables[{}]", ti);
        Table t;
        t.id = c.str(jt, "id", tpath);
        t.number = c.str(jt, "number", tpath, false);
        t.title = c.str(jt, "title", tpath);
        t.kind = kind_of(c, c.str(jt, "kind", tpath, false).empty() ? "fixed" : c.str(jt, "kind", tpath), tpath + ".kind");
        t.note = c.str(jt, "note", tpath, false);
        if (jt.contains("has_data")) {
            if (!jt.at("has_data").is_boolean()) c.fail(tpath + ".has_data", "应为 true 或 false");
            t.has_data = jt.at("has_data").get<bool>();
        }
        const json& cols = c.need(jt, "columns", tpath);
        if (!cols.is_array()) c.fail(tpath + ".columns", "应为数组");
        for (size_t ci = 0; ci < cols.size(); ++ci) {
            std::string cpath = fmt::format("{}.columns[{}]", tpath, ci);
            t.columns.push_back({c.str(cols[ci], "key", cpath), c.str(cols[ci], "label", cpath),
                                 c.str(cols[ci], "side", cpath, false), c.str(cols[ci], "group", cpath, false)});
        }
        const json& rows = c.need(jt, "rows", tpath);
        if (!rows.is_array()) c.fail(tpath + ".rows", "应为数组");
        for (size_t ri = 0; ri < rows.size(); ++ri) {
            const json& jr = rows[ri];
            std::string rpath = fmt::format("{}.rows[{}]", tpath, ri);
            Row r;
            if (jr.contains("line") && !jr.at("line").is_null()) {
                if (!jr.at("line").is_number_integer()) c.fail(rpath + ".line", "行次应为整数或 null");
                r.line = jr.at("line").get<int>();
            }
            if (jr.contains("code") && !jr.at("code").is_null()) {
                if (!jr.at("code").is_string()) c.fail(rpath + ".code", "科目编码应为字符串或 null");
                r.code = jr.at("code").get<std::string>();
            }
            r.label = c.str(jr, "label", rpath);
            r.side = c.str(jr, "side", rpath, false);
            r.subject = c.str(jr, "subject", rpath, false);
            r.role = role_of(c, c.str(jr, "role", rpath, false), rpath + ".role");
            const json& values = c.need(jr, "values", rpath);
            if (!values.is_object()) c.fail(rpath + ".values", "应为对象");
            for (const auto& [k, v] : values.items()) {
                if (!t.column(k)) c.fail(rpath + ".values." + k, fmt::format("列“{}”不在本表的 columns 中", k));
                if (v.is_null()) {
                    r.values[k] = std::nullopt;
                } else if (v.is_number_integer()) {
                    r.values[k] = Money::from_fen(v.get<std::int64_t>());
                } else {
                    c.fail(rpath + ".values." + k, "金额应为整数（单位：分）或 null");
                }
            }
            t.rows.push_back(std::move(r));
        }
        d.tables.push_back(std::move(t));
    }
    return d;
}

Disclosure read_disclosure_json(const std::filesystem::path& path) {
    return parse_disclosure_json(read_text_file(path, path.string()), path.string());
}

}  // namespace juesuan
