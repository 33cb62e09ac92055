// web: editor-schema — completion and hover help from the payload's JSON Schema
// (assets/schema/versus.schema.json) for the editor (web/editor/schema.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaAt, propertyHelp, propertyCompletions, valueCompletions } from '../../web/editor/schema.js';

const schema = JSON.parse(await readFile(new URL('../../assets/schema/versus.schema.json', import.meta.url), 'utf8'));

test('paths resolve through arrays and $ref', () => {
  assert.equal(schemaAt(schema, ['tools', 0, 'license', 'commercial_use']).type, 'boolean');
  assert.deepEqual(schemaAt(schema, ['reviews', 3, 'verdict']).enum, ['ship', 'skip']);
  assert.equal(schemaAt(schema, ['tools', 0, 'nope']), null);
});

test('completions offer the properties not yet written, required ones first, with their help', () => {
  const top = propertyCompletions(schema, [], ['version']);
  assert.ok(!top.some((o) => o.label === 'version'), 'already written');
  assert.deepEqual(top.slice(0, 2).map((o) => o.label), ['title', 'tools']);
  const license = propertyCompletions(schema, ['tools', 1, 'license'], ['name']);
  assert.deepEqual(license.map((o) => o.label), ['commercial_use', 'spdx', 'open_weights', 'osi_approved']);
  assert.match(license[0].detail, /boolean · required/);
  assert.ok(license[0].info.length > 10);
});

test('values: enums, booleans, null', () => {
  assert.deepEqual(valueCompletions(schema, ['reviews', 0, 'verdict']).map((o) => o.label), ['"ship"', '"skip"']);
  assert.deepEqual(valueCompletions(schema, ['tools', 0, 'license', 'open_weights']).map((o) => o.label), ['true', 'false']);
  assert.ok(valueCompletions(schema, ['tools', 0, 'license', 'spdx']).some((o) => o.label === 'null'));
  assert.deepEqual(valueCompletions(schema, ['title']), []);
});

test('hover help names the field, its type, whether it is required, and what it means', () => {
  const h = propertyHelp(schema, ['tools', 0], 'tagline');
  assert.equal(h.required, false);
  assert.match(h.type, /string/);
  assert.match(h.text, /at most 200 characters/);
  assert.equal(propertyHelp(schema, [], 'tools').required, true);
  assert.equal(propertyHelp(schema, [], 'nonsense'), null);
});
