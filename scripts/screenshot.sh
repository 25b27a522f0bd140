#!/usr/bin/env bash
# Screenshots of the real app under Xvfb, as a person sees it at 1280×800:
#   scripts/screenshot.sh                      → docs/screenshots/library.png (VP of Engineering open)
#   scripts/screenshot.sh NAME ROUTE [NAME ROUTE ...]   e.g. library role/cto
#   scripts/screenshot.sh all   → library.png, compare.png (Director/VP/CTO), ladder.png (the same
#                                 three as a ladder), compare-six.png (six roles), draft.png
# SCREENSHOT_IMPORT="FILE ..." imports those documents into the app's (temporary) user library
# first; `all` imports two pages of the ladder corpus for the six-role compare.
# Builds the UI and the app first (the same build the end-to-end tests use).
set -euo pipefail
source "$(dirname "$0")/app-deps.sh"
cd "$ROOT"

if [ "$#" -eq 0 ]; then set -- library role/vp-of-engineering; fi
if [ "$1" = all ]; then
  set -- library role/vp-of-engineering \
    compare compare/director-of-engineering,vp-of-engineering,cto \
    ladder compare/director-of-engineering,vp-of-engineering,cto/ladder \
    compare-six compare/sr-software-engineer-3,staff-engineer,sr-staff-engineer,technical-lead-manager,engineering-manager,vp-of-engineering \
    draft draft/vp-of-engineering-1
  SCREENSHOT_IMPORT="${SCREENSHOT_IMPORT:-tests/fixtures/corpus/ladder-html/staff_engineer.md tests/fixtures/corpus/ladder-html/technical_lead_manager.md}"
fi

ensure_apt_packages
build_ui
echo "==> building the app (frontend embedded)"
cargo test -p rolecraft-app --features custom-protocol --test e2e --no-run --quiet
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
APP="$TARGET_DIR/debug/rolecraft-app"

DISPLAY_NUM="${SCREENSHOT_DISPLAY:-99}"
DATA_DIR="$(mktemp -d)"
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "${XVFB_PID:-}" ] && kill -TERM "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$DATA_DIR"
  return 0
}
trap cleanup EXIT

Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp 2>/dev/null &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done

# A sample draft, so `draft/vp-of-engineering-1` has something to show.
mkdir -p "$DATA_DIR/drafts"
cat >"$DATA_DIR/drafts/vp-of-engineering-1.json" <<'JSON'
{
  "id": "vp-of-engineering-1",
  "name": "VP of Engineering, New York",
  "role_id": "vp-of-engineering",
  "template": "full",
  "posting": {
    "company": "Acme Robotics",
    "team": "Platform Engineering",
    "location": "New York, NY, US",
    "remote_policy": "Hybrid, two days a week in the office",
    "employment_type": "Full-time",
    "salary_range": null,
    "about_company": "Acme Robotics builds warehouse robots used by 300 retailers.",
    "benefits": null,
    "how_to_apply": null,
    "equal_opportunity": null
  },
  "sections": null,
  "items_off": [],
  "item_edits": [],
  "updated_at": null
}
JSON

if [ -n "${SCREENSHOT_IMPORT:-}" ]; then
  echo "==> importing $SCREENSHOT_IMPORT"
  # shellcheck disable=SC2086 # a list of paths
  cargo run -q --bin rolecraft -- import $SCREENSHOT_IMPORT --into "$DATA_DIR/roles" >/dev/null
fi

mkdir -p docs/screenshots
while [ "$#" -ge 2 ]; do
  name="$1" route="$2"
  shift 2
  echo "==> $name: --open $route"
  ROLECRAFT_DATA_DIR="$DATA_DIR" WEBKIT_DISABLE_COMPOSITING_MODE=1 "$APP" --open "$route" &
  APP_PID=$!
  sleep "${SCREENSHOT_WAIT:-4}"
  import -window root "docs/screenshots/$name.png"
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "    docs/screenshots/$name.png"
done
