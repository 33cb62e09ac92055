// web: rendition — the HTML rendition builder (web/src/rendition.js) with a stand-in element
// factory: headings at the publisher's level, figures and quotes as text, unsafe links not links,
// every word from the data (the core's, in the widget's language), none of the module's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renditionNodes, headingBase } from '../../web/src/rendition.js';

// Elements as plain objects; strings stay strings (text nodes).
const h = (tag, props = {}, children = []) => ({ tag, props, children: children.filter((c) => c !== null && c !== undefined && c !== '') });
const text = (n) => (typeof n === 'string' ? n : n.children.map(text).join(''));
const all = (nodes, pred, out = []) => {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if (pred(n)) out.push(n);
    all(n.children, pred, out);
  }
  return out;
};

const tool = (id, name, extra = {}) => ({
  id, name, category: 'Model', vendor: 'Vendor', vendorLine: 'von Vendor', tagline: 'Fast.', description: '',
  url: `https://example.com/${id}`, link: `Visit ${name}`, entry: 'Free', monthly: '$10 / month', notes: '', commercialUse: 'Yes',
  pricing: 'Einstiegspreis: Free \u00b7 $10 / month \u00b7 Lizenz: Apache-2.0 \u00b7 Kommerzielle Nutzung: Ja',
  license: { name: 'Apache-2.0', facts: ['Open weights'] },
  panel: { value: '2 of 3', label: 'Panel', text: '2 ship, 1 skip', ship: 2, skip: 1 },
  community: { value: '64%', label: 'Community', mine: null, mineText: '' },
  ...extra,
});
const data = {
  lang: 'de', dir: 'ltr', kicker: 'Review', title: 'A vs B', question: 'Which one?', summary: 'Short.',
  words: { tools: 'Die 2 Tools', scorecard: 'Gutachten im Überblick', entry: 'Einstiegspreis', license: 'Lizenz' },
  tools: [tool('a', 'Alpha', { community: { value: '64%', label: 'Community', mine: 'ship', mineText: 'Ihre Stimme: Einsetzen' } }),
    tool('b', '<img src=x onerror=alert(1)>', { url: 'javascript:alert(1)' })],
  reviews: [{ verdict: 'Einsetzen', verdictKey: 'ship', head: 'Einsetzen \u00b7 Alpha', tool: 'Alpha', reviewer: 'Ann',
    lens: 'cost', by: 'Ann, cost', quote: 'Cheap & good' }],
  cta: { url: 'https://example.com/more', label: 'Read more', text: 'Read more \u2192' },
};

test('headings start at the heading-level attribute (1–5, default 2) and nest below it', () => {
  assert.equal(headingBase(null), 2);
  assert.equal(headingBase('4'), 4);
  assert.equal(headingBase('9'), 5);
  assert.equal(headingBase('0'), 2);
  assert.equal(headingBase('x'), 2);
  const nodes = renditionNodes(data, { headingLevel: '3', titleId: 't1', h });
  const headings = all(nodes, (n) => /^h\d$/.test(n.tag)).map((n) => `${n.tag}:${text(n)}`);
  assert.deepEqual(headings, ['h3:A vs B', 'h4:Die 2 Tools', 'h5:Alpha', 'h5:<img src=x onerror=alert(1)>', 'h4:Gutachten im Überblick']);
  assert.equal(all(nodes, (n) => n.props.id === 't1').length, 1);
  const deepest = renditionNodes(data, { headingLevel: '5', titleId: 't', h });
  assert.equal(all(deepest, (n) => n.tag === 'h6').length, 4, 'sections and tools at h6, never h7');
});

test('each tool is a card with its figures, license facts, pricing and the reader\'s own vote', () => {
  const nodes = renditionNodes(data, { titleId: 't', h });
  const cards = all(nodes, (n) => n.props.className === 'r-card');
  assert.deepEqual(cards.map((c) => c.props['data-tool']), ['a', 'b']);
  const alpha = text(cards[0]);
  for (const s of ['2 of 3', 'Panel (2 ship, 1 skip)', '64%', 'Community', 'Einstiegspreis', 'Ihre Stimme: Einsetzen', 'Apache-2.0',
    'Open weights', 'von Vendor', 'Einstiegspreis: Free \u00b7 $10 / month \u00b7 Lizenz: Apache-2.0 \u00b7 Kommerzielle Nutzung: Ja']) {
    assert.ok(alpha.includes(s), `card should read ${JSON.stringify(s)}: ${alpha}`);
  }
  assert.ok(!text(cards[1]).includes('Ihre Stimme'));
});

test('payload strings stay text, and only http(s) URLs become links', () => {
  const nodes = renditionNodes(data, { titleId: 't', h });
  const links = all(nodes, (n) => n.tag === 'a');
  assert.deepEqual(links.map((a) => a.props.href), ['https://example.com/a', 'https://example.com/more']);
  for (const a of links) assert.equal(a.props.rel, 'noopener noreferrer');
  assert.equal(all(nodes, (n) => n.tag === 'img').length, 0);
  const spans = all(nodes, (n) => n.tag === 'span');
  assert.deepEqual(spans.map(text), ['Visit <img src=x onerror=alert(1)>']);
});

test('reviews read verdict, tool, reviewer and quote; no reviews, no section', () => {
  const nodes = renditionNodes(data, { titleId: 't', h });
  const review = all(nodes, (n) => n.props.className === 'r-reviews')[0];
  assert.equal(text(review), 'Einsetzen \u00b7 AlphaAnn, cost\u201cCheap & good\u201d');
  assert.equal(all(nodes, (n) => n.props.className === 'r-verdict ship').length, 1);
  const none = renditionNodes({ ...data, reviews: [], cta: null, tools: [data.tools[0]], words: { ...data.words, tools: 'Das Tool' } },
    { titleId: 't', h });
  assert.ok(!none.some((n) => typeof n !== 'string' && text(n) === 'Gutachten im Überblick'));
  assert.ok(none.some((n) => typeof n !== 'string' && text(n) === 'Das Tool'));
});
