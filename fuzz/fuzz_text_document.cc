// Fuzzes the reader of published disclosures in text and Markdown: read → recognise the layout
// → import → check → render (as `juesuan audit` and `juesuan import` would).
#include "fuzz_support.h"
#include "read/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    juesuan::fuzz::import_check_render(juesuan::read_text_source, "text", data, size, juesuan::fuzz::wants_pdf(size));
    return 0;
}
