"""service: sigterm — SIGTERM while 16 clients vote: every request the service took is answered
(200, its vote stored; none times out or fails), then it exits 0 and new connections are
refused. A connection still waiting in the listen backlog at the stop is closed unanswered."""
import http.client
import signal
import tempfile
import threading

from lib import *

C = "alpha-beta-gamma"

with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp, {"three.json": three_tools()})
    svc = Service(store.db, payloads, "--rate", "0").start()
    acked, failed, count = {}, [], [0]
    lock = threading.Lock()
    stop = threading.Event()

    def client(n):
        voter = voter_id(n, "term")
        i = 0
        while not stop.is_set():
            verdict = ["ship", "skip"][i % 2]
            i += 1
            try:
                c = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=30)
                s, _, body = vote(svc.port, C, "beta", verdict, voter, conn=c)
                c.close()
            except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError,
                    http.client.RemoteDisconnected):
                return   # after the stop (or waiting in the backlog when it came): not acknowledged
            except OSError as e:
                with lock:
                    failed.append(repr(e))   # sent, then dropped: not allowed
                return
            with lock:
                if s == 200:
                    acked[voter] = verdict
                    count[0] += 1
                else:
                    failed.append((s, body))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    wait_for(lambda: count[0] >= 300, 60, "300 acknowledged votes")
    svc.proc.send_signal(signal.SIGTERM)
    code = svc.proc.wait(timeout=30)
    stop.set()
    for t in threads:
        t.join()
    check(code == 0, f"exit code after SIGTERM: {code}")
    check(not failed, f"no request dropped or refused with an error mid-way: {failed[:3]}")
    try:
        socket.create_connection(("127.0.0.1", svc.port), timeout=2).close()
        check(False, "the port is closed after the stop")
    except OSError:
        pass
    stored = store.votes(C)
    missing = [v for v, verdict in acked.items() if stored.get(("beta", store.hash(v))) != verdict]
    check(not missing, f"every acknowledged vote is stored: {missing[:3]}")
    print(f"{count[0]} votes acknowledged before the stop; log: {svc.log().strip().splitlines()[-1]}", flush=True)

finish()
