// fonts.test.mjs — the canvas draws with the page's fonts, as the publisher's CSS says:
//   1. `--versus-font-family` on the element, and `font-family` set on the element, reach the
//      canvas: its title is as wide (ink) as the DOM draws the same string in that font, and
//      clearly not as wide as the default (Inter); the HTML rendition wears the same family;
//   2. Inter comes as woff2 faces cut by Unicode range: the seed (English) fetches only the Latin
//      faces, a Russian payload the Cyrillic ones too, never Greek;
//   3. a font that finishes loading after the first frame (document.fonts loadingdone) redraws
//      the canvas in it, with no new payload;
//   4. Japanese, Chinese and Korean text is drawn in the faces of its language, named last in the
//      family (after the publisher's and the page's): by the payload's or the page's lang, else
//      by kana or Hangul in the text; an English payload names none.
import { join } from 'node:path';
import { check, decodePngs, drawnItems, log, newPage, run, serveDistWith, waitFor } from './lib.mjs';

const MONO = '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf';

// Horizontal extent (device pixels) of the pixels that differ from the cut's corner colour.
async function inkWidth(page, png) {
  const [{ width, height, data }] = await decodePngs(page.context().browser(), [png]);
  const bg = [data[0], data[1], data[2]];
  let x0 = width, x1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 96) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
      }
    }
  }
  return x1 >= x0 ? x1 - x0 + 1 : 0;
}

// The canvas's title of widget `id`, cut out of the page.
async function titleCut(page, id) {
  const items = await drawnItems(page, id);
  const title = items.find((i) => i.role === 'title');
  check(title, `#${id}: no title drawn`);
  const at = await page.evaluate((id) => {
    const r = document.getElementById(id).shadowRoot.querySelector('.surface').getBoundingClientRect();
    return { x: r.left, y: r.top };
  }, id);
  return { png: await page.screenshot({ clip: { x: at.x + title.x0, y: at.y + title.y0, width: title.x1 - title.x0, height: title.y1 - title.y0 } }), text: title.text };
}

// The same string drawn by the DOM: `font` is a CSS font shorthand.
async function domCut(page, text, font) {
  const clip = await page.evaluate(([text, font]) => {
    const el = document.createElement('span');
    el.id = 'dom-text';
    el.style.cssText = `position: fixed; left: 0; top: 0; white-space: pre; background: #fff; color: #000; z-index: 9; font: ${font}; line-height: 1.3;`;
    el.textContent = text;
    document.body.append(el);
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, [text, font]);
  const png = await page.screenshot({ clip });
  await page.evaluate(() => document.getElementById('dom-text').remove());
  return png;
}

const near = (a, b, tolerance) => Math.abs(a - b) <= tolerance * Math.max(a, b);

await run('the publisher\'s font-family reaches the canvas; Inter by Unicode range; late fonts redraw; CJK faces by language', async (browser) => {
  const server = await serveDistWith([], [{ from: 'tests/payloads/valid/scripts-ru.json', to: 'fonts-test/ru.json' },
    { from: 'tests/payloads/valid/scripts-ja.json', to: 'fonts-test/ja.json' }, { from: 'tests/payloads/valid/scripts-ko.json', to: 'fonts-test/ko.json' },
    { from: 'tests/payloads/valid/scripts-zh.json', to: 'fonts-test/zh.json' }]);
  // Liberation Mono beside the page, for the late-font case (a same-origin web font).
  const { copyFileSync } = await import('node:fs');
  copyFileSync(MONO, join(server.dir, 'fonts-test', 'late.ttf'));
  try {
    // 1. --versus-font-family and font-family on the element --------------------------------
    {
      const page = await newPage(browser, { width: 1000, height: 900, dpr: 1 });
      await page.goto(server.url + 'index.html');
      await page.evaluate(() => {
        document.body.replaceChildren();
        document.body.style.margin = '0';
        window.__ready = [];
        for (const [id, css] of [['inter', ''], ['custom', '--versus-font-family: "Liberation Mono"'], ['own', 'font-family: "Liberation Serif", serif']]) {
          const w = document.createElement('versus-widget');
          w.id = id;
          w.setAttribute('loading', 'eager');
          w.setAttribute('src', 'payloads/haiku-vs-mistral.json');
          w.style.cssText = `display: block; width: 960px; ${css}`;
          w.addEventListener('versus-ready', () => window.__ready.push(id));
          document.body.append(w);
        }
      });
      await waitFor(page, 'three widgets ready', () => window.__ready.length === 3, null, { timeout: 30000 });
      const widths = {};
      for (const id of ['inter', 'custom', 'own']) {
        await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
        const { png, text } = await titleCut(page, id);
        widths[id] = { canvas: await inkWidth(page, png), text };
      }
      const title = widths.inter.text;
      widths.custom.dom = await inkWidth(page, await domCut(page, title, '600 27px "Liberation Mono"'));
      widths.own.dom = await inkWidth(page, await domCut(page, title, '600 27px "Liberation Serif", serif'));
      widths.inter.dom = await inkWidth(page, await domCut(page, title, '600 27px "versus-inter"'));
      log('title ink widths (px):', JSON.stringify(Object.fromEntries(Object.entries(widths).map(([k, v]) => [k, { canvas: v.canvas, dom: v.dom }]))));
      for (const id of ['inter', 'custom', 'own']) {
        check(near(widths[id].canvas, widths[id].dom, 0.02), `#${id}: the canvas's title is ${widths[id].canvas} px of ink, the DOM draws it ${widths[id].dom} px in the same font`);
      }
      check(!near(widths.custom.canvas, widths.inter.canvas, 0.1), `--versus-font-family did not change the canvas's font (${widths.custom.canvas} vs ${widths.inter.canvas} px)`);
      check(!near(widths.own.canvas, widths.inter.canvas, 0.05), `font-family on the element did not change the canvas's font (${widths.own.canvas} vs ${widths.inter.canvas} px)`);
      const families = await page.evaluate(() => ['inter', 'custom', 'own'].map((id) =>
        getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.rendition')).fontFamily.replace(/"/g, '')));
      log('rendition font-family:', JSON.stringify(families));
      check(families[0].startsWith('versus-inter') && families[1].startsWith('Liberation Mono') && families[2].startsWith('Liberation Serif'),
        `the HTML rendition should wear the canvas's family: ${JSON.stringify(families)}`);
      check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
      await page.context().close();
    }

    // 2. Only the Unicode ranges a payload draws are fetched ---------------------------------------
    for (const [src, want, never] of [['payloads/haiku-vs-mistral.json', ['latin-400', 'latin-600'], ['cyrillic', 'greek']],
      ['fonts-test/ru.json', ['latin-400', 'latin-600', 'cyrillic-400', 'cyrillic-600'], ['greek', 'vietnamese']]]) {
      const page = await newPage(browser, { width: 1000, height: 900 });
      const fetched = [];
      page.on('request', (r) => { const m = /fonts\/inter-([a-z-]+-\d+)\.woff2$/.exec(r.url()); if (m) fetched.push(m[1]); });
      await page.goto(server.url + 'index.html');
      await page.evaluate((src) => {
        document.body.replaceChildren();
        const w = document.createElement('versus-widget');
        w.id = 'w';
        w.setAttribute('loading', 'eager');
        w.setAttribute('src', src);
        window.__ready = new Promise((ok) => w.addEventListener('versus-ready', ok));
        document.body.append(w);
      }, src);
      await page.evaluate(() => window.__ready);
      await page.waitForLoadState('networkidle');
      log(`${src}: fetched ${fetched.sort().join(', ')}`);
      for (const f of want) check(fetched.includes(f), `${src}: inter-${f}.woff2 was not fetched (fetched: ${fetched.join(', ')})`);
      for (const f of never) check(!fetched.some((x) => x.startsWith(f)), `${src}: a ${f} face was fetched though nothing needs it (${fetched.join(', ')})`);
      check(new Set(fetched).size === fetched.length, `${src}: a face was fetched twice: ${fetched.join(', ')}`);
      await page.context().close();
    }

    // 3. A font that loads late redraws the canvas ------------------------------------------------
    {
      const page = await newPage(browser, { width: 1000, height: 900 });
      await page.goto(server.url + 'index.html');
      await page.evaluate(() => {
        document.body.replaceChildren();
        const w = document.createElement('versus-widget');
        w.id = 'w';
        w.setAttribute('loading', 'eager');
        w.setAttribute('src', 'payloads/haiku-vs-mistral.json');
        w.style.cssText = 'display: block; width: 960px; --versus-font-family: "late-face"';
        window.__ready = new Promise((ok) => w.addEventListener('versus-ready', ok));
        document.body.append(w);
      });
      await page.evaluate(() => window.__ready);
      const before = await inkWidth(page, (await titleCut(page, 'w')).png);
      // The face the publisher named arrives now (a web font on a slow network, say).
      await page.evaluate(async () => {
        const face = new FontFace('late-face', 'url(fonts-test/late.ttf)', { weight: '100 900' });
        document.fonts.add(face);
        await face.load();
      });
      let after = before;
      const deadline = Date.now() + 10000;
      while (Date.now() < deadline && near(after, before, 0.05)) {
        await page.waitForTimeout(100);
        after = await inkWidth(page, (await titleCut(page, 'w')).png);
      }
      const title = (await titleCut(page, 'w')).text;
      const mono = await inkWidth(page, await domCut(page, title, '600 27px "late-face"'));
      log(`late font: title ink ${before} px before, ${after} px after; the DOM draws ${mono} px in it`);
      check(!near(after, before, 0.05) && near(after, mono, 0.02), `the canvas did not redraw in the font that loaded late (${before} → ${after} px, the font draws ${mono} px)`);
      check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
      await page.context().close();
    }

    // 4. The CJK faces of the text's language, last ---------------------------------------------
    {
      const page = await newPage(browser, { width: 1000, height: 900 });
      await page.goto(server.url + 'index.html');
      const cases = [
        ['ja', 'fonts-test/ja.json', '', ''],                                   // kana: Japanese
        ['ko', 'fonts-test/ko.json', '--versus-font-family: "Liberation Serif"', ''],   // Hangul, after the publisher's
        ['zh-tw', 'fonts-test/zh.json', '', 'zh-TW'],                          // Han alone: by the page's lang
        ['zh-en', 'fonts-test/zh.json', '', ''],                               // Han alone in English: none
        ['seed', 'payloads/haiku-vs-mistral.json', '', ''],                    // no CJK: none
      ];
      await page.evaluate((cases) => {
        document.documentElement.lang = 'en';
        document.body.replaceChildren();
        window.__ready = [];
        for (const [id, src, css, lang] of cases) {
          const w = document.createElement('versus-widget');
          w.id = id;
          w.setAttribute('loading', 'eager');
          w.setAttribute('src', src);
          if (lang) w.setAttribute('lang', lang);
          w.style.cssText = `display: block; width: 960px; ${css}`;
          w.addEventListener('versus-ready', () => window.__ready.push(id));
          document.body.append(w);
        }
      }, cases);
      await waitFor(page, 'five widgets ready', (n) => window.__ready.length === n, cases.length, { timeout: 30000 });
      const families = await page.evaluate((ids) => Object.fromEntries(ids.map((id) =>
        [id, getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.rendition')).fontFamily.replace(/"/g, '')])), cases.map((c) => c[0]));
      log('CJK faces:', JSON.stringify(families));
      const after = (family, face) => family.indexOf(face) > family.indexOf('versus-inter');
      check(after(families.ja, 'Noto Sans CJK JP') && families.ja.startsWith('versus-inter'), `Japanese text: ${families.ja}`);
      check(families.ko.startsWith('Liberation Serif') && after(families.ko, 'Noto Sans CJK KR'), `Korean text under the publisher's family: ${families.ko}`);
      check(after(families['zh-tw'], 'Noto Sans CJK TC'), `Chinese text on a zh-TW element: ${families['zh-tw']}`);
      for (const id of ['zh-en', 'seed']) check(!/Noto Sans CJK|Hiragino|PingFang|Malgun/.test(families[id]), `#${id} names CJK faces: ${families[id]}`);
      check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
      await page.context().close();
    }
  } finally {
    await server.close();
  }
});
