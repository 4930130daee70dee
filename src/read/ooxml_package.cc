#include "read/ooxml_package.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "read/text_encoding.h"

namespace juesuan {

namespace {

constexpr zip_uint64_t kMaxPartBytes = 200u * 1024 * 1024;   // a sheet of a million filled cells is ~50 MB
constexpr zip_uint64_t kMaxTotalBytes = 256u * 1024 * 1024;  // all parts together: bounds a zip bomb
constexpr long kMaxTags = 12'000'000;                        // about four tags a cell

std::string zip_error_text(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

// Resolves a relationship target against the folder of the part that holds it.
std::string resolve(const std::string& base_dir, const std::string& target) {
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return fmt::format("{}", fmt::join(parts, "/"));
}

std::string dir_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    auto slash = part.rfind('/');
    std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + name + ".rels";
}

}  // namespace

OoxmlPackage OoxmlPackage::open_file(const std::filesystem::path& path, const std::string& shown, const std::string& noun,
                                     const std::string& not_zip) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(Location{shown}, "文件不存在");
    if (!std::filesystem::is_regular_file(path, ec)) throw InputError(Location{shown}, "无法读取：不是普通文件");
    if (auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxInputFileBytes)
        throw InputError(Location{shown}, fmt::format("{}过大：有 {} 字节，超过 {} MB 的上限", noun, size, kMaxInputFileBytes >> 20));
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) {
        if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS) throw InputError(Location{shown}, not_zip);
        throw InputError(Location{shown}, fmt::format("无法打开{}：{}", noun, zip_error_text(err)));
    }
    return OoxmlPackage(z, shown, noun);
}

OoxmlPackage OoxmlPackage::open_bytes(std::string_view bytes, const std::string& shown, const std::string& noun,
                                      const std::string& not_zip) {
    if (bytes.size() > kMaxInputFileBytes)
        throw InputError(Location{shown},
                         fmt::format("{}过大：有 {} 字节，超过 {} MB 的上限", noun, bytes.size(), kMaxInputFileBytes >> 20));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) throw InputError(Location{shown}, fmt::format("无法读取{}", noun));
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!z) {
        int code = zip_error_code_zip(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) throw InputError(Location{shown}, not_zip);
        throw InputError(Location{shown}, fmt::format("无法打开{}：{}", noun, zip_error_text(code)));
    }
    zip_error_fini(&error);
    return OoxmlPackage(z, shown, noun);
}

void OoxmlPackage::fail(const std::string& message, const std::string& sheet, int row, int col) const {
    Location at{file_, row, col, {}, {}, sheet};
    throw InputError(at, message);
}

bool OoxmlPackage::has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0; }

std::string OoxmlPackage::read(const std::string& name, const std::string& sheet) const {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) fail(fmt::format("{}中缺少部件 {}：文件不完整", noun_, name), sheet);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        fail(fmt::format("无法读取{}的部件 {}", noun_, name), sheet);
    if (st.size > kMaxPartBytes)
        fail(fmt::format("{}的部件 {} 解压后有 {} 字节，超过 200 MB 的上限：请拆分{}或删去无用的内容", noun_, name, st.size, noun_),
             sheet);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0),
                                                         zip_fclose);
    if (!f) fail(fmt::format("无法打开{}的部件 {}（{}）", noun_, name, zip_strerror(zip_.get())), sheet);
    total_ += st.size;
    if (total_ > kMaxTotalBytes) fail(fmt::format("{}解压后超过 256 MB 的上限：请拆分{}或删去无用的内容", noun_, noun_), sheet);
    std::string out(static_cast<size_t>(st.size), '\0');
    size_t done = 0;
    while (done < out.size()) {
        zip_int64_t n = zip_fread(f.get(), out.data() + done, out.size() - done);
        if (n < 0) fail(fmt::format("{}的部件 {} 已损坏（{}）", noun_, name, zip_file_strerror(f.get())), sheet);
        if (n == 0) break;
        done += static_cast<size_t>(n);
    }
    if (done != out.size()) fail(fmt::format("{}的部件 {} 已损坏：内容比记录的短", noun_, name), sheet);
    // A stored size that lies is caught by libzip's CRC check on the last read.
    char extra;
    if (zip_fread(f.get(), &extra, 1) != 0) fail(fmt::format("{}的部件 {} 已损坏", noun_, name), sheet);
    // Office parts never carry a DTD; refusing one keeps entity tricks away from the parser.
    if (out.find("<!DOCTYPE") != std::string::npos)
        fail(fmt::format("{}的部件 {} 含有 DOCTYPE：不是办公软件写出的内容", noun_, name), sheet);
    // The DOM costs memory per element: refuse a part with more elements than any real file.
    if (std::count(out.begin(), out.end(), '<') > kMaxTags)
        fail(fmt::format("{}的部件 {} 中的元素过多：请删去无用的内容", noun_, name), sheet);
    return out;
}

void OoxmlPackage::parse(const std::string& name, pugi::xml_document& doc, const std::string& sheet) const {
    std::string bytes = read(name, sheet);
    pugi::xml_parse_result r =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!r) fail(fmt::format("{}的部件 {} 不是正确的 XML（第 {} 字节：{}）", noun_, name, r.offset, r.description()), sheet);
}

std::map<std::string, OoxmlRelationship> OoxmlPackage::relationships(const std::string& part) const {
    std::map<std::string, OoxmlRelationship> out;
    std::string rels = rels_of(part);
    if (!has(rels)) return out;
    pugi::xml_document doc;
    parse(rels, doc);
    xml_each_child(doc.document_element(), "Relationship", [&](pugi::xml_node r) {
        const char* id = xml_attr(r, "Id");
        const char* target = xml_attr(r, "Target");
        const char* mode = xml_attr(r, "TargetMode");
        if (!id || !target || (mode && std::string_view(mode) == "External")) return;
        out[id] = {xml_attr(r, "Type") ? xml_attr(r, "Type") : "", resolve(dir_of(part), target)};
    });
    return out;
}

std::string OoxmlPackage::main_part(const std::string& conventional) const {
    for (const auto& [id, rel] : relationships(""))
        if (ooxml_type_is(rel.type, "/officeDocument")) return rel.target;
    return conventional;
}

std::string_view xml_local(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node xml_child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && xml_local(c.name()) == name) return c;
    return {};
}

const char* xml_attr(pugi::xml_node n, std::string_view name, bool prefixed) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        std::string_view full(a.name());
        if (xml_local(a.name()) == name && (full.find(':') != std::string_view::npos) == prefixed) return a.value();
    }
    return nullptr;
}

std::string unescape_ooxml(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
            unsigned cp = static_cast<unsigned>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
            if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else if (cp < 0x800) {
                out += static_cast<char>(0xC0 | (cp >> 6));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                out += static_cast<char>(0xE0 | (cp >> 12));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            }
            i += 7;
        } else {
            out += s[i++];
        }
    }
    return out;
}

bool ooxml_type_is(const std::string& type, std::string_view suffix) {
    return type.size() >= suffix.size() && type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace juesuan
