// errors.test.mjs — a payload that cannot be shown (invalid, not JSON, 404, a src that is not a
// URL) fires `versus-error` with exactly the lines `versus --validate` prints, and the element
// shows them in an error card (text, never markup) instead of a blank box. A valid widget on the
// same page is unaffected.
// Fixtures: tests/browser/fixtures/errors.html and payloads/, served beside a copy of dist.
import { check, log, newPage, run, serveDistWith, waitFor, waitForEvents } from './lib.mjs';

// What `versus --validate haiku.json syntax.json` prints for the fixtures (same model code).
const EXPECTED = {
  invalid: [
    'haiku.json:5:97: error: /tools/0/license/commercial_use: expected a boolean, got the string "no"',
    'haiku.json:6:13: error: /tools/1/id: must match ^[a-z0-9][a-z0-9-]{0,63}$ (lowercase letters, digits and \'-\'), got "Mistral 4B"',
    'haiku.json:6:35: error: /tools/1/name: must be 1 to 120 characters long, got 0',
    'haiku.json:6:46: error: /tools/1/url: must be an absolute http: or https: URL, got "javascript:alert(1)"',
    'haiku.json:9:3: warning: /colour: unknown field "colour" is ignored',
  ],
  syntax: [
    'syntax.json:4:14: error: syntax error: expected a value or \']\', got \'}\'',
  ],
};

function same(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

await run('payloads that cannot be shown give versus-error and an error card', async (browser) => {
  const server = await serveDistWith(['errors.html', 'payloads/haiku.json', 'payloads/syntax.json']);
  try {
    const page = await newPage(browser, { width: 1000, height: 900 });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(server.url + 'errors.html');
    const evs = await waitForEvents(page, 4);
    const byId = Object.fromEntries(evs.map((e) => [e.id, e]));
    log('events', JSON.stringify(evs.map((e) => [e.id, e.type])));
    check(evs.length === 4 && Object.keys(byId).length === 4, `one event per widget expected, got ${JSON.stringify(evs)}`);

    for (const id of ['invalid', 'syntax']) {
      const ev = byId[id];
      check(ev.type === 'versus-error', `#${id}: expected versus-error, got ${ev.type}`);
      check(same(ev.detail.errors, EXPECTED[id]),
        `#${id}: detail.errors should be exactly the --validate lines\n  expected ${JSON.stringify(EXPECTED[id], null, 2)}\n  got      ${JSON.stringify(ev.detail.errors, null, 2)}`);
    }

    const missingUrl = server.url + 'payloads/missing.json';
    const missing = byId.missing;
    check(missing.type === 'versus-error', `#missing: expected versus-error, got ${missing.type}`);
    check(same(missing.detail.errors, [`${missingUrl}: error: cannot load the payload: HTTP 404 Not Found`]),
      `#missing: expected one line naming the URL and the status, got ${JSON.stringify(missing.detail.errors)}`);

    check(wasm.length === 1, `4 widgets should share one download of the core, got ${wasm.length}`);
    check(byId.valid.type === 'versus-ready', `#valid: a valid widget beside broken ones should be ready, got ${byId.valid.type}`);

    // The error cards show the same lines as text; the canvas is out of the way.
    // The card frames each line in the widget's words (English here): "Error (haiku.json, line 5,
    // column 97): " then the validator's problem as the event carries it. (A payload that could not
    // be fetched is framed once the core runs: wait for it.)
    const frame = (l) => l.replace(/^(.*?):(\d+):(\d+): (error|warning): /,
      (_, file, line, col, sev) => `${sev === 'error' ? 'Error' : 'Warning'} (${file}, line ${line}, column ${col}): `)
      .replace(/^(.*?): (error|warning): /, (_, where, sev) => `${sev === 'error' ? 'Error' : 'Warning'} (${where}): `);
    await waitFor(page, 'the missing payload\'s card framed', (want) =>
      [...document.getElementById('missing').shadowRoot.querySelectorAll('.error li')].map((li) => li.textContent).join('\n') === want,
    missing.detail.errors.map(frame).join('\n'));
    for (const [id, lines] of [['invalid', EXPECTED.invalid], ['syntax', EXPECTED.syntax], ['missing', missing.detail.errors]]) {
      const card = await page.evaluate((id) => {
        const root = document.getElementById(id).shadowRoot;
        const cardEl = root.querySelector('.error');
        const canvas = root.querySelector('canvas');
        const r = cardEl.getBoundingClientRect();
        return {
          visible: !cardEl.hidden && r.height > 20 && r.width > 100,
          items: [...cardEl.querySelectorAll('li')].map((li) => li.textContent),
          markup: cardEl.querySelectorAll('img, script').length,
          canvasHeight: canvas.getBoundingClientRect().height,
          text: cardEl.textContent,
        };
      }, id);
      check(card.visible, `#${id}: the error card is not visible`);
      const framed = lines.map(frame);
      check(same(card.items, framed), `#${id}: the card should list the lines ${JSON.stringify(framed)}, shows ${JSON.stringify(card.items)}`);
      check(card.markup === 0, `#${id}: payload strings became markup in the error card`);
      check(card.canvasHeight === 0, `#${id}: the canvas should give way to the error card (height ${card.canvasHeight})`);
      check(/can.t be shown/.test(card.text), `#${id}: the card should say the comparison can't be shown: ${card.text}`);
    }
    // The screenshot of the error card must show text, not an empty box.
    await page.locator('#invalid').screenshot({ path: process.env.VERSUS_SHOT_DIR ? `${process.env.VERSUS_SHOT_DIR}/errors.png` : undefined });

    check(same(page.problems, [`HTTP 404 for ${missingUrl}`]), `unexpected page problems: ${page.problems.join('; ')}`);

    // Changing src reloads: the broken widget recovers, the good one breaks, each on its own.
    await page.evaluate(() => {
      window.__versusEvents.length = 0;
      document.getElementById('invalid').setAttribute('src', 'payloads/haiku-vs-mistral.json');
    });
    const [recovered] = await waitForEvents(page, 1);
    check(recovered.id === 'invalid' && recovered.type === 'versus-ready',
      `#invalid given a valid src should fire versus-ready, got ${JSON.stringify(recovered)}`);
    const shown = await page.evaluate(() => {
      const root = document.getElementById('invalid').shadowRoot;
      return { card: root.querySelector('.error').hidden, canvas: root.querySelector('canvas').getBoundingClientRect().height };
    });
    check(shown.card && shown.canvas > 300, `#invalid should now show the canvas instead of the card: ${JSON.stringify(shown)}`);
    await page.evaluate(() => {
      window.__versusEvents.length = 0;
      document.getElementById('valid').setAttribute('src', 'payloads/syntax.json');
    });
    const [broke] = await waitForEvents(page, 1);
    check(broke.id === 'valid' && broke.type === 'versus-error' && same(broke.detail.errors, EXPECTED.syntax),
      `#valid given a broken src should fire versus-error with its lines, got ${JSON.stringify(broke)}`);
    // A src that is not a URL at all: one line saying so, not a page error and a widget left loading.
    await page.evaluate(() => {
      window.__versusEvents.length = 0;
      document.getElementById('syntax').setAttribute('src', 'http://[bad');
    });
    const [notUrl] = await waitForEvents(page, 1);
    check(notUrl.id === 'syntax' && notUrl.type === 'versus-error' &&
      same(notUrl.detail.errors, ['http://[bad: error: cannot load the payload: the src attribute is not a URL']),
    `#syntax given a src that is not a URL should fire versus-error saying so, got ${JSON.stringify(notUrl)}`);
    check(same(page.problems, [`HTTP 404 for ${missingUrl}`]), `unexpected page problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
