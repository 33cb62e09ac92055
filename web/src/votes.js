// votes.js — the reader's own votes, kept in localStorage so they survive a reload.
// One key per payload title: "versus:votes:<title>" → {"<tool id>": "ship" | "skip"}. Storage may
// be unavailable (privacy modes, sandboxed iframes, where even reading `localStorage` throws):
// votes then last as long as the page. `storage` is for tests; the page's localStorage otherwise.

export const STORAGE_PREFIX = 'versus:votes:';

export function readVotes(title, storage) {
  try {
    const s = storage ?? globalThis.localStorage;
    const v = JSON.parse(s.getItem(STORAGE_PREFIX + title) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

// Opens the page's localStorage ahead of the first readVotes (once per page): the first access of a
// page waits for the browser to load its storage, ~5-10 ms that a widget's first frame would
// otherwise wait for; called while the widget's core compiles.
let warmed = false;
export function warmStorage() {
  if (warmed) return;
  warmed = true;
  try {
    void globalThis.localStorage?.length;
  } catch {
    // no storage here (privacy modes, sandboxed iframes): readVotes finds none either
  }
}

// Records (verdict "ship" / "skip") or takes back (verdict null) one vote; false when storage failed.
export function writeVote(title, tool, verdict, storage) {
  try {
    const s = storage ?? globalThis.localStorage;
    const votes = readVotes(title, s);
    if (verdict) votes[tool] = verdict;
    else delete votes[tool];
    if (Object.keys(votes).length) s.setItem(STORAGE_PREFIX + title, JSON.stringify(votes));
    else s.removeItem(STORAGE_PREFIX + title);
    return true;
  } catch {
    return false;
  }
}

// The stored votes as the core takes them: one "ship <tool id>" / "skip <tool id>" line each;
// anything else stored under the key is ignored.
export function voteLines(votes) {
  return Object.entries(votes).filter(([, v]) => v === 'ship' || v === 'skip').map(([id, v]) => `${v} ${id}`).join('\n');
}
