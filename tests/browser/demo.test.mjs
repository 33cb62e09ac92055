// demo.test.mjs — the demo page (dist/index.html, the public embed snippet) shows the seed
// comparison: `versus-ready` fires with a sane firstFrameMs, the canvas holds a real drawing (not
// a blank box), the element is as tall as its content (the canvas holds the part of it near the
// viewport), and the canvas backing store is its CSS size × devicePixelRatio at ratio 1 and 2, so
// text is drawn at device resolution.
import { check, events, log, newPage, pixelStats, run, serveDist, waitForEvents } from './lib.mjs';

async function openDemo(browser, url, dpr) {
  const page = await newPage(browser, { width: 1280, height: 900, dpr });
  const wasmRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmRequests.push(r.url()); });
  await page.goto(url);
  const [ev] = await waitForEvents(page, 1);
  check(ev.type === 'versus-ready',
    `dpr ${dpr}: expected versus-ready, got ${ev.type} ${JSON.stringify(ev.detail)}`);
  const ms = ev.detail.firstFrameMs;
  check(typeof ms === 'number' && Number.isFinite(ms) && ms > 0 && ms < 30000,
    `dpr ${dpr}: versus-ready detail.firstFrameMs should be a time in ms since loading, got ${ms}`);
  log(`dpr ${dpr}: versus-ready after ${ms.toFixed(0)} ms`);
  return { page, wasmRequests };
}

async function geometry(page) {
  return page.evaluate(() => {
    const host = document.querySelector('versus-widget');
    const canvas = host.shadowRoot.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    const s = host.shadowRoot.querySelector('.surface').getBoundingClientRect();
    return {
      cssW: r.width, cssH: r.height, backingW: canvas.width, backingH: canvas.height,
      hostW: h.width, hostH: h.height, contentH: s.height, dpr: devicePixelRatio,
    };
  });
}

await run('demo page shows the seed comparison', async (browser) => {
  const server = await serveDist();
  try {
    // devicePixelRatio 1: ready, not blank, sized to content.
    const { page, wasmRequests } = await openDemo(browser, server.url, 1);
    const g1 = await geometry(page);
    log('dpr 1 geometry', JSON.stringify(g1));
    check(g1.cssW > 600, `the widget should fill the page column, but its canvas is ${g1.cssW} px wide`);
    check(g1.contentH > 400 && g1.cssH > 400, `the seed comparison should be taller than 400 px, content ${g1.contentH} px, canvas ${g1.cssH} px`);
    check(Math.abs(g1.hostH - g1.contentH) <= 1, `the element (${g1.hostH} px) should be exactly as tall as its content (${g1.contentH} px)`);
    check(g1.cssH <= g1.contentH && g1.cssH >= Math.min(g1.contentH, 900),
      `the canvas (${g1.cssH} px) should hold at least the viewport's height of the content (${g1.contentH} px)`);
    check(g1.backingW === Math.round(g1.cssW) && g1.backingH === Math.round(g1.cssH),
      `dpr 1: backing store ${g1.backingW}×${g1.backingH} should equal the CSS size ${g1.cssW}×${g1.cssH}`);
    check(wasmRequests.length === 1, `the wasm should be fetched once, got ${JSON.stringify(wasmRequests)}`);

    const canvas = page.locator('versus-widget').locator('canvas');
    const stats = await pixelStats(browser, await canvas.screenshot());
    log('dpr 1 pixels', JSON.stringify(stats));
    check(stats.distinctColours >= 64, `the canvas looks blank: only ${stats.distinctColours} distinct colours`);
    check(stats.lumaStdDev >= 8, `the canvas looks blank: luminance standard deviation ${stats.lumaStdDev.toFixed(2)}`);
    check(stats.nonBackground >= 0.03, `the canvas looks blank: ${(stats.nonBackground * 100).toFixed(1)} % of pixels differ from the background`);

    const evs = await events(page);
    check(evs.length === 1, `exactly one event expected, got ${JSON.stringify(evs)}`);

    // The pixel ratio changes under a running widget (browser zoom, another screen): the backing
    // store follows and the fonts are rasterised again. (A real zoom also fires the element's
    // resolution media query; this emulation doesn't, so a pointer move brings the next frame.)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 2, mobile: false });
    const hb = await page.locator('versus-widget').boundingBox();
    await page.mouse.move(hb.x + 40, hb.y + 40);
    await page.waitForFunction(() => {
      const c = document.querySelector('versus-widget').shadowRoot.querySelector('canvas');
      return devicePixelRatio === 2 && c.width === Math.round(c.getBoundingClientRect().width * 2);
    }, null, { timeout: 10000 }).catch(() => {});
    const gz = await geometry(page);
    log('dpr 1 → 2 geometry', JSON.stringify(gz));
    check(gz.backingW === Math.round(gz.cssW * 2) && gz.backingH === Math.round(gz.cssH * 2),
      `after devicePixelRatio 1 → 2 the backing store ${gz.backingW}×${gz.backingH} should be ${gz.cssW}×${gz.cssH} × 2`);
    const statsZ = await pixelStats(browser, await canvas.screenshot());
    check(statsZ.distinctColours >= 64 && statsZ.lumaStdDev >= 8, `after the ratio change the canvas looks blank: ${JSON.stringify(statsZ)}`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();

    // devicePixelRatio 2: the backing store is CSS size × 2 (sharp text), and still not blank.
    const { page: page2 } = await openDemo(browser, server.url, 2);
    const g2 = await geometry(page2);
    log('dpr 2 geometry', JSON.stringify(g2));
    check(g2.dpr === 2, `deviceScaleFactor 2 expected, page reports ${g2.dpr}`);
    check(g2.backingW === Math.round(g2.cssW * 2) && g2.backingH === Math.round(g2.cssH * 2),
      `dpr 2: backing store ${g2.backingW}×${g2.backingH} should be the CSS size ${g2.cssW}×${g2.cssH} × 2`);
    // Layout is in CSS pixels: the height barely depends on the ratio (fonts round to whole
    // device pixels, 12.5 px text is 13 px at ratio 1), it must not double.
    check(Math.abs(g2.contentH - g1.contentH) <= 0.05 * g1.contentH,
      `the height should be in CSS pixels, nearly the same at any ratio: ${g1.contentH} px at 1, ${g2.contentH} px at 2`);
    const stats2 = await pixelStats(browser, await page2.locator('versus-widget').locator('canvas').screenshot());
    log('dpr 2 pixels', JSON.stringify(stats2));
    check(stats2.width === g2.backingW, `dpr 2 screenshot should be ${g2.backingW} px wide, got ${stats2.width}`);
    check(stats2.distinctColours >= 64 && stats2.lumaStdDev >= 8, `dpr 2: the canvas looks blank: ${JSON.stringify(stats2)}`);
    check(page2.problems.length === 0, `the page reported problems: ${page2.problems.join('; ')}`);
    await page2.context().close();
  } finally {
    await server.close();
  }
});
