// touch.test.mjs — on a phone (390 px wide, devicePixelRatio 3, touch), the widget fits the
// width, and a tap on "Show more" unfolds the quote (pointer events carry touch to the core).
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
        limit, pageW: document.documentElement.scrollWidth };
    });
    log('phone geometry', JSON.stringify(g));
    check(g.pageW <= 390, `the page should not scroll sideways on a phone (scrollWidth ${g.pageW})`);
    // The seed is ~3900 CSS px tall on a phone: × 3 exceeds what WebGL draws into (often 8192 px
    // a side), so the whole canvas takes one smaller scale instead of being clamped on one side.
    check(g.dbw === g.bw && g.dbh === g.bh, `the browser clamped the drawing buffer (${g.dbw}×${g.dbh} for a ${g.bw}×${g.bh} canvas)`);
    const expected = Math.min(3, Math.floor(Math.min(g.limit / g.w, g.limit / g.h) * 8) / 8);
    check(Math.abs(g.bw / g.w - expected) < 0.01 && Math.abs(g.bh / g.h - expected) < 0.01,
      `backing ${g.bw}×${g.bh} should be ${g.w}×${g.h} × ${expected} (devicePixelRatio 3, WebGL limit ${g.limit})`);
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
