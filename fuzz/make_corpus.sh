#!/bin/sh
# Seed corpora and dictionaries for the fuzz targets (fuzz/README.md):
#   fuzz/make_corpus.sh BUILD_DIR OUT_DIR
# from the bundled example, a small generated sample, the empty workbook template and a built
# disclosure.json. BUILD_DIR is a JUESUAN_FUZZ build (it has juesuan and fuzz/make_seeds).
set -eu
build=$1
out=$2
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The build is instrumented: its leak checker knows the font caches are not leaks.
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
mkdir -p "$out/books_folder" "$out/books_workbook" "$out/disclosure_json" "$out/text_document" "$out/pdf_document" "$out/html_document" "$out/docx_document" "$out/xlsx_document"

"$build/fuzz/make_seeds" "$here/examples/tianqiao-2023" tianqiao "$out"
# A generated department brings catalog.csv and glossary.csv too.
"$build/juesuan" sample --subjects 4 --seed 1 -o "$tmp/sample" >/dev/null
"$build/fuzz/make_seeds" "$tmp/sample" sample "$out"
"$build/juesuan" init --xlsx "$out/books_workbook/template.xlsx" --force >/dev/null

"$build/juesuan" build "$here/examples/tianqiao-2023" -o "$tmp/tianqiao" --format json -q >/dev/null
cp "$tmp/tianqiao/disclosure.json" "$out/disclosure_json/tianqiao.json"
"$build/juesuan" build "$tmp/sample" -o "$tmp/sample-out" --format json -q >/dev/null
cp "$tmp/sample-out/disclosure.json" "$out/disclosure_json/sample.json"
# Published text: the seed as published, and juesuan's Markdown of the example and the sample.
cp "$here/tests/fixtures/published/tianqiao-2023.txt" "$out/text_document/published.txt"
"$build/juesuan" build "$here/examples/tianqiao-2023" -o "$tmp/md" --format md -q >/dev/null
cp "$tmp/md/disclosure.md" "$out/text_document/tianqiao.md"
"$build/juesuan" build "$tmp/sample" -o "$tmp/sample-md" --format md -q >/dev/null
cp "$tmp/sample-md/disclosure.md" "$out/text_document/sample.md"
# PDF: the template as published, and juesuan's PDF of a small sample.
cp "$here/tests/fixtures/published/shanghai-template-2024.pdf" "$out/pdf_document/template.pdf"
"$build/juesuan" build "$tmp/sample" -o "$tmp/sample-pdf" --format pdf -q >/dev/null
cp "$tmp/sample-pdf/disclosure.pdf" "$out/pdf_document/sample.pdf"
# HTML: juesuan's page of the sample.
"$build/juesuan" build "$tmp/sample" -o "$tmp/sample-html" --format html -q >/dev/null
cp "$tmp/sample-html/disclosure.html" "$out/html_document/sample.html"
# Office: the seed as pandoc's Word document, juesuan's workbook of the sample.
cp "$here/tests/fixtures/published/tianqiao-2023-pandoc.docx" "$out/docx_document/pandoc.docx"
"$build/juesuan" build "$tmp/sample" -o "$tmp/sample-xlsx" --format xlsx -q >/dev/null
cp "$tmp/sample-xlsx/disclosure.xlsx" "$out/xlsx_document/sample.xlsx"
# The JSON's keys, for fuzz_disclosure_json's dictionary.
cat "$out"/disclosure_json/*.json | grep -o '"[A-Za-z_][A-Za-z0-9_]*":' | sort -u |
  sed 's/^"\(.*\)":$/"\\"\1\\":"/' > "$out/json.dict"
echo "seeds in $out: $(ls "$out"/books_folder | wc -l) folders, $(ls "$out"/books_workbook | wc -l) workbooks, $(ls "$out"/disclosure_json | wc -l) JSON files, $(ls "$out"/text_document | wc -l) texts, $(ls "$out"/pdf_document | wc -l) PDFs, $(ls "$out"/html_document | wc -l) HTML pages, $(ls "$out"/docx_document | wc -l) Word documents, $(ls "$out"/xlsx_document | wc -l) table workbooks"
