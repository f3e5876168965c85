// The loss curve (#loss-chart): training loss (grey) and test loss (black) over
// epochs, kept as plain arrays on the JS side and redrawn on a small canvas.
// Pointing at the chart (mouse hover, or a tap or drag on a touch screen) marks the
// nearest epoch and shows its numbers in #loss-chart-tip. The canvas has the pixels it
// shows on screen (CSS size × devicePixelRatio), so the lines stay sharp.


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
    this.ink = { chartTrain: '#999', chartTest: '#000', chartMark: '#c33' }; // until setInk
    this.clear();
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      this.pointer = Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
      this.draw();
    };
    canvas.addEventListener('pointermove', point);
    canvas.addEventListener('pointerdown', point);
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.leave();
    });
    this.pixelRatio = 1;
    // Sized when its box changes, never while drawing a frame (that would force a layout).
    new ResizeObserver(([entry]) => {
      const { inlineSize, blockSize } = entry.contentBoxSize[0];
      if (inlineSize === 0 || blockSize === 0) return;
      canvas.width = Math.round(inlineSize * devicePixelRatio);
      canvas.height = Math.round(blockSize * devicePixelRatio);
      this.pixelRatio = canvas.width / inlineSize;
      this.draw();
    }).observe(canvas);
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

  /** Adds the losses measured at `epoch`. */
  push(epoch, trainLoss, testLoss) {
    this.epochs.push(epoch);
    this.train.push(trainLoss);
    this.test.push(testLoss);
  }

  leave() {
    this.pointer = null;
    this.draw();
  }

  draw() {
    const { context, canvas } = this;
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (this.epochs.length === 0) {
      this.tip.hidden = true;
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

  /** The pointed epoch: a vertical line on the chart and its numbers in the tip. */
  drawMark(first, span, scale) {
    if (this.pointer === null) {
      this.tip.hidden = true;
      return;
    }
    const index = nearest(this.epochs, first + this.pointer * span);
    const x = scale.x(this.epochs[index]);
    const { context, canvas } = this;
    context.beginPath();
    context.moveTo(x, 0);
    context.lineTo(x, canvas.height);
    context.strokeStyle = this.ink.chartMark;
    context.lineWidth = this.pixelRatio;
    context.stroke();
    this.tip.textContent = `epoch ${this.epochs[index]} · training loss ${format(this.train[index])}`
      + ` · test loss ${format(this.test[index])}`;
    this.tip.hidden = false;
    this.tip.style.left = `${(x / canvas.width) * 100}%`;
    this.tip.classList.toggle('flip', x > canvas.width / 2);
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
