#!/usr/bin/env bash
# The performance suite: the app next to a hello-world Tauri app of the same tauri version
# (bench/floor, built with the same release profile), both release builds, started in turn
# under Xvfb and measured from outside. Not part of scripts/test.sh.
#
#   bench/perf.sh [--runs N] [--large] [--no-build]
#
# Per launch (see bench/measure.py): ms to the window, to first content and to the last change
# on screen (polled through MIT-SHM by bench/xpoll.c), and the whole process tree's PSS after
# 5 s idle; plus binary sizes. Prints every run, the median and the ratio to the floor.
# --large adds the app on a 10,000-role library (bench/gen-roles.py, cached in
# $PERF_LIBRARY, default /tmp/rolecraft-perf-10k).
# env: PERF_IDLE (seconds before PSS, default 5).
set -euo pipefail
source "$(dirname "$0")/../scripts/app-deps.sh"
cd "$ROOT"

runs=5 large=0 build=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --large) large=1; shift ;;
    --no-build) build=0; shift ;;
    *) echo "usage: bench/perf.sh [--runs N] [--large] [--no-build]" >&2; exit 2 ;;
  esac
done

ensure_apt_packages libx11-dev libxext-dev

# The floor must be the same tauri and the same release profile, or the ratios mean nothing.
python3 - <<'EOF'
import re, sys, tomllib
# Only the release profile: the app's dev-profile overrides (Harper optimised in debug) do
# not touch release builds.
root = tomllib.load(open("Cargo.toml", "rb")).get("profile", {}).get("release")
floor = tomllib.load(open("bench/floor/Cargo.toml", "rb")).get("profile", {}).get("release")
if root != floor:
    sys.exit(f"perf: [profile.release] differs: Cargo.toml {root} vs bench/floor/Cargo.toml {floor}")
def tauri(lock):
    m = re.search(r'name = "tauri"\nversion = "([^"]+)"', open(lock).read())
    return m and m.group(1)
a, b = tauri("Cargo.lock"), tauri("bench/floor/Cargo.lock")
if a != b:
    sys.exit(f"perf: tauri {a} in Cargo.lock but {b} in bench/floor/Cargo.lock")
print(f"==> tauri {a} in both; same [profile.release]")
EOF

target_dir() {
  cargo metadata --format-version 1 --no-deps --manifest-path "$1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])'
}
APP="$(target_dir Cargo.toml)/release/rolecraft-app"
CLI="$(target_dir Cargo.toml)/release/rolecraft"
FLOOR="$(target_dir bench/floor/Cargo.toml)/release/rolecraft-floor"

if [ "$build" = 1 ]; then
  build_ui
  echo "==> cargo build --release (app, frontend embedded; CLI)"
  cargo build --release --quiet -p rolecraft-app --features custom-protocol
  cargo build --release --quiet -p rolecraft-cli
  echo "==> cargo build --release (floor)"
  (cd bench/floor && cargo build --release --quiet --locked --features custom-protocol)
fi

work="$(mktemp -d)"
cleanup() {
  set +e # Xvfb's exit status after TERM must not stop the clean-up
  [ -n "${XVFB_PID:-}" ] && kill -TERM "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$work"
  return 0
}
trap cleanup EXIT
cc -O2 -Wall -o "$work/xpoll" bench/xpoll.c -lX11 -lXext

variants=("floor=$FLOOR" "app=$APP")
if [ "$large" = 1 ]; then
  lib="${PERF_LIBRARY:-/tmp/rolecraft-perf-10k}"
  if [ "$(find "$lib/roles" -name '*.json' 2>/dev/null | wc -l)" -lt 10000 ]; then
    python3 bench/gen-roles.py "$lib" 10000 --rolecraft "$CLI"
  fi
  echo "==> 10,000-role library: $lib/roles ($(du -sh "$lib/roles" | cut -f1))"
  variants+=("app-10k=$APP:$lib")
fi

# A black root (-br), so an empty screen is one colour; the windows are 1280x800 at (0,0).
fifo="$work/display"
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -br -nolisten tcp 3>"$fifo" 2>/dev/null &
XVFB_PID=$!
read -r -t 10 display <"$fifo" || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display"
echo "==> Xvfb on $DISPLAY; $runs rounds of: ${variants[*]%%=*}"

python3 bench/measure.py --xpoll "$work/xpoll" --runs "$runs" --idle "${PERF_IDLE:-5}" "${variants[@]}"
