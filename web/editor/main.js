// main.js — the publisher's editor (dist/editor.html, bundled into dist/editor.js; only this page
// loads it). The payload as JSON in CodeMirror 6, checked as it is typed by the same WebAssembly
// core the widget runs (the problems are the lines `versus --validate` prints), marked in the
// text and listed beside it; the real <versus-widget> follows the text, keeping the last valid
// version while the text is broken. Nothing leaves the browser: files are blob: downloads, the
// draft link keeps the payload in the URL's fragment.
//
// Index
//  [SECTION] The validator: a core instance without a canvas
//  [SECTION] The code editor: JSON, schema help, problem marks
//  [SECTION] Following the text
//  [SECTION] Starting points: seed, blank template, spreadsheet table
//  [SECTION] Out: snippet, files, draft link
//  [SECTION] Preview width and theme
//  [SECTION] Start
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { json } from '@codemirror/lang-json';
import { syntaxTree, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { autocompletion } from '@codemirror/autocomplete';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { createCore, toCore, withText } from '../src/core.js';
import { download, copyText, fileName } from '../src/actions.js';
import { parseProblem, offsetOf } from './problems.js';
import { propertyHelp, propertyCompletions, valueCompletions } from './schema.js';
import { tableToPayload } from './table.js';
import { blankPayload, embedSnippet } from './template.js';
import { encodeDraft, decodeDraft } from './draft.js';

const $ = (id) => document.getElementById(id);
const SOURCE_NAME = 'payload.json';   // the name problem lines start with
const SEED_URL = new URL('payloads/haiku-vs-mistral.json', import.meta.url).href;
const SCHEMA_URL = new URL('versus.schema.json', import.meta.url).href;
const CHECK_DELAY_MS = 200;

const preview = $('preview');
let schema = null;
let lastGood = null;       // the text the preview shows
let lastChecked = null;    // { text, ok, problems }

function say(text) {
  $('status').textContent = text;
}

// [SECTION] The validator: a core instance without a canvas ----------------------------------------
// versus_init without WebGL still makes the core's state; versus_set_payload then validates.

let validator = null;
async function startValidator() {
  const canvas = document.createElement('canvas');
  canvas.getContext = () => null;   // no drawing: the validator only validates
  const core = await createCore(canvas, {});
  core._versus_init(1, 1, 1, 0);
  validator = core;
}

function validate(text) {
  const core = validator;
  const bytes = new TextEncoder().encode(text);
  const ptr = toCore(core, bytes);
  let ok;
  try {
    ok = withText(core, SOURCE_NAME, (name) => core._versus_set_payload(ptr, bytes.length, name)) === 1;
  } finally {
    core._free(ptr);
  }
  const problems = [];
  for (let i = 0, n = core._versus_problem_count(); i < n; i++) problems.push(parseProblem(core.UTF8ToString(core._versus_problem(i))));
  return { ok, problems };
}

// [SECTION] The code editor: JSON, schema help, problem marks -----------------------------------

// Property names and array indexes from the root to `node` (the key of a property the node is the
// name of is not included: that is the object's path).
function pathAt(state, node) {
  const path = [];
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.name === 'Property') {
      const key = n.getChild('PropertyName');
      if (key && child.from !== key.from) path.unshift(keyText(state, key));
    } else if (n.name === 'Array') {
      let i = 0;
      for (let c = n.firstChild; c && c.to <= child.from; c = c.nextSibling) if (!['[', ']', ',', '⚠'].includes(c.name)) i++;
      path.unshift(i);
    }
  }
  return path;
}

function keyText(state, key) {
  const raw = state.sliceDoc(key.from, key.to);
  try { return JSON.parse(raw); } catch { return raw.replace(/^"|"$/g, ''); }
}

function keysOf(state, object) {
  const out = [];
  for (let c = object?.firstChild; c; c = c.nextSibling) {
    const k = c.name === 'Property' && c.getChild('PropertyName');
    if (k) out.push(keyText(state, k));
  }
  return out;
}

function completeFromSchema(ctx) {
  if (!schema) return null;
  const state = ctx.state;
  const node = syntaxTree(state).resolveInner(ctx.pos, -1);
  // Property names are offered with their quotes (so that what was typed, quote included,
  // matches); a colon follows unless one is already there.
  const keyOptions = (object, path, from, to) => {
    const colon = /^\s*:/.test(state.sliceDoc(to, to + 40));
    return {
      from, to,
      options: propertyCompletions(schema, path, keysOf(state, object)).map((o) => ({
        label: `"${o.label}"`, displayLabel: o.label, detail: o.detail, info: o.info, type: 'property', boost: o.required ? 1 : 0,
        apply: `"${o.label}"${colon ? '' : ': '}`,
      })),
      validFor: /^"?[\w$]*"?$/,
    };
  };
  if (node.name === 'PropertyName') return keyOptions(node.parent?.parent, pathAt(state, node), node.from, node.to);
  if (node.name === 'Object' || (node.name === '⚠' && node.parent?.name === 'Object')) {
    const object = node.name === 'Object' ? node : node.parent;
    const word = ctx.matchBefore(/"?[\w$]*/);
    if (!ctx.explicit && (!word || word.from === word.to)) return null;
    return keyOptions(object, pathAt(state, object), word ? word.from : ctx.pos, node.name === '⚠' ? node.to : ctx.pos);
  }
  // A value: the property's enum or booleans.
  const valueNode = ['String', 'Number', 'True', 'False', 'Null', '⚠'].includes(node.name) ? node : null;
  const prop = valueNode ? valueNode.parent : node.name === 'Property' ? node : null;
  if (prop?.name === 'Property') {
    const key = prop.getChild('PropertyName');
    if (!key || (valueNode && valueNode.from === key.from)) return null;
    const options = valueCompletions(schema, [...pathAt(state, key), keyText(state, key)]);
    if (!options.length) return null;
    const from = valueNode ? valueNode.from : ctx.pos;
    return { from, to: valueNode ? valueNode.to : ctx.pos, options: options.map((o) => ({ ...o, type: 'constant' })) };
  }
  return null;
}

const schemaHover = hoverTooltip((view, pos, side) => {
  if (!schema) return null;
  const node = syntaxTree(view.state).resolveInner(pos, side);
  if (node.name !== 'PropertyName') return null;
  const help = propertyHelp(schema, pathAt(view.state, node), keyText(view.state, node));
  if (!help) return null;
  return {
    pos: node.from, end: node.to, above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'schema-help';
      const head = document.createElement('strong');
      head.textContent = `${help.title}`;
      const type = document.createElement('code');
      type.textContent = `${help.type}${help.required ? ' · required' : ''}`;
      const text = document.createElement('p');
      text.textContent = help.text;
      dom.append(head, ' ', type, text);
      return { dom };
    },
  };
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--ed-key)' },
  { tag: tags.string, color: 'var(--ed-string)' },
  { tag: tags.number, color: 'var(--ed-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--ed-keyword)' },
  { tag: tags.punctuation, color: 'var(--ed-muted)' },
]);

const editorTheme = EditorView.theme({
  '&': { color: 'var(--ed-text)', backgroundColor: 'var(--ed-bg)', height: '100%', fontSize: '13.5px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-content': { caretColor: 'var(--ed-text)', fontFamily: 'var(--mono)' },
  '.cm-gutters': { backgroundColor: 'var(--ed-gutter)', color: 'var(--ed-muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'var(--ed-active)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--ed-active)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--ed-text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--ed-selection) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--line)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-scroller': { overflow: 'auto' },
});

// CodeMirror styles itself with <style> elements in a document, which a strict CSP
// (style-src 'self') blocks; in a shadow root it uses constructed stylesheets, which it allows.
const codeRoot = $('code').attachShadow({ mode: 'open' });
const codeBox = document.createElement('div');
codeBox.style.height = '100%';
codeRoot.append(codeBox);

const view = new EditorView({
  root: codeRoot,
  parent: codeBox,
  state: EditorState.create({
    doc: '',
    extensions: [
      basicSetup,
      json(),
      EditorView.lineWrapping,
      syntaxHighlighting(highlight),
      editorTheme,
      lintGutter(),
      autocompletion({ override: [completeFromSchema], activateOnTyping: true }),
      schemaHover,
      EditorView.contentAttributes.of({ 'aria-label': 'Payload JSON', tabindex: '0' }),
      EditorView.updateListener.of((u) => { if (u.docChanged) scheduleCheck(); }),
    ],
  }),
});

// [SECTION] Following the text --------------------------------------------------------------------

let checkTimer = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, CHECK_DELAY_MS);
}

function check() {
  if (!validator) return;
  const text = view.state.doc.toString();
  const result = validate(text);
  lastChecked = { text, ...result };
  markProblems(text, result.problems);
  listProblems(result);
  if (result.ok && text !== lastGood) {
    lastGood = text;
    preview.payload = text;
  }
  saveDraft(text);
}

// The problems as CodeMirror diagnostics: from the validator's line:column to the end of the
// token there.
function markProblems(text, problems) {
  const tree = syntaxTree(view.state);
  const diagnostics = problems.map((p) => {
    const from = p.line ? Math.min(offsetOf(text, p.line, p.column), text.length) : 0;
    const node = tree.resolveInner(from, 1);
    const lineEnd = view.state.doc.lineAt(from).to;
    let to = node && node.from === from && node.to > from ? Math.min(node.to, lineEnd) : Math.min(from + 1, lineEnd);
    if (to <= from) to = Math.min(from + 1, text.length);
    return { from, to, severity: p.severity === 'warning' ? 'warning' : 'error', message: p.message, source: 'versus' };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

function listProblems({ ok, problems }) {
  const list = $('problems');
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const warnings = problems.length - errors;
  $('problems-summary').textContent = ok
    ? warnings ? `Valid, with ${warnings} warning${warnings === 1 ? '' : 's'}. The preview shows this text.` : 'Valid. The preview shows this text.'
    : `${errors} problem${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. ` +
      (lastGood ? 'The preview keeps the last valid version.' : 'Nothing valid to preview yet.');
  $('problems-summary').dataset.ok = String(ok);
  list.replaceChildren(...problems.map((p) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `problem ${p.severity}`;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = p.line ? `Line ${p.line}, column ${p.column}` : 'The payload';
    const what = document.createElement('span');
    what.textContent = p.message;
    b.append(where, what);
    b.addEventListener('click', () => goTo(p));
    const li = document.createElement('li');
    li.append(b);
    return li;
  }));
}

function goTo(p) {
  const text = view.state.doc.toString();
  const at = p.line ? offsetOf(text, p.line, p.column) : 0;
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  view.focus();
}

function setText(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  clearTimeout(checkTimer);
  check();
}

const pretty = (payload) => JSON.stringify(payload, null, 2) + '\n';

// [SECTION] Starting points: seed, blank template, spreadsheet table -----------------------------

async function loadSeed() {
  const res = await fetch(SEED_URL);
  if (!res.ok) throw new Error(`cannot load the seed payload: HTTP ${res.status}`);
  return res.text();
}

$('start-seed').addEventListener('click', async () => {
  try {
    setText(await loadSeed());
    say('Started from the seed comparison.');
  } catch (e) {
    say(e.message);
  }
});
$('start-blank').addEventListener('click', () => {
  setText(pretty(blankPayload()));
  say('Started from the blank two-tool template: replace the placeholder text.');
});

const tableDialog = $('table-dialog');
$('start-table').addEventListener('click', () => {
  $('table-problems').replaceChildren();
  tableDialog.showModal();
  $('table-text').focus();
});
$('table-cancel').addEventListener('click', () => tableDialog.close());
$('table-make').addEventListener('click', () => {
  const { payload, problems } = tableToPayload($('table-text').value);
  $('table-problems').replaceChildren(...problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = p.text;
    return li;
  }));
  if (problems.length || !payload) {   // the dialog stays, with what to fix in the table
    $('table-problems').dataset.count = String(problems.length);
    return;
  }
  tableDialog.close();
  setText(pretty(payload));
  say(`Made a payload of ${payload.tools.length} tool${payload.tools.length === 1 ? '' : 's'}${payload.reviews ? ` and ${payload.reviews.length} review${payload.reviews.length === 1 ? '' : 's'}` : ''} from the table: now give it a title.`);
});

// [SECTION] Out: snippet, files, draft link --------------------------------------------------------

// The payload's file name: its id, or its title's, or "payload".
function payloadBase() {
  try {
    const p = JSON.parse(view.state.doc.toString());
    return fileName(p.id || p.title || 'payload', 'json').replace(/\.json$/, '');
  } catch {
    return 'payload';
  }
}

function snippet() {
  return embedSnippet(new URL('versus.js', import.meta.url).href, `${payloadBase()}.json`);
}

function showSnippet() {
  $('snippet').textContent = snippet();
}

$('copy-snippet').addEventListener('click', async () => {
  const text = snippet();
  showSnippet();
  await copyText(text);
  say(`Embed snippet copied. Upload ${payloadBase()}.json next to your page, then paste the two lines.`);
});

$('download-json').addEventListener('click', () => {
  const text = view.state.doc.toString();
  const name = `${payloadBase()}.json`;
  download(new Blob([text], { type: 'application/json' }), name);
  const bad = lastChecked && !lastChecked.ok ? ` It still has problems: the widget will show them instead of the comparison.` : '';
  say(`Downloaded ${name}.${bad}`);
});

$('download-png').addEventListener('click', async () => {
  try {
    const blob = await preview.captureImage({ scale: 2 });
    const name = `${payloadBase()}.png`;
    download(blob, name);
    say(`Downloaded ${name}: the whole comparison at 2×.`);
  } catch (e) {
    say(`No image: ${e.message}`);
  }
});

let draftTimer = 0;
function saveDraft(text) {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(async () => {
    const hash = await encodeDraft(text);
    history.replaceState(null, '', hash);
  }, 300);
}

$('copy-link').addEventListener('click', async () => {
  clearTimeout(draftTimer);
  const hash = await encodeDraft(view.state.doc.toString());
  history.replaceState(null, '', hash);
  await copyText(location.href);
  say(`Draft link copied (${location.href.length} characters). The draft is inside the link itself: nothing was uploaded.`);
});

// [SECTION] Preview width and theme ----------------------------------------------------------------

for (const input of document.querySelectorAll('input[name="width"]')) {
  input.addEventListener('change', () => {
    const w = input.value;
    $('preview-frame').style.width = w === 'desktop' ? '' : `${w}px`;
    $('preview-frame').dataset.width = w;
  });
}
for (const input of document.querySelectorAll('input[name="theme"]')) {
  input.addEventListener('change', () => {
    document.documentElement.dataset.theme = input.value;
    preview.setAttribute('theme', input.value);
  });
}

// [SECTION] Start -----------------------------------------------------------------------------------

async function start() {
  const schemaLoad = fetch(SCHEMA_URL).then((r) => r.json()).then((s) => { schema = s; }, () => { schema = null; });
  let text = null;
  try {
    text = await decodeDraft(location.hash);
    if (text !== null) say('Opened the draft from the link.');
  } catch (e) {
    say(`${e.message}. Starting from the seed comparison instead.`);
  }
  if (text === null) {
    text = await loadSeed();
    say('Ready: the seed comparison. Edit the payload; the preview follows.');
  }
  await Promise.all([startValidator(), schemaLoad]);
  setText(text);
  showSnippet();
  // For tests and tools: the text, and whether the last check found it valid.
  window.versusEditor = Object.freeze({ text: () => view.state.doc.toString(), valid: () => Boolean(lastChecked?.ok) });
  document.body.dataset.ready = 'true';
}

start().catch((e) => say(`The editor could not start: ${e.message}`));
