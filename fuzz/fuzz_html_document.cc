// Fuzzes the HTML reader: gumbo's parse, tables with their spans, the text around them, then
// recognise the layout → import → check → render (as `juesuan audit page.html` would).
#include <string>

#include "fuzz_support.h"
#include "read/document_import.h"
#include "read/html_reader.h"

using namespace juesuan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Library& lib = Library::shipped();
    static const ImportContext ctx = [&] {
        ImportContext c;
        c.templates = lib.layouts();
        c.texts_for = [&lib](const std::string& id) { return &lib.narrative_for(id).texts; };
        c.rules = &lib.rules();
        return c;
    }();
    try {
        Diagnostics warnings;
        SourceDocument doc = read_html_source(std::string_view(reinterpret_cast<const char*>(data), size), "doc.html");
        Disclosure d = import_document(doc, ctx, "html", warnings);
        use_template_scoring(d, lib);
        juesuan::fuzz::check_and_render(d, lib.catalogs(), false);
    } catch (const InputError&) {
        // Not UTF-8, nested too deep, or no disclosure: reported to the user.
    }
    return 0;
}
