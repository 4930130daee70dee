#include "core/catalog.h"

#include "core/text.h"

namespace juesuan {

std::string_view level_name(Level level) {
    switch (level) {
        case Level::Lei: return "类";
        case Level::Kuan: return "款";
        case Level::Xiang: return "项";
    }
    return "";
}

std::string_view kind_name(CatalogKind kind) {
    return kind == CatalogKind::Functional ? "支出功能分类" : "部门预算支出经济分类";
}

std::optional<Level> level_of(CatalogKind kind, std::string_view code) {
    if (!all_digits(code)) return std::nullopt;
    switch (code.size()) {
        case 3: return Level::Lei;
        case 5: return Level::Kuan;
        case 7:
            if (kind == CatalogKind::Functional) return Level::Xiang;
            return std::nullopt;
        default: return std::nullopt;
    }
}

std::string parent_code(std::string_view code) {
    if (code.size() == 7) return std::string(code.substr(0, 5));
    if (code.size() == 5) return std::string(code.substr(0, 3));
    return {};
}

void Catalog::put(CatalogEntry entry) {
    std::string code = entry.code;
    entries_.insert_or_assign(std::move(code), std::move(entry));
}

const CatalogEntry* Catalog::find(std::string_view code) const {
    auto it = entries_.find(code);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<const CatalogEntry*> Catalog::children(std::string_view code) const {
    std::vector<const CatalogEntry*> out;
    for (const auto& [c, e] : entries_)
        if (e.parent == code) out.push_back(&e);
    return out;
}

std::vector<const CatalogEntry*> Catalog::at_level(Level level) const {
    std::vector<const CatalogEntry*> out;
    for (const auto& [c, e] : entries_)
        if (e.level == level) out.push_back(&e);
    return out;
}

bool Catalog::name_matches(const CatalogEntry& e, std::string_view name) {
    std::string key = label_key(name);
    if (key == label_key(e.name)) return true;
    for (const auto& a : e.aliases)
        if (key == label_key(a)) return true;
    return false;
}

}  // namespace juesuan
