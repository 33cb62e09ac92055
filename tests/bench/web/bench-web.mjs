#!/usr/bin/env node
// bench-web.mjs — the web benchmarks of issue 6, against the built widget (dist/) and the ImGui
// hello-world baseline (tests/bench/web/hello.cpp, built into the web tree's bench/ folder with
// the core's flags). Debian's Chromium, headless (WebGL2 through SwiftShader), through
// playwright-core (tests/browser/lib.mjs), both folders served from 127.0.0.1 by shell/serve.mjs.
// Prints markdown table rows (what | figure | target | baseline | ratio | met?) for
// shell/bench.sh; the method of each figure is in docs/performance.md.
//
//   node tests/bench/web/bench-web.mjs [--smoke] [--dist DIR] [--bench DIR]
//     --dist   the built dist folder (default $VERSUS_WEB_DIST or build/web/dist)
//     --bench  the folder with hello.html/.js/.wasm (default: bench/ beside dist)
//     --smoke  one iteration of each (CTest): must measure, never judged on a figure
//
// Exit status: 0 when every row was measured (whatever the figures), 1 when something could
// not be measured (missing build, browser failure, a widget that never drew).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../../../shell/serve.mjs';
import { countFrames, heapMeter, instrumentWasm, launch, mountUnmount, SOURCE_DIR, sleep } from '../../browser/lib.mjs';

// [SECTION] Options -------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const SMOKE = argv.includes('--smoke');
const DIST = resolve(opt('--dist', process.env.VERSUS_WEB_DIST || join(SOURCE_DIR, 'build/web/dist')));
const BENCH = resolve(opt('--bench', join(DIST, '..', 'bench')));
// Fresh page loads per first-frame median, interleaved: single loads on a shared 2-core machine spread
// over 1.5–2 × (86–149 ms for the hello-world in one run), and 11 of them moved a ratio by 0.1–0.2
// between runs minutes apart.
const LOADS = SMOKE ? 1 : 21;
const IDLE_RUNS = SMOKE ? 1 : 3;      // idle-frame counts (median)
const MANY_RUNS = SMOKE ? 1 : 3;      // six-widget pages (largest count)
const ROUNDS = SMOKE ? 20 : 200;      // mounts/unmounts
const PAYLOAD = 'payloads/haiku-vs-mistral.json';
// Payloads in other scripts, against the seed (issue 9): the browser draws their text, fetching
// fonts the seed doesn't need (system CJK / Arabic fonts; Inter's Latin faces only for the names).
const SCRIPT_PAYLOADS = [['Japanese', 'scripts-ja.json'], ['Arabic', 'scripts-ar.json']];

class Unmeasurable extends Error {}
const need = (ok, what) => { if (!ok) throw new Unmeasurable(what); };

function checkBuilt() {
  for (const [dir, files, how] of [
  [DIST, ['index.html', 'versus.js', 'versus-core.js', 'versus-core.wasm', PAYLOAD], 'the web target'],
  [BENCH, ['hello.html', 'hello.js', 'hello.wasm'], 'the web target (bench_hello, cmake/bench_web.cmake)'],
]) {
  for (const f of files) {
    need(existsSync(join(dir, f)), `${join(dir, f)} is missing: build ${how} first ` +
      '(NODE_PATH=/usr/share/nodejs cmake --preset web -B build/web && cmake --build build/web -j2), or pass --dist/--bench');
    }
  }
}

// [SECTION] Helpers -------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(2)} MiB`;
const ms = (x) => `${x.toFixed(0)} ms`;
const row = (...cells) => console.log(`| ${cells.join(' | ')} |`);
const yes = (ok) => (ok ? 'yes' : '**no**');
const smokeNote = SMOKE ? ' [smoke: 1 run]' : '';

// The served folder: a copy of dist at the root, the baseline in bench/, and two pages of ours.
const ONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one widget</title>
<link rel="icon" href="data:,"></head><body>
<script type="module" src="versus.js"></script>
<versus-widget src="${PAYLOAD}"></versus-widget>
</body></html>`;
const SIX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>six widgets</title>
<link rel="icon" href="data:,"><style>versus-widget { margin-bottom: 16px }</style></head><body>
<script type="module" src="versus.js"></script>
${[1, 2, 3, 4, 5, 6].map((i) => `<versus-widget id="w${i}" src="${PAYLOAD}" loading="eager"></versus-widget>`).join('\n')}
</body></html>`;
const scriptPage = (file) => ONE_PAGE.replace(`src="${PAYLOAD}"`, `src="bench-payloads/${file}"`);

async function servedFolder() {
  const dir = await mkdtemp(join(tmpdir(), 'versus-bench-web-'));
  await cp(DIST, dir, { recursive: true });
  await cp(BENCH, join(dir, 'bench'), { recursive: true });
  await writeFile(join(dir, 'bench-one.html'), ONE_PAGE);
  await writeFile(join(dir, 'bench-six.html'), SIX_PAGE);
  for (const [, file] of SCRIPT_PAYLOADS) {
    await cp(join(SOURCE_DIR, 'tests/payloads/valid', file), join(dir, 'bench-payloads', file));
    await writeFile(join(dir, `bench-${file}.html`), scriptPage(file));
  }
  const server = await serve(dir, 0);
  return { url: server.url, close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

// A fresh context (empty HTTP cache, no compiled-code cache), with the page's errors collected.
async function freshPage(browser, init = []) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.addInitScript((said) => {
    window.__ready = [];
    document.addEventListener('versus-ready', (e) => { window.__ready.push({ at: performance.now(), ...e.detail }); console.log(said); });
    document.addEventListener('versus-error', (e) => { window.__ready.push({ error: (e.detail.errors || []).join('; ') }); console.log(said); });
  }, SAID_READY);
  for (const fn of init) await page.addInitScript(fn);
  return page;
}

// Why a page is unmeasurable when `what` did not happen within `timeout` ms: its errors and events.
async function stalled(page, what, timeout) {
  return new Unmeasurable(`${what} did not happen within ${timeout} ms (${page.url()}); ` +
    `page errors: ${JSON.stringify(page.problems)}; events: ${JSON.stringify(await page.evaluate(() => window.__ready).catch(() => null))}`);
}

async function waitOrFail(page, what, fn, arg = null, timeout = 60000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 20 });
  } catch {
    throw await stalled(page, what, timeout);
  }
}

// What a page of the first-frame rows says on its console once it has drawn (or failed): the
// versus pages from their versus-ready / versus-error listener (freshPage), the hello-world from
// hello.html. Waiting for it evaluates nothing in the page while it loads, as polling would (a
// script run in the page every 20 ms takes the main thread the page's own load needs).
const SAID_READY = 'versus-bench: first frame';

async function gotoAndHear(page, url, what, timeout = 60000) {
  const heard = page.waitForEvent('console', { predicate: (m) => m.text() === SAID_READY, timeout });
  await page.goto(url);
  try {
    await heard;
  } catch {
    throw await stalled(page, what, timeout);
  }
}

// Navigation start → the end of the first animation frame that drew, seen from outside the page
// alike for versus and the hello-world (countFrames in the page's init scripts); null without it.
const firstDrawnFrame = (page) => page.evaluate(() => (window.__versusCounts ? window.__versusCounts.firstDrawnFrameAt : null));

// Loads the versus page; resolves to { firstFrameMs (element start → first frame), navMs (navigation → first frame) }.
async function loadVersus(page, url) {
  await gotoAndHear(page, url, 'versus-ready');
  const [ev] = await page.evaluate(() => window.__ready);
  need(!ev.error && ev.renderer === 'webgl', `the widget did not draw with WebGL: ${JSON.stringify(ev)}`);
  return { firstFrameMs: ev.firstFrameMs, navMs: await firstDrawnFrame(page) };
}

// Loads the hello-world; the same two figures (script start → first frame, navigation → first frame).
async function loadHello(page, url) {
  await gotoAndHear(page, url, 'the hello-world first frame');
  return { firstFrameMs: await page.evaluate(() => window.__helloFirstFrameMs), navMs: await firstDrawnFrame(page) };
}

// [SECTION] The benchmarks ------------------------------------------------------------------------

async function browserRow(browser, url) {
  const page = await freshPage(browser);
  await page.goto(url + 'bench/hello.html');
  const gl = await page.evaluate(() => {
    const c = document.createElement('canvas').getContext('webgl2');
    if (!c) return 'no WebGL2';
    const ext = c.getExtension('WEBGL_debug_renderer_info');
    return ext ? c.getParameter(ext.UNMASKED_RENDERER_WEBGL) : c.getParameter(c.RENDERER);
  });
  await page.context().close();
  const software = /swiftshader/i.test(gl);
  row('web: browser of the rows below', `Chromium ${browser.version()}, headless; WebGL2 renderer "${gl}"` +
    (software ? ' (SwiftShader: software WebGL on the CPU)' : ''), '—', '—', '—', '—');
}

async function transferRow(browser, url) {
  // What one widget's page really fetches (the demo page, cache empty), and the hello-world's.
  const fetched = async (path, load) => {
    const page = await freshPage(browser);
    await load(page, url + path);
    await sleep(300);
    const files = [...new Set(page.requests.filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname.slice(1)))];
    await page.context().close();
    return files;
  };
  const versusFiles = await fetched('index.html', loadVersus);
  const helloFiles = await fetched('bench/hello.html', loadHello);
  // Code and fonts count; the page itself and the payload (the publisher's content) do not.
  const isPage = (f) => /\.html$/.test(f) || f === '' || f.startsWith('payloads/');
  const code = versusFiles.filter((f) => !isPage(f));
  const helloCode = helloFiles.filter((f) => !isPage(f));
  need(['versus.js', 'versus-core.js', 'versus-core.wasm'].every((f) => code.includes(f)),
    `the demo page should fetch versus.js, versus-core.js and versus-core.wasm; it fetched ${JSON.stringify(versusFiles)}`);
  need(['bench/hello.js', 'bench/hello.wasm'].every((f) => helloCode.includes(f)),
    `the hello-world should fetch hello.js and hello.wasm; it fetched ${JSON.stringify(helloFiles)}`);
  const sizeOf = (f) => gz(f.startsWith('bench/') ? join(BENCH, basename(f)) : join(DIST, f));
  const total = code.reduce((s, f) => s + sizeOf(f), 0);
  const base = helloCode.reduce((s, f) => s + sizeOf(f), 0);
  const parts = code.map((f) => `${f} ${kb(sizeOf(f))}`).join(', ');
  const baseParts = helloCode.map((f) => `${basename(f)} ${kb(sizeOf(f))}`).join(', ');
  row(`web: first-load transfer of one widget, gzip -9 (files the demo page fetched besides itself and the payload: ${parts}; ` +
    'fonts: the woff2 faces of Inter for the Unicode ranges the payload draws, already compressed)',
    kb(total), '≤ 200 KB (never above 250 KB)', `${kb(base)} (ImGui hello-world, same flags: ${baseParts})`, `${(total / base).toFixed(2)} ×`,
    total <= 200000 ? 'yes' : total <= 250000 ? '**no** (under the 250 KB cap)' : '**no**');
}

// A translated widget's extra bytes: the one dist/i18n/<lang>.json its page fetches (an English
// page fetches none, checked by the browser test language.test.mjs).
function translationRow() {
  const dir = join(DIST, 'i18n');
  const sizes = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ lang: basename(f, '.json'), bytes: gz(join(dir, f)) }));
  need(sizes.length >= 19, `dist/i18n should hold 19 translations, it holds ${sizes.length}`);
  sizes.sort((a, b) => a.bytes - b.bytes);
  const largest = sizes[sizes.length - 1];
  row(`web: extra transfer of a translated widget, gzip -9 (its i18n/<lang>.json, fetched only for that language; ${sizes.length} languages, smallest ${sizes[0].lang} ${kb(sizes[0].bytes)})`,
    `${kb(largest.bytes)} (${largest.lang}, the largest)`, '≤ 6 KB', '0 (English, built in)', '—', yes(largest.bytes <= 6000));
}

// versus.js as a page first fetches it, built in this run from web/src/ the ways that matter:
// as shipped (web/tools/bundle.mjs --split: what a first frame doesn't need goes into chunks
// fetched on demand), as one file (everything in it: the build before the split), and split
// without the reader's actions menu (menu.js stubbed, its CSS in style.js and its section of
// element.js cut out). All gzip -9.
async function bundleRows() {
  const { build, options, splitOptions, checkSplit } = await import(join(SOURCE_DIR, 'web/tools/bundle.mjs'));
  const src = join(SOURCE_DIR, 'web/src');
  const cut = (text, from, to, put) => {
    const a = text.indexOf(from);
    const b = text.indexOf(to, a);
    need(a >= 0 && b > a, `cannot find "${from}" … "${to}" in web/src to measure the menu`);
    return text.slice(0, a) + put + text.slice(b);
  };
  const without = {
    name: 'without-menu',
    setup(b) {
      b.onLoad({ filter: /web\/src\/(menu|style|element)\.js$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        if (args.path.endsWith('menu.js')) {
          text = 'export const makeMenu=()=>({root:document.createElement("div"),offer(){},close(){},relabel(){}});' +
            'export const loadActions=()=>Promise.resolve({});';
        } else if (args.path.endsWith('style.js')) {
          text = cut(text, '/* The actions menu:', '/* Printed', '');
        } else {
          text = cut(text, '  // [SECTION] Actions:', '  // [SECTION] Input',
            '  #offerActions() {}\n  #act() {}\n  #copy() {}\n  #focusedText() { return null; }\n\n');
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
  const entry = join(src, 'index.js');
  const outdir = await mkdtemp(join(tmpdir(), 'versus-bench-bundle-'));
  // { first: gzip bytes of versus.js, chunks: { file: gzip bytes } }
  const split = async (plugins, define = {}) => {
    const o = splitOptions(entry, '0.0.0', outdir, 'versus');
    const r = await build({ ...o, define: { ...o.define, ...define }, write: false, plugins });
    const { entry: first, chunks } = checkSplit(r.metafile, 'versus.js');
    const gzOf = (path) => gzipSync(r.outputFiles.find((f) => f.path === resolve(path)).contents, { level: 9 }).length;
    return { first: gzOf(first), chunks: Object.fromEntries(chunks.map((c) => [basename(c), gzOf(c)])) };
  };
  try {
    const shipped = await split([]);
    const one = await build({ ...options(entry, '0.0.0'), write: false });
    const oneFile = gzipSync(one.outputFiles[0].contents, { level: 9 }).length;
    const noMenu = await split([without]);
    const actions = shipped.chunks['versus-actions.js'];
    const service = shipped.chunks['versus-service.js'];
    need(actions && service, `the split build should make versus-actions.js and versus-service.js; it made ${Object.keys(shipped.chunks).join(', ')}`);
    row('web: versus.js, what every first load fetches, gzip -9 (split; fetched on demand: versus-actions.js ' +
      `${kb(actions)} when a reader first points at or focuses a widget, versus-service.js ${kb(service)} only with votes="…")`,
      kb(shipped.first), '—', `${kb(oneFile)} (the same sources as one file, this run)`, `${(shipped.first / oneFile).toFixed(2)} ×`, '—');
    const adds = shipped.first - noMenu.first;
    row('web: what the reader\'s actions menu adds to the first load, gzip -9 (its button and items in versus.js; what it does, ' +
      'versus-actions.js, on demand; same split bundle built without the menu in this run)',
      `+${kb(adds)} (${kb(shipped.first)}; + ${kb(actions)} on demand)`, '≤ +3 KB', `${kb(noMenu.first)} (versus.js without the menu)`,
      `${(shipped.first / noMenu.first).toFixed(2)} ×`, yes(adds <= 3000));
    // The loading line in every shipped language (web/tools/bundle.mjs loadingWords): what it adds
    // to an English first load, against the same build holding the English line only.
    const { loadingWords } = await import(join(SOURCE_DIR, 'web/tools/bundle.mjs'));
    const words = loadingWords();
    const english = await split([], { VERSUS_LOADING: JSON.stringify(JSON.stringify({ en: words.en })) });
    const table = shipped.first - english.first;
    row(`web: what the loading line in ${Object.keys(words).length} languages adds to the first load, gzip -9 (versus.js; shown ` +
      'in the page\'s language before the core runs; same split bundle with the English line only, this run)',
    `+${kb(table)} (${kb(shipped.first)})`, '—', `${kb(english.first)} (English line only)`, `${(shipped.first / english.first).toFixed(2)} ×`, '—');
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

async function firstFrameRows(browser, url) {
  const v = [];
  const h = [];
  const scripts = SCRIPT_PAYLOADS.map(() => []);
  const pages = [[v, 'bench-one.html', loadVersus], [h, 'bench/hello.html', loadHello],
    ...SCRIPT_PAYLOADS.map(([, file], k) => [scripts[k], `bench-${file}.html`, loadVersus])];
  for (let i = 0; i < LOADS; i++) {   // interleaved, so that a busy moment of the machine hits all
    for (const [list, path, load] of pages) {
      const page = await freshPage(browser, [countFrames]);
      list.push(await load(page, url + path));
      await page.context().close();
    }
  }
  const vm = median(v.map((x) => x.firstFrameMs));
  const hm = median(h.map((x) => x.firstFrameMs));
  const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  row(`web: element start → first frame, one widget (seed payload), fresh context each load (median of ${LOADS}; range ${range(v.map((x) => x.firstFrameMs))})${smokeNote}`,
    ms(vm), '≤ 1.2 × baseline', `${ms(hm)} (hello-world: its script start → first frame; range ${range(h.map((x) => x.firstFrameMs))})`,
    `${(vm / hm).toFixed(2)} ×`, SMOKE ? '—' : yes(vm <= 1.2 * hm));
  SCRIPT_PAYLOADS.forEach(([name, file], k) => {
    const sm = median(scripts[k].map((x) => x.firstFrameMs));
    row(`web: element start → first frame, ${name} payload (${file}), fresh context each load (median of ${LOADS}; range ${range(scripts[k].map((x) => x.firstFrameMs))})${smokeNote}`,
      ms(sm), '≤ 1.3 × the seed', `${ms(vm)} (the seed, same loads)`, `${(sm / vm).toFixed(2)} ×`, SMOKE ? '—' : yes(sm <= 1.3 * vm));
  });
  const vn = median(v.map((x) => x.navMs));
  const hn = median(h.map((x) => x.navMs));
  need(v.concat(h).every((x) => x.navMs !== null), 'a load drew no animation frame that countFrames saw');
  row(`web: navigation start → first frame, same loads (to the end of the first animation frame that drew, seen from outside alike for both; includes fetching the page and versus.js; median of ${LOADS})${smokeNote}`,
    ms(vn), '—', `${ms(hn)} (hello-world)`, `${(vn / hn).toFixed(2)} ×`, '—');
}

async function idleRow(browser, url) {
  const counts = { versus: [], hello: [] };
  for (let i = 0; i < IDLE_RUNS; i++) {
    for (const [key, path, load] of [['versus', 'bench-one.html', loadVersus], ['hello', 'bench/hello.html', loadHello]]) {
      const page = await freshPage(browser, [countFrames]);
      await load(page, url + path);
      await sleep(1000);   // the same second after the first frame for both, then 3 s counted
      await page.evaluate(() => { window.__versusCounts.raf = 0; window.__versusCounts.draws = 0; });
      await sleep(3000);
      counts[key].push(await page.evaluate(() => ({ ...window.__versusCounts })));
      await page.context().close();
    }
  }
  const f = (list) => `${median(list.map((c) => c.raf))} rAF callbacks, ${median(list.map((c) => c.draws))} WebGL draw calls`;
  const vr = median(counts.versus.map((c) => c.raf));
  const vd = median(counts.versus.map((c) => c.draws));
  const hr = median(counts.hello.map((c) => c.raf));
  row(`web: frames drawn in 3 s of idle, from 1 s after the first frame (median of ${IDLE_RUNS})${smokeNote}`,
    f(counts.versus), '0', `${f(counts.hello)} (hello-world)`, hr ? `${(vr / hr).toFixed(2)} ×` : '—', SMOKE ? '—' : yes(vr === 0 && vd === 0));
}

async function manyRow(browser, url) {
  let worst = { downloads: 0, modules: 0, calls: null };
  for (let i = 0; i < MANY_RUNS; i++) {
    const page = await freshPage(browser, [instrumentWasm]);
    await page.goto(url + 'bench-six.html');
    await waitOrFail(page, 'six versus-ready events', () => window.__ready.length >= 6);
    const errors = await page.evaluate(() => window.__ready.filter((e) => e.error));
    need(errors.length === 0, `widgets failed: ${JSON.stringify(errors)}`);
    const downloads = page.requests.filter((u) => new URL(u).pathname.endsWith('.wasm')).length;
    const calls = await page.evaluate(() => ({ ...window.__wasm }));
    if (downloads + calls.modules >= worst.downloads + worst.modules) worst = { downloads, modules: calls.modules, calls };
    await page.context().close();
  }
  const c = worst.calls;
  row(`web: 6 widgets on one page, wasm downloads / compilations (largest of ${MANY_RUNS}; calls: compileStreaming ${c.compileStreaming}, compile ${c.compile}, ` +
    `instantiate ${c.instantiate} (from the compiled module: one instance per widget), instantiateStreaming ${c.instantiateStreaming})${smokeNote}`,
    `${worst.downloads} / ${worst.modules}`, '1 / 1', '—', '—', SMOKE ? '—' : yes(worst.downloads === 1 && worst.modules === 1));
}

// As tests/browser/unmount.test.mjs: JS heap after a forced GC (CDP), before and after the rounds.
async function unmountRow(url) {
  const browser = await launch(['--js-flags=--expose-gc']);
  try {
    const page = await freshPage(browser);
    await page.goto(url + 'bench-one.html');
    await waitOrFail(page, 'versus-ready', () => window.__ready.length >= 1);
    const heap = await heapMeter(page);
    const cycle = (n) => mountUnmount(page, n, PAYLOAD);
    await cycle(2);   // the shared compiled module exists before the first figure
    const before = await heap();
    const t0 = Date.now();
    await cycle(ROUNDS);
    const secs = (Date.now() - t0) / 1000;
    const after = await heap();
    const grow = after.used - before.used;
    const flat = grow <= 1048576;
    row(`web: mount + unmount a widget ${ROUNDS} times (versus-ready each time; ${secs.toFixed(1)} s), JS heap used after a forced GC; ` +
      `DOM nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}${smokeNote}`,
      `${mib(after.used)}`, 'flat (≤ +1 MiB)', `${mib(before.used)} (after 2 warm-up mounts)`, `${grow >= 0 ? '+' : '−'}${mib(Math.abs(grow))}`,
      SMOKE ? '—' : yes(flat));
  } finally {
    await browser.close().catch(() => {});
  }
}

// [SECTION] Main ----------------------------------------------------------------------------------

let server;
let browser;
try {
  checkBuilt();
  server = await servedFolder();
  browser = await launch();
  await browserRow(browser, server.url);
  await transferRow(browser, server.url);
  translationRow();
  await bundleRows();
  await firstFrameRows(browser, server.url);
  await idleRow(browser, server.url);
  await manyRow(browser, server.url);
  await browser.close();
  browser = null;
  await unmountRow(server.url);
} catch (e) {
  console.error(`bench-web: cannot measure: ${e instanceof Unmeasurable ? e.message : e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.close();
}
