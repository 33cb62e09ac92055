// web: editor-draft — the draft link (web/editor/draft.js): the payload deflated into the URL
// fragment round-trips exactly, is much shorter than the text, and a damaged link says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { encodeDraft, decodeDraft, DRAFT_PREFIX } from '../../web/editor/draft.js';

const seed = await readFile(new URL('../../assets/payloads/haiku-vs-mistral.json', import.meta.url), 'utf8');

test('the seed payload round-trips through the fragment, byte for byte', async () => {
  const hash = await encodeDraft(seed);
  assert.ok(hash.startsWith(DRAFT_PREFIX));
  assert.match(hash.slice(DRAFT_PREFIX.length), /^[A-Za-z0-9_-]+$/, 'base64url: safe in a URL without escaping');
  assert.ok(hash.length < seed.length / 1.8, `compressed: ${hash.length} characters for ${seed.length}`);
  assert.equal(await decodeDraft(hash), seed);
});

test('any text round-trips, non-ASCII and empty included', async () => {
  for (const text of ['', '{', '{"title": "Ça coûte — 日本語 🙂"}', 'x'.repeat(100000)]) {
    assert.equal(await decodeDraft(await encodeDraft(text)), text);
  }
});

test('no draft in the fragment is null; a damaged one is an error with a sentence', async () => {
  assert.equal(await decodeDraft(''), null);
  assert.equal(await decodeDraft('#section-2'), null);
  const hash = await encodeDraft(seed);
  await assert.rejects(decodeDraft(hash.slice(0, hash.length / 2)), /the draft link is damaged/);
  await assert.rejects(decodeDraft(`${DRAFT_PREFIX}!!!not-base64`), /the draft link is damaged/);
});
