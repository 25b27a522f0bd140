#!/usr/bin/env python3
"""Writes a library of N distinct roles for the performance suite: DATA_DIR/roles/*.json.

    bench/gen-roles.py DATA_DIR [N] [--rolecraft BIN] [--batch B]

The documents come from scripts/gen-library.py (ladder pages, SFIA pages, blueprints, plain
Markdown: the same generator the import benchmark uses). gen-library.py draws titles from 18
levels, so an import of its documents merges into 18 roles; here every level name in document
i becomes "<name> i", so each document yields roles of its own. They are imported with the
real importer (`rolecraft import FILES --dry-run --json`, B documents per call) and each role
is written as `<id>.json` the way the library saves it (pretty JSON; without the fsyncs of
`--into`, which take minutes for 10,000 files); the first N by name are kept. The result is
what the app reads from $ROLECRAFT_DATA_DIR/roles.
"""

import argparse
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def gen_library():
    spec = importlib.util.spec_from_file_location(
        "gen_library", os.path.join(HERE, "..", "scripts", "gen-library.py")
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir")
    ap.add_argument("n", nargs="?", type=int, default=10000)
    ap.add_argument("--rolecraft", default=os.environ.get("ROLECRAFT_BIN", "rolecraft"))
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    gl = gen_library()
    names = sorted(gl.LEVELS, key=len, reverse=True)
    level = re.compile("|".join(re.escape(n) for n in names))
    rng = random.Random(args.seed)
    roles_dir = os.path.join(args.data_dir, "roles")
    os.makedirs(roles_dir, exist_ok=True)
    have = lambda: sum(1 for f in os.listdir(roles_dir) if f.endswith(".json"))  # noqa: E731

    with tempfile.TemporaryDirectory() as work:
        i = 0
        while have() < args.n:
            docs = os.path.join(work, "docs")
            shutil.rmtree(docs, ignore_errors=True)
            os.makedirs(docs)
            paths = []
            for _ in range(args.batch):
                kind, make, ext = gl.KINDS[i % len(gl.KINDS)]
                text = level.sub(lambda m: f"{m.group(0)} {i}", make(rng, i))
                path = os.path.join(docs, f"{i:05d}_{kind}.{ext}")
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
                paths.append(path)
                i += 1
            done = subprocess.run(
                [args.rolecraft, "import", *paths, "--dry-run", "--json"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            if done.returncode != 0:
                sys.exit(f"gen-roles: rolecraft import failed: {done.stderr.strip()}")
            for role in json.loads(done.stdout)["roles"]:
                target = os.path.join(roles_dir, f"{role['id']}.json")
                if os.path.exists(target):
                    sys.exit(f"gen-roles: two batches made role {role['id']}")
                with open(target, "w", encoding="utf-8", newline="\n") as f:
                    f.write(json.dumps(role, indent=2, ensure_ascii=False) + "\n")
            print(f"\r{i} documents, {have()} roles", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)

    files = sorted(f for f in os.listdir(roles_dir) if f.endswith(".json"))
    for extra in files[args.n:]:
        os.remove(os.path.join(roles_dir, extra))
    total = sum(os.path.getsize(os.path.join(roles_dir, f)) for f in files[: args.n])
    print(f"{min(len(files), args.n)} roles, {total / 1e6:.1f} MB in {roles_dir}")


if __name__ == "__main__":
    main()
