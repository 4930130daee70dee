#include "layout/source_document.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace juesuan {

Location location_of(const std::string& file, SourcePlace place) {
    Location l{place.file.empty() ? file : place.file, place.line};
    l.page = place.page;
    l.paragraph = place.paragraph;
    l.sheet = place.sheet;
    return l;
}

std::string places_text(const std::vector<SourcePlace>& places) {
    const bool lines = !places.empty() && places.front().line > 0;
    const bool paragraphs = !places.empty() && places.front().paragraph > 0;
    std::vector<int> shown;
    for (const auto& p : places) {
        const int n = paragraphs ? p.paragraph : lines ? p.line : p.page;
        if (shown.empty() || shown.back() != n) shown.push_back(n);
    }
    const bool more = shown.size() > 10;
    if (more) shown.resize(10);
    return fmt::format("第 {} {}{}", fmt::join(shown, "、"), paragraphs ? "段" : lines ? "行" : "页", more ? " 等" : "");
}

}  // namespace juesuan
