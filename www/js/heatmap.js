// The big output picture (#heatmap): the network's answer over the input plane
// [−6, 6]², computed by the core as a small RGBA grid in wasm memory, painted with one
// putImageData into an offscreen grid-sized canvas and scaled up, with the data
// points drawn on top (orange −1, blue +1; test points outlined in black).

const EXTENT = 6;
const ORANGE = [245, 147, 34];
const NEUTRAL = [232, 234, 235];
const BLUE = [8, 119, 189];

function mix(a, b, t) {
  return a.map((channel, i) => Math.round(channel + (b[i] - channel) * t));
}

/** Colour for a label or output in [−1, 1], the same scale as the core's heatmap. */
export function colourFor(value) {
  const t = Math.max(-1, Math.min(1, value));
  const [r, g, b] = t < 0 ? mix(NEUTRAL, ORANGE, -t) : mix(NEUTRAL, BLUE, t);
  return `rgb(${r}, ${g}, ${b})`;
}

export class Heatmap {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.grid = document.createElement('canvas');
    this.gridContext = null;
  }

  /** Copies the core's pixels (a Uint8ClampedArray view of wasm memory) into the grid canvas. */
  paintGrid(pixels, size) {
    if (this.grid.width !== size || !this.gridContext) {
      this.grid.width = size;
      this.grid.height = size;
      this.gridContext = this.grid.getContext('2d');
    }
    this.gridContext.putImageData(new ImageData(pixels, size, size), 0, 0);
  }

  /**
   * Draws the grid scaled to the canvas, then the points.
   * @param {{train: Float32Array, test: Float32Array, showTest: boolean}} points
   *   flat [x1, x2, label, …] arrays
   */
  draw(points) {
    const { context, canvas } = this;
    context.imageSmoothingEnabled = true;
    context.drawImage(this.grid, 0, 0, canvas.width, canvas.height);
    this.drawPoints(points.train, false);
    if (points.showTest) this.drawPoints(points.test, true);
  }

  drawPoints(flat, isTest) {
    const { context, canvas } = this;
    const radius = Math.max(2, canvas.width / 130);
    context.lineWidth = 1;
    context.strokeStyle = isTest ? '#000' : '#fff';
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const x = ((flat[i] + EXTENT) / (2 * EXTENT)) * canvas.width;
      const y = ((EXTENT - flat[i + 1]) / (2 * EXTENT)) * canvas.height;
      context.beginPath();
      context.arc(x, y, radius, 0, 2 * Math.PI);
      context.fillStyle = colourFor(flat[i + 2]);
      context.fill();
      context.stroke();
    }
  }
}
