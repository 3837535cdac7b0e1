#!/usr/bin/env bash
# End to end, side by side in one run on the same generated files: the
# auditor's tool (read, audit, write the report) against calamine merely
# loading the timesheet sheet with `worksheet_range`, and (when installed)
# pandas `read_excel(engine="calamine")` plus a group-by of minutes per
# worker. Prints wall time, peak memory and the ratios to calamine.
# When LibreOffice is installed, the same data saved by it as .ods (made
# once and kept beside the .xlsx) is measured too: the tool on the .ods
# against the tool on the .xlsx and against calamine loading the .ods.
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

command -v soffice >/dev/null 2>&1 || { echo "LibreOffice not installed: no .ods lines"; exit 0; }
echo
printf "%-9s | %-22s | %-22s | %-22s | %s\n" rows "calamine load of .ods" "audit of .ods" "audit of .xlsx" "ods ratios: to xlsx (time), to calamine (time, memory)"
for n in "${rows[@]}"; do
  f="$dir/visits-$n.xlsx"
  o="$dir/visits-$n.ods"
  [ -f "$o" ] || (cd "$dir" && soffice --headless --convert-to ods "visits-$n.xlsx" >/dev/null 2>&1)
  read -r bt bm < <(measure target/release/examples/calamine_baseline "$o" Výkazy)
  read -r ot om < <(measure target/release/examples/audit "$o" -o "$dir/report-ods-$n.xlsx")
  read -r xt xm < <(measure target/release/examples/audit "$f" -o "$dir/report-$n.xlsx")
  awk -v n="$n" -v bt="$bt" -v bm="$bm" -v ot="$ot" -v om="$om" -v xt="$xt" -v xm="$xm" 'BEGIN {
    printf "%-9s | %6.2f s %7.0f MiB      | %6.2f s %7.0f MiB      | %6.2f s %7.0f MiB      | %.2f; %.2f, %.2f\n",
      n, bt, bm / 1024, ot, om / 1024, xt, xm / 1024, ot / xt, ot / bt, om / bm }'
done
