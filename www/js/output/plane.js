// The input plane [−6, 6]² as the heatmap and the dataset tiles draw it: data
// coordinates to pixels and back (x₁ to the right, x₂ upwards), and what a drawing
// stroke needs — points spaced evenly along the pointer's path, and whether anything
// lies under the eraser. DOM-free.

/** Half the side of the plotted square: the plane is [−EXTENT, EXTENT]². */
export const EXTENT = 6;

/** Where (x1, x2) is drawn in a picture `width` × `height` pixels: `[x, y]`. */
export function toPixel(x1, x2, width, height) {
  return [((x1 + EXTENT) / (2 * EXTENT)) * width, ((EXTENT - x2) / (2 * EXTENT)) * height];
}

/** The data point (x1, x2) shown at pixel (x, y) of a picture `width` × `height`, kept inside the plane. */
export function toData(x, y, width, height) {
  const clamp = (v) => Math.max(-EXTENT, Math.min(EXTENT, v));
  return [clamp((x / width) * 2 * EXTENT - EXTENT), clamp(EXTENT - (y / height) * 2 * EXTENT)];
}

/**
 * The points a stroke puts down as the pointer moves from `from` to `to` (each
 * [x1, x2]): one every `spacing` data units along the way, the first `spacing − carry`
 * after `from`. Returns `{positions: [x1, x2, …], carry}`, `carry` the distance walked
 * since the last point put down (pass it to the next call of the same stroke).
 */
export function strokeSteps(from, to, spacing, carry = 0) {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  const positions = [];
  let at = spacing - carry;
  while (at <= length + 1e-9) {
    const t = at / length;
    positions.push(from[0] + dx * t, from[1] + dy * t);
    at += spacing;
  }
  return { positions, carry: length - (at - spacing) };
}

/** Whether any point of `flat` = [x1, x2, label, …] lies within `radius` of (x1, x2). */
export function anyWithin(flat, x1, x2, radius) {
  for (let i = 0; i + 2 < flat.length; i += 3) {
    if (Math.hypot(flat[i] - x1, flat[i + 1] - x2) <= radius) return true;
  }
  return false;
}
