"""service: cli — the command line and the start: --help, bad flags (exit 2 with a sentence),
a payload with errors stops the start with the validator's lines (exit 1), a payload without
id is skipped with a warning, two payloads with one id are refused, an unusable store is a
clear error (exit 1)."""
import json
import os
import subprocess
import tempfile

from lib import *


def run(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=30)
    return r.returncode, r.stdout, r.stderr


code, out, err = run("--help")
check(code == 0 and "--payloads DIR" in out and "--allow-origin" in out and "--trust-proxy" in out, "--help")
for args, words in [
    ([], "--payloads DIR is required"),
    (["--payloads"], "--payloads needs a value"),
    (["--payloads", "x", "--rate", "many"], "--rate needs a whole number"),
    (["--payloads", "x", "--rate", "-1"], "--rate needs a whole number"),
    (["--payloads", "x", "--listen", "8787"], "--listen must be HOST:PORT"),
    (["--payloads", "x", "--listen", "127.0.0.1:99999"], "--listen needs a port"),
    (["--payloads", "x", "--allow-origin", "https://a.example/page"], "--allow-origin must be an origin"),
    (["--payloads", "x", "--allow-origin", "*"], "--allow-origin must be an origin"),
    (["--payloads", "x", "--db", "mysql://x"], "--db must be sqlite:PATH or a postgresql:// URI"),
    (["--payloads", "x", "--trust-proxy", "proxy.example"], "--trust-proxy needs an IP address"),
    (["--payloads", "x", "--frobnicate"], "unknown option --frobnicate"),
]:
    code, out, err = run(*args)
    check(code == 2 and words in err and "versus-votes --help" in err, f"{args}: exit 2 with {words!r}; got {code} {err!r}")

with tempfile.TemporaryDirectory() as tmp:
    d = payload_dir(tmp)
    broken = json.loads(open(SEED).read())
    broken["id"] = "broken"
    broken["tools"][1]["license"]["commercial_use"] = "no"
    with open(os.path.join(d, "broken.json"), "w") as f:
        json.dump(broken, f, indent=2)
    code, out, err = run("--payloads", d, "--db", f"sqlite:{tmp}/v.db", "--listen", "127.0.0.1:0")
    check(code == 1 and "broken.json:" in err and
          '/tools/1/license/commercial_use: expected a boolean, got the string "no"' in err and "not started" in err,
          f"a payload with errors stops the start with the validator's line: {code} {err!r}")
    check(not os.path.exists(f"{tmp}/v.db"), "no store is made when the payloads are refused")
    os.remove(os.path.join(d, "broken.json"))

    no_id = json.loads(open(SEED).read())
    del no_id["id"]
    with open(os.path.join(d, "no-id.json"), "w") as f:
        json.dump(no_id, f)
    dup = dict(json.loads(open(SEED).read()))
    with open(os.path.join(d, "copy.json"), "w") as f:
        json.dump(dup, f)
    code, out, err = run("--payloads", d, "--db", f"sqlite:{tmp}/v.db", "--listen", "127.0.0.1:0")
    check(code == 1 and 'comparison id "haiku-vs-mistral" is already used by' in err, f"one id in two files is refused: {err!r}")
    os.remove(os.path.join(d, "copy.json"))

    with Service(f"sqlite:{tmp}/v.db", d) as svc:
        log = svc.log()
        check("no-id.json: warning: no \"id\"" in log, f"a payload without id is skipped with a warning: {log!r}")
        check(svc.status("GET", "/v1/comparisons/haiku-vs-mistral/tallies") == 200, "the others are served")

    code, out, err = run("--payloads", d, "--db", "sqlite:/nonexistent-dir/v.db", "--listen", "127.0.0.1:0")
    check(code == 1 and "cannot open the SQLite store /nonexistent-dir/v.db" in err, f"an unusable store: {code} {err!r}")
    code, out, err = run("--payloads", d, "--db", f"postgresql://nobody@/x?host={tmp}&port=1", "--listen", "127.0.0.1:0")
    check(code == 1 and "cannot connect to PostgreSQL" in err, f"an unreachable PostgreSQL: {code} {err!r}")
    code, out, err = run("--payloads", os.path.join(tmp, "missing"), "--listen", "127.0.0.1:0")
    check(code == 1 and "not a folder" in err, f"a missing payload folder: {code} {err!r}")

finish()
