// context.test.mjs — the WebGL2 context a widget draws with. versus.js makes it while the core
// downloads (web/src/core.js makeContext, GL_ATTRIBUTES), before versus_init
// (src/platform/web/core.cpp) asks for it with its own attributes and gets that same context: so
// the two lists of attributes must agree, and the context on the page must have them.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check, log, newPage, run, serveDistWith, SOURCE_DIR, waitForEvents } from './lib.mjs';
import { GL_ATTRIBUTES } from '../../web/src/core.js';

// The attributes versus_init sets (`attrs.NAME = true|false;`), with what
// emscripten_webgl_init_context_attributes leaves for the others it zeroes.
function coreAttributes() {
  const src = readFileSync(join(SOURCE_DIR, 'src/platform/web/core.cpp'), 'utf8');
  const body = src.slice(src.indexOf('versus_init('), src.indexOf('emscripten_webgl_create_context('));
  const out = { powerPreference: 'default', failIfMajorPerformanceCaveat: false };
  for (const m of body.matchAll(/attrs\.(\w+) = (true|false);/g)) {
    if (m[1] !== 'enableExtensionsByDefault') out[m[1]] = m[2] === 'true';
  }
  return out;
}

await run('the context made early is the one versus_init asks for', async (browser) => {
  const want = coreAttributes();
  log('versus_init:', JSON.stringify(want));
  check(Object.keys(want).length >= 8, `could not read versus_init's attributes from core.cpp: ${JSON.stringify(want)}`);
  for (const [k, v] of Object.entries(want)) {
    check(GL_ATTRIBUTES[k] === v, `web/src/core.js GL_ATTRIBUTES.${k} is ${GL_ATTRIBUTES[k]}, versus_init asks for ${v}`);
  }
  check(Object.keys(GL_ATTRIBUTES).length === Object.keys(want).length,
    `GL_ATTRIBUTES has attributes versus_init does not set: ${Object.keys(GL_ATTRIBUTES).filter((k) => !(k in want))}`);

  const server = await serveDistWith();
  try {
    const page = await newPage(browser);
    await page.goto(server.url + 'index.html');
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready' && ev.detail.renderer === 'webgl', `expected a widget drawn with WebGL, got ${JSON.stringify(ev)}`);
    const got = await page.evaluate((id) => {
      const el = id ? document.getElementById(id) : document.querySelector('versus-widget');
      const gl = el.shadowRoot.querySelector('canvas').getContext('webgl2');
      return gl ? gl.getContextAttributes() : null;
    }, ev.id);
    log('the widget\'s context:', JSON.stringify(got));
    check(got, 'the widget\'s canvas has no WebGL2 context');
    for (const k of ['alpha', 'depth', 'stencil', 'antialias', 'premultipliedAlpha', 'preserveDrawingBuffer']) {
      check(got[k] === want[k], `the widget's context has ${k} ${got[k]}, versus_init asks for ${want[k]}`);
    }
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
  } finally {
    await server.close();
  }
});

// Making a context holds the main thread (6–27 ms under SwiftShader), and a busy main thread holds
// back what the downloads bring: so the widget asks for its payload, its fonts and its core first,
// and makes the context only once the core's compilation is under way (web/src/core.js
// coreCompiling), before versus_init.
await run('the context is made once the downloads are asked for and the core compiles', async (browser) => {
  const server = await serveDistWith();
  try {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      const made = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        if (kind === 'webgl2' && window.__contextAt === undefined) window.__contextAt = performance.now();
        return made.call(this, kind, ...rest);
      };
    });
    await page.goto(server.url + 'index.html');
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready' && ev.detail.renderer === 'webgl', `expected a widget drawn with WebGL, got ${JSON.stringify(ev)}`);
    const { contextAt, fetched } = await page.evaluate(() => ({
      contextAt: window.__contextAt,
      fetched: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').slice(3).join('/'), start: r.startTime, headers: r.responseStart })),
    }));
    const first = (pattern) => fetched.find((r) => pattern.test(r.name));
    const payload = first(/^payloads\/.*\.json$/);
    const wasm = first(/^versus-core\.wasm$/);
    const font = first(/^fonts\/.*\.woff2$/);
    log(`context made at ${contextAt.toFixed(1)} ms; asked for: payload ${payload?.start.toFixed(1)}, font ${font?.start.toFixed(1)}, ` +
      `wasm ${wasm?.start.toFixed(1)} (its response began ${wasm?.headers.toFixed(1)})`);
    check(typeof contextAt === 'number', 'the widget made no WebGL2 context');
    check(payload && wasm && font, `the page should fetch a payload, the wasm and a font face: ${JSON.stringify(fetched.map((r) => r.name))}`);
    for (const [what, r] of [['the payload', payload], ['a font face', font], ['the wasm', wasm]]) {
      check(r.start < contextAt, `${what} was asked for at ${r.start.toFixed(1)} ms, after the context was made (${contextAt.toFixed(1)} ms)`);
    }
    check(wasm.headers <= contextAt, `the context was made at ${contextAt.toFixed(1)} ms, before the wasm's response began (${wasm.headers.toFixed(1)} ms): its compilation cannot have been under way`);
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
  } finally {
    await server.close();
  }
});

// Sizing a canvas whose context is made allocates its drawing buffer again, waiting for the GPU
// process (4 ms here): a widget drawn in one pass at first (in or below the view) has its context
// made at its first frame's size (element.js #firstCanvasSize), and its canvas is not sized again
// before that frame, at either ratio. Under max-height its first frame's size is known only after
// a layout pass: the context is made at the default size and sized once.
await run('the context is made at the first frame\'s size: the canvas is not sized again before it', async (browser) => {
  const server = await serveDistWith();
  try {
    const pageWith = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="versus.js"></script></head><body>
<versus-widget src="payloads/haiku-vs-mistral.json" ${attrs}></versus-widget></body></html>`;
    await writeFile(join(server.dir, 'one.html'), pageWith(''));
    await writeFile(join(server.dir, 'capped.html'), pageWith('max-height="400"'));
    for (const [dpr, file] of [[1, 'one.html'], [2, 'one.html'], [1, 'capped.html']]) {
      const page = await newPage(browser, { width: 1000, height: 700, dpr });
      await page.addInitScript(() => {
        window.__sized = [];
        const made = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
          if (kind === 'webgl2' && !this.__made) {
            this.__made = true;
            window.__sized.push(`context ${this.width}×${this.height}`);
          }
          return made.call(this, kind, ...rest);
        };
        for (const prop of ['width', 'height']) {
          const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, prop);
          Object.defineProperty(HTMLCanvasElement.prototype, prop, {
            ...d,
            set(v) { if (this.__made && !window.__ready) window.__sized.push(`${prop} ${v}`); d.set.call(this, v); },
          });
        }
        document.addEventListener('versus-ready', (e) => {
          window.__ready = true;
          const c = e.target.shadowRoot.querySelector('canvas');
          window.__firstFrame = `context ${c.width}×${c.height}`;   // before the slice grows
        });
      });
      await page.goto(server.url + file);
      const [ev] = await waitForEvents(page, 1);
      check(ev.type === 'versus-ready' && ev.detail.renderer === 'webgl', `${file}: expected a widget drawn with WebGL, got ${JSON.stringify(ev)}`);
      const sized = await page.evaluate(() => window.__sized);
      log(`${file} at dpr ${dpr}: ${sized.join(', ')}`);
      check(sized.length >= 1 && sized[0].startsWith('context'), `${file}: no WebGL2 context was made: ${sized.join(', ')}`);
      if (file === 'capped.html') {
        check(sized.length === 3 && sized[0] === 'context 300×150', `${file}: the context should be made at the default size, then sized once: ${sized.join(', ')}`);
      } else {
        const fb = await page.evaluate(() => window.__firstFrame);
        check(sized.length === 1 && sized[0] === fb,
          `${file}: the context should be made at the first frame's size (${fb}) and the canvas not sized again: ${sized.join(', ')}`);
      }
      check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
      await page.context().close();
    }
  } finally {
    await server.close();
  }
});
