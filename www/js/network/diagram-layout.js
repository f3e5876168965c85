// Where everything of the network diagram goes, in the diagram's own units (WIDTH
// wide, scaled to the screen): one column per layer (inputs, each hidden layer,
// output), a gutter on the left for the input labels and toggles, boxes that shrink
// when a column is tall or the columns are many. The links (a canvas) and the HTML
// pictures both place themselves from this, so they line up at every screen size.

export const WIDTH = 600;
/** Room left of the input column for the feature toggles; style.css pads the +/− row to match. */
export const GUTTER = 96;
const MAX_SPACING = 42;
const MIN_HEIGHT = 190;
const MAX_HEIGHT = 660;
const MAX_BOX = 30;
const PAD = 24;

/**
 * @param {number[]} sizes nodes per column: input rows shown, each hidden layer, the outputs
 * @returns {{width: number, height: number, box: number, bias: number,
 *            at: (column: number, row: number) => {x: number, y: number}}}
 */
export function layoutDiagram(sizes) {
  const largest = Math.max(...sizes);
  const spacing = Math.min(MAX_SPACING, (MAX_HEIGHT - 2 * PAD) / largest);
  const height = Math.max(MIN_HEIGHT, largest * spacing + 2 * PAD);
  const columnWidth = (WIDTH - GUTTER) / sizes.length;
  const box = Math.min(MAX_BOX, spacing * 0.78, columnWidth * 0.5);
  return {
    width: WIDTH,
    height,
    box,
    bias: Math.max(3, box / 4.5),
    at: (column, row) => ({
      x: GUTTER + (column + 0.5) * columnWidth,
      y: height / 2 + (row - (sizes[column] - 1) / 2) * spacing,
    }),
  };
}

/**
 * A curved link from the right edge of one box to the left edge of the next, as a
 * Path2D: a cubic with both control points half way across, so it leaves and enters
 * level.
 */
export function linkPath(from, to, box) {
  const x1 = from.x + box / 2;
  const x2 = to.x - box / 2;
  const middle = (x1 + x2) / 2;
  const path = new Path2D();
  path.moveTo(x1, from.y);
  path.bezierCurveTo(middle, from.y, middle, to.y, x2, to.y);
  return path;
}

/**
 * The height of that curve at `x` (between `gap.start`, the right edge of the boxes on
 * the left, and `gap.end`). Along the curve x = start + (end − start)·(t³ − 1.5t² + 1.5t),
 * which only grows, and y = from.y + (to.y − from.y)·(3t² − 2t³).
 */
export function linkY(from, to, gap, x) {
  const share = (x - gap.start) / (gap.end - gap.start);
  let low = 0;
  let high = 1;
  for (let i = 0; i < 24; i++) {
    const t = (low + high) / 2;
    if (t * t * t - 1.5 * t * t + 1.5 * t < share) low = t;
    else high = t;
  }
  const t = (low + high) / 2;
  return from.y + (to.y - from.y) * (3 * t * t - 2 * t * t * t);
}

/** CSS placement, in percent of the diagram, of a box of `size` units centred at `point`. */
export function placeBox(element, point, size, layout) {
  element.style.left = `${((point.x - size / 2) / layout.width) * 100}%`;
  element.style.top = `${((point.y - size / 2) / layout.height) * 100}%`;
  element.style.width = `${(size / layout.width) * 100}%`;
  element.style.height = `${(size / layout.height) * 100}%`;
}
