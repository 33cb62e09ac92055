// glue.mjs — minifies Emscripten's JavaScript glue in place after the link (dist/versus-core.js,
// and the web benchmark's hello.js, which is linked the same way: cmake/web.cmake).
//   node web/tools/glue.mjs FILE.js
// Why: emcc 3.1.6 without the Closure compiler (Debian ships none) only strips the glue's
// whitespace; its names stay long (42 KB, 11.2 KB gzip). esbuild renames the locals and shortens
// the syntax (24.7 KB, 8.6 KB gzip). It keeps every property name, so the wasm's imports and
// exports (Module["asm"]["gb"], the import object's keys) and the Module API the element uses are
// untouched; the glue has no eval or new Function (-s DYNAMIC_EXECUTION=0), so renaming is safe.
// Running it again on its own output changes nothing that matters (it is idempotent in effect).
import { transform } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node web/tools/glue.mjs FILE.js');
  process.exit(2);
}
try {
  const src = readFileSync(file, 'utf8');
  const out = await transform(src, { format: 'esm', target: 'es2022', minify: true, legalComments: 'none', charset: 'utf8' });
  if (!/export\s*\{[^}]*as default\s*\}|export default/.test(out.code)) {
    throw new Error('the minified glue lost its default export (is this an EXPORT_ES6 glue?)');
  }
  writeFileSync(file, out.code);
} catch (e) {
  console.error(`glue.mjs: ${file}: ${e.message}`);
  process.exit(1);
}
