// draft.js — a draft payload in a shareable link: the text deflated (CompressionStream, in every
// current browser and in Node) and base64url-encoded into the URL's fragment, which browsers never
// send to a server. Pure apart from those two standard APIs.

export const DRAFT_PREFIX = '#draft=';

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

// The fragment ("#draft=…") holding `text`.
export async function encodeDraft(text) {
  return DRAFT_PREFIX + toBase64url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

// The text of a fragment made by encodeDraft, or null when the fragment holds no draft; throws
// an Error with a sentence when it holds a damaged one.
export async function decodeDraft(hash) {
  if (!String(hash).startsWith(DRAFT_PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64url(hash.slice(DRAFT_PREFIX.length)), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the draft link is damaged (cut short or changed): it cannot be read');
  }
}
