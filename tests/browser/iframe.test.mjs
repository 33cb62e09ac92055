// iframe.test.mjs — iframe mode: dist/iframe-demo.html frames dist/embed.html?src=...; the embed
// posts {type: 'versus-height', height} and the documented parent snippet (iframe-demo.js) sizes
// the iframe to it, again when the width changes; a message from anyone else (here: the parent
// page itself) is ignored; with parent-origin the messages reach only that origin.
import { check, log, newPage, run, serveDist, sleep, waitFor } from './lib.mjs';

const location_of = (page) => page.url();

await run('iframe mode posts its height and the parent snippet resizes the iframe', async (browser) => {
  const server = await serveDist();
  try {
    const page = await newPage(browser, { width: 1100, height: 900 });
    await page.addInitScript(() => {
      if (window !== window.top) return;
      window.__msgs = [];
      addEventListener('message', (e) => window.__msgs.push({ origin: e.origin, data: e.data, fromFrame: e.source !== window }));
    });
    await page.goto(server.url + 'iframe-demo.html');
    const embedHeight = async () => {
      const frame = page.frames().find((f) => f.url().includes('embed.html'));
      return frame.evaluate(() => {
        const w = document.querySelector('versus-widget');
        return w ? Math.ceil(w.getBoundingClientRect().bottom) : -1;
      });
    };
    const fits = () => {
      const f = document.querySelector('iframe[data-versus]');
      const last = window.__msgs.filter((m) => m.data && m.data.type === 'versus-height').pop();
      return last && last.data.height > 300 && f.getBoundingClientRect().height === last.data.height;
    };
    await waitFor(page, 'the iframe to take the height the embed posts', fits, null, { timeout: 60000, report: () => window.__msgs });
    await waitFor(page, 'versus-ready forwarded from the embed', () => window.__msgs.some((m) => m.data.type === 'versus-event' && m.data.event === 'versus-ready'),
      null, { report: () => window.__msgs });
    let h = await page.evaluate(() => document.querySelector('iframe[data-versus]').getBoundingClientRect().height);
    let inner = await embedHeight();
    log(`iframe ${h} px, widget inside ${inner} px`);
    check(Math.abs(h - inner) <= 1, `the iframe (${h} px) should be as tall as the widget inside (${inner} px)`);
    const msgs = await page.evaluate(() => window.__msgs);
    check(msgs.every((m) => m.fromFrame && m.origin === new URL(location_of(page)).origin), `messages should come from the embed's origin: ${JSON.stringify(msgs.map((m) => m.origin))}`);
    check(msgs.filter((m) => m.data.type === 'versus-height').every((m) => Number.isInteger(m.data.height)), 'heights are whole pixels');

    // Narrower: the widget grows, a new message, the iframe follows.
    await page.setViewportSize({ width: 600, height: 900 });
    await waitFor(page, 'the iframe to follow a narrower width', (before) => {
      const f = document.querySelector('iframe[data-versus]');
      const last = window.__msgs.filter((m) => m.data && m.data.type === 'versus-height').pop();
      return last.data.height > before && f.getBoundingClientRect().height === last.data.height;
    }, h, { timeout: 30000, report: () => window.__msgs.map((m) => m.data.height) });
    const narrow = await page.evaluate(() => document.querySelector('iframe[data-versus]').getBoundingClientRect().height);
    inner = await embedHeight();
    log(`narrower: iframe ${h} → ${narrow} px, widget inside ${inner} px`);
    check(Math.abs(narrow - inner) <= 1, `the iframe (${narrow} px) should follow the widget (${inner} px)`);
    h = narrow;

    // Anyone else's message is ignored (wrong source).
    await page.evaluate(() => window.postMessage({ type: 'versus-height', height: 77 }, '*'));
    await sleep(300);
    const after = await page.evaluate(() => document.querySelector('iframe[data-versus]').getBoundingClientRect().height);
    check(after === h, `a message not from the iframe must be ignored: height ${h} → ${after}`);

    // parent-origin: a wrong one gets nothing through; the right one does.
    const origin = new URL(server.url).origin;
    for (const [po, expect] of [['https://elsewhere.example', false], [origin, true]]) {
      await page.evaluate((po) => {
        window.__msgs.length = 0;
        const f = document.createElement('iframe');
        f.dataset.versus = '';
        f.title = 'second';
        f.src = `embed.html?src=payloads/haiku-vs-mistral.json&parent-origin=${encodeURIComponent(po)}`;
        document.querySelector('iframe[data-versus]').replaceWith(f);
      }, po);
      if (expect) {
        await waitFor(page, `messages with parent-origin ${po}`, () => window.__msgs.some((m) => m.data.type === 'versus-height'), null, { timeout: 30000 });
      } else {
        await waitFor(page, 'the framed widget to be ready', () => {
          const f = document.querySelector('iframe[data-versus]');
          try { return f.contentDocument.querySelector('versus-widget').shadowRoot.querySelector('.surface').getBoundingClientRect().height > 300; } catch { return false; }
        }, null, { timeout: 30000 });
        await sleep(500);
        const got = await page.evaluate(() => window.__msgs.length);
        check(got === 0, `with parent-origin ${po} this page must get no messages, got ${got}`);
      }
    }
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
