// Per-layer health (#layer-health): for each layer, three small bars from the core's
// `layerHealth()` over the training points — the mean |∂J/∂w| of its weights (drawn
// relative to the largest layer's), the share of dead neurons (relu family: output 0
// on every point) and the share of saturated ones (tanh or sigmoid stuck near its
// limits). Each bar carries its number in `data-value`, for scripts.

const MEASURES = [
  { key: 'meanAbsGradient', label: 'mean |∂J/∂w|' },
  { key: 'deadShare', label: 'dead' },
  { key: 'saturatedShare', label: 'saturated' },
];

export class LayerHealth {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
  }

  /** Redraws the bars for `layers`, the core's layerHealth() (after every drawn frame). */
  show(layers) {
    const largest = Math.max(0, ...layers.map((layer) => layer.meanAbsGradient).filter(Number.isFinite));
    const rows = layers.map((layer, index) => {
      const row = document.createElement('div');
      row.className = 'health-row';
      row.dataset.layer = String(index);
      const name = document.createElement('span');
      name.textContent = index === layers.length - 1 ? 'output' : `layer ${index + 1}`;
      row.append(name, ...MEASURES.map(({ key, label }) => {
        const share = key === 'meanAbsGradient' ? (largest > 0 ? layer[key] / largest : 0) : layer[key];
        return bar(key, label, layer[key], share);
      }));
      return row;
    });
    this.container.replaceChildren(...rows);
  }
}

function bar(key, label, value, share) {
  const outer = document.createElement('span');
  outer.className = `health-bar ${key}`;
  outer.dataset.measure = key;
  outer.dataset.value = String(value);
  const shown = key === 'meanAbsGradient' ? Number(value.toPrecision(2)) : `${Math.round(value * 100)}%`;
  outer.title = `${label}: ${shown}`;
  const fill = document.createElement('span');
  fill.className = 'health-fill';
  fill.style.width = `${Math.min(1, Math.max(0, share || 0)) * 100}%`;
  outer.append(fill);
  return outer;
}
