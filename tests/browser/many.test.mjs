// many.test.mjs — one snippet, many widgets: six widgets on a long page (src, an inline
// <script type="application/json">, el.payload; two added later by the page's own script) share
// ONE download and ONE compilation of the WebAssembly module (counted from outside, by wrapping
// WebAssembly's functions in an init script), each gets its own instance; widgets far below the
// viewport don't even start until scrolled near; changing any payload source redraws.
// Fixture: many.html (+ many.js, many.css), payloads from tests/payloads/valid.
import { check, instrumentWasm, log, newPage, rendered, renditionText, run, serveDistWith, sleep, waitFor } from './lib.mjs';

const ready = (page) => page.evaluate(() => [...new Set(window.__versusEvents.filter((e) => e.type === 'versus-ready').map((e) => e.id))].sort());

await run('six widgets share one download and one compilation', async (browser) => {
  const server = await serveDistWith(['many.html', 'many.js', 'many.css'], [
    { from: 'tests/payloads/valid/six-tools.json', to: 'payloads/six-tools.json' },
    { from: 'tests/payloads/valid/three-tools.json', to: 'payloads/three-tools.json' },
  ]);
  try {
    const page = await newPage(browser, { width: 1000, height: 800 });
    await page.addInitScript(instrumentWasm);
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(server.url + 'many.html');

    // The two near the top are up; the ones far below have not started.
    await waitFor(page, '#a and #b ready', () => ['a', 'b'].every((id) => window.__versusEvents.some((e) => e.id === id)),
      null, { timeout: 60000, report: () => window.__versusEvents });
    await sleep(500);
    const early = await page.evaluate(() => ({ wasm: { ...window.__wasm }, events: window.__versusEvents.map((e) => e.id) }));
    log('at the top:', JSON.stringify(early));
    check(!early.events.includes('d') && !early.events.includes('f'), `widgets far below should not load yet: ${JSON.stringify(early.events)}`);
    check(early.wasm.instantiate <= 3, `only the widgets near the viewport should have instances, got ${early.wasm.instantiate}`);

    // Scroll down the article: every widget comes up.
    // (The page grows as widgets come up: measure it again at each step.)
    for (let y = 0; y <= await page.evaluate(() => document.documentElement.scrollHeight); y += 600) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await rendered(page);   // seen at this position by the widgets' intersection observers
    }
    await waitFor(page, 'all six widgets ready', () => new Set(window.__versusEvents.filter((e) => e.type === 'versus-ready').map((e) => e.id)).size >= 6,
      null, { timeout: 60000, report: () => window.__versusEvents });
    const all = await ready(page);
    check(JSON.stringify(all) === '["a","b","c","d","e","f"]', `every widget should be ready: ${JSON.stringify(all)}`);
    const w = await page.evaluate(() => ({ ...window.__wasm }));
    log('wasm requests', wasm.length, 'calls', JSON.stringify(w));
    check(wasm.length === 1, `the wasm should be fetched once for six widgets, got ${wasm.length}`);
    check(w.modules === 1, `the wasm should be compiled once for six widgets, got ${JSON.stringify(w)}`);
    check(w.instantiate === 6, `each widget should get its own instance (6), got ${w.instantiate}`);
    // One global: compare the window's own properties with a blank page's (same init scripts).
    const globals = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const blank = new Set(Object.getOwnPropertyNames(frame.contentWindow));
      frame.remove();
      return Object.getOwnPropertyNames(window).filter((k) => !blank.has(k) && !k.startsWith('__'));
    });
    check(JSON.stringify(globals) === '["Versus"]', `versus.js should define one global, Versus; new globals: ${JSON.stringify(globals)}`);

    // Each shows its own payload, from its own source.
    const titles = {};
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) titles[id] = (await renditionText(page, id)).slice(0, 60);
    log('titles', JSON.stringify(titles));
    check(/Inline one/.test(titles.b) && /From script/.test(titles.f) && /Six open models/.test(titles.c), `unexpected contents: ${JSON.stringify(titles)}`);

    // Changing a source redraws: the inline script's text, el.payload, src.
    const readyCount = (id) => page.evaluate((id) => window.__versusEvents.filter((e) => e.id === id && e.type === 'versus-ready').length, id);
    for (const [id, change, expect] of [
      ['b', () => { document.querySelector('#b script').textContent = '{"version": 1, "title": "Inline two", "tools": [{"id": "z", "name": "Zed", "license": {"name": "MIT", "commercial_use": false}}]}'; }, /Inline two/],
      ['f', () => { document.getElementById('f').payload = { version: 1, title: 'Script two', tools: [{ id: 't', name: 'Tee', license: { name: 'MIT', commercial_use: true } }] }; }, /Script two/],
      ['a', () => { document.getElementById('a').setAttribute('src', 'payloads/three-tools.json'); }, /Quill vs Forge vs Lumen/],
    ]) {
      const before = await readyCount(id);
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
      await page.evaluate(change);
      await waitFor(page, `#${id} ready again after its source changed`, ([id, n]) =>
        window.__versusEvents.filter((e) => e.id === id && e.type === 'versus-ready').length > n, [id, before]);
      const text = await renditionText(page, id);
      check(expect.test(text), `#${id} should show the new payload (${expect}), shows ${text.slice(0, 80)}`);
    }
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
