// The neurons of the network diagram, as HTML over the links' canvas: every neuron is a
// box (focusable, hoverable, with its name for assistive technology) over its own
// output across the input plane (a thumbnail heatmap the core renders for all neurons
// in one batched pass), and the input column lists the features (x₁, x₂, x₁², …) with a
// toggle each, then the formula inputs with a × each to remove them (their pictures, like
// every input's in use, come from the core). A feature the network does not use shows a faded picture of the feature
// itself, drawn once by the page. Every picture is painted into one canvas under the
// boxes (the atlas), and only the pictures that changed since the last paint: the
// browser has one canvas to paint, not one per neuron.

import { placeBox } from './diagram-layout.js';
import { formulaIndex } from './formula-inputs.js';
import { rgbFor } from '../output/palette.js';

const EXTENT = 6;
/** How faded an unused feature's picture is. */
const IDLE_OPACITY = 0.35;

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
   * @param {(row: string) => void} onRemove the × of a formula input's row was clicked
   */
  constructor(container, label, onToggle, onRemove) {
    this.container = container;
    this.label = label;
    this.thumbs = []; // boxes of the nodes the core renders, by node index
    this.idle = []; // boxes of features the network does not use, with their pictures
    this.strip = document.createElement('canvas'); // the core's thumbnails, one under the other
    this.stripContext = this.strip.getContext('2d');
    this.atlas = document.createElement('canvas'); // every picture, where its box is
    this.atlas.className = 'thumb-atlas';
    this.atlas.setAttribute('aria-hidden', 'true');
    this.atlasContext = this.atlas.getContext('2d');
    this.places = null; // device-pixel rectangle of each node's picture in the atlas; null: to measure
    this.shown = []; // the pixels each node's picture had when last painted (Uint32Array), by node
    this.neutral = [128, 128, 128];
    this.shownSize = 0; // device pixels per side of a node's picture, once laid out
    this.sizeObserver = new ResizeObserver(([entry]) => {
      this.shownSize = Math.round(entry.contentBoxSize[0].inlineSize * devicePixelRatio);
      this.places = null;
    });
    new ResizeObserver(() => {
      this.places = null;
    }).observe(container);
    container.addEventListener('change', (event) => {
      const box = event.target;
      if (box.matches('input[type="checkbox"][data-feature]')) onToggle(box.dataset.feature, box.checked);
    });
    container.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-remove]');
      if (button) onRemove(button.dataset.remove);
    });
  }

  /**
   * Builds the boxes for a network laid out by `layout`.
   * @param {{rows: string[], features: string[], hidden: number[], locked: string[], outputs: number}} shape
   *   `locked`: features whose toggle is hidden (classroom mode); `outputs`: output neurons;
   *   `formulasLocked`: the formula inputs' × are hidden too (`customFeatures_hide`)
   */
  build({ rows, features, hidden, locked, outputs = 1, formulasLocked = false }, layout) {
    const children = [];
    this.thumbs = [];
    this.idle = [];
    rows.forEach((feature, row) => {
      const node = features.indexOf(feature);
      const point = layout.at(0, row);
      children.push(
        formulaIndex(feature) === null
          ? this.toggle(feature, node >= 0, locked.includes(feature), point, layout)
          : this.removable(feature, formulasLocked, point, layout),
      );
      const box = this.box(node >= 0 ? node : null, point, layout, 'input');
      box.setAttribute('aria-label', `input ${this.label(feature)}`);
      if (node >= 0) this.thumbs[node] = box;
      else this.idle.push({ box, feature, picture: null });
      children.push(box);
    });
    let node = features.length;
    hidden.forEach((count, layer) => {
      for (let row = 0; row < count; row++) {
        const box = this.box(node, layout.at(layer + 1, row), layout, 'hidden');
        box.setAttribute('aria-label', `neuron ${row + 1} of hidden layer ${layer + 1}`);
        this.thumbs[node++] = box;
        children.push(box);
      }
    });
    for (let row = 0; row < outputs; row++) {
      const output = this.box(node, layout.at(hidden.length + 1, row), layout, 'output');
      output.setAttribute('aria-label', outputs === 1 ? 'output' : `output for class ${row}`);
      this.thumbs[node++] = output;
      children.push(output);
    }
    this.container.replaceChildren(this.atlas, ...children);
    this.places = null;
    // Every box of the diagram is the same size: one tells the size the pictures are shown at.
    this.sizeObserver.disconnect();
    const first = this.thumbs.find(Boolean);
    if (first) this.sizeObserver.observe(first);
  }

  toggle(feature, on, locked, point, layout) {
    const text = this.label(feature);
    const label = this.placedLabel(point, layout);
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

  /** The label of a formula input's row, with a × that removes it (hidden when `locked`, by a classroom). */
  removable(row, locked, point, layout) {
    const text = this.label(row);
    const label = this.placedLabel(point, layout);
    label.classList.add('formula-input');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove-formula';
    remove.dataset.remove = row;
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove the input ${text}`);
    remove.hidden = locked;
    const name = document.createElement('span');
    name.textContent = text;
    name.title = text;
    label.append(remove, name);
    return label;
  }

  /** An empty label left of the input box at `point`. */
  placedLabel(point, layout) {
    const label = document.createElement('label');
    label.className = 'input-toggle';
    label.style.right = `${((layout.width - point.x + layout.box / 2 + 4) / layout.width) * 100}%`;
    label.style.top = `${(point.y / layout.height) * 100}%`;
    return label;
  }

  box(node, point, layout, kind) {
    const box = document.createElement('div');
    box.className = `thumb ${kind}${node === null ? ' idle' : ''}`;
    box.setAttribute('role', 'img');
    if (node !== null) {
      box.dataset.node = String(node);
      box.tabIndex = 0;
    }
    placeBox(box, point, layout.box, layout);
    return box;
  }

  /**
   * Measures where every picture goes in the atlas (inside each box's border, in device
   * pixels), sizes the atlas to the diagram and paints it afresh: the neutral colour in
   * every box, the unused features' pictures, and from the next `paint` every node's.
   * Runs after a rebuild or a resize, not every frame.
   */
  place() {
    const { atlas, atlasContext: context, container } = this;
    const frame = container.getBoundingClientRect();
    const width = Math.max(1, Math.round(frame.width * devicePixelRatio));
    const height = Math.max(1, Math.round(frame.height * devicePixelRatio));
    if (atlas.width !== width || atlas.height !== height) {
      atlas.width = width;
      atlas.height = height;
    }
    context.clearRect(0, 0, width, height);
    const placeOf = (box) => {
      const rect = box.getBoundingClientRect();
      return {
        x: Math.round((rect.left - frame.left + box.clientLeft) * devicePixelRatio),
        y: Math.round((rect.top - frame.top + box.clientTop) * devicePixelRatio),
        size: Math.max(1, Math.round(box.clientWidth * devicePixelRatio)),
      };
    };
    this.places = this.thumbs.map((box) => (box ? placeOf(box) : null));
    context.fillStyle = `rgb(${this.neutral.join(', ')})`;
    for (const place of this.places) if (place) context.fillRect(place.x, place.y, place.size, place.size);
    context.globalAlpha = IDLE_OPACITY;
    for (const { box, picture } of this.idle) {
      if (!picture) continue;
      const place = placeOf(box);
      context.drawImage(picture, place.x, place.y, place.size, place.size);
    }
    context.globalAlpha = 1;
    this.shown = [];
  }

  /**
   * Paints the nodes' thumbnails that changed from wasm memory: `bytes` is a view of
   * all thumbnails, node after node, each `size`² RGBA pixels — one picture `size` wide
   * and `size` × nodes tall, put into a hidden canvas at once; each node whose pixels
   * differ from what its box shows is copied from there into the atlas.
   */
  paint(bytes, size) {
    const count = bytes.length / (size * size * 4);
    if (!Number.isInteger(count) || count === 0) return;
    if (!this.places) this.place();
    const { strip, atlasContext: context, places, shown } = this;
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    const perNode = size * size;
    const changed = [];
    for (let node = 0; node < Math.min(count, places.length); node++) {
      if (!places[node]) continue;
      const now = words.subarray(node * perNode, (node + 1) * perNode);
      const before = shown[node];
      if (before && before.length === perNode && sameWords(before, now)) continue;
      if (before && before.length === perNode) before.set(now);
      else shown[node] = now.slice();
      changed.push(node);
    }
    if (!changed.length) return;
    if (strip.width !== size || strip.height !== size * count) {
      strip.width = size;
      strip.height = size * count;
    }
    this.stripContext.putImageData(new ImageData(bytes, size, size * count), 0, 0);
    for (const node of changed) {
      const place = places[node];
      context.drawImage(strip, 0, node * size, size, size, place.x, place.y, place.size, place.size);
    }
  }

  /**
   * Draws the unused features' own pictures (value / 6 on the colour scale, like the
   * core's inputs) and takes the palette's neutral colour for the boxes' background.
   */
  paintIdle(size, colours) {
    this.neutral = colours.neutral;
    for (const entry of this.idle) {
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const { feature } = entry;
      entry.picture = canvas;
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
    this.places = null;
  }
}

/** Whether two pictures (as 32-bit pixels, the same length) are the same. */
function sameWords(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The largest size of a feature over the plane, to bring it onto [−1, 1]. */
function scaleOf(feature) {
  if (feature.startsWith('sin')) return 1;
  if (feature === 'x1' || feature === 'x2') return EXTENT;
  return EXTENT * EXTENT;
}
