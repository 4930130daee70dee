# juesuan — the two set-up commands of the README:
#   make demo   installs dependencies, builds (Release) and builds the bundled example
#   make test   installs dependencies, builds and runs every test
#   make test-sanitize   the same under AddressSanitizer and UBSan (in build-asan)
BUILD ?= build
BUILD_ASAN ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo test test-sanitize bench clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	./$(BUILD)/juesuan build examples/tianqiao-2023 -o out/tianqiao-2023

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Debug: it compiles much faster than an optimised build, which matters more here than test speed.
# Exit code 99 on a sanitizer report, so a CLI test expecting exit 1 cannot pass over one.
test-sanitize: deps
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DJUESUAN_SANITIZE=ON -DJUESUAN_BENCH=OFF
	cmake --build $(BUILD_ASAN) -j$(JOBS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=print_stacktrace=1:exitcode=99 ctest --output-on-failure -j$(JOBS)

bench: build
	@JUESUAN_BENCH_DEPS=1 ./scripts/install-deps.sh
	./$(BUILD)/bench/juesuan_bench
	./bench/pdf_vs_weasyprint.sh $(BUILD)
	./bench/audit_vs_pdftotext.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) out
