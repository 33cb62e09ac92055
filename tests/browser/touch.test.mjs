// touch.test.mjs — on a phone (390 px wide, devicePixelRatio 3, touch), the widget fits the
// width, its canvas is sharp (backing = CSS size × 3: it holds only the rows near the viewport, so
// it never exceeds WebGL's limit however tall the comparison), scrolling far down moves that slice
// with the page, and a tap on "Show more" unfolds the quote (pointer events carry touch to the core).
// Fixture: the demo page.
import { check, log, newPage, pixelStats, run, serveDist, waitForEvents } from './lib.mjs';

await run('a phone reader can tap the widget', async (browser) => {
  const server = await serveDist();
  try {
    const page = await newPage(browser, { width: 390, height: 844, dpr: 3, touch: true });
    await page.goto(server.url);
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready', `expected versus-ready, got ${JSON.stringify(ev)}`);
    const g = await page.evaluate(() => {
      const host = document.querySelector('versus-widget');
      const c = host.shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const gl = c.getContext('webgl2');   // the widget's own context
      const limit = Math.min(...gl.getParameter(gl.MAX_VIEWPORT_DIMS), gl.getParameter(gl.MAX_RENDERBUFFER_SIZE));
      return { w: r.width, h: r.height, bw: c.width, bh: c.height, dbw: gl.drawingBufferWidth, dbh: gl.drawingBufferHeight,
        limit, pageW: document.documentElement.scrollWidth, contentH: host.getBoundingClientRect().height };
    });
    log('phone geometry', JSON.stringify(g));
    check(g.pageW <= 390, `the page should not scroll sideways on a phone (scrollWidth ${g.pageW})`);
    // The seed is ~3900 CSS px tall on a phone: × 3 would exceed what WebGL draws into (often 8192
    // px a side). The canvas holds a slice of it at the full ratio instead.
    check(g.dbw === g.bw && g.dbh === g.bh, `the browser clamped the drawing buffer (${g.dbw}×${g.dbh} for a ${g.bw}×${g.bh} canvas)`);
    check(g.bw === Math.round(g.w * 3) && g.bh === Math.round(g.h * 3),
      `backing ${g.bw}×${g.bh} should be the canvas's ${g.w}×${g.h} CSS px × 3 (sharp at devicePixelRatio 3)`);
    check(g.bh <= g.limit, `the canvas (${g.bh} device px tall) should stay within WebGL's limit ${g.limit}`);
    check(g.contentH > g.h, `the seed on a phone should be taller (${g.contentH} px) than the canvas slice (${g.h} px)`);
    // Scrolled to the bottom, the slice follows: the canvas covers the viewport's rows.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => {
      const c = document.querySelector('versus-widget').shadowRoot.querySelector('canvas').getBoundingClientRect();
      return c.top <= 0 && c.bottom >= Math.min(innerHeight, document.querySelector('versus-widget').getBoundingClientRect().bottom) - 1;
    }, null, { timeout: 10000 }).catch(() => {});
    const low = await page.evaluate(() => {
      const host = document.querySelector('versus-widget');
      const c = host.shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { top: c.top, bottom: c.bottom, hostBottom: host.getBoundingClientRect().bottom, vh: innerHeight };
    });
    log('scrolled to the bottom: canvas', JSON.stringify(low));
    check(low.top <= 0 && low.bottom >= Math.min(low.vh, low.hostBottom) - 1,
      `scrolled down, the canvas should cover the visible rows of the widget: ${JSON.stringify(low)}`);
    const lowStats = await pixelStats(browser, await page.screenshot());
    check(lowStats.distinctColours >= 32 && lowStats.lumaStdDev >= 5, `the bottom of the widget looks blank: ${JSON.stringify(lowStats)}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    const stats = await pixelStats(browser, await page.locator('versus-widget').locator('canvas').screenshot());
    check(stats.distinctColours >= 64 && stats.lumaStdDev >= 8, `the canvas looks blank: ${JSON.stringify(stats)}`);

    const items = await page.evaluate(() => document.querySelector('versus-widget').drawnItems());
    const more = items.find((i) => i.role === 'quote.more');
    check(more, 'a "Show more" link (role quote.more) should be drawn on a phone');
    await page.evaluate((itemY) => {
      const r = document.querySelector('versus-widget').getBoundingClientRect();
      window.scrollTo(0, window.scrollY + r.top + itemY - 300);
    }, more.y0);
    const box = await page.locator('versus-widget').boundingBox();
    const before = box.height;
    await page.touchscreen.tap(box.x + (more.x0 + more.x1) / 2, box.y + (more.y0 + more.y1) / 2);
    await page.waitForFunction((h) => document.querySelector('versus-widget').getBoundingClientRect().height > h + 10,
      before, { timeout: 5000 }).catch(() => {});
    const after = (await page.locator('versus-widget').boundingBox()).height;
    log(`tap "Show more": height ${before} → ${after}`);
    check(after > before + 10, `tapping "Show more" should grow the element, height ${before} → ${after}`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
