// Fuzzes the HTML reader: gumbo's parse, tables with their spans, the text around them, then
// recognise the layout → import → check → render (as `juesuan audit page.html` would; no PDF output).
#include "fuzz_support.h"
#include "read/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    juesuan::fuzz::import_check_render(juesuan::read_html_source, "html", data, size, false);
    return 0;
}
