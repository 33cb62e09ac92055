// web: actions — what a reader takes away (web/src/actions.js): the CSV of the tools, a card's and
// a quote's text, file names. Pure functions, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toolsCsv, cardText, reviewText, comparisonText, fileName } from '../../web/src/actions.js';
import { ACTIONS } from '../../web/src/menu.js';

// The core's rendition data (present::rendition_json) as the element gets it: the table and the
// texts are the core's, in the widget's language (tests/present/figures.cpp checks their words).
const tool = (id, name, extra = {}) => ({ id, name, text: `${name}\nvon Anbieter`, ...extra });
const data = {
  title: 'Ålpha vs. Beta: 2026!', question: 'Which?', summary: '',
  tools: [tool('alpha', 'Alpha'), tool('beta', '=HYPERLINK("x")')],
  reviews: [{ toolId: 'alpha', tool: 'Alpha', text: '“Cheap.” — Ann, Cost (Einsetzen · Alpha)' }],
  table: [['ID', 'Name', 'Panel: einsetzen', 'Hinweise'], ['alpha', 'Alpha', '75 %', 'Says "free"'],
    ['beta', '=HYPERLINK("x")', '—', 'a, b']],
};
test('the menu offers image, CSV, JSON and copy, in that order', () => {
  assert.deepEqual(ACTIONS.map(([a]) => a), ['image', 'csv', 'json', 'copy']);
});

test('CSV cells are quoted when they must be, and never run as formulas', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=1+2'), "'=1+2");
  assert.equal(csvCell('+33 1'), "'+33 1");
  assert.equal(csvCell('@x'), "'@x");
  assert.equal(csvCell(3), '3');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('-5%'), '-5%', 'a negative figure stays a figure');
});

test('the CSV is the core\'s table: its header words and figures as given, quoted, CRLF', () => {
  const lines = toolsCsv(data).split('\r\n');
  assert.equal(lines.at(-1), '', 'ends with a line break');
  assert.equal(lines[0], 'ID,Name,Panel: einsetzen,Hinweise');
  assert.equal(lines[1], 'alpha,Alpha,75 %,"Says ""free"""');
  assert.equal(lines[2], 'beta,"\'=HYPERLINK(""x"")",—,"a, b"');
  assert.equal(lines.length, 4);
});

test('the copied text is the core\'s: cards and reviews as it wrote them, after the title', () => {
  assert.equal(cardText(data.tools[0]), 'Alpha\nvon Anbieter');
  assert.equal(reviewText(data.reviews[0]), data.reviews[0].text);
  const all = comparisonText(data);
  assert.ok(all.startsWith('Ålpha vs. Beta: 2026!\nWhich?\n\nAlpha\nvon Anbieter'), all);
  assert.ok(all.endsWith('(Einsetzen · Alpha)'));
});

test('file names come from the title, safe on every system', () => {
  assert.equal(fileName(data.title, 'csv'), 'alpha-vs-beta-2026.csv');
  assert.equal(fileName('Claude Haiku Open Weights vs Mistral 4B', 'png'), 'claude-haiku-open-weights-vs-mistral-4b.png');
  assert.equal(fileName('\u65e5\u672c\u8a9e', 'json'), 'comparison.json');
  assert.equal(fileName('', 'png'), 'comparison.png');
  assert.ok(fileName('x'.repeat(200), 'png').length <= 64);
});

// The menu button sits in the corner the canvas keeps clear (ComparisonView::kHostCorner in
// src/ui/view.hpp): its inset, its size and a gap must fit in it.
test('the menu button fits in the corner the canvas keeps clear', async () => {
  const { readFileSync } = await import('node:fs');
  const { CSS } = await import('../../web/src/style.js');
  const header = readFileSync(new URL('../../src/ui/view.hpp', import.meta.url), 'utf8');
  const corner = Number(/kHostCorner\s*=\s*([\d.]+)f/.exec(header)?.[1]);
  assert.ok(corner > 0, 'kHostCorner not found in src/ui/view.hpp');
  const px = (rule, prop) => {
    const m = new RegExp(`\\${rule}\\s*\\{[^}]*?\\b${prop}:\\s*(\\d+)px`).exec(CSS);
    assert.ok(m, `${rule} { ${prop} } not found in web/src/style.js`);
    return Number(m[1]);
  };
  const inset = Math.max(px('.actions', 'top'), px('.actions', 'inset-inline-end'));
  const size = Math.max(px('.actions-button', 'width'), px('.actions-button', 'height'));
  assert.ok(inset + size + 6 <= corner, `button inset ${inset} + size ${size} + 6 px gap > kHostCorner ${corner}`);
});
