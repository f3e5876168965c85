// Per-layer histograms (#layer-histograms): small multiples under the diagram, one
// group per hidden layer with two charts from the core's `layerHistograms()` — the
// layer's incoming weights β (bins from −max|β| to +max|β|, each bar in the colour of
// its sign, as the links are) and its neurons' outputs a over the training set (the
// activation's own range where it is bounded, tanh −1…1 and sigmoid 0…1, else the
// data's), evaluated as the network predicts: without dropout. Each chart carries the
// core's numbers (`data-kind`, `data-from`, `data-to`, `data-counts`, `data-non-finite`),
// for scripts. They cost a forward pass over the training set, so while training they
// are read at most every REFRESH_MS (as the health bars are); a single change reads them
// at once, and a layout without them (compact, boundary, network) reads nothing. The
// groups are built once per shape of network and redrawn in place.

import { Throttle } from './layer-health.js';
import { colourFor } from '../output/palette.js';

const REFRESH_MS = 250;
const CHART_WIDTH = 120;
const CHART_HEIGHT = 36;

const KINDS = [
  { key: 'weights', label: 'weights' },
  { key: 'activations', label: 'activations' },
];

/** A bin edge as the charts write it: two significant digits, a true minus sign. */
export function formatEdge(value) {
  const text = String(Number(value.toPrecision(2)));
  return text.replace('-', '−');
}

/**
 * What each chart shows for `layers` (the core's layerHistograms()): per hidden layer
 * its `name` and per kind (weights, activations) `{key, from, to, counts, nonFinite,
 * range, label}` — `range` the edges as written under the chart, `label` the words a
 * screen reader gives it.
 */
export function histogramCharts(layers) {
  return layers.map((layer, index) => ({
    name: `layer ${index + 1} · ${layer.activation}`,
    charts: KINDS.map(({ key, label }) => {
      const { from, to, counts, nonFinite } = layer[key];
      const total = counts.reduce((sum, count) => sum + count, 0);
      const range = `${formatEdge(from)} … ${formatEdge(to)}`;
      const unshown = nonFinite > 0 ? ` (and ${nonFinite} not finite)` : '';
      return {
        key,
        from,
        to,
        counts,
        nonFinite,
        range,
        label: `${label} of hidden layer ${index + 1}: ${total} values from ${range}${unshown}`,
      };
    }),
  }));
}

/**
 * The bars of a chart `width` × `height` pixels for `counts`: `{x, y, width, height}`
 * per bin, the tallest bin the full height (a bin with any value at least 1 pixel).
 */
export function barRects(counts, width, height) {
  const largest = Math.max(0, ...counts);
  const step = width / counts.length;
  return counts.map((count, bin) => {
    const tall = largest > 0 ? (count / largest) * height : 0;
    const shown = count > 0 ? Math.max(1, tall) : 0;
    return { x: bin * step, y: height - shown, width: Math.max(1, step - 1), height: shown };
  });
}

export class LayerHistograms {
  /**
   * @param {HTMLElement} container
   * @param {() => object[]} read the core's layerHistograms()
   */
  constructor(container, read) {
    this.container = container;
    this.read = read;
    this.throttle = new Throttle(REFRESH_MS);
    this.charts = []; // per layer, per kind: {box, canvas, range}
    this.ink = { plotLine: '#555' };
    this.colours = null;
  }

  /** The theme's colours for the bars (inkColours). */
  setInk(ink) {
    this.ink = ink;
  }

  /**
   * Shows the current numbers in `colours` (the palette): at once when `now`, else if
   * REFRESH_MS have passed; nothing is read while a layout leaves the charts out.
   */
  refresh(now, colours) {
    this.colours = colours ?? this.colours;
    if (this.container.closest('.region-off')) return;
    if (this.throttle.due(now)) this.show(this.read());
  }

  /** Shows `layers`, the core's layerHistograms(): new groups for a new shape, else the same ones redrawn. */
  show(layers) {
    const groups = histogramCharts(layers);
    const names = groups.map(({ name }) => name).join('|');
    if (names !== this.names || !this.container.contains(this.charts[0]?.[0].box ?? null)) this.build(groups, names);
    groups.forEach(({ charts }, layer) => charts.forEach((chart, kind) => this.draw(this.charts[layer][kind], chart)));
  }

  build(groups, names) {
    this.names = names;
    this.charts = [];
    this.container.replaceChildren(
      ...groups.map(({ name }, index) => {
        const group = document.createElement('div');
        group.className = 'histogram-layer';
        group.dataset.layer = String(index);
        const title = document.createElement('span');
        title.className = 'histogram-name';
        title.textContent = name;
        const charts = KINDS.map(({ key, label }) => {
          const box = document.createElement('div');
          box.className = `histogram ${key}`;
          box.dataset.kind = key;
          const canvas = document.createElement('canvas');
          Object.assign(canvas, { width: CHART_WIDTH, height: CHART_HEIGHT });
          canvas.setAttribute('role', 'img');
          const caption = document.createElement('span');
          caption.className = 'histogram-caption';
          caption.textContent = label;
          const range = document.createElement('span');
          range.className = 'histogram-range';
          box.append(caption, canvas, range);
          return { box, canvas, range };
        });
        this.charts.push(charts);
        group.append(title, ...charts.map(({ box }) => box));
        return group;
      }),
    );
  }

  /** Redraws one chart and writes its numbers. */
  draw({ box, canvas, range }, chart) {
    Object.assign(box.dataset, {
      from: String(chart.from),
      to: String(chart.to),
      counts: chart.counts.join(','),
      nonFinite: String(chart.nonFinite),
    });
    if (range.textContent !== chart.range) range.textContent = chart.range;
    if (canvas.getAttribute('aria-label') !== chart.label) canvas.setAttribute('aria-label', chart.label);
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, canvas.width, canvas.height);
    const bins = chart.counts.length;
    const largest = Math.max(Math.abs(chart.from), Math.abs(chart.to)) || 1;
    barRects(chart.counts, canvas.width, canvas.height).forEach((bar, bin) => {
      const centre = chart.from + ((bin + 0.5) * (chart.to - chart.from)) / bins;
      const bySign = chart.key === 'weights' && this.colours;
      context.fillStyle = bySign ? colourFor(Math.sign(centre) * Math.max(0.6, Math.abs(centre) / largest), this.colours) : this.ink.plotLine;
      context.fillRect(bar.x, bar.y, bar.width, bar.height);
    });
  }
}
