// The loss curve (#loss-chart): training loss (grey) and test loss (black) over
// epochs, kept as plain arrays on the JS side and redrawn on a small canvas.

const TRAIN_COLOUR = '#999';
const TEST_COLOUR = '#000';

export class LossChart {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.clear();
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

  draw() {
    const { context, canvas } = this;
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (this.epochs.length === 0) return;
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
    this.drawLine(this.train, TRAIN_COLOUR, scale);
    this.drawLine(this.test, TEST_COLOUR, scale);
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
    context.lineWidth = 1.5;
    context.stroke();
  }
}

function finite(value) {
  return Number.isFinite(value) ? value : 0;
}
