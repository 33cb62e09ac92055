// index.js — the entry of dist/versus.js (bundled and minified by web/tools/bundle.mjs): defines
// <versus-widget> and the one global, `Versus`.
//
// Modules:
//   element.js    the element: lifecycle, payload loading, frames, input, teardown
//   core.js       the WebAssembly core: one download and compilation per page, one instance a widget
//   rendition.js  the HTML rendition (screen readers, search engines, print, no-WebGL)
//   slices.js     which rows the canvas holds, at which scale (pure)
//   votes.js      the reader's votes in localStorage
//   service.js    the vote service (votes="…"): tallies, votes sent with a voter id
//   dom.js, style.js, input.js   DOM helpers, the shadow root's stylesheet, input mapping
import { VERSION } from './version.js';
import { CORE_JS_URL } from './core.js';
import { VersusWidget } from './element.js';

// Loaded twice (two snippets, two URLs)? The first definition wins; the second is a no-op.
if (!customElements.get('versus-widget')) {
  customElements.define('versus-widget', VersusWidget);
  if (!globalThis.Versus) {
    Object.defineProperty(globalThis, 'Versus', {
      value: Object.freeze({ version: VERSION, Widget: VersusWidget, coreUrl: CORE_JS_URL }),
      configurable: true,
    });
  }
}
