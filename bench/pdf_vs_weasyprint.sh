#!/bin/sh
# Our PDF against WeasyPrint rendering our own HTML of the same department, in one run:
# whole processes, wall-clock median of N runs each, for the seed example and a generated
# 300-subject department. Usage: bench/pdf_vs_weasyprint.sh [build-dir] [runs]
set -eu
BUILD=${1:-build}
RUNS=${2:-5}
JUESUAN="$BUILD/juesuan"
command -v weasyprint >/dev/null || { echo "weasyprint is missing: make bench installs it" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

"$JUESUAN" sample --subjects 300 --seed 7 -o "$WORK/s300" >/dev/null
printf "%-22s %12s %12s %8s %14s\n" department juesuan_s weasyprint_s ratio "pages(j/w)"
for dept in examples/tianqiao-2023 "$WORK/s300"; do
  name=$(basename "$dept")
  "$JUESUAN" build "$dept" -o "$WORK/$name-html" --format html -q >/dev/null
  ours=""
  theirs=""
  i=0
  while [ $i -lt "$RUNS" ]; do
    t0=$(now); "$JUESUAN" build "$dept" -o "$WORK/$name-pdf" --format pdf -q >/dev/null; t1=$(now)
    ours="$ours $(echo "$t1 $t0" | awk '{print $1 - $2}')"
    t0=$(now); weasyprint -q "$WORK/$name-html/disclosure.html" "$WORK/$name-weasy.pdf" 2>/dev/null; t1=$(now)
    theirs="$theirs $(echo "$t1 $t0" | awk '{print $1 - $2}')"
    i=$((i + 1))
  done
  o=$(echo "$ours" | tr ' ' '\n' | grep . | median)
  w=$(echo "$theirs" | tr ' ' '\n' | grep . | median)
  po=$(pdfinfo "$WORK/$name-pdf/disclosure.pdf" | awk '/^Pages:/ {print $2}')
  pw=$(pdfinfo "$WORK/$name-weasy.pdf" | awk '/^Pages:/ {print $2}')
  printf "%-22s %12.3f %12.3f %7.1fx %14s\n" "$name" "$o" "$w" "$(echo "$w $o" | awk '{print $1 / $2}')" "$po/$pw"
done
