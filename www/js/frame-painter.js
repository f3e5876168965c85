// Draws one frame of a playground from its core: the big heatmap and every neuron's
// thumbnail (one render call fills both, read through typed-array views of wasm
// memory built right before use), the points, the numbers (epoch, loss, accuracy or
// R²), the loss chart, and a few times a second the diagram's links from the live
// weights.

// The links are redrawn every 100 ms, less often for thousands of them (each costs
// the browser some 20–30 µs to paint without a GPU): 8 layers of 32 neurons, ~370 ms.
const DIAGRAM_INTERVAL_MS = 100;
const LINKS_PER_MS = 20;

export class FramePainter {
  /**
   * @param {{engine: import('./engine.js').Engine, heatmap: import('./heatmap.js').Heatmap,
   *          chart: import('./loss-chart.js').LossChart, network: import('./network-view.js').NetworkView,
   *          find: (id: string) => HTMLElement}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.diagramDrawnAt = -Infinity;
  }

  /**
   * @param {{points: {train: Float32Array, test: Float32Array}, view: object, state: object}} page
   * @param {boolean} forceDiagram redraw the links now, not at the next interval
   */
  paint({ points, view, state }, forceDiagram) {
    const { engine, network } = this;
    const now = performance.now();
    const interval = Math.max(DIAGRAM_INTERVAL_MS, network.linkCount / LINKS_PER_MS);
    const diagramDue = forceDiagram || now - this.diagramDrawnAt >= interval;
    engine.call((p) => {
      p.render();
      const size = p.gridSize();
      // Each view is built right before use: any call into the core may move wasm memory.
      this.heatmap.paintGrid(new Uint8ClampedArray(engine.memory.buffer, p.heatmapPtr(), p.heatmapLen()), size);
      network.paintThumbnails(
        new Uint8ClampedArray(engine.memory.buffer, p.thumbnailsPtr(), p.thumbnailsLen()), p.thumbnailSize(),
      );
      if (diagramDue) network.update(parameterView(engine, p));
    });
    if (diagramDue) this.diagramDrawnAt = now;
    this.heatmap.draw({ ...points, showTest: view.showTestData, palette: view.palette });
    this.showNumbers(state);
    this.chart.draw();
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

/** Every weight and bias, as a Float32Array view of wasm memory (valid until the next core call). */
export function parameterView(engine, p) {
  return new Float32Array(engine.memory.buffer, p.parametersPtr(), p.parametersLen());
}

function formatLoss(loss) {
  return Number.isFinite(loss) ? loss.toFixed(3) : '–';
}

function formatMetric(value, metric) {
  if (!Number.isFinite(value)) return '–';
  return metric === 'r2' ? value.toFixed(3) : `${(value * 100).toFixed(1)}%`;
}
