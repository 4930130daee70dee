// juesuan: the command line. Parses options, calls the jobs of src/app, prints what they return.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include <chrono>
#include <iostream>

#include "app/build.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "read/template_reader.h"
#include "sample/sample.h"
#include "write/books_workbook.h"
#include "write/books_writer.h"
#include "write/document_writers.h"
#include "write/findings_writer.h"
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
        if (!find_document_writer(t))
            throw InputError(Location{"--format"}, fmt::format("未知的输出格式“{}”：可用 {}", t, fmt::join(writer_formats(), "、")));
        out.push_back(t);
    }
    return out;
}

std::vector<fs::path> paths(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

// The documents the inputs make: each file one, or all of them one (--together).
std::vector<std::vector<fs::path>> documents_of(const std::vector<std::string>& inputs, bool together) {
    std::vector<std::vector<fs::path>> out;
    if (together) out.push_back(paths(inputs));
    else
        for (const auto& in : inputs) out.push_back({fs::path(in)});
    return out;
}

std::string joined(const std::vector<fs::path>& parts) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : " + ") + p.string();
    return s;
}

struct BuildCommand {
    std::string input, out_dir, formats = fmt::format("{}", fmt::join(writer_formats(), ",")), tpl;
    std::vector<std::string> catalogs, rules;
    bool quiet = false, strict = false;

    void add_to(CLI::App& app) {
        auto* c = app.add_subcommand("build", "由账簿（目录或工作簿）或 disclosure.json 生成部门决算公开文件");
        c->add_option("INPUT", input, "账簿目录（department.toml 与 CSV 文件）、账簿工作簿（.xlsx）或 disclosure.json")->required();
        c->add_option("-o,--output", out_dir, "输出目录")->required();
        c->add_option("--format", formats, "输出格式，逗号分隔（默认全部）：" + formats);
        c->add_option("--template", tpl, "公开模板的编号或文件（默认取 department.toml 中的 template）");
        c->add_option("--catalog", catalogs, "追加加载本年度的科目目录 CSV（可多次给出）");
        c->add_flag("-q,--quiet", quiet, "不打印警告与审核结果");
        c->add_flag("--strict", strict, "审核发现错误时不写出任何文件，退出码为 1");
        c->add_option("--rules", rules, "追加的审核规则文件（可多次给出）");
        command = c;
    }

    int run() const {
        auto fmts = parse_formats(formats);
        Library lib({paths(rules), paths(catalogs)});
        Job job = build_and_check(input, lib, {tpl});
        if (!quiet) print_diagnostics(job.warnings);
        // Build reports what needs fixing; `check` also lists the notes (提示).
        CheckResult shown = without_notes(job.result);
        if (!quiet && !shown.findings.empty()) std::cerr << write_findings_text(job.disclosure, shown);
        Rendered out = render_job(job, fmts, strict);
        if (out.refused) {
            std::cerr << fmt::format("审核发现 {} 处错误（--strict），未生成任何输出。\n", job.errors());
            return 1;
        }
        write_files_atomically(out_dir, out.files, output_file_names());
        std::cout << fmt::format("已生成 {} {} 年度部门决算（模板 {}）：\n", job.disclosure.department, job.disclosure.year,
                                 job.disclosure.template_id);
        for (const auto& [name, content] : out.files)
            std::cout << fmt::format("  {}  {} 字节\n", (fs::path(out_dir) / name).string(), content.size());
        if (job.errors() > 0)
            std::cout << fmt::format("注意：审核发现 {} 处错误，详见上文或运行 juesuan check {}\n", job.errors(), input);
        return 0;
    }
    CLI::App* command = nullptr;
};

struct CheckCommand {
    std::string input, format = "text", tpl;
    std::vector<std::string> rules, catalogs;

    void add_to(CLI::App& app) {
        auto* c = app.add_subcommand("check", "按审核规则核对账簿目录、disclosure.json 或已发布的公开文件");
        c->add_option("INPUT", input, "账簿目录、账簿工作簿、disclosure.json 或公开文件（.pdf、.html、.txt、.md）")->required();
        c->add_option("--format", format, "输出格式：text（默认）或 json")->check(CLI::IsMember({"text", "json"}));
        c->add_option("--rules", rules, "追加的规则文件（可多次给出）");
        c->add_option("--catalog", catalogs, "追加加载本年度的科目目录 CSV（可多次给出）");
        c->add_option("--template", tpl, "账簿目录所用的公开模板");
        command = c;
    }

    int run() const {
        Library lib({paths(rules), paths(catalogs)});
        Job job = build_and_check(input, lib, {tpl});
        if (format == "json") {
            std::cout << write_findings_json(job.result, job.rules_version);
        } else {
            print_diagnostics(job.warnings);
            std::cout << fmt::format("{} {} 年度部门决算（模板 {}），规则 {}\n", job.disclosure.department, job.disclosure.year,
                                     job.disclosure.template_id, job.rules_version);
            std::cout << write_findings_text(job.disclosure, job.result);
        }
        return job.errors() > 0 ? 1 : 0;
    }
    CLI::App* command = nullptr;
};

struct ImportCommand {
    std::vector<std::string> inputs;
    std::string out, tpl;
    bool quiet = false, together = false;

    void add_to(CLI::App& app) {
        auto* c = app.add_subcommand("import", "把已发布的部门决算公开文件（.pdf、.html、.docx、.xlsx、.txt、.md）读入为 disclosure.json");
        c->add_option("DOC", inputs, "公开文件（可多个）")->required();
        c->add_option("-o,--output", out, "写出的 disclosure.json；多个文件时为输出目录（每个文件一个 .json）")->required();
        c->add_option("--template", tpl, "按此模板读入（默认由文件自动识别）");
        c->add_flag("--together", together, "给出的几个文件是同一份公开文件的各部分（如说明 PDF 与表格 PDF），合为一份读入");
        c->add_flag("-q,--quiet", quiet, "不打印读入时的警告");
        command = c;
    }

    int run() const {
        Library lib;
        std::map<std::string, std::string> files;
        const bool many = inputs.size() > 1 && !together;
        const std::vector<std::vector<fs::path>> documents = documents_of(inputs, together);
        for (const auto& parts : documents) {
            const std::string in = joined(parts);
            Job job = import_document_parts(parts, lib, {tpl});
            if (!quiet) print_diagnostics(job.warnings);
            std::string name = many ? parts.front().stem().string() + ".json" : fs::path(out).filename().string();
            if (files.count(name)) throw InputError(Location{in}, fmt::format("与另一个输入同名：输出文件 {} 会被覆盖", name));
            files[name] = render_formats(job.disclosure, {"json"}).at("disclosure.json");
            std::cout << fmt::format("已读入 {}：{} {} 年度（模板 {}），{} 张表\n", in, job.disclosure.department,
                                     job.disclosure.year, job.disclosure.template_id, job.disclosure.tables.size());
        }
        if (many) {
            std::set<std::string> names;
            for (const auto& [name, content] : files) names.insert(name);
            write_files_atomically(out, files, names);
        } else {
            fs::path target(out);
            write_file_atomically(target, files.begin()->second, true);
        }
        return 0;
    }
    CLI::App* command = nullptr;
};

// Published documents checked where they were printed: each finding names the page or line.
struct AuditCommand {
    std::vector<std::string> inputs, rules, catalogs;
    std::string format = "text", out, tpl;
    bool together = false;

    void add_to(CLI::App& app) {
        auto* c = app.add_subcommand(
            "audit", "审核已发布的部门决算公开文件（.pdf、.html、.docx、.xlsx、.txt、.md 或 disclosure.json），逐条指出原文的页或行");
        c->add_option("DOC", inputs, "公开文件（可多个）")->required();
        c->add_flag("--together", together, "给出的几个文件是同一份公开文件的各部分（如说明 PDF 与表格 PDF），合为一份审核");
        c->add_option("--format", format, "输出格式：text（默认）、json，或 html（原文的表格与文字，每条问题标在其单元格或句子上）")
            ->check(CLI::IsMember({"text", "json", "html"}));
        c->add_option("-o,--output", out, "写到此文件（默认打印）；html 格式审核多个文件时为输出目录（每个文件一个 .html）");
        c->add_option("--template", tpl, "按此模板读入（默认由文件自动识别）");
        c->add_option("--rules", rules, "追加的规则文件（可多次给出）");
        c->add_option("--catalog", catalogs, "追加加载本年度的科目目录 CSV（可多次给出）");
        command = c;
    }

    int run() const {
        Library lib({paths(rules), paths(catalogs)});
        const auto documents = documents_of(inputs, together);
        const bool many = documents.size() > 1;
        std::string text, json = many ? "[\n" : "";
        int errors = 0, unreadable = 0;
        const bool progress = many && isatty(STDERR_FILENO);
        if (format == "html" && many && out.empty())
            throw InputError(Location{}, "以 html 格式审核多个文件时，请用 -o 给出输出目录（每个文件写成一个 .html）");
        std::map<std::string, std::string> pages;  // html: file name → page
        for (const auto& in : inputs)
            if (is_books(in)) throw InputError(Location{in}, "这是账簿，不是公开文件：账簿请用 juesuan check");
        const auto started = std::chrono::steady_clock::now();
        auto show = [&](size_t done, size_t total) {
            if (!progress) return;
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            const double rate = s > 0 ? static_cast<double>(done) / s : 0;
            std::cerr << fmt::format("\r已审核 {}/{} 份，{:.1f} 份/秒，约剩 {:.0f} 秒\x1b[K", done, total, rate,
                                     rate > 0 ? static_cast<double>(total - done) / rate : 0.0)
                      << std::flush;
        };
        for (auto& d : check_documents(documents, lib, {tpl}, show)) {
            const std::string in = joined(d.parts);
            if (!d.job) {
                if (progress) std::cerr << "\n";
                print_diagnostics(d.failure);
                ++unreadable;
                continue;
            }
            const Job& job = *d.job;
            errors += job.errors();
            if (format == "html") {
                std::string name = many ? d.parts.front().stem().string() + ".html" : "";
                if (pages.count(name)) throw InputError(Location{in}, fmt::format("与另一个输入同名：输出文件 {} 会被覆盖", name));
                pages[name] = write_findings_html(job.disclosure, job.result, job.rules_version, &job.warnings);
            } else if (format == "json") {
                std::string one = write_findings_json(job.result, job.rules_version, &job.disclosure);
                json += (json.size() > 2 ? ",\n" : "") + one.substr(0, one.size() - 1);
            } else {
                text += fmt::format("{}：{} {} 年度部门决算（模板 {}），规则 {}\n", in, job.disclosure.department,
                                    job.disclosure.year, job.disclosure.template_id, job.rules_version);
                for (const auto& w : job.warnings.sorted()) text += format_diagnostic(w) + "\n";
                text += write_findings_text(job.disclosure, job.result) + "\n";
            }
        }
        if (progress) std::cerr << "\n";
        if (format == "json") json += many ? "\n]\n" : "\n";
        if (format == "html" && many) {
            std::set<std::string> names;
            for (const auto& [name, page] : pages) names.insert(name);
            if (!pages.empty()) write_files_atomically(out, pages, names);
        } else {
            const std::string& report = format == "json" ? json : format == "html" ? (pages.empty() ? text : pages.begin()->second) : text;
            if (out.empty()) std::cout << report;
            else write_file_atomically(out, report, true);
        }
        if (unreadable > 0) return kExitInput;
        return errors > 0 ? 1 : 0;
    }
    CLI::App* command = nullptr;
};

struct RulesCommand {
    std::vector<std::string> extra;
    void add_to(CLI::App& app) {
        command = app.add_subcommand("rules", "以 Markdown 列出全部审核规则");
        command->add_option("--rules", extra, "追加的规则文件（可多次给出）");
    }
    int run() const {
        Library lib({paths(extra), {}});
        std::cout << write_rules_catalogue(lib.rules());
        return 0;
    }
    CLI::App* command = nullptr;
};

struct InitCommand {
    std::string dir, xlsx;
    bool force = false;
    void add_to(CLI::App& app) {
        command = app.add_subcommand("init", "生成空白的账簿目录模板（或用 --xlsx 生成账簿工作簿模板）");
        auto* dir_option = command->add_option("DIR", dir, "要创建的目录");
        command->add_option("--xlsx", xlsx, "改为生成一个账簿工作簿（.xlsx）模板，写到此文件")->excludes(dir_option);
        command->add_flag("--force", force, "替换已有的工作簿文件（与 --xlsx 同用）");
    }
    int run() const {
        if (!xlsx.empty()) {
            write_books_template(xlsx, force);
            std::cout << fmt::format("已生成空白账簿工作簿 {}。各列的填写要求见表头批注与 docs/input-format.md。\n", xlsx);
            return 0;
        }
        if (dir.empty()) throw InputError(Location{}, "请给出要创建的账簿目录，或用 --xlsx 文件名 生成账簿工作簿");
        Facts empty;
        empty.department.template_id = "jinan-2023";
        empty.department.unit = AmountUnit::Yuan;
        auto files = write_books(empty);
        files["填写说明.txt"] = books_guide();
        write_files_atomically(dir, files);
        std::cout << fmt::format("已在 {} 生成空白账簿模板（{} 个文件）。填写说明见 docs/input-format.md。\n", dir, files.size());
        return 0;
    }
    CLI::App* command = nullptr;
};

struct SampleCommand {
    int subjects = 50;
    std::uint64_t seed = 1;
    std::string dir;
    void add_to(CLI::App& app) {
        command = app.add_subcommand("sample", "生成一个自洽的示例部门账簿（测试与性能基准用）");
        command->add_option("--subjects", subjects, "项级科目数")->check(CLI::Range(1, 20000));
        command->add_option("--seed", seed, "随机种子：相同的种子得到相同的账簿");
        command->add_option("-o,--output", dir, "输出目录")->required();
    }
    int run() const {
        const Library& lib = Library::shipped();
        SampleBooks s = generate_sample(subjects, seed, lib.template_for("jinan-2023"), lib.catalogs());
        auto files = write_books_with_supplements(s.facts, s.extra_catalog);
        write_files_atomically(dir, files);
        std::cout << fmt::format("已生成示例部门“{}”的账簿：{} 个项级科目，写入 {}\n", s.facts.department.name, subjects, dir);
        return 0;
    }
    CLI::App* command = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"juesuan：部门决算公开的编制、审核与发布（Chinese departmental final accounts）"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "juesuan 0.1.0");
    std::string data_dir;
    app.add_option("--data-dir", data_dir, "用此目录中的科目目录与模板代替内置数据（亦可设 JUESUAN_DATA_DIR）");
    BuildCommand build;
    CheckCommand check;
    ImportCommand import;
    AuditCommand audit;
    RulesCommand rules;
    InitCommand init;
    SampleCommand sample;
    build.add_to(app);
    check.add_to(app);
    import.add_to(app);
    audit.add_to(app);
    rules.add_to(app);
    init.add_to(app);
    sample.add_to(app);
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
        if (*build.command) return build.run();
        if (*check.command) return check.run();
        if (*import.command) return import.run();
        if (*audit.command) return audit.run();
        if (*rules.command) return rules.run();
        if (*init.command) return init.run();
        if (*sample.command) return sample.run();
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
