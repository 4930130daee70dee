#!/bin/sh
# Installs the Debian 12 packages juesuan needs to build and test; only the missing ones.
set -eu

PACKAGES="g++ make cmake pkg-config
libfmt-dev nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libutf8proc-dev libcsv-dev
libcairo2-dev libpango1.0-dev fonts-noto-cjk libxlsxwriter-dev libzip-dev libpugixml-dev
libgtest-dev libbenchmark-dev libgumbo-dev poppler-utils qpdf
libmupdf-dev libmujs-dev libfreetype-dev libharfbuzz-dev libopenjp2-7-dev libjbig2dec0-dev libjpeg-dev zlib1g-dev"
# The benchmarks compare our PDF with WeasyPrint's.
if [ "${JUESUAN_BENCH_DEPS:-0}" = 1 ]; then
  PACKAGES="$PACKAGES weasyprint time"
fi
# The fuzz targets (fuzz/README.md) need clang and its libFuzzer and sanitizer runtimes.
if [ "${JUESUAN_FUZZ_DEPS:-0}" = 1 ]; then
  PACKAGES="$PACKAGES clang-14 libclang-rt-14-dev"
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "juesuan: these packages are missing and installing them needs root:$missing" >&2
    exit 1
  fi
else
  SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
