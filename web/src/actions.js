// actions.js — what a reader can take away from a widget: what the actions menu does (its button
// and items are menu.js's, on the page at once), the comparison's data as CSV, a card's or a
// quote's text, and the helpers that hand a file or text to the browser.
//
// versus.js loads this module lazily (menu.js: loadActions): a chunk of its own,
// dist/versus-actions.js. So it imports nothing from the modules versus.js holds — what it needs
// comes as arguments.
//
// The texts and the CSV are built from versus_rendition_json() — the core's own figures — so what
// is taken away says what the canvas says. Pure functions first (tests/web/actions.test.mjs), the
// DOM after.

// [SECTION] Texts and data (pure) -------------------------------------------------------------

// The CSV's columns: header → the tool's value in the rendition data.
const CSV_COLUMNS = [
  ['id', (t) => t.id],
  ['name', (t) => t.name],
  ['vendor', (t) => t.vendor],
  ['category', (t) => t.category],
  ['tagline', (t) => t.tagline],
  ['panel ship', (t) => t.panel.value],
  ['panel ship votes', (t) => t.panel.ship],
  ['panel skip votes', (t) => t.panel.skip],
  ['community', (t) => t.community.value],
  ['entry', (t) => t.entry],
  ['monthly', (t) => t.monthly],
  ['license', (t) => t.license.name],
  ['license facts', (t) => t.license.facts.join('; ')],
  ['commercial use', (t) => t.commercialUse],
  ['pricing notes', (t) => t.notes],
  ['url', (t) => t.url],
];

// One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, @, or a
// leading tab or carriage return) is kept as text with a leading apostrophe.
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// One row per tool with its facts and figures; a header row first; CRLF line ends.
export function toolsCsv(d) {
  const rows = [CSV_COLUMNS.map(([name]) => name)];
  for (const t of d.tools) rows.push(CSV_COLUMNS.map(([, get]) => get(t)));
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// A card as plain text: what the canvas's card says, one fact a line.
export function cardText(t) {
  return [
    t.category, t.name, t.vendor && `by ${t.vendor}`, t.tagline,
    `${t.panel.label}: ${t.panel.value} (${t.panel.text})`,
    `${t.community.label}: ${t.community.value}`,
    `Entry: ${t.entry}`, t.monthly,
    `License: ${[t.license.name, ...t.license.facts].join(', ')}`,
    t.notes, t.description, t.url,
  ].filter(Boolean).join('\n');
}

// A review as plain text: the quote, who said it, the verdict.
export function reviewText(r) {
  return `\u201c${r.quote}\u201d \u2014 ${r.lens ? `${r.reviewer}, ${r.lens}` : r.reviewer} (${r.verdict} \u00b7 ${r.tool})`;
}

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
