// bundle.mjs — bundles an ES module entry and what it imports into one minified ES module for
// dist/ (esbuild: comments dropped, names mangled, no eval introduced, so the result works under
// a strict Content-Security-Policy). web/src/ stays the readable source.
//   node web/tools/bundle.mjs ENTRY.js OUT.js [VERSION]
// `options()` is also used by the web benchmark (tests/bench/web/bench-web.mjs), which bundles
// variants the same way.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export function options(entry, version) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    define: version ? { VERSUS_VERSION: JSON.stringify(version) } : {},
  };
}

export { build };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, output, version] = process.argv.slice(2);
  if (!entry || !output) {
    console.error('usage: node web/tools/bundle.mjs ENTRY.js OUT.js [VERSION]');
    process.exit(2);
  }
  try {
    await build({ ...options(entry, version), outfile: output });
  } catch {
    process.exit(1);   // esbuild has printed the errors with file:line:column
  }
}
