#include "model/disclosure.h"
#include "model/facts.h"
#include "model/finding.h"

#include <algorithm>

#include <fmt/format.h>

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

FormPattern form_pattern(std::string_view text) {
    FormPattern p;
    std::string lit;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find('{', pos), close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            lit += text.substr(pos);
            break;
        }
        lit += text.substr(pos, open - pos);
        p.literals.push_back(std::move(lit));
        lit.clear();
        p.names.emplace_back(text.substr(open + 1, close - open - 1));
        pos = close + 1;
    }
    p.literals.push_back(std::move(lit));
    return p;
}

const std::vector<std::pair<std::string_view, FormFieldScope>>& form_fields() {
    using S = FormFieldScope;
    static const std::vector<std::pair<std::string_view, FormFieldScope>> fields = {
        {"n", S::Repeat},
        {"name", S::Project}, {"department", S::Project}, {"implementer", S::Project}, {"goal", S::Project},
        {"outcome", S::Project}, {"weight", S::Project}, {"rate", S::Project}, {"execution_score", S::Project},
        {"total", S::Project}, {"summary_total", S::Project}, {"summary_grade", S::Project}, {"key_total", S::Project},
        {"key_share", S::Project}, {"key_weights", S::Project},
        {"funds.total.initial", S::Project}, {"funds.total.full_year", S::Project}, {"funds.total.executed", S::Project},
        {"funds.fiscal.initial", S::Project}, {"funds.fiscal.full_year", S::Project}, {"funds.fiscal.executed", S::Project},
        {"funds.carried.initial", S::Project}, {"funds.carried.full_year", S::Project}, {"funds.carried.executed", S::Project},
        {"funds.other.initial", S::Project}, {"funds.other.full_year", S::Project}, {"funds.other.executed", S::Project},
        {"indicator.level1", S::Indicator}, {"indicator.level1_weighted", S::Indicator}, {"indicator.level2", S::Indicator},
        {"indicator.level3", S::Indicator}, {"indicator.target", S::Indicator}, {"indicator.actual", S::Indicator},
        {"indicator.weight", S::Indicator}, {"indicator.score", S::Indicator}, {"indicator.deviation", S::Indicator},
        {"dimension.name", S::Dimension}, {"dimension.weight", S::Dimension}, {"dimension.score", S::Dimension},
        {"dimension.share", S::Dimension},
    };
    return fields;
}

std::string form_problem(const Form& f) {
    auto problem = [&](const std::string& text, const FormRow* row, size_t ri) -> std::string {
        for (const auto& name : form_pattern(text).names) {
            if (name.starts_with("text:")) continue;
            auto it = std::find_if(form_fields().begin(), form_fields().end(), [&](const auto& x) { return x.first == name; });
            const std::string where = row ? fmt::format("表样 {} 第 {} 行", f.key, ri + 1) : fmt::format("表样 {} 的标题", f.key);
            if (it == form_fields().end()) return fmt::format("{}：未知的占位符“{{{}}}”", where, name);
            const std::string repeat = row ? row->repeat : "";
            // Every form but the summary is printed for one project; the summary has one only in its repeat.
            const bool project = f.key != "summary" || repeat == "projects";
            const bool ok = (it->second == FormFieldScope::Project && project) ||
                            (it->second == FormFieldScope::Indicator && repeat == "indicators") ||
                            (it->second == FormFieldScope::Dimension && repeat == "dimensions") ||
                            (it->second == FormFieldScope::Repeat && !repeat.empty());
            if (!ok) return fmt::format("{}：“{{{}}}”在此处没有值", where, name);
        }
        return {};
    };
    if (auto p = problem(f.title, nullptr, 0); !p.empty()) return p;
    for (const auto& l : f.lines)
        if (auto p = problem(l, nullptr, 0); !p.empty()) return p;
    for (size_t ri = 0; ri < f.rows.size(); ++ri)
        for (const auto& c : f.rows[ri].cells) {
            if (auto p = problem(c.text, &f.rows[ri], ri); !p.empty()) return p;
            for (const auto& g : c.group_by)
                if (auto p = problem("{" + g + "}", &f.rows[ri], ri); !p.empty()) return p;
        }
    return {};
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

void place_finding_at(FindingLocation& l, const SourcePlace& p) {
    if (p.page) l.page = p.page;
    if (p.line) l.text_line = p.line;
    if (p.paragraph) l.paragraph = p.paragraph;
    l.sheet = p.sheet;
    l.file = p.file;
}

}  // namespace juesuan
