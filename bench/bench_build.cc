// Times `build` (read the books, derive the nine tables, render Markdown and JSON), each
// publishable format on its own and all of them together, for the seed example and for
// generated departments. Run: make bench (bench/pdf_vs_weasyprint.sh compares the PDF with
// WeasyPrint's in the same run).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <random>

#include "app/build.h"
#include "write/document_writers.h"
#include "derive/subjects.h"
#include "derive/tables.h"
#include "check/engine.h"
#include "read/rules_reader.h"
#include "read/template_reader.h"
#include "sample/sample.h"
#include "write/books_writer.h"
#include "write/output.h"

namespace fs = std::filesystem;
using namespace juesuan;

namespace {

// Generated afresh in each run, so that a changed generator is always what is measured.
fs::path sample_dir(int subjects) {
    static std::map<int, fs::path> made;
    if (auto it = made.find(subjects); it != made.end()) return it->second;
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() / ("juesuan-bench-" + std::to_string(rd()) + "-" + std::to_string(subjects));
    SampleBooks s = generate_sample(subjects, 4, load_template("jinan-2023"), load_catalogs({}));
    auto files = write_books_with_supplements(s.facts, s.extra_catalog);
    write_files_atomically(dir, files);
    made[subjects] = dir;
    return dir;
}

void run_build(benchmark::State& state, const fs::path& books) {
    size_t bytes = 0;
    for (auto _ : state) {
        Built b = build_from_books(books, {});
        auto files = render_formats(b.disclosure, {"md", "json"});
        bytes = files["disclosure.md"].size() + files["disclosure.json"].size();
        benchmark::DoNotOptimize(files);
    }
    state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_BuildSeedExample(benchmark::State& state) {
    run_build(state, fs::path(JUESUAN_SOURCE_DIR) / "examples" / "tianqiao-2023");
}
BENCHMARK(BM_BuildSeedExample)->Unit(benchmark::kMillisecond);

void BM_BuildSample(benchmark::State& state) { run_build(state, sample_dir(static_cast<int>(state.range(0)))); }
BENCHMARK(BM_BuildSample)->Arg(300)->Arg(3000)->Unit(benchmark::kMillisecond);

// Rendering one format of an already built department: Args(subjects (0 = the seed), format).
void BM_Render(benchmark::State& state) {
    fs::path books = state.range(0) == 0 ? fs::path(JUESUAN_SOURCE_DIR) / "examples" / "tianqiao-2023"
                                         : sample_dir(static_cast<int>(state.range(0)));
    Built b = build_from_books(books, {});
    const std::string format = writer_formats().at(static_cast<size_t>(state.range(1)));
    state.SetLabel(format);
    size_t bytes = 0;
    for (auto _ : state) {
        auto files = render_formats(b.disclosure, {format});
        bytes = files.begin()->second.size();
        benchmark::DoNotOptimize(files);
    }
    state.counters["output_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render)
    ->ArgsProduct({{0, 300}, benchmark::CreateDenseRange(0, static_cast<int64_t>(writer_formats().size()) - 1, 1)})
    ->Unit(benchmark::kMillisecond);

// The whole job with every format, as `juesuan build` does by default.
void BM_BuildAllFormats(benchmark::State& state) {
    fs::path books = state.range(0) == 0 ? fs::path(JUESUAN_SOURCE_DIR) / "examples" / "tianqiao-2023"
                                         : sample_dir(static_cast<int>(state.range(0)));
    size_t bytes = 0;
    for (auto _ : state) {
        Built b = build_from_books(books, {});
        auto files = render_formats(b.disclosure, writer_formats());
        bytes = 0;
        for (const auto& [name, content] : files) bytes += content.size();
        benchmark::DoNotOptimize(files);
    }
    state.counters["output_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_BuildAllFormats)->Arg(0)->Arg(300)->Unit(benchmark::kMillisecond);

// Derivation alone, without reading or writing.
void BM_DeriveSample(benchmark::State& state) {
    Built b = build_from_books(sample_dir(static_cast<int>(state.range(0))), {});
    Diagnostics d;
    SubjectNames names = resolve_subjects(b.facts, b.catalogs, d);
    for (auto _ : state) benchmark::DoNotOptimize(derive_disclosure(b.facts, b.tpl, names));
}
BENCHMARK(BM_DeriveSample)->Arg(300)->Unit(benchmark::kMillisecond);

// Checking every rule over a built department.
void BM_CheckSample(benchmark::State& state) {
    Built b = build_from_books(sample_dir(static_cast<int>(state.range(0))), {});
    auto rules = load_rules({});
    size_t findings = 0;
    for (auto _ : state) {
        CheckResult r = run_checks(b.disclosure, rules, &b.catalogs);
        findings = r.findings.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_CheckSample)->Arg(300)->Arg(3000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec))
        if (e.path().filename().string().rfind("juesuan-bench-", 0) == 0) fs::remove_all(e.path(), ec);
    return 0;
}
