// web: actions — what a reader takes away (web/src/actions.js): the CSV of the tools, a card's and
// a quote's text, file names. Pure functions, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toolsCsv, cardText, reviewText, comparisonText, fileName } from '../../web/src/actions.js';
import { ACTIONS } from '../../web/src/menu.js';

const tool = (id, name, extra = {}) => ({
  id, name, category: 'Model', vendor: 'Vendor', tagline: 'Fast, small', description: 'Long text.', url: `https://example.com/${id}`,
  entry: 'Free', monthly: '$0 / month', notes: 'Says "free"', commercialUse: 'Yes',
  license: { name: 'Apache-2.0', facts: ['Commercial use', 'Open weights'] },
  panel: { value: '75%', label: 'Panel ship', text: '3 ship, 1 skip', ship: 3, skip: 1 },
  community: { value: '\u2014', label: 'Community', mine: null },
  ...extra,
});
const data = {
  title: 'Ålpha vs. Beta: 2026!', question: 'Which?', summary: '',
  tools: [tool('alpha', 'Alpha'), tool('beta', '=HYPERLINK("x")', { vendor: '' })],
  reviews: [{ toolId: 'alpha', tool: 'Alpha', reviewer: 'Ann', lens: 'Cost', verdict: 'Ship', quote: 'Cheap.' }],
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

test('the CSV has a header and one row per tool with its facts and figures', () => {
  const lines = toolsCsv(data).split('\r\n');
  assert.equal(lines.at(-1), '', 'ends with a line break');
  assert.equal(lines[0], 'id,name,vendor,category,tagline,panel ship,panel ship votes,panel skip votes,community,entry,monthly,license,license facts,commercial use,pricing notes,url');
  assert.equal(lines[1], 'alpha,Alpha,Vendor,Model,"Fast, small",75%,3,1,\u2014,Free,$0 / month,Apache-2.0,Commercial use; Open weights,Yes,"Says ""free""",https://example.com/alpha');
  assert.ok(lines[2].startsWith('beta,"\'=HYPERLINK(""x"")",,Model,'), lines[2]);
  assert.equal(lines.length, 4);
});

test('a card reads as its canvas card does; a review as quote, reviewer and verdict', () => {
  assert.equal(cardText(data.tools[0]), [
    'Model', 'Alpha', 'by Vendor', 'Fast, small', 'Panel ship: 75% (3 ship, 1 skip)', 'Community: \u2014', 'Entry: Free', '$0 / month',
    'License: Apache-2.0, Commercial use, Open weights', 'Says "free"', 'Long text.', 'https://example.com/alpha'].join('\n'));
  assert.ok(!cardText(data.tools[1]).includes('by '), 'no vendor, no "by" line');
  assert.equal(reviewText(data.reviews[0]), '\u201cCheap.\u201d \u2014 Ann, Cost (Ship \u00b7 Alpha)');
  assert.equal(reviewText({ ...data.reviews[0], lens: '' }), '\u201cCheap.\u201d \u2014 Ann (Ship \u00b7 Alpha)');
  const all = comparisonText(data);
  assert.ok(all.startsWith('\u00c5lpha vs. Beta: 2026!\nWhich?\n\nModel\nAlpha'), all);
  assert.ok(all.endsWith('(Ship \u00b7 Alpha)'));
});

test('file names come from the title, safe on every system', () => {
  assert.equal(fileName(data.title, 'csv'), 'alpha-vs-beta-2026.csv');
  assert.equal(fileName('Claude Haiku Open Weights vs Mistral 4B', 'png'), 'claude-haiku-open-weights-vs-mistral-4b.png');
  assert.equal(fileName('\u65e5\u672c\u8a9e', 'json'), 'comparison.json');
  assert.equal(fileName('', 'png'), 'comparison.png');
  assert.ok(fileName('x'.repeat(200), 'png').length <= 64);
});
