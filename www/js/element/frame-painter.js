// Draws one frame of a playground from its core: the big heatmap and every neuron's
// thumbnail (one render call fills both, each at the device pixels it is shown at — the
// big heatmap at fewer while training plays, if the core's work budget says so — read
// through typed-array views of wasm memory built right before use), the points, the numbers (epoch, loss, accuracy or
// R²), the loss chart, and the diagram's links from the live weights: while playing a
// pass over all the links starts every DIAGRAM_INTERVAL_MS and paints a few
// milliseconds' worth of them per frame, so thousands of links never hold a frame up;
// the neurons the last batch dropped (dropout, while stepping or playing slowly);
// the neuron inspector, when open; the per-layer health bars, the per-layer histograms,
// what a layer sees (when open) and the confusion matrix (each at every change, a few
// times a second while playing, one of them per drawn frame).
// Each part is measured on the performance timeline (frame-marks.js).

import { measured } from './frame-marks.js';
import { LayerHealth } from '../inspect/layer-health.js';
import { LayerHistograms } from '../inspect/layer-histograms.js';

const DIAGRAM_INTERVAL_MS = 100;
/** Painting time given to the links per frame while playing, in microseconds. */
const LINKS_BUDGET_US = 3000;
/** The weight the largest gradient is drawn as, with links coloured by gradient. */
const GRADIENT_SHOWN_AS = 3;

export class FramePainter {
  /**
   * @param {{core: import('../core/core.js').Core, heatmap: import('../output/heatmap.js').Heatmap,
   *          chart: import('../output/loss-chart.js').LossChart, network: import('../network/network-view.js').NetworkView,
   *          inspector: import('../inspect/neuron-inspector.js').NeuronInspector,
   *          confusion: import('../output/confusion-matrix.js').ConfusionMatrix,
   *          layerSees: import('../inspect/layer-sees.js').LayerSees,
   *          find: (id: string) => HTMLElement}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.passStartedAt = -Infinity;
    this.costlyTurn = -1; // which costly view refreshCostly offers a turn to next, less one
    this.playing = false; // as of the last paint: the layer views then read a sample of the points
    this.health = new LayerHealth(parts.find('layer-health'), () => this.core.layerHealth(this.playing));
    this.histograms = new LayerHistograms(parts.find('layer-histograms'), () => this.core.layerHistograms(this.playing));
  }

  /** The theme's colours for what is drawn besides data. */
  setInk(ink) {
    this.histograms.setInk(ink);
  }

  /**
   * @param {{points: {train: Float32Array, test: Float32Array}, view: object, state: object,
   *          playing: boolean}} page `playing`: training plays, so the core may compute the
   *   big heatmap at fewer cells than it is shown at (paused, it is computed in full)
   * @param {boolean} allLinks redraw every link now (a single change), not a share of them (playing)
   */
  paint({ points, view, state, colours, multiClass, playing }, allLinks) {
    this.playing = playing && !allLinks;
    measured('render', () =>
      this.core.pictures(
        (pictures) => {
          // Each view is built right before use: any call into the core may move wasm memory.
          measured('heatmap', () => this.heatmap.paintGrid(pictures.heatmap(), pictures.heatmapSize));
          measured('thumbnails', () => this.network.paintThumbnails(pictures.thumbnails(), pictures.thumbnailSize));
          const parameters = pictures.parameters();
          measured('links', () => this.paintLinks(view.gradientLinks ? scaledGradient(parameters) : parameters, allLinks));
        },
        {
          gradient: view.gradientLinks,
          heatmapSize: this.heatmap.shownSize,
          thumbnailSize: this.network.thumbnailShownSize,
          live: playing,
        },
      ),
    );
    measured('points', () => this.heatmap.draw({ ...points, showTest: view.showTestData, colours, multiClass }));
    this.showNumbers(state);
    measured('chart', () => this.chart.draw());
    measured('dropout', () => this.markDropout(view, allLinks));
    measured('inspector', () => this.inspector.refresh());
    this.refreshCostly(allLinks, colours);
  }

  /**
   * The views that cost a pass over the data (each at most every REFRESH_MS while
   * playing): all of them at a single change, else one per drawn frame in turn, so
   * their passes never add up in one frame.
   */
  refreshCostly(allLinks, colours) {
    const views = [
      ['health', () => this.health.refresh(allLinks)],
      ['histograms', () => this.histograms.refresh(allLinks, colours)],
      ['layer-sees', () => this.layerSees?.refresh(allLinks)],
      ['confusion', () => this.confusion?.refresh(allLinks)],
    ];
    if (allLinks) {
      for (const [name, refresh] of views) measured(name, refresh);
      return;
    }
    this.costlyTurn = (this.costlyTurn + 1) % views.length;
    const [name, refresh] = views[this.costlyTurn];
    measured(name, refresh);
  }

  /**
   * Marks the neurons the last batch dropped (for the training point the inspector
   * shows, if the batch holds it), while stepping or playing slowly (one epoch a
   * frame), when a layer has dropout; faster, the marks would only flicker.
   */
  markDropout(view, allLinks) {
    const dropping = (this.network.config?.dropout ?? []).some((rate) => rate > 0);
    const slow = allLinks || view.epochsPerFrame <= 1;
    const shown = this.inspector.neuron ? this.inspector.sample() : null;
    const sample = shown?.set === 'train' ? shown.index : null;
    this.network.markDropped(dropping && slow ? this.core.lastDropout() : null, sample);
  }

  paintLinks(parameters, allLinks) {
    const { network } = this;
    const now = performance.now();
    if (allLinks) {
      network.update(parameters);
      this.passStartedAt = now;
      return;
    }
    if (!network.drawingLinks && now - this.passStartedAt >= DIAGRAM_INTERVAL_MS) {
      network.startLinkPass();
      this.passStartedAt = now;
    }
    if (network.drawingLinks) network.drawSomeLinks(parameters, LINKS_BUDGET_US);
  }

  showNumbers({ epoch, trainLoss, testLoss, trainMetric, testMetric, metric }) {
    const { find } = this;
    find('epoch').textContent = String(epoch);
    find('train-loss').textContent = formatLoss(trainLoss);
    find('test-loss').textContent = formatLoss(testLoss);
    find('metric-name').textContent = metric === 'r2' ? 'R²' : 'accuracy';
    find('train-metric').textContent = formatMetric(trainMetric, metric);
    find('test-metric').textContent = formatMetric(testMetric, metric);
  }
}

/**
 * The full-batch gradient ∂J/∂θ (a copy, same layout as the weights),
 * scaled so that its largest entry draws like a weight of 3: gradients are small, and
 * the overlay is about which links pull hardest and which way.
 */
function scaledGradient(gradient) {
  let largest = 0;
  for (const value of gradient) largest = Math.max(largest, Math.abs(value));
  if (largest > 0) for (let i = 0; i < gradient.length; i++) gradient[i] *= GRADIENT_SHOWN_AS / largest;
  return gradient;
}

/** Past this size (a run about to diverge) a number is shown in powers of ten, so it fits its cell. */
const LARGE = 1e6;

/** Three decimals, or `1.35e+35` for a huge value. */
function formatNumber(value) {
  return Math.abs(value) >= LARGE ? value.toExponential(2) : value.toFixed(3);
}

function formatLoss(loss) {
  return Number.isFinite(loss) ? formatNumber(loss) : '–';
}

function formatMetric(value, metric) {
  if (!Number.isFinite(value)) return '–';
  return metric === 'r2' ? formatNumber(value) : `${(value * 100).toFixed(1)}%`;
}
