#!/usr/bin/env python3
"""desktop_start.py — the desktop viewer from outside: start to first frame, and peak memory.

Run under an X server (xvfb-run). For each run it starts `versus --dump-state FILE [PAYLOAD]`
and times from the spawn to the moment FILE appears: the viewer writes it (atomically) right
after the first frame was swapped to the window (src/platform/desktop/viewer.cpp, dump_state()).
It lets the viewer run 0.5 s more (its busy frames after start), ends it with SIGTERM and reads
its peak resident memory (ru_maxrss from wait4). Medians of N runs; prints markdown table rows.

usage: desktop_start.py [--smoke] [--runs N] VERSUS_BIN VERSUS_BENCH_BIN
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def one_run(versus, payload, workdir):
    dump = os.path.join(workdir, "state.json")
    if os.path.exists(dump):
        os.remove(dump)
    args = [versus, "--dump-state", dump] + ([payload] if payload else [])
    t0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    while time.monotonic() - t0 < 20:
        if os.path.exists(dump):
            first = time.monotonic() - t0
            break
        if proc.poll() is not None:
            break
        time.sleep(0.0005)
    if first is not None:
        time.sleep(0.5)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    if first is None:
        err = proc.stderr.read().decode(errors="replace")
        sys.exit(f"desktop_start: no first frame from {' '.join(args)}: {err.strip()}")
    return first * 1000.0, usage.ru_maxrss / 1024.0   # ms, MiB


def main():
    argv = sys.argv[1:]
    smoke = "--smoke" in argv
    argv = [a for a in argv if a != "--smoke"]
    runs = 1 if smoke else 11
    if len(argv) >= 2 and argv[0] == "--runs":
        runs = int(argv[1])
        argv = argv[2:]
    if len(argv) != 2 or not os.environ.get("DISPLAY"):
        sys.exit(__doc__.split("\n\n")[-1].strip() + "   (needs DISPLAY: run it under xvfb-run)")
    versus, bench = argv
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([bench, "--write-payloads", work], check=True)
        big = os.path.join(work, "bench-1mib.json")
        one_run(versus, None, work)   # warm the file cache and the X server, not counted
        seed = [one_run(versus, None, work) for _ in range(runs)]
        large = [one_run(versus, big, work) for _ in range(runs)]
    note = "smoke run"
    t_seed = statistics.median(t for t, _ in seed)
    m_seed = max(m for _, m in seed)
    t_big = statistics.median(t for t, _ in large)
    m_big = max(m for _, m in large)

    def met(ok):
        return note if smoke else ("yes" if ok else "**no**")

    print(f"| desktop viewer: start → first frame, seed, Xvfb (median of {runs}) | {t_seed:.0f} ms | ≤ 250 ms | — | — | {met(t_seed <= 250)} |")
    print(f"| desktop viewer: peak RSS, seed (max of {runs}) | {m_seed:.1f} MiB | ≤ 80 MB (76.3 MiB) | — | — | {met(m_seed * 1.048576 <= 80)} |")
    print(f"| desktop viewer: start → first frame, 1 MiB payload (median of {runs}) | {t_big:.0f} ms | ≤ 250 ms | {t_seed:.0f} ms (seed) | {t_big / t_seed:.2f} × | {met(t_big <= 250)} |")
    print(f"| desktop viewer: peak RSS, 1 MiB payload (max of {runs}) | {m_big:.1f} MiB | ≤ 80 MB (76.3 MiB) | {m_seed:.1f} MiB (seed) | {m_big / m_seed:.2f} × | {met(m_big * 1.048576 <= 80)} |")


if __name__ == "__main__":
    main()
