// A chart canvas with as many pixels as it shows: sized when its box changes (CSS size
// × devicePixelRatio), never while drawing a frame (that would force a layout).

/** Keeps `canvas` at its box's pixel size; calls `resized(pixelRatio)` after each change. */
export function keepCanvasSized(canvas, resized) {
  new ResizeObserver(([entry]) => {
    const { inlineSize, blockSize } = entry.contentBoxSize[0];
    if (inlineSize === 0 || blockSize === 0) return;
    canvas.width = Math.round(inlineSize * devicePixelRatio);
    canvas.height = Math.round(blockSize * devicePixelRatio);
    resized(canvas.width / inlineSize);
  }).observe(canvas);
}
