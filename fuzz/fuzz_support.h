// What the fuzz targets share: a scratch directory per process, and the check and render steps
// that follow reading. Only InputError (bad input, reported to the user) is an expected outcome;
// anything else escaping, a crash, UB, a leak or a hang is a finding.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/build.h"
#include "check/engine.h"
#include "layout/source_document.h"
#include "read/document_import.h"
#include "core/diagnostics.h"
#include "read/rules_reader.h"
#include "write/document_writers.h"
#include "write/findings_writer.h"

namespace juesuan::fuzz {

// One per process, so that parallel jobs (-jobs=N) never share files. libFuzzer ends with _Exit,
// so no exit handler removes it: each process removes those of processes no longer running.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        namespace fs = std::filesystem;
        const fs::path tmp = fs::temp_directory_path();
        const std::string prefix = "juesuan-fuzz-";
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(tmp, ec)) {
            std::string name = e.path().filename().string();
            if (name.rfind(prefix, 0) != 0) continue;
            long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
        }
        fs::path d = tmp / (prefix + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// The shipped rules, read once: they are not the input under test.
inline const std::vector<RuleSet>& shipped_rules() { return Library::shipped().rules(); }

// check → findings → every output format. The PDF is slow (pango lays out every page), so the
// targets ask for it only for some inputs.
inline void check_and_render(const Disclosure& d, const Catalogs& catalogs, bool pdf) {
    CheckResult r = run_checks(d, shipped_rules(), &catalogs);
    write_findings_text(d, r);
    write_findings_json(r, rules_version(shipped_rules()));
    std::vector<std::string> formats = {"md", "json", "html", "xlsx"};
    if (pdf) formats.push_back("pdf");
    render_formats(d, formats);
}

// A published document's reader, then as `juesuan audit` goes on: recognise the layout, import,
// check, render. Only InputError (reported to the user) may come out of the reader or the import.
inline void import_check_render(SourceDocument (*source)(std::string_view, const std::string&), const char* reader,
                                const uint8_t* data, size_t size, bool pdf) {
    const Library& lib = Library::shipped();
    static const ImportContext ctx = import_context(lib);
    try {
        Diagnostics warnings;
        SourceDocument doc = source(std::string_view(reinterpret_cast<const char*>(data), size), std::string("doc.") + reader);
        Disclosure d = import_document(doc, ctx, reader, warnings);
        use_template_scoring(d, lib);
        check_and_render(d, lib.catalogs(), pdf);
    } catch (const InputError&) {
        // Not a disclosure, damaged, or not UTF-8: reported to the user.
    }
}

// One input in eight also goes through the PDF writer; chosen by size so a reproducer replays the same way.
inline bool wants_pdf(size_t size) { return size % 8 == 0; }

}  // namespace juesuan::fuzz
