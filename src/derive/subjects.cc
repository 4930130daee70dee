#include "derive/subjects.h"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"

namespace juesuan {

namespace {

std::string origins(const Catalog& c) {
    std::string s = fmt::format("{}", fmt::join(c.origins(), "、"));
    return s.empty() ? std::string("（空）") : s;
}

struct Resolver {
    const Catalog& catalog;
    Diagnostics& diags;
    std::map<std::string, std::string>& out;
    std::map<std::string, Location> first_seen;

    // A subject written in the books with a name: checked against the catalog where
    // the catalog knows it, else against the first place the books name it.
    void named(const std::string& code, const std::string& name, const Location& where) {
        if (const auto* e = catalog.find(code)) {
            if (!Catalog::name_matches(*e, name)) {
                diags.error(where, fmt::format("科目 {} 的名称“{}”与科目目录（{}）不符：目录中为“{}”。"
                                               "如本年度科目名称已调整，请用 --catalog 加载本年度的科目目录",
                                               code, name, e->origin, e->name));
            }
            if (!out.count(code)) out[code] = name;
            return;
        }
        if (auto it = out.find(code); it != out.end()) {
            if (label_key(it->second) != label_key(name)) {
                diags.error(where, fmt::format("科目 {} 的名称“{}”与{}处所写的“{}”不一致", code, name,
                                               describe(first_seen[code]), it->second));
            }
            return;
        }
        diags.warning(where, fmt::format("科目 {}“{}”不在科目目录（{}）中，按填写的名称使用", code, name,
                                         origins(catalog)));
        out[code] = name;
        first_seen[code] = where;
    }

    // A parent that must be known, from the books or the catalog.
    void parent(const std::string& child, const std::string& code, const Location& where) {
        if (out.count(code)) return;
        if (const auto* e = catalog.find(code)) {
            out[code] = e->name;
            return;
        }
        auto lvl = level_of(catalog.kind(), code);
        diags.error(where, fmt::format("科目 {} 的{} {} 既不在科目目录（{}）中，也未在本文件中写出名称："
                                       "请补一行“{},名称”（金额留空），或用 --catalog 加载完整的科目目录",
                                       child, lvl ? level_name(*lvl) : "上级", code, origins(catalog), code));
        out[code] = code;  // keep going; the error stops the build
    }
};

}  // namespace

SubjectNames resolve_subjects(const Facts& f, const Catalogs& cats, Diagnostics& diags) {
    SubjectNames names;
    Resolver fn{cats.functional, diags, names.functional, {}};
    for (const auto& n : f.names) fn.named(n.code, n.name, n.name_where);
    auto leaf_lines = {&f.income, &f.expenditure, &f.fiscal_expenditure};
    for (const auto* lines : leaf_lines)
        for (const auto& l : *lines) fn.named(l.code, l.name, l.name_where);
    for (const auto& b : f.budget) fn.named(b.code, b.name, b.name_where);
    for (const auto& b : f.balances)
        if (!b.code.empty()) fn.named(b.code, b.name, b.name_where);
    for (const auto* lines : leaf_lines)
        for (const auto& l : *lines) {
            std::string kuan = parent_code(l.code), lei = parent_code(kuan);
            fn.parent(l.code, kuan, l.where);
            fn.parent(l.code, lei, l.where);
        }
    for (const auto& n : f.names)
        if (n.code.size() == 5) fn.parent(n.code, parent_code(n.code), n.where);

    Resolver ec{cats.economic, diags, names.economic, {}};
    for (const auto& n : f.economic_names) ec.named(n.code, n.name, n.name_where);
    for (const auto& l : f.basic_economic) ec.named(l.code, l.name, l.name_where);
    for (const auto& l : f.basic_economic) ec.parent(l.code, parent_code(l.code), l.where);
    return names;
}

void check_template_classes(const Facts& f, const Template& tpl, Diagnostics& diags) {
    if (tpl.classes.empty()) return;
    std::set<std::string> known;
    for (const auto& c : tpl.classes) known.insert(c.code);
    std::set<std::string> reported;
    for (const auto* lines : {&f.income, &f.expenditure, &f.fiscal_expenditure}) {
        for (const auto& l : *lines) {
            std::string lei = l.code.substr(0, 3);
            if (known.count(lei) || !reported.insert(lei).second) continue;
            diags.error(l.where, fmt::format("科目 {} 所属的类 {} 不在模板 {} 的类列表中（公开01表、04表按类列示）："
                                             "请核对科目编码，或使用列有该类的模板",
                                             l.code, lei, tpl.id));
        }
    }
}

}  // namespace juesuan
