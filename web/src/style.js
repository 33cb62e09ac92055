// style.js — the shadow root's stylesheet. Colours are the core's palette (set as custom
// properties once the core runs); the values below are the same palettes, for the moments before
// it does (loading, errors). tests/ui/language.cpp checks them against ui::make_palette.

export const CSS = `
:host { display: block; position: relative; min-width: 0; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.widget { --vs-background: #f6f7f9; --vs-card: #ffffff; --vs-border: #dcdfe5; --vs-text: #16181d;
  --vs-muted: #565b66; --vs-accent: #4338ca; --vs-accent-text: #ffffff; --vs-ship: #15803d; --vs-skip: #c2410c;
  --vs-ship-soft: #deede4; --vs-skip-soft: #f6e4dd; --vs-error: #b42318; --vs-error-soft: #f8e9e8;
  position: relative; color: var(--vs-text); background: var(--vs-background);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.widget[data-theme="dark"] { --vs-background: #0f1115; --vs-card: #1a1d24; --vs-border: #2f3440; --vs-text: #eceef2;
  --vs-muted: #a4aab6; --vs-accent: #9b94ff; --vs-accent-text: #111111; --vs-ship: #4ade80; --vs-skip: #fb8f5c;
  --vs-ship-soft: #213831; --vs-skip-soft: #3a2d2c; --vs-error: #ff8a80; --vs-error-soft: #31282d; }
.frame { position: relative; }
.frame.capped { overflow-y: auto; overflow-x: hidden; }
.surface { position: relative; height: 0; overflow: hidden; outline: none; background: var(--vs-background);
  touch-action: manipulation; -webkit-tap-highlight-color: transparent; user-select: none; -webkit-user-select: none; }
.surface:focus-visible { outline: 2px solid var(--vs-accent); outline-offset: -2px; }
canvas { position: absolute; left: 0; top: 0; width: 100%; height: 0; display: block; pointer-events: none; }
.nav-proxy { position: absolute; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden; pointer-events: none; }
.status { padding: 16px 20px; color: var(--vs-muted); }
.note { margin: 0; padding: 4px 12px; font-size: 12.5px; color: var(--vs-muted); }
.error { color: var(--vs-text); background: var(--vs-error-soft); border: 1px solid var(--vs-error);
  border-inline-start-width: 4px; border-radius: 10px; padding: 14px 18px; overflow-wrap: anywhere; }
.error h2 { font-size: 15px; margin: 0 0 6px; color: var(--vs-error); }
.error ul { margin: 0; padding-inline-start: 1.2em; }
.error li { font-size: 13px; margin: 2px 0; }
.error .where { font-weight: 600; }
.error bdi { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }

/* The HTML rendition: read by assistive technology while the canvas shows the same thing ... */
.rendition.behind-canvas { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
/* ... and shown, styled, when WebGL is unavailable. */
.rendition { padding: 20px; overflow-wrap: anywhere; }
.rendition :is(h1, h2, h3, h4, h5, h6) { margin: 0 0 6px; line-height: 1.25; color: var(--vs-text); }
.rendition .r-title { font-size: 26px; }
.rendition .r-kicker { margin: 0 0 4px; font-size: 12.5px; font-weight: 600; color: var(--vs-accent);
  text-transform: uppercase; letter-spacing: .04em; }
.rendition .r-question { font-size: 19px; font-weight: 600; margin: 0 0 6px; }
.rendition p { margin: 0 0 10px; max-width: 70ch; }
.rendition .r-summary, .rendition .r-muted { color: var(--vs-muted); }
.rendition .r-section { font-size: 19px; margin: 22px 0 10px; }
.rendition ul { list-style: none; margin: 0; padding: 0; }
.rendition .r-tools { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(min(260px, 100%), 1fr)); }
.rendition .r-card { background: var(--vs-card); border: 1px solid var(--vs-border); border-radius: 10px; padding: 16px; }
.rendition .r-card h3, .rendition .r-card h4, .rendition .r-card h5, .rendition .r-card h6 { font-size: 19px; }
.rendition .r-category { margin: 0 0 2px; font-size: 12.5px; font-weight: 600; color: var(--vs-accent); }
.rendition dl { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; margin: 10px 0; }
.rendition dl div { display: flex; flex-direction: column-reverse; }
.rendition dt { font-size: 12.5px; color: var(--vs-muted); }
.rendition dd { margin: 0; font-size: 22px; font-weight: 600; }
.rendition dd.r-ship { color: var(--vs-ship); }
.rendition .r-facts { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 10px; }
.rendition .r-facts li { font-size: 12.5px; padding: 2px 10px; border-radius: 999px; border: 1px solid var(--vs-border);
  background: var(--vs-background); }
.rendition a { color: var(--vs-accent); font-weight: 600; }
.rendition .r-reviews li { background: var(--vs-card); border: 1px solid var(--vs-border); border-radius: 10px;
  padding: 12px 14px; margin: 0 0 8px; }
.rendition .r-verdict { font-weight: 600; margin: 0; font-size: 12.5px; }
.rendition .r-verdict.ship { color: var(--vs-ship); }
.rendition .r-verdict.skip { color: var(--vs-skip); }
.rendition blockquote { margin: 4px 0 0; }
.rendition .r-pricing { font-size: 13px; }
/* The actions menu: a small button in the widget's top corner at the end of the reading direction
   (right; left in a right-to-left widget, mirrored as the canvas is), and its list. */
.actions { position: absolute; top: 6px; inset-inline-end: 6px; z-index: 1; }
.actions-button { width: 28px; height: 28px; padding: 0; border: 1px solid var(--vs-border); border-radius: 8px;
  background: var(--vs-card); color: var(--vs-muted); font: 700 16px/1 system-ui, sans-serif; cursor: pointer; opacity: .85; }
.actions-button:hover, .actions-button[aria-expanded="true"] { opacity: 1; color: var(--vs-text); }
.actions button:focus-visible { outline: 2px solid var(--vs-accent); outline-offset: 1px; }
.actions-menu { position: absolute; inset-inline-end: 0; top: 32px; min-width: 190px; padding: 4px; background: var(--vs-card);
  border: 1px solid var(--vs-border); border-radius: 10px; box-shadow: 0 6px 20px rgb(0 0 0 / .18); }
.actions-menu button { display: block; width: 100%; text-align: start; padding: 7px 10px; border: 0; border-radius: 6px;
  background: none; color: var(--vs-text); font: 13.5px/1.3 system-ui, sans-serif; cursor: pointer; }
.actions-menu button:hover, .actions-menu button:focus { background: var(--vs-background); }
/* Printed, the page gets the whole comparison as HTML (the canvas holds only what was on screen). */
@media print {
  .frame, .actions { display: none !important; }
  .rendition.behind-canvas { position: static; width: auto; height: auto; margin: 0; overflow: visible;
    clip: auto; clip-path: none; white-space: normal; }
}
`;
