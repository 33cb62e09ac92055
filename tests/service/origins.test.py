"""service: origins — CORS as votes-v1.md says: allowed origins get preflight answers and
Access-Control-Allow-Origin on both endpoints (and on errors); any other origin gets 403 and
touches nothing; requests without Origin are allowed; origins compare as browsers send them."""
import json
import tempfile

from lib import *

C = "haiku-vs-mistral"
V = f"/v1/comparisons/{C}/votes"
T = f"/v1/comparisons/{C}/tallies"
ALLOWED = "https://blog.example.com"

with tempfile.TemporaryDirectory() as tmp, Store(backend(), tmp) as store:
    payloads = payload_dir(tmp)
    with Service(store.db, payloads, "--allow-origin", ALLOWED, "--allow-origin", "http://localhost:8080",
                 "--rate", "0") as svc:
        p = svc.port
        # Preflight from an allowed origin.
        s, h, _ = request(p, "OPTIONS", V, headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
        check(s in (200, 204), f"preflight answered: {s}")
        check(h.get("access-control-allow-origin") == ALLOWED, f"preflight ACAO: {h.get('access-control-allow-origin')}")
        check("POST" in h.get("access-control-allow-methods", "") and "GET" in h.get("access-control-allow-methods", ""),
              f"preflight methods: {h.get('access-control-allow-methods')}")
        check("content-type" in h.get("access-control-allow-headers", "").lower(), "preflight allows Content-Type")
        # Both endpoints from an allowed origin.
        s, h, body = vote(p, C, "haiku", "ship", voter_id(1), headers={"Origin": ALLOWED})
        check(s == 200 and h.get("access-control-allow-origin") == ALLOWED, f"POST from an allowed origin: {s} {h}")
        check("origin" in h.get("vary", "").lower(), "Vary: Origin on answers that depend on it")
        s, h, _ = request(p, "GET", T, headers={"Origin": ALLOWED})
        check(s == 200 and h.get("access-control-allow-origin") == ALLOWED, f"GET tallies from an allowed origin: {s}")
        s, h, _ = vote(p, C, "nope", "ship", voter_id(1), headers={"Origin": ALLOWED})
        check(s == 422 and h.get("access-control-allow-origin") == ALLOWED, "errors carry CORS headers too (the page can read them)")
        s, h, _ = vote(p, C, "haiku", "ship", voter_id(2), headers={"Origin": "http://localhost:8080"})
        check(s == 200 and h.get("access-control-allow-origin") == "http://localhost:8080", "a second allowed origin (with port)")
        s, _, _ = vote(p, C, "haiku", "ship", voter_id(3), headers={"Origin": "HTTPS://Blog.Example.com:443"})
        check(s == 200, "scheme and host compare without case; the default port is the same origin")
        # Foreign origins: 403 everywhere, nothing touched.
        before = store.counted(C)
        for origin in ["https://evil.example", "http://blog.example.com", "https://blog.example.com:8443",
                       "https://blog.example.com.evil.example", "null", "https://blog.example.com/path"]:
            s, h, body = vote(p, C, "haiku", "skip", voter_id(9), headers={"Origin": origin})
            check(s == 403 and "access-control-allow-origin" not in h and "error" in json.loads(body),
                  f"POST from {origin!r}: 403 without CORS headers, got {s}")
            s, h, _ = request(p, "OPTIONS", V, headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
            check(s == 403, f"preflight from {origin!r}: 403, got {s}")
            s, h, _ = request(p, "GET", T, headers={"Origin": origin})
            check(s == 403, f"GET tallies from {origin!r}: 403, got {s}")
        check(store.counted(C) == before, "foreign origins stored nothing")
        # No Origin (a server, curl): allowed, no CORS headers.
        s, h, _ = vote(p, C, "mistral-4b", "ship", voter_id(4))
        check(s == 200 and "access-control-allow-origin" not in h, f"no Origin: allowed: {s}")
    # No --allow-origin: only requests without Origin.
    with Service(store.db, payloads, "--rate", "0") as svc:
        s, _, _ = vote(svc.port, C, "haiku", "ship", voter_id(5), headers={"Origin": ALLOWED})
        check(s == 403, f"without --allow-origin every Origin is refused: {s}")
        s, _, _ = vote(svc.port, C, "haiku", "ship", voter_id(5))
        check(s == 200, "without --allow-origin a request without Origin is allowed")

finish()
