#!/usr/bin/env bash
# A rejection corpus file: the report must name the expected construct for
# each fallback helper, and the output (fallback declarations included) must
# still compile with warnings denied.
#   run-rejections.sh <helpers2rs> <reportcheck> <corpus.c> <work-dir>
set -euo pipefail
tool=$1 check=$2 src=$3 work=$4
: "${RUSTC:=rustc}"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$tool" translate "$src" --types=self --report report.json -o out.rs -- -O2
"$RUSTC" --edition=2021 --crate-type=lib -O -D warnings -A non_snake_case \
  -A non_camel_case_types -A non_upper_case_globals -o libout.rlib out.rs
"$check" "$src" report.json
