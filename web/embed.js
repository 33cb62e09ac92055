// embed.js — iframe mode (embed.html): one <versus-widget> from the page's query string, for hosts
// that strip scripts from what their authors paste. It tells the parent page its height (and what
// the reader did) with postMessage:
//
//   embed.html?src=payloads/x.json&theme=auto&accent=%23e11d48&max-height=900&parent-origin=https://host.example
//   (also vote-endpoint, votes: the vote service's base URL, and heading-level)
//
//   { type: 'versus-height', height }            whenever the page's height changes
//   { type: 'versus-event', event, detail }       versus-ready, versus-error, versus-filter, versus-vote
//
// The messages go to `parent-origin` when given (then no other page that frames this one hears
// them), otherwise to '*': embed.html can't know who frames it (document.referrer is cut to an
// origin or dropped by referrer policies, and ancestorOrigins is Chromium-only), and nothing it
// sends is private: a height and the events a reader's own clicks cause. The parent must check
// the message's origin and source (see iframe-demo.js and docs/embedding.md).
const params = new URLSearchParams(location.search);
const widget = document.createElement('versus-widget');
for (const name of ['src', 'theme', 'accent', 'max-height', 'vote-endpoint', 'votes', 'heading-level']) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
widget.setAttribute('loading', 'eager');   // the parent's <iframe loading="lazy"> is the lazy part

let target = '*';
const parentOrigin = params.get('parent-origin');
if (parentOrigin) {
  try {
    target = new URL(parentOrigin).origin;
  } catch {
    console.warn(`versus embed: parent-origin "${parentOrigin}" is not an origin; nothing is posted`);
    target = null;
  }
}

function post(message) {
  if (target && window.parent !== window) window.parent.postMessage(message, target);
}

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    post({ type: 'versus-height', height });
  }
}

for (const type of ['versus-ready', 'versus-error', 'versus-filter', 'versus-vote']) {
  widget.addEventListener(type, (e) => {
    const { posted, service, ...detail } = e.detail || {};   // a Promise can't be posted...
    if (!service) {
      post({ type: 'versus-event', event: type, detail });
      return;
    }
    // ...so with a vote service (votes=) the parent hears the vote once the service answered,
    // with `sent` (whether the service stored it) and its `tally` of the tool.
    service.then((r) => post({ type: 'versus-event', event: type, detail: { ...detail, sent: r.sent, tally: r.tally } }));
  });
}

document.body.style.margin = '0';   // CSSOM: allowed by the page's strict CSP (a style attribute is not)
new ResizeObserver(postHeight).observe(document.documentElement);
document.body.append(widget);
