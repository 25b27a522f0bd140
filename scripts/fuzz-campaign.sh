#!/usr/bin/env bash
# Long fuzz campaign: scripts/fuzz-campaign.sh [SECONDS_PER_TARGET_PER_ROUND] [ROUNDS]
# (defaults 600 and 6: one hour per target). Same targets, build and limits as
# scripts/fuzz.sh (FUZZ_TARGETS picks some; FUZZ_TIMEOUT per input, default 10 s), run round
# after round so every target gets time early; the corpus grows in fuzz/work/<target>/.
# Keeps going after a crash (the input is left in fuzz/artifacts/<target>/) and prints the
# executions and crashes per target at the end (also after each round, to
# fuzz/artifacts/campaign.txt). Exit status: non-zero if any target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUND="${1:-600}"
ROUNDS="${2:-6}"
TIMEOUT="${FUZZ_TIMEOUT:-10}"
TARGETS=(${FUZZ_TARGETS:-ladder sfia blueprint markdown html any_document template compare role_json})
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked || exit 1
fi
echo "==> building fuzz targets"
cargo fuzz build -s none -a || exit 1
host="$(rustc -vV | sed -n 's/^host: //p')"
bin="fuzz/target/$host/release"

declare -A execs crashes
for t in "${TARGETS[@]}"; do execs[$t]=0; crashes[$t]=0; done
summary() {
  printf '%-14s %14s %8s\n' target executions crashes
  for t in "${TARGETS[@]}"; do
    printf '%-14s %14s %8s\n' "$t" "${execs[$t]}" "${crashes[$t]}"
  done
}
for round in $(seq 1 "$ROUNDS"); do
  for t in "${TARGETS[@]}"; do
    mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t/campaign-round-$round.log"
    echo "==> round $round/$ROUNDS: $t for ${SECONDS_PER_ROUND}s"
    "$bin/$t" -max_total_time="$SECONDS_PER_ROUND" -timeout="$TIMEOUT" -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" \
      "fuzz/work/$t" "fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    n="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    execs[$t]=$(( ${execs[$t]} + ${n:-0} ))
    if [ "$rc" -ne 0 ]; then
      crashes[$t]=$(( ${crashes[$t]} + 1 ))
      echo "---- $t crashed (exit $rc); see $log" >&2
      grep -E -A1 "panicked at" "$log" >&2 || tail -5 "$log" >&2
    fi
  done
  summary >fuzz/artifacts/campaign.txt
done
summary
for t in "${TARGETS[@]}"; do
  [ "${crashes[$t]}" -eq 0 ] || exit 1
done
