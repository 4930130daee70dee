#include "read/rules_reader.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "check/check_registry.h"
#include "read/toml_text.h"

#include "core/diagnostics.h"
#include "core/text.h"
#include "read/csv_file.h"
#include "read/template_reader.h"

namespace juesuan {

namespace {


}  // namespace

RuleSet parse_rules(const std::string& text, const std::string& shown) {
    toml::table root = parse_toml(text, shown);
    RuleSet set;
    set.origin = shown;
    auto fail = [&](const toml::node* n, const std::string& key, const std::string& msg) {
        throw InputError(Location{shown, n ? static_cast<int>(n->source().begin.line) : 0, 0, {}, key}, msg);
    };
    auto strings = [&](const toml::node* n, const std::string& key) {
        std::vector<std::string> out;
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) fail(n, key, fmt::format("“{}”应为字符串数组", key));
        for (const auto& e : *a) {
            auto s = e.value<std::string>();
            if (!s) fail(&e, key, fmt::format("“{}”的每一项都应为字符串", key));
            out.push_back(*s);
        }
        return out;
    };
    set.version = root["version"].value_or(std::string(shown));
    set.templates = strings(root.get("templates"), "templates");
    if (set.templates.empty()) set.templates = {"*"};
    const toml::array* rules = root.get_as<toml::array>("rules");
    if (!rules) fail(&root, "rules", "规则文件中没有 [[rules]]");
    std::set<std::string> ids;
    for (const auto& node : *rules) {
        const toml::table* t = node.as_table();
        if (!t) fail(&node, "rules", "每条规则应为 [[rules]] 表");
        Rule r;
        r.origin = shown;
        r.line = static_cast<int>(t->source().begin.line);
        auto str = [&](const char* key, bool required) -> std::string {
            const toml::node* n = t->get(key);
            if (!n) {
                if (required) fail(t, r.id.empty() ? key : r.id + "." + key, fmt::format("规则缺少“{}”", key));
                return {};
            }
            auto v = n->value<std::string>();
            if (!v) fail(n, r.id + "." + key, fmt::format("“{}”应为字符串", key));
            return *v;
        };
        r.id = str("id", true);
        if (!ids.insert(r.id).second) fail(t, r.id, fmt::format("规则编号 {} 重复", r.id));
        static const std::set<std::string> known = {"id",   "severity", "category", "description", "formula",
                                                    "related", "each", "where", "columns", "tables"};
        for (const auto& [k, v] : *t)
            if (!known.count(std::string(k.str())))
                fail(&v, r.id + "." + std::string(k.str()), fmt::format("规则 {} 有未知的键“{}”", r.id, k.str()));
        std::string sev = str("severity", true);
        if (sev == "error") r.severity = FindingSeverity::Error;
        else if (sev == "warning") r.severity = FindingSeverity::Warning;
        else if (sev == "info") r.severity = FindingSeverity::Info;
        else fail(t->get("severity"), r.id + ".severity", fmt::format("规则 {} 的 severity 应为 error、warning 或 info", r.id));
        r.category = str("category", true);
        const auto& cats = rule_categories();
        if (std::find(cats.begin(), cats.end(), r.category) == cats.end())
            fail(t->get("category"), r.id + ".category",
                 fmt::format("规则 {} 的 category“{}”无效：应为 arithmetic、cross-table、catalog、completeness、narrative 或 performance",
                             r.id, r.category));
        r.description = str("description", true);
        r.formula_text = str("formula", true);
        r.related = strings(t->get("related"), r.id + ".related");
        r.each = str("each", false);
        if (!r.each.empty()) {
            if (r.each.size() == 3 && r.each[0] == 'T') r.each = r.each.substr(1);
            if (r.each.size() != 2 || !all_digits(r.each)) fail(t->get("each"), r.id + ".each", "each 应为表，如 \"T03\"");
        }
        r.where = str("where", false);
        if (!r.where.empty() && r.each.empty())
            fail(t->get("where"), r.id + ".where", fmt::format("规则 {} 有 where 而没有 each：where 只用于逐行核对", r.id));
        r.columns = strings(t->get("columns"), r.id + ".columns");
        r.tables = strings(t->get("tables"), r.id + ".tables");
        std::vector<std::string> cols = r.columns.empty() ? std::vector<std::string>{""} : r.columns;
        std::vector<std::string> tabs = r.tables.empty() ? std::vector<std::string>{""} : r.tables;
        try {
            if (!r.where.empty()) parse_selector(r.where);
            for (const auto& tab : tabs)
                for (const auto& col : cols) {
                    std::string text = fill_placeholders(r.formula_text, {{"col", col}, {"table", tab}});
                    Formula f = parse_formula(text);
                    validate_formula(f);
                    r.instances.push_back({col, tab, std::move(f)});
                }
        } catch (const FormulaError& e) {
            fail(t->get("formula"), r.id + ".formula", fmt::format("规则 {}：{}", r.id, e.what()));
        }
        set.rules.push_back(std::move(r));
    }
    return set;
}

std::vector<RuleSet> load_rules(const std::vector<std::filesystem::path>& extra) {
    std::vector<RuleSet> sets;
    for (const auto& rel : shipped_files("rules", ".toml")) {
        auto text = shipped_data(rel);
        if (text) sets.push_back(parse_rules(*text, "data/" + rel));
    }
    for (const auto& p : extra) sets.push_back(parse_rules(read_text_file(p, p.string()), p.string()));
    std::map<std::string, std::string> seen;
    for (const auto& s : sets)
        for (const auto& r : s.rules) {
            auto [it, fresh] = seen.emplace(r.id, s.origin);
            if (!fresh)
                throw InputError(Location{s.origin, r.line, 0, {}, r.id},
                                 fmt::format("规则编号 {} 与 {} 中的规则重复：新增规则请另取编号", r.id, it->second));
        }
    return sets;
}

std::string rules_version(const std::vector<RuleSet>& sets) {
    std::string v;
    for (const auto& s : sets) v += (v.empty() ? "" : " + ") + s.version;
    return v;
}

}  // namespace juesuan
