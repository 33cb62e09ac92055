// scripts.test.mjs — every writing system the canvas draws reads the same as the browser's own HTML
// of the same text. For each payload of the script corpus (tests/payloads/valid/scripts-*.json:
// Russian, Greek, Japanese, Chinese, Korean, Arabic, Persian, Hebrew, Hindi, Thai, Vietnamese,
// mixed direction, emoji; Bengali, Tamil, Telugu, Gujarati, Punjabi, Malayalam, Kannada, Sinhala,
// Urdu, Georgian, Armenian, Amharic, Khmer, Lao, Burmese, Tibetan, pointed Hebrew; Syriac, Dhivehi,
// Odia, Uyghur, Yiddish, Traditional Chinese), at devicePixelRatio 2:
//   - the title and the question are cut out of the widget's canvas (where drawnItems() says they
//     are) and read back with tesseract in the script's language;
//   - the same strings drawn by the DOM, in the widget's own font-family, size and weight, are
//     read back the same way;
//   - the ink of the two must match: each cut's ink boxed, scaled to one small size and correlated
//     (inkMatch), and the two as wide — the check that needs no reader;
//   - the two readings must agree (normalised: no spaces, punctuation or format characters;
//     similarity = 1 − edit distance / length), unless the ink is the DOM's own (then tesseract
//     misread one of two same lines), and the canvas's must be close to the payload's string itself
//     (so "both unreadable" can't pass), unless tesseract can't read the DOM's own line either, or
//     the ink is the DOM's own and the DOM's line reads as the string.
// The test proves it can fail: an Arabic line drawn the way Dear ImGui drew it before (letters
// left to right in logical order, unjoined) must NOT read as the Arabic string, nor match its ink.
// Emoji can't be read back: their canvas cut must hold colour (colour emoji, not tofu or '?').
// Cuts are written to build/web/screenshots/scripts/ for people to look at.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_DIR, check, decodePngs, drawnItems, log, newPage, run, serveDistWith, shotDir, waitFor } from './lib.mjs';

const PAYLOADS = 'tests/payloads/valid';
// tesseract's language per payload; strings with Latin letters (model names) are read with
// English too (English alone reads pure Arabic worse: it guesses Latin words).
const OCR = { ru: 'rus', el: 'ell', ja: 'jpn', zh: 'chi_sim', ko: 'kor', ar: 'ara', fa: 'fas', he: 'heb', hi: 'hin', th: 'tha',
  vi: 'vie', 'mixed-direction': 'ara', emoji: 'eng',
  bn: 'ben', ta: 'tam', te: 'tel', gu: 'guj', pa: 'pan', ml: 'mal', kn: 'kan', si: 'sin', ur: 'urd', ka: 'kat',
  hy: 'hye', am: 'amh', km: 'khm', lo: 'lao', my: 'mya', bo: 'bod', 'he-niqqud': 'heb',
  syr: 'syr', dv: 'div', or: 'ori', ug: 'uig', yi: 'yid', 'zh-Hant': 'chi_tra' };
const ocrLang = (code, text) => (/[A-Za-z]/.test(text) && OCR[code] !== 'eng' && OCR[code] !== 'vie' ? `${OCR[code]}+eng` : OCR[code]);
// The roles read back and the font the widget draws them in (src/ui/style.hpp: title SemiBold 27,
// heading SemiBold 19). The question too for the scripts with shaping or direction to get wrong.
const ROLES = [{ role: 'title', css: '600 27px' }, { role: 'question', css: '600 19px' }];
const BOTH_ROLES = new Set(['ar', 'fa', 'he', 'hi', 'th', 'mixed-direction', 'emoji', 'ur', 'he-niqqud', 'si', 'km', 'my', 'bo',
  'syr', 'dv', 'or', 'ug', 'yi']);
// Agreement needed between the canvas's and the DOM's readings, and between the canvas's reading
// and the string. Measured on this machine: clean renders agree at 0.9–1.0; a reversed unjoined
// Arabic line reads at < 0.3 (see the negative control). Tesseract's packs for some scripts
// (Sinhala, Gujarati, Tibetan, pointed Hebrew) misread a clean render now and then, the DOM's as
// much as the canvas's: where the canvas reads the string at least as well as the DOM does
// (within SLACK), a lower agreement or closeness (down to FLOOR) passes.
const AGREE = 0.8;
const CLOSE = 0.7;
const SLACK = 0.02;
const FLOOR = 0.5;

function normalise(s) {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Cf}\u0640]/gu, '').toLowerCase();
}

function editSimilarity(a, b) {
  a = [...a];
  b = [...b];
  if (!a.length && !b.length) return 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[b.length] / Math.max(a.length, b.length);
}

// Similarity of two readings: in reading order, or word by word in any order (tesseract gives the
// runs of a mixed-direction line in visual order: "Mistral 4B مقابل Claude Haiku"). Letters inside
// a word still have to be right: a reversed word is another word.
function similarity(a, b) {
  const words = (s) => s.split(/\s+/).map(normalise).filter(Boolean).sort().join('');
  return Math.max(editSimilarity(normalise(a), normalise(b)), editSimilarity(words(a), words(b)));
}

const run1 = promisify(execFile);

// Reads a PNG with tesseract (one thread each: two readings run side by side on two cores).
async function ocr(png, lang, dir, name) {
  const file = join(dir, `${name}.png`);
  writeFileSync(file, png);
  try {
    // Cuts are as tight as the line boxes (no neighbouring text inside); tesseract reads best with
    // a margin, so one of the cut's own background colour is added around it.
    const { stdout: bg } = await run1('convert', [file, '-format', '%[pixel:p{0,0}]', 'info:']);
    await run1('convert', [file, '-bordercolor', bg.trim(), '-border', '24', file]);
    const { stdout } = await run1('tesseract', [file, 'stdout', '-l', lang, '--psm', '6'],
      { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return stdout.trim();
  } catch (e) {
    throw new Error(`tesseract or convert failed on ${file} (Debian packages tesseract-ocr, tesseract-ocr-${lang.split('+')[0]}, imagemagick; run shell/setup.sh): ${e.message}`);
  }
}

// Runs the readings two at a time, while the page goes on to the next payload.
function ocrQueue(limit = 2) {
  let active = 0;
  const waiting = [];
  const next = () => {
    if (active >= limit || !waiting.length) return;
    const { job, ok, fail } = waiting.shift();
    active++;
    job().then(ok, fail).finally(() => { active--; next(); });
  };
  return (job) => new Promise((ok, fail) => { waiting.push({ job, ok, fail }); next(); });
}

// A cut of the page at device resolution around a rectangle of the widget's content.
async function cut(page, rect, margin = 1) {
  const at = await page.evaluate(() => {
    const r = document.getElementById('w').shadowRoot.querySelector('.surface').getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY };
  });
  const clip = { x: at.x + rect.x0 - margin, y: at.y + rect.y0 - margin, width: rect.x1 - rect.x0 + 2 * margin, height: rect.y1 - rect.y0 + 2 * margin };
  return page.screenshot({ clip });
}

// The same text drawn by the DOM, in the widget's font-family, `css` (weight and size) and
// direction by its first strong character (dir=auto, as the canvas does), as wide as on the canvas.
async function domCut(page, text, css, width, { reversedUnjoined = false } = {}) {
  return page.evaluate(({ text, css, width, reversedUnjoined }) => {
    const w = document.getElementById('w');
    const family = w.shadowRoot.querySelector('.widget').style.fontFamily;
    let el = document.getElementById('dom-text');
    if (!el) {
      el = document.createElement('div');
      el.id = 'dom-text';
      document.body.append(el);
    }
    el.style.cssText = `position: absolute; left: 0; top: 0; padding: 1px; background: #fff; color: #16181d; z-index: 10;
      font: ${css} ${family}; line-height: 1.3; width: ${width}px; white-space: pre-wrap;`;
    el.dir = 'auto';
    if (reversedUnjoined) {
      // What a one-glyph-per-code-point, left-to-right renderer drew: logical order shown left to
      // right, each letter on its own (ZWNJ between letters: isolated forms).
      el.dir = 'ltr';
      el.style.unicodeBidi = 'bidi-override';
      el.style.direction = 'ltr';
      el.textContent = [...text].join('\u200C');
    } else {
      el.textContent = text;
    }
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  }, { text, css, width, reversedUnjoined }).then((clip) => page.screenshot({ clip }));
}

async function colourfulPixels(browser, png) {
  const [{ data }] = await decodePngs(browser, [png]);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const mx = Math.max(data[i], data[i + 1], data[i + 2]);
    const mn = Math.min(data[i], data[i + 1], data[i + 2]);
    if (mx - mn > 80) n++;
  }
  return n;
}

// How alike the ink of two cuts is, as a reader sees it: each cut's ink (darkness against its own
// background, pixel (0, 0)) is boxed, both boxes are scaled to one size small enough that a
// sub-pixel shift or a difference of anti-aliasing vanishes (INK_ROWS rows high), and compared by
// normalised cross-correlation (1: the same ink). Also the ratios of the boxes' widths and heights.
// Glyphs in another order, unjoined, missing or replaced draw other ink: a lower correlation.
const INK_ROWS = 12;
// Measured here at 12 rows: a clean render of every script of the corpus against the DOM's 0.86–1.00
// (the lowest: the tall Tibetan and Burmese lines), widths within 0.3 %; the negative control
// (reversed, unjoined Arabic) 0.28, 1.34 × as wide.
const INK_NCC = 0.7;      // below: not the ink the browser draws for that string
const INK_SAME = 0.9;     // at least: the browser's own ink (a reading that differs is tesseract's)
const INK_WIDTH = 0.03;   // the widths of the two inks differ by at most 3 %
async function inkMatch(browser, a, b) {
  const inks = (await decodePngs(browser, [a, b])).map(({ width: w, height: h, data }) => {
    const grey = (i) => (data[i] + data[i + 1] + data[i + 2]) / 3;
    const bg = grey(0);
    const ink = new Float32Array(w * h);
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = Math.max(0, bg - grey((y * w + x) * 4)) / Math.max(1, bg);
        ink[y * w + x] = v;
        if (v > 0.3) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
      }
    }
    return { ink, w, box: x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 } };
  });
  if (!inks[0].box || !inks[1].box) return { ncc: 0, wRatio: 0, hRatio: 0 };
  const bw = (k) => inks[k].box.x1 - inks[k].box.x0;
  const bh = (k) => inks[k].box.y1 - inks[k].box.y0;
  const H = INK_ROWS;
  const W = Math.max(1, Math.round((bw(0) / bh(0)) * H));
  // Area-averaged resampling of each box onto W × H.
  const sample = ({ ink, w, box }) => {
    const out = new Float32Array(W * H);
    const sx = (box.x1 - box.x0) / W, sy = (box.y1 - box.y0) / H;
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const ax = box.x0 + i * sx, ay = box.y0 + j * sy;
        const yEnd = Math.min(box.y1, Math.ceil(ay + sy)), xEnd = Math.min(box.x1, Math.ceil(ax + sx));
        let sum = 0, n = 0;
        for (let y = Math.floor(ay); y < yEnd; y++) for (let x = Math.floor(ax); x < xEnd; x++) { sum += ink[y * w + x]; n++; }
        out[j * W + i] = n ? sum / n : 0;
      }
    }
    return out;
  };
  const [p0, p1] = inks.map(sample);
  const mean = (v) => v.reduce((t, x) => t + x, 0) / v.length;
  const m0 = mean(p0), m1 = mean(p1);
  let num = 0, d0 = 0, d1 = 0;
  for (let i = 0; i < p0.length; i++) { num += (p0[i] - m0) * (p1[i] - m1); d0 += (p0[i] - m0) ** 2; d1 += (p1[i] - m1) ** 2; }
  return { ncc: num / Math.sqrt(d0 * d1 || 1), wRatio: bw(0) / bw(1), hRatio: bh(0) / bh(1) };
}

await run('the canvas reads the same as HTML in every script', async (browser) => {
  const files = readdirSync(join(SOURCE_DIR, PAYLOADS)).filter((f) => /^scripts-.*\.json$/.test(f)).sort();
  check(files.length >= 36, `expected the script corpus (36 files) in ${PAYLOADS}, found ${files.length}`);
  const server = await serveDistWith([], files.map((f) => ({ from: join(PAYLOADS, f), to: `scripts/${f}` })));
  const dir = join(shotDir(), 'scripts');
  mkdirSync(dir, { recursive: true });
  const failures = [];
  const checks = [];
  const queue = ocrQueue();
  try {
    const page = await newPage(browser, { width: 900, height: 800, dpr: 2 });
    await page.goto(server.url + 'index.html');
    await page.evaluate(() => {
      document.body.replaceChildren();
      document.body.style.margin = '0';
      const w = document.createElement('versus-widget');
      w.id = 'w';
      w.setAttribute('loading', 'eager');
      w.style.cssText = 'display: block; width: 860px; margin: 0 0 0 20px;';
      document.body.append(w);
    });
    for (const file of files) {
      const code = file.replace(/^scripts-|\.json$/g, '');
      const lang = OCR[code];
      check(lang, `no OCR language for ${file}: add it to OCR in scripts.test.mjs`);
      const payload = JSON.parse(readFileSync(join(SOURCE_DIR, PAYLOADS, file), 'utf8'));
      const before = await page.evaluate(() => window.__versusEvents.length);
      await page.evaluate((src) => document.getElementById('w').setAttribute('src', src), `scripts/${file}`);
      await waitFor(page, `versus-ready for ${file}`, (n) => window.__versusEvents.length > n, before, { timeout: 30000 });
      const ev = await page.evaluate(() => window.__versusEvents.at(-1));
      check(ev.type === 'versus-ready', `${file}: ${JSON.stringify(ev)}`);
      const items = await drawnItems(page, 'w');
      for (const { role, css } of BOTH_ROLES.has(code) ? ROLES : ROLES.slice(0, 1)) {
        const text = payload[role];
        const item = items.find((i) => i.role === role && i.text === text);
        check(item, `${file}: no "${role}" drawn on the canvas (items: ${items.slice(0, 8).map((i) => i.role).join(', ')}…)`);
        const canvasPng = await cut(page, item);
        const domPng = await domCut(page, text, css, 820);
        await page.evaluate(() => document.getElementById('dom-text')?.remove());
        if (code === 'emoji') {
          const [c, d] = [await colourfulPixels(browser, canvasPng), await colourfulPixels(browser, domPng)];
          writeFileSync(join(dir, `${code}-${role}-canvas.png`), canvasPng);
          writeFileSync(join(dir, `${code}-${role}-dom.png`), domPng);
          log(`${code} ${role}: colour pixels canvas ${c}, DOM ${d}`);
          if (!(c > 0.5 * d && c < 2 * d && d > 100)) failures.push(`${file} ${role}: the canvas's emoji are not in colour like the DOM's (${c} vs ${d} colourful pixels)`);
          continue;
        }
        const ink = await inkMatch(browser, canvasPng, domPng);
        log(`${code} ${role}: ink ncc ${ink.ncc.toFixed(3)}, width ${ink.wRatio.toFixed(3)}, height ${ink.hRatio.toFixed(3)}`);
        if (!(ink.ncc >= INK_NCC) || Math.abs(ink.wRatio - 1) > INK_WIDTH) {
          failures.push(`${file} ${role}: the canvas's ink is not the DOM's for the same text (correlation ${ink.ncc.toFixed(3)} < ${INK_NCC}, ` +
            `or width ${ink.wRatio.toFixed(3)} × the DOM's, beyond ${INK_WIDTH * 100} %)`);
        }
        const read = (png, name) => queue(() => ocr(png, ocrLang(code, text), dir, name));
        checks.push(Promise.all([read(canvasPng, `${code}-${role}-canvas`), read(domPng, `${code}-${role}-dom`)]).then(([fromCanvas, fromDom]) => {
          const agree = similarity(fromCanvas, fromDom);
          const close = similarity(fromCanvas, text);
          const domClose = similarity(fromDom, text);
          const asGood = close >= domClose - SLACK && close >= FLOOR;
          log(`${code} ${role}: agree ${agree.toFixed(2)}, close ${close.toFixed(2)} (DOM ${domClose.toFixed(2)}) | canvas "${fromCanvas.replace(/\n/g, ' ')}" | DOM "${fromDom.replace(/\n/g, ' ')}"`);
          // Where the ink is the DOM's own, readings that differ are tesseract's (it reads the same
          // pixels differently on another background); where tesseract can't read the DOM's own
          // clean line either (Debian's Dhivehi pack), the ink alone decides.
          const sameInk = ink.ncc >= INK_SAME;
          const unreadable = domClose < FLOOR;
          if (sameInk && agree < AGREE) log(`   ${code} ${role}: the readings differ, the ink is the DOM's (${ink.ncc.toFixed(3)}): tesseract's misreading`);
          if (unreadable) log(`   ${code} ${role}: tesseract can't read the DOM's own line (${domClose.toFixed(2)}): the ink decides`);
          if (agree < AGREE && !asGood && !sameInk) failures.push(`${file} ${role}: the canvas reads "${fromCanvas}", the DOM "${fromDom}" (similarity ${agree.toFixed(2)} < ${AGREE})`);
          // A character without a glyph drawn as '?' (what the canvas did before it had a text
          // engine) must not hide in a high similarity.
          const q = (t) => (t.match(/[?？]/g) || []).length;
          if (q(fromCanvas) > Math.max(q(fromDom), q(text))) failures.push(`${file} ${role}: the canvas shows '?' boxes: "${fromCanvas}"`);
          // The canvas's ink is the DOM's and the DOM's line reads as the string: the canvas's line
          // does too, whatever tesseract made of its pixels (one misread word drops a short title
          // under CLOSE: Uyghur's "Haiku" now and then).
          const readsThroughDom = sameInk && domClose >= CLOSE;
          if (close < CLOSE && !asGood && !unreadable && !readsThroughDom) failures.push(`${file} ${role}: the canvas reads "${fromCanvas}", the payload says "${text}" (similarity ${close.toFixed(2)} < ${CLOSE})`);
        }));
      }
    }
    // The negative control: Arabic drawn as a left-to-right, one-glyph-per-code-point renderer
    // draws it must not pass for Arabic.
    const ar = JSON.parse(readFileSync(join(SOURCE_DIR, PAYLOADS, 'scripts-ar.json'), 'utf8')).question;
    const wrongPng = await domCut(page, ar, '600 19px', 820, { reversedUnjoined: true });
    const rightPng = await domCut(page, ar, '600 19px', 820);
    const wrongInk = await inkMatch(browser, wrongPng, rightPng);
    log(`negative control: reversed unjoined Arabic against the DOM's: ink ncc ${wrongInk.ncc.toFixed(3)}, width ${wrongInk.wRatio.toFixed(3)}, height ${wrongInk.hRatio.toFixed(3)}`);
    const wrong = await ocr(wrongPng, OCR.ar, dir, 'ar-question-reversed-unjoined');
    await Promise.all(checks);
    const wrongScore = similarity(wrong, ar);
    log(`negative control: reversed unjoined Arabic reads "${wrong}" (similarity ${wrongScore.toFixed(2)})`);
    check(wrongScore < CLOSE, `the test can't tell a reversed, unjoined Arabic line from a right one (similarity ${wrongScore.toFixed(2)})`);
    check(wrongInk.ncc < INK_NCC || Math.abs(wrongInk.wRatio - 1) > INK_WIDTH,
      `the ink comparison can't tell a reversed, unjoined Arabic line from a right one (correlation ${wrongInk.ncc.toFixed(3)})`);
    check(page.problems.length === 0, `the page reported problems: ${page.problems.join('; ')}`);
    check(failures.length === 0, failures.join('\n'));
    await page.context().close();
  } finally {
    await server.close();
  }
});
