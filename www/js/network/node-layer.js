// The neurons of the network diagram, as HTML over the links' canvas: every neuron is a
// small canvas showing its own output over the input plane (a thumbnail heatmap the
// core renders for all neurons in one batched pass), and the input column lists the
// features (x₁, x₂, x₁², …) with a toggle each. A feature the network does not use
// shows a faded picture of the feature itself, drawn once by the page.

import { placeBox } from './diagram-layout.js';
import { rgbFor } from '../output/palette.js';

const EXTENT = 6;

/** The value of each feature at (x1, x2), as the core computes it. */
const FEATURE_VALUE = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  x1Squared: (x1) => x1 * x1,
  x2Squared: (_, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinX1: (x1) => Math.sin(x1),
  sinX2: (_, x2) => Math.sin(x2),
};

export class NodeLayer {
  /**
   * @param {HTMLElement} container the overlay element (#network-nodes)
   * @param {(feature: string) => string} label a feature's label (x₁, sin(x₂), …)
   * @param {(feature: string, on: boolean) => void} onToggle a feature toggle was clicked
   */
  constructor(container, label, onToggle) {
    this.container = container;
    this.label = label;
    this.thumbs = []; // canvases of the nodes the core renders, by node index
    this.idle = []; // canvases of features the network does not use
    this.atlas = document.createElement('canvas'); // every node's thumbnail, one under the other
    this.atlasContext = this.atlas.getContext('2d');
    this.shownSize = 0; // device pixels per side of a node's picture, once laid out
    this.sizeObserver = new ResizeObserver(([entry]) => {
      this.shownSize = Math.round(entry.contentBoxSize[0].inlineSize * devicePixelRatio);
    });
    container.addEventListener('change', (event) => {
      const box = event.target;
      if (box.matches('input[type="checkbox"][data-feature]')) onToggle(box.dataset.feature, box.checked);
    });
  }

  /**
   * Builds the boxes for a network laid out by `layout`.
   * @param {{rows: string[], features: string[], hidden: number[], locked: string[], outputs: number}} shape
   *   `locked`: features whose toggle is hidden (classroom mode); `outputs`: output neurons
   */
  build({ rows, features, hidden, locked, outputs = 1 }, layout) {
    const children = [];
    this.thumbs = [];
    this.idle = [];
    rows.forEach((feature, row) => {
      const node = features.indexOf(feature);
      const point = layout.at(0, row);
      children.push(this.toggle(feature, node >= 0, locked.includes(feature), point, layout));
      const canvas = this.canvas(node >= 0 ? node : null, point, layout, 'input');
      canvas.setAttribute('aria-label', `input ${this.label(feature)}`);
      if (node >= 0) this.thumbs[node] = canvas;
      else this.idle.push({ canvas, feature });
      children.push(canvas);
    });
    let node = features.length;
    hidden.forEach((count, layer) => {
      for (let row = 0; row < count; row++) {
        const canvas = this.canvas(node, layout.at(layer + 1, row), layout, 'hidden');
        canvas.setAttribute('aria-label', `neuron ${row + 1} of hidden layer ${layer + 1}`);
        this.thumbs[node++] = canvas;
        children.push(canvas);
      }
    });
    for (let row = 0; row < outputs; row++) {
      const output = this.canvas(node, layout.at(hidden.length + 1, row), layout, 'output');
      output.setAttribute('aria-label', outputs === 1 ? 'output' : `output for class ${row}`);
      this.thumbs[node++] = output;
      children.push(output);
    }
    this.container.replaceChildren(...children);
    this.contexts = this.thumbs.map((canvas) => canvas.getContext('2d'));
    // Every box of the diagram is the same size: one tells the size the pictures are shown at.
    this.sizeObserver.disconnect();
    const first = this.thumbs.find(Boolean);
    if (first) this.sizeObserver.observe(first);
  }

  toggle(feature, on, locked, point, layout) {
    const text = this.label(feature);
    const label = document.createElement('label');
    label.className = 'input-toggle';
    label.style.right = `${((layout.width - point.x + layout.box / 2 + 4) / layout.width) * 100}%`;
    label.style.top = `${(point.y / layout.height) * 100}%`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `feature-${feature}`;
    box.dataset.feature = feature;
    box.checked = on;
    box.hidden = locked;
    const name = document.createElement('span');
    name.textContent = text;
    label.append(box, name);
    return label;
  }

  canvas(node, point, layout, kind) {
    const canvas = document.createElement('canvas');
    canvas.className = `thumb ${kind}${node === null ? ' idle' : ''}`;
    if (node !== null) {
      canvas.dataset.node = String(node);
      canvas.tabIndex = 0;
    }
    placeBox(canvas, point, layout.box, layout);
    return canvas;
  }

  /**
   * Paints every rendered node's thumbnail from wasm memory: `bytes` is a view of all
   * thumbnails, node after node, each `size`² RGBA pixels — one picture `size` wide
   * and `size` × nodes tall, put into a hidden canvas at once and copied to each
   * node's canvas from there.
   */
  paint(bytes, size) {
    const count = bytes.length / (size * size * 4);
    if (!Number.isInteger(count) || count === 0) return;
    const { atlas } = this;
    if (atlas.width !== size || atlas.height !== size * count) {
      atlas.width = size;
      atlas.height = size * count;
    }
    this.atlasContext.putImageData(new ImageData(bytes, size, size * count), 0, 0);
    for (let node = 0; node < Math.min(count, this.thumbs.length); node++) {
      const canvas = this.thumbs[node];
      if (!canvas) continue;
      if (canvas.width !== size) {
        canvas.width = size;
        canvas.height = size;
      }
      this.contexts[node].drawImage(atlas, 0, node * size, size, size, 0, 0, size, size);
    }
  }

  /** Draws the unused features' own pictures (value / 6 on the colour scale, like the core's inputs). */
  paintIdle(size, colours) {
    for (const { canvas, feature } of this.idle) {
      canvas.width = size;
      canvas.height = size;
      const image = new ImageData(size, size);
      const value = FEATURE_VALUE[feature];
      for (let row = 0; row < size; row++) {
        for (let column = 0; column < size; column++) {
          const x1 = -EXTENT + ((column + 0.5) * 2 * EXTENT) / size;
          const x2 = EXTENT - ((row + 0.5) * 2 * EXTENT) / size;
          const [r, g, b] = rgbFor(value(x1, x2) / scaleOf(feature), colours);
          image.data.set([r, g, b, 255], (row * size + column) * 4);
        }
      }
      canvas.getContext('2d').putImageData(image, 0, 0);
    }
  }
}

/** The largest size of a feature over the plane, to bring it onto [−1, 1]. */
function scaleOf(feature) {
  if (feature.startsWith('sin')) return 1;
  if (feature === 'x1' || feature === 'x2') return EXTENT;
  return EXTENT * EXTENT;
}
