#include "read/document_readers.h"

#include <fstream>

#include "core/text.h"
#include "read/json_reader.h"

namespace juesuan {

namespace {

// A disclosure.json opens with an object whose first key is the schema.
bool sniff_json(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    size_t i = head.find_first_not_of(" \t\r\n");
    return i != std::string_view::npos && head[i] == '{' && head.find("\"juesuan.disclosure/") != std::string_view::npos;
}

std::string file_head(const std::filesystem::path& file, size_t n) {
    std::ifstream in(file, std::ios::binary);
    std::string head(n, '\0');
    in.read(head.data(), static_cast<std::streamsize>(n));
    head.resize(static_cast<size_t>(in.gcount()));
    return head;
}

}  // namespace

const std::vector<DocumentReader>& document_readers() {
    static const std::vector<DocumentReader> readers = {
        {"json", "disclosure.json（juesuan 的模型文件）", {".json"}, sniff_json, read_disclosure_json},
    };
    return readers;
}

const DocumentReader* find_document_reader(const std::filesystem::path& file) {
    const std::string head = file_head(file, 4096);
    for (const auto& r : document_readers())
        if (r.sniff(head)) return &r;
    const std::string ext = to_lower_ascii(file.extension().string());
    for (const auto& r : document_readers())
        for (auto e : r.extensions)
            if (ext == e) return &r;
    return nullptr;
}

}  // namespace juesuan
