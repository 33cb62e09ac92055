// text.js — the browser's own text engine, lent to the WebAssembly core: it measures and draws
// every line of the widget with a 2D canvas, so whatever the page can draw in HTML (Arabic joined
// right to left, Devanagari conjuncts, CJK, colour emoji, the publisher's web fonts) the WebGL
// canvas draws too, with the same shaping, the same bidi ordering and the same fonts.
//
// How the pieces fit (src/platform/web/text_engine_web.cpp is the C++ half):
//   - the core's layout (src/text/layout.cpp) breaks paragraphs into lines and asks, through
//     EM_JS, for widths (measure), font metrics, paragraph directions, grapheme clusters and
//     Thai/Lao/Khmer/Myanmar word boundaries (Intl.Segmenter);
//   - for each line it draws, the core reserves a rectangle in a WebGL texture page (its shelf
//     packer) and queues the line here (queue): text, font, colour, device-pixel position;
//   - once a frame is built, the core calls flush(): the queued lines are drawn with fillText into
//     one scratch canvas shared by every widget of the page, read back (getImageData) and uploaded
//     into their pages, one texSubImage2D per dirty run of a shelf.
// Lines are rasterised in the colour they are drawn in, at the device pixel ratio: one texel is
// one device pixel, and colour emoji keep their colours.
//
// Fonts: Inter (web/src/fonts.js, dist/fonts/*.woff2) registered with the FontFace API, cut by
// Unicode range so the browser fetches only what a payload uses; then the publisher's CSS
// (`--versus-font-family`, or `font-family` set on the element); then the page's font and the
// browser's fallbacks for every other script. See fontFamily().

import { INTER_FAMILY, RANGES, WEIGHTS, faces, rangesFor } from './fonts.js';

// [SECTION] Fonts ------------------------------------------------------------------------------------

const registered = new Set();   // names of the ranges whose faces the page has

// Registers the Inter faces `text` needs with the page (each range once, whichever widget asks
// first), or every face not registered yet when `text` is left out. `base`: the URL the dist files
// are relative to (that of versus.js). Nothing downloads here: the browser fetches a face when text
// in its range is first laid out or loaded (document.fonts.load). Registering a face costs the main
// thread (~0.15 ms each here), so a widget registers what its first frame draws before it and the
// rest after it.
export function registerFonts(base, text) {
  if (typeof FontFace === 'undefined' || !document.fonts) return;
  const ranges = (text === undefined ? RANGES : rangesFor(text)).filter((r) => !registered.has(r.name));
  for (const f of faces(ranges)) {
    const url = new URL(f.file, base).href;
    try {
      document.fonts.add(new FontFace(f.family, `url("${url}") format("woff2")`,
        { weight: String(f.weight), style: 'normal', unicodeRange: f.unicodeRange, display: 'swap' }));
    } catch (e) {
      console.warn(`versus: cannot register the font ${url}: ${e && e.message ? e.message : e}`);
    }
  }
  for (const r of ranges) registered.add(r.name);
}

const INTER = `"${INTER_FAMILY}"`;

function parentOf(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode && el.getRootNode();
  return root && root.host ? root.host : null;
}

// The CSS font-family list the widget draws with (canvas and HTML rendition alike):
//   1. `--versus-font-family` (a custom property, inherited: set it on the element or any
//      ancestor) — the publisher's choice, then Inter and the generic sans-serif as fallbacks;
//   2. else `font-family` set on the element itself (it differs from its parent's), likewise;
//   3. else Inter first, then the page's own font-family (inherited), which the browser falls
//      back through for scripts Inter lacks, exactly as the page's HTML does.
// `cjk` (cjkFamilies) goes last: after every family the publisher or the page names.
export function fontFamily(el, cjk = '') {
  const cs = getComputedStyle(el);
  const custom = cs.getPropertyValue('--versus-font-family').trim();
  const own = cs.fontFamily.trim();
  const parent = parentOf(el);
  const inherited = parent ? getComputedStyle(parent).fontFamily.trim() : own;
  let list;
  if (custom) list = `${custom}, ${INTER}, sans-serif`;
  else if (own && own !== inherited) list = `${own}, ${INTER}, sans-serif`;
  else list = own ? `${INTER}, ${own}` : `${INTER}, sans-serif`;
  return cjk ? `${list}, ${cjk}` : list;
}

// Faces for Japanese, Chinese and Korean, per language: Noto CJK (Linux, Android, ChromeOS; and
// under Google Fonts' names), then macOS's and Windows's own. Named at the end of the widget's
// list, after every family of the publisher and the page: Han, kana and Hangul then come from a
// face the list names, in the forms of the text's language, rather than from the browser's search
// of the system's fonts for each character, which in Chromium on Linux made a Japanese payload's
// measuring 2–3 × slower (120 `measureText` calls: 66–90 ms, 29–36 ms with the face named; the
// first miss of a family the system lacks costs more there, so the Noto names come first).
const CJK_FAMILIES = {
  ja: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo',
  'zh-Hans': '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei"',
  'zh-Hant': '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"',
  ko: '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"',
};
// Kana letters (not ・ or ー, Script=Common: Korean and Chinese use them too) and Hangul.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

// The CJK_FAMILIES a widget's text is drawn with: by its language (`lang`, a BCP 47 tag: the
// payload's, else the page's) when that is Japanese, Chinese or Korean; else by its text when that
// has Hangul (Korean) or kana (Japanese) — as the desktop's engine picks Noto Sans CJK JP for Han
// beside kana; '' for Han alone in another language (the browser's own fallback, as before).
export function cjkFamilies(lang, text) {
  const l = String(lang || '').toLowerCase();
  let key = '';
  if (/^ja(-|$)/.test(l)) key = 'ja';
  else if (/^ko(-|$)/.test(l)) key = 'ko';
  else if (/^zh(-|$)/.test(l)) key = /-(hant|tw|hk|mo)(-|$)/.test(l) ? 'zh-Hant' : 'zh-Hans';
  else if (HANGUL.test(text)) key = 'ko';   // first: Korean text may quote Japanese, rarely the reverse
  else if (KANA.test(text)) key = 'ja';
  return key ? CJK_FAMILIES[key] : '';
}

// What the loading of a payload needs from its JSON text before the core reads it, from one parse:
// `text`, every string joined (what document.fonts.load needs to fetch the ranges the payload
// draws; bad JSON: the raw text, the core reports the error), and `lang`, the payload's own
// `lang` ("" when it has none or is not JSON: the loading line speaks it before the core runs).
export function payloadInfo(json) {
  let doc;
  try {
    doc = JSON.parse(json);
  } catch {
    return { text: json, lang: '' };
  }
  let text = '';
  const walk = (v) => {
    if (typeof v === 'string') text += v + '\n';
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const k in v) walk(v[k]);
  };
  walk(doc);
  const lang = doc?.lang;
  return { text, lang: typeof lang === 'string' ? lang : '' };
}

// The CSS weight of text::Weight (0 Regular, 1 SemiBold, src/text/engine.hpp): fonts.js WEIGHTS,
// in that order.
const CSS_WEIGHTS = WEIGHTS.map((w) => w.css);

// Faces loaded by loadFonts() before a widget drew with them: their loadingdone needs no redraw.
const preloaded = new WeakSet();

// Whether a document.fonts loadingdone event brings a face some widget may have drawn without
// (one loadFonts() did not wait for: a late range, a slow network, the publisher's web font).
export function bringsNewFaces(event) {
  const faces = event && event.fontfaces;
  return !faces || !faces.length || faces.some((f) => !preloaded.has(f));
}

// Resolves once the faces `text` needs in `family` (both weights) are loaded, or after `timeoutMs`
// (a slow font then arrives later: document.fonts' loadingdone redraws the widget).
export function loadFonts(family, text, timeoutMs = 3000) {
  if (!document.fonts || !document.fonts.load) return Promise.resolve();
  const sample = text || 'x';
  let late = false;   // past the timeout the widget draws without waiting: a face then is news
  const loads = CSS_WEIGHTS.map((w) => document.fonts.load(`${w} 16px ${family}`, sample)
    .then((faces) => { if (!late) for (const f of faces) preloaded.add(f); }, () => null));
  let timer = 0;
  const timeout = new Promise((ok) => { timer = setTimeout(() => { late = true; ok(); }, timeoutMs); });
  return Promise.race([Promise.all(loads), timeout]).finally(() => clearTimeout(timer));
}

// [SECTION] The shared 2D context ---------------------------------------------------------------------
// One detached canvas for every widget of the page (a detached <canvas>, not an OffscreenCanvas:
// it sees the document's fonts, FontFace ones included). It grows to the largest page drawn.

let scratch = null;    // { canvas, ctx }
let currentFont = '';  // ctx.font last set (setting it parses the string: skipped when unchanged)

function context() {
  if (!scratch) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    scratch = { canvas, ctx };
    freshState(ctx);
  }
  return scratch.ctx;
}

// A new or resized canvas has the default state: what useFont and useDirection remember is
// forgotten, and textAlign is set (never changed after: every line is placed from its left end).
function freshState(ctx) {
  currentFont = currentDir = '';
  ctx.textAlign = 'left';
}

function useFont(ctx, css) {
  if (css !== currentFont) {
    ctx.font = css;
    currentFont = css;
  }
}

// ctx.direction, set only when it changes: setting it costs even when it is unchanged (2,000 short
// measures took 2.5 times as long with direction and textAlign set before each, Chromium 156).
let currentDir = '';
function useDirection(ctx, rtl) {
  const dir = rtl ? 'rtl' : 'ltr';
  if (dir !== currentDir) {
    ctx.direction = dir;
    currentDir = dir;
  }
}

// The language glyphs are chosen for, where the browser lets a canvas have one (ctx.lang).
function useLang(ctx, lang) {
  if ('lang' in ctx) {
    const want = lang || 'inherit';
    if (ctx.lang !== want) ctx.lang = want;
  }
}

function ensureScratch(w, h) {
  const c = scratch.canvas;
  if (c.width >= w && c.height >= h) return;
  c.width = Math.max(c.width, w);
  c.height = Math.max(c.height, h);
  freshState(scratch.ctx);   // resizing a canvas resets its state
}

// What the shared context measured, by language, font, direction and text: [advance width, then
// the ink box: left, right, ascent, descent]. A widget's layout asks for the same run more than
// once (its width, then its ink box to rasterise it: a third of the seed's first-frame measures were
// repeats), and every widget of the page shares it. Emptied when fonts finish loading
// (fontsChanged: a run may then be drawn with another face), and whenever it reaches MEASURED_MAX.
const MEASURED_MAX = 20000;
let measured = new Map();

function measureRun(lang, css, rtl, text) {
  const key = `${rtl ? 1 : 0}${lang}|${css}|${text}`;
  let v = measured.get(key);
  if (v === undefined) {
    if (measured.size >= MEASURED_MAX) measured = new Map();
    const ctx = context();
    useLang(ctx, lang);
    useFont(ctx, css);
    useDirection(ctx, rtl);
    const m = ctx.measureText(text);
    v = [m.width, m.actualBoundingBoxLeft, m.actualBoundingBoxRight, m.actualBoundingBoxAscent, m.actualBoundingBoxDescent];
    measured.set(key, v);
  }
  return v;
}

// [SECTION] Paragraph direction and dictionary words ---------------------------------------------------

// Scripts written right to left (their letters are the strong R/AL characters of UAX #9).
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Old_South_Arabian}\p{Script=Avestan}\p{Script=Yezidi}]/u;
// Strong characters: letters and spacing marks (Bidi_Class L, R or AL for nearly all of them).
const STRONG = /[\p{L}\p{Mc}]/u;

// 1 when the first strong character (UAX #9 P2-P3: skipping isolates) is right to left, else 0.
export function paragraphRtl(text) {
  let depth = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c >= 0x2066 && c <= 0x2068) { depth++; continue; }       // LRI, RLI, FSI
    if (c === 0x2069) { if (depth > 0) depth--; continue; }       // PDI
    if (depth > 0) continue;
    if (c === 0x200E) return 0;                                    // LRM
    if (c === 0x200F || c === 0x061C) return 1;                    // RLM, ALM
    if (STRONG.test(ch)) return RTL_LETTER.test(ch) ? 1 : 0;
  }
  return 0;
}

// Scripts whose words UAX #14 leaves to a dictionary (class SA).
const DICTIONARY_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tai_Tham}\p{Script=Tai_Viet}\p{Script=New_Tai_Lue}\p{Script=Tai_Le}]/u;
const segmenters = new Map();

// UTF-16 index → UTF-8 byte offset of `text`, for ascending indices: walks the text once across
// the calls of one pass.
function utf8Walker(text) {
  let u16 = 0;
  let u8 = 0;
  return (index) => {
    while (u16 < index) {
      const c = text.codePointAt(u16);
      u8 += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      u16 += c >= 0x10000 ? 2 : 1;
    }
    return u8;
  };
}

// UTF-8 byte offsets (ascending) of word boundaries strictly inside runs of those scripts.
export function dictionaryBreaks(text, lang) {
  if (!DICTIONARY_SCRIPT.test(text) || typeof Intl === 'undefined' || !Intl.Segmenter) return [];
  let seg = segmenters.get(lang);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang || undefined, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(lang, seg);
  }
  const out = [];
  const utf8At = utf8Walker(text);
  for (const s of seg.segment(text)) {
    const i = s.index;
    if (i === 0) continue;
    const before = String.fromCodePoint(text.codePointAt(i - 1 - (i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]) ? 1 : 0)));
    const after = String.fromCodePoint(text.codePointAt(i));
    if (!DICTIONARY_SCRIPT.test(before) || !DICTIONARY_SCRIPT.test(after)) continue;
    out.push(utf8At(i));
  }
  return out;
}

// Where a cluster ends without Intl.Segmenter (Firefox before 125): a code point with the marks,
// non-joiners, variation selectors, emoji modifiers and tags after it, a joiner and what it joins,
// CR LF, a pair of regional indicators (a flag).
const CLUSTER = /\r\n|[\u{1F1E6}-\u{1F1FF}]{2}|.(?:[\p{M}\u200C\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u200D.?)*/gsu;
let graphemes;

// UTF-8 byte offsets (ascending, 0 left out) where the grapheme clusters of `text` start: the
// browser's own (Intl.Segmenter), so the canvas never cuts a cluster its HTML keeps whole. The core
// asks only for text it cannot cut itself (src/text/layout.cpp own_cluster_break: Latin, Greek,
// Cyrillic, Armenian, Hebrew, Arabic and CJK it cuts itself).
export function clusterStarts(text) {
  const starts = [];
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    graphemes ||= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const s of graphemes.segment(text)) starts.push(s.index);
  } else {
    for (const m of text.matchAll(CLUSTER)) starts.push(m.index);
  }
  const utf8At = utf8Walker(text);
  return starts.filter((i) => i > 0).map(utf8At);
}

// [SECTION] One widget's engine ---------------------------------------------------------------------

const RED = (c) => c & 0xff;
const GREEN = (c) => (c >>> 8) & 0xff;
const BLUE = (c) => (c >>> 16) & 0xff;

// The engine one core instance calls (handed over as Module.versusText). Its own part is the
// font family and the lines queued for its texture pages; the 2D context is shared.
export function createTextEngine(family = `${INTER}, sans-serif`) {
  let queued = new Map();   // page → [{ text, css, rtl, rgba, lang, x, y, w, h, ox, oy }]
  let lang = '';            // BCP 47 of the widget ('' = unknown): picks Han glyphs (ja vs zh)
  const fontCss = (size, weight) => `${CSS_WEIGHTS[weight] || 400} ${size}px ${family}`;
  return {
    setLanguage(l) { lang = l; },
    get family() { return family; },
    // A new family: the caller drops every cached width and texel (versus_fonts_changed).
    setFamily(f) { family = f; },

    // [ascent, descent] of the first available font, CSS pixels.
    metrics(size, weight) {
      const ctx = context();
      useFont(ctx, fontCss(size, weight));
      useDirection(ctx, false);
      const m = ctx.measureText(' ');
      const a = m.fontBoundingBoxAscent;
      const d = m.fontBoundingBoxDescent;
      // Browsers without fontBoundingBox*: Inter's own proportions.
      return Number.isFinite(a) && Number.isFinite(d) ? [a, d] : [size * 0.969, size * 0.242];
    },

    // Advance width of `text` as one line, CSS pixels.
    measure(text, size, weight, rtl) {
      return measureRun(lang, fontCss(size, weight), rtl, text)[0];
    },

    // Ink box of `text` drawn at `size` × `ratio` (device pixels), relative to the left end of its
    // advance and its baseline: [left, right, ascent, descent] (left/ascent positive outward).
    ink(text, size, weight, rtl, ratio) {
      return measureRun(lang, fontCss(size * ratio, weight), rtl, text).slice(1);
    },

    // A line to draw at the next flush into page `page`, texels (x, y, w, h), with its origin (the
    // left end of its advance, on the baseline) at (x + ox, y + oy).
    queue(page, x, y, w, h, ox, oy, text, size, weight, rtl, ratio, rgba) {
      let list = queued.get(page);
      if (!list) queued.set(page, (list = []));
      list.push({ x, y, w, h, ox, oy, text, css: fontCss(size * ratio, weight), rtl, rgba, lang });
    },

    // Whether lines are waiting for page `page`.
    pending(page) { return queued.has(page); },

    // Forgets what was queued (the atlas was reset: those rectangles belong to nobody now).
    drop() { queued = new Map(); },

    // Draws the lines queued for `page` and uploads them into the texture bound to TEXTURE_2D of
    // `gl` (the core binds the page's texture first). One upload per run of adjacent rectangles.
    flush(gl, page) {
      const list = queued.get(page);
      if (!list) return;
      queued.delete(page);
      const ctx = context();
      let maxX = 1;
      let maxY = 1;
      for (const j of list) { maxX = Math.max(maxX, j.x + j.w); maxY = Math.max(maxY, j.y + j.h); }
      ensureScratch(maxX, maxY);
      // Each rectangle holds its line's ink plus a transparent margin (the core pads the ink box),
      // so nothing spills into a neighbour and bilinear sampling at the quad's edge reads zero.
      for (const j of list) {
        ctx.clearRect(j.x, j.y, j.w + 1, j.h);   // with the gutter column a merged run uploads
        useFont(ctx, j.css);
        useLang(ctx, j.lang);
        useDirection(ctx, j.rtl);
        ctx.fillStyle = `rgb(${RED(j.rgba)},${GREEN(j.rgba)},${BLUE(j.rgba)})`;
        ctx.fillText(j.text, j.x + j.ox, j.y + j.oy);
      }
      // Dirty runs: rectangles of one shelf (same y and h) that touch, in allocation order. Each
      // run goes straight from the scratch canvas to the texture (WebGL 2 takes a sub-rectangle of
      // a canvas: UNPACK_SKIP_PIXELS/ROWS), with no ImageData in between.
      list.sort((a, b) => a.y - b.y || a.x - b.x);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      let i = 0;
      while (i < list.length) {
        const first = list[i];
        let x1 = first.x + first.w;
        let k = i + 1;
        while (k < list.length && list[k].y === first.y && list[k].h === first.h && list[k].x <= x1 + 1) {
          x1 = Math.max(x1, list[k].x + list[k].w);
          k++;
        }
        gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, first.x);
        gl.pixelStorei(gl.UNPACK_SKIP_ROWS, first.y);
        gl.texSubImage2D(gl.TEXTURE_2D, 0, first.x, first.y, x1 - first.x, first.h, gl.RGBA, gl.UNSIGNED_BYTE, scratch.canvas);
        i = k;
      }
      gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, 0);
      gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    },

    paragraphRtl,
    dictionaryBreaks,
    clusterStarts,
  };
}

// Drops the font string cache of the shared context (fonts loaded late: the same CSS string may
// now resolve to another face).
export function fontsChanged() {
  currentFont = '';
  measured = new Map();
}
