#!/usr/bin/env bash
# Bounded fuzz run of every target: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 35: nine
# targets stay within about 6 minutes with the build).
#
# Targets (fuzz/fuzz_targets/): ladder, sfia, blueprint, markdown, html (each importer, reached
# through `import_document` on a document detected as its format), any_document
# (arbitrary bytes through `Document::from_bytes` then `import_document`), template (arbitrary
# template text rendered against a bundled role), compare (two arbitrary roles, 2-way and
# 3-way, rendered) and role_json (arbitrary role JSON: valid id, saved form reads back).
# Long runs: scripts/fuzz-campaign.sh. Seeds are in
# fuzz/corpus/<target>/ (copies of tests/fixtures); new inputs go to fuzz/work/<target>/
# (not committed). Prints the executions per target and exits non-zero on any crash
# (panic), hang (one input over FUZZ_TIMEOUT seconds, default 10: a render may use its 2 s budget twice) or memory blow-up;
# the failing input is left in fuzz/artifacts/<target>/.
#
# cargo-fuzz needs nightly flags: on the stable toolchain they are enabled with
# RUSTC_BOOTSTRAP=1. Built with `-s none` (the project is `forbid(unsafe_code)`: panics,
# hangs and OOMs are what is looked for, and no sanitizer doubles the executions) and `-a`
# (debug assertions and overflow checks on). The build has its own target dir, fuzz/target.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-35}"
TIMEOUT="${FUZZ_TIMEOUT:-10}"
TARGETS=(${FUZZ_TARGETS:-ladder sfia blueprint markdown html any_document template compare role_json})
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

echo "==> building fuzz targets"
cargo fuzz build -s none -a
host="$(rustc -vV | sed -n 's/^host: //p')"
bin="fuzz/target/$host/release"

declare -A execs result
failed=0
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t/last-run.log"
  echo "==> fuzzing $t for ${SECONDS_PER_TARGET}s"
  set +e
  "$bin/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" \
    "fuzz/work/$t" "fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  execs[$t]="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if [ "$rc" -eq 0 ]; then
    result[$t]="ok"
  else
    failed=1
    result[$t]="FAILED (exit $rc)"
    echo "---- $t failed; end of $log:" >&2
    grep -E -A1 "panicked at" "$log" >&2 || true
    grep -E "^(SUMMARY|==[0-9]+== ERROR)|Test unit written to|ALARM|out-of-memory" "$log" >&2 || tail -30 "$log" >&2
  fi
done

echo
printf '%-14s %14s  %s\n' target executions result
for t in "${TARGETS[@]}"; do
  printf '%-14s %14s  %s\n' "$t" "${execs[$t]:-?}" "${result[$t]}"
done
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found a crash: reproduce with fuzz/target/$host/release/<target> <artifact>" >&2
  exit 1
fi
echo "fuzz: no crash in ${#TARGETS[@]} targets"
