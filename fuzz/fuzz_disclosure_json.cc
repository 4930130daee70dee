// Fuzzes disclosure.json: read → check → render every format (as `juesuan check` and a
// publisher reading the JSON back would).
#include <string>

#include "fuzz_support.h"
#include "read/json_reader.h"

using namespace juesuan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Catalogs& catalogs = Library::shipped().catalogs();  // the shipped ones, read once
    try {
        Disclosure d = parse_disclosure_json(std::string(reinterpret_cast<const char*>(data), size), "disclosure.json");
        use_template_scoring(d, Library::shipped());  // as build_and_check does; never a file the input names
        juesuan::fuzz::check_and_render(d, catalogs, juesuan::fuzz::wants_pdf(size));
    } catch (const InputError&) {
        // Not a disclosure.json: reported to the user.
    }
    return 0;
}
