#!/bin/sh
# `juesuan audit` of a published PDF against `pdftotext -layout` of the same file (the text
# extraction floor), in one run: whole processes, wall-clock median of N runs each, and peak
# memory (max RSS); then documents per second for many documents in one call.
# Usage: bench/audit_vs_pdftotext.sh [build-dir] [runs]
set -eu
BUILD=${1:-build}
RUNS=${2:-7}
JUESUAN="$BUILD/juesuan"
PDF=tests/fixtures/published/shanghai-putuo-caizhengju-2024.pdf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# max resident set size in MiB of one run of the command
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1 / 1024}'; }

ours=""
theirs=""
i=0
while [ $i -lt "$RUNS" ]; do
  t0=$(now); "$JUESUAN" audit "$PDF" >/dev/null 2>&1 || true; t1=$(now)
  ours="$ours $(echo "$t1 $t0" | awk '{print $1 - $2}')"
  t0=$(now); pdftotext -layout "$PDF" "$WORK/out.txt" 2>/dev/null; t1=$(now)
  theirs="$theirs $(echo "$t1 $t0" | awk '{print $1 - $2}')"
  i=$((i + 1))
done
o=$(echo "$ours" | tr ' ' '\n' | grep . | median)
p=$(echo "$theirs" | tr ' ' '\n' | grep . | median)
printf "%-28s %10s %12s %8s %12s %14s\n" document audit_s pdftotext_s ratio audit_MiB pdftotext_MiB
printf "%-28s %10.3f %12.3f %7.2fx %12s %14s\n" "$(basename "$PDF" .pdf)" "$o" "$p" "$(echo "$o $p" | awk '{print $1 / $2}')" \
  "$(rss "$JUESUAN" audit "$PDF")" "$(rss pdftotext -layout "$PDF" "$WORK/out.txt")"

# Many documents in one call: the published texts and PDFs of the fixtures, 100 in all.
n=0
for k in $(seq 1 25); do
  for f in tests/fixtures/published/*.txt tests/fixtures/published/shanghai-putuo-caizhengju-2024.pdf; do
    n=$((n + 1)); cp "$f" "$WORK/doc$n.${f##*.}"
    [ $n -ge 100 ] && break 2
  done
done
t0=$(now); "$JUESUAN" audit "$WORK"/doc* --format json -o "$WORK/audit.json" >/dev/null 2>&1 || true; t1=$(now)
echo "$n $t1 $t0" | awk '{printf "%d documents in one audit: %.2f s, %.1f documents/s on '"$(nproc)"' cores\n", $1, $2 - $3, $1 / ($2 - $3)}'
