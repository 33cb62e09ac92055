// table.js — a table pasted from a spreadsheet, turned into a payload. Pure: no DOM.
//
// The text holds one or two tables separated by a blank line, tab-separated (what a spreadsheet
// puts on the clipboard) or comma-separated (CSV, with "quoted, cells"). The first row of each
// names the fields. The tools table has one row per tool (name, license and commercial use are
// needed; the rest is optional); the reviews table (told apart by its "quote" or "verdict"
// column) has one row per review: tool, reviewer, lens, verdict, quote. Problems are named the way
// a spreadsheet names cells: "tools table, row 3, column D (commercial use): …".

// Field name (as written in a header, compared without case, spaces, '_' or '-') → payload field.
const TOOL_FIELDS = {
  id: 'id', name: 'name', tool: 'name', vendor: 'vendor', maker: 'vendor', category: 'category', tagline: 'tagline',
  description: 'description', url: 'url', website: 'url', link: 'url',
  license: 'license', licence: 'license', spdx: 'spdx',
  commercialuse: 'commercial_use', commercial: 'commercial_use', openweights: 'open_weights', osiapproved: 'osi_approved', osi: 'osi_approved',
  entry: 'entry', price: 'entry', entryprice: 'entry', monthlyusd: 'entry_usd_month', entryusdmonth: 'entry_usd_month', usdmonth: 'entry_usd_month',
  monthly: 'entry_usd_month', pricingnotes: 'notes', notes: 'notes', communityship: 'ship', communityskip: 'skip',
};
const REVIEW_FIELDS = { tool: 'tool', reviewer: 'reviewer', name: 'reviewer', lens: 'lens', role: 'lens', verdict: 'verdict', quote: 'quote' };
const TOOL_NAMES = ['name', 'id', 'vendor', 'category', 'tagline', 'description', 'url', 'license', 'spdx', 'commercial use',
  'open weights', 'osi approved', 'entry', 'monthly usd', 'notes', 'community ship', 'community skip'];
const REVIEW_NAMES = ['tool', 'reviewer', 'lens', 'verdict', 'quote'];

const key = (s) => s.toLowerCase().replace(/[\s_\-]+/g, '');

// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
export function columnName(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Rows of cells from delimited text (RFC 4180 quotes: "a ""b""", line breaks inside quotes).
export function parseDelimited(text, delimiter) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The tables of the pasted text: blocks separated by blank lines, each with its own delimiter.
export function splitTables(text) {
  const blocks = String(text).replace(/\r\n?/g, '\n').split(/\n[ \t,;]*\n/).map((b) => b.replace(/^\n+|\n+$/g, '')).filter((b) => b.trim());
  return blocks.map((b) => {
    const first = b.split('\n')[0];
    const delimiter = first.includes('\t') ? '\t' : first.split(';').length > first.split(',').length ? ';' : ',';
    return parseDelimited(b, delimiter).filter((r) => r.some((c) => c.trim() !== ''));
  });
}

// A payload id from a name: lower-case ASCII letters, digits and '-'.
export function slug(s) {
  return String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '\u2713', '\u2714', 'oui', 'ja', 'si', 's\u00ed']);
const NO = new Set(['no', 'n', 'false', '0', '', '-', '\u2717', 'non', 'nein']);

/**
 * { payload, problems } from the pasted text. `payload` is null when nothing usable was found;
 * each problem is { table, row, column, message, text } with `text` the sentence to show.
 */
export function tableToPayload(text, { title } = {}) {
  const problems = [];
  const say = (table, row, col, header, message) => {
    const where = [`${table} table`, row ? `row ${row}` : '', col !== null && col !== undefined ? `column ${columnName(col)}${header ? ` (${header})` : ''}` : '']
      .filter(Boolean).join(', ');
    problems.push({ table, row, column: col === null || col === undefined ? null : columnName(col), message, text: `${where}: ${message}` });
  };
  const tables = splitTables(text);
  if (!tables.length) {
    say('tools', 0, null, '', 'nothing to read: paste a table whose first row names the fields (name, license, commercial use, …)');
    return { payload: null, problems };
  }
  const isReviews = (t) => t[0].some((h) => ['quote', 'verdict'].includes(key(h)));
  const toolsTable = tables.find((t) => !isReviews(t));
  const reviewsTable = tables.find(isReviews);
  if (!toolsTable) {
    say('tools', 0, null, '', 'no tools table: the first table should have one row per tool, with a header row naming the fields');
    return { payload: null, problems };
  }

  // Header → field per column; unknown columns are named, and skipped.
  const columns = (table, fields, names, which) => table[0].map((h, c) => {
    const f = fields[key(h)];
    if (!f && h.trim()) say(which, 1, c, h.trim(), `unknown field "${h.trim()}"; known fields: ${names.join(', ')}`);
    return f || null;
  });
  const toolCols = columns(toolsTable, TOOL_FIELDS, TOOL_NAMES, 'tools');
  for (const need of ['name', 'license', 'commercial_use']) {
    if (!toolCols.includes(need)) say('tools', 1, null, '', `no "${need.replace('_', ' ')}" column (the header row names the fields)`);
  }

  const tools = [];
  const ids = new Set();
  toolsTable.slice(1).forEach((cells, r) => {
    const row = r + 2;
    const t = { id: '', name: '', license: { name: '', commercial_use: false } };
    let pricing = null;
    let community = null;
    cells.forEach((raw, c) => {
      const f = toolCols[c];
      const v = raw.trim();
      if (!f) return;
      const header = toolsTable[0][c].trim();
      const bool = () => {
        const k = v.toLowerCase();
        if (YES.has(k)) return true;
        if (NO.has(k)) return false;
        say('tools', row, c, header, `expected yes or no, got "${v}"`);
        return false;
      };
      const count = () => {
        if (/^\d+$/.test(v)) return Number(v);
        if (v) say('tools', row, c, header, `expected a whole number of votes, got "${v}"`);
        return 0;
      };
      switch (f) {
        case 'license': t.license.name = v; break;
        case 'spdx': t.license.spdx = v || null; break;
        case 'commercial_use': case 'open_weights': case 'osi_approved': t.license[f] = bool(); break;
        case 'entry': if (v) (pricing ??= { entry: '' }).entry = v; break;
        case 'entry_usd_month': {
          if (!v) break;
          const n = Number(v.replace(/^\$|\s|\/\s*(mo|month)$/gi, '').replace(',', '.'));
          if (Number.isFinite(n) && n >= 0) (pricing ??= { entry: '' }).entry_usd_month = n;
          else say('tools', row, c, header, `expected a price in US dollars a month (e.g. 20), got "${v}"`);
          break;
        }
        case 'notes': if (v) (pricing ??= { entry: '' }).notes = v; break;
        case 'ship': case 'skip': (community ??= { ship: 0, skip: 0 })[f] = count(); break;
        default: if (v) t[f] = v;
      }
    });
    if (!t.name) {
      say('tools', row, toolCols.indexOf('name') >= 0 ? toolCols.indexOf('name') : null, 'name', 'the tool has no name');
      return;
    }
    if (!t.license.name && toolCols.includes('license')) say('tools', row, toolCols.indexOf('license'), 'license', `${t.name}: the license is empty`);
    if (!t.id) t.id = slug(t.name) || `tool-${row - 1}`;
    else if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(t.id)) {
      say('tools', row, toolCols.indexOf('id'), 'id', `"${t.id}" is not an id (lower-case letters, digits and '-'); using "${slug(t.id)}"`);
      t.id = slug(t.id) || `tool-${row - 1}`;
    }
    if (ids.has(t.id)) say('tools', row, toolCols.indexOf('id') >= 0 ? toolCols.indexOf('id') : toolCols.indexOf('name'), '', `a second tool with the id "${t.id}"`);
    ids.add(t.id);
    if (pricing) {
      if (!pricing.entry) pricing.entry = pricing.entry_usd_month === 0 ? 'Free' : pricing.entry_usd_month ? `$${pricing.entry_usd_month} / month` : '\u2014';
      t.pricing = pricing;
    }
    if (community) t.community = community;
    const order = ['id', 'name', 'vendor', 'category', 'tagline', 'description', 'url', 'license', 'pricing', 'community'];
    tools.push(Object.fromEntries(order.filter((k) => t[k] !== undefined).map((k) => [k, t[k]])));
  });
  if (!tools.length) say('tools', 0, null, '', 'no tool rows under the header row');

  const payload = {
    version: 1,
    title: title || (tools.length ? tools.map((t) => t.name).join(' vs ') : 'Comparison'),
    question: 'Which one should you ship with?',
    tools,
  };

  if (reviewsTable) {
    const cols = columns(reviewsTable, REVIEW_FIELDS, REVIEW_NAMES, 'reviews');
    for (const need of ['tool', 'reviewer', 'verdict', 'quote']) {
      if (!cols.includes(need)) say('reviews', 1, null, '', `no "${need}" column`);
    }
    const reviewers = new Map();
    const reviews = [];
    reviewsTable.slice(1).forEach((cells, r) => {
      const row = r + 2;
      const get = (f) => (cols.indexOf(f) >= 0 ? (cells[cols.indexOf(f)] || '').trim() : '');
      const toolText = get('tool');
      const tool = tools.find((t) => t.id === toolText || t.name.toLowerCase() === toolText.toLowerCase());
      if (!tool) {
        say('reviews', row, cols.indexOf('tool'), 'tool', `"${toolText}" is not a tool of the tools table (${tools.map((t) => t.name).join(', ')})`);
        return;
      }
      const who = get('reviewer');
      if (!who) { say('reviews', row, cols.indexOf('reviewer'), 'reviewer', 'no reviewer name'); return; }
      const verdictText = get('verdict').toLowerCase();
      const verdict = ['ship', 'yes', 'y'].includes(verdictText) ? 'ship' : ['skip', 'no', 'n'].includes(verdictText) ? 'skip' : null;
      if (!verdict) { say('reviews', row, cols.indexOf('verdict'), 'verdict', `expected ship or skip, got "${get('verdict')}"`); return; }
      const quote = get('quote');
      if (!quote) { say('reviews', row, cols.indexOf('quote'), 'quote', 'the quote is empty'); return; }
      const id = slug(who) || `reviewer-${reviewers.size + 1}`;
      if (!reviewers.has(id)) reviewers.set(id, { id, name: who, ...(get('lens') ? { lens: get('lens') } : {}) });
      reviews.push({ tool: tool.id, reviewer: id, verdict, quote });
    });
    if (reviews.length) {
      payload.reviewers = [...reviewers.values()];
      payload.reviews = reviews;
    }
  }
  return { payload, problems };
}
