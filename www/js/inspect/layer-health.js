// Per-layer health (#layer-health): for each layer, three small bars from the core's
// `layerHealth()` over the training points — the mean |∂J/∂w| of its weights (drawn
// relative to the largest layer's), the share of dead neurons (relu family: output 0
// on every point) and the share of saturated ones (tanh or sigmoid stuck near its
// limits). Each bar carries its number in `data-value`, for scripts. The numbers cost
// a full-batch forward and backward pass, so while training they are read at most
// every REFRESH_MS, like the confusion matrix, over a sample of a large training set
// (the reader's choice: frame-painter.js); a single change (or a pause) reads them at
// once, over every point. The bars are built once per shape of network and updated in place.

const REFRESH_MS = 250;

const MEASURES = [
  { key: 'meanAbsGradient', label: 'mean |∂J/∂w|' },
  { key: 'deadShare', label: 'dead' },
  { key: 'saturatedShare', label: 'saturated' },
];

/** Says when something costly is due again: at once when asked, else every `ms` of `clock`. */
export class Throttle {
  constructor(ms, clock = () => performance.now()) {
    this.ms = ms;
    this.clock = clock;
    this.lastAt = -Infinity;
  }

  /** Whether to do it now (`now`: regardless of the time); if so, the time starts again. */
  due(now) {
    const at = this.clock();
    if (!now && at - this.lastAt < this.ms) return false;
    this.lastAt = at;
    return true;
  }
}

/**
 * What each bar shows for `layers` (the core's layerHealth()): per layer its name and,
 * per measure, `{key, value, title, width}` (width in percent of the bar).
 */
export function healthRows(layers) {
  const largest = Math.max(0, ...layers.map((layer) => layer.meanAbsGradient).filter(Number.isFinite));
  return layers.map((layer, index) => ({
    name: index === layers.length - 1 ? 'output' : `layer ${index + 1}`,
    bars: MEASURES.map(({ key, label }) => {
      const value = layer[key];
      const share = key === 'meanAbsGradient' ? (largest > 0 ? value / largest : 0) : value;
      const shown = key === 'meanAbsGradient' ? Number(value.toPrecision(2)) : `${Math.round(value * 100)}%`;
      return { key, value, title: `${label}: ${shown}`, width: `${Math.min(1, Math.max(0, share || 0)) * 100}%` };
    }),
  }));
}

export class LayerHealth {
  /**
   * @param {HTMLElement} container
   * @param {() => object[]} read the core's layerHealth()
   */
  constructor(container, read) {
    this.container = container;
    this.read = read;
    this.throttle = new Throttle(REFRESH_MS);
    this.bars = []; // per layer, per measure: {outer, fill}
  }

  /** Shows the current numbers: at once when `now`, else if REFRESH_MS have passed. */
  refresh(now) {
    if (this.throttle.due(now)) this.show(this.read());
  }

  /** Shows `layers`, the core's layerHealth(): new bars for a new shape, else the same bars updated. */
  show(layers) {
    const rows = healthRows(layers);
    if (this.bars.length !== rows.length || !this.container.contains(this.bars[0]?.[0].outer ?? null)) this.build(rows);
    rows.forEach(({ bars }, layer) => bars.forEach((shown, measure) => update(this.bars[layer][measure], shown)));
  }

  build(rows) {
    this.bars = [];
    this.container.replaceChildren(
      ...rows.map(({ name }, index) => {
        const row = document.createElement('div');
        row.className = 'health-row';
        row.dataset.layer = String(index);
        const label = document.createElement('span');
        label.textContent = name;
        const bars = MEASURES.map(({ key }) => {
          const outer = document.createElement('span');
          outer.className = `health-bar ${key}`;
          outer.dataset.measure = key;
          const fill = document.createElement('span');
          fill.className = 'health-fill';
          outer.append(fill);
          return { outer, fill };
        });
        this.bars.push(bars);
        row.append(label, ...bars.map(({ outer }) => outer));
        return row;
      }),
    );
  }
}

/** Writes what changed of one bar. */
function update({ outer, fill }, { value, title, width }) {
  const text = String(value);
  if (outer.dataset.value !== text) outer.dataset.value = text;
  if (outer.title !== title) outer.title = title;
  if (fill.style.width !== width) fill.style.width = width;
}
