// menu.js — the actions menu as a widget's first frame needs it: the button in the widget's corner
// and its (closed) list of items, on the page at once. What the menu does — opening, the keyboard,
// and the images, data and text a reader takes away — is actions.js, which versus.js loads lazily:
// a chunk of its own (dist/versus-actions.js), fetched once per page, however many widgets.
//
// When it is fetched: the first time a reader points at a widget or moves the keyboard focus into
// one (pointerenter / focusin on the element, element.js), so it is in by the time they open the
// menu or press Ctrl+C; a reader who never comes near a widget never fetches it. Opening the menu
// (or Ctrl+C) before it is in waits for it — one small file.
//
// actions.js must import nothing from the modules versus.js holds (it gets the menu's parts from
// here as arguments): shared code would go into a third file every first load fetches
// (web/tools/bundle.mjs refuses to build that).
import { h } from './dom.js';

// The menu's items: action name → label. One list, used by the menu and by the docs' table.
export const ACTIONS = [
  ['image', 'Save image (PNG)'],
  ['csv', 'Download data (CSV)'],
  ['json', 'Download data (JSON)'],
  ['copy', 'Copy text'],
];

let actions = null;   // actions.js once loaded
let loading = null;   // Promise of it

// actions.js, fetched once per page (again after a failure, e.g. offline).
export function loadActions() {
  if (!loading) {
    loading = import('./actions.js').then((m) => (actions = m));
    loading.catch(() => { loading = null; });
  }
  return loading;
}

// actions.js if it is already in, else null.
export function loadedActions() {
  return actions;
}

let menuIds = 0;

// A button (aria-haspopup="menu") and a list of menuitems; `run(action)` does the work. Enter,
// Space or ArrowDown opens it on the first item, ArrowUp on the last (actions.js: menuKeys).
export function makeMenu(run) {
  const id = `versus-actions-${++menuIds}`;
  const button = h('button', { type: 'button', className: 'actions-button', 'aria-haspopup': 'menu',
    'aria-expanded': 'false', 'aria-controls': id, 'aria-label': 'Save or copy this comparison', title: 'Save or copy' },
  ['\u22ef']);
  const items = ACTIONS.map(([action, label]) =>
    h('button', { type: 'button', role: 'menuitem', tabIndex: -1, 'data-action': action }, [label]));
  const menu = h('div', { role: 'menu', id, className: 'actions-menu', hidden: true, 'aria-label': 'Save or copy' }, items);
  const root = h('div', { className: 'actions' }, [button, menu]);
  let keys = null;   // actions.js's menuKeys over these parts, once loaded
  const open = (at) => loadActions().then((a) => {
    keys ??= a.menuKeys({ root, button, menu, items }, run);
    keys.open(at);
  }, (e) => console.warn(`versus: the actions menu could not be loaded: ${e && e.message ? e.message : e}`));
  button.addEventListener('click', () => (menu.hidden ? open(0) : keys?.close(false)));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowUp' ? -1 : 0);
    }
  });
  return {
    root,
    button,
    // The menu's words in the widget's language ({image, csv, json, copy, menu, menuLabel}, from
    // the core's versus_chrome_json()); the English ones above stay until then.
    relabel(words) {
      if (!words) return;
      for (const i of items) if (words[i.dataset.action]) i.textContent = words[i.dataset.action];
      if (words.menu) {
        button.title = words.menu;
        menu.setAttribute('aria-label', words.menu);
      }
      if (words.menuLabel) button.setAttribute('aria-label', words.menuLabel);
    },
    // Shows or hides one item (e.g. no image without WebGL).
    offer(action, on) { for (const i of items) if (i.dataset.action === action) i.hidden = !on; },
    close(refocus) { keys?.close(refocus); },
  };
}
