#include "layout/source_document.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace juesuan {

Location location_of(const std::string& file, SourcePlace place) {
    Location l{file, place.line};
    l.page = place.page;
    return l;
}

std::string places_text(const std::vector<SourcePlace>& places) {
    const bool lines = !places.empty() && places.front().line > 0;
    std::vector<int> shown;
    for (const auto& p : places) {
        const int n = lines ? p.line : p.page;
        if (shown.empty() || shown.back() != n) shown.push_back(n);
    }
    const bool more = shown.size() > 10;
    if (more) shown.resize(10);
    return fmt::format("第 {} {}{}", fmt::join(shown, "、"), lines ? "行" : "页", more ? " 等" : "");
}

}  // namespace juesuan
