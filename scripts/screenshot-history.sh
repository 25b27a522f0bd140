#!/usr/bin/env bash
# Screenshots of history and of a version comparison: a library folder in git with two commits of
# the Director of Engineering role (the second via `rolecraft edit` and a typo fix), then the app
# on it. Usage: scripts/screenshot-history.sh OUT.png  (ROUTE=compare/ID@HEAD~1,ID for the
# comparison; EX/EY: a point to click first, e.g. the History tab). Run scripts/screenshot.sh once
# before, which builds the app.
cd /work/main
source scripts/app-deps.sh
APP=target/debug/rolecraft-app
DATA=$(mktemp -d)
mkdir -p $DATA/roles
cd $DATA/roles
git init -q . && git config user.email lead@acme.example && git config user.name "Dana Lead"
cp /work/main/roles/director-of-engineering.json .
git add . && GIT_COMMITTER_DATE="2025-11-20T10:00:00Z" git commit -q --date="2025-11-20T10:00:00Z" -m "Director of Engineering as imported"
/work/main/target/debug/rolecraft --library . edit director-of-engineering --set-fact scope="5-8 teams / 4-6 directs, 25-40 total" >/dev/null
python3 - <<'PY'
import json
p='director-of-engineering.json'; r=json.load(open(p))
for s in r['sections']:
    for i in s['items']:
        i['text']=i['text'].replace('Stretegic','Strategic')
open(p,'w').write(json.dumps(r,indent=2,ensure_ascii=False)+"\n")
PY
git add . && git commit -q -m "Director: larger scope, typo fixed"
cd /work/main
start_xvfb 1280x800x24
ROLECRAFT_DATA_DIR=$DATA WEBKIT_DISABLE_COMPOSITING_MODE=1 $APP --open "${ROUTE:-role/director-of-engineering}" &
PID=$!
sleep 6
if [ -n "${EX:-}" ]; then xdotool mousemove $EX $EY click 1; sleep 2; fi
import -window root "$1"
kill $PID; wait $PID 2>/dev/null || true
stop_xvfb
rm -rf "$DATA"
