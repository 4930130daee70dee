#include "model/disclosure.h"
#include "model/facts.h"

namespace juesuan {

std::string_view fund_key(Fund f) {
    switch (f) {
        case Fund::Gpb: return "gpb";
        case Fund::Gf: return "gf";
        case Fund::Soc: return "soc";
        case Fund::NonFiscal: return "nonfiscal";
    }
    return "";
}

std::string_view fund_label(Fund f) {
    switch (f) {
        case Fund::Gpb: return "一般公共预算财政拨款";
        case Fund::Gf: return "政府性基金预算财政拨款";
        case Fund::Soc: return "国有资本经营预算财政拨款";
        case Fund::NonFiscal: return "非财政拨款";
    }
    return "";
}

std::string_view role_name(RowRole r) {
    switch (r) {
        case RowRole::Item: return "item";
        case RowRole::Subtotal: return "subtotal";
        case RowRole::Total: return "total";
        case RowRole::Blank: return "blank";
    }
    return "";
}

const Column* Table::column(const std::string& key) const {
    for (const auto& c : columns)
        if (c.key == key) return &c;
    return nullptr;
}

const Row* Table::row_by_line(int line) const {
    for (const auto& r : rows)
        if (r.line && *r.line == line) return &r;
    return nullptr;
}

const Row* Table::row_by_code(const std::string& code, const std::string& side) const {
    for (const auto& r : rows)
        if (r.code && *r.code == code && (side.empty() || r.side == side)) return &r;
    return nullptr;
}

std::optional<std::int64_t> References::find(std::string_view name) const {
    constexpr std::string_view count = "count.";
    if (name.substr(0, count.size()) == count) {
        auto it = counts.find(std::string(name.substr(count.size())));
        return it == counts.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
    }
    auto it = amounts.find(std::string(name));
    return it == amounts.end() ? std::nullopt : std::optional<std::int64_t>(it->second.fen());
}

const Table* Disclosure::table(const std::string& id) const {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

std::string Paragraph::text() const {
    std::string s;
    for (const auto& x : sentences) s += x.text;
    return s;
}

const Section* Narrative::section(const std::string& id) const {
    for (const auto& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

const Section* Narrative::report(const std::string& project) const {
    for (const auto& s : reports)
        if (s.project == project) return &s;
    return nullptr;
}

const ProjectEvaluation* Disclosure::project(const std::string& name) const {
    for (const auto& p : performance.projects)
        if (p.name == name) return &p;
    return nullptr;
}

const Form* Disclosure::form(const std::string& key) const {
    for (const auto& f : forms)
        if (f.key == key) return &f;
    return nullptr;
}

std::string ScoringMethod::grade_of(Score s) const {
    for (const auto& g : grades)
        if (s >= score_of(g.min)) return g.name;
    return grades.empty() ? "" : grades.back().name;
}

}  // namespace juesuan
