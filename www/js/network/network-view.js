// The whole network column: the links and biases (network-diagram.js), the neuron boxes
// and feature toggles (node-layer.js), the +/− buttons and per-layer activation selects
// (layer-controls.js), the formula inputs (formula-inputs.js) and the hover/tap/edit
// behaviour (diagram-inspect.js), kept in step with the config. The network's inputs are
// the ticked features, then the formula inputs (`customFeatures`), each a row of the
// input column with its picture and a × to remove it.
// It rebuilds its elements only when the network changes shape.

import { outputCountOf } from '../state/config.js';
import { hiddenFeatures } from '../state/classroom.js';
import { NetworkDiagram } from './network-diagram.js';
import { NodeLayer } from './node-layer.js';
import { LayerControls } from './layer-controls.js';
import { DiagramInspector } from './diagram-inspect.js';
import { formulaRow, formulaIndex } from './formula-inputs.js';
import { FormulaBox } from '../controls/formula-box.js';

const IDLE_SIZE = 25;

export class NetworkView {
  /**
   * @param {(id: string) => HTMLElement} find
   * @param {import('../state/schema.js').Schema} schema the features and activations, with their labels
   * @param {{config: (partial: object) => void, showNode: (node: number|null) => void,
   *          read: (offset: number) => number, write: (target: object, value: number) => void,
   *          inspect: (layer: number, neuron: number, how: object) => void,
   *          checkFormula: (text: string) => string}} hooks
   *   `inspect` opens the neuron inspector (`how`: NeuronInspector.open's options);
   *   `checkFormula` gives a formula's canonical form or throws the core's refusal
   */
  constructor(find, schema, hooks) {
    this.schema = schema;
    this.features = schema.values('features');
    this.diagram = new NetworkDiagram(find('network'));
    this.nodes = new NodeLayer(
      find('network-nodes'),
      (input) => this.inputLabel(input),
      (feature, on) => {
        hooks.config({ features: this.toggledFeatures(feature, on) });
      },
      (row) => {
        const index = formulaIndex(row);
        hooks.config({ customFeatures: this.config.customFeatures.filter((_, i) => i !== index) });
      },
    );
    this.formulas = new FormulaBox(
      { form: find('formula-form'), input: find('formula-input'), error: find('formula-error') },
      {
        check: hooks.checkFormula,
        use: (text) => hooks.config({ customFeatures: [...this.config.customFeatures, text] }),
        clear: true,
      },
    );
    this.layers = new LayerControls(
      {
        row: find('layer-controls'),
        addLayer: find('add-layer'),
        removeLayer: find('remove-layer'),
        countLabel: find('layer-count-label'),
      },
      schema,
      hooks.config,
    );
    this.inspector = new DiagramInspector(
      {
        canvas: find('network'),
        nodes: find('network-nodes'),
        card: find('weight-card'),
        label: find('weight-card-label'),
        value: find('weight-value'),
        input: find('weight-input'),
      },
      this.diagram,
      {
        showNode: hooks.showNode,
        inspect: (node, how) => {
          const place = this.neuronOf(node);
          if (place) hooks.inspect(place.layer, place.neuron, how);
        },
        read: (target) => hooks.read(target.offset),
        write: hooks.write,
        describe: (target) => this.describeTarget(target),
        nodeOf: (target) => this.nodeOf(target.layer, target.neuron),
      },
    );
    this.shapeKey = '';
    this.colours = null;
    this.config = null;
  }

  /** The label of input row `input`: a feature's (x₁, sin(x₂), …), or a formula as written. */
  inputLabel(input) {
    const index = formulaIndex(input);
    return index === null ? this.schema.label('features', input) : this.config.customFeatures[index];
  }

  /** The network's inputs in order, as input rows: the features, then one row per formula. */
  inputRows(config = this.config) {
    return [...config.features, ...config.customFeatures.map((_, index) => formulaRow(index))];
  }

  /** The feature list after a toggle: the ticked features in the order the column lists them. */
  toggledFeatures(feature, on) {
    const chosen = new Set(this.config.features);
    if (on) chosen.add(feature);
    else chosen.delete(feature);
    return this.features.filter((value) => chosen.has(value));
  }

  /**
   * Brings the column up to date for `config`, with the controls `view.hidden` hides, in
   * the palette's `colours`; returns true when the elements were rebuilt.
   */
  show(config, view, colours) {
    this.config = config;
    this.layers.show(config, view.hidden);
    const locked = hiddenFeatures(view.hidden, this.schema);
    const inputs = this.inputRows(config);
    const rows = [...this.features.filter((value) => config.features.includes(value) || !locked.includes(value)), ...inputs.slice(config.features.length)];
    const shape = {
      rows,
      features: inputs,
      hidden: config.hidden,
      locked,
      outputs: outputCountOf(config),
      formulas: config.customFeatures,
      formulasLocked: view.hidden.includes('customFeatures'),
    };
    const key = JSON.stringify(shape);
    const rebuilt = key !== this.shapeKey;
    if (rebuilt) {
      const layout = this.diagram.build(shape);
      this.nodes.build(shape, layout);
      this.inspector.forget();
      this.shapeKey = key;
    } else {
      for (const feature of this.features) {
        const box = this.nodes.container.querySelector(`#feature-${feature}`);
        if (box) box.checked = config.features.includes(feature);
      }
    }
    if (rebuilt || colours !== this.colours) {
      this.nodes.paintIdle(IDLE_SIZE, colours);
      this.diagram.setColours(colours);
      this.colours = colours;
    }
    return rebuilt;
  }

  /** The theme's outline colours for the links' canvas. */
  setInk(ink) {
    this.diagram.setInk(ink);
  }

  /** The core's limits for the +/− buttons. */
  setLimits(limits) {
    this.layers.setLimits(limits);
  }

  /** Restyles links and biases from the live parameters and refreshes the weight card. */
  update(parameters) {
    this.diagram.update(parameters);
    this.inspector.refresh();
  }

  /** Starts redrawing the links share by share (`drawSomeLinks`), from the weights of each frame. */
  startLinkPass() {
    this.diagram.startPass();
  }

  get drawingLinks() {
    return this.diagram.drawing;
  }

  /** Redraws about `budgetUs` microseconds' worth of links; refreshes the weight card when the pass ends. */
  drawSomeLinks(parameters, budgetUs) {
    if (this.diagram.drawSome(parameters, budgetUs)) this.inspector.refresh();
  }

  /** Device pixels per side a neuron's picture is shown at (0 until laid out). */
  get thumbnailShownSize() {
    return this.nodes.shownSize;
  }

  /**
   * Marks the hidden neurons the last trained batch dropped for one of its samples
   * (`dropout`: the core's lastDropout(), or null to mark none): for training point
   * `sample` (the one the inspector shows) when the batch holds it, else for the
   * batch's first sample. Their boxes get the class `dropped` and say so.
   */
  markDropped(dropout, sample = null) {
    // Without dropout nothing is marked: no box to visit, frame after frame.
    if (!dropout && !this.nodes.container.querySelector('.thumb.dropped')) return;
    const at = dropout ? Math.max(0, dropout.samples.indexOf(sample)) : 0;
    const which = dropout?.samples.includes(sample) ? `training point ${sample}` : 'the first sample';
    const { hidden } = this.config;
    hidden.forEach((count, layer) => {
      const masks = dropout?.layers[layer]?.masks ?? [];
      for (let neuron = 0; neuron < count; neuron++) {
        const box = this.nodes.thumbs[this.nodeOf(layer, neuron)];
        if (!box) continue;
        const dropped = masks[neuron]?.[at] === 0;
        const name = `neuron ${neuron + 1} of hidden layer ${layer + 1}`;
        box.classList.toggle('dropped', dropped);
        box.setAttribute('aria-label', dropped ? `${name}, dropped for ${which} of the last batch` : name);
      }
    });
  }

  paintThumbnails(bytes, size) {
    this.nodes.paint(bytes, size);
  }

  showTraining(training) {
    this.diagram.showTraining(training);
  }

  /** The node the big heatmap should show (null: the output). */
  get shownNode() {
    return this.inspector.shownNode;
  }

  /** Pins `node` (null: back to the output), as a tap on it would. */
  pin(node) {
    this.inspector.pinned = node;
    this.inspector.previewed = null;
    this.inspector.showNode();
  }

  /** Words for output neuron `neuron`: "the output", or "the output for class 2" (softmax). */
  describeOutput(neuron) {
    return outputCountOf(this.config) === 1 ? 'the output' : `the output for class ${neuron} (its probability)`;
  }

  /** Words for node `node`: "input x₁", "neuron 2 of hidden layer 1", "the output". */
  describeNode(node) {
    const { hidden } = this.config;
    const features = this.inputRows();
    if (node < features.length) return `input ${this.inputLabel(features[node])}`;
    let first = features.length;
    for (let layer = 0; layer < hidden.length; layer++) {
      if (node < first + hidden[layer]) return `neuron ${node - first + 1} of hidden layer ${layer + 1}`;
      first += hidden[layer];
    }
    return this.describeOutput(node - first);
  }

  /** Node `node` as { layer, neuron } (layer 0: the first hidden layer); null for an input. */
  neuronOf(node) {
    const { hidden } = this.config;
    const features = this.inputRows();
    if (node < features.length) return null;
    let first = features.length;
    for (let layer = 0; layer < hidden.length; layer++) {
      if (node < first + hidden[layer]) return { layer, neuron: node - first };
      first += hidden[layer];
    }
    return { layer: hidden.length, neuron: node - first };
  }

  /** The node index of neuron `neuron` of layer `layer` (layer 0: the first hidden layer). */
  nodeOf(layer, neuron) {
    const { hidden } = this.config;
    const features = this.inputRows();
    return features.length + hidden.slice(0, layer).reduce((sum, count) => sum + count, 0) + neuron;
  }

  /** Words for neuron `neuron` of layer `layer` (layer 0: the first hidden layer). */
  describeNeuron(layer, neuron) {
    if (layer !== this.config.hidden.length) return `Neuron ${neuron + 1} of hidden layer ${layer + 1}`;
    const words = this.describeOutput(neuron);
    return words[0].toUpperCase() + words.slice(1);
  }

  describeTarget(target) {
    const { hidden } = this.config;
    const features = this.inputRows();
    const neuron =
      target.layer === hidden.length
        ? this.describeOutput(target.neuron).replace(/ \(its probability\)$/, '')
        : `neuron ${target.neuron + 1} of hidden layer ${target.layer + 1}`;
    if (target.kind === 'bias') return `Bias of ${neuron}`;
    const from = target.layer === 0 ? this.inputLabel(features[target.input]) : `neuron ${target.input + 1} of hidden layer ${target.layer}`;
    return `Weight from ${from} to ${neuron}`;
  }
}
