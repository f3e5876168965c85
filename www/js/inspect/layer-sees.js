// "What this layer sees" (#layer-sees-panel): the input plane and the training points
// carried through the layers up to one hidden layer, placed at the outputs of two of its
// neurons — the grid lines of the plane (x₁ and x₂ from −6 to 6) come out bent by the
// layers below, and where the classes can be split by a straight line in this picture,
// the layer above can split them. Every number is the core's (`layerPlane`), evaluated
// as the network predicts (without dropout). The layer and the two neurons are picked
// with three selects, or, while the panel is open, by clicking two hidden neurons on the
// diagram (`pick`). A pick the core refuses (the same neuron twice, a layer of one
// neuron) is explained in #sees-message and the last picture stays. While training the
// picture is redrawn at most every REFRESH_MS. The canvas carries what it shows, for
// scripts: data-layer, data-neurons, data-x-from, data-x-to, data-y-from, data-y-to and
// data-pad (a value a is drawn at x = pad + (a − xFrom)/(xTo − xFrom)·(width − 2·pad),
// and b at y = height − pad − (b − yFrom)/(yTo − yFrom)·(height − 2·pad)).

import { Throttle } from './layer-health.js';
import { labelColour } from '../output/palette.js';
import { formatEdge } from './layer-histograms.js';

const REFRESH_MS = 250;
/** Pixels between the canvas's edge and the drawn range. */
export const PAD = 10;

/**
 * The ranges drawn for `plane` (the core's layerPlane()): the smallest box holding every
 * finite line sample and point, widened by 5 % on each side (by ½ where it is flat).
 */
export function planeBounds(plane) {
  const range = (offset) => {
    let low = Infinity;
    let high = -Infinity;
    for (const values of [plane.lines, plane.points]) {
      for (let i = offset; i < values.length; i += 2) {
        const value = values[i];
        if (!Number.isFinite(value)) continue;
        if (value < low) low = value;
        if (value > high) high = value;
      }
    }
    if (low > high) return [-1, 1];
    const margin = high > low ? (high - low) * 0.05 : 0.5;
    return [low - margin, high + margin];
  };
  const [xFrom, xTo] = range(0);
  const [yFrom, yTo] = range(1);
  return { xFrom, xTo, yFrom, yTo };
}

/** Where (a, b) is drawn on a `width` × `height` canvas for `bounds` (see the header). */
export function toCanvas(a, b, bounds, width, height) {
  return [
    PAD + ((a - bounds.xFrom) / (bounds.xTo - bounds.xFrom)) * (width - 2 * PAD),
    height - PAD - ((b - bounds.yFrom) / (bounds.yTo - bounds.yFrom)) * (height - 2 * PAD),
  ];
}

export class LayerSees {
  /**
   * @param {(id: string) => HTMLElement} find
   * @param {{plane: (layer: number, first: number, second: number) => object,
   *          sizes: () => number[], colours: () => object, multiClass: () => boolean}} page
   *   the core's layerPlane(); the neurons of each hidden layer; the palette; whether
   *   the points have 3 or more classes
   */
  constructor(find, page) {
    this.page = page;
    this.opener = find('layer-sees');
    this.panel = find('layer-sees-panel');
    this.title = find('sees-title');
    this.layerSelect = find('sees-layer');
    this.neuronSelects = [find('sees-first'), find('sees-second')];
    this.messageArea = find('sees-message');
    this.canvas = find('sees-plane');
    this.labels = { x: find('sees-x-label'), y: find('sees-y-label') };
    this.throttle = new Throttle(REFRESH_MS);
    this.ink = { plotLine: '#555' };
    this.nextSlot = 0; // which neuron a click on the diagram picks
    this.opener.addEventListener('click', () => (this.isOpen ? this.close({ refocus: true }) : this.open()));
    find('sees-close').addEventListener('click', () => this.close({ refocus: true }));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close({ refocus: true });
    });
    this.layerSelect.addEventListener('change', () => this.choose());
    for (const select of this.neuronSelects) select.addEventListener('change', () => this.refresh(true));
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  setInk(ink) {
    this.ink = ink;
    this.refresh(true);
  }

  /** Opens the panel on the last hidden layer with two neurons (else the first), its neurons 1 and 2. */
  open() {
    this.panel.hidden = false;
    this.opener.setAttribute('aria-expanded', 'true');
    const sizes = this.page.sizes();
    const wide = sizes.map((size, layer) => (size >= 2 ? layer : -1)).filter((layer) => layer >= 0);
    this.fillLayers(sizes);
    this.layerSelect.value = String(wide.length > 0 ? wide[wide.length - 1] : 0);
    this.fillNeurons(sizes, [0, 1]);
    this.refresh(true);
    this.title.focus();
  }

  /** Hides the panel; `refocus`: the focus goes back to the button that opened it. */
  close({ refocus = false } = {}) {
    const wasOpen = this.isOpen;
    this.panel.hidden = true;
    this.opener.setAttribute('aria-expanded', 'false');
    if (refocus && wasOpen) this.opener.focus();
  }

  /** After the network changed shape: the selects follow it, keeping what still exists. */
  reshape() {
    if (!this.isOpen) return;
    const sizes = this.page.sizes();
    const layer = Math.min(Number(this.layerSelect.value), Math.max(0, sizes.length - 1));
    this.fillLayers(sizes);
    this.layerSelect.value = String(layer);
    this.fillNeurons(
      sizes,
      this.neuronSelects.map((select) => Number(select.value)),
    );
    this.refresh(true);
  }

  /** A click on hidden neuron `neuron` of layer `layer` on the diagram: picks it as the next of the two neurons. */
  pick(layer, neuron) {
    const sizes = this.page.sizes();
    if (String(layer) !== this.layerSelect.value) {
      this.layerSelect.value = String(layer);
      this.fillNeurons(sizes, [neuron, neuron === 0 ? 1 : 0]);
      this.nextSlot = 1;
    } else {
      this.neuronSelects[this.nextSlot].value = String(neuron);
      this.nextSlot = 1 - this.nextSlot;
    }
    this.refresh(true);
  }

  /** A new layer in the select: its neurons 1 and 2. */
  choose() {
    this.fillNeurons(this.page.sizes(), [0, 1]);
    this.nextSlot = 0;
    this.refresh(true);
  }

  fillLayers(sizes) {
    this.layerSelect.replaceChildren(
      ...sizes.map((size, layer) => {
        const option = document.createElement('option');
        option.value = String(layer);
        option.textContent = `hidden layer ${layer + 1} (${size} ${size === 1 ? 'neuron' : 'neurons'})`;
        return option;
      }),
    );
  }

  /** The neuron selects for the chosen layer, set to `wanted` where those neurons exist. */
  fillNeurons(sizes, wanted) {
    const size = sizes[Number(this.layerSelect.value)] ?? 0;
    this.neuronSelects.forEach((select, slot) => {
      select.replaceChildren(
        ...Array.from({ length: size }, (_, neuron) => {
          const option = document.createElement('option');
          option.value = String(neuron);
          option.textContent = `neuron ${neuron + 1}`;
          return option;
        }),
      );
      select.value = String(Math.min(wanted[slot] ?? 0, Math.max(0, size - 1)));
    });
  }

  /** The chosen layer and neurons, as numbers. */
  choice() {
    return { layer: Number(this.layerSelect.value), neurons: this.neuronSelects.map((select) => Number(select.value)) };
  }

  /** Reads the plane from the core and draws it: at once when `now`, else if REFRESH_MS have passed. */
  refresh(now) {
    if (!this.isOpen || !this.throttle.due(now)) return;
    const { layer, neurons } = this.choice();
    let plane;
    try {
      plane = this.page.plane(layer, neurons[0], neurons[1]);
    } catch (error) {
      if (error.name === 'CoreCrash') throw error; // the playground recovers from it
      this.say(`${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`);
      return;
    }
    this.say('');
    this.draw(plane);
  }

  say(text) {
    if (this.messageArea.textContent !== text) this.messageArea.textContent = text;
    this.messageArea.hidden = text === '';
  }

  draw(plane) {
    const { canvas } = this;
    const { width, height } = canvas;
    const bounds = planeBounds(plane);
    const [first, second] = plane.neurons;
    const name = (neuron) => `neuron ${neuron + 1} of hidden layer ${plane.layer + 1}`;
    Object.assign(canvas.dataset, {
      layer: String(plane.layer),
      neurons: plane.neurons.join(','),
      pad: String(PAD),
      xFrom: String(bounds.xFrom),
      xTo: String(bounds.xTo),
      yFrom: String(bounds.yFrom),
      yTo: String(bounds.yTo),
    });
    this.labels.x.textContent = `→ output of ${name(first)} (${formatEdge(bounds.xFrom)} … ${formatEdge(bounds.xTo)})`;
    this.labels.y.textContent = `↑ output of ${name(second)} (${formatEdge(bounds.yFrom)} … ${formatEdge(bounds.yTo)})`;
    canvas.setAttribute(
      'aria-label',
      `The input plane's grid and ${plane.labels.length} training points as ${name(first)} (across) and neuron ${second + 1} (up) see them`,
    );
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, width, height);
    const at = (a, b) => toCanvas(a, b, bounds, width, height);
    context.strokeStyle = this.ink.plotLine;
    context.globalAlpha = 0.45;
    context.lineWidth = 1;
    for (let line = 0; line < plane.lineCount; line++) {
      context.beginPath();
      for (let k = 0; k < plane.lineSamples; k++) {
        const i = 2 * (line * plane.lineSamples + k);
        const [x, y] = at(plane.lines[i], plane.lines[i + 1]);
        if (k === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
    }
    context.globalAlpha = 1;
    const colours = this.page.colours();
    const multiClass = this.page.multiClass();
    context.strokeStyle = '#fff';
    for (let point = 0; point < plane.labels.length; point++) {
      const [x, y] = at(plane.points[2 * point], plane.points[2 * point + 1]);
      context.beginPath();
      context.arc(x, y, 3, 0, 2 * Math.PI);
      context.fillStyle = labelColour(plane.labels[point], colours, multiClass);
      context.fill();
      context.stroke();
    }
  }
}
