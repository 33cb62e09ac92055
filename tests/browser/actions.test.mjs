// actions.test.mjs — the reader's actions menu: a button in the widget's shadow root opening an
// ARIA menu, used with the keyboard alone; "Save image" downloads a PNG of the whole comparison
// (taller than the canvas's slice) at the device pixel ratio; "Download data" as CSV (one row per
// tool, figures equal to the canvas's) and as JSON (the payload as served); Ctrl+C on a focused
// card copies its text (and on a review its quote), "Copy text" the whole comparison; each action is a
// `versus-action` event; printing shows no menu; actions="none" hides the menu. Fixture: interaction.html.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  canvasFigures, check, drawnItems, log, newPage, run, serveDistWith, shotDir, SOURCE_DIR, waitFor, waitForEvents,
} from './lib.mjs';

const DPR = 2;

// The focused element inside the widget's shadow root: { role, text, expanded }.
const focused = (page) => page.evaluate(() => {
  const a = document.getElementById('w').shadowRoot.activeElement;
  return a ? { role: a.getAttribute('role'), text: a.textContent, cls: a.className, expanded: a.getAttribute('aria-expanded') } : null;
});

async function downloadOf(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), trigger()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

// Width and height from a PNG's IHDR chunk.
function pngSize(bytes) {
  check(bytes.subarray(1, 4).toString() === 'PNG', 'the download should be a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// Share of pixels unlike the top-left pixel, per horizontal band of the image (decoded by the page).
async function bandInk(page, bytes, bands) {
  return page.evaluate(async ([b64, bands]) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const img = await createImageBitmap(blob);
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const out = [];
    const rows = Math.floor(img.height / bands);
    for (let b = 0; b < bands; b++) {
      let ink = 0;
      for (let y = b * rows; y < (b + 1) * rows; y += 2) {
        for (let x = 0; x < img.width; x += 2) {
          const i = (y * img.width + x) * 4;
          if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) ink++;
        }
      }
      out.push(ink / ((rows / 2) * (img.width / 2)));
    }
    return out;
  }, [bytes.toString('base64'), bands]);
}

await run('actions menu: image, data, copy, keyboard', async (browser) => {
  const server = await serveDistWith(['interaction.html']);
  try {
    const page = await newPage(browser, { width: 1100, height: 800, dpr: DPR });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.addInitScript(() => {
      window.__taken = [];
      document.addEventListener('versus-action', (e) => window.__taken.push(e.detail));
    });
    await page.goto(server.url + 'interaction.html');
    await waitForEvents(page, 1);

    // [Menu] The button is in the shadow root, labelled, a menu button; the menu is closed.
    const button = await page.evaluate(() => {
      const b = document.getElementById('w').shadowRoot.querySelector('.actions-button');
      const m = document.getElementById('w').shadowRoot.querySelector('[role="menu"]');
      return b && { label: b.getAttribute('aria-label'), popup: b.getAttribute('aria-haspopup'), controls: b.getAttribute('aria-controls') === m.id,
        menuHidden: m.hidden, items: [...m.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent) };
    });
    log('button', JSON.stringify(button));
    check(button && button.popup === 'menu' && button.label && button.controls && button.menuHidden, `a closed menu button: ${JSON.stringify(button)}`);
    check(JSON.stringify(button.items) === '["Save image (PNG)","Download data (CSV)","Download data (JSON)","Copy text"]',
      `menu items: ${JSON.stringify(button.items)}`);

    // [Keyboard] Tab from the page: the widget's surface, then the menu button; Enter opens on the
    // first item; arrows, End, Home move; Escape closes back onto the button.
    await page.focus('#before');
    await page.keyboard.press('Tab');
    check((await focused(page))?.cls === 'surface', `Tab should reach the surface first: ${JSON.stringify(await focused(page))}`);
    await page.keyboard.press('Shift+Tab');
    await page.focus('#after');
    await page.keyboard.press('Shift+Tab');
    let f = await focused(page);
    check(f?.cls === 'actions-button', `Shift+Tab from after the widget should reach the menu button: ${JSON.stringify(f)}`);
    await page.keyboard.press('Enter');
    // The menu opens once its code is in (versus-actions.js, fetched when the focus first entered
    // the widget, a moment ago): on a busy machine that can be after the key press returns.
    await waitFor(page, 'the menu open after Enter', () => document.getElementById('w').shadowRoot.activeElement?.getAttribute('role') === 'menuitem',
      null, { report: () => document.getElementById('w').shadowRoot.activeElement?.className });
    f = await focused(page);
    check(f?.role === 'menuitem' && f.text === 'Save image (PNG)', `Enter should open the menu on its first item: ${JSON.stringify(f)}`);
    await page.keyboard.press('ArrowDown');
    check((await focused(page)).text === 'Download data (CSV)', 'ArrowDown moves to the next item');
    await page.keyboard.press('End');
    check((await focused(page)).text === 'Copy text', 'End moves to the last item');
    await page.keyboard.press('ArrowDown');
    check((await focused(page)).text === 'Save image (PNG)', 'ArrowDown on the last item wraps to the first');
    await page.keyboard.press('Escape');
    f = await focused(page);
    check(f?.cls === 'actions-button' && f.expanded === 'false', `Escape closes the menu onto its button: ${JSON.stringify(f)}`);

    // [Image] The whole comparison, taller than the canvas's slice, at the device pixel ratio.
    const size = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return { w: root.querySelector('.surface').getBoundingClientRect().width,
        h: root.querySelector('.surface').getBoundingClientRect().height,
        slice: parseFloat(root.querySelector('canvas').style.height) };
    });
    log('surface', JSON.stringify(size));
    check(size.slice < size.h, `the canvas should hold only a slice of the content here (${size.slice} of ${size.h} px)`);
    await page.keyboard.press('Enter');   // open, on "Save image"
    const image = await downloadOf(page, () => page.keyboard.press('Enter'));
    await writeFile(join(shotDir(), 'actions-image.png'), image.bytes);   // for people to look at
    const dims = pngSize(image.bytes);
    log('image', image.name, JSON.stringify(dims), `${image.bytes.length} bytes`);
    check(image.name === 'claude-haiku-open-weights-vs-mistral-4b.png', `image file name: ${image.name}`);
    check(dims.width === Math.round(size.w * DPR) && dims.height === Math.round(size.h * DPR),
      `the PNG should be the whole comparison at ${DPR}x: ${size.w}x${size.h} CSS px -> got ${dims.width}x${dims.height}`);
    const ink = await bandInk(page, image.bytes, 4);
    log('ink per quarter', ink.map((x) => x.toFixed(3)).join(' '));
    check(ink.every((x) => x > 0.01), `every quarter of the image should hold drawn content (stitched slices): ${ink}`);
    check((await focused(page))?.cls === 'actions-button', 'after an action the focus is back on the menu button');

    // [CSV] One row per tool, figures equal to the canvas's.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const csv = await downloadOf(page, () => page.keyboard.press('Enter'));
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    log('csv', csv.name, lines[0]);
    check(csv.name.endsWith('.csv') && lines.length === 3, `a CSV with a header and 2 tools: ${JSON.stringify(lines)}`);
    const header = lines[0].split(',');
    const rows = lines.slice(1).map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
    const figures = canvasFigures(await drawnItems(page, 'w'));
    for (const row of rows) {
      const cell = (name) => row[header.indexOf(name)];   // the header's words are the widget's (English here)
      const canvas = figures[cell('ID')];
      check(canvas, `CSV row ${cell('ID')} should be a tool on the canvas (${Object.keys(figures)})`);
      check(cell('Panel ship') === canvas[0] && cell('Community') === canvas[1] && cell('Entry') === canvas[2],
        `CSV figures of ${cell('ID')} should equal the canvas's: ${[cell('Panel ship'), cell('Community'), cell('Entry')]} vs ${canvas}`);
    }

    // [JSON] The payload as served.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const json = await downloadOf(page, () => page.keyboard.press('Enter'));
    const served = await readFile(join(SOURCE_DIR, 'assets/payloads/haiku-vs-mistral.json'));
    check(json.name.endsWith('.json') && json.bytes.equals(served), `the JSON download should be the payload (${json.bytes.length} vs ${served.length} bytes)`);

    // [Copy] "Copy text" with no card focused: the whole comparison.
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitFor(page, 'a copy action', () => window.__taken.some((t) => t.action === 'copy'), null, { report: () => window.__taken });
    // (the event comes first, the clipboard write after it: wait for the clipboard)
    await waitFor(page, 'the comparison on the clipboard', async () => (await navigator.clipboard.readText()).startsWith('Claude Haiku'));
    let clip = await page.evaluate(() => navigator.clipboard.readText());
    check(clip.startsWith('Claude Haiku Open Weights vs Mistral 4B') && clip.includes('Mistral AI') && clip.includes('\u201c'),
      `the clipboard should hold the comparison's text: ${JSON.stringify(clip.slice(0, 200))}`);

    // [Ctrl+C] Keyboard focus (arrows) on an item of a card: Ctrl+C copies that card.
    await page.focus('#before');
    await page.keyboard.press('Tab');   // the widget; its arrows move between its items
    let copied = null;
    for (let i = 0; i < 16 && !copied; i++) {
      await page.keyboard.press('ArrowDown');
      const n = await page.evaluate(() => window.__taken.length);
      await page.keyboard.press('Control+c');
      copied = await page.evaluate((n) => window.__taken[n] || null, n);
    }
    log('Ctrl+C', JSON.stringify(copied));
    check(copied && copied.action === 'copy' && copied.from === 'focus' && /^Developer Tools\nClaude Haiku Open Weights\nby Anthropic/.test(copied.text),
      `Ctrl+C on a focused item of Haiku's card should copy the card: ${JSON.stringify(copied)}`);
    await waitFor(page, 'the card on the clipboard', async (t) => (await navigator.clipboard.readText()) === t, copied.text);
    clip = await page.evaluate(() => navigator.clipboard.readText());
    check(clip === copied.text, `the clipboard should hold the card's text: ${JSON.stringify(clip.slice(0, 120))}`);

    // [Ctrl+C on a quote] End takes the focus to the last item (the call to action); up from there,
    // a review's "Show more": Ctrl+C copies the quote.
    await page.keyboard.press('End');
    let quote = null;
    for (let i = 0; i < 12 && !quote; i++) {
      await page.keyboard.press('ArrowUp');
      const n = await page.evaluate(() => window.__taken.length);
      await page.keyboard.press('Control+c');
      const t = await page.evaluate((n) => window.__taken[n] || null, n);
      if (t && t.text.startsWith('\u201c')) quote = t;
    }
    log('Ctrl+C on a quote', JSON.stringify(quote));
    check(quote && / \u2014 [^,]+, .+ \((Ship|Skip) \u00b7 .+\)$/.test(quote.text),
      `Ctrl+C with the focus in a review should copy its quote, reviewer and verdict: ${JSON.stringify(quote)}`);

    // [Events] Every action was told to the page.
    const taken = await page.evaluate(() => window.__taken.map((t) => t.action));
    check(taken.slice(0, 5).join() === 'image,csv,json,copy,copy' && taken.every((a) => ['image', 'csv', 'json', 'copy'].includes(a)),
      `versus-action events: ${JSON.stringify(taken)}`);

    // [Print] The menu is not printed; the comparison is (as HTML).
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      return { menu: getComputedStyle(root.querySelector('.actions')).display, rendition: getComputedStyle(root.querySelector('.rendition')).position };
    });
    await page.emulateMedia({ media: 'screen' });
    check(printed.menu === 'none' && printed.rendition === 'static', `printing: no menu, the rendition shown: ${JSON.stringify(printed)}`);

    // [actions="none"] No menu.
    const hidden = await page.evaluate(() => {
      const w = document.getElementById('w');
      w.setAttribute('actions', 'none');
      const gone = w.shadowRoot.querySelector('.actions').hidden;
      w.removeAttribute('actions');
      return gone && !w.shadowRoot.querySelector('.actions').hidden;
    });
    check(hidden, 'actions="none" should hide the menu, and removing it show it again');
    check(page.problems.length === 0, `page problems: ${page.problems}`);
  } finally {
    await server.close();
  }
});
