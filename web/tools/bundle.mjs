// bundle.mjs — bundles an ES module entry and what it imports into one minified ES module for
// dist/ (esbuild: comments dropped, names mangled, no eval introduced, so the result works under
// a strict Content-Security-Policy). web/src/ stays the readable source.
//   node web/tools/bundle.mjs ENTRY.js OUT.js [VERSION]
// `options()` is also used by the web benchmark (tests/bench/web/bench-web.mjs), which bundles
// variants the same way.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE_DIR = fileURLToPath(new URL('../..', import.meta.url));

// The one label the element shows before the core runs, "Loading comparison…", in every shipped
// language: read at build time from where the words live (src/model/labels.hpp for English,
// assets/i18n/<lang>.json for the others), so the first paint is in the widget's language without
// a copy of the words in web/src/ and without fetching a translation first. {en: "…", de: "…", …}
export function loadingWords(sourceDir = SOURCE_DIR) {
  const labels = readFileSync(`${sourceDir}/src/model/labels.hpp`, 'utf8');
  const english = /X\(loading, ("(?:[^"\\]|\\.)*")\)/.exec(labels);
  if (!english) throw new Error('src/model/labels.hpp: no X(loading, "...") label');
  const words = { en: JSON.parse(english[1]) };
  const dir = `${sourceDir}/assets/i18n`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    if (typeof doc.labels?.loading !== 'string') throw new Error(`${dir}/${file}: no "loading" label`);
    words[doc.lang] = doc.labels.loading;
  }
  return words;
}

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
    define: { ...(version ? { VERSUS_VERSION: JSON.stringify(version) } : {}),
      VERSUS_LOADING: JSON.stringify(loadingWords()) },
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
