// unmount.test.mjs — removing an element frees its instance: mount a widget, wait for its first
// frame, remove it, 200 times over; the JS heap after a forced GC (CDP Performance.getMetrics,
// JSHeapUsedSize, Chromium run with --js-flags=--expose-gc) stays within 2× + 20 MB of where it
// started, and WebGL keeps working (no "too many contexts": each removed widget lost its context
// on purpose). Also: a widget moved in the DOM (removed and added in one task) keeps its instance.
import { check, heapMeter, log, mountUnmount, newPage, run, serveDist, waitFor } from './lib.mjs';

const ROUNDS = Number(process.env.VERSUS_UNMOUNT_ROUNDS || 200);

await run(`mounting and removing a widget ${ROUNDS} times frees it each time`, async (browser) => {
  const server = await serveDist();
  try {
    const page = await newPage(browser, { width: 1000, height: 800 });
    const warnings = [];
    page.on('console', (m) => { if (/too many active webgl contexts|context lost/i.test(m.text())) warnings.push(m.text()); });
    await page.goto(server.url);
    await waitFor(page, 'the demo widget to be ready', () => window.__versusEvents.length >= 1, null, { timeout: 60000 });
    const heap = await heapMeter(page);
    // One mount/unmount first, so that lazily made shared things (the compiled module) count as the start.
    const cycle = (n) => mountUnmount(page, n, 'payloads/haiku-vs-mistral.json');
    await cycle(2);
    const before = await heap();
    const t0 = Date.now();
    await cycle(ROUNDS);
    const after = await heap();
    const mb = (b) => (b / 1048576).toFixed(1);
    log(`${ROUNDS} mounts in ${((Date.now() - t0) / 1000).toFixed(1)} s; JS heap used ${mb(before.used)} MB → ${mb(after.used)} MB ` +
      `(total ${mb(before.total)} → ${mb(after.total)} MB); DOM nodes ${before.nodes} → ${after.nodes}, ` +
      `event listeners ${before.listeners} → ${after.listeners}`);
    check(after.listeners < before.listeners + 50, `event listeners pile up: ${before.listeners} → ${after.listeners}`);
    check(after.used < 2 * before.used + 20 * 1048576, `the JS heap grew from ${mb(before.used)} to ${mb(after.used)} MB after ${ROUNDS} mounts`);
    check(warnings.length === 0, `WebGL contexts were not released: ${warnings.slice(0, 3).join('; ')}`);

    // The demo widget still draws (contexts were given back).
    const ok = await page.evaluate(() => document.querySelector('versus-widget').drawnItems().length);
    check(ok > 20, `after the churn the page's widget should still draw, drawnItems gave ${ok}`);

    // Moved, not removed: the instance stays (no new versus-ready, no new instance).
    const moved = await page.evaluate(async () => {
      const el = document.querySelector('versus-widget');
      const n = window.__versusEvents.length;
      document.body.append(el);   // removed and added in one task
      await new Promise((ok) => setTimeout(ok, 200));
      return { events: window.__versusEvents.length - n, items: el.drawnItems().length };
    });
    check(moved.events === 0 && moved.items > 20, `a moved widget should keep its instance: ${JSON.stringify(moved)}`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
}, { args: ['--js-flags=--expose-gc'] });
