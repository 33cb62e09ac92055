// context.test.mjs — the WebGL2 context a widget draws with. versus.js makes it while the core
// downloads (web/src/core.js makeContext, GL_ATTRIBUTES), before versus_init
// (src/platform/web/core.cpp) asks for it with its own attributes and gets that same context: so
// the two lists of attributes must agree, and the context on the page must have them.
import { readFileSync } from 'node:fs';
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
