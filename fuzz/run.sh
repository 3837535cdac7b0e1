#!/usr/bin/env bash
# Runs each fuzz target for a given time (seconds, default 600) on a
# corpus seeded from our fixtures and, when present, calamine's test suite
# in tests/data/calamine. Needs nightly and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Prints, per target, the executions and time libFuzzer reports; crashes
# land in fuzz/artifacts/<target>/ (turn each into a regression test).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${1:-600}"
TARGETS="${TARGETS:-read_xlsx read_sheet_xml read_xls read_ods read_content_xml audit_dataset read_csv read_mapping}"
JOBS="${JOBS:-1}"
shared="../tests/data/calamine"
for t in $TARGETS; do
  mkdir -p "corpus/$t" "artifacts/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  if [ -d "$shared" ]; then
    pat=''
    case "$t" in
      read_xlsx) pat='*.xls[xmb]' ;;
      read_xls) pat='*.xls' ;;
      read_ods) pat='*.ods' ;;
    esac
    # read_sheet_xml's inputs are sheet XML, audit_dataset's a dataset's
    # fields, not workbooks: their seeds only.
    [ -n "$pat" ] && { find "$shared" -name "$pat" -size -256k -exec cp -n {} "corpus/$t/" \; 2>/dev/null || true; }
  fi
  echo "== $t: ${SECONDS_PER_TARGET}s"
  parallel=()
  if [ "$JOBS" -gt 1 ]; then parallel=(-fork="$JOBS" -ignore_crashes=0); fi
  # -a: debug assertions, so that integer overflow is a crash too.
  cargo +nightly fuzz run -O -a "$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=262144 -rss_limit_mb=2048 \
    -timeout=30 "${parallel[@]}" -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" 2>&1 | tee "run-$t.log" | grep -E "^#[0-9]+ *(DONE|pulse)|stat::|ERROR|SUMMARY|Done" || true
done
