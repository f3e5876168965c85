// The loss curve (#loss-chart): training loss (grey) and test loss (black) over
// epochs, kept as plain arrays on the JS side and redrawn on a small canvas.
// Pointing at the chart (mouse hover, or a tap or drag on a touch screen) marks the
// nearest epoch and shows its numbers in #loss-chart-tip. From the keyboard the chart
// is a slider over the recorded epochs: focusing it marks the latest, ← / → (↓ / ↑)
// move one recorded epoch, Page Up / Page Down a tenth of them, Home / End the first and
// the last; the tip's text is its aria-valuetext, so a screen reader reads it out. The
// canvas has the pixels it shows on screen (CSS size × devicePixelRatio), so the lines
// stay sharp.

import { keepCanvasSized } from './canvas-size.js';

export class LossChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {HTMLElement} tip the box that shows the numbers of the pointed epoch
   */
  constructor(canvas, tip) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.tip = tip;
    this.pointer = null; // share of the width, 0..1, while someone points at the chart
    this.markedIndex = null; // the recorded epoch marked from the keyboard (it wins over the pointer)
    this.ink = { chartTrain: '#999', chartTest: '#000', chartMark: '#c33' }; // until setInk
    this.clear();
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      this.pointer = Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
      this.markedIndex = null;
      this.draw();
    };
    canvas.addEventListener('focus', () => {
      if (!canvas.matches(':focus-visible')) return; // a click focuses it too: the pointer marks then
      this.markedIndex = Math.max(0, this.epochs.length - 1);
      this.draw();
    });
    canvas.addEventListener('blur', () => this.leave());
    canvas.addEventListener('keydown', (event) => this.onKey(event));
    canvas.addEventListener('pointermove', point);
    canvas.addEventListener('pointerdown', point);
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.leave();
    });
    this.pixelRatio = 1;
    keepCanvasSized(canvas, (pixelRatio) => {
      this.pixelRatio = pixelRatio;
      this.draw();
    });
  }

  /** Draws with the theme's colours (palette.js inkColours) from now on. */
  setInk(ink) {
    this.ink = ink;
    this.draw();
  }

  clear() {
    this.epochs = [];
    this.train = [];
    this.test = [];
  }

  /**
   * Shows a whole loss history instead of what was recorded: `rows` are
   * `[epoch, trainLoss, testLoss]` as a lesson file has them (a missing loss is null).
   */
  load(rows) {
    this.clear();
    for (const [epoch, trainLoss, testLoss] of rows) this.push(epoch, trainLoss ?? NaN, testLoss ?? NaN);
    this.markedIndex = null;
    this.draw();
  }

  /** Adds the losses measured at `epoch`. */
  push(epoch, trainLoss, testLoss) {
    this.epochs.push(epoch);
    this.train.push(trainLoss);
    this.test.push(testLoss);
  }

  leave() {
    this.pointer = null;
    this.markedIndex = null;
    this.draw();
  }

  /** Moves the keyboard's mark: arrows one recorded epoch, Page keys a tenth, Home / End the ends. */
  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || this.epochs.length === 0) return;
    const last = this.epochs.length - 1;
    const page = Math.max(1, Math.round(this.epochs.length / 10));
    const from = this.markedIndex ?? last;
    const to = {
      ArrowLeft: from - 1,
      ArrowDown: from - 1,
      ArrowRight: from + 1,
      ArrowUp: from + 1,
      PageDown: from - page,
      PageUp: from + page,
      Home: 0,
      End: last,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.markedIndex = Math.max(0, Math.min(last, to));
    this.draw();
  }

  /** The index of the marked recorded epoch (keyboard or pointer), or null. */
  markedAt(first, span) {
    if (this.markedIndex !== null) return Math.min(this.markedIndex, this.epochs.length - 1);
    if (this.pointer !== null) return nearest(this.epochs, first + this.pointer * span);
    return null;
  }

  draw() {
    const { context, canvas } = this;
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (this.epochs.length === 0) {
      this.tip.hidden = true;
      this.describe(null);
      return;
    }
    const first = this.epochs[0];
    const span = Math.max(1, this.epochs[this.epochs.length - 1] - first);
    let top = 0;
    for (let i = 0; i < this.train.length; i++) {
      top = Math.max(top, finite(this.train[i]), finite(this.test[i]));
    }
    top = top > 0 ? top : 1;
    const scale = {
      x: (epoch) => ((epoch - first) / span) * (canvas.width - 2) + 1,
      y: (loss) => canvas.height - 2 - (finite(loss) / top) * (canvas.height - 4),
    };
    this.drawLine(this.train, this.ink.chartTrain, scale);
    this.drawLine(this.test, this.ink.chartTest, scale);
    this.drawMark(first, span, scale);
  }

  /** The words for recorded epoch `index`. */
  readout(index) {
    return `epoch ${this.epochs[index]} · training loss ${format(this.train[index])} · test loss ${format(this.test[index])}`;
  }

  /**
   * The slider's state for assistive technology: the range of recorded epochs, the marked
   * one (the latest when none is) and its losses.
   */
  describe(index) {
    const { canvas, epochs } = this;
    if (epochs.length === 0) {
      setAria(canvas, { valuemin: 0, valuemax: 0, valuenow: 0, valuetext: 'no epochs yet' });
      return;
    }
    const shown = index ?? epochs.length - 1;
    setAria(canvas, {
      valuemin: epochs[0],
      valuemax: epochs[epochs.length - 1],
      valuenow: epochs[shown],
      valuetext: this.readout(shown),
    });
  }

  drawLine(values, colour, scale) {
    const { context, canvas } = this;
    // At most about two points per pixel column, however long the run.
    const stride = Math.max(1, Math.floor(values.length / (2 * canvas.width)));
    context.beginPath();
    for (let i = 0; i < values.length; i += stride) {
      const x = scale.x(this.epochs[i]);
      const y = scale.y(values[i]);
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    const last = values.length - 1;
    context.lineTo(scale.x(this.epochs[last]), scale.y(values[last]));
    context.strokeStyle = colour;
    context.lineWidth = 1.5 * this.pixelRatio;
    context.stroke();
  }

  /** The marked epoch: a vertical line on the chart and its numbers in the tip. */
  drawMark(first, span, scale) {
    const index = this.markedAt(first, span);
    this.describe(index);
    if (index === null) {
      this.tip.hidden = true;
      return;
    }
    const x = scale.x(this.epochs[index]);
    const { context, canvas } = this;
    context.beginPath();
    context.moveTo(x, 0);
    context.lineTo(x, canvas.height);
    context.strokeStyle = this.ink.chartMark;
    context.lineWidth = this.pixelRatio;
    context.stroke();
    this.tip.textContent = this.readout(index);
    this.tip.hidden = false;
    this.tip.style.left = `${(x / canvas.width) * 100}%`;
    this.tip.classList.toggle('flip', x > canvas.width / 2);
  }
}

/** Sets `aria-*` attributes, touching only those that changed (this runs every frame). */
function setAria(element, values) {
  for (const [name, value] of Object.entries(values)) {
    const text = String(value);
    if (element.getAttribute(`aria-${name}`) !== text) element.setAttribute(`aria-${name}`, text);
  }
}

/** Index of the epoch closest to `epoch` in the sorted list `epochs`. */
function nearest(epochs, epoch) {
  let low = 0;
  let high = epochs.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (epochs[middle] < epoch) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && epoch - epochs[low - 1] < epochs[low] - epoch) return low - 1;
  return low;
}

function finite(value) {
  return Number.isFinite(value) ? value : 0;
}

function format(value) {
  return Number.isFinite(value) ? value.toFixed(3) : '–';
}
