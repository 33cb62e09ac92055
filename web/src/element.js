// element.js — the <versus-widget> element: the publisher's one snippet.
//
//   <script type="module" src="versus.js"></script>
//   <versus-widget src="payloads/haiku-vs-mistral.json"></versus-widget>
//
// Why it looks like this: the page belongs to the publisher. The widget lives in a shadow root
// (no CSS in or out), listens only to its own surface (never to window keys), never cancels the
// page's wheel or touch scrolling, draws nothing while nothing changes or while it is off-screen,
// and does not even load until it comes near the viewport. The WebAssembly core (core.js) is
// fetched and compiled once per page; each widget gets its own instance of it, freed when the
// element is removed. Beside the canvas the element holds an HTML rendition of the same comparison
// (rendition.js): screen readers read it, search engines index it, and it stands in visibly when
// WebGL is unavailable.
//
// Every attribute, property and event is documented in docs/embedding.md.
//
// Index
//  [SECTION] The element
//  [SECTION] Payload sources and loading
//  [SECTION] HTML rendition
//  [SECTION] Votes, filters, links: what the reader did
//  [SECTION] Frames
//  [SECTION] Size and the visible slice
//  [SECTION] Actions: images, data and text a reader takes away
//  [SECTION] Input
//  [SECTION] Teardown
import { coreCompiling, createCore, makeContext, toCore, withText, coreJson, fetchTranslation } from './core.js';
import { styleShadow, h, sourceName, message, safeUrl } from './dom.js';
import { CURSORS, KEYS, POINTER_TYPES } from './input.js';
import { readVotes, writeVote, voteLines, warmStorage } from './votes.js';
import { visibleRows, isCovered, planSlice, firstRows } from './slices.js';
import { renditionNodes } from './rendition.js';
import { bringsNewFaces, cjkFamilies, createTextEngine, fontFamily, fontsChanged, loadFonts, payloadInfo, registerFonts } from './text.js';
import { makeMenu, loadActions } from './menu.js';

// [SECTION] The element ---------------------------------------------------------------------------

/* global VERSUS_LOADING */
// "Loading comparison…" in every shipped language, {en, de, …}: web/tools/bundle.mjs reads it at
// build time from the translations (the one label the element shows before the core runs).
const LOADING = typeof VERSUS_LOADING === 'string' ? JSON.parse(VERSUS_LOADING) : { en: 'Loading comparison\u2026' };

// The language a widget will speak, as the core picks it (Words::resolve, src/present/words.cpp):
// the first shipped one (LOADING has every shipped language) of `tags` (the payload's lang, then
// the page's), else English.
function shippedLang(...tags) {
  const shipped = (tag) => Object.prototype.hasOwnProperty.call(LOADING, tag);
  return tags.map((t) => String(t || '').toLowerCase().split(/[-_]/)[0]).find(shipped) || 'en';
}

const LOAD_MARGIN = '200px 0px';   // start loading (and drawing) this close to the viewport

// The characters whose faces loading starts with, before the payload is read (#load).
const LATIN_SAMPLE = '0123456789 Aa';

let renditionIds = 0;

// window.innerHeight, remembered, read again after the window resizes: reading it lays out
// whatever changed since the last layout — before a payload's first frame, the widget's whole new
// state (10–20 ms here), which the browser lays out anyway once the frame is drawn.
let viewportH = 0;
function viewportHeight() {
  if (!viewportH) {
    viewportH = window.innerHeight;
    window.addEventListener('resize', () => { viewportH = 0; }, { once: true, passive: true });
  }
  return viewportH;
}

// The vote service's client (service.js) is a chunk of its own (dist/versus-service.js): fetched
// once per page, only when a widget has votes="…", from the moment it starts loading its payload.
let serviceLib = null;   // service.js once loaded
let serviceLoading = null;
function loadService() {
  if (!serviceLoading) {
    serviceLoading = import('./service.js').then((m) => (serviceLib = m));
    serviceLoading.catch(() => { serviceLoading = null; });   // a later widget may retry
  }
  return serviceLoading;
}

// Fonts that finish loading late (a range first needed by a later payload, a slow network, the
// publisher's own web fonts) change what the widgets' text looks like: each connected widget
// drops its measured and rasterised text and draws again.
const fontListeners = new Set();
if (typeof document !== 'undefined' && document.fonts && document.fonts.addEventListener) {
  document.fonts.addEventListener('loadingdone', (e) => {
    if (!bringsNewFaces(e)) return;   // the faces widgets waited for before their first frame
    fontsChanged();
    for (const fn of fontListeners) fn();
  });
}

export class VersusWidget extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'theme', 'accent', 'max-height', 'loading', 'vote-endpoint', 'votes', 'heading-level', 'actions'];
  }

  // Shadow tree
  #root; #wrap; #frame; #surface; #canvas; #navProxy; #status; #fallback; #errorCard; #rendition; #note; #menu;
  // Core
  #core = null;          // the Emscripten instance, once loaded
  #text = null;          // its text engine (text.js): the browser measures and draws every line
  #family = '';          // the CSS font-family list the canvas and the rendition draw with
  #cjk = '';             // the CJK faces it ends with, for the payload's language and text (cjkFamilies)
  #coreLoading = null;   // Promise of it
  #gl = false;           // the core draws (WebGL2 available)
  #rebuilds = 0;         // WebGL contexts lost and replaced
  #lost = false;         // the current canvas's context is lost
  // Payload
  #started = false;      // loading has begun (near the viewport, or loading="eager")
  #generation = 0;       // bumps on every load; stale loads are dropped
  #payloadValue = null;  // el.payload
  #inlineText = null;    // text of the inline <script type="application/json"> last seen
  #applied = null;       // { bytes, name } of the payload shown (to rebuild after a context loss)
  #title = '';
  #showing = false;      // a valid payload is shown (canvas or HTML)
  #readyPending = false; // versus-ready is due after the next frame
  #afterFrame = false;   // the rendition and the vote service are due after the next frame
  #t0 = 0;               // performance.now() when the current payload started loading
  #errors = [];
  #pending = [];         // what the reader did during a frame, told to the page after it
  #rendered = null;      // rendition data last built
  #service = null;       // votes="…": the VoteService of the comparison shown (service.js)
  #noteFor = '';         // what the note under the widget is about: 'vote', 'tallies', 'endpoint'
  #state = 'loading';     // what #setState showed last
  #copyTarget = null;    // the card or quote the keyboard focus was on when the menu took the focus (#focusedText)
  // Size: CSS width, exact device-pixel width (0 = unknown), content height; what the core was told
  #cssW = 0; #fbW = 0; #contentH = 0; #dpr = 1;
  #firstTop = null;      // the surface's top in the viewport, read with the first frame's width (null: read it)
  #fbRatio = 0;          // the devicePixelRatio #fbW was observed at
  #slice = { top: 0, h: 0 };
  #slicing = false;      // the canvas holds only part of the content
  #band = false;         // until a payload's first frame is shown: its slice is one viewport (planSlice first)
  #partial = false;      // the last frame left out sections below the rows in view (#drawFrame)
  #sizes = {};
  #maxBuffer = 4096;     // largest drawing buffer side WebGL takes here (read from the context)
  // Frames
  #raf = 0;
  #dirty = false;        // a frame was wanted while the widget could not draw
  #near = false;         // within LOAD_MARGIN of the viewport
  #cursor = -2;
  #navScroll = false;    // a key moved the keyboard focus: keep it in view
  // Observers and listeners (connected only)
  #resizeObserver = null; #intersection = null; #mutations = null; #dprQuery = null;
  #releaseTimer = 0;
  #schemeQuery = matchMedia('(prefers-color-scheme: dark)');
  #onSchemeChange = () => { if (this.#themeName() === 'auto') this.#applyTheme(); };
  #onDprChange = () => { this.#watchDpr(); this.#invalidate(); };
  #onFontsLoaded = () => this.#fontsChanged();
  #onVisibility = () => {
    if (document.visibilityState !== 'visible') {
      this.#sleep();
      return;
    }
    this.#wake();
    if (this.#near) this.#service?.visible();   // the tab is back: the tallies again, after a minute
  };
  #onViewportMove = () => {
    this.#firstTop = null;
    if (this.#slicing && !this.#covered()) this.#invalidate();
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    styleShadow(this.#root);
    this.#canvas = this.#makeCanvas();
    this.#navProxy = h('div', { className: 'nav-proxy', 'aria-hidden': 'true' });
    this.#surface = h('div', { className: 'surface', tabIndex: 0, role: 'application', hidden: true,
      'aria-roledescription': 'interactive comparison', 'aria-label': 'Interactive comparison' },
    [this.#canvas, this.#navProxy]);
    this.#frame = h('div', { className: 'frame' }, [this.#surface]);
    this.#status = h('div', { className: 'status', role: 'status', dir: 'auto' }, [LOADING.en]);
    // The publisher's own fallback (the element's light-DOM children) shows until the widget is up.
    this.#fallback = h('slot', { hidden: true });
    this.#errorCard = h('div', { className: 'error', role: 'alert', hidden: true });
    this.#rendition = h('section', { className: 'rendition behind-canvas', hidden: true });
    this.#note = h('p', { className: 'note', role: 'status', hidden: true });
    this.#menu = makeMenu((action) => this.#act(action));
    this.#menu.root.hidden = true;
    this.#wrap = h('div', { className: 'widget', 'data-theme': 'light' },
      [this.#status, this.#fallback, this.#errorCard, this.#rendition, this.#frame, this.#menu.root, this.#note]);
    this.#root.append(this.#wrap);
    this.#listen();
    // What the actions menu does, and Ctrl+C (actions.js, a chunk of its own: menu.js) is fetched
    // when a reader first points at or focuses a widget, before they open the menu.
    const prefetch = () => { loadActions().catch(() => {}); };
    this.addEventListener('pointerenter', prefetch);
    this.addEventListener('focusin', prefetch);
    // A `payload` set on the element before it was upgraded shadows the accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'payload')) {
      const value = this.payload;
      delete this.payload;
      this.payload = value;
    }
  }

  /** The payload given by script (an object, or JSON text), or null. Setting it redraws. */
  get payload() { return this.#payloadValue; }
  set payload(value) {
    this.#payloadValue = value === undefined ? null : value;
    if (this.#started) this.#load();
  }

  /** The problem lines of the last load (empty when it was shown). */
  get errors() { return this.#errors.slice(); }

  /**
   * What the widget draws, in the product's words: [{ role, text, x0, y0, x1, y1 }] with CSS
   * pixels from the top-left of the widget's content (e.g. role "quote.more", "tool.link"). Draws
   * one frame to find out. For tests and tools; [] until the canvas shows a payload.
   */
  drawnItems() {
    const c = this.#core;
    if (!c || !this.#gl || !this.#showing) return [];
    c._versus_record(1);
    let items = [];
    try {
      if (this.#drawFrame()) this.#invalidate();
      items = coreJson(c, c._versus_record_json());
    } finally {
      c._versus_record(0);
    }
    return items;
  }

  connectedCallback() {
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = 0;
    this.#resizeObserver = new ResizeObserver((entries) => this.#onResize(entries));
    try {
      this.#resizeObserver.observe(this.#surface, { box: 'device-pixel-content-box' });
    } catch {
      this.#resizeObserver.observe(this.#surface);
    }
    this.#intersection = new IntersectionObserver((entries) => this.#onIntersection(entries), { rootMargin: LOAD_MARGIN });
    this.#intersection.observe(this);
    this.#mutations = new MutationObserver(() => this.#onChildrenChange());
    this.#mutations.observe(this, { childList: true, subtree: true, characterData: true });
    this.#watchDpr();
    fontListeners.add(this.#onFontsLoaded);
    this.#schemeQuery.addEventListener('change', this.#onSchemeChange);
    document.addEventListener('visibilitychange', this.#onVisibility);
    document.addEventListener('scroll', this.#onViewportMove, { capture: true, passive: true });
    window.addEventListener('resize', this.#onViewportMove, { passive: true });
    this.#applyTheme();
    this.#applyMaxHeight();
    this.#loadingLine(this.#hostLang());
    this.#showFallback();
    // loading="eager": start now (after this task, so children appended right after the element
    // are there); otherwise the intersection observer starts it near the viewport.
    if (this.#eager()) queueMicrotask(() => this.#start());
    this.#invalidate();
  }

  disconnectedCallback() {
    this.#resizeObserver?.disconnect();
    this.#intersection?.disconnect();
    this.#mutations?.disconnect();
    this.#resizeObserver = this.#intersection = this.#mutations = null;
    this.#dprQuery?.removeEventListener('change', this.#onDprChange);
    this.#dprQuery = null;
    fontListeners.delete(this.#onFontsLoaded);
    this.#schemeQuery.removeEventListener('change', this.#onSchemeChange);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    document.removeEventListener('scroll', this.#onViewportMove, { capture: true });
    window.removeEventListener('resize', this.#onViewportMove);
    this.#near = false;
    this.#sleep();
    // Moved rather than removed (disconnected and connected in one task)? Keep the instance.
    this.#releaseTimer = setTimeout(() => { if (!this.isConnected) this.#release(); }, 0);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    switch (name) {
      case 'src': if (this.#started) this.#load(); break;
      case 'theme': this.#applyTheme(); break;
      case 'accent': this.#applyAccent(); break;
      case 'max-height': this.#applyMaxHeight(); break;
      case 'loading': if (this.isConnected && this.#eager()) this.#start(); break;
      case 'heading-level': if (this.#rendered) this.#buildRendition(this.#rendered); break;
      case 'votes': if (this.#showing) this.#connectService(); break;
      case 'actions': this.#offerActions(); break;
      default: break;
    }
  }

  #eager() { return (this.getAttribute('loading') || '').toLowerCase() === 'eager'; }

  #themeName() {
    const t = (this.getAttribute('theme') || 'light').toLowerCase();
    return t === 'dark' || t === 'auto' ? t : 'light';
  }

  #themeCode() {
    const t = this.#themeName();
    return t === 'dark' || (t === 'auto' && this.#schemeQuery.matches) ? 1 : 0;
  }

  #applyTheme() {
    const code = this.#themeCode();
    this.#wrap.dataset.theme = code === 1 ? 'dark' : 'light';
    if (this.#core) {
      this.#core._versus_set_theme(code);
      this.#applyPalette();
      this.#invalidate();
    }
  }

  #applyAccent() {
    const c = this.#core;
    if (!c) return;
    withText(c, (this.getAttribute('accent') || '').trim(), (ptr) => c._versus_set_accent(ptr));
    this.#applyPalette();
    this.#invalidate();
  }

  // The core's palette as custom properties: the HTML parts wear the canvas's colours.
  #applyPalette() {
    const c = this.#core;
    if (!c) return;
    const p = coreJson(c, c._versus_palette_json());
    for (const [name, value] of Object.entries(p)) {
      this.#wrap.style.setProperty(`--vs-${name.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase())}`, value);
    }
  }

  // max-height (a CSS length; a bare number is pixels): the widget scrolls inside beyond it.
  #applyMaxHeight() {
    const raw = (this.getAttribute('max-height') || '').trim();
    const value = /^\d+(\.\d+)?$/.test(raw) ? `${raw}px` : raw;
    this.#frame.style.maxHeight = value;
    this.#frame.classList.toggle('capped', Boolean(value) && this.#frame.style.maxHeight !== '');
    this.#invalidate();
  }

  // Which part of the shadow tree shows: 'loading', 'canvas', 'html' (no WebGL) or 'error'.
  #setState(state) {
    this.#status.hidden = state !== 'loading' || this.#hasFallback();
    this.#fallback.hidden = state !== 'loading' || !this.#hasFallback();
    this.#errorCard.hidden = state !== 'error';
    this.#surface.hidden = state !== 'canvas';
    this.#rendition.hidden = !(state === 'canvas' || state === 'html');
    this.#rendition.classList.toggle('behind-canvas', state === 'canvas');
    if (state === 'error') this.#note.hidden = true;
    this.#state = state;
    this.#offerActions();
    this.#syncLinkFocus();
  }

  // Light-DOM content other than the inline payload: the publisher's fallback.
  #hasFallback() {
    for (const node of this.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && !(node.localName === 'script')) return true;
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) return true;
    }
    return false;
  }

  #showFallback() {
    if (!this.#showing && this.#errorCard.hidden) this.#setState('loading');
  }

  // [SECTION] Payload sources and loading -------------------------------------------------------------
  // el.payload (script) wins over src, which wins over an inline <script type="application/json">.

  #start() {
    if (this.#started || !this.isConnected) return;
    this.#started = true;
    this.#load();
  }

  #inlineScript() {
    for (const child of this.children) {
      if (child.localName === 'script' && (child.getAttribute('type') || '').trim().toLowerCase() === 'application/json') return child;
    }
    return null;
  }

  #onChildrenChange() {
    if (!this.#showing) this.#showFallback();
    const script = this.#inlineScript();
    const text = script ? script.textContent : null;
    if (text === this.#inlineText) return;
    this.#inlineText = text;
    if (this.#started && this.#payloadValue === null && !this.hasAttribute('src')) this.#load();
  }

  // Fetches or reads the payload and, in parallel, makes the core; hands the bytes over; shows the
  // widget or the errors.
  async #load() {
    const gen = ++this.#generation;
    this.#t0 = performance.now();
    // The downloads go out first, before this task's other work can hold them back: the core's
    // files (once per page), then the payload from src.
    const compiling = coreCompiling();
    const src = this.#payloadValue === null ? this.getAttribute('src') : null;
    let url = null;
    let response = null;
    if (src !== null) {
      try {
        url = new URL(src, document.baseURI).href;
        response = fetch(url, { credentials: 'same-origin' });
        response.catch(() => {});   // awaited below
      } catch {
        // not a URL: reported below
      }
    }
    // Read while the page's layout is clean (before this load changes the widget's style).
    const canvasSize = this.#coreLoading ? null : this.#firstCanvasSize();
    // The faces of the digits and Latin letters nearly every comparison draws (its figures, names,
    // the widget's own English labels) are registered now and loaded while the payload and the core
    // download, so the payload's fonts are mostly in when it arrives; the faces of the payload's
    // other characters are registered once it is here, the rest after the first frame.
    registerFonts(import.meta.url, LATIN_SAMPLE);
    const family = this.#resolveFamily();
    const core = this.#ensureCore(canvasSize);
    loadFonts(family, LATIN_SAMPLE);
    // Storage is opened while the core compiles (the main thread is then free), not while the
    // downloads' first bytes arrive: a busy main thread holds them back.
    compiling.then(() => setTimeout(warmStorage, 0));
    if (this.hasAttribute('votes')) loadService().catch(() => {});   // with the core, not after it
    let bytes;
    let name;
    const script = this.#inlineScript();
    if (this.#payloadValue !== null) {
      name = 'payload';
      let text;
      try {
        text = typeof this.#payloadValue === 'string' ? this.#payloadValue : JSON.stringify(this.#payloadValue);
      } catch (e) {
        this.#fail(gen, [`payload: error: the payload object cannot be written as JSON: ${message(e)}`]);
        return;
      }
      bytes = new TextEncoder().encode(String(text));
    } else if (src !== null) {
      if (response === null) {
        this.#failThenTranslate(gen, core, [`${src}: error: cannot load the payload: the src attribute is not a URL`]);
        return;
      }
      name = sourceName(url);
      try {
        const res = await response;
        if (!res.ok) {
          this.#failThenTranslate(gen, core, [`${url}: error: cannot load the payload: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`]);
          return;
        }
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        this.#failThenTranslate(gen, core, [`${url}: error: cannot load the payload: ${message(e)} (network error or blocked by CORS)`]);
        return;
      }
    } else if (script) {
      name = 'inline';
      this.#inlineText = script.textContent;
      bytes = new TextEncoder().encode(script.textContent);
    } else {
      this.#failThenTranslate(gen, core, ['versus-widget: error: no payload: set the src attribute to the URL of a payload JSON file, ' +
        'put the payload in a <script type="application/json"> inside the element, or set the element\'s payload property']);
      return;
    }
    // The faces the payload's characters need (only their Unicode ranges download), while the
    // core loads: the first frame is drawn in the right font, not in a fallback then again.
    const info = payloadInfo(new TextDecoder().decode(bytes));
    registerFonts(import.meta.url, info.text);
    const hostLang = this.#hostLang();
    this.#cjk = cjkFamilies(info.lang || hostLang, info.text);
    const fonts = loadFonts(this.#resolveFamily(), info.text);
    this.#loadingLine(info.lang, hostLang);
    // The words of a widget that will speak another language than English: asked for now, with the
    // core's downloads, not once the core has read the payload and names them (#show asks again
    // and gets this same request).
    const speaks = shippedLang(info.lang, hostLang);
    if (speaks !== 'en') fetchTranslation(speaks);
    let c;
    try {
      [c] = await Promise.all([core, fonts]);
    } catch (e) {
      this.#fail(gen, [`versus-widget: error: ${message(e)}`]);
      return;
    }
    if (gen !== this.#generation) return;
    this.#show(c, bytes, name, gen, true);
  }

  // Hands a payload to the core and shows it (or its errors). `announce`: fire versus-ready.
  // The widget speaks the payload's `lang`, else the page's (this element's or its nearest
  // ancestor's `lang`), else English. A language other than English needs its words first
  // (fetched once per page): the payload is shown once they are in, or in English without them.
  #show(c, bytes, name, gen, announce) {
    withText(c, this.#hostLang(), (ptr) => c._versus_set_host_lang(ptr));
    const text = toCore(c, bytes);
    let ok;
    try {
      ok = withText(c, name, (ptr) => c._versus_set_payload(text, bytes.length, ptr)) === 1;
    } finally {
      c._free(text);
    }
    const lines = [];
    for (let i = 0, n = c._versus_problem_count(); i < n; i++) lines.push(c.UTF8ToString(c._versus_problem(i)));
    const wanted = c.UTF8ToString(c._versus_wanted_lang());
    if (wanted !== c.UTF8ToString(c._versus_lang())) {
      fetchTranslation(wanted).then((words) => {
        if (gen !== this.#generation || this.#core !== c) return;
        if (words !== null) {
          registerFonts(import.meta.url, words);
          const error = withText(c, words, (ptr) => c.UTF8ToString(c._versus_add_translation(ptr)));
          if (error) console.warn(`versus: the ${wanted} words were refused: ${error}`);
        }
        this.#present(c, ok, lines, bytes, name, gen, announce);
      });
      return;
    }
    this.#present(c, ok, lines, bytes, name, gen, announce);
  }

  // The loading line in the language the widget will speak: the first shipped one of the payload's
  // `lang` (once the payload is here) and the page's, else English. dir="auto" sets its direction.
  #loadingLine(...tags) {
    const key = shippedLang(...tags);
    this.#status.textContent = LOADING[key];
    this.#status.lang = key;
  }

  #hostLang() {
    const el = this.closest('[lang]');
    return (el ? el.getAttribute('lang') : document.documentElement.getAttribute('lang') || '').trim();
  }

  // The words around the canvas, in the widget's language ({} before the core runs).
  #chrome() {
    return this.#core ? coreJson(this.#core, this.#core._versus_chrome_json()) : {};
  }

  #present(c, ok, lines, bytes, name, gen, announce) {
    if (!ok) {
      this.#fail(gen, lines, coreJson(c, c._versus_problems_json()));
      return;
    }
    if (announce) for (const line of lines) console.warn('versus:', line);   // warnings of a valid payload
    this.#applied = { bytes, name };
    this.#title = c.UTF8ToString(c._versus_title());
    // The reader's votes on this comparison, from an earlier visit.
    withText(c, voteLines(readVotes(this.#title)), (ptr) => c._versus_set_votes(ptr));
    const chrome = this.#chrome();
    this.#surface.setAttribute('aria-label', `${this.#title} \u2014 ${chrome.interactive}`);
    this.#menu.relabel(chrome.actions);
    this.#surface.setAttribute('aria-roledescription', chrome.interactive);
    for (const el of [this.#wrap]) {
      el.setAttribute('lang', chrome.lang);
      el.setAttribute('dir', chrome.dir);
    }
    this.#errors = [];
    this.#showing = true;
    if (this.#gl) {
      // The first frame comes first: the HTML rendition (hidden behind the canvas, for screen
      // readers) and the vote service follow in the task after it (#afterFirstFrame).
      this.#readyPending = announce;
      this.#afterFrame = true;
      this.#band = true;
      this.#setState('canvas');
      this.#prepareFirstFrame();
      this.#invalidate();
    } else {
      registerFonts(import.meta.url);
      this.#buildRendition(coreJson(c, c._versus_rendition_json()));
      this.#setState('html');
      if (announce) this.#ready('html');
      this.#connectService();
    }
  }

  // What the first frame of a payload leaves for after it: the HTML rendition, the vote service,
  // then versus-ready (its firstFrameMs taken when the frame was drawn). In a task of its own, so
  // the browser paints the frame before it lays out the rendition.
  #afterFirstFrame(firstFrameMs) {
    const gen = this.#generation;
    setTimeout(() => {
      if (gen !== this.#generation || !this.#showing || !this.#core) return;
      // The slice grows from the rows in view to its full size (planSlice), and follows the page
      // if it moved since #firstTop was read.
      const band = this.#band;
      this.#band = false;
      if (this.#partial || (this.#slicing && (band || !this.#covered()))) this.#invalidate();
      registerFonts(import.meta.url);   // the faces the first frame needed none of (see #load)
      this.#buildRendition(coreJson(this.#core, this.#core._versus_rendition_json()));
      this.#connectService();
      if (firstFrameMs !== null) this.#ready('webgl', firstFrameMs);
    }, 0);
  }

  #ready(renderer, firstFrameMs = performance.now() - this.#t0) {
    this.dispatchEvent(new CustomEvent('versus-ready', { bubbles: true, composed: true, detail: { firstFrameMs, renderer } }));
  }

  // The font-family list of the canvas and the rendition (text.js fontFamily: the publisher's
  // --versus-font-family or font-family, Inter, the page's fonts). A change redraws every line.
  #resolveFamily() {
    const family = fontFamily(this, this.#cjk);
    if (family !== this.#family) {
      this.#family = family;
      this.#wrap.style.fontFamily = family;
      if (this.#text) {
        this.#text.setFamily(family);
        if (this.#core && this.#gl) this.#core._versus_fonts_changed();
      }
    }
    return family;
  }

  // Fonts finished loading (document.fonts loadingdone), or the family may have changed.
  #fontsChanged() {
    this.#resolveFamily();
    if (this.#core && this.#gl && !this.#lost) {
      this.#core._versus_fonts_changed();
      this.#invalidate();
    }
  }

  // The drawing buffer of a payload's first frame drawn in one pass (#bandRows: a widget starting in
  // or below the view, outside iframes and max-height), [width, height] in device pixels as #layout
  // will size it, when it can be told before the core runs; null otherwise. The WebGL context is
  // made at that size: resizing a context's canvas allocates its drawing buffer again (4 ms here,
  // waiting for the GPU process), which its first frame then did.
  #firstCanvasSize() {
    if (!this.#onePass(this.#wrap.getBoundingClientRect().top)) return null;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(this.#frame.getBoundingClientRect().width * dpr);
    const h = Math.round(firstRows(viewportHeight()) * dpr);
    // Not past the side the element assumes WebGL takes until the context tells (#maxBuffer).
    return w > 0 && w <= this.#maxBuffer && h <= this.#maxBuffer ? [w, h] : null;
  }

  // The core instance, created (once); its WebGL context is made at `canvasSize` when given.
  #ensureCore(canvasSize = null) {
    if (!this.#coreLoading) {
      const canvas = this.#canvas;
      this.#text = createTextEngine(this.#family || this.#resolveFamily());
      const loading = createCore(canvas, {
        versusText: this.#text,
        onAbort: (what) => this.#fail(this.#generation, [`versus-widget: error: the widget stopped: ${what}`]),
        onOpenUrl: (url) => this.#pending.push({ type: 'open', url }),
        onVote: (tool, verdict) => this.#pending.push({ type: 'vote', tool, verdict: verdict === 1 ? 'ship' : verdict === 2 ? 'skip' : null }),
        onFilter: (json) => this.#pending.push({ type: 'filter', detail: JSON.parse(json) }),
      }).then((c) => {
        if (this.#coreLoading !== loading) {   // released (or rebuilt) meanwhile
          c._versus_destroy();
          throw new Error('the element was removed');
        }
        this.#dpr = window.devicePixelRatio || 1;
        // The width the first frame is laid out at: the frame's (the surface inside it, hidden until
        // then, takes its width), read now while the loading state's layout is still clean. Read from
        // the surface once it is shown, it laid out the widget's new state before the first frame (a
        // forced layout, 5–10 ms here) that the browser does anyway after it. 0 while hidden.
        if (!this.#cssW) this.#cssW = this.#frame.getBoundingClientRect().width;
        // Likewise where the surface will be, for the rows a tall widget's first frame holds
        // (checked again with the page laid out once that frame is drawn): at the widget's top,
        // where the loading line now is. And the viewport's height.
        this.#firstTop = this.#wrap.getBoundingClientRect().top;
        viewportHeight();
        this.#gl = c._versus_init(Math.max(1, this.#cssW), 1, this.#dpr, this.#themeCode()) === 1;
        if (!this.#gl) console.warn('versus: WebGL 2 is not available: showing the comparison as HTML');
        this.#maxBuffer = (this.#gl && c._versus_max_drawing_buffer()) || 4096;
        this.#core = c;
        this.#sizes = {};
        if (this.hasAttribute('accent')) this.#applyAccent();
        this.#applyPalette();
        return c;
      });
      // The WebGL context is made while the core compiles, not after: the core's versus_init then
      // gets this same context (a canvas has one). Not before the compiler has the wasm either:
      // making a context holds the main thread (6–27 ms here, SwiftShader), and the payload's and
      // fonts' requests (asked for after this call) and the wasm's response waited behind it.
      coreCompiling().then((ok) => { if (ok && this.#coreLoading === loading && !this.#core) makeContext(canvas, canvasSize); });
      this.#coreLoading = loading;
      loading.catch(() => { if (this.#coreLoading === loading) this.#coreLoading = null; });
    }
    return this.#coreLoading;
  }

  // A payload that could not be had is reported at once; once the core runs (it loads meanwhile)
  // and speaks the page's language, the card is shown again in that language (no second event).
  #failThenTranslate(gen, core, lines) {
    this.#fail(gen, lines);
    core.then(async (c) => {
      if (gen !== this.#generation || this.#core !== c) return;
      withText(c, this.#hostLang(), (ptr) => c._versus_set_host_lang(ptr));
      const wanted = c.UTF8ToString(c._versus_wanted_lang());
      if (wanted !== c.UTF8ToString(c._versus_lang())) {
        const words = await fetchTranslation(wanted);
        if (words !== null && this.#core === c) withText(c, words, (ptr) => c._versus_add_translation(ptr));
      }
      if (gen === this.#generation && this.#core === c && !this.#showing) this.#fail(gen, lines, null, false);
    }).catch(() => {});
  }

  // Shows the error card instead of the widget and tells the page (unless `announce` is false: the
  // same card again, in the widget's language). `problems`: the validator's
  // problems as the core frames them in the widget's language ([{head, detail}]); without them
  // (a payload that could not be fetched, a core that failed) the lines are shown, their
  // "WHERE: error: " framing in the widget's language when the core speaks it.
  #fail(gen, lines, problems = null, announce = true) {
    if (gen !== this.#generation) return;
    registerFonts(import.meta.url);   // problem lines quote the payload, in any script
    this.#errors = lines.slice();
    this.#showing = false;
    this.#readyPending = false;
    this.#rendered = null;
    this.#rendition.replaceChildren();
    const chrome = this.#chrome();
    if (chrome.lang) {
      this.#wrap.setAttribute('lang', chrome.lang);
      this.#wrap.setAttribute('dir', chrome.dir);
    }
    const framed = problems || lines.map((line) => {
      const m = chrome.problemError && /^(.*?): error: (.*)$/s.exec(line);
      return m ? { head: `${chrome.problemError} (${m[1]})`, detail: m[2] } : { head: '', detail: line };
    });
    // The framing reads in the widget's language; the problem itself is the validator's (English,
    // like a compiler's message to the publisher), marked so, isolated from the framing's direction.
    const list = h('ul', {}, framed.map(({ head, detail }) => h('li', {}, [
      ...(head ? [h('span', { className: 'where' }, [head]), ': '] : []),
      h('bdi', { lang: 'en', dir: 'ltr' }, [detail])])));
    this.#errorCard.replaceChildren(h('h2', {}, [chrome.errorTitle || 'This comparison can\u2019t be shown']), list);
    this.#setState('error');
    if (announce) this.dispatchEvent(new CustomEvent('versus-error', { bubbles: true, composed: true, detail: { errors: lines.slice() } }));
  }

  // [SECTION] HTML rendition -----------------------------------------------------------------------
  // Built from versus_rendition_json() (the core's own figures) with createElement + text nodes.

  #buildRendition(d) {
    this.#rendered = d;
    const titleId = `versus-title-${++renditionIds}`;
    const nodes = renditionNodes(d, { headingLevel: this.getAttribute('heading-level'), titleId });
    this.#rendition.setAttribute('aria-labelledby', titleId);
    this.#rendition.setAttribute('lang', d.lang);   // screen readers read it in the right voice
    this.#rendition.setAttribute('dir', d.dir);
    this.#rendition.replaceChildren(...nodes);
    this.#syncLinkFocus();
  }

  // While the canvas is shown the rendition is behind it: its links stay reachable for screen
  // readers but are no Tab stops (the canvas has the keyboard). Shown as HTML, they are ordinary.
  #syncLinkFocus() {
    const behind = this.#rendition.classList.contains('behind-canvas');
    for (const a of this.#rendition.querySelectorAll('a')) {
      if (behind) a.tabIndex = -1;
      else a.removeAttribute('tabindex');
    }
  }

  // [SECTION] Votes, filters, links: what the reader did ---------------------------------------------
  // The core reports them during a frame; the page hears them once the frame is done (a listener
  // may then change the element freely).

  #flush() {
    const list = this.#pending;
    this.#pending = [];
    for (const e of list) {
      if (e.type === 'vote') this.#voted(e.tool, e.verdict);
      else if (e.type === 'filter') this.dispatchEvent(new CustomEvent('versus-filter', { bubbles: true, composed: true, detail: e.detail }));
      else if (e.type === 'open') this.#openUrl(e.url);
    }
  }

  #voted(tool, verdict) {
    const title = this.#title;
    writeVote(title, tool, verdict);
    if (this.#core) this.#buildRendition(coreJson(this.#core, this.#core._versus_rendition_json()));
    const endpoint = (this.getAttribute('vote-endpoint') || '').trim();
    const posted = endpoint ? this.#post(endpoint, { tool, verdict, title }) : null;
    // With a vote service: a Promise of { sent, tally, status, error } (service.js).
    const service = this.#service ? this.#service.vote(tool, verdict) : null;
    const card = this.#rendered && this.#rendered.tools.find((t) => t.id === tool);
    const community = card ? { value: card.community.value, ship: card.community.ship, skip: card.community.skip } : null;
    this.dispatchEvent(new CustomEvent('versus-vote', { bubbles: true, composed: true,
      detail: { tool, verdict, title, posted, service, community } }));
  }

  // [SECTION] The vote service (votes="…") -----------------------------------------------------------
  // service.js talks to the service; the core counts (versus_set_tallies): payload + every reader's
  // votes + this reader's own vote, once. Without the attribute, or for a payload without an id,
  // there is no service and votes stay on this device.

  #connectService() {
    const id = this.#rendered && this.#rendered.id;
    const attr = this.getAttribute('votes');
    if (attr !== null && this.#showing && !serviceLib) {   // the client first (once per page)
      loadService().then(() => this.#connectService(),
        (e) => console.warn(`versus: votes="${attr}": the vote service's client could not be loaded: ${message(e)}; votes stay on this device`));
      return;
    }
    let base = null;
    if (attr !== null && this.#showing) {
      try {
        base = serviceLib.serviceBase(attr);
        if (!id) {
          console.warn(`versus: votes="${attr}": the payload has no "id", so no vote service counts its votes; they stay on this device`);
          base = null;
        }
      } catch (e) {
        console.warn(`versus: ${message(e)}; votes stay on this device`);
      }
    }
    const current = this.#service;
    if (current && base && current.base === base && current.comparison === id) {
      this.#pushTallies();   // a rebuilt core (context loss), or the same payload again
      return;
    }
    current?.close();
    this.#service = base ? new serviceLib.VoteService({
      base,
      comparison: id,
      local: () => readVotes(this.#title),
      onChange: (kind) => {
        // The "not sent" line stays while any of the reader's votes is still not on the service.
        if (kind !== 'vote' || !this.#service?.unsent().length) this.#clearNote(kind);
        this.#pushTallies();
      },
      onProblem: (text, kind) => this.#quietNote(text, kind),
    }) : null;
    if (current) this.#pushTallies();   // the tallies of the service that was: gone
    if (this.#service && this.#near && document.visibilityState !== 'hidden') this.#service.visible();
  }

  // Hands the service's tallies (and what it holds of this reader's votes) to the core, and shows
  // the figures: canvas, HTML rendition.
  #pushTallies() {
    const c = this.#core;
    if (!c || !this.#showing) return;
    const s = this.#service;
    withText(c, s ? s.talliesJson() : '', (tallies) =>
      withText(c, s ? s.sentLines() : '', (sent) => c._versus_set_tallies(tallies, sent)));
    this.#buildRendition(coreJson(c, c._versus_rendition_json()));
    this.#invalidate();
  }

  // Something about the votes could not be done: a console warning and one quiet line under the
  // widget. The local vote always stays.
  #quietNote(text, kind) {
    console.warn(`versus: ${text}`);
    const chrome = this.#chrome();
    const line = kind === 'tallies' ? chrome.talliesNotLoaded || 'Other readers\u2019 votes could not be loaded.'
      : chrome.voteNotSent || 'Your vote is saved on this device, but it could not be sent.';
    if (kind === 'tallies' && this.#noteFor === 'vote' && !this.#note.hidden) return;   // the vote's line matters more
    this.#note.replaceChildren(line);
    this.#note.hidden = false;
    this.#noteFor = kind;
  }

  #clearNote(kind) {
    if (this.#noteFor !== kind) return;
    this.#note.hidden = true;
    this.#noteFor = '';
  }

  // POSTs a vote; resolves to whether the endpoint took it. A failure is said quietly (a line
  // under the widget and a console warning); the local vote stays.
  async #post(endpoint, body) {
    try {
      const res = await fetch(new URL(endpoint, document.baseURI).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        keepalive: true,
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      this.#clearNote('endpoint');
      return true;
    } catch (e) {
      // With a vote service the endpoint is only the publisher's notification: the reader's vote
      // went to the service (which says itself when it couldn't), so only the console hears this.
      if (this.#service) {
        console.warn(`versus: the vote-endpoint notification to ${endpoint} failed: ${message(e)}`);
      } else {
        this.#quietNote(`the vote could not be sent to ${endpoint}: ${message(e)}`, 'endpoint');
      }
      return false;
    }
  }

  #openUrl(url) {
    const ev = new CustomEvent('versus-open', { bubbles: true, composed: true, cancelable: true, detail: { url } });
    if (this.dispatchEvent(ev) && safeUrl(url)) window.open(url, '_blank', 'noopener');
  }

  // [SECTION] Frames --------------------------------------------------------------------------------
  // Nothing draws on a timer. A frame is requested by an event (input, resize, new payload, a
  // scroll that uncovers rows the canvas doesn't hold); the core's frame() says whether it wants
  // more (hover fades, tooltip delay, layout settling); otherwise the widget sleeps: an idle widget
  // draws zero frames. Off-screen or in a hidden tab it draws nothing at all (the wish is kept
  // for when it shows again), except the first frame of a payload, which sizes the element.

  #canDraw() {
    return this.#core && this.#gl && !this.#lost && this.#showing && this.isConnected && this.#cssW > 0 &&
      (this.#readyPending || (this.#near && document.visibilityState !== 'hidden'));
  }

  #invalidate() {
    if (this.#raf) return;
    if (!this.#canDraw()) {
      this.#dirty = true;
      return;
    }
    this.#dirty = false;
    this.#raf = requestAnimationFrame(() => {
      this.#raf = 0;
      if (!this.#canDraw()) {
        this.#dirty = true;
        return;
      }
      let more = false;
      try {
        more = this.#drawFrame();
      } catch (e) {
        this.#fail(this.#generation, [`versus-widget: error: the widget stopped: ${message(e)}`]);
        return;
      }
      if (more) this.#invalidate();
    });
  }

  #sleep() {
    if (this.#raf) {
      cancelAnimationFrame(this.#raf);
      this.#raf = 0;
      this.#dirty = true;
    }
  }

  #wake() {
    if (this.#lost && this.#near && this.isConnected) this.#rebuild();
    else if (this.#dirty) this.#invalidate();
  }

  #onIntersection(entries) {
    const entry = entries[entries.length - 1];
    this.#near = entry.isIntersecting;
    if (!this.#near) {
      if (!this.#readyPending) this.#sleep();   // the first frame of a payload still comes: it sizes the element
      return;
    }
    this.#start();
    this.#wake();
    if (document.visibilityState !== 'hidden') this.#service?.visible();   // in view again: tallies, after a minute
  }

  // One visible frame. The height follows the content: when the frame needed another height,
  // the element is resized and drawn again in the same task, so no wrong size is ever painted.
  #drawFrame() {
    const c = this.#core;
    let more = false;
    let settled = false;
    const heights = [];
    this.#dpr = window.devicePixelRatio || 1;
    const band = this.#bandRows();
    if (band) this.#contentH = band;   // for now: the rows in view (#bandRows)
    else this.#layoutPass();
    for (let pass = 0; pass < 4 && !settled; pass++) {
      this.#layout();
      // A one-pass first frame lays out only the sections in view (the content's height is then
      // what they take, at least the view's; the frame after lays out the rest).
      const rowsInView = band > 0 && pass === 0;
      const r = c._versus_frame(rowsInView ? 3 : 1);
      more = (r & 1) !== 0;
      this.#partial = (r & 2) !== 0;
      const h = Math.max(1, Math.ceil(c._versus_content_height()));
      settled = h === this.#contentH || (rowsInView && this.#bandHolds(h));
      this.#contentH = h;
      heights.push(h);
    }
    if (!settled) {
      // The content's height kept changing with the canvas's: take the tallest (nothing is cut
      // off) and stop here rather than loop.
      this.#contentH = Math.max(...heights);
      this.#layout();
      more = (c._versus_frame(1) & 1) !== 0;
      this.#partial = false;
    }
    const cursor = c._versus_mouse_cursor();
    if (cursor !== this.#cursor) {
      this.#cursor = cursor;
      this.#surface.style.cursor = cursor < 0 ? 'none' : CURSORS[cursor] || 'default';
    }
    if (this.#navScroll) {
      this.#navScroll = false;
      this.#revealFocus();
    }
    this.#firstTop = null;
    if (this.#afterFrame) {
      this.#afterFrame = false;
      this.#afterFirstFrame(this.#readyPending ? performance.now() - this.#t0 : null);
      this.#readyPending = false;
    }
    if (this.#pending.length) this.#flush();
    return more;
  }

  // A payload's first frame whose content starts in the viewport or below it (not in an iframe,
  // not under max-height): its canvas holds the viewport's rows from the content's top whatever
  // the content's height (planSlice, first), so the frame is laid out and drawn in one pass at that
  // height and the content's height is taken from it (#bandHolds). The number of those rows; 0
  // for any other frame (its height is known, or a layout-only pass tells it first).
  #bandRows() {
    return this.#band && this.#onePass(this.#firstTop) ? firstRows(viewportHeight()) : 0;
  }

  // Whether a first frame with its content's top at `top` in the viewport (null: not known) is
  // drawn in one pass (#bandRows), which #firstCanvasSize foresees before the core runs.
  #onePass(top) {
    return this.#contentH === 0 && top !== null && top >= 0 && window.top === window &&
      !this.#frame.classList.contains('capped');
  }

  // After a one-pass first frame: does the canvas hold what a plan for the content's real height
  // `h` would (the same rows at the same scale: the content is at least as tall as the view)?
  // Then the frame stands and only the surface takes its height; otherwise it is drawn again.
  #bandHolds(h) {
    const { slice, scale } = this.#plan(h);
    if (slice.top !== this.#slice.top || slice.h !== this.#slice.h || scale !== this.#sizes.scale) return false;
    this.#contentH = h;
    this.#layout();   // the same canvas: the surface takes the height, the core its layout height
    return true;
  }

  // Never laid out yet (a first frame that #bandRows cannot draw in one pass: in an iframe, under
  // max-height, or with the page scrolled into the widget): a layout-only pass tells the
  // content's height before the canvas is sized and drawn, so the first frame is drawn once, at
  // its size.
  #layoutPass() {
    if (this.#contentH !== 0) return;
    this.#layout(false);
    this.#core._versus_frame(0);
    this.#contentH = Math.max(1, Math.ceil(this.#core._versus_content_height()));
  }

  // A payload's first frame, prepared as soon as it is handed over rather than when the browser
  // next calls for a frame: the width (the surface has just been shown; the resize observer would
  // tell it only after that frame) and the layout-only pass if it needs one (text measured and
  // rasterised). The frame itself is still drawn in requestAnimationFrame.
  #prepareFirstFrame() {
    if (!this.#cssW) this.#cssW = this.#surface.getBoundingClientRect().width;
    if (!this.#canDraw() || this.#bandRows()) return;   // a one-pass first frame: all of it in the frame
    this.#dpr = window.devicePixelRatio || 1;
    this.#layoutPass();
  }

  // Keeps the keyboard focus in view: a proxy box at the focused item, scrolled into view the
  // nearest way (the page, or the widget itself under max-height).
  #revealFocus() {
    const c = this.#core;
    const at = c._versus_nav_rect() >> 2;
    const [shown, x0, y0, x1, y1] = c.HEAPF32.subarray(at, at + 5);
    if (!shown) return;
    const s = this.#navProxy.style;
    s.left = `${x0}px`;
    s.top = `${Math.max(0, y0 - 8)}px`;
    s.width = `${Math.max(1, x1 - x0)}px`;
    s.height = `${Math.max(1, y1 - y0 + 16)}px`;
    this.#navProxy.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // [SECTION] Size and the visible slice -------------------------------------------------------------
  // The canvas holds the rows near the viewport, planned by slices.js; this part measures and applies.

  // The rows of the content inside the viewport (and inside the max-height frame).
  #visibleRows(H) {
    const capped = this.#frame.classList.contains('capped');
    const at = this.#firstTop;
    const r = at !== null && !capped ? { top: at, bottom: at + H } : this.#surface.getBoundingClientRect();
    let top = 0;
    let bottom = viewportHeight();
    if (capped) {
      const f = this.#frame.getBoundingClientRect();
      top = Math.max(top, f.top);
      bottom = Math.min(bottom, f.bottom);
    }
    return visibleRows(r.top, r.bottom, top, bottom, H);
  }

  // Does the canvas's slice still hold the visible rows?
  #covered(vis = this.#visibleRows(this.#contentH)) {
    return isCovered(vis, this.#slice, this.#contentH);
  }

  // The slice and scale (planSlice) for content H rows tall, at the widget's width, ratio and place.
  #plan(H) {
    return planSlice({
      cssW: Math.max(1, this.#cssW), H, dpr: this.#dpr, maxBuffer: this.#maxBuffer,
      framed: window.top !== window,   // an iframe: no view of the host page's scrolling
      viewportH: viewportHeight(),
      visible: () => this.#visibleRows(H),
      current: this.#slice,
      first: this.#band,
    });
  }

  // Sizes the canvas for the slice of the content it shows and tells the core. `sizeCanvas`
  // false (the layout-only pass of a first frame): the core only, the canvas keeps its size.
  #layout(sizeCanvas = true) {
    const cssW = Math.max(1, this.#cssW);
    const H = Math.max(1, this.#contentH);
    const { slice, scale } = this.#plan(H);
    this.#slice = slice;
    this.#slicing = slice.h < H;
    // The observed device-pixel width holds only at the ratio it was observed at (a ratio change
    // need not bring a new observation: headless emulation sends none).
    const fbW = this.#fbW && scale === this.#dpr && this.#fbRatio === this.#dpr ? this.#fbW : Math.max(1, Math.round(cssW * scale));
    const fbH = Math.max(1, Math.round(slice.h * scale));
    const a = this.#sizes;
    const was = a.canvas || a;   // what the canvas and its box were last sized to
    if (sizeCanvas) {
      if (was.H !== H) this.#surface.style.height = `${H}px`;
      if (was.top !== slice.top) this.#canvas.style.top = `${slice.top}px`;
      if (was.sliceH !== slice.h) this.#canvas.style.height = `${slice.h}px`;
      // Set only when it differs: setting a canvas's size, even to the same, makes a new buffer.
      if (this.#canvas.width !== fbW) this.#canvas.width = fbW;
      if (this.#canvas.height !== fbH) this.#canvas.height = fbH;
    }
    // After the canvas: the core reads its drawing buffer's size.
    if (a.cssW !== cssW || a.H !== H || a.top !== slice.top || a.sliceH !== slice.h || a.fbW !== fbW || a.fbH !== fbH || a.scale !== scale) {
      this.#core._versus_resize(cssW, H, slice.top, slice.h, scale);
    }
    // Without sizing (the layout-only pass) the canvas keeps its size: remembered apart.
    this.#sizes = { cssW, H, top: slice.top, sliceH: slice.h, fbW, fbH, scale, ...(sizeCanvas ? {} : { canvas: was }) };
  }

  // Only the width comes from layout (the height is ours): a change is applied on the next frame,
  // never here, so resizing the canvas can't clear what is on screen or loop the observer.
  #onResize(entries) {
    for (const entry of entries) {
      const box = entry.contentBoxSize && entry.contentBoxSize[0];
      const cssW = box ? box.inlineSize : entry.contentRect.width;
      // The exact device-pixel width refines CSS width × ratio by a rounding pixel. Under some
      // emulations (headless deviceScaleFactor) it reports CSS pixels: then it is not used.
      const dev = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
      const ratio = window.devicePixelRatio || 1;
      const fbW = dev && Math.abs(dev.inlineSize - cssW * ratio) <= 1 ? dev.inlineSize : 0;
      if (cssW > 0 && (cssW !== this.#cssW || fbW !== this.#fbW)) {
        this.#cssW = cssW;
        this.#fbW = fbW;
        this.#fbRatio = ratio;
        this.#invalidate();
      }
    }
  }

  // devicePixelRatio changes (browser zoom, moving to another screen): re-arm a one-shot query.
  #watchDpr() {
    this.#dprQuery?.removeEventListener('change', this.#onDprChange);
    this.#dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#dprQuery.addEventListener('change', this.#onDprChange);
  }

  // [SECTION] Actions: images, data and text a reader takes away ------------------------------------
  // The menu (actions.js) in the widget's corner; actions="none" hides it. Each action is told to
  // the page first with a cancelable versus-action event (a host may do it its own way).

  #offerActions() {
    const on = this.#state === 'canvas' || this.#state === 'html';
    this.#menu.root.hidden = !on || (this.getAttribute('actions') || '').trim().toLowerCase() === 'none';
    this.#menu.offer('image', this.#state === 'canvas');
    if (this.#menu.root.hidden) this.#menu.close(false);
  }

  #announce(detail) {
    return this.dispatchEvent(new CustomEvent('versus-action', { bubbles: true, composed: true, cancelable: true, detail }));
  }

  async #act(action) {
    const d = this.#rendered;
    if (!d || !this.#applied) return;
    try {
      const a = await loadActions();   // in already: the menu that called this is its
      if (action === 'copy') {
        await this.#copy(this.#copyTarget || ((x) => x.comparisonText(d)), this.#copyTarget ? 'focus' : 'comparison');
        return;
      }
      const ext = action === 'image' ? 'png' : action;
      const file = a.fileName(d.title, ext);
      if (!this.#announce({ action, file })) return;
      let blob;
      if (action === 'image') blob = await this.captureImage();
      else if (action === 'csv') blob = new Blob([a.toolsCsv(d)], { type: 'text/csv;charset=utf-8' });
      else blob = new Blob([this.#applied.bytes], { type: 'application/json' });
      a.download(blob, file);
    } catch (e) {
      console.warn(`versus: ${action}: ${message(e)}`);
    }
  }

  // Copies `take(actions.js)`: the text, formatted by actions.js (fetched first if it is not in yet).
  async #copy(take, from) {
    const a = await loadActions();
    const text = take(a);
    if (!this.#announce({ action: 'copy', from, text })) return;
    await a.copyText(text);
  }

  // The card or quote holding the keyboard focus, as a function of actions.js giving its text; or null.
  #focusedText() {
    const c = this.#core;
    const d = this.#rendered;
    if (!c || !d) return null;
    const items = this.drawnItems();
    const at = c._versus_nav_rect() >> 2;
    const [shown, x0, y0, x1, y1] = c.HEAPF32.subarray(at, at + 5);
    if (!shown) return null;
    const x = (x0 + x1) / 2;
    const y = (y0 + y1) / 2;
    const inside = (i, px, py) => px >= i.x0 && px <= i.x1 && py >= i.y0 && py <= i.y1;
    const box = items.find((i) => (i.role === 'card' || i.role === 'review') && inside(i, x, y));
    if (!box) return null;
    if (box.role === 'card') {
      const t = d.tools.find((tool) => tool.id === box.text);
      return t ? (a) => a.cardText(t) : null;
    }
    const toolId = box.text.split('/')[0];
    const by = items.find((i) => i.role === 'review.by' && inside(box, i.x0 + 1, i.y0 + 1));
    const r = d.reviews.find((rv) => rv.toolId === toolId && (!by || by.text.startsWith(rv.reviewer)));
    return r ? (a) => a.reviewText(r) : null;
  }

  /**
   * A PNG of the whole comparison (not only the slice the canvas holds) at `scale` device pixels
   * per CSS pixel (default: devicePixelRatio): the core draws it slice by slice into the canvas,
   * each slice copied into one tall image; then the canvas is drawn back as it was, in the same
   * task (nothing else is ever painted). Rejects when the comparison is not drawn (no WebGL).
   */
  async captureImage({ scale } = {}) {
    const c = this.#core;
    if (!c || !this.#gl || this.#lost || !this.#showing || !this.#contentH) throw new Error('the comparison is not drawn (no WebGL)');
    if (this.#partial && this.#drawFrame()) this.#invalidate();   // a first frame of the rows in view: all of it now
    const cssW = Math.max(1, this.#cssW);
    const H = this.#contentH;
    let s = scale > 0 ? scale : window.devicePixelRatio || 1;
    s = Math.min(s, this.#maxBuffer / cssW);
    const W = Math.round(cssW * s);
    const out = document.createElement('canvas');
    out.width = W;
    out.height = Math.round(H * s);
    const ctx = out.getContext('2d');
    const step = Math.max(1, Math.floor(this.#maxBuffer / s));
    try {
      for (let top = 0; top < H; top += step) {
        const rows = Math.min(step, H - top);
        this.#canvas.width = W;
        this.#canvas.height = Math.round(rows * s);
        c._versus_resize(cssW, H, top, rows, s);
        c._versus_frame(1);
        ctx.drawImage(this.#canvas, 0, Math.round(top * s));
      }
    } finally {
      this.#sizes = {};   // everything is told to the core again
      this.#drawFrame();
    }
    return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'));
  }

  // [SECTION] Input ---------------------------------------------------------------------------------
  // Listeners sit on the widget's surface only. Nothing here cancels wheel or touch scrolling: the
  // element grows to its content (or, under max-height, scrolls natively inside, handing the
  // scroll to the page at its ends), so the page keeps scrolling over it. Keys arrive only while
  // the surface has focus, and only keys the core used are cancelled (Tab never is).

  #makeCanvas() {
    const canvas = h('canvas', { 'aria-hidden': 'true' });
    canvas.addEventListener('webglcontextlost', (e) => {
      if (canvas !== this.#canvas) return;   // one this element gave up itself
      e.preventDefault();   // allows a restore
      this.#lost = true;
      this.#sleep();
      // On screen: a new context on a new canvas at once (a restore may never come, e.g. when the
      // page made too many contexts); off-screen: when it comes back (#wake).
      if (this.#near && this.isConnected) setTimeout(() => { if (canvas === this.#canvas && this.#lost) this.#rebuild(); }, 0);
    });
    canvas.addEventListener('webglcontextrestored', () => { if (canvas === this.#canvas) this.#rebuild(); });
    return canvas;
  }

  #listen() {
    const sf = this.#surface;
    const pos = (e) => {
      const r = sf.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    const type = (e) => POINTER_TYPES[e.pointerType] ?? 0;
    const live = () => this.#core && this.#gl && !this.#lost;
    sf.addEventListener('pointermove', (e) => {
      if (!live()) return;
      const [x, y] = pos(e);
      this.#core._versus_pointer_move(x, y, type(e));
      this.#invalidate();
    });
    sf.addEventListener('pointerdown', (e) => {
      if (!live()) return;
      const [x, y] = pos(e);
      if (e.pointerType === 'mouse') sf.setPointerCapture?.(e.pointerId);
      this.#core._versus_pointer_down(x, y, e.button, type(e));
      this.#invalidate();
    });
    sf.addEventListener('pointerup', (e) => {
      if (!live()) return;
      const [x, y] = pos(e);
      this.#core._versus_pointer_up(x, y, e.button, type(e));
      if (e.pointerType !== 'mouse') this.#core._versus_pointer_leave();   // a lifted finger hovers nothing
      this.#invalidate();
    });
    sf.addEventListener('pointerleave', () => {
      if (!live()) return;
      this.#core._versus_pointer_leave();
      this.#invalidate();
    });
    // A touch that turns into a scroll: release away from every item, so nothing is clicked.
    sf.addEventListener('pointercancel', () => {
      if (!live()) return;
      this.#core._versus_pointer_cancel();
      this.#invalidate();
    });
    const key = (e, down) => {
      if (!live() || e.isComposing) return;
      const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
      const k = KEYS.indexOf(e.key);
      let used = false;
      if (k >= 0) used = this.#core._versus_key(k, down ? 1 : 0, mods) === 1;
      else if (down && e.key.length === 1 && !e.ctrlKey && !e.metaKey) this.#core._versus_text(e.key.codePointAt(0));
      if (used) {
        e.preventDefault();
        if (down) this.#navScroll = true;
      }
      this.#invalidate();
    };
    sf.addEventListener('keydown', (e) => {
      // Ctrl+C (⌘C) on a card or a quote copies its text.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'c' && live()) {
        const take = this.#focusedText();
        if (take) {
          e.preventDefault();
          this.#copy(take, 'focus').catch((err) => console.warn(`versus: copy: ${message(err)}`));
          return;
        }
      }
      key(e, true);
    });
    sf.addEventListener('keyup', (e) => key(e, false));
    sf.addEventListener('focus', () => { if (live()) this.#core._versus_focus(1); this.#copyTarget = null; this.#invalidate(); });
    sf.addEventListener('blur', (e) => {
      // Off to the actions menu: its "Copy text" takes the card or quote that had the focus.
      if (live() && this.#menu.root.contains(e.relatedTarget)) this.#copyTarget = this.#focusedText();
      if (live()) this.#core._versus_focus(0);
      this.#invalidate();
    });
  }

  // [SECTION] Teardown --------------------------------------------------------------------------------

  // Frees the core instance: ImGui and GL objects, the WebGL context (lost on purpose, so the
  // browser can reuse its slot), and every reference to the module, whose memory is then collected.
  #dropCore() {
    const c = this.#core;
    this.#core = null;
    this.#coreLoading = null;
    this.#sizes = {};
    if (c) {
      try { c._versus_destroy(); } catch { /* already broken: nothing left to free */ }
    }
    if (this.#gl) {
      const gl = this.#canvas.getContext('webgl2');
      if (gl && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
    this.#gl = false;
    // A fresh canvas: a lost context can't be made again on the old one.
    const fresh = this.#makeCanvas();
    this.#canvas.replaceWith(fresh);
    this.#canvas.width = this.#canvas.height = 1;
    this.#canvas = fresh;
    this.#lost = false;
  }

  // The element left the page: free everything; connected again, it loads anew.
  #release() {
    this.#generation++;   // drops loads in flight
    this.#service?.close();
    this.#service = null;
    this.#dropCore();
    this.#started = false;
    this.#showing = false;
    this.#readyPending = false;
    this.#pending = [];
    this.#contentH = 0;
    this.#slice = { top: 0, h: 0 };
  }

  // The WebGL context was lost (GPU reset, too many contexts on the page): a new instance on a
  // new canvas, with the same payload and the reader's stored votes. After three losses the
  // widget stays with its HTML rendition.
  #rebuild() {
    const applied = this.#applied;
    const gen = this.#generation;
    this.#dropCore();
    if (++this.#rebuilds > 3) {
      this.#gl = false;
      this.#setState('html');
      return;
    }
    if (!applied) return;
    this.#ensureCore().then((c) => {
      if (gen === this.#generation) this.#show(c, applied.bytes, applied.name, gen, false);
    }, (e) => this.#fail(gen, [`versus-widget: error: ${message(e)}`]));
  }
}
