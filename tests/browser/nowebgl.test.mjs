// nowebgl.test.mjs — without WebGL the comparison is still there: the element shows its HTML
// rendition, visibly and styled with the widget's palette (cards, figures, license facts,
// reviews, links that are ordinary Tab stops), and fires versus-ready with renderer "html".
// Two ways: a page whose getContext('webgl2') returns null, and Chromium run with --disable-webgl.
// Screenshots: nowebgl-*.png in shotDir().
import { join } from 'node:path';
import { check, log, newPage, noWebGL, pixelStats, run, serveDist, shotDir, waitForEvents } from './lib.mjs';

async function checkHtml(browser, page, name) {
  const [ev] = await waitForEvents(page, 1);
  check(ev.type === 'versus-ready' && ev.detail.renderer === 'html', `${name}: expected versus-ready with renderer "html", got ${JSON.stringify(ev)}`);
  const r = await page.evaluate(() => {
    const root = document.querySelector('versus-widget').shadowRoot;
    const sec = root.querySelector('.rendition');
    const box = sec.getBoundingClientRect();
    const card = root.querySelector('.rendition .r-card');
    const cs = getComputedStyle(card);
    return {
      behind: sec.classList.contains('behind-canvas'),
      hidden: sec.hidden,
      w: box.width, h: box.height,
      surfaceShown: !root.querySelector('.surface').hidden,
      cards: root.querySelectorAll('.rendition .r-card').length,
      reviews: root.querySelectorAll('.rendition .r-reviews li').length,
      figures: [...root.querySelectorAll('.rendition dd')].map((d) => d.textContent),
      cardBg: cs.backgroundColor, cardRadius: cs.borderTopLeftRadius,
      tabStops: [...root.querySelectorAll('.rendition a')].filter((a) => a.tabIndex === 0).length,
      heading: root.querySelector('.rendition h2') && root.querySelector('.rendition h2').textContent,
    };
  });
  log(name, JSON.stringify(r));
  check(!r.hidden && !r.behind && r.w > 300 && r.h > 400, `${name}: the rendition should be shown, not hidden: ${JSON.stringify(r)}`);
  check(!r.surfaceShown, `${name}: the canvas surface should give way`);
  check(r.cards === 2 && r.reviews >= 4, `${name}: two tool cards and the reviews expected: ${r.cards} cards, ${r.reviews} reviews`);
  check(r.figures.includes('50%') && r.figures.includes('Free'), `${name}: the card figures should be there: ${JSON.stringify(r.figures)}`);
  check(r.cardBg === 'rgb(255, 255, 255)' && r.cardRadius === '10px', `${name}: cards should wear the palette (card colour, rounding): ${r.cardBg} ${r.cardRadius}`);
  check(r.tabStops >= 3, `${name}: shown as HTML, the links should be Tab stops (${r.tabStops})`);
  check(r.heading === 'Claude Haiku Open Weights vs Mistral 4B', `${name}: the title should be the rendition's heading: ${r.heading}`);
  const png = join(shotDir(), `nowebgl-${name}.png`);
  await page.locator('versus-widget').screenshot({ path: png });
  const stats = await pixelStats(browser, await page.locator('versus-widget').screenshot());
  check(stats.distinctColours > 16 && stats.lumaStdDev > 5, `${name}: the HTML rendition looks blank: ${JSON.stringify(stats)}`);
  check(page.problems.length === 0, `${name}: the page reported problems: ${page.problems.join('; ')}`);
}

const server = await serveDist();
try {
  await run('without WebGL (getContext returns null) the HTML rendition shows', async (browser) => {
    const page = await newPage(browser, { width: 1100, height: 900 });
    await page.addInitScript(noWebGL);
    await page.goto(server.url);
    await checkHtml(browser, page, 'getcontext-null');
    await page.context().close();
  });
  await run('with Chromium --disable-webgl the HTML rendition shows', async (browser) => {
    const page = await newPage(browser, { width: 390, height: 844, dpr: 2 });
    await page.goto(server.url);
    await checkHtml(browser, page, 'disable-webgl-phone');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 390, `the HTML rendition should not scroll sideways on a phone (scrollWidth ${wide})`);
    await page.context().close();
  }, { args: ['--disable-webgl'] });
} finally {
  await server.close();
}
