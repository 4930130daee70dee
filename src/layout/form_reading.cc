#include "layout/form_reading.h"

#include <fmt/format.h>

#include "core/decimal.h"
#include "core/money.h"
#include "core/score.h"
#include "core/text.h"

namespace juesuan {

namespace {

// The values a printed text gives a pattern's placeholders; false when its literals are not there.
bool match(const FormPattern& p, const std::string& text, std::map<std::string, std::string>& out) {
    const std::string& head = p.literals.front();
    if (text.compare(0, head.size(), head) != 0) return false;
    size_t pos = head.size();
    for (size_t i = 0; i < p.names.size(); ++i) {
        const std::string& next = p.literals[i + 1];
        size_t end = i + 1 == p.names.size() ? (next.size() <= text.size() - pos ? text.size() - next.size() : std::string::npos)
                     : next.empty()          ? text.size()
                                             : text.find(next, pos);
        if (end == std::string::npos || end < pos) return false;
        if (!p.names[i].starts_with("text:")) out[p.names[i]] = text.substr(pos, end - pos);
        pos = end + next.size();
    }
    return pos == text.size();
}

std::string at(const std::vector<std::string>& row, int col) {
    return col < static_cast<int>(row.size()) ? trim(row[static_cast<size_t>(col)]) : std::string();
}

// Whether every cell of a row without placeholders prints its text; `literals` counts them.
bool literals_match(const FormRow& fr, const std::vector<std::string>& row, int* literals = nullptr) {
    int col = 0, n = 0;
    for (const auto& cell : fr.cells) {
        if (cell.text.find('{') == std::string::npos && !cell.text.empty()) {
            if (at(row, col) != cell.text) return false;
            ++n;
        }
        col += cell.colspan;
    }
    if (literals) *literals = n;
    return true;
}

// Whether a grid row is this fixed row: it has literal cells, and all of them are printed.
bool is_row(const FormRow& fr, const std::vector<std::string>& row) {
    int n = 0;
    return literals_match(fr, row, &n) && n > 0;
}

bool read_row(const FormRow& fr, const std::vector<std::string>& row, const std::map<std::string, std::string>* above,
              std::map<std::string, std::string>& out) {
    int col = 0;
    bool ok = true;
    for (const auto& cell : fr.cells) {
        const std::string text = at(row, col);
        const FormPattern p = form_pattern(cell.text);
        if (!cell.group_by.empty() && text.empty() && above) {
            for (const auto& n : p.names)  // a continued run: the value of the row above
                if (auto it = above->find(n); it != above->end()) out[n] = it->second;
            for (const auto& g : cell.group_by)
                if (auto it = above->find(g); it != above->end()) out[g] = it->second;
        } else if (!p.names.empty()) {
            ok = match(p, text, out) && ok;
        }
        col += cell.colspan;
    }
    return ok;
}

}  // namespace

FormValues read_form(const Form& form, const std::vector<std::vector<std::string>>& grid, std::vector<GridProblem>& problems) {
    FormValues v;
    size_t g = 0;
    for (size_t fi = 0; fi < form.rows.size(); ++fi) {
        const FormRow& fr = form.rows[fi];
        if (fr.if_none) {
            if (g < grid.size() && !fr.cells.empty() && fi > 0 && !form.rows[fi - 1].repeat.empty() &&
                v.repeats[form.rows[fi - 1].repeat].empty())
                ++g;  // the “无” row of an empty repeat
            continue;
        }
        if (fr.repeat.empty()) {
            if (g >= grid.size()) {
                problems.push_back({static_cast<int>(g), 0, "表样在此处还应有一行"});
                return v;
            }
            if (!literals_match(fr, grid[g]) || !read_row(fr, grid[g], nullptr, v.fields))
                problems.push_back({static_cast<int>(g), 0, "此行与表样不符"});
            ++g;
            continue;
        }
        // Repeated rows run until the next fixed row of the form.
        const FormRow* next = nullptr;
        for (size_t k = fi + 1; k < form.rows.size() && !next; ++k)
            if (form.rows[k].repeat.empty() && !form.rows[k].if_none) next = &form.rows[k];
        auto& items = v.repeats[fr.repeat];
        while (g < grid.size() && !(next && is_row(*next, grid[g]))) {
            std::map<std::string, std::string> item;
            if (!read_row(fr, grid[g], items.empty() ? nullptr : &items.back(), item))
                problems.push_back({static_cast<int>(g), 0, "此行与表样的重复行不符"});
            // The fields the group cells stand for (indicator.level1 behind level1_weighted).
            for (const auto& cell : fr.cells)
                for (const auto& gname : cell.group_by)
                    if (!item.count(gname)) {
                        std::string shown = item.count(gname + "_weighted") ? item.at(gname + "_weighted") : "";
                        auto paren = shown.rfind("（");
                        item[gname] = paren == std::string::npos ? shown : shown.substr(0, paren);
                    }
            items.push_back(std::move(item));
            ++g;
        }
    }
    if (g < grid.size()) problems.push_back({static_cast<int>(g), 0, "表样之外多出的行"});
    return v;
}

ProjectEvaluation project_from_form(const FormValues& v, std::vector<GridProblem>& problems) {
    ProjectEvaluation p;
    auto text = [&](const std::map<std::string, std::string>& m, const std::string& k) {
        auto it = m.find(k);
        return it == m.end() ? std::string() : it->second;
    };
    auto problem = [&](const std::string& k, const std::string& t, const char* what) {
        problems.push_back({-1, 0, fmt::format("{}“{}”不是{}", k, t, what)});
    };
    auto score = [&](const std::map<std::string, std::string>& m, const std::string& k) {
        std::string t = text(m, k);
        auto d = parse_decimal(t);
        if (!d && !t.empty()) problem(k, t, "分数");
        return d ? score_of(*d) : Score{};
    };
    const auto& f = v.fields;
    p.name = text(f, "name");
    p.department = text(f, "department");
    p.implementer = text(f, "implementer");
    p.goal = text(f, "goal");
    p.outcome = text(f, "outcome");
    if (auto w = parse_decimal(text(f, "weight"))) p.execution_weight = *w;
    for (const auto& [source, figures] : {std::pair{"total", &p.funds.total}, std::pair{"fiscal", &p.funds.fiscal},
                                          std::pair{"carried", &p.funds.carried}, std::pair{"other", &p.funds.other}})
        for (const auto& [which, m] : {std::pair{"initial", &figures->initial}, std::pair{"full_year", &figures->full_year},
                                       std::pair{"executed", &figures->executed}}) {
            const std::string k = fmt::format("funds.{}.{}", source, which), t = text(f, k);
            AmountParse a = parse_amount(t, AmountUnit::Wan);
            if (!a.ok()) problem(k, t, "金额");
            *m = a.value.value_or(Money{});
        }
    if (std::string r = text(f, "rate"); !r.empty() && r != "—") {
        auto d = parse_decimal(r.ends_with("%") ? r.substr(0, r.size() - 1) : r);
        if (d) p.rate = Percent{score_of(*d).hundredths};
        else problem("rate", r, "百分比");
    }
    p.execution_score = score(f, "execution_score");
    p.total = score(f, "total");
    if (auto it = v.repeats.find("indicators"); it != v.repeats.end())
        for (const auto& item : it->second) {
            ScoredIndicator i;
            i.level1 = text(item, "indicator.level1");
            i.level2 = text(item, "indicator.level2");
            i.level3 = text(item, "indicator.level3");
            i.deviation = text(item, "indicator.deviation");
            if (auto w = parse_decimal(text(item, "indicator.weight"))) i.weight = *w;
            i.score = score(item, "indicator.score");
            p.indicators.push_back(std::move(i));
        }
    return p;
}

}  // namespace juesuan
