// Fuzzes the Word reader: the zip package, document.xml and styles.xml, paragraphs and tables with
// gridSpan and vMerge, then recognise the layout → import → check → render (no PDF output).
#include "fuzz_support.h"
#include "read/office_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    juesuan::fuzz::import_check_render(juesuan::read_docx_source, "docx", data, size, false);
    return 0;
}
