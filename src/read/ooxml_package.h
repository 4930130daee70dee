// An Office Open XML package (.xlsx, .docx): a zip of XML parts, read with libzip and pugixml under
// limits that bound a zip bomb, a DTD trick or a part with millions of elements. Every failure is an
// InputError naming the file (and, for a workbook, the sheet and cell).
#pragma once

#include <zip.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/diagnostics.h"

namespace juesuan {

struct OoxmlRelationship {
    std::string type, target;  // target resolved against the folder of the part that holds it
};

class OoxmlPackage {
public:
    // `noun` names the kind of file in messages: "工作簿", "文档"; `not_zip` is said of a file that is no zip.
    static OoxmlPackage open_file(const std::filesystem::path& path, const std::string& shown, const std::string& noun,
                                  const std::string& not_zip);
    static OoxmlPackage open_bytes(std::string_view bytes, const std::string& shown, const std::string& noun,
                                   const std::string& not_zip);

    [[noreturn]] void fail(const std::string& message, const std::string& sheet = {}, int row = 0, int col = 0) const;
    bool has(const std::string& name) const;
    std::string read(const std::string& name, const std::string& sheet = {}) const;
    void parse(const std::string& name, pugi::xml_document& doc, const std::string& sheet = {}) const;
    // The relationships of a part ("" for the package's own), internal targets only, by id.
    std::map<std::string, OoxmlRelationship> relationships(const std::string& part) const;
    // The package's main part (xl/workbook.xml, word/document.xml) as its relationships name it.
    std::string main_part(const std::string& conventional) const;
    const std::string& file() const { return file_; }

private:
    struct ZipCloser {
        void operator()(zip_t* z) const { zip_discard(z); }
    };
    OoxmlPackage(zip_t* z, std::string file, std::string noun) : zip_(z), file_(std::move(file)), noun_(std::move(noun)) {}
    std::unique_ptr<zip_t, ZipCloser> zip_;
    std::string file_, noun_;
    mutable zip_uint64_t total_ = 0;  // bytes unpacked so far
};

// Element and attribute names without their namespace prefix ("w:tbl" → "tbl").
std::string_view xml_local(const char* name);
pugi::xml_node xml_child(pugi::xml_node n, std::string_view name);
template <typename F>
void xml_each_child(pugi::xml_node n, std::string_view name, F&& f) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && xml_local(c.name()) == name) f(c);
}
// An attribute by local name; `prefixed` asks for one with a namespace prefix (r:id, w:val).
const char* xml_attr(pugi::xml_node n, std::string_view name, bool prefixed = false);
// OOXML escapes characters XML cannot hold as _xHHHH_ (_x000D_ is a carriage return).
std::string unescape_ooxml(std::string s);
bool ooxml_type_is(const std::string& type, std::string_view suffix);

}  // namespace juesuan
