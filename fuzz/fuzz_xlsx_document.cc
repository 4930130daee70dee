// Fuzzes the reader of published tables as a workbook: the zip package, sheets and merges, lines
// above and below each sheet's grid, then recognise the layout → import → check → render.
#include "fuzz_support.h"
#include "read/office_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    juesuan::fuzz::import_check_render(juesuan::read_xlsx_source, "xlsx", data, size, false);
    return 0;
}
