// web: text — the pure parts of the browser text engine (web/src/text.js) and its font table
// (web/src/fonts.js), without a browser: paragraph direction by the first strong character, Thai
// word boundaries as UTF-8 byte offsets, the payload's strings for font loading, the faces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cjkFamilies, clusterStarts, dictionaryBreaks, paragraphRtl, payloadInfo } from '../../web/src/text.js';

const payloadText = (json) => payloadInfo(json).text;
const payloadLang = (json) => payloadInfo(json).lang;
import { INTER_FAMILY, RANGES, WEIGHTS, codePoints, faces, rangesFor } from '../../web/src/fonts.js';
import { readFileSync, readdirSync } from 'node:fs';

const utf8 = (s) => new TextEncoder().encode(s);
const cut = (s, offsets) => {
  const b = utf8(s);
  const out = [];
  let at = 0;
  for (const o of [...offsets, b.length]) {
    out.push(new TextDecoder().decode(b.slice(at, o)));
    at = o;
  }
  return out;
};

test('a paragraph takes the direction of its first strong character', () => {
  assert.equal(paragraphRtl('Hello'), 0);
  assert.equal(paragraphRtl('مرحبا بالعالم'), 1);
  assert.equal(paragraphRtl('שלום'), 1);
  assert.equal(paragraphRtl('مقارنة: Llama 3.1 8B'), 1);       // Arabic first
  assert.equal(paragraphRtl('Llama 3.1 8B مقابل Mistral'), 0);  // Latin first
  assert.equal(paragraphRtl('2025 — «שלום»'), 1);              // digits and punctuation are not strong
  assert.equal(paragraphRtl('123 456'), 0);                     // none: left to right
  assert.equal(paragraphRtl(''), 0);
  assert.equal(paragraphRtl('\u200Fabc'), 1);                   // RLM is strong
  assert.equal(paragraphRtl('\u2067abc\u2069 שלום'), 1);        // an isolate is skipped (P2)
  assert.equal(paragraphRtl('ไทย'), 0);
  assert.equal(paragraphRtl('\u0301\u05D0'), 1);                // a leading mark is not strong
});

test('Thai words are found inside Thai runs only, as UTF-8 byte offsets', () => {
  const text = 'ควรเปิดตัวผลิตภัณฑ์ด้วยโมเดลไหน';
  const breaks = dictionaryBreaks(text, 'th');
  assert.ok(breaks.length >= 4, `expected several word boundaries, got ${breaks}`);
  const words = cut(text, breaks);
  assert.equal(words.join(''), text);
  assert.ok(words.includes('ผลิตภัณฑ์'), `the dictionary should find "ผลิตภัณฑ์": ${words.join('|')}`);
  for (const o of breaks) assert.ok(o > 0 && o < utf8(text).length);
  // Offsets count bytes of what comes before (a Latin prefix is 1 byte a letter), and no boundary
  // is reported between a Thai word and a Latin one (UAX #14 handles those).
  const mixed = 'Claude กับ Mistral ควรเลือก';
  const mb = dictionaryBreaks(mixed, 'th');
  for (const o of mb) {
    const [before, after] = [new TextDecoder().decode(utf8(mixed).slice(0, o)), new TextDecoder().decode(utf8(mixed).slice(o))];
    assert.match(before.slice(-1), /\p{Script=Thai}/u, `a break after a non-Thai character at ${o}`);
    assert.match(after[0], /\p{Script=Thai}/u, `a break before a non-Thai character at ${o}`);
  }
  assert.deepEqual(dictionaryBreaks('No Thai here, 日本語も', 'en'), []);
});

test('the payload text for font loading is every string of the payload', () => {
  const t = payloadText(JSON.stringify({ title: 'Заголовок', tools: [{ name: 'Ελληνικά', n: 3 }] }));
  assert.ok(t.includes('Заголовок') && t.includes('Ελληνικά'));
  assert.equal(payloadText('{not json'), '{not json');
});

test('the font table: every range in both weights, files named by range and weight', () => {
  const all = faces();
  assert.equal(all.length, RANGES.length * WEIGHTS.length);
  assert.deepEqual(WEIGHTS.map((w) => w.css), [400, 600]);   // text::Weight Regular, SemiBold
  for (const f of all) {
    assert.equal(f.family, INTER_FAMILY);
    assert.match(f.file, /^fonts\/inter-[a-z0-9-]+-(400|600)\.woff2$/);
    assert.match(f.unicodeRange, /^U\+[0-9A-F]{4}(-[0-9A-F]{4})?(,U\+[0-9A-F]{4}(-[0-9A-F]{4})?)*$/);
  }
  assert.equal(new Set(all.map((f) => f.file)).size, all.length);
  // Basic Latin and the widget's own punctuation are in the first (smallest) Latin cut, which an
  // English page fetches; the rarer punctuation is a cut of its own, sharing nothing with it.
  const within = (name, cp) => codePoints(RANGES.find((r) => r.name === name)).some(([a, b]) => cp >= a && cp <= b);
  for (const cp of [0x41, 0x23, 0x7E, 0xB7, 0xD7, 0x2013, 0x2014, 0x2019, 0x201C, 0x2026, 0x2190, 0x2192, 0x2212]) {
    assert.ok(within('latin', cp), `U+${cp.toString(16)} should be in the latin cut`);
  }
  for (const cp of [0x201E, 0x2030, 0x20AC, 0x2122, 0x2264]) {
    assert.ok(within('punctuation', cp) && !within('latin', cp), `U+${cp.toString(16)} should be in the punctuation cut only`);
  }
  for (let cp = 0x2000; cp <= 0x22FF; cp++) {
    assert.ok(!(within('latin', cp) && within('punctuation', cp)), `U+${cp.toString(16)} is in two Latin cuts`);
  }
});

test('the faces a text needs: the ranges holding its characters, each once, in table order', () => {
  const names = (text) => rangesFor(text).map((r) => r.name);
  assert.deepEqual(names(''), []);
  assert.deepEqual(names('Haiku 4B: 1,000 tokens — 2.0 × faster…'), ['latin']);
  assert.deepEqual(names('Привет, world'), ['latin', 'cyrillic']);
  assert.deepEqual(names('Ελληνικά'), ['greek']);
  assert.deepEqual(names('Tiếng Việt'), ['latin', 'vietnamese']);
  assert.deepEqual(names('Café ‰'), ['latin', 'punctuation', 'latin-1']);
  assert.deepEqual(names('日本語 العربية'), ['latin']);   // no Inter face: only the space is Inter's
  assert.deepEqual(faces(rangesFor('Ω')).map((f) => f.file), ['fonts/inter-greek-400.woff2', 'fonts/inter-greek-600.woff2']);
});

// rangesFor walks text by char code (it runs on a whole payload before its first frame): at each
// edge of each range's code points, one character alone finds exactly the ranges that list it.
test('rangesFor finds a range at each edge of its code points, astral and lone surrogates too', () => {
  const holding = (cp) => RANGES.filter((r) => codePoints(r).some(([a, b]) => cp >= a && cp <= b)).map((r) => r.name);
  const edges = new Set([0xD800, 0xDFFF, 0x1F600, 0x10FFFF]);
  for (const r of RANGES) for (const [a, b] of codePoints(r)) for (const cp of [a - 1, a, b, b + 1]) if (cp >= 0) edges.add(cp);
  for (const cp of edges) {
    const names = rangesFor(String.fromCodePoint(cp)).map((r) => r.name);
    assert.deepEqual(names, holding(cp), `U+${cp.toString(16).toUpperCase()}`);
  }
  // A pair is one character (not two lone surrogates), next to others.
  assert.deepEqual(rangesFor('\u{1F600}Ω').map((r) => r.name), ['greek']);
  assert.deepEqual(rangesFor('x\uD83D').map((r) => r.name), ['latin']);
});

// The widget registers the latin cut's faces before anything else (web/src/element.js #load) and
// the payload's own ranges once it is in: every word the core draws of its own (the English labels
// of src/model/labels.hpp, figures, units) must then be in that cut, or its first frame draws them
// in a fallback font.
test('the core\'s own words are all in the latin cut', () => {
  const root = new URL('../../src/', import.meta.url);
  // A line without its // comment (one outside a string literal).
  const code = (line) => {
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '"') quoted = !quoted;
      else if (!quoted && line.startsWith('//', i)) return line.slice(0, i);
    }
    return line;
  };
  let text = '';
  for (const dir of ['model', 'ui', 'present', 'platform/web']) {
    for (const file of readdirSync(new URL(`${dir}/`, root))) {
      // The payload's problem lines (validate.cpp: "must be an integer ≥ 0") show in the error
      // card, after which every face is registered (#fail), and in the console.
      if (!/\.(cpp|hpp)$/.test(file) || file === 'validate.cpp') continue;
      const src = readFileSync(new URL(`${dir}/${file}`, root), 'utf8').split('\n').map(code).join('\n');
      for (const m of src.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
        text += m[1].replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      }
    }
  }
  assert.ok(text.includes('Loading comparison\u2026'), 'the labels of src/model/labels.hpp were read');
  assert.ok(/[\u2014\u2019\u2026]/.test(text), 'the labels\' own punctuation was seen');
  assert.deepEqual(rangesFor(text).map((r) => r.name), ['latin']);
});

test('the payload\'s lang is read for the loading line, and nothing else', () => {
  assert.equal(payloadLang(JSON.stringify({ lang: 'ar', tools: [{ lang: 'de' }] })), 'ar');
  assert.equal(payloadLang(JSON.stringify({ title: 'x', tools: [{ lang: 'de' }] })), '');
  assert.equal(payloadLang('{not json'), '');
  assert.equal(payloadLang('{"lang": 3}'), '');
});

test('grapheme clusters come whole, as UTF-8 byte offsets of where each starts', () => {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';   // one emoji ZWJ sequence
  const flag = '\u{1F1EF}\u{1F1F5}';                            // one flag: two regional indicators
  const texts = {
    [`${family}${family}`]: [family, family],
    [`${flag}${flag}!`]: [flag, flag, '!'],
    'Cafe\u0301 ': ['C', 'a', 'f', 'e\u0301', ' '],
    'a\r\nb': ['a', '\r\n', 'b'],
    'Tiếng Việt': [...'Tiếng Việt'],
    '\u{1F44D}\u{1F3FD}ok': ['\u{1F44D}\u{1F3FD}', 'o', 'k'],   // a skin tone stays with its emoji
  };
  const withAndWithoutSegmenter = (check) => {
    check();
    const segmenter = Intl.Segmenter;
    Intl.Segmenter = undefined;   // a browser without it (Firefox before 125): the fallback
    try { check(); } finally { Intl.Segmenter = segmenter; }
  };
  withAndWithoutSegmenter(() => {
    for (const [text, clusters] of Object.entries(texts)) {
      const bytes = clusters.map((c) => utf8(c).length);
      const starts = bytes.slice(0, -1).map((_, i) => bytes.slice(0, i + 1).reduce((a, b) => a + b, 0));
      assert.deepEqual(clusterStarts(text), starts, text);
      assert.deepEqual(cut(text, clusterStarts(text)), clusters, text);
    }
  });
  // A Devanagari conjunct and vowel sign stay with their consonant (the browser's clusters).
  assert.deepEqual(cut('क्षत्रिय', clusterStarts('क्षत्रिय')).length < [...'क्षत्रिय'].length, true);
  assert.deepEqual(clusterStarts(''), []);
});

test('Japanese, Chinese and Korean are drawn in the faces of their language, named last', () => {
  const first = (lang, text = '') => cjkFamilies(lang, text).split(',')[0];
  // By the language (the payload's, else the page's), whatever the text.
  assert.equal(first('ja'), '"Noto Sans CJK JP"');
  assert.equal(first('ja-JP', '漢字'), '"Noto Sans CJK JP"');
  assert.equal(first('ko-KR'), '"Noto Sans CJK KR"');
  assert.equal(first('zh'), '"Noto Sans CJK SC"');
  assert.equal(first('zh-CN'), '"Noto Sans CJK SC"');
  assert.equal(first('zh-Hans-SG'), '"Noto Sans CJK SC"');
  assert.equal(first('zh-TW'), '"Noto Sans CJK TC"');
  assert.equal(first('zh-Hant-HK'), '"Noto Sans CJK TC"');
  assert.equal(first('ZH-hant'), '"Noto Sans CJK TC"');
  // Else by the text: kana is Japanese, Hangul Korean (as the desktop's engine decides).
  assert.equal(first('en', 'モデル比較: Claude Haiku'), '"Noto Sans CJK JP"');
  assert.equal(first('', '모델 비교'), '"Noto Sans CJK KR"');
  assert.equal(first('fr', '漢字とかな'), '"Noto Sans CJK JP"');
  assert.equal(first('en', '한국어・日本語 (にほんご)'), '"Noto Sans CJK KR"');   // Korean quoting Japanese
  assert.equal(cjkFamilies('en', '中文・漢字'), '');   // the middle dot alone is not kana
  // Han alone in another language, or no CJK at all: the browser's own fallback (nothing named).
  assert.equal(cjkFamilies('en', '模型对比'), '');
  assert.equal(cjkFamilies('en', 'Claude Haiku vs Mistral 4B'), '');
  assert.equal(cjkFamilies('jam', 'Patwa'), '');   // not Japanese: a tag that starts with "ja"
  assert.equal(cjkFamilies(undefined, ''), '');
  // Each list also names macOS's and Windows's own faces.
  assert.match(cjkFamilies('ja'), /Hiragino Sans.*Yu Gothic/);
  assert.match(cjkFamilies('zh-TW'), /PingFang TC.*Microsoft JhengHei/);
});
