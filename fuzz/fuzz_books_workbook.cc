// Fuzzes a books workbook (.xlsx): read → derive → check → render.
#include <fstream>

#include "fuzz_support.h"

namespace fs = std::filesystem;
using namespace juesuan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // The reader opens a file by name, and .xlsx is what makes it a workbook.
    const fs::path file = juesuan::fuzz::scratch_dir() / "books.xlsx";
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        Built b = build_from_books(file, {});
        juesuan::fuzz::check_and_render(b.disclosure, b.catalogs, juesuan::fuzz::wants_pdf(size));
    } catch (const InputError&) {
        // Not a workbook, or bad books: reported to the user.
    }
    return 0;
}
