#include "read/json_reader.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "codec/json_codec.h"
#include "core/diagnostics.h"
#include "read/csv_file.h"
#include "read/text_encoding.h"

namespace juesuan {

namespace {

// The offset where arrays and objects nest deeper than kMaxNestingDepth; npos when they do not.
// The parser recurses once per level: a file of a million "[" would exhaust the stack.
size_t too_deep(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNestingDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

Location at_offset(const std::string& shown, std::string_view text, size_t offset) {
    TextPlace at = place_of(text, offset);
    return Location{shown, at.line, at.column, {}, {}};
}

}  // namespace

Disclosure parse_disclosure_json(const std::string& raw, const std::string& shown) {
    std::string_view text = require_utf8(raw, shown);
    if (size_t deep = too_deep(text); deep != std::string_view::npos)
        throw InputError(at_offset(shown, text, deep),
                         fmt::format("JSON 嵌套过深：数组和对象至多嵌套 {} 层，disclosure.json 不会有这样的结构", kMaxNestingDepth));
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based: the byte at which the parser gave up.
        throw InputError(at_offset(shown, text, e.byte > 0 ? e.byte - 1 : 0),
                         "JSON 格式错误：文件不是合法的 JSON（请检查此处的引号、括号、逗号；文本须为 UTF-8）");
    } catch (const nlohmann::json::exception&) {
        // out_of_range: a number past what a double holds (1e999) — the parser names no place.
        throw InputError(Location{shown}, "JSON 格式错误：含有无法表示的数（过大或过小）");
    }
    try {
        return disclosure_from_json(j, shown);
    } catch (const nlohmann::json::exception&) {
        // The codec checks every type before it reads; this is a safety net, in Chinese.
        throw InputError(Location{shown}, "disclosure.json 的内容无法读取：某个值的类型不对");
    }
}

Disclosure read_disclosure_json(const std::filesystem::path& path) {
    return parse_disclosure_json(read_text_file(path, path.string()), path.string());
}

}  // namespace juesuan
