// The network diagram (#network, SVG): one column of boxes per layer (inputs,
// hidden layers, output), links coloured by the sign of their weight (blue +,
// orange −) and as wide as its size. Built from the model object the core exports;
// the elements are rebuilt only when the shape of the network changes.

import { FEATURES } from './config.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 520;
const GUTTER = 52; // room for the input labels
const BOX = 18;
const MAX_SPACING = 34;
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 520;
const POSITIVE = '#0877bd';
const NEGATIVE = '#f59322';

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function featureLabel(value) {
  return FEATURES.find((f) => f.value === value)?.label ?? value;
}

/**
 * x of the centre of column `index` out of `count`: equal slots across the width
 * right of the label gutter (the +/− row above uses the same slots: style.css pads it
 * by GUTTER / WIDTH).
 */
export function columnCentre(index, count) {
  return GUTTER + ((index + 0.5) * (WIDTH - GUTTER)) / count;
}

export class NetworkDiagram {
  /** @param {SVGSVGElement} svg */
  constructor(svg) {
    this.svg = svg;
    this.shape = '';
    this.links = [];
  }

  /** @param {{features: string[], layers: {weights: number[][]}[]}} model */
  draw(model) {
    const sizes = [model.features.length, ...model.layers.map((layer) => layer.biases.length)];
    const shape = `${model.features.join(',')}|${sizes.join(',')}`;
    if (shape !== this.shape) this.build(model.features, sizes);
    this.shape = shape;
    let next = 0;
    for (const layer of model.layers) {
      for (const row of layer.weights) {
        for (const weight of row) this.styleLink(this.links[next++], weight);
      }
    }
  }

  build(features, sizes) {
    const largest = Math.max(...sizes);
    const spacing = Math.min(MAX_SPACING, (MAX_HEIGHT - 2 * BOX) / largest);
    const height = Math.max(MIN_HEIGHT, largest * spacing + 2 * BOX);
    const box = Math.min(BOX, spacing * 0.75); // boxes shrink when a column is tall
    const position = (column, row) => ({
      x: columnCentre(column, sizes.length),
      y: height / 2 + (row - (sizes[column] - 1) / 2) * spacing,
    });
    this.svg.replaceChildren();
    this.svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    const linkGroup = element('g', { class: 'links' });
    const boxGroup = element('g', { class: 'neurons' });
    this.svg.append(linkGroup, boxGroup);
    this.links = [];
    for (let column = 1; column < sizes.length; column++) {
      for (let out = 0; out < sizes[column]; out++) {
        for (let input = 0; input < sizes[column - 1]; input++) {
          const from = position(column - 1, input);
          const to = position(column, out);
          const link = element('line', {
            x1: from.x + box / 2, y1: from.y, x2: to.x - box / 2, y2: to.y, class: 'link',
          });
          linkGroup.append(link);
          this.links.push(link);
        }
      }
    }
    sizes.forEach((count, column) => {
      for (let row = 0; row < count; row++) {
        const { x, y } = position(column, row);
        const kind = column === 0 ? 'input' : column === sizes.length - 1 ? 'output' : 'hidden';
        boxGroup.append(element('rect', {
          x: x - box / 2, y: y - box / 2, width: box, height: box, rx: 3, class: `neuron ${kind}`,
        }));
        if (column === 0) this.addLabel(boxGroup, featureLabel(features[row]), x - box / 2 - 4, y);
      }
    });
  }

  addLabel(group, text, x, y) {
    const label = element('text', {
      x, y: y + 3.5, 'text-anchor': 'end', class: 'neuron-label',
    });
    label.textContent = text;
    group.append(label);
  }

  styleLink(link, weight) {
    if (!link) return;
    link.setAttribute('stroke', weight >= 0 ? POSITIVE : NEGATIVE);
    link.setAttribute('stroke-width', Math.min(6, 0.3 + Math.abs(weight) * 1.5).toFixed(2));
    link.setAttribute('stroke-opacity', Math.min(1, 0.35 + Math.abs(weight) * 0.4).toFixed(2));
  }
}
