// service.js — the widget's side of a vote service (votes="https://…", docs/votes.md).
//
// Why it looks like this: with a service, the community figure is every reader's, not only this
// reader's; but the page must stay quiet (no request on a timer while idle), a vote must never be
// lost when the service can't be reached, and the reader's own vote must count exactly once —
// whether the service has it, doesn't have it yet, or still holds one the reader changed or took
// back. So this module keeps two facts per tool apart: the service's tally (every reader's votes
// it holds), and `sent`, the reader's vote as the service holds it (stored beside the local votes,
// so a reload knows too). The core does the arithmetic (versus_set_tallies → model/tallies.hpp);
// this module only talks HTTP and remembers.
//
// When it talks to the service:
//  - GET the tallies when the widget becomes visible (its first time near the viewport), and again
//    when it becomes visible (tab shown again, scrolled back into view) a minute or more after the
//    last time; never on a timer. `cache: 'no-cache'`: the browser revalidates with the ETag (a
//    cheap 304) instead of showing a tally older than the reader's own vote.
//  - POST each vote (a take-back is verdict null) with the reader's voter id. Votes the service
//    doesn't hold yet (sent while offline, refused) are sent again after the next successful GET.
//
// Storage (localStorage of the page, like the local votes; memory only where storage is refused):
//   versus:voter:<base>               → the reader's voter id for that service (≥ 128 random bits)
//   versus:sent:<base>|<comparison>   → {"<tool id>": "ship" | "skip"}, what the service holds

export const VOTER_PREFIX = 'versus:voter:';
export const SENT_PREFIX = 'versus:sent:';
export const REFETCH_AFTER_MS = 60 * 1000;   // visible again after this long: fetch again
export const REQUEST_TIMEOUT_MS = 10 * 1000;
export const VOTER_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const TOOL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;   // the payload's tool ids (payload-v1.md): nothing else is kept

const memory = new Map();   // storage stand-in when localStorage throws (privacy modes, sandboxes)

function store(storage) {
  try {
    const s = storage ?? globalThis.localStorage;
    s.getItem('versus:probe');
    return s;
  } catch {
    return null;
  }
}

function getItem(storage, key) {
  const s = store(storage);
  try {
    if (s) return s.getItem(key);
  } catch { /* fall through */ }
  return memory.has(key) ? memory.get(key) : null;
}

function setItem(storage, key, value) {
  const s = store(storage);
  try {
    if (s) {
      if (value === null) s.removeItem(key);
      else s.setItem(key, value);
      return;
    }
  } catch { /* fall through */ }
  if (value === null) memory.delete(key);
  else memory.set(key, value);
}

// The service's base URL from the attribute: absolute (relative to the page), http(s), without a
// trailing slash, query or fragment. Throws an Error with a sentence for anything else.
export function serviceBase(attr, baseURI = globalThis.document?.baseURI) {
  const raw = String(attr ?? '').trim();
  if (!raw) throw new Error('the votes attribute is empty');
  let u;
  try {
    u = new URL(raw, baseURI);
  } catch {
    throw new Error(`votes="${raw}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`votes="${raw}" must be an http: or https: URL`);
  u.search = '';
  u.hash = '';
  return u.href.replace(/\/+$/, '');
}

export const talliesUrl = (base, comparison) => `${base}/v1/comparisons/${encodeURIComponent(comparison)}/tallies`;
export const votesUrl = (base, comparison) => `${base}/v1/comparisons/${encodeURIComponent(comparison)}/votes`;

// A fresh voter id: 192 random bits from crypto.getRandomValues, base64url (32 characters).
export function newVoterId(crypto = globalThis.crypto) {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The reader's voter id for the service at `base`, made on first use and kept.
export function voterId(base, storage, crypto) {
  const key = VOTER_PREFIX + base;
  const kept = getItem(storage, key);
  if (kept && VOTER_PATTERN.test(kept)) return kept;
  const id = newVoterId(crypto);
  setItem(storage, key, id);
  return id;
}

export function readSent(base, comparison, storage) {
  try {
    const v = JSON.parse(getItem(storage, `${SENT_PREFIX}${base}|${comparison}`) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

export function writeSent(base, comparison, sent, storage) {
  const clean = Object.fromEntries(Object.entries(sent).filter(([, v]) => v === 'ship' || v === 'skip'));
  setItem(storage, `${SENT_PREFIX}${base}|${comparison}`, Object.keys(clean).length ? JSON.stringify(clean) : null);
}

// "HTTP 429 Too Many Requests: too many votes (retry after 30 s)" from a failed answer.
async function failure(res) {
  let said = '';
  try {
    const body = await res.json();
    if (body && typeof body.error === 'string') said = body.error.slice(0, 200);
  } catch { /* not JSON: the status says enough */ }
  const retry = res.status === 429 && res.headers.get('retry-after') ? ` (retry after ${res.headers.get('retry-after')} s)` : '';
  return `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}${said ? ': ' + said : ''}${retry}`;
}

function isCount(n) {
  return Number.isSafeInteger(n) && n >= 0;
}

// One widget's conversation with one service about one comparison.
export class VoteService {
  // base: serviceBase(); comparison: the payload's id; local(): the reader's current local votes
  // {tool: verdict}; onChange(kind): the tallies or `sent` changed after a successful 'tallies' GET
  // or 'vote' POST (hand them to the core); onProblem(text, kind): a 'tallies' GET or a 'vote' POST
  // failed (said quietly); fetch/storage/crypto/now: stand-ins for tests.
  constructor({ base, comparison, local, onChange, onProblem, fetch, storage, crypto, now }) {
    this.base = base;
    this.comparison = comparison;
    this.local = local || (() => ({}));
    this.onChange = onChange || (() => {});
    this.onProblem = onProblem || (() => {});
    this.fetch = fetch || ((...a) => globalThis.fetch(...a));
    this.storage = storage;
    this.crypto = crypto;
    this.now = now || (() => Date.now());
    this.tallies = null;            // {tool: {ship, skip}} once answered
    this.sent = readSent(base, comparison, storage);
    this.lastFetch = -Infinity;     // now() of the last GET started
    this.getting = null;            // the GET in flight
    this.epoch = 0;                 // bumps on every vote answered...
    this.touched = {};              // ...tool → epoch of its last vote answer (newer than a GET started before)
    this.queue = {};                // tool → the last vote's promise (votes on a tool go in order)
    this.closed = false;
  }

  close() { this.closed = true; }

  // The widget became visible: the first time, or a minute or more after the last fetch, fetch.
  visible() {
    if (this.now() - this.lastFetch >= REFETCH_AFTER_MS) this.refresh();
  }

  // GET the tallies (one at a time). Resolves to true when they were answered.
  refresh() {
    if (this.getting) return this.getting;
    this.lastFetch = this.now();
    const startEpoch = this.epoch;
    this.getting = (async () => {
      try {
        const res = await this.fetch(talliesUrl(this.base, this.comparison), {
          method: 'GET', cache: 'no-cache', credentials: 'omit', headers: { accept: 'application/json' },
          signal: timeout(),
        });
        if (!res.ok) throw new Error(await failure(res));
        const body = await res.json();
        if (!body || body.comparison !== this.comparison || !body.tools || typeof body.tools !== 'object') {
          throw new Error(`the answer is not the tallies of "${this.comparison}"`);
        }
        if (this.closed) return false;
        const next = {};
        for (const [tool, t] of Object.entries(body.tools)) {
          if (TOOL_ID.test(tool) && t && isCount(t.ship) && isCount(t.skip)) next[tool] = { ship: t.ship, skip: t.skip };
        }
        // A vote answered after this GET started holds a newer tally of its tool: keep that one.
        for (const [tool, at] of Object.entries(this.touched)) {
          if (at > startEpoch && this.tallies && this.tallies[tool]) next[tool] = this.tallies[tool];
        }
        this.tallies = next;
        this.onChange('tallies');
        this.sync();
        return true;
      } catch (e) {
        if (!this.closed) this.onProblem(`the community votes could not be loaded from ${this.base}: ${reason(e)}`, 'tallies');
        return false;
      } finally {
        this.getting = null;
      }
    })();
    return this.getting;
  }

  // POST one vote. Resolves to { sent, tally, status, error }: sent is whether the service stored
  // it (then `tally` is its answer for that tool); otherwise the vote stays local and the reason is
  // said through onProblem.
  // Votes on one tool go one after the other, so the last one the reader made is the one the
  // service holds (and `sent` says so), whatever order the network would answer them in.
  vote(tool, verdict) {
    const run = (this.queue[tool] || Promise.resolve()).then(() => this.#post(tool, verdict));
    this.queue[tool] = run;
    return run;
  }

  async #post(tool, verdict) {
    const body = JSON.stringify({ tool, verdict, voter: voterId(this.base, this.storage, this.crypto) });
    let status = null;
    try {
      const res = await this.fetch(votesUrl(this.base, this.comparison), {
        method: 'POST', cache: 'no-store', credentials: 'omit',
        headers: { 'content-type': 'application/json' }, body, signal: timeout(),
      });
      status = res.status;
      if (!res.ok) throw new Error(await failure(res));
      const answer = await res.json();
      if (!answer || answer.tool !== tool || !isCount(answer.ship) || !isCount(answer.skip)) {
        throw new Error('the answer is not a tally of that tool');
      }
      const tally = { ship: answer.ship, skip: answer.skip };
      if (verdict) this.sent[tool] = verdict;
      else delete this.sent[tool];
      writeSent(this.base, this.comparison, this.sent, this.storage);
      this.tallies = { ...(this.tallies || {}), [tool]: tally };
      this.touched[tool] = ++this.epoch;
      if (!this.closed) this.onChange('vote');
      return { sent: true, tally, status, error: null };
    } catch (e) {
      const error = reason(e);
      if (!this.closed) this.onProblem(`the vote could not be sent to ${this.base}: ${error}`, 'vote');
      return { sent: false, tally: null, status, error };
    }
  }

  // Tools whose vote the service doesn't hold as the reader has it now (sent offline, refused,
  // changed or taken back while the service was unreachable): [[tool, verdict or null], ...].
  unsent() {
    const local = this.local();
    const out = [];
    for (const tool of new Set([...Object.keys(local), ...Object.keys(this.sent)])) {
      const mine = local[tool] === 'ship' || local[tool] === 'skip' ? local[tool] : null;
      if (mine !== (this.sent[tool] || null)) out.push([tool, mine]);
    }
    return out;
  }

  // Sends them again (after a successful fetch: the service is reachable).
  sync() {
    for (const [tool, verdict] of this.unsent()) {
      if (this.tallies && tool in this.tallies) this.vote(tool, verdict);
    }
  }

  // What the core takes: the tallies as the service writes them, and `sent` as "ship ID" lines.
  talliesJson() {
    return this.tallies ? JSON.stringify({ comparison: this.comparison, tools: this.tallies }) : '';
  }

  sentLines() {
    return Object.entries(this.sent).filter(([, v]) => v === 'ship' || v === 'skip').map(([id, v]) => `${v} ${id}`).join('\n');
  }
}

function timeout() {
  return typeof AbortSignal !== 'undefined' && AbortSignal.timeout ? AbortSignal.timeout(REQUEST_TIMEOUT_MS) : undefined;
}

function reason(e) {
  if (e && e.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  if (e instanceof TypeError) return 'network error, or blocked (CORS, Content-Security-Policy connect-src)';
  return e && e.message ? e.message : String(e);
}
