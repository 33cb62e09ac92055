// numbers.test.mjs — the web core reads a payload's numbers as the desktop does. The model turns a
// number's text into a double in one function (src/model/json_number.hpp): the C library's strtod
// on the desktop, the browser's own Number() in the wasm (src/platform/web/json_number_web.cpp).
// Both must give the nearest double: prices at the edge of the double range are accepted or
// refused ("too large") alike, and the web's problem lines are exactly `versus --validate`'s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_DIR, check, log, newPage, run, serveDist, waitFor } from './lib.mjs';

const VERSUS = process.env.VERSUS_BIN || join(SOURCE_DIR, 'build/native/versus');
const seed = readFileSync(join(SOURCE_DIR, 'assets/payloads/haiku-vs-mistral.json'), 'utf8');
check(seed.includes('"entry_usd_month": 0,'), 'the seed payload should price its first tool with "entry_usd_month": 0');

// A number token in the first tool's monthly price, and whether a double holds it.
const CASES = [
  ['19.99', true],
  ['1.7976931348623157e308', true],    // the largest double
  ['1.7976931348623158e308', true],    // rounds down to it (below the halfway point to 2^1024)
  ['1.7976931348623159e308', false],   // rounds up past it: too large
  ['1e400', false],
  ['2e-400', true],                    // rounds to 0
  ['4.9406564584124654e-324', true],   // the smallest subnormal
  ['0.30000000000000004441', true],    // more than 17 digits
];

// What the desktop's validator says of `text` (written to `file`), with the file name left out.
function desktop(text, file) {
  writeFileSync(file, text);
  let out = '';
  try {
    out = execFileSync(VERSUS, ['--validate', file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;   // exit 1: problems
  }
  return out.split('\n').filter((l) => l.startsWith(file)).map((l) => l.slice(file.length));
}

await run('the web core reads numbers as the desktop does', async (browser) => {
  const server = await serveDist();
  const dir = mkdtempSync(join(tmpdir(), 'versus-numbers-'));
  try {
    for (const [token, valid] of CASES) {
      const text = seed.replace('"entry_usd_month": 0,', `"entry_usd_month": ${token},`);
      const lines = desktop(text, join(dir, 'numbers.json'));
      check((lines.length === 0) === valid, `${token}: the desktop should ${valid ? 'accept' : 'refuse'} it, says ${JSON.stringify(lines)}`);
      // A page of its own for each payload, the payload given as text (an object would be
      // re-serialised by JavaScript first).
      const page = await newPage(browser, { width: 1000, height: 900 });
      await page.goto(server.url + 'index.html');
      const result = await page.evaluate((text) => new Promise((resolve) => {
        // The widget alone on the page, loading at once: after the demo's own widget it may lie
        // beyond the lazy-loading margin and never start.
        document.body.replaceChildren();
        const el = document.createElement('versus-widget');
        el.setAttribute('loading', 'eager');
        const done = (e) => resolve({ type: e.type, errors: el.errors });
        el.addEventListener('versus-ready', done, { once: true });
        el.addEventListener('versus-error', done, { once: true });
        el.payload = text;
        document.body.append(el);
      }), text);
      const web = result.errors.map((l) => l.replace(/^[^:]*(?=:\d+:\d+: )/, ''));
      log(token, result.type, JSON.stringify(web));
      check(result.type === (valid ? 'versus-ready' : 'versus-error'), `${token}: the widget should be ${valid ? 'ready' : 'an error'}, got ${result.type}`);
      check(JSON.stringify(web) === JSON.stringify(lines),
        `${token}: the web's problem lines should be the desktop's\n  desktop ${JSON.stringify(lines)}\n  web     ${JSON.stringify(web)}`);
      check(page.problems.length === 0, `${token}: unexpected page problems: ${page.problems.join('; ')}`);
      await page.context().close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
