// web: votes — the reader's votes kept in localStorage (web/src/votes.js), with a stand-in storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readVotes, writeVote, voteLines, STORAGE_PREFIX } from '../../web/src/votes.js';

class MemoryStorage {
  map = new Map();
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

test('a vote is stored under the comparison title and read back', () => {
  const s = new MemoryStorage();
  assert.equal(writeVote('Haiku vs Mistral', 'haiku', 'ship', s), true);
  assert.equal(writeVote('Haiku vs Mistral', 'mistral', 'skip', s), true);
  assert.deepEqual(readVotes('Haiku vs Mistral', s), { haiku: 'ship', mistral: 'skip' });
  assert.deepEqual(JSON.parse(s.getItem(STORAGE_PREFIX + 'Haiku vs Mistral')), { haiku: 'ship', mistral: 'skip' });
  assert.deepEqual(readVotes('Another comparison', s), {});
});

test('taking back the last vote removes the key', () => {
  const s = new MemoryStorage();
  writeVote('T', 'a', 'ship', s);
  writeVote('T', 'a', null, s);
  assert.equal(s.getItem(STORAGE_PREFIX + 'T'), null);
  assert.deepEqual(readVotes('T', s), {});
});

test('storage that throws (privacy modes, sandboxed iframes) loses nothing but the persistence', () => {
  const broken = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('QuotaExceeded'); }, removeItem() {} };
  assert.deepEqual(readVotes('T', broken), {});
  assert.equal(writeVote('T', 'a', 'ship', broken), false);
  // Node has no localStorage by default: the default storage is missing, which must not throw either.
  if (!('localStorage' in globalThis)) {
    assert.deepEqual(readVotes('T'), {});
    assert.equal(writeVote('T', 'a', 'ship'), false);
  }
});

test('whatever else is stored under the key is ignored', () => {
  const s = new MemoryStorage();
  for (const junk of ['not json', '[1,2]', 'null', '"ship"']) {
    s.setItem(STORAGE_PREFIX + 'T', junk);
    assert.deepEqual(readVotes('T', s), {}, junk);
  }
  s.setItem(STORAGE_PREFIX + 'T', JSON.stringify({ a: 'ship', b: 'maybe', c: 'skip', d: 1 }));
  assert.equal(voteLines(readVotes('T', s)), 'ship a\nskip c');
});
