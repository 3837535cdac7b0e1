#!/usr/bin/env bash
# End to end, side by side in one run on the same generated files: the
# auditor's tool reading a provider's exports (the timesheet as a CSV file
# of N rows beside a workbook of the other sheets; read, audit, write the
# report) against polars merely reading the same CSV (`read_csv`, all its
# threads). Prints wall time, peak memory and the ratios to polars; then
# the tool on the same timesheet in windows-1250 (which polars cannot
# decode) against the UTF-8 one.
#
#   benches/csv_end_to_end.sh [ROWS...]      (default: 100000 1048575)
#
# Needs GNU time (/usr/bin/time) and polars (`pip install polars`).
# Files go to ${TMPDIR:-/tmp}/homecare-csv.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --example generate --example audit
python3 -c "import polars" 2>/dev/null || { echo "polars not installed (pip install polars)"; exit 1; }
dir="${TMPDIR:-/tmp}/homecare-csv"
mkdir -p "$dir"
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(100000 1048575)

# "seconds peak-KiB" of a command (its own output discarded).
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }

printf "%-9s | %-20s | %-20s | %-14s | %-20s | %s\n" rows "polars read_csv" "audit end to end" "audit / polars" "audit, windows-1250" "1250 / utf-8 time"
for n in "${rows[@]}"; do
  u="$dir/utf8-$n"
  w="$dir/cp1250-$n"
  [ -f "$u/vykazy.csv" ] || target/release/examples/generate "$n" "$u" --seed 1 --csv utf8 >/dev/null
  [ -f "$w/vykazy.csv" ] || target/release/examples/generate "$n" "$w" --seed 1 --csv cp1250 >/dev/null
  read -r pt pm < <(measure python3 -c "
import sys, polars as pl
df = pl.read_csv(sys.argv[1], separator=';', decimal_comma=True, infer_schema_length=10000)
print(df.height)" "$u/vykazy.csv")
  read -r at am < <(measure target/release/examples/audit "$u/vykazy.csv" "$u/ostatni.xlsx" -o "$dir/report-$n.xlsx")
  read -r wt wm < <(measure target/release/examples/audit "$w/vykazy.csv" "$w/ostatni.xlsx" -o "$dir/report-1250-$n.xlsx")
  awk -v n="$n" -v pt="$pt" -v pm="$pm" -v at="$at" -v am="$am" -v wt="$wt" -v wm="$wm" 'BEGIN {
    printf "%-9s | %6.2f s %7.0f MiB | %6.2f s %7.0f MiB | %.2f, %.2f     | %6.2f s %7.0f MiB | %.2f\n",
      n, pt, pm / 1024, at, am / 1024, at / pt, am / pm, wt, wm / 1024, wt / at }'
done
