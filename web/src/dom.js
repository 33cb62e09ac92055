// dom.js — small DOM helpers shared by the element's parts: the shadow root's stylesheet, an
// element factory that only ever makes text nodes of strings, and the safe-link check.
import { CSS } from './style.js';

let sheet = null;   // one constructed stylesheet shared by every shadow root (CSP-friendly)
export function styleShadow(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}

// An element with properties and children; strings become text nodes, never markup.
export function h(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'hidden' || k === 'tabIndex') node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== '') node.append(child);
  return node;
}

// The name problem lines start with: the payload's file name, as `versus --validate NAME` prints it.
export function sourceName(url) {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return String(url);
  }
}

export function message(e) {
  return e && e.message ? e.message : String(e);
}

// Only http(s) links become links (the core's validator already guarantees it; this is the
// second lock).
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
