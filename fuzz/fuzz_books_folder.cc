// Fuzzes a books folder: read → derive → check → render.
// The input is the folder's files in one text: each starts with a line "### NAME" (at the start
// of the input or after a newline), NAME being department.toml, reports.toml, catalog.csv,
// glossary.csv or a CSV file of the books schema; parts with other names are ignored, so the
// input never names a path of its own.
#include <fstream>
#include <set>
#include <string_view>

#include "fuzz_support.h"
#include "model/books_schema.h"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

const std::set<std::string, std::less<>>& allowed_names() {
    static const std::set<std::string, std::less<>> names = [] {
        std::set<std::string, std::less<>> n = {"department.toml", "reports.toml", "catalog.csv", "glossary.csv"};
        for (const auto& f : books_files()) n.insert(f.file);
        return n;
    }();
    return names;
}

void write_parts(std::string_view in, const fs::path& dir) {
    constexpr std::string_view marker = "### ";
    size_t pos = in.substr(0, marker.size()) == marker ? 0 : in.find("\n### ");
    if (pos != 0 && pos != std::string_view::npos) ++pos;
    while (pos != std::string_view::npos) {
        size_t name_end = in.find('\n', pos);
        std::string_view name = in.substr(pos + marker.size(),
                                          (name_end == std::string_view::npos ? in.size() : name_end) - pos - marker.size());
        size_t body = name_end == std::string_view::npos ? in.size() : name_end + 1;
        size_t next = in.find("\n### ", name_end == std::string_view::npos ? in.size() : name_end);
        std::string_view content = in.substr(body, (next == std::string_view::npos ? in.size() : next + 1) - body);
        if (allowed_names().count(name)) {
            // A later part of the same name appends, as a longer file would.
            std::ofstream(dir / std::string(name), std::ios::binary | std::ios::app)
                .write(content.data(), static_cast<std::streamsize>(content.size()));
        }
        pos = next == std::string_view::npos ? next : next + 1;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fs::path dir = juesuan::fuzz::scratch_dir() / "books";
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    write_parts(std::string_view(reinterpret_cast<const char*>(data), size), dir);
    try {
        Built b = build_from_books(dir, {});
        juesuan::fuzz::check_and_render(b.disclosure, b.catalogs, juesuan::fuzz::wants_pdf(size));
    } catch (const InputError&) {
        // Bad books: reported to the user, as they should be.
    }
    return 0;
}
