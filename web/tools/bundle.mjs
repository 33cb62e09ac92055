// bundle.mjs — bundles an ES module entry and what it imports into minified ES modules for dist/
// (esbuild: comments dropped, names mangled, no eval introduced, so the result works under a
// strict Content-Security-Policy). web/src/ stays the readable source.
//   node web/tools/bundle.mjs ENTRY.js OUT.js [VERSION] [--split]
// --split (dist/versus.js): code splitting. OUT.js holds what a widget's first frame needs; each
// module the source loads with a dynamic import() becomes a chunk beside it, named
// `<OUT>-<module>.js` (web/src/actions.js → dist/versus-actions.js): stable names, listed in the
// npm package's "files" (docs/packages.md). OUT.js must import no chunk statically (esbuild would
// split code shared by the entry and a chunk into a third file, fetched on every first load):
// the build fails if it does, naming the chunk. Without --split: one file (dist/editor.js).
// `options()` and `checkSplit()` are also used by the web benchmark (tests/bench/web/bench-web.mjs),
// which bundles variants the same way.
import { build, transform } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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

// The shadow root's stylesheet (web/src/style.js: `export const CSS = \`…\``, readable, commented)
// goes into the bundle minified by esbuild's CSS minifier: 0.3 KB gzip less on every first load.
const minifyStylesheet = {
  name: 'versus-minify-stylesheet',
  setup(b) {
    b.onLoad({ filter: /[\\/]web[\\/]src[\\/]style\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const m = /export const CSS = `([^`$]*)`;/.exec(source);
      if (!m) throw new Error(`${args.path}: no \`export const CSS = \`…\`;\` without \${} to minify`);
      const { code } = await transform(m[1], { loader: 'css', minify: true });
      return { contents: source.replace(m[0], `export const CSS = ${JSON.stringify(code.trim())};`), loader: 'js' };
    });
  },
};

export function options(entry, version) {
  return {
    plugins: [minifyStylesheet],
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    define: { ...(version ? { VERSUS_VERSION: JSON.stringify(version) } : {}),
      // As a string (parsed at run time): esbuild moves an object literal define into a module
      // shared by every chunk, which would make versus.js import a third file on every first load.
      VERSUS_LOADING: JSON.stringify(JSON.stringify(loadingWords())) },
  };
}

// The split build of `entry` into the folder `outdir`, the entry's output named `name`.js and each
// chunk `name`-<module>.js.
export function splitOptions(entry, version, outdir, name) {
  return {
    ...options(entry, version),
    entryPoints: [{ in: entry, out: name }],
    splitting: true,
    outdir,
    entryNames: '[name]',
    chunkNames: `${name}-[name]`,
    metafile: true,
  };
}

// Given a split build's metafile and the entry's output name ("versus.js"): the entry's output and
// its chunks ({ entry, chunks: [paths] }); throws when the entry imports a chunk statically (a file
// every first load would fetch).
export function checkSplit(metafile, entryName) {
  const outputs = Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'));
  const entry = outputs.find((path) => basename(path) === entryName);
  if (!entry) throw new Error(`no ${entryName} among the bundle's outputs (${outputs.map((p) => basename(p)).join(', ')})`);
  const statics = metafile.outputs[entry].imports.filter((i) => i.kind === 'import-statement');
  if (statics.length) {
    throw new Error(`${entryName} imports ${statics.map((i) => basename(i.path)).join(', ')} statically: code shared ` +
      'between the first load and a lazily loaded module went into a chunk every first load would fetch; ' +
      'keep the lazily loaded modules (web/src/actions.js, service.js) free of imports from the rest');
  }
  return { entry, chunks: outputs.filter((p) => p !== entry) };
}

export { build };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const split = args.includes('--split');
  const [entry, output, version] = args.filter((a) => a !== '--split');
  if (!entry || !output) {
    console.error('usage: node web/tools/bundle.mjs ENTRY.js OUT.js [VERSION] [--split]');
    process.exit(2);
  }
  try {
    if (split) {
      const r = await build(splitOptions(entry, version, dirname(output), basename(output, '.js')));
      checkSplit(r.metafile, basename(output));
    } else {
      await build({ ...options(entry, version), outfile: output });
    }
  } catch (e) {
    // esbuild has printed its errors with file:line:column; ours has a message of its own
    if (!e.errors) console.error(`bundle.mjs: ${e.message}`);
    process.exit(1);
  }
}
