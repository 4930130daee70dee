#include "write/json_writer.h"

#include "core/score.h"

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

std::string pct(const std::optional<Percent>& p) { return p ? format_percent(*p, PercentStyle::Fixed) : ""; }

nlohmann::ordered_json funds(Money i, Money f, Money e) {
    return {{"initial", i.fen()}, {"full_year", f.fen()}, {"executed", e.fen()}};
}

}  // namespace

nlohmann::ordered_json performance_to_json(const Performance& perf) {
    using json = nlohmann::ordered_json;
    const ScoringMethod& m = perf.method;
    json method;
    method["execution_weight"] = m.execution_weight.str();
    method["partial"] = m.partial;
    json grades = json::array();
    for (const auto& g : m.grades) grades.push_back(json::array({g.min.str(), g.name}));
    method["grades"] = std::move(grades);
    json dims = json::array();
    for (const auto& d : m.key_dimensions)
        dims.push_back({{"name", d.name}, {"weight", d.weight.str()}, {"basis", d.basis}, {"level1", d.level1}});
    method["key_dimensions"] = std::move(dims);
    json projects = json::array();
    for (const auto& p : perf.projects) {
        json j;
        j["name"] = p.name;
        j["department"] = p.department;
        j["implementer"] = p.implementer;
        j["category"] = p.category;
        j["detailed"] = p.detailed;
        j["key"] = p.key;
        j["funds"] = {{"total", funds(p.initial, p.full_year, p.executed)},
                      {"fiscal", funds(p.fiscal_initial, p.fiscal_full_year, p.fiscal_executed)},
                      {"carried", funds(p.carried_initial, p.carried_full_year, p.carried_executed)},
                      {"other", funds(p.other_initial, p.other_full_year, p.other_executed)}};
        j["rate"] = pct(p.rate);
        j["execution_weight"] = p.execution_weight.str();
        j["execution_score"] = format_score_fixed(p.execution_score);
        json inds = json::array();
        for (const auto& i : p.indicators)
            inds.push_back({{"level1", i.level1}, {"level2", i.level2}, {"level3", i.level3}, {"op", i.op},
                            {"target", i.target}, {"actual", i.actual}, {"unit", i.unit}, {"weight", i.weight.str()},
                            {"score", format_score_fixed(i.score)}, {"met", i.met}, {"deviation", i.deviation}});
        j["indicators"] = std::move(inds);
        j["total"] = format_score_fixed(p.total);
        j["grade"] = p.grade;
        j["summary"] = {{"total", format_score_fixed(p.summary_total)}, {"grade", p.summary_grade}};
        j["goal"] = p.goal;
        j["outcome"] = p.outcome;
        j["review"] = p.review;
        if (p.key) {
            json kd = json::array();
            for (const auto& k : p.key_dimensions)
                kd.push_back({{"name", k.name}, {"weight", k.weight.str()}, {"score", format_score_fixed(k.score)},
                              {"share", pct(k.share)}});
            j["key_evaluation"] = {{"dimensions", std::move(kd)}, {"total", format_score_fixed(p.key_total)},
                                   {"share", pct(p.key_share)}, {"grade", p.key_grade}};
        }
        projects.push_back(std::move(j));
    }
    return {{"method", std::move(method)}, {"projects", std::move(projects)}};
}

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

    json refs = json::object();
    for (const auto& [k, v] : d.references) refs[k] = v;
    out["references"] = std::move(refs);

    auto sections_json = [](const std::vector<Section>& list) {
        json sections = json::array();
        for (const auto& s : list) {
            json js;
            js["id"] = s.id;
            js["title"] = s.title;
            if (!s.project.empty()) js["project"] = s.project;
            json paragraphs = json::array();
            for (const auto& p : s.paragraphs) {
                json jp;
                jp["style"] = p.style;
                if (p.chart) {
                    json items = json::array();
                    for (const auto& i : p.chart->items) items.push_back({{"label", i.label}, {"values", i.values}});
                    jp["chart"] = {{"kind", p.chart->kind}, {"series", p.chart->series}, {"items", std::move(items)}};
                }
                json sentences = json::array();
                for (const auto& x : p.sentences) {
                    json jx;
                    jx["text"] = x.text;
                    json claims = json::array();
                    for (const auto& c : x.claims) {
                        json jc;
                        jc["id"] = c.id;
                        jc["kind"] = c.kind;
                        jc["text"] = c.text;
                        if (c.kind != "text") jc["value"] = c.value;
                        if (!c.unit.empty()) jc["unit"] = c.unit;
                        jc["states"] = c.states;
                        jc["offset"] = c.offset;
                        claims.push_back(std::move(jc));
                    }
                    jx["claims"] = std::move(claims);
                    if (!x.quoted.empty()) {
                        json q = json::array();
                        for (auto [o, n] : x.quoted) q.push_back(json::array({o, n}));
                        jx["quoted"] = std::move(q);
                    }
                    sentences.push_back(std::move(jx));
                }
                jp["sentences"] = std::move(sentences);
                paragraphs.push_back(std::move(jp));
            }
            js["paragraphs"] = std::move(paragraphs);
            sections.push_back(std::move(js));
        }
        return sections;
    };
    json glossary = json::array();
    for (const auto& g : d.narrative.glossary) {
        json jg;
        jg["term"] = g.term;
        jg["definition"] = g.definition;
        if (!g.code.empty()) jg["code"] = g.code;
        glossary.push_back(std::move(jg));
    }
    out["narrative"] = {{"sections", sections_json(d.narrative.sections)},
                        {"reports", sections_json(d.narrative.reports)},
                        {"glossary", std::move(glossary)}};
    out["performance"] = performance_to_json(d.performance);
    return out;
}

std::string write_json(const Disclosure& d) { return disclosure_to_json(d).dump(2, ' ', false) + "\n"; }

}  // namespace juesuan
