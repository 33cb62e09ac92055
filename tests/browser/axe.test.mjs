// axe.test.mjs — accessibility: axe-core finds no violations (every rule it runs by default,
// best practices included) on the demo page with the canvas, on the same page dark and without
// WebGL (the HTML rendition shown), and the comparison's text is in the accessibility tree while
// the canvas is shown (the rendition behind it, the canvas's surface labelled as an application).
import AxeBuilder from '@axe-core/playwright';
import { check, log, newPage, noWebGL, run, serveDist, waitForEvents } from './lib.mjs';

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).analyze();
  const lines = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' >> ')).join('; ')}`);
  log(`${name}: ${result.passes.length} rules pass, ${result.violations.length} violations, ${result.incomplete.length} need review`);
  check(result.violations.length === 0, `${name}: axe-core violations:\n  ${lines.join('\n  ')}`);
}

await run('axe-core finds no violations; the comparison is in the accessibility tree', async (browser) => {
  const server = await serveDist();
  try {
    // Canvas, light.
    let page = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(server.url);
    await waitForEvents(page, 1);
    await axe(page, 'demo page');
    const tree = await page.locator('versus-widget').ariaSnapshot();
    log('accessibility tree (start):', tree.split('\n').slice(0, 8).join(' | '));
    for (const s of ['heading "Claude Haiku Open Weights vs Mistral 4B"', 'heading "Mistral 4B"', 'link "Visit Mistral 4B', 'application "Claude Haiku Open Weights vs Mistral 4B']) {
      check(tree.includes(s), `the accessibility tree should hold ${s}; it is:\n${tree.slice(0, 1500)}`);
    }
    check(/Apache 2\.0/.test(tree) && /75%/.test(tree), 'the license and the panel figures should be in the accessibility tree');
    // Dark.
    await page.evaluate(() => document.querySelector('versus-widget').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => document.querySelector('versus-widget').shadowRoot.querySelector('.widget').dataset.theme === 'dark');
    await axe(page, 'demo page, dark');
    await page.context().close();

    // Without WebGL: the HTML rendition shown, both themes.
    page = await newPage(browser, { width: 1280, height: 900 });
    await page.addInitScript(noWebGL);
    await page.goto(server.url);
    await waitForEvents(page, 1);
    await axe(page, 'demo page without WebGL');
    await page.evaluate(() => document.querySelector('versus-widget').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => document.querySelector('versus-widget').shadowRoot.querySelector('.widget').dataset.theme === 'dark');
    await axe(page, 'demo page without WebGL, dark');
    await page.context().close();
  } finally {
    await server.close();
  }
});
