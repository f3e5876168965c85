// The loss chart of a comparison: the training and test losses of A and of B over
// epochs on one canvas — A in solid lines, B dashed; training loss in the chart's
// muted colour, test loss in its ink — with a legend beside it (in the markup, so it
// is text). The curves are kept as plain arrays (`curves`, `[epoch, train, test]` rows
// per run) from what each playground reports; the canvas has the pixels it shows. Its
// accessible name says the latest losses of both.

import { RUN_NAMES } from './lockstep.js';
import { keepCanvasSized } from '../output/canvas-size.js';

/** The dash of each run's lines (in CSS pixels): A solid, B dashed. */
const DASHES = [[], [6, 4]];

const finite = (value) => (Number.isFinite(value) ? value : 0);
const format = (value) => (Number.isFinite(value) ? value.toFixed(3) : '–');

export class CompareChart {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.curves = RUN_NAMES.map(() => []);
    this.pixelRatio = 1;
    keepCanvasSized(canvas, (pixelRatio) => {
      this.pixelRatio = pixelRatio;
      this.draw();
    });
  }

  /** Shows run `index`'s whole history (`[epoch, train, test]` rows, a missing loss null). */
  load(index, rows) {
    this.curves[index] = rows.map(([epoch, train, test]) => [epoch, train ?? NaN, test ?? NaN]);
  }

  /** Adds run `index`'s losses at `epoch` (replacing a row of the same epoch). */
  push(index, epoch, train, test) {
    const curve = this.curves[index];
    if (curve.length > 0 && curve[curve.length - 1][0] === epoch) curve.pop();
    curve.push([epoch, train, test]);
  }

  draw() {
    const { context, canvas, curves } = this;
    context.clearRect(0, 0, canvas.width, canvas.height);
    this.describe();
    const shown = curves.filter((curve) => curve.length > 0);
    if (shown.length === 0) return;
    // Each curve is in epoch order: its ends are its first and last rows.
    const first = Math.min(...shown.map((curve) => curve[0][0]));
    const span = Math.max(1, Math.max(...shown.map((curve) => curve[curve.length - 1][0])) - first);
    let top = 0;
    for (const curve of shown) for (const [, train, test] of curve) top = Math.max(top, finite(train), finite(test));
    top = top > 0 ? top : 1;
    const x = (epoch) => ((epoch - first) / span) * (canvas.width - 2) + 1;
    const y = (loss) => canvas.height - 2 - (finite(loss) / top) * (canvas.height - 4);
    const style = getComputedStyle(canvas);
    const colours = [style.getPropertyValue('--chart-train').trim(), style.getPropertyValue('--chart-test').trim()];
    curves.forEach((curve, run) => {
      for (const column of [1, 2]) {
        context.beginPath();
        context.setLineDash(DASHES[run].map((length) => length * this.pixelRatio));
        context.strokeStyle = colours[column - 1] || '#000';
        context.lineWidth = 1.5 * this.pixelRatio;
        curve.forEach((row, index) => {
          if (index === 0) context.moveTo(x(row[0]), y(row[column]));
          else context.lineTo(x(row[0]), y(row[column]));
        });
        context.stroke();
      }
    });
    context.setLineDash([]);
  }

  /** The chart's accessible name: the latest epoch and losses of each run. */
  describe() {
    const parts = this.curves.map((curve, run) => {
      const last = curve[curve.length - 1];
      if (!last) return `${RUN_NAMES[run]}: no epochs yet`;
      return `${RUN_NAMES[run]} at epoch ${last[0]}: training loss ${format(last[1])}, test loss ${format(last[2])}`;
    });
    this.canvas.setAttribute('aria-label', `Loss over epochs of both runs. ${parts.join('; ')}`);
  }
}
