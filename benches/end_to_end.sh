#!/usr/bin/env bash
# End to end, side by side in one run on the same generated files: the
# auditor's tool (read, audit, write the report) against calamine merely
# loading the timesheet sheet with `worksheet_range`, and (when installed)
# pandas `read_excel(engine="calamine")` plus a group-by of minutes per
# worker. Prints wall time, peak memory and the ratios to calamine.
#
#   benches/end_to_end.sh [ROWS...]      (default: 10000 100000 1048575)
#
# Needs GNU time (/usr/bin/time). Files go to ${TMPDIR:-/tmp}/homecare-e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --example generate --example audit --example calamine_baseline
dir="${TMPDIR:-/tmp}/homecare-e2e"
mkdir -p "$dir"
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(10000 100000 1048575)

# "seconds peak-KiB" of a command (its own output discarded).
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }

have_pandas=0
python3 -c "import pandas, python_calamine" 2>/dev/null && have_pandas=1

printf "%-9s | %-22s | %-22s | %-22s | %s\n" rows "calamine worksheet_range" "audit end to end" "pandas + group-by" "ratios (time, memory)"
for n in "${rows[@]}"; do
  f="$dir/visits-$n.xlsx"
  [ -f "$f" ] || target/release/examples/generate "$n" "$f" --seed 1 >/dev/null
  read -r bt bm < <(measure target/release/examples/calamine_baseline "$f")
  read -r at am < <(measure target/release/examples/audit "$f" -o "$dir/report-$n.xlsx")
  pandas="not installed"
  if [ $have_pandas -eq 1 ]; then
    read -r pt pm < <(measure python3 -c "
import sys, pandas as pd
df = pd.read_excel(sys.argv[1], sheet_name='Výkazy', engine='calamine')
print(df.groupby(df.columns[1])[df.columns[6]].sum().size)" "$f")
    pandas=$(awk -v t="$pt" -v m="$pm" 'BEGIN { printf "%6.2f s %7.0f MiB", t, m / 1024 }')
  fi
  awk -v n="$n" -v bt="$bt" -v bm="$bm" -v at="$at" -v am="$am" -v p="$pandas" 'BEGIN {
    printf "%-9s | %6.2f s %7.0f MiB      | %6.2f s %7.0f MiB      | %-22s | %.2f, %.2f\n",
      n, bt, bm / 1024, at, am / 1024, p, at / bt, am / bm }'
done
