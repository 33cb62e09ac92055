// hostile.test.mjs — payload strings are text, never markup: a payload whose title, names,
// quotes, license, prices and call to action hold <script>, <img onerror>, <svg onload> and
// javascript: links is shown (canvas and HTML rendition) without running any of it, and the same
// strings in an invalid payload's error card stay text too; likewise through el.payload.
// Fixtures: hostile.html, payloads/hostile.json, payloads/hostile-invalid.json.
import { check, log, newPage, renditionText, run, serveDistWith, sleep, waitForEvents } from './lib.mjs';

const inspect = (id) => {
  const root = document.getElementById(id).shadowRoot;
  return {
    markup: [...root.querySelectorAll('img, script, svg, iframe, b, i, u')].map((n) => n.outerHTML),
    links: [...root.querySelectorAll('a')].map((a) => a.href),
    text: root.textContent,
  };
};

await run('payload strings never become markup', async (browser) => {
  const server = await serveDistWith(['hostile.html', 'payloads/hostile.json', 'payloads/hostile-invalid.json']);
  try {
    const page = await newPage(browser, { width: 1000, height: 900 });
    await page.addInitScript(() => { window.__pwned = 0; });
    await page.goto(server.url + 'hostile.html');
    const evs = await waitForEvents(page, 2);
    const byId = Object.fromEntries(evs.map((e) => [e.id, e]));
    check(byId.ok && byId.ok.type === 'versus-ready', `the hostile but valid payload should be shown: ${JSON.stringify(evs)}`);
    check(byId.bad && byId.bad.type === 'versus-error', `the invalid one should give versus-error: ${JSON.stringify(evs)}`);
    // Let anything that could run, run: hover and click around the canvas, scroll.
    const box = await page.locator('#ok').boundingBox();
    for (let y = 40; y < Math.min(box.height, 860); y += 90) await page.mouse.click(box.x + 200, box.y + y);
    await sleep(500);

    const ok = await page.evaluate(inspect, 'ok');
    const bad = await page.evaluate(inspect, 'bad');
    log('links in the rendition:', JSON.stringify(ok.links));
    check(ok.markup.length === 0 && bad.markup.length === 0, `payload markup became elements: ${JSON.stringify([...ok.markup, ...bad.markup])}`);
    check(ok.links.every((u) => /^https?:/.test(u)), `only http(s) links may be made: ${JSON.stringify(ok.links)}`);
    const text = await renditionText(page, 'ok');
    for (const s of ['<script>window.__pwned', '<img src=x onerror="window.__pwned', '<svg onload=', '<u>Free</u>', '"></blockquote>']) {
      check(text.includes(s), `the rendition should show ${JSON.stringify(s)} as text`);
    }
    check(bad.text.includes('<img src=x onerror='), `the error card should quote the bad value as text: ${bad.text.slice(0, 300)}`);

    // The same through el.payload.
    await page.evaluate(async () => {
      const r = await fetch('payloads/hostile.json');
      const el = document.createElement('versus-widget');
      el.id = 'scripted';
      el.setAttribute('loading', 'eager');
      el.payload = await r.json();
      document.body.prepend(el);
    });
    await waitForEvents(page, 3);
    const scripted = await page.evaluate(inspect, 'scripted');
    check(scripted.markup.length === 0, `el.payload markup became elements: ${JSON.stringify(scripted.markup)}`);
    await sleep(300);
    const pwned = await page.evaluate(() => window.__pwned);
    check(pwned === 0, `payload text ran as script ${pwned} time(s)`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
