// actions.js — what a reader can take away from a widget: what the actions menu does (its button
// and items are menu.js's, on the page at once), the comparison's data as CSV, a card's or a
// quote's text, and the helpers that hand a file or text to the browser.
//
// versus.js loads this module lazily (menu.js: loadActions): a chunk of its own,
// dist/versus-actions.js. So it imports nothing from the modules versus.js holds — what it needs
// comes as arguments.
//
// The texts and the CSV come from versus_rendition_json() — the core's own words and figures, in
// the widget's language — so what is taken away says what the canvas says. Pure functions first (tests/web/actions.test.mjs), the
// DOM after.

// [SECTION] Texts and data (pure) -------------------------------------------------------------

// One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, @, or a
// leading tab or carriage return) is kept as text with a leading apostrophe.
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// The CSV: the core's table (a header row in the widget's language, then a row per tool with its
// figures as the canvas writes them); CRLF line ends.
export function toolsCsv(d) {
  return d.table.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// A card or a review as plain text: the core writes it (present::card_text, review_text), in the
// widget's language, as the canvas says it.
export const cardText = (t) => t.text;
export const reviewText = (r) => r.text;

// The whole comparison as plain text.
export function comparisonText(d) {
  return [
    [d.title, d.question, d.summary].filter(Boolean).join('\n'),
    ...d.tools.map(cardText),
    ...d.reviews.map(reviewText),
  ].join('\n\n');
}

// A file name from the comparison's title: "claude-haiku-open-weights-vs-mistral-4b.csv".
export function fileName(title, ext) {
  const base = String(title || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${base || 'comparison'}.${ext}`;
}

// [SECTION] Files and the clipboard -----------------------------------------------------------

// Hands a file to the browser's downloads (nothing leaves the page: a blob: URL).
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// Puts text on the clipboard: the async Clipboard API where the page may use it, else the copy
// command with a one-shot listener (works in plain-http pages too, inside a reader's gesture).
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const put = (e) => { e.clipboardData.setData('text/plain', text); e.preventDefault(); };
    document.addEventListener('copy', put, true);
    try {
      return document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', put, true);
    }
  }
}

// [SECTION] The menu ---------------------------------------------------------------------------
// The menu's behaviour over the parts menu.js made ({ root, button, menu, items }): open(at) shows
// it on the first item (at 0) or the last (at -1); arrows, Home and End move; Escape closes it
// back onto the button; Tab or a click elsewhere closes it. `run(action)` does the work.

export function menuKeys({ root, button, menu, items }, run) {
  const shown = () => items.filter((i) => !i.hidden);
  const open = (at) => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const list = shown();
    list[at < 0 ? list.length - 1 : 0]?.focus();
  };
  const close = (refocus) => {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  menu.addEventListener('keydown', (e) => {
    const list = shown();
    const at = list.indexOf(e.target);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      list[(move + list.length) % list.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  });
  menu.addEventListener('click', (e) => {
    const item = e.target.closest('[role="menuitem"]');
    if (!item) return;
    close(true);
    run(item.dataset.action);
  });
  // A click or focus anywhere outside closes it.
  root.addEventListener('focusout', (e) => { if (!root.contains(e.relatedTarget)) close(false); });
  return { open, close };
}
