// language.test.mjs — the widget speaks the reader's language (issue 10): the page's <html lang>,
// the element's own lang, the payload's lang and labels (which win), right to left for Arabic;
// the canvas's frame record shows the translated words, the HTML rendition carries lang and dir
// and the same figures, the words are fetched only for a language other than English, and axe
// finds nothing on Arabic and Japanese pages. Screenshots (de, ja, ar) go to shotDir().
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canvasFigures, check, clickItem, drawnItems, log, newPage, renditionFigures, run, serveDistWith, shotDir, waitFor, waitForEvents } from './lib.mjs';

const find = (items, role, text) => items.find((i) => i.role === role && (text === undefined || i.text === text));

async function open(browser, server, query, requests) {
  const page = await newPage(browser, { width: 1100, height: 900 });
  page.on('request', (r) => requests?.push(r.url()));
  await page.goto(`${server.url}language.html?${query}`);
  await waitForEvents(page, 1);
  return page;
}

async function rendition(page) {
  return page.evaluate(() => {
    const r = document.getElementById('w').shadowRoot.querySelector('.rendition');
    return { lang: r.getAttribute('lang'), dir: r.getAttribute('dir'), text: r.textContent };
  });
}

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).analyze();
  const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' >> ')).join('; ')}`);
  log(`${name}: ${result.passes.length} rules pass, ${result.violations.length} violations`);
  check(result.violations.length === 0, `${name}: axe-core violations:\n  ${lines.join('\n  ')}`);
}

async function sameFigures(page, what) {
  const canvas = canvasFigures(await drawnItems(page, 'w'));
  const html = await renditionFigures(page, 'w');
  check(JSON.stringify(canvas) === JSON.stringify(html), `${what}: canvas and rendition figures differ: ${JSON.stringify(canvas)} vs ${JSON.stringify(html)}`);
  return canvas;
}

await run('the widget speaks the page\'s, the element\'s or the payload\'s language', async (browser) => {
  const server = await serveDistWith(['language.html', 'payloads/seed-fr-labels.json']);
  try {
    // English page: nothing more is fetched.
    let requests = [];
    let page = await open(browser, server, '', requests);
    let items = await drawnItems(page, 'w');
    check(find(items, 'vote.ship', 'Ship'), 'an English page shows "Ship"');
    check(!requests.some((u) => u.includes('/i18n/')), `an English page fetches no translation: ${requests.join(' ')}`);
    check((await rendition(page)).lang === 'en', 'the English rendition has lang="en"');
    await page.context().close();

    // <html lang="de">.
    requests = [];
    page = await open(browser, server, 'html=de', requests);
    items = await drawnItems(page, 'w');
    for (const [role, text] of [['vote.ship', 'Einsetzen'], ['vote.skip', 'Verzichten'], ['filters.label', 'Nach Lizenz filtern'],
      ['chip', 'Kommerzielle Nutzung'], ['vote.label', 'Würden Sie es einsetzen?'], ['heading', 'Urteile im Panel'],
      ['tool.panel', '75\u00a0%'], ['tool.figure-label', 'Einstiegspreis']]) {
      check(find(items, role, text), `<html lang="de">: the canvas should draw ${role} "${text}"; it drew ${JSON.stringify(items.filter((i) => i.role === role).map((i) => i.text))}`);
    }
    check(!find(items, 'vote.ship', 'Ship'), 'no English verdict word on a German page');
    check(requests.filter((u) => u.includes('/i18n/')).length === 1 && requests.some((u) => u.endsWith('/i18n/de.json')),
      `a German page fetches i18n/de.json once: ${requests.filter((u) => u.includes('/i18n/')).join(' ')}`);
    let r = await rendition(page);
    check(r.lang === 'de' && r.dir === 'ltr', `German rendition: lang=${r.lang} dir=${r.dir}`);
    check(r.text.includes('Gutachten im Überblick') && !r.text.includes('Reviewer scorecard'), 'the rendition is German too');
    log('de figures', JSON.stringify(await sameFigures(page, 'de')));
    const menu = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return { label: root.querySelector('.actions-button').getAttribute('aria-label'),
        items: [...root.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent) };
    });
    check(menu.label === 'Diesen Vergleich speichern oder kopieren' && menu.items.includes('Text kopieren'),
      `the actions menu speaks German: ${JSON.stringify(menu)}`);
    await page.screenshot({ path: join(shotDir(), 'language-de.png'), fullPage: true });
    await page.context().close();

    // lang on the element (the page is English).
    page = await open(browser, server, 'el=ja');
    items = await drawnItems(page, 'w');
    check(find(items, 'vote.ship', '採用'), `lang="ja" on the element: "採用" expected, got ${JSON.stringify(find(items, 'vote.ship'))}`);
    check(find(items, 'filters.label', 'ライセンスで絞り込む'), 'Japanese filter label');
    r = await rendition(page);
    check(r.lang === 'ja' && r.dir === 'ltr', `Japanese rendition: lang=${r.lang} dir=${r.dir}`);
    await sameFigures(page, 'ja');
    await page.screenshot({ path: join(shotDir(), 'language-ja.png'), fullPage: true });
    await axe(page, 'Japanese page');
    await page.context().close();

    // The payload's lang and labels win over the page's.
    page = await open(browser, server, 'html=de&payload=seed-fr-labels.json');
    items = await drawnItems(page, 'w');
    check(find(items, 'vote.ship', 'Acheter') && find(items, 'vote.skip', 'Passer'), 'the publisher\'s verdict words');
    check(find(items, 'vote.label', 'L’achèteriez-vous ?'), 'the publisher\'s vote question');
    check(find(items, 'chip', 'Usage commercial'), 'the payload\'s language (fr) over the page\'s (de)');
    check(find(items, 'bar.figures', '3 Acheter \u00b7 1 Passer \u00b7 75\u00a0% Acheter'), 'the split line with the publisher\'s words');
    r = await rendition(page);
    check(r.lang === 'fr' && r.text.includes('Acheter'), `French rendition with the publisher's words: lang=${r.lang}`);
    // The versus-filter event names the chips in the widget's words.
    await clickItem(page, 'w', find(items, 'chip', 'Usage commercial'));
    await page.waitForFunction(() => window.__versusActions.some((a) => a.type === 'versus-filter'), null, { timeout: 15000 });
    const filter = await page.evaluate(() => window.__versusActions.find((a) => a.type === 'versus-filter').detail);
    check(JSON.stringify(filter.active) === JSON.stringify(['Usage commercial']), `versus-filter active: ${JSON.stringify(filter.active)}`);
    await page.context().close();

    // <html lang="ar" dir="rtl">.
    page = await open(browser, server, 'html=ar&dir=rtl');
    items = await drawnItems(page, 'w');
    check(find(items, 'vote.ship', 'اعتمد'), `Arabic verdict word expected, got ${JSON.stringify(find(items, 'vote.ship'))}`);
    check(find(items, 'filters.label', 'التصفية حسب الترخيص'), 'Arabic filter label');
    r = await rendition(page);
    check(r.lang === 'ar' && r.dir === 'rtl', `Arabic rendition: lang=${r.lang} dir=${r.dir}`);
    check(await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.widget').getAttribute('dir')) === 'rtl',
      'the widget\'s HTML parts are right to left');
    await sameFigures(page, 'ar');
    await page.screenshot({ path: join(shotDir(), 'language-ar.png'), fullPage: true });
    await axe(page, 'Arabic page');
    await page.context().close();
  } finally {
    await server.close();
  }
});

// English words a reader must not meet on a German, Japanese or Arabic page (the widget's own
// words; the payload's text is the publisher's and stays as written).
const ENGLISH = /\b(Loading|Entry|License|Panel ship|Ship|Skip|Vendor|Category|Tagline|Website|Save|Copy|Download|Error|line \d|column \d|by Anthropic|Interactive comparison)\b/;

// The widget's HTML parts a reader meets: texts, aria-labels, titles (the rendition, the menu, the
// loading line, the error card), with the shadow root's elements.
const chromeText = (page) => page.evaluate(() => {
  const root = document.getElementById('w').shadowRoot;
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    for (const a of ['aria-label', 'title', 'aria-roledescription']) if (el.getAttribute(a)) out.push(`${a}=${el.getAttribute(a)}`);
  }
  for (const el of root.querySelectorAll('.actions, .status, .error, .note')) out.push(el.textContent);
  return out;
});

const downloadOf = async (page, trigger) => {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), trigger()]);
  return readFile(await dl.path(), 'utf8');
};
// Runs one action of the menu as a reader's clicks do: the button, then (once the menu is open:
// its code may still be on the way, versus-actions.js) the item.
const menuAction = async (page, action) => {
  await page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.actions-button').click());
  await waitFor(page, 'the actions menu open', () => !document.getElementById('w').shadowRoot.querySelector('.actions-menu').hidden);
  await page.evaluate((action) => document.getElementById('w').shadowRoot.querySelector(`[data-action="${action}"]`).click(), action);
};

await run('no English chrome on German, Japanese and Arabic pages: loading line, copy text, CSV, error card, menu', async (browser) => {
  const server = await serveDistWith(['language.html']);
  try {
    // [Loading] The line shown until the core runs (held back here) is in the page's language.
    for (const [lang, want, rtl] of [['de', 'Vergleich wird geladen\u2026', false], ['ja', '\u6bd4\u8f03\u3092\u8aad\u307f\u8fbc\u3093\u3067\u3044\u307e\u3059\u2026', false],
      ['ar', '\u062c\u0627\u0631\u064d \u062a\u062d\u0645\u064a\u0644 \u0627\u0644\u0645\u0642\u0627\u0631\u0646\u0629\u2026', true], ['en', 'Loading comparison\u2026', false]]) {
      const page = await newPage(browser, { width: 800, height: 600 });
      let release;
      const gate = new Promise((ok) => { release = ok; });
      await page.route('**/versus-core.wasm', async (route) => { await gate; await route.continue(); });
      await page.goto(`${server.url}language.html?html=${lang}${rtl ? '&dir=rtl' : ''}`);
      const status = () => {
        const s = document.getElementById('w')?.shadowRoot?.querySelector('.status');
        return s && !s.hidden ? { text: s.textContent, lang: s.lang, rtl: s.matches(':dir(rtl)') } : null;
      };
      await waitFor(page, 'the loading line', status);
      const got = await page.evaluate(status);
      check(got.text === want && got.lang === lang && got.rtl === rtl,
        `<html lang="${lang}">: the loading line should read "${want}" (${rtl ? 'rtl' : 'ltr'}): ${JSON.stringify(got)}`);
      if (lang === 'ar') await page.screenshot({ path: join(shotDir(), 'language-ar-loading.png') });
      release();
      await waitForEvents(page, 1);
      await page.context().close();
    }
    log('loading line: de, ja, ar, en');

    // [Copy text, CSV, menu] A German page: the copied text and the CSV say what the canvas says,
    // in German, with its figures.
    const page = await newPage(browser, { width: 1100, height: 900 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.addInitScript(() => {
      window.__taken = [];
      document.addEventListener('versus-action', (e) => window.__taken.push(e.detail));
    });
    await page.goto(`${server.url}language.html?html=de`);
    await waitForEvents(page, 1);
    const csv = await downloadOf(page, () => menuAction(page, 'csv'));
    const lines = csv.trim().split('\r\n');
    const header = lines[0].split(',');
    log('de csv header', lines[0]);
    check(lines[0] === 'ID,Name,Anbieter,Kategorie,Kurzbeschreibung,Panel: einsetzen,Panelurteile: Einsetzen,Panelurteile: Verzichten,Community,Einstiegspreis,Monatlich,Lizenz,Lizenzmerkmale,Kommerzielle Nutzung,Hinweise,Website',
      `the CSV header should be German: ${lines[0]}`);
    const figures = canvasFigures(await drawnItems(page, 'w'));
    for (const line of lines.slice(1)) {
      const row = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      const cell = (name) => row[header.indexOf(name)];
      const canvas = figures[cell('ID')];
      check(canvas && cell('Panel: einsetzen') === canvas[0] && cell('Community') === canvas[1] && cell('Einstiegspreis') === canvas[2],
        `the CSV's figures of ${cell('ID')} should be the canvas's: ${[cell('Panel: einsetzen'), cell('Community'), cell('Einstiegspreis')]} vs ${canvas}`);
    }
    await menuAction(page, 'copy');
    await waitFor(page, 'a copy action', () => window.__taken.some((t) => t.action === 'copy'));
    const copied = await page.evaluate(() => window.__taken.find((t) => t.action === 'copy').text);
    log('de copy text', JSON.stringify(copied.slice(0, 240)));
    for (const want of ['von Anthropic', 'Panel: einsetzen: 50\u00a0%', 'Einstiegspreis: ', 'Lizenz: ', '(Einsetzen \u00b7 ']) {
      check(copied.includes(want), `the copied text should say "${want}": ${JSON.stringify(copied.slice(0, 400))}`);
    }
    // (The payload's own text is English here; the widget's words are not.)
    check(!/^(by |Entry: |License: |Panel ship: )|\((Ship|Skip) \u00b7 | \/ month$/m.test(copied), `no English word of the widget in the copied text: ${JSON.stringify(copied.slice(0, 600))}`);
    const chrome = await chromeText(page);
    check(!chrome.some((t) => ENGLISH.test(t)), `no English word in the widget's HTML parts: ${JSON.stringify(chrome.filter((t) => ENGLISH.test(t)))}`);
    await page.context().close();

    // [Error card] The validator's problems framed in the page's language; the problem as written.
    for (const [lang, head, title] of [['de', /^Fehler \(bad\.json, Zeile 1, Spalte \d+\)$/, 'Dieser Vergleich kann nicht angezeigt werden'],
      ['ar', /^\u062e\u0637\u0623 \(bad\.json\u060c \u0627\u0644\u0633\u0637\u0631 1\u060c \u0627\u0644\u0639\u0645\u0648\u062f \d+\)$/, null]]) {
      const p = await newPage(browser, { width: 900, height: 700 });
      await p.route('**/payloads/bad.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"version": 2, "title": "", "tools": []}' }));
      await p.goto(`${server.url}language.html?html=${lang}&payload=bad.json${lang === 'ar' ? '&dir=rtl' : ''}`);
      await waitForEvents(p, 1);
      const card = await p.evaluate(() => {
        const e = document.getElementById('w').shadowRoot.querySelector('.error');
        return { title: e.querySelector('h2').textContent, heads: [...e.querySelectorAll('.where')].map((w) => w.textContent),
          details: [...e.querySelectorAll('bdi')].map((b) => `${b.lang}/${b.dir}: ${b.textContent}`), rtl: e.matches(':dir(rtl)') };
      });
      log(`${lang} error card`, JSON.stringify(card).slice(0, 300));
      check(card.heads.length > 0 && card.heads.every((h) => head.test(h)), `${lang}: the problems' framing should be in the page's language: ${JSON.stringify(card.heads)}`);
      check(card.details.every((d) => d.startsWith('en/ltr: ')), `${lang}: the validator's messages are marked English, left to right: ${JSON.stringify(card.details)}`);
      if (title) check(card.title === title, `${lang}: the card's title: ${card.title}`);
      check(card.rtl === (lang === 'ar'), `${lang}: the card's direction`);
      await p.screenshot({ path: join(shotDir(), `language-${lang}-error.png`) });
      await p.context().close();
    }

    // [A payload that cannot be fetched] Reported at once, then in the page's language once the
    // core runs (no second versus-error).
    {
      const p = await newPage(browser, { width: 900, height: 700 });
      await p.route('**/payloads/missing.json', (route) => route.fulfill({ status: 404, body: 'no' }));
      await p.goto(`${server.url}language.html?html=de&payload=missing.json`);
      await waitForEvents(p, 1);
      const card = () => {
        const e = document.getElementById('w').shadowRoot.querySelector('.error');
        return { title: e.querySelector('h2')?.textContent, heads: [...e.querySelectorAll('.where')].map((w) => w.textContent) };
      };
      await waitFor(p, 'the card in German', () => {
        const e = document.getElementById('w').shadowRoot.querySelector('.error');
        return e.querySelector('h2')?.textContent === 'Dieser Vergleich kann nicht angezeigt werden';
      }, null, { report: card });
      const got = await p.evaluate(card);
      check(got.heads.length === 1 && /^Fehler \(http:.*missing\.json\)$/.test(got.heads[0]), `the 404's framing in German: ${JSON.stringify(got)}`);
      const errors = await p.evaluate(() => window.__versusEvents.filter((e) => e.type === 'versus-error').length);
      check(errors === 1, `one versus-error for the 404, got ${errors}`);
      await p.context().close();
    }

    // [Menu in RTL] The actions button sits at the inline end: the left on Arabic and Hebrew pages,
    // clear of the header's kicker and title, at phone and desktop widths.
    for (const lang of ['ar', 'he']) {
      for (const width of [360, 1280]) {
        const p = await newPage(browser, { width, height: 900 });
        await p.goto(`${server.url}language.html?html=${lang}&dir=rtl`);
        await waitForEvents(p, 1);
        const at = await p.evaluate(() => {
          const w = document.getElementById('w');
          const box = w.getBoundingClientRect();
          const b = w.shadowRoot.querySelector('.actions-button').getBoundingClientRect();
          const canvas = w.shadowRoot.querySelector('.surface').getBoundingClientRect();   // the drawn items' origin
          return { left: b.left - box.left, right: box.right - b.right, top: b.top - canvas.top, bottom: b.bottom - canvas.top,
            x0: b.left - canvas.left, x1: b.right - canvas.left };
        });
        const items = await drawnItems(p, 'w');
        const clash = items.filter((i) => ['kicker', 'title', 'question'].includes(i.role) &&
          i.x0 < at.x1 && i.x1 > at.x0 && i.y0 < at.bottom && i.y1 > at.top);
        check(at.left < 12 && at.right > width / 2, `${lang} ${width}px: the menu button should be on the left: ${JSON.stringify(at)}`);
        check(clash.length === 0, `${lang} ${width}px: the menu button overlaps ${JSON.stringify(clash)}`);
        await p.evaluate(() => document.getElementById('w').setAttribute('theme', 'dark'));
        await p.screenshot({ path: join(shotDir(), `language-${lang}-${width}-dark.png`) });
        await p.context().close();
      }
    }
    log('menu button at the left in ar and he, 360 and 1280 px');
  } finally {
    await server.close();
  }
});

// The words of a widget that will speak German are asked for with the core's downloads, as soon as
// the payload says which language it speaks (element.js #load), not once the core has run and
// read it: a round trip less before the first frame. The wasm is held back here until the words
// are asked for (or 5 s): a widget that waits for its core first asks for them only after that.
await run('the words are asked for before the core is in', async (browser) => {
  const server = await serveDistWith(['language.html']);
  try {
    const page = await newPage(browser, { width: 1100, height: 900 });
    let asked = null;
    const wordsAsked = new Promise((ok) => { asked = ok; });
    page.on('request', (r) => { if (r.url().endsWith('/i18n/de.json')) asked(); });
    let held = null;
    await page.route('**/versus-core.wasm', async (route) => {
      const t0 = Date.now();
      const first = await Promise.race([wordsAsked.then(() => true), new Promise((ok) => setTimeout(() => ok(false), 5000))]);
      held = { first, ms: Date.now() - t0 };
      await route.continue();
    });
    await page.goto(`${server.url}language.html?html=de`);
    const [ev] = await waitForEvents(page, 1);
    log(`wasm held until the words were asked for: ${JSON.stringify(held)}`);
    check(ev.type === 'versus-ready', `the widget should be ready, got ${JSON.stringify(ev)}`);
    check(held && held.first, `i18n/de.json should be asked for while the core downloads; it was not within 5 s of the wasm's request`);
    const items = await drawnItems(page, 'w');
    check(find(items, 'vote.ship', 'Einsetzen'), 'the German page shows "Einsetzen"');
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
