// Fuzzes the PDF reader: MuPDF's parsing, the rulings and visual rows, then recognise the layout
// → import → check → render (as `juesuan audit file.pdf` would; no PDF output).
#include "fuzz_support.h"
#include "read/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    juesuan::fuzz::import_check_render(juesuan::read_pdf_source, "pdf", data, size, false);
    return 0;
}
