#!/usr/bin/env bash
# Sets everything up and runs every test: formatting and lints, Rust unit/golden/property/CLI
# tests, the UI's type check and component tests, and the end-to-end tests of the real app
# under Xvfb. Checks over ../shared/corpus run when that folder exists (CI has it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "UI build (the app embeds ui/dist)"
npm --prefix ui run build

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The end-to-end tests need the embedded frontend, so --all-targets leaves them out.
cargo clippy -p rolecraft-app --features custom-protocol --test e2e --quiet -- -D warnings

step "the CLI builds without Tauri or webkit"
if cargo tree -p rolecraft-cli -e normal --prefix none --format '{p}' | grep -E '^(tauri|wry|tao|webkit2gtk|gtk)[ -]'; then
  echo "rolecraft-cli depends on Tauri/webkit" >&2; exit 1
fi

step "Rust tests (core, CLI, app shell)"
cargo test --workspace

step "bounded fuzz run of every target (FUZZ_SECONDS per target, default 35)"
./scripts/fuzz.sh "${FUZZ_SECONDS:-35}"

step "UI type check and component tests"
npm --prefix ui run check
npm --prefix ui test

step "end-to-end tests (real app under Xvfb)"
./scripts/e2e.sh

echo
echo "all test suites passed"
