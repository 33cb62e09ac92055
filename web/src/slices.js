// slices.js — which rows of the comparison the canvas holds, at which scale. Pure: no DOM.
//
// The element is as tall as its content, but the canvas holds only the rows near the viewport
// when the content is taller than about two viewports (one for a payload's first frame) or than
// WebGL allows at this devicePixelRatio: a canvas the page's width × a slice, positioned
// absolutely in the element, moved (and redrawn) only when scrolling brings its edge near the
// viewport. Text stays at full device resolution however tall the comparison is. In an iframe
// (which can't see the host page's scrolling) a too-tall widget takes one smaller scale instead.

// The rows a payload's first frame holds when the content is taller (a slice of one viewport; at
// least 300, so a very short window still gets a useful slice); later slices hold twice as many.
export function firstRows(viewportH) {
  return Math.max(viewportH, 300);
}

// The rows of the content (height H, its top at `surfaceTop` in viewport coordinates, its bottom
// at `surfaceBottom`) that lie between the viewport rows `top` and `bottom`.
export function visibleRows(surfaceTop, surfaceBottom, top, bottom, H) {
  return {
    top: Math.min(H, Math.max(0, top - surfaceTop)),
    bottom: Math.min(H, Math.max(0, bottom - surfaceTop)),
    above: surfaceBottom <= top,
  };
}

// Does `slice` ({top, h}) still hold the visible rows `vis`, with a margin toward any edge that is
// not the content's own (content height H)?
export function isCovered(vis, slice, H) {
  if (vis.bottom <= vis.top) return true;
  const { top, h } = slice;
  const guard = Math.min(64, Math.max(0, (h - (vis.bottom - vis.top)) / 4));
  return (top <= 0 || vis.top >= top + guard) && (top + h >= H || vis.bottom <= top + h - guard);
}

// The canvas's slice and scale for content cssW × H CSS pixels at devicePixelRatio `dpr`, with
// drawing buffers of at most `maxBuffer` device pixels a side. `framed`: inside an iframe;
// `viewportH`: window.innerHeight; `visible()`: the visible rows (called only when slicing);
// `current`: the slice the canvas holds now (kept while it still covers what is visible).
// `first`: a payload's first frame, which holds one viewport of rows (those in view), not two: half
// the pixels to clear, draw and composite and half the lines to rasterise before the reader sees
// anything; the element asks again without it once that frame is shown, and the slice grows.
export function planSlice({ cssW, H, dpr, maxBuffer, framed, viewportH, visible, current, first = false }) {
  let scale = dpr;
  if (cssW * scale > maxBuffer) scale = Math.max(0.5, Math.floor((maxBuffer / cssW) * 8) / 8);
  const budget = framed ? H : first ? firstRows(viewportH) : 2 * firstRows(viewportH);
  let slice;
  if (H * scale <= maxBuffer && H <= budget) {
    slice = { top: 0, h: H };
  } else if (framed) {
    // in steps of 1/8, so that growing content doesn't re-rasterise the fonts every time
    scale = Math.max(0.5, Math.floor(Math.min(scale, maxBuffer / H) * 8) / 8);
    slice = { top: 0, h: H };
  } else {
    const S = Math.min(H, budget, Math.floor(maxBuffer / scale));
    const vis = visible();
    if (current.h === S && current.top + S <= H && isCovered(vis, current, H)) {
      slice = current;
    } else {
      let top = vis.bottom > vis.top ? Math.round((vis.top + vis.bottom) / 2 - S / 2) : vis.above ? H - S : 0;
      top = Math.max(0, Math.min(H - S, top));
      slice = { top, h: S };
    }
  }
  return { slice, scale };
}
