// The cost against one weight (#cost-plot): J over the whole training set (mean loss
// plus penalty) for values of one weight around its current value, every other weight
// as it is — the picture every course draws of gradient descent — with the current
// value as a dot that moves downhill while training runs. The values are the core's
// (`costAlongParameter`). The range stays put while the weight stays inside it, so the
// dot is seen to move. The last plotted series is on the canvas, for scripts:
// data-from, data-to, data-series (comma-separated J values), data-current, data-cost.

const HALF_RANGE = 3;
const STEPS = 61;
const PAD = 6;

export class CostPlot {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.range = null; // { index, from, to }
    this.ink = { plotLine: '#555', plotDot: '#e8710a' }; // until the playground gives the theme's
  }

  /**
   * Reads a series through `along(range, steps)` (the core's cost along one weight,
   * which calls `range(index, value)` for the ends) and draws it.
   */
  show(along) {
    const {
      series,
      value: current,
      cost,
      index,
      from,
      to,
    } = along((index, value) => {
      const kept = this.range;
      const inside = kept && kept.index === index && value >= kept.from && value <= kept.to;
      return inside ? kept : { from: value - HALF_RANGE, to: value + HALF_RANGE };
    }, STEPS);
    const range = { index, from, to };
    this.range = range;
    Object.assign(this.canvas.dataset, {
      from: String(range.from),
      to: String(range.to),
      series: series.join(','),
      current: String(current),
      cost: String(cost),
    });
    this.draw(series, current, cost);
  }

  draw(series, current, cost) {
    const { canvas, range } = this;
    const context = canvas.getContext('2d');
    const { width, height } = canvas;
    context.clearRect(0, 0, width, height);
    const finite = [...series, cost].filter(Number.isFinite);
    if (finite.length === 0) return;
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    const x = (value) => PAD + ((value - range.from) / (range.to - range.from)) * (width - 2 * PAD);
    const y = (value) => height - PAD - ((value - low) / (high - low || 1)) * (height - 2 * PAD);
    context.strokeStyle = this.ink.plotLine;
    context.lineWidth = 1.5;
    context.beginPath();
    series.forEach((value, i) => {
      const at = range.from + ((range.to - range.from) * i) / (series.length - 1);
      if (i === 0) context.moveTo(x(at), y(value));
      else context.lineTo(x(at), y(value));
    });
    context.stroke();
    context.fillStyle = this.ink.plotDot;
    context.beginPath();
    context.arc(x(current), y(cost), 4, 0, 2 * Math.PI);
    context.fill();
  }
}
