#include "read/toml_text.h"

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

// toml++ explains in English; the officer reads Chinese. Each known wording maps to what to fix;
// anything else gets the general advice. The parser's own words are never shown.
std::string toml_reason(std::string_view d) {
    auto has = [&](std::string_view s) { return d.find(s) != std::string_view::npos; };
    if (has("cannot redefine existing")) return "键或表重复：同一个键（或 [表]）只能写一次";
    if (has("end-of-file") || has("EOF")) return "文件在此处意外结束：可能缺少右引号、右括号或右方括号";
    if (has("unknown escape sequence"))
        return "反斜杠转义不对：字符串中的 \\ 应写作 \\\\，或改用单引号括起";
    if (has("control character")) return "含有不可见的控制字符：请删去此处的特殊字符";
    if (has("utf-8") || has("unicode") || has("U+")) return "含有无效的字符：文件须用 UTF-8 编码保存";
    if (has("not representable in 64 bits")) return "整数过大";
    if (has("leading zero")) return "数字不能以 0 开头（如写作字符串 \"0123\"）";
    if (has("underscore")) return "数字中的下划线位置不对";
    if (has("exceeds length limit") || has("too long") || has("exceeeds") || has("maximum precision"))
        return "内容过长";
    if (has("hour") || has("minute") || has("second") || has("month") || has("day") || has("date") || has("time"))
        return "日期或时间格式不对：应如 2023-12-31";
    if (has("dangling comma") || has("comma")) return "逗号位置不对：数组或内联表的最后一项后面不能有多余的逗号";
    if (has("value-terminator")) return "值后面多了内容：一行只写一个“键 = 值”，字符串要用英文双引号括起";
    if (has("could not determine value type") || has("could not be interpreted as a value") || has("expected value"))
        return "无法识别此处的值：字符串要用英文双引号括起，如 name = \"…\"；数字不加引号";
    if (has("expected '='") || has("expected key") || has("expected keys") || has("bare key") || has("key-value"))
        return "此处应为“键 = 值”、[表头] 或以 # 开头的注释";
    if (has("expected ']'") || has("closing ']'")) return "缺少右方括号 ]";
    if (has("expected '}'") || has("closing '}'")) return "缺少右花括号 }";
    if (has("multi-line")) return "此处不能用多行字符串";
    return "格式不对";
}

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
                         fmt::format("TOML 格式错误：{}（请检查此处的引号、括号、逗号和等号）", toml_reason(e.description())));
    }
    if (const toml::node* n = long_string(root))
        throw InputError(Location{shown, static_cast<int>(n->source().begin.line), static_cast<int>(n->source().begin.column), {}, {}},
                         fmt::format("文字过长：一段文字最多 {} 字节（{} KB），键名最多 {} 字节", kMaxLongTextBytes,
                                     kMaxLongTextBytes >> 10, kMaxFieldBytes));
    return root;
}

}  // namespace juesuan
