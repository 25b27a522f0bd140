#!/usr/bin/env bash
# Builds the release CLI, `rolecraft`, the way it is meant to be installed, and prints its path.
#
# On Linux it is one static-pie executable linked with musl: no dynamic loader, no shared
# libraries, and still position-independent, so ASLR places it anew on every run. musl rather
# than glibc because of start-up: glibc probes the CPU's caches at every start with CPUID, which
# traps to the hypervisor on a VM (0.6 ms of the 1 ms `/bin/true` takes on our 2-core machine;
# a musl hello-world starts in 0.35 ms). That took `rolecraft jd` from 2.7-2.8 to 2.0-2.2 ms
# (issue 12). The price is musl's plain memcpy and memcmp, measured side by side: a cold `check`
# (mostly Harper building its automata) is 9-12 % slower, importing 10,000 documents 4-10 %
# (still 25 MB/s). The allocator is mimalloc either way.
#
# When the musl target cannot be added (no rustup, or offline), it falls back to a glibc
# static-pie build (-C target-feature=+crt-static), and says so. Elsewhere than Linux it is a
# plain release build.
#
# It stays position-independent on purpose: a non-PIE build (-C relocation-model=static) skips
# 52,000 start-up relocations and the copy-on-write of the 1 MB they touch, but it would load at
# a fixed address a program that reads untrusted documents.
#
# `--target` is what keeps the static flags off build scripts and proc-macros (they run on the
# host as shared objects), so the binary lands in target/<triple>/release/.
#
# usage: scripts/build-cli.sh [CARGO BUILD ARGS...]
#        install -m 755 "$(scripts/build-cli.sh)" ~/.local/bin/rolecraft
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

# musl needs its target's standard library, and musl-gcc for the C in mimalloc.
musl_ready() {
  local musl=$1
  rustup target list --installed 2>/dev/null | grep -qx "$musl" ||
    rustup target add "$musl" >&2 || return 1
  command -v musl-gcc >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "build-cli: installing musl-tools from apt" >&2
  { apt-get install -y musl-tools || { apt-get update && apt-get install -y musl-tools; }; } >/dev/null 2>&1
  command -v musl-gcc >/dev/null
}

case "$host" in
  *-linux-gnu)
    musl=${host%-gnu}-musl
    if musl_ready "$musl"; then
      triple=$musl
      cargo build --release -p rolecraft-cli --target "$triple" "$@" >&2
    else
      echo "build-cli: the $musl target is not available; building a glibc static-pie instead" >&2
      triple=$host
      RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
        cargo build --release -p rolecraft-cli --target "$triple" "$@" >&2
    fi
    bin="$dir/$triple/release/rolecraft"
    # An interpreter (ld.so) or a non-PIE type here would mean the build is not what this script
    # promises: say so rather than hand over that binary.
    if readelf -lW "$bin" | grep -q 'INTERP' || ! readelf -hW "$bin" | grep -q 'DYN'; then
      echo "build-cli: $bin is not a static-pie executable" >&2
      exit 1
    fi
    ;;
  *)
    cargo build --release -p rolecraft-cli "$@" >&2
    bin="$dir/release/rolecraft"
    ;;
esac
"$bin" --version >&2
echo "$bin"
