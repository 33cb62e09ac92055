// language.test.mjs — the widget speaks the reader's language (issue 10): the page's <html lang>,
// the element's own lang, the payload's lang and labels (which win), right to left for Arabic;
// the canvas's frame record shows the translated words, the HTML rendition carries lang and dir
// and the same figures, the words are fetched only for a language other than English, and axe
// finds nothing on Arabic and Japanese pages. Screenshots (de, ja, ar) go to shotDir().
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { canvasFigures, check, clickItem, drawnItems, log, newPage, renditionFigures, run, serveDistWith, shotDir, waitForEvents } from './lib.mjs';

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
