// fonts.mjs — cuts Debian's Inter (fonts-inter) into the woff2 faces of web/src/fonts.js, one per
// (Unicode range × weight), with pyftsubset (fonttools; woff2 needs python3-brotli).
//   node web/tools/fonts.mjs INTER_DIR OUT_DIR [PYFTSUBSET]
// OUT_DIR/fonts/<face>.woff2 are written; a face whose file is newer than its source and than
// fonts.js is kept. Exit 1 with pyftsubset's message when a cut fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RANGES, WEIGHTS, faceFile } from '../src/fonts.js';

const [interDir, outDir, pyftsubset = 'pyftsubset'] = process.argv.slice(2);
if (!interDir || !outDir) {
  console.error('usage: node web/tools/fonts.mjs INTER_DIR OUT_DIR [PYFTSUBSET]');
  process.exit(2);
}
const table = join(dirname(fileURLToPath(import.meta.url)), '../src/fonts.js');
const tableTime = statSync(table).mtimeMs;
mkdirSync(join(outDir, 'fonts'), { recursive: true });

for (const weight of WEIGHTS) {
  const src = join(interDir, weight.file);
  if (!existsSync(src)) {
    console.error(`fonts.mjs: ${src} not found (Debian package fonts-inter; run shell/setup.sh)`);
    process.exit(1);
  }
  for (const range of RANGES) {
    const out = join(outDir, faceFile(range, weight));
    if (existsSync(out)) {
      const t = statSync(out).mtimeMs;
      if (t > statSync(src).mtimeMs && t > tableTime) continue;
    }
    try {
      execFileSync(pyftsubset, [src, `--unicodes=${range.unicodes}`, '--flavor=woff2',
        // The OpenType features text needs to be right (kerning, ligatures, composition, localised
        // forms, mark positioning). Not Inter's contextual alternates ('calt': arrows made of
        // "->", punctuation raised between capitals; +25 % for the Basic Latin faces, 6 KB of
        // every first load), nor the fractions, numerators and other opt-in features pyftsubset
        // keeps by default, nor the stylistic sets of '*'. The canvas and the HTML rendition use
        // the same faces, so they still agree. No hinting: browsers rasterise without it.
        '--layout-features=kern,liga,clig,ccmp,locl,mark,mkmk,rlig,rvrn', '--no-hinting', '--desubroutinize',
        `--output-file=${out}`],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      console.error(`fonts.mjs: pyftsubset failed for ${out}: ${e.stderr || e.message}`);
      console.error('(woff2 output needs the Debian package python3-brotli)');
      process.exit(1);
    }
  }
}
