// live-votes.test.mjs — widgets with votes="…" and a real versus-votes service on loopback
// (docs/votes.md):
//  - two readers (two browser contexts) on one page: each sees the other's vote, with their own
//    counted once (canvas, HTML rendition and the versus-vote event agree), also after a reload;
//  - the tallies are fetched when the widget becomes visible and again when the tab comes back a
//    minute later (the page's clock moved on), never on a timer while idle (requests counted);
//  - offline (the service stopped) and refused (429 from --rate 1): said quietly under the widget,
//    the vote kept locally and counted once; sent again after the service is back;
//  - iframe mode (embed.html?votes=…): the tallies and the vote go through, the parent hears `sent`.
// Screenshots of the second reader's page before and after the first reader's vote, and of the
// widget with an offline vote, go to build/web/screenshots/ (live-votes-*.png).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  SOURCE_DIR, canvasFigures, check, clickItem, drawnItems, inCard, log, newPage, renditionFigures, run,
  serveDistWith, shotDir, sleep, TestFailure, waitFor, waitForEvents,
} from './lib.mjs';

const COMPARISON = 'haiku-vs-mistral';
const TITLE = 'Claude Haiku Open Weights vs Mistral 4B';

// [SECTION] The service ---------------------------------------------------------------------------

function votesBinary() {
  const bin = process.env.VERSUS_VOTES_BIN ||
    join(dirname(process.env.VERSUS_BIN || join(SOURCE_DIR, 'build/native/versus')), 'versus-votes');
  check(existsSync(bin), `${bin} is missing: build the native preset (cmake --build --preset native), or set VERSUS_VOTES_BIN`);
  return bin;
}

// A real versus-votes serving the seed payload, for pages of `origin`. Resolves once it listens.
async function startService({ origin, rate = 0, listen = '127.0.0.1:0', dir = null }) {
  if (!dir) {
    dir = await mkdtemp(join(tmpdir(), 'versus-votes-'));
    await mkdir(join(dir, 'payloads'));
    await cp(join(SOURCE_DIR, 'assets/payloads/haiku-vs-mistral.json'), join(dir, 'payloads/haiku-vs-mistral.json'));
  }
  const proc = spawn(votesBinary(), ['--payloads', join(dir, 'payloads'), '--db', `sqlite:${join(dir, 'votes.db')}`,
    '--listen', listen, '--allow-origin', origin, '--rate', String(rate)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TestFailure(`versus-votes did not start within 10 s: ${err}`)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new TestFailure(`versus-votes exited ${code}: ${err}`)); });
  });
  const exited = new Promise((ok) => proc.on('exit', ok));
  return {
    url, dir, listen: new URL(url).host,
    stop: async () => { proc.kill('SIGTERM'); await exited; },
    remove: () => rm(dir, { recursive: true, force: true }),
    tallies: async () => (await (await fetch(`${url}/v1/comparisons/${COMPARISON}/tallies`)).json()).tools,
  };
}

// [SECTION] Readers ----------------------------------------------------------------------------------

// A reader: a new browser context on the page, counting the tallies requests it makes, recording
// its versus-vote events with what the service answered.
async function openReader(browser, pageUrl, { problemsOk = null } = {}) {
  const page = await newPage(browser, { width: 1000, height: 900 });
  page.gets = 0;
  page.on('request', (r) => { if (r.method() === 'GET' && r.url().endsWith('/tallies')) page.gets++; });
  await page.addInitScript(() => {
    window.__votes = [];
    document.addEventListener('versus-vote', (e) => {
      const d = e.detail;
      const rec = { tool: d.tool, verdict: d.verdict, community: d.community, hasService: Boolean(d.service), service: null };
      window.__votes.push(rec);
      if (d.service) d.service.then((r) => { rec.service = r; });
    });
  });
  page.problemsOk = problemsOk;
  await page.goto(pageUrl);
  await waitForEvents(page, 1);
  return page;
}

// The community figure a tool's card shows: [value, label] ("75%", "Community · 4 votes").
async function community(page, tool) {
  const items = await drawnItems(page, 'w');
  const value = (inCard(items, tool, 'tool.community')[0] || {}).text;
  const label = (inCard(items, tool, 'tool.figure-label').find((i) => i.text.startsWith('Community')) || {}).text;
  return [value, label];
}

async function until(what, fn, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last === true) return;
    await sleep(50);
  }
  throw new TestFailure(`timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
}

async function expectCommunity(page, tool, expected, what) {
  await until(`${what}: ${tool} community ${JSON.stringify(expected)}`, async () => {
    const got = await community(page, tool);
    return JSON.stringify(got) === JSON.stringify(expected) || got;
  });
  // The HTML rendition shows the canvas's figures.
  const canvas = canvasFigures(await drawnItems(page, 'w'));
  const html = await renditionFigures(page, 'w');
  check(JSON.stringify(html) === JSON.stringify(canvas), `${what}: rendition ${JSON.stringify(html)} vs canvas ${JSON.stringify(canvas)}`);
}

async function vote(page, tool, role) {
  const n = await page.evaluate(() => window.__votes.length);
  const button = inCard(await drawnItems(page, 'w'), tool, role)[0];
  check(button, `${tool}'s card should have a ${role} button`);
  await clickItem(page, 'w', button);
  await waitFor(page, `the versus-vote event of ${role} on ${tool}`, (k) => window.__votes.length > k, n);
  return n;   // index of this vote's record
}

async function serviceAnswer(page, index) {
  await waitFor(page, 'the service to answer the vote', (i) => window.__votes[i] && window.__votes[i].service, index);
  return page.evaluate((i) => window.__votes[i], index);
}

// The tab goes away and comes back, `advanceMs` later by the page's clock (Date.now()).
async function tabAwayAndBack(page, advanceMs) {
  await page.evaluate((ms) => {
    window.__realNow = window.__realNow || Date.now.bind(Date);
    window.__shift = (window.__shift || 0) + ms;
    Date.now = () => window.__realNow() + window.__shift;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  }, advanceMs);
}

const note = (page) => page.evaluate(() => {
  const n = document.getElementById('w').shadowRoot.querySelector('.note');
  return { hidden: n.hidden, text: n.textContent, h: n.getBoundingClientRect().height };
});

function unexpected(page, allowed = []) {
  return page.problems.filter((p) => !allowed.some((re) => re.test(p)));
}

// [SECTION] Two readers ---------------------------------------------------------------------------------

await run('two readers see each other\'s votes, each counted once; tallies on visibility, not on a timer', async (browser) => {
  const server = await serveDistWith(['live-votes.html']);
  let service = null;   // started inside the try: a service that fails to start still closes the server
  try {
    service = await startService({ origin: new URL(server.url).origin });
    const pageUrl = `${server.url}live-votes.html?votes=${encodeURIComponent(service.url)}`;
    const a = await openReader(browser, pageUrl);
    const b = await openReader(browser, pageUrl);
    for (const p of [a, b]) await until('the first tallies request', async () => p.gets === 1 || p.gets);
    await expectCommunity(a, 'haiku', ['\u2014', 'Community'], 'A before any vote');
    await expectCommunity(b, 'haiku', ['\u2014', 'Community'], 'B before any vote');
    const shots = shotDir();
    await b.evaluate(() => window.scrollTo(0, 0));
    await b.screenshot({ path: join(shots, 'live-votes-b-before.png') });

    // A votes Ship on Haiku: sent, counted once, A sees it at once.
    const i = await vote(a, 'haiku', 'vote.ship');
    const ra = await serviceAnswer(a, i);
    log('A voted', JSON.stringify(ra));
    check(ra.hasService && ra.service.sent === true && ra.service.tally.ship === 1 && ra.service.tally.skip === 0,
      `A's vote should reach the service with tally 1/0: ${JSON.stringify(ra)}`);
    check(ra.community && ra.community.value === '100%' && ra.community.ship === 1, `the event's community figure: ${JSON.stringify(ra.community)}`);
    await expectCommunity(a, 'haiku', ['100%', 'Community \u00b7 1 vote'], 'A after voting');
    const stored = await a.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    log('A localStorage', JSON.stringify(stored));
    const voter = Object.entries(stored).find(([k]) => k.startsWith('versus:voter:'));
    check(voter && /^[A-Za-z0-9_-]{16,64}$/.test(voter[1]), `a voter id should be kept in localStorage: ${JSON.stringify(stored)}`);
    check(stored[`versus:votes:${TITLE}`] === '{"haiku":"ship"}', 'the local vote is kept as before');
    check(stored[`versus:sent:${service.url}|${COMPARISON}`] === '{"haiku":"ship"}', 'what the service holds is kept beside it');
    check(JSON.stringify((await service.tallies()).haiku) === '{"ship":1,"skip":0}', 'the service holds the vote');

    // B, idle: no request on a timer; the tab hidden and shown within a minute: none either.
    await sleep(2500);
    check(b.gets === 1, `an idle widget must not fetch on a timer: ${b.gets} requests`);
    await tabAwayAndBack(b, 10 * 1000);
    await sleep(500);
    check(b.gets === 1, `back within a minute: no new request (${b.gets})`);
    await expectCommunity(b, 'haiku', ['\u2014', 'Community'], 'B before fetching again');
    // A minute later by the page's clock: one request, and A's vote shows.
    await tabAwayAndBack(b, 61 * 1000);
    await expectCommunity(b, 'haiku', ['100%', 'Community \u00b7 1 vote'], 'B after the tab came back');
    check(b.gets === 2, `the tab back after a minute: exactly one more request (${b.gets})`);
    await b.evaluate(() => window.scrollTo(0, 0));
    await b.screenshot({ path: join(shots, 'live-votes-b-after.png') });

    // B votes Skip on Haiku: 1 ship + 1 skip, B's own counted once.
    const j = await vote(b, 'haiku', 'vote.skip');
    const rb = await serviceAnswer(b, j);
    check(rb.service.sent === true && rb.service.tally.ship === 1 && rb.service.tally.skip === 1, `B's vote: ${JSON.stringify(rb)}`);
    await expectCommunity(b, 'haiku', ['50%', 'Community \u00b7 2 votes'], 'B after voting');
    // A comes back a minute later: 2 votes, not 3 (A's own is in the tally once).
    await tabAwayAndBack(a, 61 * 1000);
    await expectCommunity(a, 'haiku', ['50%', 'Community \u00b7 2 votes'], 'A after B voted');
    // A reloads: still once.
    await a.reload();
    await waitForEvents(a, 1);
    await expectCommunity(a, 'haiku', ['50%', 'Community \u00b7 2 votes'], 'A after a reload');
    // A takes the vote back: B sees 0 % of 1 vote once it looks again.
    const k = await vote(a, 'haiku', 'vote.ship');
    const back = await serviceAnswer(a, k);
    check(back.verdict === null && back.service.sent === true && back.service.tally.ship === 0, `A's take-back: ${JSON.stringify(back)}`);
    await expectCommunity(a, 'haiku', ['0%', 'Community \u00b7 1 vote'], 'A after taking the vote back');
    await tabAwayAndBack(b, 61 * 1000);
    await expectCommunity(b, 'haiku', ['0%', 'Community \u00b7 1 vote'], 'B after A took the vote back');
    for (const p of [a, b]) check(unexpected(p).length === 0, `page problems: ${p.problems.join('; ')}`);
    await a.context().close();
    await b.context().close();
  } finally {
    await service?.stop();
    await service?.remove();
    await server.close();
  }
});

// [SECTION] Offline and refused ---------------------------------------------------------------------------

await run('offline or refused: said quietly, the vote kept and counted once, sent again later', async (browser) => {
  const server = await serveDistWith(['live-votes.html']);
  const origin = new URL(server.url).origin;
  let service = null;
  let limited = null;
  try {
    service = await startService({ origin });
    limited = await startService({ origin, rate: 1 });
    const a = await openReader(browser, `${server.url}live-votes.html?votes=${encodeURIComponent(service.url)}`);
    await until('the first tallies request', async () => a.gets === 1 || a.gets);
    await expectCommunity(a, 'mistral-4b', ['\u2014', 'Community'], 'before');

    // Offline: the service is stopped. The vote stays local, counted once, said quietly.
    await service.stop();
    const i = await vote(a, 'mistral-4b', 'vote.ship');
    const r = await serviceAnswer(a, i);
    log('offline vote', JSON.stringify(r.service));
    check(r.service.sent === false && r.service.status === null && /network error/.test(r.service.error), `offline: ${JSON.stringify(r)}`);
    await expectCommunity(a, 'mistral-4b', ['100%', 'Community \u00b7 1 vote'], 'offline vote counted locally');
    let n = await note(a);
    check(!n.hidden && n.h > 0 && /saved on this device/.test(n.text), `an offline vote should be said in the note: ${JSON.stringify(n)}`);
    await a.locator('#w').screenshot({ path: join(shotDir(), 'live-votes-offline.png') });
    check(await a.evaluate((t) => localStorage.getItem(`versus:votes:${t}`), TITLE) === '{"mistral-4b":"ship"}', 'the local vote stays');

    // The service is back (same address, same store): the tab comes back a minute later, the
    // tallies are fetched and the vote sent again; still counted once; the note goes.
    service = await startService({ origin, listen: service.listen, dir: service.dir });
    await tabAwayAndBack(a, 61 * 1000);
    await until('the vote sent again', async () => JSON.stringify((await service.tallies())['mistral-4b']) === '{"ship":1,"skip":0}' ||
      (await service.tallies())['mistral-4b']);
    await expectCommunity(a, 'mistral-4b', ['100%', 'Community \u00b7 1 vote'], 'after the vote was sent again');
    await until('the note to go', async () => (await note(a)).hidden || (await note(a)));

    // Refused: a service allowing one vote a minute answers 429 to the second.
    const b = await openReader(browser, `${server.url}live-votes.html?votes=${encodeURIComponent(limited.url)}`);
    await until('the first tallies request', async () => b.gets === 1 || b.gets);
    const first = await serviceAnswer(b, await vote(b, 'haiku', 'vote.ship'));
    check(first.service.sent === true, `the first vote passes the rate limit: ${JSON.stringify(first)}`);
    const second = await serviceAnswer(b, await vote(b, 'mistral-4b', 'vote.skip'));
    log('refused vote', JSON.stringify(second.service));
    check(second.service.sent === false && second.service.status === 429 && /HTTP 429/.test(second.service.error),
      `the second vote should be refused with 429: ${JSON.stringify(second)}`);
    await expectCommunity(b, 'mistral-4b', ['0%', 'Community \u00b7 1 vote'], 'a refused vote counted locally');
    await expectCommunity(b, 'haiku', ['100%', 'Community \u00b7 1 vote'], 'the accepted vote counted once');
    n = await note(b);
    check(!n.hidden && /saved on this device/.test(n.text), `a refused vote should be said in the note: ${JSON.stringify(n)}`);
    check(unexpected(a, [/network|ERR_CONNECTION_REFUSED|Failed to fetch/i]).length === 0, `page problems: ${a.problems.join('; ')}`);
    check(unexpected(b, [/HTTP 429/]).length === 0, `page problems: ${b.problems.join('; ')}`);
    await a.context().close();
    await b.context().close();
  } finally {
    await service?.stop().catch(() => {});
    await limited?.stop();
    await service?.remove();
    await limited?.remove();
    await server.close();
  }
});

// [SECTION] Iframe mode ---------------------------------------------------------------------------------

await run('iframe mode: embed.html?votes=… fetches the tallies and sends the vote', async (browser) => {
  const server = await serveDistWith(['live-votes-iframe.html']);
  let service = null;
  try {
    service = await startService({ origin: new URL(server.url).origin });
    // Another reader's vote first, straight to the service.
    const res = await fetch(`${service.url}/v1/comparisons/${COMPARISON}/votes`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool: 'haiku', verdict: 'skip', voter: 'another-reader-0123456789' }),
    });
    check(res.status === 200, `a vote straight to the service: HTTP ${res.status}`);
    const page = await newPage(browser, { width: 1000, height: 900 });
    let gets = 0;
    page.on('request', (r) => { if (r.method() === 'GET' && r.url().endsWith('/tallies')) gets++; });
    await page.goto(`${server.url}live-votes-iframe.html?votes=${encodeURIComponent(service.url)}`);
    await waitFor(page, 'versus-ready from the iframe', () => window.__embedEvents.some((e) => e.event === 'versus-ready'), null, { timeout: 60000 });
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    check(frame, 'the embed frame');
    const figure = async (tool) => frame.evaluate((t) => {
      const li = document.querySelector('versus-widget').shadowRoot.querySelector(`.rendition li[data-tool="${t}"]`);
      return [...li.querySelectorAll('dd')].map((dd) => dd.textContent)[1];
    }, tool);
    await until('the other reader\'s vote in the iframe', async () => (await figure('haiku')) === '0%' || figure('haiku'));
    check(gets === 1, `one tallies request: ${gets}`);
    // Vote Ship on Haiku inside the iframe (a click on the canvas at the button).
    const items = await frame.evaluate(() => document.querySelector('versus-widget').drawnItems());
    const ship = inCard(items, 'haiku', 'vote.ship')[0];
    check(ship, 'a Ship button in the iframe');
    const box = await frame.evaluate(() => {
      const r = document.querySelector('versus-widget').shadowRoot.querySelector('.surface').getBoundingClientRect();
      return { x: r.left, y: r.top };
    });
    const iframeBox = await page.locator('iframe').boundingBox();
    await page.mouse.click(iframeBox.x + box.x + (ship.x0 + ship.x1) / 2, iframeBox.y + box.y + (ship.y0 + ship.y1) / 2);
    await waitFor(page, 'the versus-vote message with sent', () => window.__embedEvents.some((e) => e.event === 'versus-vote'), null);
    const msg = await page.evaluate(() => window.__embedEvents.find((e) => e.event === 'versus-vote'));
    log('iframe versus-vote', JSON.stringify(msg.detail));
    check(msg.detail.tool === 'haiku' && msg.detail.verdict === 'ship' && msg.detail.sent === true &&
      msg.detail.tally.ship === 1 && msg.detail.tally.skip === 1, `the parent should hear the vote with sent: ${JSON.stringify(msg.detail)}`);
    await until('50% in the iframe', async () => (await figure('haiku')) === '50%' || figure('haiku'));
    check(JSON.stringify((await service.tallies()).haiku) === '{"ship":1,"skip":1}', 'the service holds both votes');
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await service?.stop();
    await service?.remove();
    await server.close();
  }
});
