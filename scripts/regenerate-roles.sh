#!/usr/bin/env bash
# Regenerates the bundled library roles/ from the seed documents with the importer itself:
# the role files and, in roles/sources/, the copies of the seeds the roles point to.
# The test `bundled_library_matches_the_seeds_regenerated` fails when roles/ and this output differ.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f roles/*.json
rm -rf roles/sources
cargo run -q --bin rolecraft -- import tests/fixtures/seeds/*.txt --into roles --replace
