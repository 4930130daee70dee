#include "read/document_readers.h"

#include <fstream>

#include "core/text.h"
#include "read/csv_file.h"
#include "read/json_reader.h"
#include "read/html_reader.h"
#include "read/office_reader.h"
#include "read/pdf_reader.h"
#include "read/text_reader.h"

namespace juesuan {

namespace {

// A disclosure.json opens with an object whose first key is the schema.
bool sniff_json(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    size_t i = head.find_first_not_of(" \t\r\n");
    return i != std::string_view::npos && head[i] == '{' && head.find("\"juesuan.disclosure/") != std::string_view::npos;
}

// A published disclosure as text or Markdown: UTF-8 text that names a 决算 and has no NUL byte.
bool sniff_text(std::string_view head) {
    if (head.find('\0') != std::string_view::npos) return false;
    return head.find("决算") != std::string_view::npos && (head.find("部门") != std::string_view::npos);
}

Disclosure read_json(const std::filesystem::path& file, const ImportContext&, Diagnostics&) { return read_disclosure_json(file); }

// A published document: the file's bytes through its format's reader into a SourceDocument,
// then understood the same way whatever the format.
template <SourceDocument (*Source)(std::string_view, const std::string&), const char* Reader>
Disclosure read_published(const std::filesystem::path& file, const ImportContext& ctx, Diagnostics& warnings) {
    const std::string bytes = read_text_file(file, file.string());
    return import_document(Source(bytes, file.string()), ctx, Reader, warnings);
}

constexpr char kText[] = "text", kPdf[] = "pdf", kHtml[] = "html", kXlsx[] = "xlsx", kDocx[] = "docx";

bool sniff_pdf(std::string_view head) { return head.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

// An HTML page: its markup opens with a doctype, <html> or a table, whatever the file is called.
bool sniff_html(std::string_view head) {
    std::string h = to_lower_ascii(head.substr(0, 1024));
    for (std::string_view tag : {"<!doctype html", "<html", "<table", "<meta"})
        if (h.find(tag) != std::string::npos) return true;
    return false;
}

// Office packages are zip files; their first parts name the kind (word/…, xl/…) in most files,
// and the extension decides for the rest.
bool sniff_zip_with(std::string_view head, std::string_view folder) {
    return head.starts_with("PK\x03\x04") && head.find(folder) != std::string_view::npos;
}
bool sniff_docx(std::string_view head) { return sniff_zip_with(head, "word/"); }
bool sniff_xlsx(std::string_view head) { return sniff_zip_with(head, "xl/"); }

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
        {"json", "disclosure.json（juesuan 的模型文件）", {".json"}, sniff_json, read_json},
        {"pdf", "公开文件的 PDF（有文字层）", {".pdf"}, sniff_pdf, read_published<read_pdf_source, kPdf>, read_pdf_source},
        {"html", "公开文件的网页（.html）", {".html", ".htm", ".xhtml"}, sniff_html, read_published<read_html_source, kHtml>,
         read_html_source},
        {"docx", "公开文件的 Word 文档（.docx）", {".docx"}, sniff_docx, read_published<read_docx_source, kDocx>, read_docx_source},
        {"xlsx", "公开表格的 Excel 工作簿（.xlsx，一张表一个工作表）", {".xlsx"}, sniff_xlsx,
         read_published<read_xlsx_source, kXlsx>, read_xlsx_source},
        {"text", "公开文件的文本或 Markdown（.txt、.md）", {".txt", ".md", ".markdown", ".text"}, sniff_text,
         read_published<read_text_source, kText>, read_text_source},
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

SourceDocument read_parts(const std::vector<std::filesystem::path>& files, std::string& readers) {
    SourceDocument out;
    readers.clear();
    for (const auto& file : files) {
        const std::string shown = file.string();
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) throw InputError(Location{shown}, "输入文件不存在");
        const DocumentReader* r = find_document_reader(file);
        if (!r || !r->source)
            throw InputError(Location{shown}, "无法与其他文件合为一份公开文件读入：应为公开文件（.pdf、.html、.docx、.xlsx、.txt、.md）");
        SourceDocument part = r->source(read_text_file(file, shown), shown);
        for (auto& it : part.items) {
            it.place.file = shown;
            for (auto& p : it.grid.places) p.file = shown;
        }
        if (!part.items.empty()) part.items.front().gap_before = true;
        out.file += (out.file.empty() ? "" : " + ") + shown;
        readers += std::string(readers.empty() ? "" : "+") + std::string(r->name);
        for (auto& it : part.items) out.items.push_back(std::move(it));
    }
    return out;
}

}  // namespace juesuan
