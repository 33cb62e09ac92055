// web: editor-table — a table pasted from a spreadsheet turned into a payload (web/editor/table.js):
// tab- and comma-separated, a second table of reviews, problems named by row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableToPayload, parseDelimited, splitTables, columnName, slug } from '../../web/editor/table.js';

const TSV = [
  'Name\tVendor\tLicense\tCommercial use\tOpen weights\tEntry\tMonthly USD\tURL',
  'Alpha Chat\tAlpha Inc\tApache 2.0\tyes\tyes\tFree\t0\thttps://alpha.example',
  'Beta\tBeta Ltd\tProprietary\tno\tno\tFrom $20\t20\thttps://beta.example',
  'Gamma\t\tMIT\tYes\t\t\t\t',
  '',
  'Tool\tReviewer\tLens\tVerdict\tQuote',
  'Alpha Chat\tAnn Lee\tCost\tShip\t"Cheap, and good"',
  'beta\tBo Chen\t\tskip\tToo pricey.',
].join('\n');

test('spreadsheet columns are lettered as in a spreadsheet', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 701, 702].map(columnName), ['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

test('CSV cells keep quoted commas, quotes and line breaks', () => {
  assert.deepEqual(parseDelimited('a,"b, c","say ""hi""","two\nlines"\n1,2,3,4', ','), [['a', 'b, c', 'say "hi"', 'two\nlines'], ['1', '2', '3', '4']]);
  assert.equal(splitTables('a\tb\n1\t2\n\n\nc,d\n3,4\n').length, 2);
});

test('a three-tool table with reviews becomes a payload the schema asks for', () => {
  const { payload, problems } = tableToPayload(TSV);
  assert.deepEqual(problems, []);
  assert.equal(payload.version, 1);
  assert.equal(payload.title, 'Alpha Chat vs Beta vs Gamma');
  assert.deepEqual(payload.tools.map((t) => t.id), ['alpha-chat', 'beta', 'gamma']);
  assert.deepEqual(payload.tools[0], {
    id: 'alpha-chat', name: 'Alpha Chat', vendor: 'Alpha Inc', url: 'https://alpha.example',
    license: { name: 'Apache 2.0', commercial_use: true, open_weights: true },
    pricing: { entry: 'Free', entry_usd_month: 0 },
  });
  assert.deepEqual(payload.tools[1].pricing, { entry: 'From $20', entry_usd_month: 20 });
  assert.equal(payload.tools[2].pricing, undefined);
  assert.deepEqual(payload.reviewers, [{ id: 'ann-lee', name: 'Ann Lee', lens: 'Cost' }, { id: 'bo-chen', name: 'Bo Chen' }]);
  assert.deepEqual(payload.reviews, [
    { tool: 'alpha-chat', reviewer: 'ann-lee', verdict: 'ship', quote: 'Cheap, and good' },
    { tool: 'beta', reviewer: 'bo-chen', verdict: 'skip', quote: 'Too pricey.' },
  ]);
});

test('comma-separated works the same', () => {
  const csv = 'name,license,commercial use\n"Alpha, the chat",MIT,true\nBeta,GPL-3.0,false\n';
  const { payload, problems } = tableToPayload(csv);
  assert.deepEqual(problems, []);
  assert.deepEqual(payload.tools.map((t) => [t.id, t.name, t.license.commercial_use]), [['alpha-the-chat', 'Alpha, the chat', true], ['beta', 'Beta', false]]);
});

test('problems are named by table, row and column', () => {
  const bad = [
    'name\tlicense\tcommercial use\tcolour\tcommunity ship',
    'Alpha\tMIT\tmaybe\tred\tlots',
    '\tMIT\tyes\t\t',
    '',
    'tool\treviewer\tverdict\tquote',
    'Zeta\tAnn\tship\tHi',
    'Alpha\tAnn\tperhaps\tHi',
  ].join('\n');
  const { payload, problems } = tableToPayload(bad);
  assert.deepEqual(problems.map((p) => p.text), [
    'tools table, row 1, column D (colour): unknown field "colour"; known fields: name, id, vendor, category, tagline, description, url, license, spdx, commercial use, open weights, osi approved, entry, monthly usd, notes, community ship, community skip',
    'tools table, row 2, column C (commercial use): expected yes or no, got "maybe"',
    'tools table, row 2, column E (community ship): expected a whole number of votes, got "lots"',
    'tools table, row 3, column A (name): the tool has no name',
    'reviews table, row 2, column A (tool): "Zeta" is not a tool of the tools table (Alpha)',
    'reviews table, row 3, column C (verdict): expected ship or skip, got "perhaps"',
  ]);
  assert.equal(payload.tools.length, 1);
  assert.equal(payload.reviews, undefined);
});

test('a table without the needed columns, or nothing at all, says what is missing', () => {
  assert.deepEqual(tableToPayload('vendor\tentry\nA\tFree').problems.map((p) => p.text), [
    'tools table, row 1: no "name" column (the header row names the fields)',
    'tools table, row 1: no "license" column (the header row names the fields)',
    'tools table, row 1: no "commercial use" column (the header row names the fields)',
    'tools table, row 2: the tool has no name',
    'tools table: no tool rows under the header row',
  ]);
  const empty = tableToPayload('  \n\n');
  assert.equal(empty.payload, null);
  assert.match(empty.problems[0].text, /nothing to read/);
  assert.equal(slug('Ünïcode Tool 2.0!'), 'unicode-tool-2-0');
});
