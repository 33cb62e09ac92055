// fonts.js — the widget's default typeface on the web, Inter, as the browser should fetch it: one
// small woff2 file per (Unicode range × weight), so a page downloads only the ranges its payloads
// use (a Russian comparison fetches Cyrillic, an English one never does).
//
// Why here and not in the wasm: the browser already has a text engine and fonts for every script;
// the core asks it to draw (web/src/text.js). Inter stays the look for Latin, Greek and Cyrillic;
// every other script comes from the publisher's font-family and then the browser's own fallbacks.
//
// One truth: this table drives both the build (web/tools/fonts.mjs runs pyftsubset over Debian's
// fonts-inter for each entry, into dist/fonts/) and the FontFace registration at run time.
// Pure data and pure functions: no DOM here, so node can import it at build time.

// The family name the faces are registered under: our own, so that a page's own "Inter" (another
// version, other ranges) never mixes with ours.
export const INTER_FAMILY = 'versus-inter';

// CSS font-weight of each text::Weight (Regular, SemiBold), and the Inter file each is cut from.
export const WEIGHTS = [
  { css: 400, file: 'Inter-Regular.otf' },
  { css: 600, file: 'Inter-SemiBold.otf' },
];

// Unicode ranges (Google Fonts' cuts of Inter, with its Latin one split in three: Basic Latin with
// the punctuation and arrows the widget's own labels and common English text draw (— – ‘ ’ “ ” …
// • · × − ← →) — what an English comparison needs, 7.6 KB a weight; the rarer punctuation and
// symbols (‐ ‒ ― „ ‚ † ‡ ‰ ′ ″ ‹ › € ™ ↑ ↓ ≤ ≥, 2.1 KB a weight, fetched only by text that has
// them); and the rest of Latin-1 and General Punctuation). A character in no range falls through to
// the next family. Where cuts share a character (combining marks, a currency sign), any face draws
// it the same: they are cut from one font.
export const RANGES = [
  { name: 'latin', unicodes: 'U+0000-007F,U+00A0,U+00B7,U+00D7,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,' +
    'U+2190,U+2192,U+2212,U+FEFF,U+FFFD' },
  { name: 'punctuation', unicodes: 'U+2010-2012,U+2015-2017,U+201A-201B,U+201E-2021,U+2023-2025,U+2027,U+2030-203A,' +
    'U+20AC,U+2122,U+2191,U+2193,U+2264-2265' },
  { name: 'latin-1', unicodes: 'U+00A1-00B6,U+00B8-00D6,U+00D8-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,' +
    'U+02DC,U+2000-200F,U+2028-202F,U+203B-206F,U+2074,U+2215' },
  { name: 'latin-ext', unicodes: 'U+0100-0130,U+0132-0151,U+0154-02AF,U+0304,U+0308,U+0329,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,' +
    'U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF' },
  { name: 'vietnamese', unicodes: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,' +
    'U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB' },
  { name: 'greek', unicodes: 'U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF' },
  { name: 'greek-ext', unicodes: 'U+1F00-1FFF' },
  { name: 'cyrillic', unicodes: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { name: 'cyrillic-ext', unicodes: 'U+0460-052F,U+1C80-1C88,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F' },
  { name: 'symbols', unicodes: 'U+2100-214F,U+2194-21FF,U+2200-2263,U+2266-22FF,U+2300-23FF,U+25A0-25FF,U+2713-2717' },
];

// The file of one face, relative to dist/ (where versus.js is).
export function faceFile(range, weight) {
  return `fonts/inter-${range.name}-${weight.css}.woff2`;
}

// The faces of `ranges` (every range by default): { family, file, unicodeRange, weight }.
export function faces(ranges = RANGES) {
  const out = [];
  for (const range of ranges) {
    for (const weight of WEIGHTS) {
      out.push({ family: INTER_FAMILY, file: faceFile(range, weight), unicodeRange: range.unicodes, weight: weight.css });
    }
  }
  return out;
}

// A range's code points as [first, last] pairs, from its CSS unicode-range list.
export function codePoints(range) {
  return range.unicodes.split(',').map((part) => {
    const [a, b] = part.slice(2).split('-').map((x) => parseInt(x, 16));
    return [a, b ?? a];
  });
}

// Every range's [first, last] code point pairs, flattened for rangesFor (built on first use):
// first[i]..last[i] belongs to RANGES[owner[i]].
let spans = null;

// The ranges of RANGES that hold at least one character of `text`, in RANGES order: the faces a
// text can be drawn with (web/src/text.js registers just those ahead of drawing it). Called with
// a whole payload's text before its first frame, so it walks the text once by char code, with no
// iterator or destructuring per character (the seed's 6.7 KB, cold, in node: 0.24 ms, was 2.4 ms).
export function rangesFor(text) {
  if (!spans) {
    spans = { first: [], last: [], owner: [] };
    RANGES.forEach((range, k) => {
      for (const [a, b] of codePoints(range)) {
        spans.first.push(a);
        spans.last.push(b);
        spans.owner.push(k);
      }
    });
  }
  const ascii = new Uint8Array(0x80);   // most of a text: flags, not set entries
  const seen = new Set();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i);
    if (cp < 0x80) ascii[cp] = 1;
    else {
      if (cp > 0xffff) i++;   // the low surrogate of a pair
      seen.add(cp);
    }
  }
  ascii.forEach((flag, cp) => { if (flag) seen.add(cp); });
  const { first, last, owner } = spans;
  const hit = new Array(RANGES.length).fill(false);
  for (const cp of seen) {
    for (let i = 0; i < first.length; i++) if (cp >= first[i] && cp <= last[i]) hit[owner[i]] = true;
  }
  return RANGES.filter((range, k) => hit[k]);
}
