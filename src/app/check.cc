#include "app/check.h"

#include "app/build.h"
#include "read/books_reader.h"
#include "read/json_reader.h"
#include "read/rules_reader.h"
#include "read/template_reader.h"

namespace juesuan {

namespace fs = std::filesystem;

Checked check_input(const fs::path& input, const CheckOptions& opts) {
    Checked c;
    c.rules = load_rules(opts.rules);
    Catalogs catalogs;
    std::error_code ec;
    if (fs::is_directory(input, ec) || is_books_workbook(input)) {  // books, as a folder or a workbook
        BuildOptions b{opts.template_override, opts.catalogs};
        Built built = build_from_books(input, b);
        c.disclosure = std::move(built.disclosure);
        c.warnings = std::move(built.warnings);
        catalogs = std::move(built.catalogs);
    } else {
        c.disclosure = read_disclosure_json(input);
        catalogs = load_catalogs(opts.catalogs);
        // Scores are checked by the template's method, not by whatever the file claims.
        std::string tpl = opts.template_override.empty() ? c.disclosure.template_id : opts.template_override;
        if (!tpl.empty() && shipped_data("templates/" + tpl + ".toml"))
            c.disclosure.performance.method = load_template(tpl).scoring;
    }
    c.result = run_checks(c.disclosure, c.rules, &catalogs);
    return c;
}

}  // namespace juesuan
