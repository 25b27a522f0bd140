#!/usr/bin/env bash
# Builds the app in release and the .deb with the Tauri bundler, installs it with dpkg, starts
# the installed app (its desktop entry's Exec) under Xvfb on an empty data folder, checks the
# window "Rolecraft" shows the library (a screenshot that is not blank), then removes the
# package again.
#
#   scripts/deb.sh [--no-build] [--keep]     --no-build packs the release binary already built;
#                                            --keep leaves the package installed
# env: DEB_SCREENSHOT (default /tmp/rolecraft-deb.png), DEB_WAIT (seconds to wait for the
#      library, default 90).
# Needs root (dpkg -i / -r), as on the test machine.
set -euo pipefail
source "$(dirname "$0")/app-deps.sh"
cd "$ROOT"

build=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: scripts/deb.sh [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done
shot="${DEB_SCREENSHOT:-/tmp/rolecraft-deb.png}"

ensure_apt_packages xdotool
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
if [ "$build" = 1 ]; then
  build_ui
  echo "==> cargo build --release (frontend embedded)"
  cargo build --release -p rolecraft-app --features custom-protocol
fi
# The bundler packs the release binary built above (`tauri bundle` does not rebuild it); the
# UI's @tauri-apps/cli, run from the root where tauri.conf.json is.
echo "==> tauri bundle --bundles deb"
rm -f "$TARGET_DIR"/release/bundle/deb/*.deb
npm --prefix ui exec --no -- tauri bundle --bundles deb --features custom-protocol
deb="$(ls -t "$TARGET_DIR"/release/bundle/deb/*.deb | head -n1)"
pkg="$(dpkg-deb -f "$deb" Package)"
echo "==> $deb ($(du -h "$deb" | cut -f1)): package $pkg $(dpkg-deb -f "$deb" Version)"
dpkg-deb -c "$deb" | awk '{print "    " $NF}'

work="$(mktemp -d)"
APP_PID=
cleanup() {
  set +e # run every step: the app's exit status (143 after TERM) must not stop the removal
  [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "${XVFB_PID:-}" ] && kill -TERM "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  if [ "$keep" = 0 ] && dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "==> dpkg -r $pkg"
    as_root dpkg -r "$pkg" >/dev/null
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || [ -e /usr/bin/rolecraft-app ]; then
      echo "deb: dpkg -r $pkg left the package or /usr/bin/rolecraft-app behind" >&2
      exit 1
    fi
    echo "    removed: no package $pkg, no /usr/bin/rolecraft-app"
  fi
  rm -rf "$work"
  return 0
}
trap cleanup EXIT

echo "==> dpkg -i"
as_root dpkg -i "$deb"
desktop="$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -n1)"
icon="$(dpkg -L "$pkg" | grep '^/usr/share/icons/.*\.png$' | head -n1)"
[ -n "$desktop" ] || { echo "deb: no desktop entry in $pkg" >&2; exit 1; }
[ -n "$icon" ] || { echo "deb: no icon in $pkg" >&2; exit 1; }
exec_line="$(sed -n 's/^Exec=//p' "$desktop" | head -n1)"
exec_bin="${exec_line%% *}"
echo "    desktop entry $desktop: Exec=$exec_line, Icon=$(sed -n 's/^Icon=//p' "$desktop")"
echo "    icon $icon"
command -v "$exec_bin" >/dev/null || { echo "deb: $exec_bin (the desktop entry's Exec) is not on PATH" >&2; exit 1; }

start_xvfb
mkdir -p "$work/data"
echo "==> starting the installed $(command -v "$exec_bin") on an empty data folder"
ROLECRAFT_DATA_DIR="$work/data" WEBKIT_DISABLE_COMPOSITING_MODE=1 "$exec_bin" >"$work/app.log" 2>&1 &
APP_PID=$!
started=$SECONDS
if ! win="$(timeout 30 xdotool search --sync --onlyvisible --name '^Rolecraft$' | head -n1)"; then
  echo "deb: no visible window titled Rolecraft within 30 s" >&2
  cat "$work/app.log" >&2
  exit 1
fi
echo "    window $win: \"$(xdotool getwindowname "$win")\""
# The library is shown when the sidebar's list (below the search box) and the role pane both
# hold text: each region then has many colours (the empty shell has one or two). Polled, since
# a loaded machine may take many seconds.
deadline=$((SECONDS + ${DEB_WAIT:-90}))
while :; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "deb: the app exited" >&2; cat "$work/app.log" >&2; exit 1; }
  import -window root "$shot"
  list="$(convert "$shot" -crop 279x300+0+110 +repage -format %k info:)"
  role="$(convert "$shot" -crop 900x400+300+60 +repage -format %k info:)"
  [ "$list" -ge 20 ] && [ "$role" -ge 20 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "deb: no library after ${DEB_WAIT:-90} s: $list colours in the list, $role in the role pane ($shot)" >&2
    exit 1
  fi
  sleep 2
done
echo "    screenshot $shot $((SECONDS - started)) s after the start: $list colours in the library list, $role in the role pane"
echo "deb: OK: installed, started from its desktop entry, window \"Rolecraft\" shows the library ($shot)"
