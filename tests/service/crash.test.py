"""service: crash — kill -9 under load (32 clients voting, changing and taking back), then a
restart on the same store: every acknowledged vote is there (a vote in flight at the kill may
or may not be), and the tallies equal the votes."""
import http.client
import json
import signal
import tempfile
import threading

from lib import *

C = "alpha-beta-gamma"
TOOLS = ["alpha", "beta", "gamma"]
CLIENTS = 32

with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp, {"three.json": three_tools()})
    svc = Service(store.db, payloads, "--rate", "0").start()
    acked, in_flight = {}, {}      # (voter, tool) -> verdict
    count = [0]
    lock = threading.Lock()
    stop = threading.Event()

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=30)
        voter = voter_id(n, "crash")
        verdicts = ["ship", "skip", None]
        i = 0
        while not stop.is_set():
            tool, verdict = TOOLS[i % 3], verdicts[(i // 3 + n) % 3]
            i += 1
            with lock:
                in_flight[(voter, tool)] = verdict
            try:
                s, _, body = vote(svc.port, C, tool, verdict, voter, conn=conn)
            except OSError:
                return   # the service is gone: this vote stays "in flight"
            with lock:
                del in_flight[(voter, tool)]
                if s == 200:
                    acked[(voter, tool)] = verdict
                    count[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    wait_for(lambda: count[0] >= 1500, 60, "1500 acknowledged votes")
    svc.proc.send_signal(signal.SIGKILL)
    svc.proc.wait()
    stop.set()
    for t in threads:
        t.join()
    print(f"killed after {count[0]} acknowledged votes, {len(in_flight)} in flight", flush=True)

    with Service(store.db, payloads, "--rate", "0") as again:
        stored = store.votes(C)
        lost = []
        for key, verdict in acked.items():
            voter, tool = key
            have = stored.get((tool, store.hash(voter)))
            if have == verdict:
                continue
            if key in in_flight and have == in_flight[key]:
                continue   # the vote in flight at the kill was committed: allowed
            lost.append((voter, tool, verdict, have))
        check(not lost, f"every acknowledged vote survives kill -9: {len(lost)} lost, e.g. {lost[:3]}")
        equal_tallies(store, C, tallies(again.port, C))
        s, _, _ = vote(again.port, C, "alpha", "ship", voter_id(1, "after"))
        check(s == 200, "votes are taken after the restart")

finish()
