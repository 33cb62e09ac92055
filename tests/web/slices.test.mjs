// web: slices — which rows the canvas holds and at which scale (web/src/slices.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleRows, isCovered, planSlice } from '../../web/src/slices.js';

const page = { framed: false, viewportH: 800, current: { top: 0, h: 0 } };
const noVisibleCall = () => { throw new Error('visible rows asked for although nothing is sliced'); };

test('a comparison shorter than two viewports is drawn whole at the device pixel ratio', () => {
  const { slice, scale } = planSlice({ ...page, cssW: 900, H: 1500, dpr: 2, maxBuffer: 8192, visible: noVisibleCall });
  assert.deepEqual(slice, { top: 0, h: 1500 });
  assert.equal(scale, 2);
});

test('a tall comparison gets a slice of two viewports centred on what is visible', () => {
  const vis = visibleRows(-3000, 2000, 0, 800, 5000);   // scrolled 3000 px into a 5000 px widget
  assert.deepEqual(vis, { top: 3000, bottom: 3800, above: false });
  const { slice, scale } = planSlice({ ...page, cssW: 900, H: 5000, dpr: 2, maxBuffer: 8192, visible: () => vis });
  assert.equal(scale, 2, 'text stays at full device resolution');
  assert.equal(slice.h, 1600);
  assert.equal(slice.top, 3400 - 800);
  assert.ok(isCovered(vis, slice, 5000));
});

test('a first frame holds the one viewport in view, and the next plan grows the slice to two around it', () => {
  const vis = visibleRows(-3000, 2000, 0, 800, 5000);
  const first = planSlice({ ...page, cssW: 900, H: 5000, dpr: 2, maxBuffer: 8192, visible: () => vis, first: true });
  assert.deepEqual(first.slice, { top: 3000, h: 800 });
  assert.equal(first.scale, 2);
  const grown = planSlice({ ...page, cssW: 900, H: 5000, dpr: 2, maxBuffer: 8192, visible: () => vis, current: first.slice });
  assert.deepEqual(grown.slice, { top: 2600, h: 1600 });
  // Between one and two viewports tall: the first frame is sliced, the next holds it whole.
  const top = visibleRows(0, 1200, 0, 800, 1200);
  assert.deepEqual(planSlice({ ...page, cssW: 900, H: 1200, dpr: 1, maxBuffer: 8192, visible: () => top, first: true }).slice, { top: 0, h: 800 });
  assert.deepEqual(planSlice({ ...page, cssW: 900, H: 1200, dpr: 1, maxBuffer: 8192, visible: noVisibleCall }).slice, { top: 0, h: 1200 });
  // Shorter than a viewport: whole from the first frame.
  assert.deepEqual(planSlice({ ...page, cssW: 900, H: 700, dpr: 1, maxBuffer: 8192, visible: noVisibleCall, first: true }).slice, { top: 0, h: 700 });
});

test('the slice is kept while it still covers the visible rows, and moved near its edge', () => {
  const current = { top: 2600, h: 1600 };
  const near = visibleRows(-2700, 2300, 0, 800, 5000);    // rows 2700..3500: inside, away from the edges
  assert.equal(planSlice({ ...page, cssW: 900, H: 5000, dpr: 2, maxBuffer: 8192, visible: () => near, current }).slice, current);
  const edge = visibleRows(-3390, 1610, 0, 800, 5000);    // rows 3390..4190: within the guard of the bottom
  assert.equal(isCovered(edge, current, 5000), false);
  const moved = planSlice({ ...page, cssW: 900, H: 5000, dpr: 2, maxBuffer: 8192, visible: () => edge, current }).slice;
  assert.notEqual(moved, current);
  assert.ok(isCovered(edge, moved, 5000));
});

test('a widget scrolled past shows its last rows; one not reached yet its first', () => {
  const above = visibleRows(-6000, -1000, 0, 800, 5000);
  assert.equal(above.above, true);
  assert.deepEqual(planSlice({ ...page, cssW: 900, H: 5000, dpr: 1, maxBuffer: 8192, visible: () => above }).slice, { top: 3400, h: 1600 });
  const below = visibleRows(1200, 6200, 0, 800, 5000);
  assert.deepEqual(planSlice({ ...page, cssW: 900, H: 5000, dpr: 1, maxBuffer: 8192, visible: () => below }).slice, { top: 0, h: 1600 });
});

test('no drawing buffer side exceeds what WebGL allows', () => {
  for (const [cssW, H, dpr] of [[4000, 900, 3], [900, 30000, 3], [360, 12000, 2.625]]) {
    const vis = visibleRows(0, H, 0, 800, H);
    const { slice, scale } = planSlice({ ...page, cssW, H, dpr, maxBuffer: 4096, visible: () => vis });
    assert.ok(cssW * scale <= 4096 || scale === 0.5, `width ${cssW} at ${scale}`);
    assert.ok(slice.h * scale <= 4096, `slice ${slice.h} at ${scale}`);
  }
});

test('in an iframe a too-tall widget is drawn whole at one smaller scale, in steps of 1/8', () => {
  const { slice, scale } = planSlice({ ...page, framed: true, cssW: 600, H: 6000, dpr: 2, maxBuffer: 8192, visible: noVisibleCall });
  assert.deepEqual(slice, { top: 0, h: 6000 });
  assert.equal(scale, 1.25);
  assert.equal(scale * 8, Math.round(scale * 8));
});
