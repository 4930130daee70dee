#include "read/text_encoding.h"

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "read/csv_file.h"

namespace juesuan {

std::size_t invalid_utf8_offset(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

TextPlace place_of(std::string_view text, std::size_t offset) {
    TextPlace at;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

std::string_view strip_utf8_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::string utf16_problem(std::string_view bytes) {
    constexpr const char* kSaveAs = "文件是 UTF-16 编码（记事本的“Unicode”），请另存为 UTF-8";
    std::string_view head = bytes.substr(0, 4096);
    std::size_t nuls = 0;
    for (char c : head) nuls += c == '\0';
    // A BOM alone proves little (0xFF 0xFE also begins garbage): UTF-16 is whole code units, and
    // its commas, digits and line ends carry NULs, which UTF-8 text never has.
    bool bom = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    if (bom && bytes.size() % 2 == 0 && nuls > 0) return kSaveAs;
    if (head.size() >= 4 && nuls * 4 >= head.size()) return kSaveAs;  // without a BOM: mostly ASCII
    return {};
}

std::string_view require_utf8(std::string_view text, const std::string& shown) {
    if (std::string u16 = utf16_problem(text); !u16.empty()) throw InputError(Location{shown}, u16);
    text = strip_utf8_bom(text);
    std::size_t bad = invalid_utf8_offset(text);
    if (bad == std::string_view::npos) return text;
    std::string decoded;
    if (gb18030_to_utf8(text, decoded) && invalid_utf8_offset(decoded) == std::string::npos)
        throw InputError(Location{shown}, "文件是 GBK（GB18030）编码，请另存为 UTF-8（记事本：另存为，编码选 UTF-8）");
    TextPlace at = place_of(text, bad);
    throw InputError(Location{shown, at.line, at.column, {}, {}},
                     fmt::format("此处的字节 0x{:02X} 不是有效的 UTF-8 字符：文件须用 UTF-8 编码保存",
                                 static_cast<unsigned char>(text[bad])));
}

std::string length_problem(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return {};
    return fmt::format("内容过长：有 {} 字节，最多 {} 字节", text.size(), limit);
}

}  // namespace juesuan
