#include "read/toml_text.h"

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

// Every string of the table within kMaxLongTextBytes: the place of the first that is not.
const toml::node* long_string(const toml::node& n) {
    if (auto s = n.as_string()) return s->get().size() > kMaxLongTextBytes ? &n : nullptr;
    if (auto t = n.as_table())
        for (const auto& [k, v] : *t) {
            if (k.str().size() > kMaxFieldBytes) return &v;
            if (auto x = long_string(v)) return x;
        }
    if (auto a = n.as_array())
        for (const auto& v : *a)
            if (auto x = long_string(v)) return x;
    return nullptr;
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& shown) {
    text = require_utf8(text, shown);
    toml::table root;
    try {
        root = toml::parse(text, shown);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        throw InputError(Location{shown, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), {}, {}},
                         fmt::format("TOML 格式错误：请检查此处的引号、括号、逗号和等号（解析器：{}）", e.description()));
    }
    if (const toml::node* n = long_string(root))
        throw InputError(Location{shown, static_cast<int>(n->source().begin.line), static_cast<int>(n->source().begin.column), {}, {}},
                         fmt::format("文字过长：一段文字最多 {} 字节（{} KB），键名最多 {} 字节", kMaxLongTextBytes,
                                     kMaxLongTextBytes >> 10, kMaxFieldBytes));
    return root;
}

}  // namespace juesuan
