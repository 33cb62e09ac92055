// core.js — the WebAssembly core (versus-core.js + versus-core.wasm, next to versus.js wherever it
// is hosted): fetched and compiled once per page, instantiated once per widget, and the few helpers
// that hand text to it and read JSON back.

// Resolved against the bundle (dist/versus.js), not against this source file.
export const CORE_JS_URL = new URL('versus-core.js', import.meta.url).href;
export const CORE_WASM_URL = new URL('versus-core.wasm', import.meta.url).href;

// The widget's words in a language other than English (dist/i18n/<lang>.json, next to versus.js):
// fetched once per page and language, only when a widget speaks it. Resolves to the text, or null
// when it cannot be had (the widget then stays in English).
const translations = new Map();
export function fetchTranslation(lang) {
  if (!/^[a-z]{2,3}$/.test(lang)) return Promise.resolve(null);
  if (!translations.has(lang)) {
    const url = new URL(`i18n/${lang}.json`, import.meta.url).href;
    translations.set(lang, fetch(url, { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.text() : null))
      .catch(() => null)
      .then((text) => {
        if (text === null) {
          console.warn(`versus: the ${lang} words could not be loaded from ${url}: showing English`);
          translations.delete(lang);   // a later widget may try again
        }
        return text;
      }));
  }
  return translations.get(lang);
}

let shared = null;      // Promise<{ factory, module }>, created by the first widget that needs it
let compiling = null;   // Promise of true once the compiler has the wasm, false if it never will

// `started(true)` is called once the compiler has been handed the response (it then compiles on
// threads of its own while the bytes stream in), `started(false)` when the download failed.
async function compileCore(started) {
  try {
    const res = await fetch(CORE_WASM_URL, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`cannot load ${CORE_WASM_URL}: HTTP ${res.status} ${res.statusText}`.trim());
    const type = res.headers.get('content-type') || '';
    // compileStreaming needs the application/wasm MIME type; some hosts send something else.
    const module = WebAssembly.compileStreaming && type.split(';')[0].trim() === 'application/wasm'
      ? WebAssembly.compileStreaming(res)
      : WebAssembly.compile(await res.arrayBuffer());
    started(true);
    return await module;
  } finally {
    started(false);   // no effect once settled
  }
}

function loadShared() {
  if (!shared) {
    let started;
    compiling = new Promise((ok) => { started = ok; });
    shared = Promise.all([import(CORE_JS_URL).then((m) => m.default), compileCore(started)])
      .then(([factory, module]) => ({ factory, module }));
    shared.catch(() => { shared = null; });   // a later widget may retry (e.g. after going online)
  }
  return shared;
}

// Resolves to true once the page's core is being compiled (the main thread is then free until it
// is done), to false when its download failed: work that holds the main thread is best done then,
// not while the downloads are asked for and their first bytes arrive (a busy main thread delays
// both).
export function coreCompiling() {
  loadShared();
  return compiling;
}

// The canvas's WebGL2 context, made ahead of the core (whose versus_init, in
// src/platform/web/core.cpp, then gets this same context from canvas.getContext: a canvas has one
// context, made with the attributes of its first request). So these are the attributes the widget
// draws with, and they are versus_init's own: a browser test (tests/browser/context.test.mjs) checks they agree.
export const GL_ATTRIBUTES = Object.freeze({
  alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
  preserveDrawingBuffer: false, powerPreference: 'default', failIfMajorPerformanceCaveat: false,
});
// `size`: [width, height] of the drawing buffer, when known (set before: no second allocation).
export function makeContext(canvas, size = null) {
  if (size) [canvas.width, canvas.height] = size;
  try {
    return canvas.getContext('webgl2', GL_ATTRIBUTES);
  } catch {
    return null;   // versus_init finds no context either: the widget shows its HTML rendition
  }
}

// A new core instance drawing into `canvas`, from the shared compiled module.
export async function createCore(canvas, hooks) {
  const { factory, module } = await loadShared();
  let failInstantiate;
  const failed = new Promise((_, reject) => { failInstantiate = reject; });
  const ready = factory({
    canvas,
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports)
        .then((instance) => receiveInstance(instance, module), failInstantiate);
      return {};   // exports arrive asynchronously through receiveInstance
    },
    print: (text) => console.log('versus:', text),
    printErr: (text) => console.warn('versus:', text),
    ...hooks,
  });
  return Promise.race([ready, failed]);
}

// Copies bytes into the core's memory (NUL-terminated); the caller frees the pointer.
export function toCore(core, bytes) {
  const ptr = core._malloc(bytes.length + 1);
  core.HEAPU8.set(bytes, ptr);
  core.HEAPU8[ptr + bytes.length] = 0;
  return ptr;
}

// Calls fn(ptr) with `text` as a C string in the core's memory.
export function withText(core, text, fn) {
  const ptr = toCore(core, new TextEncoder().encode(text));
  try {
    return fn(ptr);
  } finally {
    core._free(ptr);
  }
}

export function coreJson(core, ptr) {
  return JSON.parse(core.UTF8ToString(ptr));
}
