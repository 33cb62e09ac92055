#!/usr/bin/env python3
"""The vote service's benchmarks (issue 11), printed as rows of shell/bench.sh's table.

    votes_bench.py [--smoke] BUILD_DIR      (BUILD_DIR holds versus-votes, votes_http_baseline, votes_store)

Loopback only, bounded runs. wrk (Debian) drives 64 concurrent keep-alive connections (2 wrk
threads, on the same 2 cores as the service: the figures include that contention):
  - acknowledged votes/s, p50 and p99 latency: POST votes, each of a new voter, on SQLite and on
    PostgreSQL (a server started here in a temporary folder); only 200s count as acknowledged;
  - tally reads/s: GET tallies;
  - baselines measured in the same run: the same HTTP stack answering a constant
    (votes_http_baseline: same server code, no store) and the store alone (votes_store: 64
    threads straight into the batching writer, no HTTP);
  - resident memory of versus-votes sampled between runs while votes accumulate.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "service"))
import lib  # noqa: E402  (Service, Postgres, payload_dir)

smoke = "--smoke" in sys.argv
build = [a for a in sys.argv[1:] if a != "--smoke"][-1]
DURATION = 2 if smoke else 10
RSS_RUNS = 1 if smoke else 4
CONNECTIONS = 64
C = "haiku-vs-mistral"


RUNS = [0]


def wrk(url, script=None, duration=DURATION):
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", script]
    RUNS[0] += 1
    out = subprocess.run(cmd + [url, "--", f"{os.getpid()}r{RUNS[0]}"], capture_output=True, text=True,
                         check=True).stdout

    def latency(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    total = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out).group(1))
    seconds = float(re.search(r"requests in ([\d.]+)s", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = re.search(r"Socket errors: (.*)", out)
    return {"ok": total - non2xx, "per_s": (total - non2xx) / seconds, "p50": latency(50), "p99": latency(99),
            "non2xx": non2xx, "errors": errors.group(1) if errors else ""}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024


def store_alone(db):
    out = subprocess.run([os.path.join(build, "votes_store"), "--db", db, "--threads", str(CONNECTIONS),
                          "--seconds", str(DURATION)], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"votes_per_s=([\d.]+)", out).group(1)), out.strip()


def row(what, figure, target, baseline, ratio, met):
    print(f"| {what} | {figure} | {target} | {baseline} | {ratio} | {met} |", flush=True)


def n(x):
    return f"{x:,.0f}"


lib.BIN = os.path.join(build, "versus-votes")
with tempfile.TemporaryDirectory() as tmp:
    payloads = lib.payload_dir(tmp)
    votes_path = f"/v1/comparisons/{C}/votes"
    tallies_path = f"/v1/comparisons/{C}/tallies"
    post = os.path.join(HERE, "votes_post.lua")

    # The HTTP ceiling: the same server answering a constant.
    base = subprocess.Popen([os.path.join(build, "votes_http_baseline"), "--payloads", payloads,
                             "--listen", "127.0.0.1:0", "--rate", "0"], stdout=subprocess.PIPE, text=True)
    port = int(base.stdout.readline().strip().rsplit(":", 1)[1])
    lib.wait_for(lambda: subprocess.run(["curl", "-sf", f"http://127.0.0.1:{port}/healthz"],
                                        capture_output=True).returncode == 0, 20, "baseline up")
    const_post = wrk(f"http://127.0.0.1:{port}{votes_path}", post)
    const_get = wrk(f"http://127.0.0.1:{port}{tallies_path}")
    base.terminate()
    base.wait()

    results = {}
    for kind in ("sqlite", "postgresql"):
        with lib.Store(kind, tmp) as store:
            if kind == "sqlite":
                alone, _ = store_alone(f"sqlite:{tmp}/store-alone.db")
            else:
                alone, _ = store_alone(store.db)
            svc = lib.Service(store.db, payloads, "--rate", "0").start()
            try:
                rss = [(0, rss_mb(svc.proc.pid))]
                acked = 0
                run = wrk(f"http://127.0.0.1:{svc.port}{votes_path}", post)
                acked += run["ok"]
                rss.append((acked, rss_mb(svc.proc.pid)))
                reads = wrk(f"http://127.0.0.1:{svc.port}{tallies_path}")
                if kind == "sqlite":
                    for _ in range(RSS_RUNS - 1):
                        more = wrk(f"http://127.0.0.1:{svc.port}{votes_path}", post)
                        acked += more["ok"]
                        rss.append((acked, rss_mb(svc.proc.pid)))
                wal = os.path.getsize(store.path + "-wal") / 1e6 if kind == "sqlite" and os.path.exists(store.path + "-wal") else 0
                lib.check(wal < 100, f"{kind}: the WAL file stays bounded under steady votes: {wal:.0f} MB")
                served = lib.tallies(svc.port, C)
                stored = sum(s + k for s, k in served.values())
                # wrk stops with up to one request per connection unanswered; those may be stored.
                lib.check(acked <= stored <= acked + CONNECTIONS * (1 + RSS_RUNS),
                          f"{kind}: tallies count {stored} votes, {acked} were acknowledged")
                results[kind] = (run, reads, alone, rss, acked, wal)
            finally:
                svc.stop()
                svc.__exit__(None, None, None)

    ratio = lambda a, b: f"{a / b:.2f} ×" if b else "—"
    for kind, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
        run, reads, alone, rss, acked, wal = results[kind]
        goal = kind == "sqlite"
        row(f"votes, {label}: acknowledged (durable) votes/s, {CONNECTIONS} keep-alive clients",
            n(run["per_s"]) + (f" ({run['non2xx']} non-200)" if run["non2xx"] else ""),
            "≥ 5,000" if goal else "— (no goal)",
            f"HTTP constant {n(const_post['per_s'])}/s; store alone {n(alone)}/s",
            f"{ratio(run['per_s'], const_post['per_s'])} of HTTP, {ratio(run['per_s'], alone)} of store",
            ("yes" if run["per_s"] >= 5000 else "**no**") if goal else "—")
        row(f"votes, {label}: p50 / p99 latency", f"{run['p50']:.2f} / {run['p99']:.2f} ms",
            "p99 ≤ 50 ms" if goal else "—", f"HTTP constant {const_post['p50']:.2f} / {const_post['p99']:.2f} ms",
            ratio(run["p99"], const_post["p99"]) + " (p99)", ("yes" if run["p99"] <= 50 else "**no**") if goal else "—")
        row(f"votes, {label}: tally reads/s", n(reads["per_s"]), "≥ 20,000" if goal else "—",
            f"HTTP constant {n(const_get['per_s'])}/s", ratio(reads["per_s"], const_get["per_s"]),
            ("yes" if reads["per_s"] >= 20000 else "**no**") if goal else "—")
    _, _, _, rss, acked, wal = results["sqlite"]
    growth = rss[-1][1] - rss[1][1]
    row(f"votes, SQLite: resident memory over {n(acked)} votes (WAL file at the end: {wal:.0f} MB)",
        " → ".join(f"{mb:.1f} MB" for _, mb in rss) + f" (after {', '.join(n(v) for v, _ in rss[1:])} votes)",
        "flat", f"start {rss[0][1]:.1f} MB", f"+{growth:.1f} MB after the first run",
        "yes" if growth < 8 else "**no**")
lib.finish() if lib.failures else None
