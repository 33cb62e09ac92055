"""service: rate — --rate N votes a minute per client address: the N+1st gets 429 with
Retry-After and stores nothing; another address has its own allowance; IPv6 addresses of one
/64 share one; X-Forwarded-For counts only with --trust-proxy (opt-in), and then only when the
peer is the trusted proxy."""
import json
import tempfile

from lib import *

C = "haiku-vs-mistral"


def burst(port, n, prefix, forwarded=None):
    codes = []
    for i in range(n):
        headers = {"X-Forwarded-For": forwarded} if forwarded else None
        s, h, body = vote(port, C, "haiku", "ship", voter_id(i, prefix), headers=headers)
        codes.append(s)
        if s == 429:
            ra = h.get("retry-after", "")
            check(ra.isdigit() and 1 <= int(ra) <= 60, f"429 Retry-After is whole seconds: {ra!r}")
            check("error" in json.loads(body), "429 has a JSON error sentence")
    return codes


with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp)
    # Without --trust-proxy, X-Forwarded-For is ignored: every request is 127.0.0.1.
    with Service(store.db, payloads, "--rate", "5") as svc:
        codes = burst(svc.port, 7, "plain")
        check(codes == [200] * 5 + [429] * 2, f"5 a minute, then 429: {codes}")
        codes = burst(svc.port, 2, "spoof", forwarded="203.0.113.9")
        check(codes == [429, 429], f"a forged X-Forwarded-For does not reset the allowance: {codes}")
        check(tallies(svc.port, C)["haiku"] == (5, 0), "refused votes are not stored")
    # Behind a trusted proxy (the test client plays it): one allowance per forwarded address.
    with Service(store.db, payloads, "--rate", "3", "--trust-proxy", "127.0.0.1") as svc:
        check(burst(svc.port, 4, "a", "198.51.100.1") == [200, 200, 200, 429], "IPv4 address A: 3 then 429")
        check(burst(svc.port, 3, "b", "198.51.100.2") == [200, 200, 200], "IPv4 address B: its own 3")
        check(burst(svc.port, 1, "c", "198.51.100.2, 127.0.0.1") == [429], "the rightmost untrusted address counts")
        check(burst(svc.port, 3, "d", "2001:db8:1:2::1") == [200, 200, 200], "IPv6 address: 3")
        check(burst(svc.port, 1, "e", "2001:db8:1:2:ffff::9") == [429], "the same /64: the same allowance")
        check(burst(svc.port, 1, "f", "2001:db8:1:3::1") == [200], "another /64: its own allowance")
        check(burst(svc.port, 1, "g", "::ffff:198.51.100.1") == [429], "an IPv4-mapped address is its IPv4 address")
    # --rate 0: no limit.
    with Service(store.db, payloads, "--rate", "0") as svc:
        codes = burst(svc.port, 100, "unlimited")
        check(codes == [200] * 100, f"--rate 0: no limit ({codes.count(429)} refused)")

finish()
