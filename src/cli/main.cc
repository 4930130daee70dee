// juesuan: the command line. Parses options, calls the library, prints results.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <iostream>

#include "app/build.h"
#include "app/check.h"
#include "read/rules_reader.h"
#include "write/findings_writer.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "read/template_reader.h"
#include "sample/sample.h"
#include "write/books_workbook.h"
#include "write/books_writer.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

constexpr int kExitInput = 2;

void print_diagnostics(const Diagnostics& d) {
    for (const auto& x : d.sorted()) std::cerr << format_diagnostic(x) << "\n";
}

int fail_input(const InputError& e) {
    print_diagnostics(e.diagnostics());
    int errors = e.diagnostics().error_count();
    std::cerr << fmt::format("共 {} 处错误，未生成任何输出。\n", errors);
    return kExitInput;
}

// CLI11 reports in English; say what went wrong in Chinese and keep its detail.
std::string usage_error(const CLI::ParseError& e) {
    std::string what = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return "缺少必需的参数（" + what + "）";
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "有无法识别的参数（" + what + "）";
    if (dynamic_cast<const CLI::ConversionError*>(&e)) return "参数值无法识别（" + what + "）";
    if (dynamic_cast<const CLI::ValidationError*>(&e)) return "参数值不在允许的范围内（" + what + "）";
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "参数个数不对（" + what + "）";
    return "命令行参数有误（" + what + "）";
}

std::vector<std::string> parse_formats(const std::string& list) {
    std::vector<std::string> out;
    for (const auto& f : split(list, ',')) {
        std::string t = trim(f);
        if (t.empty()) continue;
        if (std::find(known_formats().begin(), known_formats().end(), t) == known_formats().end())
            throw InputError(Location{"--format"}, fmt::format("未知的输出格式“{}”：可用 {}", t, fmt::join(known_formats(), "、")));
        out.push_back(t);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"juesuan：部门决算公开的编制、审核与发布（Chinese departmental final accounts）"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "juesuan 0.1.0");
    std::string data_dir;
    app.add_option("--data-dir", data_dir, "用此目录中的科目目录与模板代替内置数据（亦可设 JUESUAN_DATA_DIR）");

    // build
    auto* build = app.add_subcommand("build", "由账簿目录生成部门决算公开文件");
    std::string input, out_dir, formats = fmt::format("{}", fmt::join(known_formats(), ",")), tpl;
    std::vector<std::string> catalogs;
    build->add_option("INPUT", input, "账簿目录（department.toml 与 CSV 文件）或账簿工作簿（.xlsx）")->required();
    build->add_option("-o,--output", out_dir, "输出目录")->required();
    build->add_option("--format", formats, "输出格式，逗号分隔（默认全部）：" + formats);
    build->add_option("--template", tpl, "公开模板的编号或文件（默认取 department.toml 中的 template）");
    build->add_option("--catalog", catalogs, "追加加载本年度的科目目录 CSV（可多次给出）");
    bool quiet = false, strict = false;
    std::vector<std::string> build_rules;
    build->add_flag("-q,--quiet", quiet, "不打印警告与审核结果");
    build->add_flag("--strict", strict, "审核发现错误时不写出任何文件，退出码为 1");
    build->add_option("--rules", build_rules, "追加的审核规则文件（可多次给出）");

    // check
    auto* check = app.add_subcommand("check", "按审核规则核对账簿目录或 disclosure.json");
    std::string check_input_path, check_format = "text", check_tpl;
    std::vector<std::string> check_rules, check_catalogs;
    check->add_option("INPUT", check_input_path, "账簿目录或 disclosure.json")->required();
    check->add_option("--format", check_format, "输出格式：text（默认）或 json")->check(CLI::IsMember({"text", "json"}));
    check->add_option("--rules", check_rules, "追加的规则文件（可多次给出）");
    check->add_option("--catalog", check_catalogs, "追加加载本年度的科目目录 CSV（可多次给出）");
    check->add_option("--template", check_tpl, "账簿目录所用的公开模板");

    // rules
    auto* rules = app.add_subcommand("rules", "以 Markdown 列出全部审核规则");
    std::vector<std::string> rules_extra;
    rules->add_option("--rules", rules_extra, "追加的规则文件（可多次给出）");

    // init
    auto* init = app.add_subcommand("init", "生成空白的账簿目录模板（或用 --xlsx 生成账簿工作簿模板）");
    std::string init_dir, init_xlsx;
    bool init_force = false;
    auto* init_dir_option = init->add_option("DIR", init_dir, "要创建的目录");
    init->add_option("--xlsx", init_xlsx, "改为生成一个账簿工作簿（.xlsx）模板，写到此文件")->excludes(init_dir_option);
    init->add_flag("--force", init_force, "替换已有的工作簿文件（与 --xlsx 同用）");

    // sample
    auto* sample = app.add_subcommand("sample", "生成一个自洽的示例部门账簿（测试与性能基准用）");
    int subjects = 50;
    std::uint64_t seed = 1;
    std::string sample_dir;
    sample->add_option("--subjects", subjects, "项级科目数")->check(CLI::Range(1, 20000));
    sample->add_option("--seed", seed, "随机种子：相同的种子得到相同的账簿");
    sample->add_option("-o,--output", sample_dir, "输出目录")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "错误：" << usage_error(e) << "\n用法见 juesuan --help 或 juesuan <命令> --help\n";
        return kExitInput;
    }
    if (!data_dir.empty()) set_data_dir(data_dir);

    try {
        if (*build) {
            BuildOptions opts;
            opts.template_override = tpl;
            for (const auto& c : catalogs) opts.catalogs.emplace_back(c);
            auto fmts = parse_formats(formats);
            Built b = build_from_books(input, opts);
            if (!quiet) print_diagnostics(b.warnings);
            // The books' files are entered separately; the rules prove they agree.
            std::vector<fs::path> extra_rules(build_rules.begin(), build_rules.end());
            CheckResult checked = run_checks(b.disclosure, load_rules(extra_rules), &b.catalogs);
            int errors = checked.count(FindingSeverity::Error);
            // Build reports what needs fixing; `check` also lists the notes (提示).
            checked.findings.erase(std::remove_if(checked.findings.begin(), checked.findings.end(),
                                                  [](const Finding& f) { return f.severity == FindingSeverity::Info; }),
                                   checked.findings.end());
            if (!quiet && !checked.findings.empty()) std::cerr << write_findings_text(b.disclosure, checked);
            if (strict && errors > 0) {
                std::cerr << fmt::format("审核发现 {} 处错误（--strict），未生成任何输出。\n", errors);
                return 1;
            }
            auto files = render_outputs(b, fmts);
            write_files_atomically(out_dir, files, output_file_names());
            std::cout << fmt::format("已生成 {} {} 年度部门决算（模板 {}）：\n", b.disclosure.department,
                                     b.disclosure.year, b.tpl.id);
            for (const auto& [name, content] : files)
                std::cout << fmt::format("  {}  {} 字节\n", (fs::path(out_dir) / name).string(), content.size());
            if (errors > 0)
                std::cout << fmt::format("注意：审核发现 {} 处错误，详见上文或运行 juesuan check {}\n", errors, input);
            return 0;
        }
        if (*check) {
            CheckOptions opts;
            for (const auto& r : check_rules) opts.rules.emplace_back(r);
            for (const auto& c : check_catalogs) opts.catalogs.emplace_back(c);
            opts.template_override = check_tpl;
            Checked c = check_input(check_input_path, opts);
            if (check_format == "json") {
                std::cout << write_findings_json(c.result, rules_version(c.rules));
            } else {
                print_diagnostics(c.warnings);
                std::cout << fmt::format("{} {} 年度部门决算（模板 {}），规则 {}\n", c.disclosure.department, c.disclosure.year,
                                         c.disclosure.template_id, rules_version(c.rules));
                std::cout << write_findings_text(c.disclosure, c.result);
            }
            return c.result.count(FindingSeverity::Error) > 0 ? 1 : 0;
        }
        if (*rules) {
            std::vector<fs::path> extra(rules_extra.begin(), rules_extra.end());
            std::cout << write_rules_catalogue(load_rules(extra));
            return 0;
        }
        if (*init) {
            if (!init_xlsx.empty()) {
                write_books_template(init_xlsx, init_force);
                std::cout << fmt::format("已生成空白账簿工作簿 {}。各列的填写要求见表头批注与 docs/input-format.md。\n", init_xlsx);
                return 0;
            }
            if (init_dir.empty()) throw InputError(Location{}, "请给出要创建的账簿目录，或用 --xlsx 文件名 生成账簿工作簿");
            Facts empty;
            empty.department.template_id = "jinan-2023";
            empty.department.unit = AmountUnit::Yuan;
            auto files = write_books(empty);
            files["填写说明.txt"] = books_guide();
            write_files_atomically(init_dir, files);
            std::cout << fmt::format("已在 {} 生成空白账簿模板（{} 个文件）。填写说明见 docs/input-format.md。\n", init_dir,
                                     files.size());
            return 0;
        }
        if (*sample) {
            Template t = load_template("jinan-2023");
            Catalogs cats = load_catalogs({});
            SampleBooks s = generate_sample(subjects, seed, t, cats);
            auto files = write_books_with_supplements(s.facts, s.extra_catalog);
            write_files_atomically(sample_dir, files);
            std::cout << fmt::format("已生成示例部门“{}”的账簿：{} 个项级科目，写入 {}\n", s.facts.department.name,
                                     subjects, sample_dir);
            return 0;
        }
    } catch (const InputError& e) {
        return fail_input(e);
    } catch (const fs::filesystem_error& e) {
        // The library's words are English ("filesystem error: cannot …"): name the file in Chinese.
        std::string file = e.path1().empty() ? std::string() : e.path1().string() + "：";
        std::cerr << fmt::format("错误：{}无法访问文件或目录：{}\n", file, errno_text(e.code().value()));
        return kExitInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "错误：内存不足：输入过大\n";
        return kExitInput;
    } catch (const std::exception& e) {
        std::cerr << "错误：" << e.what() << "\n";
        return kExitInput;
    }
    return 0;
}
