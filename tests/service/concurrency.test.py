"""service: concurrency — 64 concurrent keep-alive clients vote, change their minds and take
votes back; afterwards every tally equals the votes each client last had acknowledged, the tally
rows equal the vote rows, and each answer's tally was a real state. On PostgreSQL (argv[1]) the
clients are split between two service instances sharing one database: one consistent tally."""
import random
import threading
import tempfile
import http.client
import json

from lib import *

CLIENTS, ROUNDS = 64, 40
C = "alpha-beta-gamma"
TOOLS = ["alpha", "beta", "gamma"]

with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp, {"three.json": three_tools()})
    instances = 2 if backend() == "postgresql" else 1
    services = [Service(store.db, payloads, "--rate", "0").start() for _ in range(instances)]
    try:
        final = {}                     # (voter, tool) -> last acknowledged verdict
        errors = []
        lock = threading.Lock()

        def client(n):
            rnd = random.Random(n)
            port = services[n % instances].port
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine = {}
            voters = [voter_id(n * 10 + k, "c") for k in range(2)]   # two readers per client
            shared = voter_id(0, "shared")                            # one voter all clients share
            try:
                for r in range(ROUNDS):
                    voter = voters[r % 2] if r % 7 else shared
                    tool = rnd.choice(TOOLS)
                    verdict = rnd.choice(["ship", "skip", None, "ship"])
                    s, _, body = vote(port, C, tool, verdict, voter, conn=conn)
                    if s != 200:
                        with lock:
                            errors.append((s, body))
                        continue
                    t = json.loads(body)
                    if t["ship"] < 0 or t["skip"] < 0 or t["tool"] != tool:
                        with lock:
                            errors.append(("bad tally", body))
                    if voter != shared:
                        mine[(voter, tool)] = verdict
            finally:
                conn.close()
            with lock:
                final.update(mine)

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(f"votes took {time.monotonic() - started:.2f} s", flush=True)
        check(not errors, f"every vote answered 200 with a sane tally: {errors[:3]}")

        # The shared voter's last vote is whichever commit came last: read it from the store.
        stored = store.votes(C)
        shared_hash = store.hash(voter_id(0, "shared"))
        expected = {tool: [0, 0] for tool in TOOLS}
        for (voter, tool), verdict in final.items():
            if verdict == "ship":
                expected[tool][0] += 1
            elif verdict == "skip":
                expected[tool][1] += 1
        for tool in TOOLS:
            v = stored.get((tool, shared_hash))
            if v == "ship":
                expected[tool][0] += 1
            elif v == "skip":
                expected[tool][1] += 1
        expected = {t: tuple(v) for t, v in expected.items()}
        mismatched = [(voter, tool, verdict, stored.get((tool, store.hash(voter))))
                      for (voter, tool), verdict in final.items()
                      if stored.get((tool, store.hash(voter))) != verdict]
        check(not mismatched, f"each voter's last acknowledged vote is the stored one: {mismatched[:3]}")
        for svc in services:
            served = tallies(svc.port, C)
            check(served == expected, f"tallies on :{svc.port} {served} == the acknowledged votes {expected}")
            equal_tallies(store, C, served)
        print(f"{CLIENTS} clients x {ROUNDS} votes on {instances} instance(s): tallies {expected}", flush=True)
        for svc in services:
            check(svc.stop() == 0, "SIGTERM exits 0")
    finally:
        for svc in services:
            svc.__exit__(None, None, None)

finish()
