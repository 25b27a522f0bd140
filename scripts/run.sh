#!/usr/bin/env bash
# Sets everything up and launches the desktop app on the bundled role library.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
npm --prefix ui run build
exec cargo run --release -p rolecraft-app --features custom-protocol "$@"
