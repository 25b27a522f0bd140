#!/usr/bin/env bash
# Sourced by scripts/e2e.sh and scripts/screenshot.sh: installs what building and driving the
# desktop app needs when it is missing (Debian/Ubuntu packages, tauri-driver, the UI's npm
# packages) and builds the frontend into ui/dist.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Packages the app needs to build (webkit), to run headless (Xvfb), to be driven (WebKitWebDriver)
# and to be photographed (ImageMagick's import).
ensure_apt_packages() {
  local want=(libwebkit2gtk-4.1-dev build-essential pkg-config xvfb webkit2gtk-driver imagemagick xauth "$@")
  local missing=()
  for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  command -v npm >/dev/null || missing+=(nodejs npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    echo "==> cargo install tauri-driver"
    cargo install tauri-driver --locked
  fi
}

# npm ci when node_modules is missing or older than the lock file; then the production build.
build_ui() {
  if [ ! -f "$ROOT/ui/node_modules/.package-lock.json" ] ||
    [ "$ROOT/ui/package-lock.json" -nt "$ROOT/ui/node_modules/.package-lock.json" ]; then
    echo "==> npm ci (ui)"
    npm --prefix "$ROOT/ui" ci --no-audit --no-fund
  fi
  echo "==> npm run build (ui)"
  npm --prefix "$ROOT/ui" run build --silent
}

# Starts Xvfb on a display nobody uses and exports DISPLAY; XVFB_PID is set for stop_xvfb.
# First lets Xvfb pick the number itself (-displayfd); if that fails (a slow machine, a Xvfb
# without -displayfd), tries fixed numbers whose lock file is absent. Xvfb's own messages are
# kept in a log and printed when it cannot start, so a failure says why.
start_xvfb() {
  local size="${1:-1280x800x24}" log display=""
  log="$(mktemp)"
  _xvfb_displayfd "$size" "$log" && return 0
  for display in $(seq 99 140); do
    [ -e "/tmp/.X${display}-lock" ] || [ -e "/tmp/.X11-unix/X${display}" ] && continue
    Xvfb ":$display" -screen 0 "$size" -nolisten tcp >>"$log" 2>&1 &
    XVFB_PID=$!
    local tries
    for tries in $(seq 1 60); do
      if [ -e "/tmp/.X11-unix/X${display}" ]; then
        export DISPLAY=":$display"
        echo "==> Xvfb on $DISPLAY (pid $XVFB_PID)"
        return 0
      fi
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.5
    done
    stop_xvfb
  done
  echo "Xvfb did not start; its messages:" >&2
  cat "$log" >&2
  return 1
}

_xvfb_displayfd() {
  local size="$1" log="$2" fifo display
  fifo="$(mktemp -u)"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "$size" -nolisten tcp 3>"$fifo" 2>>"$log" &
  XVFB_PID=$!
  if read -r -t 30 display <"$fifo" && [ -n "$display" ]; then
    rm -f "$fifo"
    export DISPLAY=":$display"
    echo "==> Xvfb on $DISPLAY (pid $XVFB_PID)"
    return 0
  fi
  rm -f "$fifo"
  stop_xvfb
  return 1
}

stop_xvfb() {
  if [ -n "${XVFB_PID:-}" ]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=
  fi
}
