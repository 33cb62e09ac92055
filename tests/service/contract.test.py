"""service: contract — every answer of votes-v1.md over real HTTP, on SQLite or PostgreSQL
(argv[1]): 200 (and the tally after each vote: new, repeat, change, take-back), 304, 400 (every
malformed body), 403, 404, 405, 413 (Content-Length and chunked), 415, 422, 429 with
Retry-After, /healthz; errors store nothing; voter ids and client addresses never stored."""
import http.client
import json
import tempfile

from lib import *

C = "haiku-vs-mistral"
V = "/v1/comparisons/haiku-vs-mistral/votes"

with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp, {"three.json": three_tools()})
    with Service(store.db, payloads, "--rate", "0") as svc:
        p = svc.port
        a, b = voter_id(1, "reader-a"), voter_id(2, "reader-b")

        # 200: the tool's tally after this vote; a repeat changes nothing; change; take back.
        s, h, body = vote(p, C, "haiku", "ship", a)
        check((s, json.loads(body)) == (200, {"tool": "haiku", "ship": 1, "skip": 0}), f"first vote: {s} {body}")
        check(h.get("content-type", "").startswith("application/json"), "200 is application/json")
        s, _, body = vote(p, C, "haiku", "ship", a)
        check(json.loads(body) == {"tool": "haiku", "ship": 1, "skip": 0}, f"repeat changes nothing: {body}")
        s, _, body = vote(p, C, "haiku", "skip", b)
        check(json.loads(body) == {"tool": "haiku", "ship": 1, "skip": 1}, f"second voter: {body}")
        s, _, body = vote(p, C, "haiku", "skip", a)
        check(json.loads(body) == {"tool": "haiku", "ship": 0, "skip": 2}, f"change replaces: {body}")
        s, _, body = vote(p, C, "haiku", None, a)
        check(json.loads(body) == {"tool": "haiku", "ship": 0, "skip": 1}, f"null takes back: {body}")
        s, _, body = vote(p, C, "haiku", None, a)
        check((s, json.loads(body)) == (200, {"tool": "haiku", "ship": 0, "skip": 1}), f"taking back twice: {body}")
        s, _, body = vote(p, C, "mistral-4b", "ship", a)
        check(json.loads(body) == {"tool": "mistral-4b", "ship": 1, "skip": 0}, f"other tool: {body}")

        # GET tallies: every tool, Cache-Control max-age <= 10, ETag and 304.
        s, h, body = request(p, "GET", f"/v1/comparisons/{C}/tallies")
        check(s == 200 and json.loads(body) == {"comparison": C, "tools": {
            "haiku": {"ship": 0, "skip": 1}, "mistral-4b": {"ship": 1, "skip": 0}}}, f"tallies: {s} {body}")
        cc = h.get("cache-control", "")
        check("public" in cc and "max-age=" in cc and int(cc.split("max-age=")[1].split(",")[0]) <= 10, f"Cache-Control: {cc}")
        etag = h.get("etag")
        check(bool(etag), "ETag given")
        s, h2, body = request(p, "GET", f"/v1/comparisons/{C}/tallies", headers={"If-None-Match": etag})
        check(s == 304 and body == "", f"If-None-Match of the ETag answers 304: {s}")
        s, _, _ = request(p, "GET", f"/v1/comparisons/alpha-beta-gamma/tallies")
        check(tallies(p, "alpha-beta-gamma") == {"alpha": (0, 0), "beta": (0, 0), "gamma": (0, 0)}, "tools without votes are 0/0")
        vote(p, C, "haiku", "ship", b)
        s, _, _ = request(p, "GET", f"/v1/comparisons/{C}/tallies", headers={"If-None-Match": etag})
        check(s == 200, f"a changed tally no longer matches the old ETag: {s}")

        before = store.counted(C)

        def error(expect, method, path, body=None, headers=None, what=""):
            s, h, text = request(p, method, path, body, headers)
            ok = check(s == expect, f"{what}: expected {expect}, got {s} {text}")
            try:
                sentence = json.loads(text)["error"]
                check(isinstance(sentence, str) and len(sentence) > 10, f"{what}: a sentence: {text}")
            except Exception:
                check(False, f"{what}: a JSON error body, got {text!r}")
            return h, text

        # 400: malformed bodies.
        for body, what in [
            ("not json", "not JSON"), ("", "empty body"), ("[]", "an array"), ('"x"', "a string"),
            ('{"verdict": "ship", "voter": "%s"}' % a, "tool missing"),
            ('{"tool": "haiku", "voter": "%s"}' % a, "verdict missing"),
            ('{"tool": "haiku", "verdict": "ship"}', "voter missing"),
            ('{"tool": 5, "verdict": "ship", "voter": "%s"}' % a, "tool not a string"),
            ('{"tool": "haiku", "verdict": "yes", "voter": "%s"}' % a, "verdict unknown"),
            ('{"tool": "haiku", "verdict": "Ship", "voter": "%s"}' % a, "verdict capitalised"),
            ('{"tool": "haiku", "verdict": true, "voter": "%s"}' % a, "verdict boolean"),
            ('{"tool": "haiku", "verdict": "ship", "voter": "short"}', "voter too short"),
            ('{"tool": "haiku", "verdict": "ship", "voter": "%s"}' % ("v" * 65), "voter too long"),
            ('{"tool": "haiku", "verdict": "ship", "voter": "has space in it!!"}', "voter bad characters"),
            ('{"tool": "haiku", "verdict": "ship", "voter": 1234567890123456789}', "voter a number"),
            ('{"tool": "haiku", "verdict": "ship", "voter": "%s", "extra": 1}' % a, "unknown field"),
            ('{"tool": "haiku", "tool": "mistral-4b", "verdict": "ship", "voter": "%s"}' % a, "field twice"),
            ('{"tool": "haiku", "verdict": "ship", "voter": "%s"' % a, "truncated"),
            (b'{"tool": "hai\xffku", "verdict": "ship", "voter": "0123456789abcdef"}', "invalid UTF-8"),
        ]:
            error(400, "POST", V, body, what="400 " + what)
        # 403: a foreign origin (service started with no allowed origin), for every endpoint.
        for method, path in [("POST", V), ("GET", f"/v1/comparisons/{C}/tallies"), ("OPTIONS", V)]:
            h, _ = error(403, method, path, {"tool": "haiku", "verdict": "ship", "voter": voter_id(99)} if method == "POST" else None,
                         {"Origin": "https://elsewhere.example"}, f"403 {method} foreign origin")
            check("access-control-allow-origin" not in h, f"403 {method}: no Access-Control-Allow-Origin")
        # 404: unknown comparison, unknown endpoint.
        error(404, "POST", "/v1/comparisons/nope/votes", {"tool": "haiku", "verdict": "ship", "voter": a}, what="404 unknown comparison (POST)")
        error(404, "GET", "/v1/comparisons/nope/tallies", what="404 unknown comparison (GET)")
        error(404, "GET", "/v2/anything", what="404 unknown endpoint")
        # 405: a known endpoint, another method.
        h, _ = error(405, "GET", V, what="405 GET votes")
        check("POST" in h.get("allow", ""), f"405 says Allow: {h.get('allow')}")
        error(405, "POST", f"/v1/comparisons/{C}/tallies", {"x": 1}, what="405 POST tallies")
        error(405, "DELETE", V, what="405 DELETE votes")
        # 413: over 1 KiB, by Content-Length and chunked; exactly 1 KiB is read.
        big = json.dumps({"tool": "haiku", "verdict": "ship", "voter": voter_id(98), "pad": "x" * 1100})
        error(413, "POST", V, big, what="413 Content-Length over 1 KiB")
        c = http.client.HTTPConnection("127.0.0.1", p, timeout=30)
        c.putrequest("POST", V)
        c.putheader("Content-Type", "application/json")
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        for _ in range(3):
            chunk = b"x" * 600
            c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        c.send(b"0\r\n\r\n")
        r = c.getresponse()
        check(r.status == 413, f"413 chunked over 1 KiB: {r.status}")
        c.close()
        exactly = json.dumps({"tool": "haiku", "verdict": "ship", "voter": voter_id(97)})
        exactly = exactly[:-1] + " " * (1024 - len(exactly)) + "}"
        check(len(exactly) == 1024, "the 1 KiB body is 1024 bytes")
        error(400, "POST", V, exactly.replace('"verdict": "ship"', '"verdict": "shop"'), what="1 KiB body is read (then judged)")
        s, _, _ = request(p, "POST", V, exactly)
        check(s == 200, f"a body of exactly 1 KiB is accepted: {s}")
        vote(p, C, "haiku", None, voter_id(97))
        # 415: content types.
        for ct in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", ""]:
            error(415, "POST", V, json.dumps({"tool": "haiku", "verdict": "ship", "voter": voter_id(96)}),
                  {"Content-Type": ct} if ct else {"Content-Type": ""}, f"415 content type {ct!r}")
        s, _, _ = request(p, "POST", V, json.dumps({"tool": "haiku", "verdict": None, "voter": voter_id(96)}),
                          {"Content-Type": "Application/JSON; charset=utf-8"})
        check(s == 200, f"application/json with a charset, any case, is JSON: {s}")
        # 422: unknown tool of that comparison (a tool of another comparison too).
        error(422, "POST", V, {"tool": "alpha", "verdict": "ship", "voter": a}, what="422 tool of another comparison")
        error(422, "POST", V, {"tool": "no-such-tool", "verdict": None, "voter": a}, what="422 unknown tool")

        check(store.counted(C) == before, f"errors stored nothing: {store.counted(C)} == {before}")
        check(len(store.votes("nope")) == 0, "nothing stored for an unknown comparison")

        # Identities: voter ids only as HMAC-SHA256 with the store's key; no client address.
        stored = store.votes(C)
        check(("haiku", store.hash(b)) in stored, "votes are keyed by HMAC-SHA256(key, voter)")
        dump = store.dump()
        check(a.encode() not in dump and b.encode() not in dump, "no voter id in clear in the store")
        check(b"127.0.0.1" not in dump, "no client address in the store")
        check(len(store.key()) == 32, "the voter key is 32 random bytes kept in the store")
        migrations = store.query("SELECT version FROM schema_migrations")
        expected = [["1"], ["2"]] if backend() == "postgresql" else [["1"]]
        check(sorted(migrations) == expected, f"schema migrations recorded: {migrations}")

        # healthz
        s, _, body = request(p, "GET", "/healthz")
        check((s, body) == (200, "ok"), f"/healthz: {s} {body}")
        equal_tallies(store, C, tallies(p, C))
        check(svc.stop() == 0, "SIGTERM exits 0")

    # The key survives a restart: the same voter is the same voter.
    with Service(store.db, payloads, "--rate", "0") as svc:
        s, _, body = vote(svc.port, C, "haiku", "ship", b)
        check(json.loads(body)["ship"] == 1, f"after a restart, a repeat of a stored vote changes nothing: {body}")
        check(tallies(svc.port, C) == {"haiku": (1, 0), "mistral-4b": (1, 0)}, f"tallies kept: {tallies(svc.port, C)}")

    # Migrations: a store one version behind is brought up to date on start (PostgreSQL has a
    # second migration: undo it by hand); a store of a newer versus-votes is refused.
    if backend() == "postgresql":
        store.query("ALTER TABLE votes DROP COLUMN prev; DELETE FROM schema_migrations WHERE version = 2")
        with Service(store.db, payloads, "--rate", "0") as svc:
            check(sorted(store.query("SELECT version FROM schema_migrations")) == [["1"], ["2"]], "migration 2 applied on start")
            s, _, body = vote(svc.port, C, "haiku", "skip", b)
            check((s, json.loads(body)) == (200, {"tool": "haiku", "ship": 0, "skip": 1}), f"votes after the upgrade: {body}")
            vote(svc.port, C, "haiku", "ship", b)
    store.query("INSERT INTO schema_migrations (version, applied_at) VALUES (99, " +
                ("now()" if backend() == "postgresql" else "datetime('now')") + ")")
    r = subprocess.run([BIN, "--payloads", payloads, "--db", store.db, "--listen", "127.0.0.1:0"],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode == 1 and "schema is version 99, made by a newer versus-votes" in r.stderr,
          f"a store of a newer versus-votes is refused: {r.returncode} {r.stderr!r}")
    store.query("DELETE FROM schema_migrations WHERE version = 99")

    # 429 with Retry-After: --rate 3.
    with Service(store.db, payloads, "--rate", "3") as svc:
        codes = [vote(svc.port, "alpha-beta-gamma", "alpha", "ship", voter_id(i))[0] for i in range(3)]
        check(codes == [200, 200, 200], f"3 votes within the rate: {codes}")
        s, h, body = vote(svc.port, "alpha-beta-gamma", "alpha", "ship", voter_id(10))
        check(s == 429, f"the 4th vote in a minute: 429, got {s}")
        ra = h.get("retry-after", "")
        check(ra.isdigit() and 1 <= int(ra) <= 60, f"Retry-After in seconds: {ra!r}")
        check("error" in json.loads(body), f"429 has a JSON error: {body}")
        check(tallies(svc.port, "alpha-beta-gamma")["alpha"] == (3, 0), "the refused vote is not stored")

    # healthz 503 while the store cannot be written, 200 again after. SQLite: another process holds
    # the write lock (its own process: POSIX locks of this one would be dropped by any close()).
    if backend() == "sqlite":
        with Service(store.db, payloads) as svc:
            blocker = subprocess.Popen([sys.executable, "-c", f"""
import sqlite3, sys
c = sqlite3.connect({store.path!r}, timeout=5, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
c.execute("ROLLBACK")
"""], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            check(blocker.stdout.readline().strip() == "locked", "another process holds the write lock")
            check(wait_for(lambda: svc.status("GET", "/healthz") == 503, 30, "/healthz 503"),
                  "/healthz answers 503 while the store cannot be written")
            blocker.communicate("\n", timeout=10)
            check(wait_for(lambda: svc.status("GET", "/healthz") == 200, 60, "/healthz 200"),
                  "/healthz answers 200 again once the store can be written")
            s, _, body = vote(svc.port, C, "haiku", "skip", voter_id(50))
            check(s == 200, f"votes are stored again: {s} {body}")
    if backend() == "postgresql":
        with Service(store.db, payloads) as svc:
            subprocess.run(store.pg._as_postgres(f"{PG_BIN}/pg_ctl", "-D", f"{store.pg.dir}/data", "-m", "fast", "-w", "stop"),
                           stdout=subprocess.DEVNULL, check=True)
            check(wait_for(lambda: svc.status("GET", "/healthz") == 503, 30, "/healthz 503"), "/healthz 503 while PostgreSQL is down")
            subprocess.run(store.pg._as_postgres(f"{PG_BIN}/pg_ctl", "-D", f"{store.pg.dir}/data", "-w", "-l", f"{store.pg.dir}/log",
                                                 "-o", f"-k {store.pg.dir} -p {store.pg.port} -c listen_addresses=''", "start"),
                           stdout=subprocess.DEVNULL, check=True)
            check(wait_for(lambda: svc.status("GET", "/healthz") == 200, 30, "/healthz 200"), "/healthz 200 again once PostgreSQL is back")
            s, _, body = vote(svc.port, C, "haiku", "skip", voter_id(50))
            check(s == 200, f"votes are stored again after PostgreSQL came back: {s} {body}")

finish()
