// The big output picture (#heatmap): the network's answer over the input plane
// [−6, 6]², computed by the core as a small RGBA grid in wasm memory and painted with
// one putImageData into a grid-sized canvas, scaled up, with the data points on top
// (training points outlined in white, test points in black). The points change only
// with the data or the colours, so they are drawn once into a layer of their own and
// copied over each frame. Axes with ticks from −6 to 6 frame the picture. With three or
// more classes the points take their class colours. The canvas has as many pixels as
// it shows on screen (its CSS size × devicePixelRatio), so points stay sharp on
// high-density screens and at any size the element is given. The grid may have fewer
// cells than the canvas has pixels (while training plays the core keeps a big network's
// heatmap within a work budget); it is scaled up with smoothing, and the canvas's
// `data-cells` attribute says how many cells a side the picture shown has.

import { labelColour } from './palette.js';
import { EXTENT, toPixel } from './plane.js';

const TICKS = [-6, -4, -2, 0, 2, 4, 6];

export class Heatmap {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{axes: HTMLElement, caption: HTMLElement}} parts
   */
  constructor(canvas, { axes, caption }) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.grid = document.createElement('canvas');
    this.gridContext = null;
    this.pointLayer = document.createElement('canvas');
    this.pointKey = null;
    this.lastPoints = null;
    this.caption = caption;
    buildAxes(axes);
    this.pointLayer.width = canvas.width;
    this.pointLayer.height = canvas.height;
    // Sized when its box changes, never while drawing a frame (that would force a layout).
    new ResizeObserver(([entry]) => {
      const size = Math.round(entry.contentBoxSize[0].inlineSize * devicePixelRatio);
      if (size === 0 || size === canvas.width) return;
      for (const layer of [canvas, this.pointLayer]) {
        layer.width = size;
        layer.height = size;
      }
      this.pointKey = null;
      if (this.lastPoints) this.draw(this.lastPoints);
    }).observe(canvas);
  }

  /** Device pixels per side the heatmap is shown at. */
  get shownSize() {
    return this.canvas.width;
  }

  /** Copies the core's pixels (a Uint8ClampedArray view of wasm memory) into the grid canvas. */
  paintGrid(pixels, size) {
    if (this.grid.width !== size || !this.gridContext) {
      this.grid.width = size;
      this.grid.height = size;
      this.gridContext = this.grid.getContext('2d');
      this.canvas.dataset.cells = String(size);
    }
    this.gridContext.putImageData(new ImageData(pixels, size, size), 0, 0);
  }

  /**
   * Draws the grid scaled to the canvas, then the points.
   * @param {{train: Float32Array, test: Float32Array, showTest: boolean, colours: object,
   *          multiClass: boolean}} points flat [x1, x2, label, …] arrays, in the palette's
   *   `colours` (class colours with 3 or more classes)
   */
  draw(points) {
    this.lastPoints = points;
    const { context, canvas } = this;
    context.imageSmoothingEnabled = true;
    context.drawImage(this.grid, 0, 0, canvas.width, canvas.height);
    const key = [points.train, points.test, points.showTest, points.colours, points.multiClass];
    if (!this.pointKey || key.some((part, i) => part !== this.pointKey[i])) {
      this.drawPointLayer(points);
      this.pointKey = key;
    }
    context.drawImage(this.pointLayer, 0, 0);
  }

  drawPointLayer({ train, test, showTest, colours, multiClass }) {
    const context = this.pointLayer.getContext('2d');
    context.clearRect(0, 0, this.pointLayer.width, this.pointLayer.height);
    const colour = (label) => labelColour(label, colours, multiClass);
    drawPoints(context, train, '#fff', colour);
    if (showTest) drawPoints(context, test, '#000', colour);
  }

  /** Says which node the picture shows ("" for the output: no caption). */
  showCaption(text) {
    this.caption.textContent = text;
    this.caption.hidden = !text;
  }
}

function drawPoints(context, flat, outline, colour) {
  const { width, height } = context.canvas;
  const radius = Math.max(2, width / 130);
  context.lineWidth = Math.max(1, width / 400);
  context.strokeStyle = outline;
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const [x, y] = toPixel(flat[i], flat[i + 1], width, height);
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.fillStyle = colour(flat[i + 2]);
    context.fill();
    context.stroke();
  }
}

/** Tick labels along the bottom (x₁) and the left (x₂) edge, placed in percent. */
function buildAxes(axes) {
  const labels = [];
  for (const tick of TICKS) {
    const share = `${((tick + EXTENT) / (2 * EXTENT)) * 100}%`;
    const bottom = document.createElement('span');
    bottom.className = 'tick x-tick';
    bottom.style.left = share;
    bottom.textContent = String(tick);
    const left = document.createElement('span');
    left.className = 'tick y-tick';
    left.style.bottom = share;
    left.textContent = String(tick);
    labels.push(bottom, left);
  }
  axes.replaceChildren(...labels);
}
