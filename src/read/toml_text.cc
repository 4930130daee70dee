#include "read/toml_text.h"

#include <fmt/format.h>

#include "core/diagnostics.h"

namespace juesuan {

toml::table parse_toml(std::string_view text, const std::string& shown) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    try {
        return toml::parse(text, shown);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        throw InputError(Location{shown, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), {}, {}},
                         fmt::format("TOML 格式错误：请检查此处的引号、括号、逗号和等号（解析器：{}）", e.description()));
    }
}

}  // namespace juesuan
