// Fuzzes the reader of published disclosures in text and Markdown: read → recognise the layout
// → import → check → render (as `juesuan audit` and `juesuan import` would).
#include <string>

#include "fuzz_support.h"
#include "read/document_import.h"
#include "read/text_reader.h"

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
        SourceDocument doc = read_text_source(std::string_view(reinterpret_cast<const char*>(data), size), "doc.txt");
        Disclosure d = import_document(doc, ctx, "text", warnings);
        use_template_scoring(d, lib);
        juesuan::fuzz::check_and_render(d, lib.catalogs(), juesuan::fuzz::wants_pdf(size));
    } catch (const InputError&) {
        // Not a disclosure, or not UTF-8: reported to the user.
    }
    return 0;
}
