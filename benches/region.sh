#!/usr/bin/env bash
# A region's providers compared at once: `compare` over N generated
# providers of ROWS timesheet rows each (seeds 1..N), for several N, with
# wall time and peak memory. The peak should not grow with N: each
# provider's records are dropped once its audit is kept (without
# `--merge`); what stays is each audit's report.
#
#   benches/region.sh [ROWS] [N...]      (default: 100000 and 25 50 100)
#
# Needs GNU time (/usr/bin/time). Files go to ${TMPDIR:-/tmp}/homecare-region.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --example generate --example compare
rows=${1:-100000}
shift || true
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(25 50 100)
dir="${TMPDIR:-/tmp}/homecare-region/$rows"
mkdir -p "$dir/all"
max=0
for n in "${counts[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
for i in $(seq 1 "$max"); do
  f="$dir/all/p$(printf %03d "$i").xlsx"
  [ -f "$f" ] || target/release/examples/generate "$rows" "$f" --seed "$i" >/dev/null
done
printf "%-10s | %-10s | %-12s | %s\n" providers rows wall "peak memory"
for n in "${counts[@]}"; do
  sub="$dir/n$n"
  rm -rf "$sub" && mkdir -p "$sub"
  for i in $(seq 1 "$n"); do ln "$dir/all/p$(printf %03d "$i").xlsx" "$sub/"; done
  read -r t m < <(/usr/bin/time -f "%e %M" target/release/examples/compare "$sub" \
    -o "$dir/comparison-$n.xlsx" 2>&1 >/dev/null | tail -n 1)
  awk -v n="$n" -v r="$rows" -v t="$t" -v m="$m" \
    'BEGIN { printf "%-10s | %-10s | %8.2f s  | %7.0f MiB\n", n, r, t, m / 1024 }'
done
