"""Shared helpers of the service tests (tests/service/*.test.py): start versus-votes on a free
port with a temporary store, wait for /healthz, talk HTTP/1.1 with keep-alive, start a real
PostgreSQL server in a temporary folder (as the unprivileged `postgres` user when run as root).

Every wait polls a condition with a deadline; nothing sleeps a fixed time and hopes.
"""
import hashlib
import hmac
import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("VERSUS_VOTES_BIN", "")
SOURCE = os.environ.get("VERSUS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(SOURCE, "assets", "payloads", "haiku-vs-mistral.json")
PG_BIN = "/usr/lib/postgresql/15/bin"

failures = []


def check(condition, what):
    """Records a failed expectation (the test goes on, then exits 1 listing them)."""
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return condition


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed", flush=True)
        sys.exit(1)
    print("all checks passed", flush=True)
    sys.exit(0)


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(f"waited {timeout} s for {what}")


def backend():
    """The store the test runs on: 'sqlite' (default) or 'postgresql' (argv[1])."""
    return sys.argv[1] if len(sys.argv) > 1 else "sqlite"


def payload_dir(tmp, payloads=None):
    """A folder with the seed payload (id haiku-vs-mistral) and any extra {name: dict}."""
    d = os.path.join(tmp, "payloads")
    os.makedirs(d, exist_ok=True)
    shutil.copy(SEED, d)
    for name, doc in (payloads or {}).items():
        with open(os.path.join(d, name), "w") as f:
            f.write(doc if isinstance(doc, str) else json.dumps(doc))
    return d


def three_tools(comparison_id="alpha-beta-gamma"):
    return {
        "version": 1, "id": comparison_id, "title": "Alpha vs Beta vs Gamma",
        "tools": [{"id": t, "name": t.title(), "license": {"name": "MIT", "commercial_use": True}}
                  for t in ("alpha", "beta", "gamma")],
    }


class Service:
    """versus-votes as a child process: Service(db, payloads, *flags).start()."""

    def __init__(self, db, payloads, *flags):
        self.db, self.payloads, self.flags = db, payloads, list(flags)
        self.proc = None
        self.port = None
        self.stderr_path = None

    def start(self, timeout=20):
        fd, self.stderr_path = tempfile.mkstemp(prefix="versus-votes-", suffix=".log")
        os.close(fd)
        self.err = open(self.stderr_path, "w")
        self.proc = subprocess.Popen(
            [BIN, "--payloads", self.payloads, "--db", self.db, "--listen", "127.0.0.1:0", *self.flags],
            stdout=subprocess.PIPE, stderr=self.err, text=True)
        line = self.proc.stdout.readline()   # "versus-votes: listening on http://127.0.0.1:PORT"
        if "listening on" not in line:
            self.proc.wait(timeout=10)
            raise RuntimeError(f"versus-votes did not start (exit {self.proc.returncode}): {self.log()}")
        self.port = int(line.strip().rsplit(":", 1)[1])
        wait_for(lambda: self.status("GET", "/healthz") == 200, timeout, "/healthz 200")
        return self

    def log(self):
        with open(self.stderr_path) as f:
            return f.read()

    def status(self, method, path):
        try:
            return request(self.port, method, path)[0]
        except OSError:
            return None

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=timeout)
        return self.proc.returncode

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def request(port, method, path, body=None, headers=None, conn=None):
    """One request; returns (status, headers dict with lower-case names, body text)."""
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = body if body is None or isinstance(body, (bytes, str)) else json.dumps(body)
    h = dict(headers or {})
    if data is not None and "Content-Type" not in h:
        h["Content-Type"] = "application/json"
    c.request(method, path, body=data, headers=h)
    r = c.getresponse()
    text = r.read().decode("utf-8", "replace")
    out = (r.status, {k.lower(): v for k, v in r.getheaders()}, text)
    if own:
        c.close()
    return out


def vote(port, comparison, tool, verdict, voter, conn=None, headers=None):
    return request(port, "POST", f"/v1/comparisons/{comparison}/votes",
                   {"tool": tool, "verdict": verdict, "voter": voter}, headers, conn)


def tallies(port, comparison, conn=None):
    status, _, body = request(port, "GET", f"/v1/comparisons/{comparison}/tallies", conn=conn)
    assert status == 200, (status, body)
    return {t: (v["ship"], v["skip"]) for t, v in json.loads(body)["tools"].items()}


def voter_id(n, prefix="voter"):
    return f"{prefix}-{n:012d}-xxxxxxxx"[:64]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# [SECTION] Stores: temporary SQLite file, or a real PostgreSQL server --------------------------

class Postgres:
    """A PostgreSQL 15 server in a temporary folder, listening only on a Unix socket there.
    PostgreSQL refuses to run as root: as root the server runs as the `postgres` user."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="versus-pg-")
        self.port = free_port()

    def _as_postgres(self, *cmd):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return list(cmd)

    def __enter__(self):
        if not os.path.exists(os.path.join(PG_BIN, "initdb")):
            raise RuntimeError(f"PostgreSQL 15 is not installed ({PG_BIN}/initdb): shell/setup.sh installs `postgresql`")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(self._as_postgres(f"{PG_BIN}/initdb", "-D", f"{self.dir}/data", "-A", "trust",
                                         "-U", "postgres", "--no-sync"),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        subprocess.run(self._as_postgres(f"{PG_BIN}/pg_ctl", "-D", f"{self.dir}/data", "-w", "-l", f"{self.dir}/log",
                                         "-o", f"-k {self.dir} -p {self.port} -c listen_addresses='' -c max_connections=100",
                                         "start"),
                       check=True, stdout=subprocess.DEVNULL)
        self.uri = f"postgresql://postgres@/postgres?host={self.dir}&port={self.port}"
        return self

    def psql(self, sql):
        out = subprocess.run([f"{PG_BIN}/psql" if os.path.exists(f"{PG_BIN}/psql") else "psql",
                              "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d", "postgres",
                              "-At", "-F", "|", "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("|") for line in out.stdout.splitlines() if line]

    def __exit__(self, *exc):
        try:
            with open(f"{self.dir}/log") as f:
                errors = [line.strip() for line in f if "ERROR" in line]
            if errors:
                print(f"PostgreSQL logged {len(errors)} error(s), e.g. {errors[:2]}", flush=True)
        except OSError:
            pass
        subprocess.run(self._as_postgres(f"{PG_BIN}/pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


class Store:
    """The test's store: a SQLite file or a PostgreSQL server; rows() reads it directly."""

    def __init__(self, kind, tmp):
        self.kind, self.tmp = kind, tmp
        self.pg = None

    def __enter__(self):
        if self.kind == "postgresql":
            self.pg = Postgres().__enter__()
            self.db = self.pg.uri
        else:
            self.path = os.path.join(self.tmp, "votes.db")
            self.db = "sqlite:" + self.path
        return self

    def __exit__(self, *exc):
        if self.pg:
            self.pg.__exit__(*exc)

    def query(self, sql):
        if self.pg:
            return self.pg.psql(sql)
        c = sqlite3.connect(self.path)
        try:
            with c:
                return [[str(v) if not isinstance(v, bytes) else v.hex() for v in row] for row in c.execute(sql)]
        finally:
            c.close()

    def votes(self, comparison):
        """{(tool, voter hash hex): verdict} as stored."""
        hexed = "encode(voter, 'hex')" if self.pg else "hex(voter)"
        rows = self.query(f"SELECT tool, lower({hexed}), verdict FROM votes WHERE comparison='{comparison}'")
        return {(t, h): ("ship" if v == "1" else "skip") for t, h, v in rows}

    def stored_tallies(self, comparison):
        return {t: (int(s), int(k)) for t, s, k in
                self.query(f"SELECT tool, ship, skip FROM tallies WHERE comparison='{comparison}'")}

    def counted(self, comparison):
        """Tallies counted from the vote rows."""
        out = {}
        for (tool, _), verdict in self.votes(comparison).items():
            s, k = out.get(tool, (0, 0))
            out[tool] = (s + (verdict == "ship"), k + (verdict == "skip"))
        return out

    def key(self):
        if not getattr(self, "_key", None):
            self._key = bytes.fromhex(self.query("SELECT value FROM meta WHERE name='voter_key'")[0][0])
        return self._key

    def hash(self, voter):
        return hmac.new(self.key(), voter.encode(), hashlib.sha256).hexdigest()

    def dump(self):
        """Every byte of the store a reader could see (for 'nothing in clear' checks)."""
        if self.pg:
            rows = self.pg.psql("SELECT comparison || ' ' || tool || ' ' || encode(voter, 'escape') FROM votes")
            return "\n".join(r[0] for r in rows).encode("utf-8", "replace")
        data = b""
        for suffix in ("", "-wal"):
            if os.path.exists(self.path + suffix):
                with open(self.path + suffix, "rb") as f:
                    data += f.read()
        return data


def equal_tallies(store, comparison, served):
    """Tallies served == tally rows == counts of the vote rows (tools without votes: 0/0)."""
    counted = store.counted(comparison)
    rows = store.stored_tallies(comparison)
    ok = True
    for tool, t in served.items():
        ok &= check(t == counted.get(tool, (0, 0)), f"{comparison}/{tool}: served {t} == counted from votes {counted.get(tool, (0, 0))}")
        ok &= check(t == rows.get(tool, (0, 0)), f"{comparison}/{tool}: served {t} == tally row {rows.get(tool)}")
    return ok
