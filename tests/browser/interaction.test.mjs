// interaction.test.mjs — the widget as a guest in a page: it draws nothing while idle, answers
// the pointer (hover cursor, a click that unfolds a quote and grows the element, then goes quiet
// again), follows the page's width with its height, never takes the page's keys (typing into
// inputs around it, Tab through it) and lets the wheel scroll the page over it.
// Fixture: tests/browser/fixtures/interaction.html, served beside a copy of dist.
import { check, countFrames, framesDuring, log, newPage, run, serveDistWith, settled, sleep, waitForEvents } from './lib.mjs';

const hostBox = (page) => page.evaluate(() => {
  const host = document.getElementById('w');
  const r = host.getBoundingClientRect();
  const canvas = host.shadowRoot.querySelector('canvas');
  const surface = host.shadowRoot.querySelector('.surface');
  return { x: r.left, y: r.top, w: r.width, h: r.height, backingW: canvas.width, cursor: surface.style.cursor };
});

await run('the widget is a quiet, well-behaved guest', async (browser) => {
  const server = await serveDistWith(['interaction.html']);
  try {
    const page = await newPage(browser, { width: 1100, height: 800 });
    await page.addInitScript(countFrames);
    await page.goto(server.url + 'interaction.html');
    const [ev] = await waitForEvents(page, 1);
    check(ev.type === 'versus-ready', `expected versus-ready, got ${JSON.stringify(ev)}`);

    // Idle: after settling (the frames of the first load drawn), not one frame.
    await settled(page);
    const idle = await framesDuring(page, 2000);
    log('idle for 2 s:', JSON.stringify(idle));
    check(idle.raf === 0 && idle.draws === 0, `an idle widget must draw nothing, got ${JSON.stringify(idle)}`);

    // Hover a "Show more" link: the hand cursor; click it: the quote unfolds, the element grows.
    const items = await page.evaluate(() => document.getElementById('w').drawnItems());
    check(items.length > 20, `drawnItems() should list what is drawn, got ${items.length} items`);
    const more = items.find((i) => i.role === 'quote.more');
    check(more, `a "Show more" link (role quote.more) should be drawn; roles: ${[...new Set(items.map((i) => i.role))].join(', ')}`);
    const before = await hostBox(page);
    await page.evaluate((itemY) => {   // bring the link to 300 px from the viewport's top
      const r = document.getElementById('w').getBoundingClientRect();
      window.scrollTo(0, window.scrollY + r.top + itemY - 300);
    }, more.y0);
    let box = await hostBox(page);
    const cx = box.x + (more.x0 + more.x1) / 2;
    const cy = box.y + (more.y0 + more.y1) / 2;
    await page.mouse.move(cx - 30, cy);
    await page.mouse.move(cx, cy, { steps: 3 });
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.surface').style.cursor === 'pointer',
      null, { timeout: 5000 }).catch(() => {});
    box = await hostBox(page);
    check(box.cursor === 'pointer', `hovering a link should show the pointer cursor, got "${box.cursor}"`);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction((h) => document.getElementById('w').getBoundingClientRect().height > h + 10,
      before.h, { timeout: 5000 }).catch(() => {});
    const after = await hostBox(page);
    log(`"Show more": height ${before.h} → ${after.h}`);
    check(after.h > before.h + 10, `clicking "Show more" should grow the element, height ${before.h} → ${after.h}`);
    // A tool's link: the page hears `versus-open` (and may cancel it; otherwise a new tab opens).
    const link = items.find((i) => i.role === 'tool.link');
    check(link, 'a tool link (role tool.link) should be drawn');
    await page.evaluate(() => {
      window.__opened = [];
      document.addEventListener('versus-open', (e) => { window.__opened.push(e.detail.url); e.preventDefault(); });
    });
    await page.evaluate((itemY) => {
      const r = document.getElementById('w').getBoundingClientRect();
      window.scrollTo(0, window.scrollY + r.top + itemY - 300);
    }, link.y0);
    box = await hostBox(page);
    await page.mouse.click(box.x + (link.x0 + link.x1) / 2, box.y + (link.y0 + link.y1) / 2);
    await page.waitForFunction(() => window.__opened.length > 0, null, { timeout: 5000 }).catch(() => {});
    const opened = await page.evaluate(() => window.__opened);
    check(opened.length === 1 && /^https:\/\//.test(opened[0]), `clicking a tool link should fire versus-open with its URL, got ${JSON.stringify(opened)}`);
    check(page.context().pages().length === 1, 'a cancelled versus-open must not open a tab');

    await page.mouse.move(5, 5);   // off the widget: hover ends
    await settled(page);   // the frames that end the hover (ImGui takes input over a few frames)
    const quiet = await framesDuring(page, 1500);
    check(quiet.draws === 0, `after the interaction the widget must go quiet again, got ${JSON.stringify(quiet)}`);

    // Width from the page, height from the content: narrower → taller, backing follows.
    await page.setViewportSize({ width: 520, height: 800 });
    await page.waitForFunction((w) => {
      const host = document.getElementById('w');
      return host.getBoundingClientRect().width < w - 100 && host.shadowRoot.querySelector('canvas').width < w - 100;
    }, after.w, { timeout: 5000 }).catch(() => {});
    await sleep(300);
    const narrow = await hostBox(page);
    log(`narrow: ${after.w}×${after.h} → ${narrow.w}×${narrow.h}, backing width ${narrow.backingW}`);
    check(narrow.backingW === Math.round(narrow.w), `the backing store should follow the width: ${narrow.backingW} for ${narrow.w} px`);
    check(narrow.h > after.h, `a narrower widget should be taller: ${after.h} → ${narrow.h}`);
    await page.setViewportSize({ width: 1100, height: 800 });

    // Keys belong to the page: typing into inputs beside the widget, Tab passes through it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#before');
    await page.keyboard.type('ship it');
    for (const k of ['Backspace', 'Backspace', 'ArrowLeft', 'Home', 'End', ' ', 'Space']) await page.keyboard.press(k);
    await page.keyboard.type('x');
    const typed = await page.inputValue('#before');
    check(typed === 'ship   x', `keys typed into the page's input must all arrive, value is "${typed}"`);
    await page.keyboard.press('Tab');
    const focus1 = await page.evaluate(() => document.activeElement && document.activeElement.id);
    // Focused, the widget takes the arrows for its own items (the page does not scroll).
    const y0 = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    await sleep(200);
    const y1 = await page.evaluate(() => window.scrollY);
    check(y1 === y0, `ArrowDown in the focused widget should move between its items, not scroll the page (${y0} → ${y1})`);
    await page.keyboard.press('Tab');   // the widget's actions menu button (tests/browser/actions.test.mjs)
    const menuFocus = await page.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.className);
    await page.keyboard.press('Tab');
    const focus2 = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check(focus1 === 'w', `Tab from the input should focus the widget, focused "${focus1}"`);
    check(menuFocus === 'actions-button', `Tab again should reach the widget's actions menu button, focused "${menuFocus}"`);
    check(focus2 === 'after', `Tab a third time should leave the widget for the next input, focused "${focus2}"`);
    await page.keyboard.type('after');
    check(await page.inputValue('#after') === 'after', 'typing after tabbing through the widget should reach the next input');

    // The wheel over the widget scrolls the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    box = await hostBox(page);
    await page.mouse.move(box.x + box.w / 2, Math.min(box.y + 300, 700));
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 }).catch(() => {});
    const scrolled = await page.evaluate(() => window.scrollY);
    check(scrolled > 0, `the wheel over the widget should scroll the page, scrollY is ${scrolled}`);

    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});
