// minify.mjs — writes a minified copy of an ES module for dist/ (comments dropped, names mangled,
// no eval introduced: the widget keeps working under a strict Content-Security-Policy).
//   node web/tools/minify.mjs IN.js OUT.js
import { readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node web/tools/minify.mjs IN.js OUT.js');
  process.exit(2);
}
const source = await readFile(input, 'utf8');
const result = await minify(source, {
  module: true,
  ecma: 2022,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
if (!result.code) {
  console.error(`minify.mjs: terser produced nothing for ${input}`);
  process.exit(1);
}
await writeFile(output, result.code);
