// lib.mjs — shared helpers of the browser tests: the built dist folder, a served copy of it (with
// test-only fixtures beside it, never inside dist), Debian's Chromium through playwright-core,
// event capture on a page, and pixel statistics of a screenshot.
//
// Every *.test.mjs is a standalone script: `node x.test.mjs` exits 0 on success, 1 with a
// message on failure. CTest runs them with VERSUS_WEB_DIST set (cmake/tests.cmake).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../shell/serve.mjs';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.VERSUS_SOURCE_DIR || resolve(HERE, '../..');
export const FIXTURES = join(HERE, 'fixtures');

export const CHROMIUM = process.env.VERSUS_CHROMIUM || '/usr/bin/chromium';
// Headless WebGL2 through SwiftShader (see ../shared/notes/toolchain.md).
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader'];

export class TestFailure extends Error {}

export function check(condition, message) {
  if (!condition) throw new TestFailure(message);
}

export function log(...args) {
  console.log('  ', ...args);
}

/** The built web folder (build/web/dist), checked to hold what a deployment needs. */
export function distDir() {
  const dir = resolve(process.env.VERSUS_WEB_DIST || join(SOURCE_DIR, 'build/web/dist'));
  for (const f of ['index.html', 'versus.js', 'versus-core.js', 'versus-core.wasm', 'payloads/haiku-vs-mistral.json']) {
    check(existsSync(join(dir, f)), `${join(dir, f)} is missing: build the web target first ` +
      '(cd /work/main && cmake --preset web && cmake --build --preset web), or set VERSUS_WEB_DIST');
  }
  return dir;
}

/**
 * A temporary folder holding a copy of dist plus the given fixture files (paths relative to
 * tests/browser/fixtures) and `extra` files ({ from: path relative to the source tree, to: path
 * in the served folder }), served on 127.0.0.1. Resolves to { url, dir, close() }.
 */
export async function serveDistWith(fixtures = [], extra = []) {
  const dist = distDir();
  const dir = await mkdtemp(join(tmpdir(), 'versus-browser-'));
  await cp(dist, dir, { recursive: true });
  for (const f of fixtures) await cp(join(FIXTURES, f), join(dir, f), { recursive: true });
  for (const { from, to } of extra) await cp(join(SOURCE_DIR, from), join(dir, to), { recursive: true });
  const server = await serve(dir, 0);
  return {
    url: server.url,
    dir,
    close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); },
  };
}

/** Serves dist itself (read-only use). Resolves to { url, close() }. */
export async function serveDist() {
  return serve(distDir(), 0);
}

export async function launch(extraArgs = []) {
  check(existsSync(CHROMIUM), `${CHROMIUM} not found (Debian package chromium; run shell/setup.sh)`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Init script: counts requestAnimationFrame callbacks and WebGL draw calls of the page, from
 * outside the widget, in window.__versusCounts = { raf, draws, pending, firstDrawnFrameAt };
 * `pending` is the number of animation frames asked for and not yet run (0: nothing will be drawn
 * unless something new happens; see settled()); `firstDrawnFrameAt` is performance.now() at the
 * end of the first callback that drew (the first frame).
 * With window.__versusHold set (by an init script before this one), the animation frames asked for
 * once a frame has drawn are held in window.__versusHeld until window.__versusRelease(): a
 * screenshot then shows the first frame alone, not the widget's next one.
 */
export function countFrames() {
  const counts = (window.__versusCounts = { raf: 0, draws: 0, pending: 0, firstDrawnFrameAt: null });
  const asked = new Set();
  const raf = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  const held = (window.__versusHeld = []);
  window.__versusRelease = () => {
    window.__versusHold = false;
    for (const cb of held.splice(0)) window.requestAnimationFrame(cb);
  };
  window.requestAnimationFrame = (cb) => {
    if (window.__versusHold && counts.firstDrawnFrameAt !== null) {
      held.push(cb);
      return -held.length;   // an id the page may cancel (nothing happens)
    }
    const id = raf((t) => {
      asked.delete(id);
      counts.pending = asked.size;
      counts.raf++;
      const before = counts.draws;
      cb(t);
      if (counts.firstDrawnFrameAt === null && counts.draws > before) counts.firstDrawnFrameAt = performance.now();
    });
    asked.add(id);
    counts.pending = asked.size;
    return id;
  };
  window.cancelAnimationFrame = (id) => { asked.delete(id); counts.pending = asked.size; cancel(id); };
  for (const name of ['drawElements', 'drawArrays']) {
    const orig = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...args) { counts.draws++; return orig.apply(this, args); };
  }
}

/** Frames counted (countFrames) during the next `ms` milliseconds. */
export async function framesDuring(page, ms) {
  await page.evaluate(() => { window.__versusCounts.raf = 0; window.__versusCounts.draws = 0; });
  await sleep(ms);
  return page.evaluate(() => ({ ...window.__versusCounts }));
}

/**
 * Resolves after the page's next rendering update (two animation frames): the intersection and
 * resize observers have seen what the test just changed (a scroll, a size) and their callbacks
 * have run. Not a fixed sleep: a busy page takes as long as it takes.
 */
export async function rendered(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
}

/**
 * Waits until the page has no animation frame asked for (countFrames): the widget has drawn what
 * the last input or change asked of it and stopped. How long that takes depends on the machine;
 * a fixed sleep before counting idle frames fails on a slow one.
 */
export async function settled(page, timeout = 20000) {
  await waitFor(page, 'the widget to stop drawing (no animation frame asked for)', () => window.__versusCounts.pending === 0,
    null, { timeout, report: () => window.__versusCounts });
}

/** Waits for page.waitForFunction(fn, arg) and fails with `what` (and the value of `report`) on timeout. */
export async function waitFor(page, what, fn, arg = null, { timeout = 15000, report = null } = {}) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch {
    const got = report ? await page.evaluate(report, arg).catch((e) => `(${e.message})`) : '';
    throw new TestFailure(`timed out after ${timeout} ms waiting for ${what}${report ? `; got ${JSON.stringify(got)}` : ''}`);
  }
}

/**
 * A new page that records what the widgets report (versus-ready / versus-error, with the id of
 * the element), page errors and console errors. Read them with `events(page)`.
 */
export async function newPage(browser, { width = 1280, height = 900, dpr = 1, touch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Failed loads are reported with their URL (Chromium's console line for them has none).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.problems = problems;
  // Stress runs: VERSUS_CPU_THROTTLE=N slows the page's main thread N times (Chromium's DevTools
  // CPU throttling), to find what a test assumes about timing before a loaded CI machine does.
  const throttle = Number(process.env.VERSUS_CPU_THROTTLE || 0);
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => {
    window.__versusEvents = [];   // versus-ready and versus-error
    window.__versusActions = [];  // versus-filter and versus-vote
    for (const type of ['versus-ready', 'versus-error', 'versus-filter', 'versus-vote']) {
      const list = type === 'versus-ready' || type === 'versus-error' ? window.__versusEvents : window.__versusActions;
      document.addEventListener(type, (e) => {
        const { posted, ...detail } = e.detail || {};
        list.push({ type, id: e.target && e.target.id, detail: JSON.parse(JSON.stringify(detail)), hasPosted: posted !== undefined && posted !== null });
      });
    }
  });
  return page;
}

export async function events(page) {
  return page.evaluate(() => window.__versusEvents.slice());
}

/** Waits until `count` widget events (ready or error) have arrived; returns them. */
export async function waitForEvents(page, count, timeout = 60000) {
  try {
    await page.waitForFunction((n) => window.__versusEvents.length >= n, count, { timeout });
  } catch {
    const got = await events(page).catch(() => []);
    throw new TestFailure(`expected ${count} versus-ready/versus-error event(s) within ${timeout} ms, got ` +
      `${JSON.stringify(got)}; page problems: ${JSON.stringify(page.problems)}`);
  }
  return events(page);
}

/**
 * Decodes PNGs (e.g. screenshots; Buffers) with the browser's own decoder, in a blank page (no PNG
 * library here): [{ width, height, data }] in the order given, `data` the RGBA bytes row by row.
 */
export async function decodePngs(browser, pngs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const decoded = await page.evaluate((list) => Promise.all(list.map(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let text = '';
      for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: bitmap.width, height: bitmap.height, rgba: btoa(text) };
    })), pngs.map((png) => png.toString('base64')));
    return decoded.map(({ width, height, rgba }) => ({ width, height, data: new Uint8Array(Buffer.from(rgba, 'base64')) }));
  } finally {
    await context.close();
  }
}

/**
 * Pixel statistics of a PNG (e.g. a screenshot): { width, height, distinctColours, lumaStdDev,
 * nonBackground } where nonBackground is the share of pixels differing from the most common colour.
 */
export async function pixelStats(browser, png) {
  const [{ width, height, data }] = await decodePngs(browser, [png]);
  const counts = new Map();
  let sum = 0, sum2 = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
    const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += y;
    sum2 += y * y;
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  const mean = sum / n;
  return {
    width,
    height,
    distinctColours: counts.size,
    lumaStdDev: Math.sqrt(Math.max(0, sum2 / n - mean * mean)),
    nonBackground: 1 - top / n,
  };
}

/** Runs a test body with a browser (Chromium started with `args` more); prints PASS/FAIL and sets the exit code. */
export async function run(name, body, { args = [] } = {}) {
  let browser;
  const started = Date.now();
  try {
    browser = await launch(args);
    await body(browser);
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    console.error(`FAIL ${name}: ${e instanceof TestFailure ? e.message : e && e.stack ? e.stack : e}`);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
  }
}

/** drawnItems() of the widget `id` (one frame drawn to find out). */
export async function drawnItems(page, id) {
  return page.evaluate((id) => document.getElementById(id).drawnItems(), id);
}

/** Scrolls so that `item` (from drawnItems) is 300 px below the viewport's top, then clicks its centre. */
export async function clickItem(page, id, item) {
  await page.evaluate(([id, y]) => {
    const r = document.getElementById(id).shadowRoot.querySelector('.surface').getBoundingClientRect();
    window.scrollTo(0, window.scrollY + r.top + y - 300);
  }, [id, item.y0]);
  const r = await page.evaluate((id) => {
    const b = document.getElementById(id).shadowRoot.querySelector('.surface').getBoundingClientRect();
    return { x: b.left, y: b.top };
  }, id);
  await page.mouse.click(r.x + (item.x0 + item.x1) / 2, r.y + (item.y0 + item.y1) / 2);
}

/** The items of `role` inside the card of tool `toolId` (by rectangle). */
export function inCard(items, toolId, role) {
  const card = items.find((i) => i.role === 'card' && i.text === toolId);
  if (!card) return [];
  return items.filter((i) => i.role === role && i.x0 >= card.x0 - 1 && i.x1 <= card.x1 + 1 && i.y0 >= card.y0 - 1 && i.y1 <= card.y1 + 1);
}

/** The card figures the canvas draws: { toolId: [panel, community, entry] }. */
export function canvasFigures(items) {
  const out = {};
  for (const card of items.filter((i) => i.role === 'card')) {
    out[card.text] = ['tool.panel', 'tool.community', 'tool.entry'].map((role) => (inCard(items, card.text, role)[0] || {}).text);
  }
  return out;
}

/** The card figures of the HTML rendition: { toolId: [panel, community, entry] }. */
export async function renditionFigures(page, id) {
  return page.evaluate((id) => {
    const out = {};
    for (const li of document.getElementById(id).shadowRoot.querySelectorAll('.rendition li[data-tool]')) {
      out[li.dataset.tool] = [...li.querySelectorAll('dd')].map((dd) => dd.textContent);
    }
    return out;
  }, id);
}

/** Text of the widget's HTML rendition. */
export async function renditionText(page, id) {
  return page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.rendition').textContent, id);
}

/** Where tests write screenshots for people to look at: $VERSUS_SHOT_DIR or build/web/screenshots. */
export function shotDir() {
  const dir = process.env.VERSUS_SHOT_DIR || join(SOURCE_DIR, 'build/web/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Init script: WebGL is unavailable (getContext('webgl'/'webgl2') returns null). */
export function noWebGL() {
  const orig = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    return /webgl/i.test(String(type)) ? null : orig.call(this, type, ...rest);
  };
}

// An init script: counts the page's WebAssembly compile/instantiate calls in window.__wasm
// (`modules`: calls that compile a module, as instantiate(bytes) does and instantiate(module)
// doesn't). Used by the many-widgets test and the web benchmark.
export function instrumentWasm() {
  const counts = (window.__wasm = { compile: 0, compileStreaming: 0, instantiate: 0, instantiateStreaming: 0, modules: 0 });
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = function (source, ...rest) {
      counts[name]++;
      if (name !== 'instantiate' || !(source instanceof WebAssembly.Module)) counts.modules++;
      return orig.call(this, source, ...rest);
    };
  }
}

// Mounts a <versus-widget src=src loading=eager> n times in the page, each time until it is
// ready, then removes it (the element frees its instance after the task it left in). Used by the
// unmount test and the web benchmark.
export function mountUnmount(page, n, src) {
  return page.evaluate(async ([n, src]) => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement('versus-widget');
      el.setAttribute('src', src);
      el.setAttribute('loading', 'eager');
      const shown = new Promise((ok, fail) => {
        el.addEventListener('versus-ready', ok, { once: true });
        el.addEventListener('versus-error', (e) => fail(new Error(e.detail.errors.join('; '))), { once: true });
      });
      document.body.prepend(el);
      await shown;
      el.remove();
      await new Promise((ok) => setTimeout(ok, 0));
    }
  }, [n, src]);
}

// A meter of the page's memory: each call forces two garbage collections (the browser must be
// launched with --js-flags=--expose-gc) and returns the JS heap used and total (bytes), the DOM
// nodes and the event listeners, as Chromium's DevTools protocol counts them.
export async function heapMeter(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    await page.evaluate(() => { window.gc(); window.gc(); });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const dom = await cdp.send('Memory.getDOMCounters');
    return { used: m.JSHeapUsedSize, total: m.JSHeapTotalSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
}
