// versus.js — the <versus-widget> element: the publisher's one snippet.
//
//   <script type="module" src="versus.js"></script>
//   <versus-widget src="payloads/haiku-vs-mistral.json"></versus-widget>
//
// Why it looks like this: the page belongs to the publisher. The widget lives in a shadow root
// (no CSS in or out), defines one global (`Versus`), listens only to its own canvas (never to
// window keys), never cancels the page's wheel or touch scrolling, and draws nothing while
// nothing changes. The WebAssembly core (versus-core.js/.wasm, next to this file wherever it is
// hosted) is fetched and compiled once per page; each widget gets its own instance of it.
//
// Attributes: src (payload URL, relative to the page), theme ("light" | "dark" | "auto").
// Events (bubbling, composed):
//   versus-ready  detail.firstFrameMs: ms from the element connecting (or its src changing) to the
//                 first frame of that payload on screen
//   versus-error  detail.errors: the problem lines, as `versus --validate` prints them
//   versus-open   detail.url: the reader activated a link of the payload; cancelable (otherwise
//                 it opens in a new tab with noopener)
//
// Index
//  [SECTION] Shared core: one download, one compilation
//  [SECTION] Shadow DOM
//  [SECTION] The element
//  [SECTION] Frames
//  [SECTION] Input
//  [SECTION] Registration

const VERSION = '0.1.0';
const CORE_JS_URL = new URL('versus-core.js', import.meta.url).href;
const CORE_WASM_URL = new URL('versus-core.wasm', import.meta.url).href;

// [SECTION] Shared core: one download, one compilation -------------------------------------------

let shared = null;   // Promise<{ factory, module }>, created by the first widget that needs it

async function compileCore() {
  const res = await fetch(CORE_WASM_URL, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`cannot load ${CORE_WASM_URL}: HTTP ${res.status} ${res.statusText}`.trim());
  const type = res.headers.get('content-type') || '';
  // compileStreaming needs the application/wasm MIME type; some hosts send something else.
  if (WebAssembly.compileStreaming && type.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

function loadShared() {
  if (!shared) {
    shared = Promise.all([import(CORE_JS_URL).then((m) => m.default), compileCore()])
      .then(([factory, module]) => ({ factory, module }));
    shared.catch(() => { shared = null; });   // a later widget may retry (e.g. after going online)
  }
  return shared;
}

// A new core instance drawing into `canvas`, from the shared compiled module.
async function createCore(canvas, hooks) {
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
    onAbort: hooks.onAbort,
    onOpenUrl: hooks.onOpenUrl,
  });
  return Promise.race([ready, failed]);
}

// Copies bytes into the core's memory (NUL-terminated); the caller frees the pointer.
function toCore(core, bytes) {
  const ptr = core._malloc(bytes.length + 1);
  core.HEAPU8.set(bytes, ptr);
  core.HEAPU8[ptr + bytes.length] = 0;
  return ptr;
}

// [SECTION] Shadow DOM ----------------------------------------------------------------------------

const CSS = `
:host { display: block; position: relative; min-width: 0; }
:host([hidden]) { display: none; }
canvas { display: block; width: 100%; height: 0; outline: none; -webkit-tap-highlight-color: transparent; }
canvas:focus-visible { outline: 2px solid #4f46e5; outline-offset: -2px; }
.status { font: 14px/1.5 system-ui, sans-serif; color: #555; padding: 16px 20px; }
.error { font: 14px/1.5 system-ui, sans-serif; color: #7f1d1d; background: #fef2f2;
         border: 1px solid #fca5a5; border-left: 4px solid #dc2626; border-radius: 10px;
         padding: 14px 18px; overflow-wrap: anywhere; }
.error h2 { font-size: 15px; margin: 0 0 6px; color: #991b1b; }
.error ul { margin: 0; padding-left: 1.2em; }
.error li { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; margin: 2px 0; }
[hidden] { display: none !important; }
`;

let sheet = null;   // one constructed stylesheet shared by every shadow root (CSP-friendly)
function styleShadow(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);   // strings become text nodes, never markup
  return node;
}

// ImGuiMouseCursor → CSS cursor.
const CURSORS = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];

// KeyboardEvent.key values forwarded to the core, by index (same order as kKeys in core.cpp).
const KEYS = ['Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End',
  'Enter', ' ', 'Escape', 'Backspace', 'Delete', 'Insert'];

const POINTER_TYPES = { mouse: 0, touch: 1, pen: 2 };

// The name problem lines start with: the payload's file name, as `versus --validate NAME` prints it.
function sourceName(url) {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return String(url);
  }
}

// [SECTION] The element ---------------------------------------------------------------------------

class VersusWidget extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme']; }

  #root;
  #canvas;
  #status;
  #errorCard;
  #core = null;          // the Emscripten instance, once loaded
  #coreLoading = null;   // Promise of it
  #t0 = 0;               // performance.now() when the current payload started loading
  #generation = 0;       // bumps on every payload load; stale loads are dropped
  #showing = false;      // a valid payload is on the canvas
  #readyPending = false;   // versus-ready is due after the next frame
  #errors = [];
  // Size: CSS pixels of the canvas, its backing store, and what the core was last told.
  #cssW = 0; #fbW = 0; #cssH = 0; #dpr = 1;
  #applied = { cssW: -1, cssH: -1, fbW: -1, fbH: -1, scale: -1 };
  #maxBuffer = 8192;     // largest drawing buffer side WebGL takes here (read from the context)
  // Frames
  #raf = 0;
  #cursor = -2;
  #resizeObserver = null;
  #dprQuery = null;
  #onDprChange = () => { this.#watchDpr(); this.#invalidate(); };
  #schemeQuery = matchMedia('(prefers-color-scheme: dark)');
  #onSchemeChange = () => {
    if (this.#core && (this.getAttribute('theme') || '').toLowerCase() === 'auto') {
      this.#core._versus_set_theme(this.#themeCode());
      this.#invalidate();
    }
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    styleShadow(this.#root);
    this.#canvas = el('canvas', { tabIndex: 0 });
    this.#canvas.setAttribute('role', 'img');
    this.#canvas.setAttribute('aria-label', 'Interactive comparison');
    this.#status = el('div', { className: 'status' }, ['Loading comparison\u2026']);
    this.#errorCard = el('div', { className: 'error', hidden: true });
    this.#errorCard.setAttribute('role', 'alert');
    this.#root.append(this.#status, this.#canvas, this.#errorCard);
    this.#listen();
  }

  /** The problem lines of the last load (empty when it was shown). */
  get errors() { return this.#errors.slice(); }

  /**
   * What the widget draws, in the product's words: [{ role, text, x0, y0, x1, y1 }] with CSS
   * pixels relative to the element (e.g. role "quote.more", "tool.link"). Draws one frame to
   * find out. For tests and tools; [] until the widget is showing a payload.
   */
  drawnItems() {
    const c = this.#core;
    if (!c || !this.#showing) return [];
    c._versus_record(1);
    let json = '[]';
    try {
      if (this.#drawFrame()) this.#invalidate();
      json = c.UTF8ToString(c._versus_record_json());
    } finally {
      c._versus_record(0);
    }
    return JSON.parse(json);
  }

  connectedCallback() {
    this.#resizeObserver = new ResizeObserver((entries) => this.#onResize(entries));
    try {
      this.#resizeObserver.observe(this.#canvas, { box: 'device-pixel-content-box' });
    } catch {
      this.#resizeObserver.observe(this.#canvas);
    }
    this.#watchDpr();
    this.#schemeQuery.addEventListener('change', this.#onSchemeChange);
    if (this.#generation === 0) this.#load();
    else this.#invalidate();
  }

  disconnectedCallback() {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#dprQuery?.removeEventListener('change', this.#onDprChange);
    this.#dprQuery = null;
    this.#schemeQuery.removeEventListener('change', this.#onSchemeChange);
    if (this.#raf) cancelAnimationFrame(this.#raf);
    this.#raf = 0;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected || this.#generation === 0) return;
    if (name === 'src') this.#load();
    if (name === 'theme' && this.#core) {
      this.#core._versus_set_theme(this.#themeCode());
      this.#invalidate();
    }
  }

  #themeCode() {
    const t = (this.getAttribute('theme') || 'light').toLowerCase();
    if (t === 'dark') return 1;
    if (t === 'auto') return this.#schemeQuery.matches ? 1 : 0;
    return 0;
  }

  // Fetches the payload and, in parallel, the core; hands the bytes over; shows the widget or
  // the errors.
  async #load() {
    const gen = ++this.#generation;
    this.#t0 = performance.now();
    const src = this.getAttribute('src');
    const core = this.#ensureCore();
    if (!src) {
      this.#fail(gen, ['versus-widget: error: no payload: set the src attribute to the URL of a payload JSON file']);
      return;
    }
    const url = new URL(src, document.baseURI).href;
    let bytes;
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) {
        this.#fail(gen, [`${url}: error: cannot load the payload: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`]);
        return;
      }
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      this.#fail(gen, [`${url}: error: cannot load the payload: ${e && e.message ? e.message : e} (network error or blocked by CORS)`]);
      return;
    }
    let c;
    try {
      c = await core;
    } catch (e) {
      this.#fail(gen, [`versus-widget: error: ${e && e.message ? e.message : e}`]);
      return;
    }
    if (gen !== this.#generation) return;

    const text = toCore(c, bytes);
    const name = toCore(c, new TextEncoder().encode(sourceName(url)));
    const ok = c._versus_set_payload(text, bytes.length, name) === 1;
    c._free(text);
    c._free(name);
    const lines = [];
    for (let i = 0, n = c._versus_problem_count(); i < n; i++) lines.push(c.UTF8ToString(c._versus_problem(i)));
    if (!ok) {
      this.#fail(gen, lines);
      return;
    }
    for (const line of lines) console.warn('versus:', line);   // warnings of a valid payload
    let title = '';
    try { title = String(JSON.parse(new TextDecoder().decode(bytes)).title || ''); } catch { /* shown anyway */ }
    this.#canvas.setAttribute('aria-label', title ? `${title} — interactive comparison` : 'Interactive comparison');
    this.#errors = [];
    this.#showing = true;
    this.#readyPending = true;
    this.#errorCard.hidden = true;
    this.#canvas.hidden = false;
    this.#invalidate();
  }

  // The core instance, created (once) with the canvas's current size.
  #ensureCore() {
    if (!this.#coreLoading) {
      this.#coreLoading = createCore(this.#canvas, {
        onAbort: (what) => this.#fail(this.#generation, [`versus-widget: error: the widget stopped: ${what}`]),
        onOpenUrl: (url) => this.#openUrl(url),
      }).then((c) => {
        this.#dpr = window.devicePixelRatio || 1;
        if (!this.#cssW) this.#cssW = this.#canvas.getBoundingClientRect().width;
        this.#sizeCanvas();
        if (c._versus_init(this.#cssW, this.#cssH, this.#dpr, this.#themeCode()) !== 1) {
          throw new Error('WebGL 2 is not available in this browser, so the comparison cannot be drawn');
        }
        this.#maxBuffer = c._versus_max_drawing_buffer() || 4096;
        this.#core = c;
        return c;
      });
      this.#coreLoading.catch(() => { this.#coreLoading = null; });
    }
    return this.#coreLoading;
  }

  #openUrl(url) {
    const ev = new CustomEvent('versus-open', { bubbles: true, composed: true, cancelable: true, detail: { url } });
    if (this.dispatchEvent(ev)) window.open(url, '_blank', 'noopener');
  }

  // Shows the error card instead of the canvas and tells the page.
  #fail(gen, lines) {
    if (gen !== this.#generation) return;
    this.#errors = lines.slice();
    this.#showing = false;
    this.#readyPending = false;
    this.#status.hidden = true;
    this.#canvas.hidden = true;
    const list = el('ul', {}, lines.map((line) => el('li', {}, [line])));
    this.#errorCard.replaceChildren(el('h2', {}, ['This comparison can\u2019t be shown']), list);
    this.#errorCard.hidden = false;
    this.dispatchEvent(new CustomEvent('versus-error', { bubbles: true, composed: true, detail: { errors: lines.slice() } }));
  }

  // [SECTION] Frames --------------------------------------------------------------------------------
  // Nothing draws on a timer. A frame is requested by an event (input, resize, new payload,
  // devicePixelRatio change); the core's frame() says whether it wants more (hover fades, tooltip
  // delay, layout settling); otherwise the widget sleeps: an idle widget draws zero frames.

  #invalidate() {
    if (this.#raf || !this.#core || !this.#showing || !this.isConnected || !this.#cssW) return;
    this.#raf = requestAnimationFrame(() => {
      this.#raf = 0;
      let more = false;
      try {
        more = this.#drawFrame();
      } catch (e) {
        this.#fail(this.#generation, [`versus-widget: error: the widget stopped: ${e && e.message ? e.message : e}`]);
        return;
      }
      if (more) this.#invalidate();
    });
  }

  // One visible frame. The height follows the content: when the frame needed another height,
  // the canvas is resized and drawn again in the same task, so no wrong size is ever painted.
  #drawFrame() {
    const c = this.#core;
    let more = false;
    let settled = false;
    const heights = [];
    this.#dpr = window.devicePixelRatio || 1;
    for (let pass = 0; pass < 4 && !settled; pass++) {
      this.#sizeCanvas();
      more = c._versus_frame() === 1;
      const h = Math.max(1, Math.ceil(c._versus_content_height()));
      settled = h === this.#cssH;
      this.#cssH = h;
      heights.push(h);
    }
    if (!settled) {
      // The content's height kept changing with the canvas's: take the tallest (nothing is cut
      // off) and stop here rather than loop.
      this.#cssH = Math.max(...heights);
      this.#sizeCanvas();
      more = c._versus_frame() === 1;
    }
    const cursor = c._versus_mouse_cursor();
    if (cursor !== this.#cursor) {
      this.#cursor = cursor;
      this.#canvas.style.cursor = cursor < 0 ? 'none' : CURSORS[cursor] || 'default';
    }
    if (this.#readyPending) {
      this.#readyPending = false;
      this.#status.hidden = true;
      const firstFrameMs = performance.now() - this.#t0;
      this.dispatchEvent(new CustomEvent('versus-ready', { bubbles: true, composed: true, detail: { firstFrameMs } }));
    }
    return more;
  }

  // Gives the canvas its backing store (CSS size × devicePixelRatio; the exact device-pixel box
  // when the browser reports it) and tells the core about any change. A very tall widget on a
  // dense screen can exceed what WebGL can draw into (MAX_VIEWPORT_DIMS, often 8192 or 4096): then
  // the whole canvas gets one smaller scale, rather than the browser silently clamping one side.
  #sizeCanvas() {
    const cssW = Math.max(1, this.#cssW);
    const cssH = Math.max(1, this.#cssH || 1);
    let scale = this.#dpr;
    let fbW = this.#fbW || Math.max(1, Math.round(cssW * scale));
    let fbH = Math.max(1, Math.round(cssH * scale));
    const limit = this.#maxBuffer;
    if (fbW > limit || fbH > limit) {
      // in steps of 1/8, so that growing content doesn't re-rasterise the fonts every time
      scale = Math.max(0.5, Math.floor(Math.min(scale, limit / cssW, limit / cssH) * 8) / 8);
      fbW = Math.max(1, Math.floor(cssW * scale));
      fbH = Math.max(1, Math.floor(cssH * scale));
    }
    const a = this.#applied;
    if (a.cssH !== cssH) this.#canvas.style.height = `${cssH}px`;
    if (a.fbW !== fbW) this.#canvas.width = fbW;
    if (a.fbH !== fbH) this.#canvas.height = fbH;
    if (this.#core && (a.cssW !== cssW || a.cssH !== cssH || a.fbW !== fbW || a.fbH !== fbH || a.scale !== scale)) {
      this.#core._versus_resize(cssW, cssH, scale);
    }
    this.#applied = { cssW, cssH, fbW, fbH, scale };
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

  // [SECTION] Input ---------------------------------------------------------------------------------
  // Listeners sit on the canvas only. Nothing here cancels wheel or touch scrolling: the element
  // grows to its content, so the page keeps scrolling over it. Keys arrive only while the canvas
  // has focus, and only keys the core used are cancelled (Tab never is).

  #listen() {
    const cv = this.#canvas;
    const pos = (e) => {
      const r = cv.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    const type = (e) => POINTER_TYPES[e.pointerType] ?? 0;
    cv.addEventListener('pointermove', (e) => {
      if (!this.#core) return;
      const [x, y] = pos(e);
      this.#core._versus_pointer_move(x, y, type(e));
      this.#invalidate();
    });
    cv.addEventListener('pointerdown', (e) => {
      if (!this.#core) return;
      const [x, y] = pos(e);
      if (e.pointerType === 'mouse') cv.setPointerCapture?.(e.pointerId);
      this.#core._versus_pointer_down(x, y, e.button, type(e));
      this.#invalidate();
    });
    cv.addEventListener('pointerup', (e) => {
      if (!this.#core) return;
      const [x, y] = pos(e);
      this.#core._versus_pointer_up(x, y, e.button, type(e));
      if (e.pointerType !== 'mouse') this.#core._versus_pointer_leave();   // a lifted finger hovers nothing
      this.#invalidate();
    });
    cv.addEventListener('pointerleave', () => {
      if (!this.#core) return;
      this.#core._versus_pointer_leave();
      this.#invalidate();
    });
    // A touch that turns into a page scroll: release away from every item, so nothing is clicked.
    cv.addEventListener('pointercancel', () => {
      if (!this.#core) return;
      this.#core._versus_pointer_cancel();
      this.#invalidate();
    });
    cv.addEventListener('wheel', (e) => {
      if (!this.#core) return;
      const unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;   // lines, pages, pixels → notches
      this.#core._versus_wheel(-e.deltaX * unit, -e.deltaY * unit);
      this.#invalidate();
    }, { passive: true });
    const key = (e, down) => {
      if (!this.#core || e.isComposing) return;
      const mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
      const k = KEYS.indexOf(e.key);
      let used = false;
      if (k >= 0) used = this.#core._versus_key(k, down ? 1 : 0, mods) === 1;
      else if (down && e.key.length === 1 && !e.ctrlKey && !e.metaKey) this.#core._versus_text(e.key.codePointAt(0));
      if (used) e.preventDefault();
      this.#invalidate();
    };
    cv.addEventListener('keydown', (e) => key(e, true));
    cv.addEventListener('keyup', (e) => key(e, false));
    cv.addEventListener('focus', () => { this.#core?._versus_focus(1); this.#invalidate(); });
    cv.addEventListener('blur', () => { this.#core?._versus_focus(0); this.#invalidate(); });
  }
}

// [SECTION] Registration ----------------------------------------------------------------------------
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
