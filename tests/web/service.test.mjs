// web: service — the widget's vote-service client (web/src/service.js) with stand-ins for fetch,
// storage and the clock: the base URL, the voter id, when the tallies are fetched, what is kept
// of the votes the service holds, votes on one tool in order, and resending what it lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VoteService, serviceBase, newVoterId, voterId, readSent, REFETCH_AFTER_MS, VOTER_PATTERN, VOTER_PREFIX,
} from '../../web/src/service.js';

class MemoryStorage {
  map = new Map();
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

const BASE = 'https://votes.example/api';
const json = (status, body, headers = {}) => ({
  ok: status >= 200 && status < 300, status, statusText: '',
  headers: { get: (k) => headers[k.toLowerCase()] ?? null },
  json: async () => body,
});

// A fake service: tallies by tool, votes by voter; records every request.
function fakeService() {
  const votes = new Map();   // `${voter}|${tool}` → verdict
  const requests = [];
  const tally = (tool) => {
    const t = { ship: 0, skip: 0 };
    for (const [k, v] of votes) if (k.endsWith(`|${tool}`)) t[v]++;
    return t;
  };
  const fetch = async (url, init) => {
    requests.push({ url, method: init.method, body: init.body && JSON.parse(init.body) });
    if (init.method === 'GET') return json(200, { comparison: 'cmp', tools: { a: tally('a'), b: tally('b') } });
    const { tool, verdict, voter } = JSON.parse(init.body);
    if (verdict) votes.set(`${voter}|${tool}`, verdict);
    else votes.delete(`${voter}|${tool}`);
    return json(200, { tool, ...tally(tool) });
  };
  return { fetch, requests, votes, tally };
}

test('the base URL is absolute http(s), without a trailing slash, query or fragment', () => {
  assert.equal(serviceBase('https://votes.example/api/', 'https://page.example/post'), 'https://votes.example/api');
  assert.equal(serviceBase('/votes', 'https://page.example/post/1'), 'https://page.example/votes');
  assert.equal(serviceBase('https://votes.example?x=1#y', 'https://page.example/'), 'https://votes.example');
  assert.throws(() => serviceBase('javascript:alert(1)', 'https://page.example/'), /must be an http: or https: URL/);
  assert.throws(() => serviceBase('  ', 'https://page.example/'), /empty/);
});

test('a voter id has at least 128 random bits in 16–64 URL-safe characters, and is kept', () => {
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    const id = newVoterId();
    assert.match(id, VOTER_PATTERN);
    assert.ok(id.length * 6 >= 128, `${id} carries ${id.length * 6} bits`);
    seen.add(id);
  }
  assert.equal(seen.size, 200);
  const s = new MemoryStorage();
  const id = voterId(BASE, s);
  assert.equal(voterId(BASE, s), id);
  assert.equal(s.getItem(VOTER_PREFIX + BASE), id);
  assert.notEqual(voterId('https://other.example', s), id, 'one id per service');
  s.setItem(VOTER_PREFIX + BASE, 'not valid!');
  assert.match(voterId(BASE, s), VOTER_PATTERN, 'a damaged id is replaced');
});

test('tallies are fetched when visible, then only when visible again a minute later', async () => {
  const svc = fakeService();
  let now = 1000;
  let changes = 0;
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch: svc.fetch, storage: new MemoryStorage(), now: () => now, onChange: () => changes++ });
  vs.visible();
  await vs.getting;
  assert.equal(svc.requests.length, 1);
  assert.equal(svc.requests[0].url, 'https://votes.example/api/v1/comparisons/cmp/tallies');
  assert.equal(changes, 1);
  assert.deepEqual(JSON.parse(vs.talliesJson()), { comparison: 'cmp', tools: { a: { ship: 0, skip: 0 }, b: { ship: 0, skip: 0 } } });
  now += REFETCH_AFTER_MS - 1;
  vs.visible();
  assert.equal(svc.requests.length, 1, 'visible again within a minute: no request');
  now += 1;
  vs.visible();
  await vs.getting;
  assert.equal(svc.requests.length, 2, 'a minute later: one request');
});

test('a vote is sent with the voter id; what the service holds is kept beside the local votes', async () => {
  const svc = fakeService();
  const storage = new MemoryStorage();
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch: svc.fetch, storage });
  const r = await vs.vote('a', 'ship');
  assert.deepEqual(r, { sent: true, tally: { ship: 1, skip: 0 }, status: 200, error: null });
  assert.equal(svc.requests[0].url, 'https://votes.example/api/v1/comparisons/cmp/votes');
  assert.deepEqual(Object.keys(svc.requests[0].body), ['tool', 'verdict', 'voter']);
  assert.match(svc.requests[0].body.voter, VOTER_PATTERN);
  assert.deepEqual(readSent(BASE, 'cmp', storage), { a: 'ship' });
  assert.equal(vs.sentLines(), 'ship a');
  await vs.vote('a', null);
  assert.deepEqual(readSent(BASE, 'cmp', storage), {});
  assert.deepEqual(vs.tallies.a, { ship: 0, skip: 0 });
});

test('votes on one tool reach the service in the order they were made', async () => {
  const order = [];
  let release;
  const slow = new Promise((ok) => { release = ok; });
  const fetch = async (url, init) => {
    const { verdict } = JSON.parse(init.body);
    if (verdict === 'ship') await slow;   // the first answer is late
    order.push(verdict);
    return json(200, { tool: 'a', ship: verdict === 'ship' ? 1 : 0, skip: verdict === 'skip' ? 1 : 0 });
  };
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch, storage: new MemoryStorage() });
  const first = vs.vote('a', 'ship');
  const second = vs.vote('a', 'skip');
  release();
  await Promise.all([first, second]);
  assert.deepEqual(order, ['ship', 'skip']);
  assert.deepEqual(vs.sent, { a: 'skip' });
});

test('offline or refused: not sent, said, kept; sent again after the next successful fetch', async () => {
  const storage = new MemoryStorage();
  const problems = [];
  let down = true;
  const real = fakeService();
  const fetch = async (url, init) => {
    if (down) throw new TypeError('Failed to fetch');   // what fetch() does offline
    return real.fetch(url, init);
  };
  let local = { a: 'ship' };
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch, storage, local: () => local, onProblem: (t, kind) => problems.push(kind) });
  const r = await vs.vote('a', 'ship');
  assert.equal(r.sent, false);
  assert.match(r.error, /network error/);
  assert.deepEqual(problems, ['vote']);
  assert.deepEqual(readSent(BASE, 'cmp', storage), {}, 'nothing recorded as held by the service');
  // A refusal (429) is not sent either.
  const refusing = new VoteService({ base: BASE, comparison: 'cmp', storage,
    fetch: async () => json(429, { error: 'too many votes' }, { 'retry-after': '30' }) });
  const refused = await refusing.vote('b', 'skip');
  assert.equal(refused.sent, false);
  assert.equal(refused.status, 429);
  assert.equal(refused.error, 'HTTP 429: too many votes (retry after 30 s)');
  // Back online: the next fetch sends what the service lacks.
  down = false;
  await vs.refresh();
  await vs.queue.a;
  assert.deepEqual(real.tally('a'), { ship: 1, skip: 0 });
  assert.deepEqual(readSent(BASE, 'cmp', storage), { a: 'ship' });
  // Taken back while offline: sent again as a take-back.
  local = {};
  down = true;
  await vs.vote('a', null);
  down = false;
  await vs.refresh();
  await vs.queue.a;
  assert.deepEqual(real.tally('a'), { ship: 0, skip: 0 });
});

test('a tally answered by a vote is not overwritten by an older fetch', async () => {
  let answerGet;
  const fetch = (url, init) => {
    if (init.method === 'GET') return new Promise((ok) => { answerGet = () => ok(json(200, { comparison: 'cmp', tools: { a: { ship: 5, skip: 0 } } })); });
    return Promise.resolve(json(200, { tool: 'a', ship: 6, skip: 0 }));
  };
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch, storage: new MemoryStorage() });
  const get = vs.refresh();        // started before the vote...
  await vs.vote('a', 'ship');      // ...answered after it
  answerGet();
  await get;
  assert.deepEqual(vs.tallies.a, { ship: 6, skip: 0 });
});

test('unsent() lists the votes the service does not hold as the reader has them', async () => {
  let up = false;
  const real = fakeService();
  const fetch = async (url, init) => {
    if (!up) throw new TypeError('Failed to fetch');
    return real.fetch(url, init);
  };
  const local = { a: 'ship', b: 'skip' };
  const vs = new VoteService({ base: BASE, comparison: 'cmp', fetch, storage: new MemoryStorage(), local: () => local });
  await vs.vote('a', 'ship');
  up = true;
  await vs.vote('b', 'skip');
  assert.deepEqual(vs.unsent(), [['a', 'ship']], 'a failed, b went through');
  await vs.refresh();
  await vs.queue.a;
  assert.deepEqual(vs.unsent(), []);
  delete local.b;   // taken back, not sent yet
  assert.deepEqual(vs.unsent(), [['b', null]]);
});

test('an answer from a hostile or broken service keeps only well-formed tallies of tool ids', async () => {
  const body = JSON.parse('{"comparison": "cmp", "tools": {"a": {"ship": 2, "skip": 1}, "__proto__": {"ship": 1, "skip": 1},' +
    ' "B!": {"ship": 1, "skip": 0}, "c": {"ship": -1, "skip": 0}, "d": {"ship": 1.5, "skip": 0}, "e": "x"}}');
  const vs = new VoteService({ base: BASE, comparison: 'cmp', storage: new MemoryStorage(), fetch: async () => json(200, body) });
  assert.equal(await vs.refresh(), true);
  assert.deepEqual(JSON.parse(vs.talliesJson()), { comparison: 'cmp', tools: { a: { ship: 2, skip: 1 } } });
  const other = new VoteService({ base: BASE, comparison: 'cmp', storage: new MemoryStorage(), onProblem: (t) => other.said = t,
    fetch: async () => json(200, { comparison: 'another', tools: {} }) });
  assert.equal(await other.refresh(), false);
  assert.match(other.said, /not the tallies of "cmp"/);
  assert.equal(other.talliesJson(), '');
});
