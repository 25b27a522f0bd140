#!/usr/bin/env bash
# Regenerates the bundled library roles/ from the seed documents with the importer itself.
# The test `bundled_library_matches_the_seeds` fails when roles/ and this output differ.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f roles/*.json
cargo run -q --bin rolecraft -- import tests/fixtures/seeds/*.txt --into roles --replace
