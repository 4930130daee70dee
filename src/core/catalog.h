// The classification catalog (政府收支分类科目): 支出功能分类 (类 3 / 款 5 / 项 7 digits)
// and 部门预算支出经济分类 (类 3 / 款 5 digits).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace juesuan {

enum class CatalogKind { Functional, Economic };
enum class Level { Lei, Kuan, Xiang };  // 类 / 款 / 项

std::string_view level_name(Level level);  // "类" / "款" / "项"
std::string_view kind_name(CatalogKind kind);  // "支出功能分类" / "部门预算支出经济分类"

// The level a code of this kind has by its length, or nullopt when the length is wrong.
std::optional<Level> level_of(CatalogKind kind, std::string_view code);
// The parent code (类 of a 款, 款 of a 项), empty for a 类.
std::string parent_code(std::string_view code);

struct CatalogEntry {
    std::string code;
    std::string name;
    Level level = Level::Lei;
    std::string parent;
    std::vector<std::string> aliases;  // names of other editions
    std::string sources;               // source ids, see the catalog's PROVENANCE.md
    std::string note;
    std::string origin;                // which catalog file the entry came from
};

class Catalog {
public:
    explicit Catalog(CatalogKind kind) : kind_(kind) {}
    CatalogKind kind() const { return kind_; }

    // Adds or replaces (a later catalog overrides an earlier one).
    void put(CatalogEntry entry);
    const CatalogEntry* find(std::string_view code) const;
    std::vector<const CatalogEntry*> children(std::string_view code) const;
    std::vector<const CatalogEntry*> at_level(Level level) const;
    size_t size() const { return entries_.size(); }
    // True when name is the entry's name or one of its aliases, ignoring white space
    // and full-width/half-width differences.
    static bool name_matches(const CatalogEntry& e, std::string_view name);
    const std::vector<std::string>& origins() const { return origins_; }
    void add_origin(std::string origin) { origins_.push_back(std::move(origin)); }

private:
    CatalogKind kind_;
    std::map<std::string, CatalogEntry, std::less<>> entries_;
    std::vector<std::string> origins_;
};

// The two catalogs a build uses.
struct Catalogs {
    Catalog functional{CatalogKind::Functional};
    Catalog economic{CatalogKind::Economic};
};

}  // namespace juesuan
