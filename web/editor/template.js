// template.js — the blank two-tool payload the editor starts from: every required field there,
// the usual optional ones with placeholder text, valid as it is.

export function blankPayload() {
  const tool = (id, name) => ({
    id, name, vendor: 'Vendor', category: 'Category', tagline: 'One line on what it is.',
    description: 'A paragraph on what it does, for whom, and what it costs.',
    url: 'https://example.com/',
    license: { name: 'Proprietary', spdx: null, commercial_use: true, open_weights: false, osi_approved: false },
    pricing: { entry: 'Free', entry_usd_month: 0, notes: 'What the free tier includes.' },
  });
  return {
    version: 1,
    id: 'tool-a-vs-tool-b',
    title: 'Tool A vs Tool B',
    kicker: 'Comparison',
    question: 'Which one should you ship with?',
    summary: 'The side-by-side facts, the reviewers\u2019 verdicts and the readers\u2019 votes.',
    tools: [tool('tool-a', 'Tool A'), tool('tool-b', 'Tool B')],
    reviewers: [{ id: 'reviewer-1', name: 'Reviewer One', lens: 'Developer experience' }],
    reviews: [
      { tool: 'tool-a', reviewer: 'reviewer-1', verdict: 'ship', quote: 'Why it is worth shipping.' },
      { tool: 'tool-b', reviewer: 'reviewer-1', verdict: 'skip', quote: 'Why it is not, yet.' },
    ],
  };
}

// The embed snippet for a payload hosted as `payloadFile` beside the page, with versus.js at
// `scriptUrl`: the exact two lines to paste.
export function embedSnippet(scriptUrl, payloadFile) {
  return `<script type="module" src="${scriptUrl}"></script>\n<versus-widget src="${payloadFile}"></versus-widget>`;
}
