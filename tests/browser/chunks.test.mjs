// chunks.test.mjs — what a first load leaves out, and fetches when it is needed (web/src/menu.js,
// web/tools/bundle.mjs --split): a page with widgets fetches versus.js and neither chunk; the
// actions menu's button is there at once; pointing at a widget fetches versus-actions.js, once
// for every widget on the page, and any widget's menu then opens with its items; a widget with
// votes="…" fetches versus-service.js, once. All under a strict Content-Security-Policy, with
// any violation failing the test. And when versus-actions.js comes late (held back by the test),
// Ctrl+C on a focused card still copies it, once the chunk is in: the key is taken at once
// (the page's own copy doesn't run), the text follows. Fixture: tests/browser/fixtures/chunks.html.
import { check, log, newPage, run, serveDistWith, sleep, waitFor, waitForEvents } from './lib.mjs';

await run('chunks load on demand, once per page, under a strict CSP', async (browser) => {
  const server = await serveDistWith(['chunks.html']);
  try {
    const page = await newPage(browser, { width: 1000, height: 900 });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
      });
    });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
    const count = (file) => fetched.filter((f) => f === file).length;
    // Waits (up to 10 s) until the requests seen satisfy `fn`.
    const requested = async (fn) => { for (let i = 0; i < 200 && !fn(); i++) await sleep(50); };
    await page.goto(server.url + 'chunks.html');
    await waitForEvents(page, 2);
    await sleep(300);
    log('first load', JSON.stringify(fetched));
    check(count('versus.js') === 1, `versus.js should be fetched once: ${JSON.stringify(fetched)}`);
    check(count('versus-actions.js') === 0 && count('versus-service.js') === 0,
      `a first load should fetch no chunk (no reader near a widget, no votes="…"): ${JSON.stringify(fetched)}`);
    const button = await page.evaluate(() => {
      const b = document.getElementById('a').shadowRoot.querySelector('.actions-button');
      const r = b && b.getBoundingClientRect();
      return b && { visible: r.width > 0 && r.height > 0 && !b.closest('[hidden]'), label: b.getAttribute('aria-label') };
    });
    check(button && button.visible, `the menu button should be there before its chunk: ${JSON.stringify(button)}`);

    // A reader points at the first widget: the menu's chunk comes, once.
    await page.hover('#a');
    await requested(() => count('versus-actions.js') > 0);
    check(count('versus-actions.js') === 1, `pointing at a widget should fetch versus-actions.js: ${JSON.stringify(fetched)}`);

    // The second widget's menu opens with its items, from the same chunk.
    await page.click('#b >> .actions-button');
    await waitFor(page, 'the second widget\'s menu open', () => {
      const m = document.getElementById('b').shadowRoot.querySelector('[role="menu"]');
      return m && !m.hidden;
    });
    const menu = await page.evaluate(() => {
      const root = document.getElementById('b').shadowRoot;
      return { items: [...root.querySelectorAll('[role="menuitem"]')].filter((i) => !i.hidden).map((i) => i.textContent),
        focused: root.activeElement && root.activeElement.textContent,
        expanded: root.querySelector('.actions-button').getAttribute('aria-expanded') };
    });
    log('menu', JSON.stringify(menu));
    check(menu.items.length === 4 && menu.focused === menu.items[0] && menu.expanded === 'true',
      `the second widget's menu should open on its first item: ${JSON.stringify(menu)}`);
    await page.keyboard.press('Escape');
    check(count('versus-actions.js') === 1, `versus-actions.js should be fetched once for the page: ${JSON.stringify(fetched)}`);

    // A widget with votes="…": the vote service's client comes, once (its service is absent here:
    // the widget says so quietly and keeps the votes on this device).
    await page.evaluate(() => {
      const w = document.createElement('versus-widget');
      w.id = 'c';
      w.setAttribute('src', 'payloads/haiku-vs-mistral.json');
      w.setAttribute('votes', 'no-service');
      w.setAttribute('loading', 'eager');
      document.body.prepend(w);
    });
    await waitForEvents(page, 3);
    await requested(() => fetched.some((f) => f.startsWith('no-service/')));
    log('after votes="…"', JSON.stringify(fetched.filter((f) => !f.startsWith('fonts/'))));
    check(count('versus-service.js') === 1, `a widget with votes="…" should fetch versus-service.js once: ${JSON.stringify(fetched)}`);
    check(fetched.some((f) => f.startsWith('no-service/v1/comparisons/')),
      `the widget with votes="…" should ask its service for the tallies: ${JSON.stringify(fetched)}`);

    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    const problems = page.problems.filter((p) => !p.includes('/no-service/'));
    check(problems.length === 0, `the page reported problems: ${problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});

await run('Ctrl+C on a card before versus-actions.js is in copies the card when it arrives', async (browser) => {
  const server = await serveDistWith(['chunks.html']);
  try {
    const page = await newPage(browser, { width: 1000, height: 900 });
    await page.addInitScript(() => {
      window.__taken = [];
      window.__ctrlC = [];
      document.addEventListener('versus-action', (e) => window.__taken.push(e.detail));
      // after the widget's own handler (the event bubbles out of the shadow root): was it taken?
      document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'c') window.__ctrlC.push(e.defaultPrevented); });
    });
    let release;
    const held = new Promise((ok) => { release = ok; });
    let asked = 0;
    await page.route('**/versus-actions.js', async (route) => { asked++; await held; await route.continue(); });
    await page.goto(server.url + 'chunks.html');
    await waitForEvents(page, 2);
    await page.keyboard.press('Tab');   // the first widget's surface: the chunk is asked for, and held
    let taken = false;
    for (let i = 0; i < 16 && !taken; i++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Control+c');
      taken = await page.evaluate(() => window.__ctrlC[window.__ctrlC.length - 1] === true);
    }
    check(asked === 1, `focusing the widget should ask for versus-actions.js once, asked ${asked} times`);
    check(taken, 'Ctrl+C on a card or quote should be taken by the widget while its chunk is still on the way');
    check((await page.evaluate(() => window.__taken.length)) === 0, 'nothing can be copied before versus-actions.js is in');
    release();
    await waitFor(page, 'the copy once versus-actions.js is in', () => window.__taken.length > 0, null, { report: () => window.__taken });
    const copied = await page.evaluate(() => window.__taken[0]);
    log('late Ctrl+C', JSON.stringify(copied).slice(0, 160));
    check(copied.action === 'copy' && copied.from === 'focus' && copied.text.length > 20,
      `Ctrl+C should copy the focused card or quote once the chunk is in: ${JSON.stringify(copied)}`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
