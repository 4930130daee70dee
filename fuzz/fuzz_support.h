// What the fuzz targets share: a scratch directory per process, and the check and render steps
// that follow reading. Only InputError (bad input, reported to the user) is an expected outcome;
// anything else escaping, a crash, UB, a leak or a hang is a finding.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/build.h"
#include "check/engine.h"
#include "core/diagnostics.h"
#include "read/rules_reader.h"
#include "write/findings_writer.h"

namespace juesuan::fuzz {

// One per process, so that parallel jobs (-jobs=N) never share files; removed at exit.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("juesuan-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch_dir(), ec);
        });
        return d;
    }();
    return dir;
}

// The shipped rules, read once: they are not the input under test.
inline const std::vector<RuleSet>& shipped_rules() {
    static const std::vector<RuleSet> rules = load_rules({});
    return rules;
}

// check → findings → every output format. The PDF is slow (pango lays out every page), so the
// targets ask for it only for some inputs.
inline void check_and_render(const Built& b, const Catalogs& catalogs, bool pdf) {
    CheckResult r = run_checks(b.disclosure, shipped_rules(), &catalogs);
    write_findings_text(b.disclosure, r);
    write_findings_json(r, rules_version(shipped_rules()));
    std::vector<std::string> formats = {"md", "json", "html", "xlsx"};
    if (pdf) formats.push_back("pdf");
    render_outputs(b, formats);
}

// One input in eight also goes through the PDF writer; chosen by size so a reproducer replays the same way.
inline bool wants_pdf(size_t size) { return size % 8 == 0; }

}  // namespace juesuan::fuzz
