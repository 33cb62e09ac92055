// web: editor-problems — the validator's problem lines as positions in the editor's text
// (web/editor/problems.js): line:column counted in code points, as `versus --validate` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProblem, offsetOf } from '../../web/editor/problems.js';

test('a problem line gives line, column, severity and message', () => {
  assert.deepEqual(parseProblem('payload.json:12:27: error: /tools/1/license/commercial_use: expected a boolean, got the string "no"'), {
    line: 12, column: 27, severity: 'error', message: '/tools/1/license/commercial_use: expected a boolean, got the string "no"',
    text: 'payload.json:12:27: error: /tools/1/license/commercial_use: expected a boolean, got the string "no"',
  });
  assert.equal(parseProblem('a:b.json:3:1: warning: something').severity, 'warning');
  assert.deepEqual(parseProblem('payload.json: error: the payload is empty'), {
    line: null, column: null, severity: 'error', message: 'the payload is empty', text: 'payload.json: error: the payload is empty',
  });
});

test('line and column become an offset; columns count code points', () => {
  const doc = '{\n  "title": "Ça — 🙂",\n  "x": 1\n}';
  assert.equal(offsetOf(doc, 1, 1), 0);
  assert.equal(offsetOf(doc, 2, 3), doc.indexOf('"title"'));
  assert.equal(offsetOf(doc, 2, 19), doc.indexOf('🙂') + 2, 'the emoji is one column, two UTF-16 units');
  assert.equal(doc.slice(offsetOf(doc, 3, 3), offsetOf(doc, 3, 6)), '"x"');
  assert.equal(offsetOf(doc, 2, 999), doc.indexOf('\n', 2), 'clamped to the end of its line');
  assert.equal(offsetOf(doc, 99, 1), doc.length, 'past the last line: the end');
});
