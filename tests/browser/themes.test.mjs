// themes.test.mjs — the look: screenshots of the seed in light and dark at 1280 and 360 CSS px
// (themes-*.png in shotDir(), for a person to look at), each checked not to be blank and to have
// the theme's background; theme="auto" follows prefers-color-scheme live; accent="#e11d48"
// recolours the accent (canvas pixels and the HTML parts); a 16-tool payload on a phone at
// devicePixelRatio 3 is drawn at full resolution (backing = CSS size × 3).
import { join } from 'node:path';
import { check, log, newPage, pixelStats, run, serveDistWith, shotDir, waitFor, waitForEvents } from './lib.mjs';

const CANVAS_PIXELS = async (page, rgb) => page.evaluate(async (rgb) => {
  const el = document.getElementById('w');
  el.drawnItems();   // draws a frame now: the drawing buffer is read in the same task
  const c = el.shadowRoot.querySelector('canvas');
  const b = await createImageBitmap(c);
  const o = new OffscreenCanvas(b.width, b.height).getContext('2d');
  o.drawImage(b, 0, 0);
  const { data } = o.getImageData(0, 0, b.width, b.height);
  let near = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 30) near++;
  }
  const at = (4 * b.width + 4) * 4;   // 4 px in from the slice's corner
  return { corner: [data[at], data[at + 1], data[at + 2]], near };
}, rgb);

const settle = (page) => waitFor(page, 'the widget to settle', () => new Promise((ok) => {
  const c = document.getElementById('w').shadowRoot.querySelector('.surface').getBoundingClientRect().height;
  setTimeout(() => ok(c === document.getElementById('w').shadowRoot.querySelector('.surface').getBoundingClientRect().height), 400);
}));

await run('light and dark at 1280 and 360 px, auto, accent, 16 tools on a phone', async (browser) => {
  const server = await serveDistWith(['themes.html'], [
    { from: 'tests/payloads/valid/max-counts-16-tools-64-reviewers-1024-reviews.json', to: 'payloads/sixteen.json' },
  ]);
  try {
    for (const theme of ['light', 'dark']) {
      for (const [width, dpr] of [[1280, 1], [360, 2]]) {
        const page = await newPage(browser, { width, height: 900, dpr, touch: width < 500 });
        await page.goto(server.url + 'themes.html');
        await page.evaluate((t) => document.getElementById('w').setAttribute('theme', t), theme);
        await waitForEvents(page, 1);
        await settle(page);
        const png = join(shotDir(), `themes-${theme}-${width}.png`);
        // The whole widget in one picture: the canvas holds the rows near the viewport, so the
        // viewport is made as tall as the widget first (a screenshot "beyond the viewport" would
        // show only the slice).
        const tall = await page.evaluate(() => Math.ceil(document.getElementById('w').getBoundingClientRect().bottom + 16));
        await page.setViewportSize({ width, height: Math.min(tall, Math.floor(8000 / dpr)) });
        await settle(page);
        await page.evaluate(() => document.getElementById('w').drawnItems());
        await page.locator('#w').screenshot({ path: png });
        await page.evaluate(() => window.scrollTo(0, 0));
        const px = await CANVAS_PIXELS(page, [0, 0, 0]);
        const stats = await pixelStats(browser, await page.locator('#w').screenshot());
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        log(`${theme} ${width}px: ${png} ${JSON.stringify(stats)} corner ${px.corner}`);
        check(stats.distinctColours >= 64 && stats.lumaStdDev >= 8, `${theme} ${width}: looks blank: ${JSON.stringify(stats)}`);
        check(theme === 'dark' ? px.corner.every((v) => v < 40) : px.corner.every((v) => v > 230), `${theme} ${width}: background ${px.corner}`);
        check(scroll <= width, `${theme} ${width}: the page scrolls sideways (${scroll} px)`);
        await page.context().close();
      }
    }

    // theme="auto" follows the reader's scheme, live.
    const page = await newPage(browser, { width: 900, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url + 'themes.html');
    await page.evaluate(() => document.getElementById('w').setAttribute('theme', 'auto'));
    await waitForEvents(page, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    const corner = async () => (await CANVAS_PIXELS(page, [0, 0, 0])).corner;
    check((await corner()).every((v) => v > 230), `auto with a light scheme should be light: ${await corner()}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitFor(page, 'theme=auto to turn dark with the scheme', () => document.getElementById('w').shadowRoot.querySelector('.widget').dataset.theme === 'dark');
    await page.waitForTimeout(300);
    check((await corner()).every((v) => v < 40), `auto with a dark scheme should turn dark at once: ${await corner()}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await waitFor(page, 'theme=auto to turn light again', () => document.getElementById('w').shadowRoot.querySelector('.widget').dataset.theme === 'light');

    // accent: the canvas draws it, the HTML parts wear it.
    const before = await CANVAS_PIXELS(page, [225, 29, 72]);
    await page.evaluate(() => document.getElementById('w').setAttribute('accent', '#e11d48'));
    await waitFor(page, 'the accent custom property', () =>
      document.getElementById('w').shadowRoot.querySelector('.widget').style.getPropertyValue('--vs-accent') === '#e11d48');
    await page.waitForTimeout(300);
    const after = await CANVAS_PIXELS(page, [225, 29, 72]);
    log(`accent pixels: ${before.near} → ${after.near}`);
    check(after.near > before.near + 50, `accent="#e11d48" should be drawn on the canvas: ${before.near} → ${after.near} pixels of it`);
    await page.locator('#w').screenshot({ path: join(shotDir(), 'themes-accent.png'), clip: undefined });
    await page.context().close();

    // 16 tools on a phone at devicePixelRatio 3: sharp.
    const phone = await newPage(browser, { width: 360, height: 780, dpr: 3, touch: true });
    await phone.goto(server.url + 'themes.html');
    await waitForEvents(phone, 1);
    await phone.evaluate(() => document.getElementById('w').setAttribute('src', 'payloads/sixteen.json'));
    await waitFor(phone, 'the 16-tool payload', () => window.__versusEvents.filter((e) => e.type === 'versus-ready').length >= 2,
      null, { timeout: 60000, report: () => window.__versusEvents });
    await phone.evaluate(() => window.scrollTo(0, 5000));
    await phone.waitForTimeout(500);
    const g = await phone.evaluate(() => {
      const host = document.getElementById('w');
      const c = host.shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { contentH: host.getBoundingClientRect().height, w: r.width, h: r.height, top: r.top, bottom: r.bottom, bw: c.width, bh: c.height };
    });
    log('16 tools, 360 px, dpr 3:', JSON.stringify(g));
    check(g.bw === Math.round(g.w * 3) && g.bh === Math.round(g.h * 3), `16 tools on a phone should be drawn at the full ratio: ${JSON.stringify(g)}`);
    check(g.top <= 0 && g.bottom >= 780, `the canvas should cover the viewport after scrolling: ${JSON.stringify(g)}`);
    await phone.screenshot({ path: join(shotDir(), 'themes-sixteen-360-dpr3.png') });
    check(phone.problems.length === 0, `the page reported problems: ${phone.problems.join('; ')}`);
    await phone.context().close();
  } finally {
    await server.close();
  }
});
