// The network diagram's links and biases (#network, one canvas): a curved link for
// every weight, blue for positive and orange for negative, as wide as its size, and a
// small square beside every neuron for its bias. Links of one colour and width are
// stroked together as one path. Wide strokes are what costs (some 20 µs each to paint
// without a GPU), so past THIN_ABOVE links every link is one pixel wide and shows its
// size by its opacity instead (some 2 µs). While playing, the links are redrawn from
// the core's live weights one gap between two columns at a time (`drawSome`), a few
// milliseconds per frame, so even 50,000 links never hold a frame up; a single change
// redraws them all at once (`update`). While the network trains the links carry dashes
// that move a step with every pass. The pointer is matched to a link by geometry
// (targetAt), not by one element per link.

import { layoutDiagram, linkPath, linkY } from './diagram-layout.js';

const FLOW_STEP = 3; // how far the dashes move per redraw, in diagram units
const DASH = [9, 3];
const LINK_ALPHA = 0.7;
const MAX_DASHED_LINKS = 2000; // more than this: solid while training (dashes are slow to paint)
const THIN_ABOVE = 1000; // more links than this: one-pixel links, the weight's size as opacity
/** What a link costs to paint, in microseconds, for `drawSome`'s budget. */
const WIDE_LINK_US = 20;
const THIN_LINK_US = 2.5;

/**
 * Where each layer's weights and biases sit in the core's parameter buffer: for each
 * layer (hidden layers, then the output) its weights [neuron][input], then its biases.
 */
export function parameterLayout(inputs, hidden, outputs = 1) {
  const layers = [];
  let offset = 0;
  let before = inputs;
  for (const size of [...hidden, outputs]) {
    layers.push({ inputs: before, neurons: size, weights: offset, biases: offset + size * before });
    offset += size * before + size;
    before = size;
  }
  return { layers, length: offset };
}

const rgb = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;
export const linkWidth = (weight) => Math.min(7, 0.4 + Math.abs(weight) * 1.6);
/** Opacity of a one-pixel link, in steps of 0.1. */
const linkOpacity = (weight) => Math.min(1, 0.2 + Math.abs(weight) * 0.5);

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
    this.colours = null; // the palette's colours (output/palette.js), from setColours
    this.highlighted = null;
    this.pending = []; // gaps (by index) still to redraw in the current pass
    this.ink = { highlight: '#222', biasLine: '#fff', biasZero: '#999' }; // until setInk
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /**
   * Lays out a network's links and biases.
   * @param {{rows: string[], features: string[], hidden: number[]}} shape the input rows
   *   shown (feature names, top to bottom), the features the network uses (config order)
   *   the hidden layer sizes and the number of output neurons (one per class for softmax)
   */
  build({ rows, features, hidden, outputs = 1 }) {
    const layout = layoutDiagram([rows.length, ...hidden, outputs]);
    const inputRow = features.map((feature) => rows.indexOf(feature)); // row of input i (config order)
    this.links = [];
    this.biases = [];
    this.gaps = [];
    parameterLayout(features.length, hidden, outputs).layers.forEach((layer, index) => {
      const links = [];
      for (let neuron = 0; neuron < layer.neurons; neuron++) {
        const to = layout.at(index + 1, neuron);
        for (let input = 0; input < layer.inputs; input++) {
          const from = layout.at(index, index === 0 ? inputRow[input] : input);
          links.push({
            kind: 'weight',
            layer: index,
            neuron,
            input,
            offset: layer.weights + neuron * layer.inputs + input,
            from,
            to,
            path: linkPath(from, to, layout.box),
            middle: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
          });
        }
        const size = layout.bias;
        this.biases.push({
          kind: 'bias',
          layer: index,
          neuron,
          offset: layer.biases + neuron,
          size,
          x: to.x - layout.box / 2 - size - 1,
          y: to.y + layout.box / 2 - size,
          middle: { x: to.x - layout.box / 2 - size, y: to.y + layout.box / 2 - size / 2 },
        });
      }
      const start = layout.at(index, 0).x + layout.box / 2;
      this.gaps.push({ layer: index, start, end: layout.at(index + 1, 0).x - layout.box / 2, links });
      this.links.push(...links);
    });
    this.layout = layout;
    this.highlighted = null;
    this.pending = [];
    this.canvas.style.aspectRatio = `${layout.width} / ${layout.height}`;
    return layout;
  }

  /** Takes the weights and biases from the parameter buffer (possibly a wasm view) and redraws them all. */
  update(parameters) {
    this.takeValues(parameters);
    this.startPass();
    this.pending = [];
    this.draw();
  }

  /** Whether a pass of `drawSome` is under way. */
  get drawing() {
    return this.pending.length > 0;
  }

  /** Starts a pass: every gap is redrawn by the next calls of `drawSome`. */
  startPass() {
    if (this.training) this.flow = (this.flow + FLOW_STEP) % (DASH[0] + DASH[1]);
    this.pending = this.gaps.map((_, index) => index);
  }

  /**
   * Redraws the next gaps of the pass from `parameters` (possibly a wasm view), about
   * `budgetUs` microseconds of painting (at least one gap); true once the pass is done.
   */
  drawSome(parameters, budgetUs) {
    if (!this.layout || !this.pending.length || !this.colours) return true;
    this.takeValues(parameters);
    if (this.setScale()) {
      // The canvas was resized, which clears it: everything at once.
      this.pending = [];
      this.draw();
      return true;
    }
    const { colours } = this;
    const perLink = this.thin ? THIN_LINK_US : WIDE_LINK_US;
    let spent = 0;
    while (this.pending.length) {
      const gap = this.gaps[this.pending[0]];
      if (spent > 0 && spent + gap.links.length * perLink > budgetUs) break;
      this.pending.shift();
      this.context.clearRect(gap.start - 1, 0, gap.end - gap.start + 2, this.layout.height);
      this.drawGap(gap, colours);
      spent += gap.links.length * perLink;
    }
    return !this.pending.length;
  }

  takeValues(parameters) {
    if (this.values.length !== parameters.length) this.values = new Float32Array(parameters.length);
    this.values.set(parameters);
  }

  get thin() {
    return this.links.length > THIN_ABOVE;
  }

  /** Sizes the canvas to its box and scales drawing to diagram units; true when it resized (and so cleared) it. */
  setScale() {
    const { canvas, context, layout } = this;
    const width = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
    const height = Math.max(1, Math.round((width * layout.height) / layout.width));
    const resized = canvas.width !== width || canvas.height !== height;
    if (resized) {
      canvas.width = width;
      canvas.height = height;
    }
    this.scale = width / layout.width;
    context.setTransform(this.scale, 0, 0, this.scale, 0, 0);
    return resized;
  }

  draw() {
    const { canvas, context, layout } = this;
    if (!layout) return;
    this.setScale();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (this.values.length === 0 || !this.colours) return;
    this.setScale();
    for (const gap of this.gaps) this.drawGap(gap, this.colours);
  }

  /** The links of one gap between two columns, then the biases of the column on its right. */
  drawGap(gap, colours) {
    this.drawLinks(gap.links, colours);
    this.drawBiases(
      this.biases.filter((bias) => bias.layer === gap.layer),
      colours,
    );
  }

  /**
   * One path per colour and width (or opacity, for thin links): a few dozen strokes,
   * however many links.
   */
  drawLinks(links, colours) {
    const { context, values, thin } = this;
    const groups = new Map();
    for (const link of links) {
      const weight = values[link.offset];
      const key = `${weight < 0 ? '-' : '+'}${(thin ? linkOpacity(weight) : linkWidth(weight)).toFixed(1)}`;
      if (!groups.has(key)) groups.set(key, new Path2D());
      groups.get(key).addPath(link.path);
    }
    context.globalAlpha = LINK_ALPHA;
    context.setLineDash(this.training && this.links.length <= MAX_DASHED_LINKS ? DASH : []);
    context.lineDashOffset = -this.flow;
    for (const [key, path] of groups) {
      context.strokeStyle = rgb(key[0] === '-' ? colours.negative : colours.positive);
      if (thin) {
        context.globalAlpha = Number(key.slice(1));
        context.lineWidth = 1 / this.scale;
      } else {
        context.lineWidth = Number(key.slice(1));
      }
      context.stroke(path);
    }
    context.globalAlpha = 1;
    const link = this.highlighted?.kind === 'weight' && links.includes(this.highlighted) ? this.highlighted : null;
    if (link) {
      const weight = values[link.offset];
      context.setLineDash([]);
      context.strokeStyle = this.ink.highlight;
      context.lineWidth = linkWidth(weight) + 2;
      context.stroke(link.path);
      context.strokeStyle = rgb(weight < 0 ? colours.negative : colours.positive);
      context.lineWidth = linkWidth(weight);
      context.stroke(link.path);
    }
  }

  drawBiases(biases, colours) {
    const { context, values } = this;
    context.setLineDash([]);
    context.lineWidth = 0.5;
    for (const bias of biases) {
      const value = values[bias.offset];
      const colour = value < 0 ? colours.negative : value > 0 ? colours.positive : colours.neutral;
      context.fillStyle = rgb(colour);
      context.fillRect(bias.x, bias.y, bias.size, bias.size);
      context.strokeStyle = bias === this.highlighted ? this.ink.highlight : value === 0 ? this.ink.biasZero : this.ink.biasLine;
      context.lineWidth = bias === this.highlighted ? 1.5 : 0.5;
      context.strokeRect(bias.x, bias.y, bias.size, bias.size);
    }
  }

  /** Draws the outlines in the theme's colours (palette.js inkColours) from now on. */
  setInk(ink) {
    this.ink = ink;
    this.draw();
  }

  /** Draws the links and biases in the palette's `colours` from now on. */
  setColours(colours) {
    this.colours = colours;
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
    const bias = this.biases.find((b) => x >= b.x - slack && x <= b.x + b.size + slack && y >= b.y - slack && y <= b.y + b.size + slack);
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
