// The network diagram's links and biases (#network, one canvas): a curved link for
// every weight, blue for positive and orange for negative, as wide as its size, and a
// small square beside every neuron for its bias. Redrawn a few times a second from the
// core's live weights, links of one colour and width stroked together as one path, so
// even 8 layers of 32 neurons (7,000 links) cost a few milliseconds. While the network
// trains the links carry dashes that move a step with every redraw. The pointer is
// matched to a link by geometry (linkAt), not by one element per link.

import { layoutDiagram, linkPath, linkY } from './diagram-layout.js';
import { PALETTES } from './palette.js';

const FLOW_STEP = 3; // how far the dashes move per redraw, in diagram units
const DASH = [9, 3];
const LINK_ALPHA = 0.7;
const MAX_DASHED_LINKS = 2000; // more than this: solid while training (dashes are slow to paint)

/**
 * Where each layer's weights and biases sit in the core's parameter buffer: for each
 * layer (hidden layers, then the output) its weights [neuron][input], then its biases.
 */
export function parameterLayout(inputs, hidden) {
  const layers = [];
  let offset = 0;
  let before = inputs;
  for (const size of [...hidden, 1]) {
    layers.push({ inputs: before, neurons: size, weights: offset, biases: offset + size * before });
    offset += size * before + size;
    before = size;
  }
  return { layers, length: offset };
}

const rgb = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;
export const linkWidth = (weight) => Math.min(7, 0.4 + Math.abs(weight) * 1.6);

export class NetworkDiagram {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.links = [];
    this.biases = [];
    this.gaps = [];
    this.layout = null;
    this.values = new Float32Array();
    this.training = false;
    this.flow = 0;
    this.palette = 'default';
    this.highlighted = null;
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /**
   * Lays out a network's links and biases.
   * @param {{rows: string[], features: string[], hidden: number[]}} shape the input rows
   *   shown (feature names, top to bottom), the features the network uses (config order)
   *   and the hidden layer sizes
   */
  build({ rows, features, hidden }) {
    const layout = layoutDiagram([rows.length, ...hidden, 1]);
    const inputRow = features.map((feature) => rows.indexOf(feature)); // row of input i (config order)
    this.links = [];
    this.biases = [];
    this.gaps = [];
    parameterLayout(features.length, hidden).layers.forEach((layer, index) => {
      const links = [];
      for (let neuron = 0; neuron < layer.neurons; neuron++) {
        const to = layout.at(index + 1, neuron);
        for (let input = 0; input < layer.inputs; input++) {
          const from = layout.at(index, index === 0 ? inputRow[input] : input);
          links.push({
            kind: 'weight', layer: index, neuron, input, offset: layer.weights + neuron * layer.inputs + input,
            from, to, path: linkPath(from, to, layout.box), middle: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
          });
        }
        const size = layout.bias;
        this.biases.push({
          kind: 'bias', layer: index, neuron, offset: layer.biases + neuron, size,
          x: to.x - layout.box / 2 - size - 1, y: to.y + layout.box / 2 - size,
          middle: { x: to.x - layout.box / 2 - size, y: to.y + layout.box / 2 - size / 2 },
        });
      }
      const start = layout.at(index, 0).x + layout.box / 2;
      this.gaps.push({ start, end: layout.at(index + 1, 0).x - layout.box / 2, links });
      this.links.push(...links);
    });
    this.layout = layout;
    this.highlighted = null;
    this.canvas.style.aspectRatio = `${layout.width} / ${layout.height}`;
    return layout;
  }

  /** Takes the weights and biases from the parameter buffer (possibly a wasm view) and redraws. */
  update(parameters) {
    if (this.values.length !== parameters.length) this.values = new Float32Array(parameters.length);
    this.values.set(parameters);
    if (this.training) this.flow = (this.flow + FLOW_STEP) % (DASH[0] + DASH[1]);
    this.draw();
  }

  draw() {
    const { canvas, context, layout } = this;
    if (!layout) return;
    const width = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
    const height = Math.max(1, Math.round((width * layout.height) / layout.width));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    if (this.values.length === 0) return;
    context.setTransform(width / layout.width, 0, 0, width / layout.width, 0, 0);
    const colours = PALETTES[this.palette] ?? PALETTES.default;
    this.drawLinks(colours);
    this.drawBiases(colours);
  }

  /** One path per colour and width: a few dozen strokes, however many links. */
  drawLinks(colours) {
    const { context, values } = this;
    const groups = new Map();
    for (const link of this.links) {
      const weight = values[link.offset];
      const key = `${weight < 0 ? '-' : '+'}${linkWidth(weight).toFixed(1)}`;
      if (!groups.has(key)) groups.set(key, new Path2D());
      groups.get(key).addPath(link.path);
    }
    context.globalAlpha = LINK_ALPHA;
    context.setLineDash(this.training && this.links.length <= MAX_DASHED_LINKS ? DASH : []);
    context.lineDashOffset = -this.flow;
    for (const [key, path] of groups) {
      context.strokeStyle = rgb(key[0] === '-' ? colours.negative : colours.positive);
      context.lineWidth = Number(key.slice(1));
      context.stroke(path);
    }
    context.globalAlpha = 1;
    const link = this.highlighted?.kind === 'weight' ? this.highlighted : null;
    if (link) {
      const weight = values[link.offset];
      context.setLineDash([]);
      context.strokeStyle = '#222';
      context.lineWidth = linkWidth(weight) + 2;
      context.stroke(link.path);
      context.strokeStyle = rgb(weight < 0 ? colours.negative : colours.positive);
      context.lineWidth = linkWidth(weight);
      context.stroke(link.path);
    }
  }

  drawBiases(colours) {
    const { context, values } = this;
    context.setLineDash([]);
    context.lineWidth = 0.5;
    for (const bias of this.biases) {
      const value = values[bias.offset];
      const colour = value < 0 ? colours.negative : value > 0 ? colours.positive : colours.neutral;
      context.fillStyle = rgb(colour);
      context.fillRect(bias.x, bias.y, bias.size, bias.size);
      context.strokeStyle = bias === this.highlighted ? '#222' : value === 0 ? '#999' : '#fff';
      context.lineWidth = bias === this.highlighted ? 1.5 : 0.5;
      context.strokeRect(bias.x, bias.y, bias.size, bias.size);
    }
  }

  /** Draws the links and biases in palette `name` from now on. */
  setPalette(name) {
    this.palette = name;
    this.draw();
  }

  /** Turns the moving dashes on the links on or off. */
  showTraining(training) {
    this.training = training && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.canvas.classList.toggle('training', training);
    this.draw();
  }

  /** The weight or bias under the point (clientX, clientY), or null. */
  targetAt(clientX, clientY) {
    if (!this.layout) return null;
    const box = this.canvas.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * this.layout.width;
    const y = ((clientY - box.top) / box.height) * this.layout.height;
    const slack = 2;
    const bias = this.biases.find((b) => x >= b.x - slack && x <= b.x + b.size + slack
      && y >= b.y - slack && y <= b.y + b.size + slack);
    if (bias) return bias;
    const gap = this.gaps.find((g) => x >= g.start && x <= g.end);
    if (!gap) return null;
    let best = null;
    let distance = Infinity;
    for (const link of gap.links) {
      const away = Math.abs(linkY(link.from, link.to, gap, x) - y);
      const reach = Math.max(4, linkWidth(this.values[link.offset] ?? 0) / 2 + 2);
      if (away <= reach && away < distance) {
        best = link;
        distance = away;
      }
    }
    return best;
  }

  /** Marks one link or bias as the one being looked at (null: none). */
  highlight(target) {
    if (target === this.highlighted) return;
    this.highlighted = target;
    this.draw();
  }
}
