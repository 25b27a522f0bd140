#!/usr/bin/env bash
# The CLI next to pandoc, on the same Markdown, to standalone HTML.
#
#   rolecraft: `rolecraft jd ROLE --format html`: the whole job (role from the library, context,
#              Handlebars, Markdown, pulldown-cmark, ammonia, self-contained page), timed twice:
#              to stdout (issue 12's measure) and with `-o FILE` (the atomic write and its fsyncs);
#   pandoc:    Debian's `pandoc -f gfm -s` turning that job's Markdown into a standalone page.
#
# Both are timed as whole processes (start-up included), with hyperfine when it is installed
# or installable from apt, else with a timed loop. Prints the medians (means with the timed
# loop) and the ratios.
#
# usage: scripts/bench-pandoc.sh [ROLE_ID] [RUNS]     (defaults: vp-of-engineering 50)
# env:   ROLECRAFT_BIN to use a built binary instead of building one with scripts/build-cli.sh
set -euo pipefail
cd "$(dirname "$0")/.."

role=${1:-vp-of-engineering}
runs=${2:-50}

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "${2:-}" = optional ] && [ "$(id -u)" != 0 ] && return 1
  echo "bench-pandoc: installing $1 from apt" >&2
  if [ "$(id -u)" = 0 ]; then
    { apt-get install -y "$1" || { apt-get update && apt-get install -y "$1"; }; } >/dev/null 2>&1 || true
  fi
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "${2:-}" = optional ] && return 1
  echo "bench-pandoc: $1 is missing and could not be installed (apt-get install -y $1)" >&2
  exit 1
}
need pandoc

if [ -n "${ROLECRAFT_BIN:-}" ]; then
  bin=$ROLECRAFT_BIN
else
  bin=$(scripts/build-cli.sh --quiet) # the release CLI as it is installed (static-pie on Linux)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROLECRAFT_DATA_DIR="$work/data" # the built-in templates only
set_args=(--set company=Acme --set location=Berlin --set remote_policy=Hybrid --set employment_type=Full-time)

"$bin" jd "$role" "${set_args[@]}" --format md -o "$work/jd.md" 2>/dev/null
"$bin" jd "$role" "${set_args[@]}" --format html -o "$work/rolecraft.html" 2>/dev/null
pandoc -f gfm -t html5 -s --metadata pagetitle=jd -o "$work/pandoc.html" "$work/jd.md"
echo "role $role: Markdown $(wc -c <"$work/jd.md") B; HTML rolecraft $(wc -c <"$work/rolecraft.html") B, pandoc $(wc -c <"$work/pandoc.html") B"

rc_out="$bin jd $role --set company=Acme --set location=Berlin --set remote_policy=Hybrid --set employment_type=Full-time --format html"
rc_cmd="$rc_out -o $work/rolecraft.html"
pd_cmd="pandoc -f gfm -t html5 -s --metadata pagetitle=jd -o $work/pandoc.html $work/jd.md"

if need hyperfine optional; then
  hyperfine -N --warmup 3 --runs "$runs" --export-csv "$work/times.csv" \
    -n rolecraft-stdout "$rc_out" -n rolecraft "$rc_cmd" -n pandoc "$pd_cmd" >&2
  # CSV: command,mean,stddev,median,user,system,min,max (seconds)
  # Medians for the ratios: on a shared VM a burst of noise lands on whichever command hyperfine
  # is running, and a mean takes it in whole.
  rc_time=$(awk -F, '$1=="rolecraft"{print $4}' "$work/times.csv")
  out_time=$(awk -F, '$1=="rolecraft-stdout"{print $4}' "$work/times.csv")
  pd_time=$(awk -F, '$1=="pandoc"{print $4}' "$work/times.csv")
  stat=median
  tool="hyperfine, $runs runs each"
else
  loop() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do $1 >/dev/null 2>&1; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v n="$runs" 'BEGIN{printf "%.6f", ns / n / 1e9}'
  }
  # shellcheck disable=SC2086
  out_time=$(loop "$rc_out")
  rc_time=$(loop "$rc_cmd")
  pd_time=$(loop "$pd_cmd")
  tool="timed loop, $runs runs each"
  stat=mean
fi

awk -v out="$out_time" -v rc="$rc_time" -v pd="$pd_time" -v tool="$tool" -v stat="$stat" 'BEGIN{
  printf "rolecraft jd --format html, stdout: %8.2f ms (%s), pandoc / rolecraft %5.1fx\n", out * 1000, stat, pd / out
  printf "rolecraft jd --format html -o FILE: %8.2f ms (%s), pandoc / rolecraft %5.1fx\n", rc * 1000, stat, pd / rc
  printf "pandoc -f gfm -s (html5) -o FILE:   %8.2f ms (%s)  (%s)\n", pd * 1000, stat, tool
}'
