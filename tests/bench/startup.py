#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: process start → the demo widget's slot rendered, and the memory of all
processes then, next to a bare WebKitWebView loading a small page, measured in the same run.

usage: startup.py APP BASELINE [RUNS]
Runs alternate between the two programs so that a noisy machine hurts both alike. Medians:
on a machine without a GPU, WebKit's DMA-BUF renderer under Xvfb stalls an occasional page
load for seconds.
"""
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

APP, BASELINE = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
TIMEOUT_S = 60
SETTLE_S = 1.0  # memory is read once the processes have settled after the first render


def descendants(root):
    """root and every process below it (WebKit's web and network processes, bwrap)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def wait_for_marker(stream, marker, deadline):
    """Reads lines until one holds marker; False when the deadline passes first."""
    buffer = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(stream.fileno(), 65536)
        if not chunk:
            break
        buffer += chunk
        if marker.encode() in buffer:
            return True
        buffer = buffer[-len(marker) * 4:]
    return False


def measure(home, command, marker, stream_name, env_extra):
    env = dict(os.environ, XDG_CACHE_HOME=f"{home}/cache", XDG_DATA_HOME=f"{home}/data",
               XDG_CONFIG_HOME=f"{home}/config", GSETTINGS_BACKEND="memory", GTK_A11Y="none",
               NO_AT_BRIDGE="1", **env_extra)
    start = time.monotonic()
    # GLib writes debug messages to stdout, warnings to stderr: read the one the marker is on.
    pipes = {"stdout": subprocess.PIPE if stream_name == "stdout" else subprocess.DEVNULL,
             "stderr": subprocess.PIPE if stream_name == "stderr" else subprocess.DEVNULL}
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, start_new_session=True, **pipes)
    try:
        if not wait_for_marker(getattr(process, stream_name), marker, start + TIMEOUT_S):
            raise RuntimeError(f"{command[0]} did not say “{marker}” within {TIMEOUT_S} s")
        elapsed = (time.monotonic() - start) * 1000
        time.sleep(SETTLE_S)
        memory = sum(rss_kib(pid) for pid in descendants(process.pid)) / 1024
        return elapsed, memory
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main():
    results = {"baseline": [], "app": []}
    programs = {
        "baseline": ([BASELINE], "baseline: ready", "stderr", {}),
        # The demo widget reported ready: its registerWidgetsBarSlot has run and filled the slot.
        "app": ([APP], "is ready", "stdout", {"G_MESSAGES_DEBUG": "cabinet-inspector"}),
    }
    # Each program keeps its own cache and data folders across its runs, as a user's do; one
    # warm-up start of each, not counted, fills them (shader and WebKit caches).
    homes = {name: tempfile.mkdtemp(prefix=f"cab-bench-{name}-") for name in programs}
    try:
        for name, program in programs.items():
            measure(homes[name], *program)
        for _ in range(RUNS):
            for name, program in programs.items():
                results[name].append(measure(homes[name], *program))
    finally:
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)

    def median(name, index):
        return statistics.median(r[index] for r in results[name])

    print(f"start-up over {RUNS} runs each (median), process start → ready:")
    for name, label in (("baseline", "bare WebKitWebView, small page"), ("app", "Cabinet Inspector, demo widget rendered")):
        times = ", ".join(f"{r[0]:.0f}" for r in results[name])
        print(f"  {label:42} {median(name, 0):7.0f} ms  ({times})")
    print(f"  time ratio app / baseline: {median('app', 0) / median('baseline', 0):.2f} (goal ≤ 1.3)")
    print("memory, RSS summed over all processes, 1 s after ready (median):")
    for name, label in (("baseline", "bare WebKitWebView, small page"), ("app", "Cabinet Inspector, demo widget rendered")):
        print(f"  {label:42} {median(name, 1):7.0f} MiB")
    print(f"  memory ratio app / baseline: {median('app', 1) / median('baseline', 1):.2f} (goal ≤ 1.2)")


if __name__ == "__main__":
    main()
