// scrolling.test.mjs — max-height="420": the element is 420 px tall and scrolls inside; the wheel
// over it scrolls the widget while it can, and the page once the widget is at its end (no trap);
// the canvas follows the rows shown inside the frame; arrow keys in the focused widget move its
// keyboard focus and scroll it into view; a lost WebGL context is replaced and the widget draws
// again. Fixture: scrolling.html.
import { check, countFrames, decodePngs, log, newPage, run, serveDistWith, sleep, waitFor, waitForEvents } from './lib.mjs';

const state = () => {
  const host = document.getElementById('w');
  const root = host.shadowRoot;
  const frame = root.querySelector('.frame');
  const c = root.querySelector('canvas').getBoundingClientRect();
  const f = frame.getBoundingClientRect();
  return { pageY: window.scrollY, inner: frame.scrollTop, innerMax: frame.scrollHeight - frame.clientHeight, hostH: host.getBoundingClientRect().height,
    frameTop: f.top, frameBottom: f.bottom, canvasTop: c.top, canvasBottom: c.bottom };
};

await run('max-height scrolls inside without trapping the page; keyboard focus stays in view; context loss recovers', async (browser) => {
  const server = await serveDistWith(['scrolling.html']);
  try {
    const page = await newPage(browser, { width: 1000, height: 800 });
    await page.goto(server.url + 'scrolling.html');
    await waitForEvents(page, 1);
    let s = await page.evaluate(state);
    log('start', JSON.stringify(s));
    check(Math.abs(s.hostH - 420) <= 1 && s.innerMax > 1000, `the element should be 420 px tall and scroll inside: ${JSON.stringify(s)}`);

    // The wheel over the widget scrolls it, not the page.
    await page.mouse.move(500, (s.frameTop + s.frameBottom) / 2);
    await page.mouse.wheel(0, 300);
    await waitFor(page, 'the widget to scroll inside', () => document.getElementById('w').shadowRoot.querySelector('.frame').scrollTop > 0);
    s = await page.evaluate(state);
    log('after a wheel over it', JSON.stringify(s));
    check(s.pageY === 0, `the page should not scroll while the widget can: ${JSON.stringify(s)}`);
    // The canvas holds the rows shown in the frame.
    await waitFor(page, 'the canvas to cover the frame', () => {
      const root = document.getElementById('w').shadowRoot;
      const c = root.querySelector('canvas').getBoundingClientRect();
      const f = root.querySelector('.frame').getBoundingClientRect();
      return c.top <= f.top && c.bottom >= f.bottom;
    }, null, { report: state });

    // At its end, the wheel scrolls the page.
    await page.evaluate(() => { const f = document.getElementById('w').shadowRoot.querySelector('.frame'); f.scrollTop = f.scrollHeight; });
    await sleep(600);   // a new wheel gesture (the browser latches a gesture to one scroller)
    await page.mouse.wheel(0, 300);
    await waitFor(page, 'the page to scroll once the widget is at its end', () => window.scrollY > 0, null, { report: state });
    s = await page.evaluate(state);
    log('at the end, the wheel scrolls the page', JSON.stringify(s));
    check(s.inner >= s.innerMax - 1, `the widget should stay at its end: ${JSON.stringify(s)}`);

    // Keyboard: Tab into the widget, arrows move its focus down; the frame scrolls to keep it in view.
    await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('w').shadowRoot.querySelector('.frame').scrollTop = 0; });
    await page.click('#before');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowDown');
    await waitFor(page, 'the focused item to be scrolled into view', () => document.getElementById('w').shadowRoot.querySelector('.frame').scrollTop > 100,
      null, { report: state });
    s = await page.evaluate(state);
    log('after 14 × ArrowDown', JSON.stringify(s));

    // A lost WebGL context: a new canvas, drawing again.
    const lost = await page.evaluate(() => {
      const el = document.getElementById('w');
      window.__oldCanvas = el.shadowRoot.querySelector('canvas');
      window.__oldCanvas.getContext('webgl2').getExtension('WEBGL_lose_context').loseContext();
      return true;
    });
    check(lost, 'could not lose the context');
    await waitFor(page, 'a new canvas after the context loss', () => {
      const el = document.getElementById('w');
      return el.shadowRoot.querySelector('canvas') !== window.__oldCanvas && el.drawnItems().length > 20;
    }, null, { timeout: 30000 });
    const events = await page.evaluate(() => window.__versusEvents.length);
    check(events === 1, `recovering from a context loss is not a new payload: ${events} events`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    await page.context().close();
  } finally {
    await server.close();
  }
});

// The seed alone on the demo page (body emptied), as #tall, loading at once, between blocks
// `above` and `below` px tall, the page scrolled to `scrollY`. Resolves at versus-ready (or
// versus-error) with where the widget and its canvas are at that moment — the first frame's
// canvas: any later frame is a frame away. No scroll anchoring: the page stays where it was
// scrolled while the widget grows above the block below it.
const tallSeed = (page, { above = 0, below = 0, scrollY = 0 } = {}) => page.evaluate((o) => new Promise((resolve) => {
  document.body.replaceChildren();
  document.body.style.margin = '0';
  document.body.style.overflowAnchor = 'none';
  const block = (h) => Object.assign(document.createElement('div'), { style: `height: ${h}px` });
  const el = document.createElement('versus-widget');
  el.id = 'tall';
  el.setAttribute('loading', 'eager');
  el.addEventListener('versus-ready', (e) => {
    const c = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const w = el.getBoundingClientRect();
    resolve({ type: e.type, canvasTop: c.top, canvasBottom: c.bottom, widgetTop: w.top, widgetBottom: w.bottom, viewportH: window.innerHeight });
  }, { once: true });
  el.addEventListener('versus-error', (e) => resolve({ type: e.type }), { once: true });
  el.setAttribute('src', 'payloads/haiku-vs-mistral.json');
  document.body.append(block(o.above), el, block(o.below));
  window.scrollTo(0, o.scrollY);
}), { above, below, scrollY });

// Without max-height, a widget taller than two viewports keeps in its canvas two viewports of
// rows around those in view (web/src/slices.js planSlice); its first frame holds one, the rows in
// view, and lays out only the sections in them (the rest follows with the next frame, which
// grows the slice): nothing in view changes then. The viewport's height is remembered (reading it
// lays out the page) and read again once the window is resized: the slice then holds two of the
// new viewports.
await run('a tall widget\'s first frame holds the viewport\'s rows, unchanged by the next one, which holds two viewports; two of the new ones after the window is resized', async (browser) => {
  const server = await serveDistWith();
  try {
    const page = await newPage(browser, { width: 1000, height: 400 });
    await page.addInitScript(() => { window.__versusHold = true; });   // countFrames holds the frames after the first
    await page.addInitScript(countFrames);
    await page.goto(server.url + 'index.html');
    const first = await tallSeed(page);
    log('first frame at 1000 × 400', JSON.stringify(first));
    check(first.type === 'versus-ready', `the widget should be ready, got ${first.type}`);
    check(Math.abs(first.canvasBottom - first.canvasTop - 400) <= 1 && first.canvasTop <= 0 && first.canvasBottom >= first.viewportH,
      `the first frame's canvas should hold the one viewport (400 px) in view: ${JSON.stringify(first)}`);
    const firstShot = await page.screenshot();
    check(await page.evaluate(() => window.__versusHeld.length > 0), 'the widget should ask for a frame after its first one');
    await page.evaluate(() => window.__versusRelease());
    const slice = () => {
      const root = document.getElementById('tall').shadowRoot;
      const c = root.querySelector('canvas');
      return { contentH: root.querySelector('.surface').getBoundingClientRect().height, canvasH: c.getBoundingClientRect().height,
        canvasTop: parseFloat(c.style.top || '0'), viewportH: window.innerHeight, scrollY: window.scrollY };
    };
    await waitFor(page, 'the canvas to grow to two viewports (800 px)', () =>
      Math.abs(document.getElementById('tall').shadowRoot.querySelector('canvas').getBoundingClientRect().height - 800) <= 1, null, { report: slice });
    const [a, b] = await decodePngs(browser, [firstShot, await page.screenshot()]);
    let changed = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) changed++;
    }
    log(`pixels in view changed by the frames after the first: ${changed} of ${a.width * a.height}`);
    check(a.width === b.width && a.height === b.height && changed === 0,
      `what the first frame showed in view should not change when the rest is laid out and drawn: ${changed} pixels differ`);
    let s = await page.evaluate(slice);
    log('at 1000 × 400', JSON.stringify(s));
    check(s.contentH > 1600, `the seed at 1000 px should be taller than two 800 px viewports: ${JSON.stringify(s)}`);
    check(first.widgetBottom - first.widgetTop < s.contentH,
      `the first frame should have laid out only the sections in view (the widget as tall as they are), then all: ${first.widgetBottom - first.widgetTop} then ${s.contentH} px`);
    check(s.canvasTop === 0, `the slice should still start at the widget's top: ${JSON.stringify(s)}`);

    await page.setViewportSize({ width: 1000, height: 700 });
    // Rows beyond the old slice come into view: the widget plans its slice again.
    await page.evaluate(() => window.scrollTo(0, 500));
    await waitFor(page, 'the canvas to hold two of the new viewports (1400 px)', () => {
      const c = document.getElementById('tall').shadowRoot.querySelector('canvas').getBoundingClientRect();
      return Math.abs(c.height - Math.min(1400, document.getElementById('tall').getBoundingClientRect().height)) <= 1 && c.top <= 0 && c.bottom >= window.innerHeight;
    }, null, { report: slice });
    s = await page.evaluate(slice);
    log('at 1000 × 700, scrolled', JSON.stringify(s));
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
  } finally {
    await server.close();
  }
});

// A tall widget that loads while the page is scrolled into its middle: its first frame already
// holds the rows in view (the widget's place is read while it loads, before the frame).
await run('a tall widget loading in the middle of the view draws the rows in view in its first frame', async (browser) => {
  const server = await serveDistWith();
  try {
    const page = await newPage(browser, { width: 1000, height: 400 });
    await page.goto(server.url + 'index.html');
    const atReady = await tallSeed(page, { above: 1500, below: 6000, scrollY: 2500 });
    log('at versus-ready', JSON.stringify(atReady));
    check(atReady.type === 'versus-ready', `the widget should be ready, got ${JSON.stringify(atReady)}`);
    check(atReady.widgetTop < -500 && atReady.widgetBottom > atReady.viewportH, `the view should be inside the widget: ${JSON.stringify(atReady)}`);
    check(atReady.canvasTop <= 0 && atReady.canvasBottom >= atReady.viewportH,
      `the first frame's canvas should hold the rows in view: ${JSON.stringify(atReady)}`);
    // Centred on them (planSlice), as a frame drawn later with the page laid out would be.
    check(Math.abs((atReady.canvasTop + atReady.canvasBottom) / 2 - atReady.viewportH / 2) <= 2,
      `the first frame's canvas should be centred on the view: ${JSON.stringify(atReady)}`);
    check(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
  } finally {
    await server.close();
  }
});
