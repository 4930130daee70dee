#include "write/json_writer.h"

namespace juesuan {

namespace {

std::string_view kind_key(TableKind k) {
    switch (k) {
        case TableKind::Fixed: return "fixed";
        case TableKind::SubjectTree: return "subject_tree";
        case TableKind::EconomicDetail: return "economic_detail";
    }
    return "";
}

}  // namespace

nlohmann::ordered_json disclosure_to_json(const Disclosure& d) {
    using json = nlohmann::ordered_json;
    json out;
    out["schema"] = d.schema;
    out["department"] = d.department;
    out["year"] = d.year;
    out["unit"] = d.unit;
    out["template"] = d.template_id;
    out["precision"] = d.precision_fen;
    json tables = json::array();
    for (const auto& t : d.tables) {
        json jt;
        jt["id"] = t.id;
        jt["number"] = t.number;
        jt["title"] = t.title;
        jt["kind"] = kind_key(t.kind);
        jt["has_data"] = t.has_data;
        jt["note"] = t.note;
        json cols = json::array();
        for (const auto& c : t.columns) {
            json jc;
            jc["key"] = c.key;
            jc["label"] = c.label;
            if (!c.side.empty()) jc["side"] = c.side;
            if (!c.group.empty()) jc["group"] = c.group;
            cols.push_back(std::move(jc));
        }
        jt["columns"] = std::move(cols);
        json rows = json::array();
        for (const auto& r : t.rows) {
            json jr;
            jr["line"] = r.line ? json(*r.line) : json(nullptr);
            jr["code"] = r.code ? json(*r.code) : json(nullptr);
            jr["label"] = r.label;
            if (!r.side.empty()) jr["side"] = r.side;
            if (!r.subject.empty()) jr["subject"] = r.subject;
            jr["role"] = role_name(r.role);
            json values = json::object();
            for (const auto& c : t.columns) {
                auto it = r.values.find(c.key);
                if (it == r.values.end()) continue;
                values[c.key] = it->second ? json(it->second->fen()) : json(nullptr);
            }
            jr["values"] = std::move(values);
            rows.push_back(std::move(jr));
        }
        jt["rows"] = std::move(rows);
        tables.push_back(std::move(jt));
    }
    out["tables"] = std::move(tables);
    return out;
}

std::string write_json(const Disclosure& d) { return disclosure_to_json(d).dump(2, ' ', false) + "\n"; }

}  // namespace juesuan
