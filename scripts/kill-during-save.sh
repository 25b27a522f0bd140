#!/usr/bin/env bash
# Kill during save, many times: scripts/kill-during-save.sh [RUNS] (default 1000).
#
# Each run starts a process that saves in a loop (a multi-role import into a library, a draft
# autosave or an HTML export, in turn), kills it with SIGKILL after a random 2-62 ms, then
# starts again (opens the library, lists the drafts, writes the next export) and counts torn
# files and temp files left behind. Prints one line:
#   kill-during-save: RUNS runs, KILLS kills, TORN torn, LEFTOVERS leftovers (SECONDS s)
# and exits non-zero if anything was torn or left. The test suite runs the same test with 12.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-1000}"
export PATH="$HOME/.cargo/bin:$PATH"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
KILL_RUNS="$RUNS" cargo test -q -p rolecraft-core --test kill_during_save \
  no_torn_file_and_no_leftover_after_a_kill -- --exact --nocapture >"$log" 2>&1
rc=$?
set -e
grep -E "^(kill-during-save:|run [0-9]+ |thread |---- )" "$log" || tail -20 "$log"
exit "$rc"
