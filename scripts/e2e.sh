#!/usr/bin/env bash
# End-to-end tests of the real desktop app: builds the UI and the app (frontend embedded),
# starts Xvfb on a free display and runs tests/e2e through tauri-driver + WebKitWebDriver.
# Works from a fresh clone: installs what is missing first. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/app-deps.sh"
cd "$ROOT"

ensure_apt_packages
ensure_tauri_driver
build_ui

trap stop_xvfb EXIT
start_xvfb 1280x800x24

# --release: the app as users get it, for timings (the dialog stand-ins that the import and
# export tests use exist in debug builds only, so run the timing tests: `--release scale`).
profile=()
if [ "${1:-}" = "--release" ]; then
  profile=(--release)
  shift
fi

export WEBKIT_DISABLE_COMPOSITING_MODE=1
echo "==> cargo test ${profile[*]} -p rolecraft-app --features custom-protocol --test e2e"
cargo test "${profile[@]}" -p rolecraft-app --features custom-protocol --test e2e -- --test-threads=1 "$@"
