# juesuan — the two set-up commands of the README:
#   make demo   installs dependencies, builds (Release) and builds the bundled example
#   make test   installs dependencies, builds and runs every test
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo test bench clean

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

bench: build
	@JUESUAN_BENCH_DEPS=1 ./scripts/install-deps.sh
	./$(BUILD)/bench/juesuan_bench
	./bench/pdf_vs_weasyprint.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
