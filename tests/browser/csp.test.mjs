// csp.test.mjs — the widget works under a strict Content-Security-Policy: no 'unsafe-eval', no
// 'unsafe-inline' (scripts or styles), only 'wasm-unsafe-eval' to compile the core. Any CSP
// violation fails the test. Fixture: tests/browser/fixtures/csp.html.
import { check, log, newPage, pixelStats, run, serveDistWith, waitForEvents } from './lib.mjs';

await run('the widget works under a strict CSP', async (browser) => {
  const server = await serveDistWith(['csp.html']);
  try {
    const page = await newPage(browser, { width: 1000, height: 800 });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim());
      });
    });
    await page.goto(server.url + 'csp.html');
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready', `expected versus-ready under the CSP, got ${JSON.stringify(ev)}`);
    const violations = await page.evaluate(() => window.__violations);
    log('violations', JSON.stringify(violations));
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    const stats = await pixelStats(browser, await page.locator('#w').locator('canvas').screenshot());
    check(stats.distinctColours >= 64 && stats.lumaStdDev >= 8, `the canvas looks blank under the CSP: ${JSON.stringify(stats)}`);
    const styled = await page.evaluate(() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('canvas')).display);
    check(styled === 'block', `the shadow styles should apply under the CSP (canvas display is ${styled})`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
