// rendition.js — the HTML rendition of a comparison: what screen readers read, search engines
// index, printers print and browsers without WebGL show. Built from versus_rendition_json() (the
// core's own figures and words, in the widget's language, so the HTML and the canvas agree: this
// module writes no word of its own) with elements and text nodes only: a
// payload's strings never become markup. `h` makes the elements (dom.js's in the page; tests pass
// their own), so this module runs without a DOM.
import { h as domH, safeUrl } from './dom.js';

// The heading level the rendition's title takes: the element's heading-level attribute, 1–5
// (default 2); sections and tools sit one and two levels below it.
export function headingBase(attribute) {
  return Math.min(5, Math.max(1, parseInt(attribute, 10) || 2));
}

// The rendition's nodes for rendition data `d`; the title's heading gets the id `titleId`.
export function renditionNodes(d, { headingLevel = 2, titleId, h = domH } = {}) {
  const base = headingBase(headingLevel);
  const heading = (level, props, text) => h(`h${Math.min(6, level)}`, props, [text]);
  const link = (url, text, props = {}) => {
    const href = safeUrl(url);
    return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', ...props }, [text]) : h('span', props, [text]);
  };
  const out = [];
  if (d.kicker) out.push(h('p', { className: 'r-kicker' }, [d.kicker]));
  out.push(heading(base, { className: 'r-title', id: titleId }, d.title));
  if (d.question) out.push(h('p', { className: 'r-question' }, [d.question]));
  if (d.summary) out.push(h('p', { className: 'r-summary' }, [d.summary]));

  out.push(heading(base + 1, { className: 'r-section' }, d.words.tools));
  out.push(h('ul', { className: 'r-tools' }, d.tools.map((t) => {
    const figure = (value, label, cls) => h('div', {}, [h('dt', {}, [label]), h('dd', cls ? { className: cls } : {}, [value])]);
    const mine = t.community.mineText;
    return h('li', { className: 'r-card', 'data-tool': t.id }, [
      t.category ? h('p', { className: 'r-category' }, [t.category]) : null,
      heading(base + 2, {}, t.name),
      t.vendorLine ? h('p', { className: 'r-muted' }, [t.vendorLine]) : null,
      t.tagline ? h('p', {}, [t.tagline]) : null,
      h('dl', {}, [
        figure(t.panel.value, `${t.panel.label} (${t.panel.text})`, t.panel.ship + t.panel.skip ? 'r-ship' : ''),
        figure(t.community.value, t.community.label, ''),
        figure(t.entry, d.words.entry, ''),
      ]),
      mine ? h('p', { className: 'r-muted' }, [mine]) : null,
      h('ul', { className: 'r-facts', 'aria-label': d.words.license }, [t.license.name, ...t.license.facts].map((f) => h('li', {}, [f]))),
      h('p', { className: 'r-pricing r-muted' }, [t.pricing + (t.notes ? `. ${t.notes}` : '')]),
      t.description ? h('p', {}, [t.description]) : null,
      t.url ? h('p', {}, [link(t.url, t.link)]) : null,
    ]);
  })));

  if (d.reviews.length) {
    out.push(heading(base + 1, { className: 'r-section' }, d.words.scorecard));
    out.push(h('ul', { className: 'r-reviews' }, d.reviews.map((r) => h('li', {}, [
      h('p', { className: `r-verdict ${r.verdictKey}` }, [r.head]),
      h('p', { className: 'r-muted' }, [r.by]),
      h('blockquote', {}, [`\u201c${r.quote}\u201d`]),
    ]))));
  }
  if (d.cta) out.push(h('p', {}, [link(d.cta.url, d.cta.text)]));
  return out;
}
