#include "read/json_reader.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "codec/json_codec.h"
#include "core/diagnostics.h"
#include "read/csv_file.h"

namespace juesuan {

Disclosure parse_disclosure_json(const std::string& text, const std::string& shown) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // The byte offset as a line and column, as an editor shows them.
        size_t line = 1, column = 1;
        for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        throw InputError(Location{shown, static_cast<int>(line), static_cast<int>(column), {}, {}},
                         "JSON 格式错误：文件不是合法的 JSON（请检查此处的引号、括号、逗号；文本须为 UTF-8）");
    }
    return disclosure_from_json(j, shown);
}

Disclosure read_disclosure_json(const std::filesystem::path& path) {
    return parse_disclosure_json(read_text_file(path, path.string()), path.string());
}

}  // namespace juesuan
