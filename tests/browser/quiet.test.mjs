// quiet.test.mjs — a widget costs nothing while nothing changes: zero requestAnimationFrame
// callbacks and zero WebGL draw calls during 3 s of idle (counted from outside, by wrapping the
// page's requestAnimationFrame and WebGL2's draw calls); zero while it is scrolled off-screen
// even when its theme and width change (the change is drawn when it comes back); zero while the
// tab is hidden. Fixture: interaction.html.
import { check, countFrames, framesDuring, log, newPage, pixelStats, rendered, run, serveDistWith, settled, sleep, waitFor, waitForEvents } from './lib.mjs';

await run('the widget draws nothing while idle, off-screen or hidden', async (browser) => {
  const server = await serveDistWith(['interaction.html']);
  try {
    const page = await newPage(browser, { width: 1100, height: 800 });
    await page.addInitScript(countFrames);
    await page.goto(server.url + 'interaction.html');
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready', `expected versus-ready, got ${JSON.stringify(ev)}`);

    // Idle: wait until the frames after loading stop (no frame asked for), then 3 s.
    await settled(page);
    const idle = await framesDuring(page, 3000);
    log('idle 3 s:', JSON.stringify(idle));
    check(idle.raf === 0 && idle.draws === 0, `an idle widget must draw nothing, got ${JSON.stringify(idle)}`);

    // Off-screen: scroll far below it, then change its theme and the page's width.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitFor(page, 'the widget to be far off-screen', () => document.getElementById('w').getBoundingClientRect().bottom < -300);
    await rendered(page);   // its intersection observer has told it so (no fixed sleep)
    await settled(page);
    const offscreen = await page.evaluate(() => {
      window.__versusCounts.raf = 0;
      window.__versusCounts.draws = 0;
      document.getElementById('w').setAttribute('theme', 'dark');
      return true;
    }).then(() => page.setViewportSize({ width: 900, height: 800 })).then(() => framesDuring(page, 1500));
    log('off-screen, theme and width changed, 1.5 s:', JSON.stringify(offscreen));
    check(offscreen.raf === 0 && offscreen.draws === 0, `an off-screen widget must draw nothing, got ${JSON.stringify(offscreen)}`);

    // Back on screen: the change is drawn (dark background).
    await page.evaluate(() => window.scrollTo(0, 0));
    await waitFor(page, 'the widget to draw again on screen', () => window.__versusCounts.draws > 0);
    await sleep(300);
    const shot = await page.locator('#w').screenshot({ clip: undefined });
    const stats = await pixelStats(browser, shot);
    log('back on screen:', JSON.stringify(stats));
    const bg = await page.evaluate(async () => {
      const el = document.getElementById('w');
      el.drawnItems();   // draws a frame now: the drawing buffer is read in the same task
      const b = await createImageBitmap(el.shadowRoot.querySelector('canvas'));
      const o = new OffscreenCanvas(b.width, b.height).getContext('2d');
      o.drawImage(b, 0, 0);
      return [...o.getImageData(4, 4, 1, 1).data].slice(0, 3);
    });
    check(bg.every((v) => v > 5 && v < 60), `back on screen the dark theme should be drawn, corner pixel ${bg}`);

    // A hidden tab: nothing, even when something changes; shown again, the change is drawn.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await sleep(300);
    const hidden = await page.evaluate(() => {
      window.__versusCounts.raf = 0;
      window.__versusCounts.draws = 0;
      document.getElementById('w').setAttribute('theme', 'light');
    }).then(() => framesDuring(page, 1500));
    log('hidden tab, theme changed, 1.5 s:', JSON.stringify(hidden));
    check(hidden.raf === 0 && hidden.draws === 0, `a widget in a hidden tab must draw nothing, got ${JSON.stringify(hidden)}`);
    await page.evaluate(() => {
      delete document.visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(page, 'the widget to draw again in a visible tab', () => window.__versusCounts.draws > 0);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
