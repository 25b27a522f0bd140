#!/usr/bin/env python3
"""Runs the floor and the app in turn under the X display in $DISPLAY and prints the figures.

    bench/measure.py --xpoll BIN --runs N --idle S floor=BIN app=BIN[:DATA_DIR] [app-10k=BIN:DATA_DIR]

Each round starts every variant once, in the order given (so floor and app alternate), and for
each launch records, from outside the process:
  window   ms from the launch to the first frame that differs from the empty screen,
  first    ms to the first frame with content (xpoll: >= 2,000 pixels off the frame's most
           common colour: a blank window has none),
  settled  ms to the last frame that changed by >= 200 pixels within the idle time: when what
           is shown stopped changing (for the app, the library list is in),
  PSS      after the idle time, the sum of Pss (/proc/PID/smaps_rollup) over the process and all
           its descendants (WebKitWebProcess, WebKitNetworkProcess, ...), in MiB,
  idle CPU then the CPU time the same process tree uses over the next 2 s, in % of one core
           (an app at rest uses next to none; a loop that keeps reloading shows here).
Then it prints every run, the median, and the median's ratio to the floor's. A variant's
DATA_DIR becomes its ROLECRAFT_DATA_DIR; without one it gets a fresh empty folder.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def children_of():
    kids = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: the fields after the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def tree(pid):
    kids = children_of()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pid):
    """utime + stime of a process, in clock ticks (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


IDLE_CPU_S = 2.0


def idle_cpu_percent(pids):
    before = sum(cpu_ticks(p) for p in pids)
    time.sleep(IDLE_CPU_S)
    after = sum(cpu_ticks(p) for p in pids)
    return 100.0 * (after - before) / os.sysconf("SC_CLK_TCK") / IDLE_CPU_S


def wait_gone(pids, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(os.path.exists(f"/proc/{p}") for p in pids):
            return True
        time.sleep(0.05)
    return False


def launch(xpoll, binary, data_dir, idle_s):
    env = dict(os.environ, ROLECRAFT_DATA_DIR=data_dir, WEBKIT_DISABLE_COMPOSITING_MODE="1")
    t0 = time.monotonic_ns()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    polled = subprocess.run([xpoll, str(t0), str(int(idle_s * 1000))], capture_output=True, text=True)
    pids = tree(proc.pid)
    pss = sum(pss_kib(p) for p in pids) / 1024
    cpu = idle_cpu_percent(pids)
    alive = proc.poll() is None
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not wait_gone(pids, 3):
        for p in pids:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        wait_gone(pids, 3)
    fields = dict(kv.split("=") for kv in polled.stdout.split())
    if polled.returncode != 0 or fields.get("start_blank") != "1" or not alive:
        why = polled.stderr.strip() or ("the app exited early" if not alive else "the screen was not blank at launch")
        sys.exit(f"measure: {binary}: run void: {why}")
    return {
        "window": float(fields["window"]),
        "first": float(fields["first"]),
        "settled": float(fields["settled"]),
        "pss": pss,
        "cpu": cpu,
        "procs": len(pids),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xpoll", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=5.0)
    ap.add_argument("variants", nargs="+", help="NAME=BIN[:DATA_DIR]; the first is the floor")
    args = ap.parse_args()

    scratch = tempfile.mkdtemp(prefix="rolecraft-perf-")
    variants = []
    for v in args.variants:
        name, spec = v.split("=", 1)
        binary, _, data = spec.partition(":")
        if not data:
            data = os.path.join(scratch, name)
            os.makedirs(data, exist_ok=True)
        variants.append((name, binary, data))

    results = {name: [] for name, _, _ in variants}
    for i in range(args.runs):
        for name, binary, data in variants:
            r = launch(args.xpoll, binary, data, args.idle)
            results[name].append(r)
            print(
                f"run {i + 1}/{args.runs} {name:8} window {r['window']:7.0f} ms  first {r['first']:7.0f} ms  "
                f"settled {r['settled']:7.0f} ms  PSS {r['pss']:6.1f} MiB ({r['procs']} processes)  "
                f"idle CPU {r['cpu']:5.1f} %",
                file=sys.stderr,
                flush=True,
            )
            time.sleep(0.5)

    floor = variants[0][0]
    figures = [
        ("window", "window mapped (ms)", "{:.0f}"),
        ("first", "first content (ms)", "{:.0f}"),
        ("settled", "settled (ms)", "{:.0f}"),
        ("pss", "idle PSS after {:g} s (MiB)".format(args.idle), "{:.1f}"),
        ("cpu", "idle CPU over the next {:g} s (% of one core)".format(IDLE_CPU_S), "{:.1f}"),
    ]
    sizes = {name: os.path.getsize(binary) / 1e6 for name, binary, _ in variants}
    print(f"\n{args.runs} runs each, alternating {', '.join(n for n, _, _ in variants)}; median [all runs]")
    for key, label, fmt in figures:
        def med_of(name):
            # -1: not seen within the idle time; left out of the median, shown in the runs
            seen = [r[key] for r in results[name] if r[key] >= 0]
            return statistics.median(seen) if seen else -1

        med_floor = med_of(floor)
        print(f"{label}")
        for name, _, _ in variants:
            vals = [r[key] for r in results[name]]
            med = med_of(name)
            ratio = f"{med / med_floor:5.2f}x floor" if name != floor and med_floor > 0 and med > 0 else ""
            runs = " ".join(fmt.format(v) for v in vals)
            print(f"  {name:8} {fmt.format(med):>8}  {ratio:12} [{runs}]")
    print("binary size (MB)")
    for name, binary, _ in variants:
        ratio = f"{sizes[name] / sizes[floor]:5.2f}x floor" if name != floor else ""
        print(f"  {name:8} {sizes[name]:8.2f}  {ratio:12} {binary}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
