// The neuron inspector (#inspector): every number of one neuron for one sample, as a
// first course writes them — inputs x_i, weights β_i, bias b, z = Σ β_i·x_i + b,
// a = f(z), then the backward pass ∂J/∂a, ∂J/∂z, ∂J/∂β_i and the update −α·∂J/∂β_i.
// For a cross-entropy output layer (sigmoid or softmax) the output neurons show their
// target t (one-hot for softmax) and ∂J/∂z = a − t, as the course derives it.
// Every number is the core's own (`inspectSample`, `parameters`, asked for through the
// `source` the playground gives), never recomputed here. Each shown number also carries its full value in `data-value`, for scripts.
// Below the table, the cost against one incoming weight (cost-plot.js).

import { CostPlot } from './cost-plot.js';

const DIGITS = 4;

/**
 * What a cross-entropy loss changes in the explanation of the output layer: the
 * activation the gradient goes through and how the sample's loss is written; null for
 * the other losses (∂J/∂z = ∂J/∂a · f′(z) there).
 */
export function crossEntropyOf(loss) {
  if (loss === 'softmaxCrossEntropy') return { through: 'softmax', lossLabel: 'loss −ln p(true class)' };
  if (loss === 'binaryCrossEntropy') return { through: 'sigmoid', lossLabel: 'loss −[t·ln a + (1−t)·ln(1−a)]' };
  return null;
}

/** The label of ∂J/∂z for a neuron of the output layer (`cross`: crossEntropyOf) or any other. */
export function dJdzLabel(cross, activation) {
  return cross ? `∂J/∂z = a − t (cross-entropy through ${cross.through})` : `∂J/∂z = ∂J/∂a · ${activation}′(z)`;
}

export class NeuronInspector {
  /**
   * @param {(id: string) => HTMLElement} find
   * @param {{neuron: (layer: number, neuron: number, index: number, set: string) => object|null,
   *          setSize: (set: string) => number,
   *          costAlong: (layer: number, neuron: number, input: number, range: Function, steps: number) => object,
   *          describe: (layer: number, neuron: number) => string}} source the core's numbers, and words for a neuron
   */
  constructor(find, source) {
    this.source = source;
    this.panel = find('inspector');
    this.title = find('inspector-title');
    this.table = find('inspector-table');
    this.summary = find('inspector-summary');
    this.sampleInput = find('inspector-sample');
    this.setSelect = find('inspector-set');
    this.weightSelect = find('cost-weight');
    this.plot = new CostPlot(find('cost-plot'));
    this.neuron = null; // { layer, neuron } being inspected
    find('inspector-close').addEventListener('click', () => this.close());
    for (const control of [this.sampleInput, this.setSelect, this.weightSelect]) {
      control.addEventListener('change', () => this.refresh());
    }
  }

  /** The theme's colours for the cost plot. */
  setInk(ink) {
    this.plot.ink = ink;
  }

  /** Opens the panel on neuron `neuron` of layer `layer` (layer 0: the first hidden layer). */
  open(layer, neuron) {
    this.neuron = { layer, neuron };
    this.weightSelect.dataset.for = '';
    this.plot.range = null;
    this.panel.hidden = false;
    this.refresh();
  }

  close() {
    this.neuron = null;
    this.panel.hidden = true;
  }

  /** The chosen sample: index clamped to the set's size. */
  sample() {
    const set = this.setSelect.value === 'test' ? 'test' : 'train';
    const count = this.source.setSize(set);
    const index = Math.min(Math.max(0, Math.trunc(Number(this.sampleInput.value) || 0)), Math.max(0, count - 1));
    this.sampleInput.max = String(Math.max(0, count - 1));
    if (String(index) !== this.sampleInput.value) this.sampleInput.value = String(index);
    return { set, index };
  }

  /** Reads the numbers from the core and shows them (after every drawn frame). */
  refresh() {
    if (!this.neuron) return;
    const { layer, neuron } = this.neuron;
    const { set, index } = this.sample();
    const numbers = this.source.neuron(layer, neuron, index, set);
    if (!numbers) {
      this.close();
      return;
    }
    this.show({ ...numbers, cross: numbers.output ? crossEntropyOf(numbers.loss) : null });
    const input = this.chosenWeight(numbers.inputs.length);
    this.plot.show((range, steps) => this.source.costAlong(layer, neuron, input, range, steps));
  }

  /** Keeps the weight choice list in step with the neuron; returns the chosen input. */
  chosenWeight(count) {
    const select = this.weightSelect;
    const key = `${this.neuron.layer}:${this.neuron.neuron}:${count}`;
    if (select.dataset.for !== key) {
      select.replaceChildren(...Array.from({ length: count }, (_, i) => new Option(`β${subscript(i + 1)}`, String(i))));
      select.dataset.for = key;
    }
    return Number(select.value) || 0;
  }

  show({ sample, here, inputs, weights, bias, output, cross }) {
    const { layer, neuron } = this.neuron;
    this.title.textContent = this.source.describe(layer, neuron);
    const rows = inputs.map((x, i) => row(`x${subscript(i + 1)}`, [
      ['x', x], ['weight', weights[i]], ['dJdw', here.dJdw[neuron][i]], ['update', here.update[neuron][i]],
    ], i));
    rows.push(row('bias', [['x', 1], ['bias', bias], ['dJdb', here.dJdb[neuron]], ['biasUpdate', here.biasUpdate[neuron]]]));
    this.table.replaceChildren(...rows);
    const name = here.activation;
    const outputs = sample.outputs ?? [sample.output];
    const lines = [
      line('z = Σ β·x + b', 'z', here.z[neuron]),
      line(`a = ${name}(z)`, 'a', here.a[neuron], name),
      line(cross ? '∂J/∂a (for reference)' : '∂J/∂a', 'dJda', here.dJda[neuron]),
      line(output ? dJdzLabel(cross, name) : `∂J/∂z = ∂J/∂a · ${name}′(z)`, 'dJdz', here.dJdz[neuron]),
    ];
    if (output && outputs.length > 1) {
      lines.push(
        line(`output of this neuron (p of class ${neuron})`, 'output', outputs[neuron]),
        line(`target t (one-hot, true class ${trueClass(sample)})`, 'targetT', sample.targets[neuron]),
      );
    } else if (output && cross) {
      lines.push(line('network output', 'output', outputs[0]), line('target t', 'targetT', sample.targets[0]));
    } else if (outputs.length > 1) {
      lines.push(line(`network output for the true class (p of class ${trueClass(sample)})`, 'output', outputs[trueClass(sample)]));
    } else {
      lines.push(line('network output', 'output', sample.output));
    }
    lines.push(
      line(outputs.length > 1 || cross ? classWords(sample) : 'target', 'target', sample.target),
      line(cross ? cross.lossLabel : 'loss of this sample', 'loss', sample.loss),
      line('learning rate α', 'learningRate', sample.learningRate),
    );
    this.summary.replaceChildren(...lines);
  }
}

/** The index of the sample's true class (one-hot targets for softmax; ±1 → 0 / 1 otherwise). */
export function trueClass(sample) {
  const hot = sample.targets ? Array.from(sample.targets).indexOf(1) : -1;
  if (hot >= 0 && sample.targets.length > 1) return hot;
  return sample.target < 0 ? 0 : Math.round(sample.target);
}

/** How the label is named: "true class" (a class index), or the ±1 label of two classes. */
export function classWords(sample) {
  const two = (sample.targets?.length ?? 1) <= 2 && Math.abs(sample.target) === 1;
  return two ? 'label y (−1: class 0, +1: class 1)' : 'true class';
}

function format(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(DIGITS))) : String(value);
}

function cell(quantity, value, input) {
  const td = document.createElement('td');
  const out = document.createElement('output');
  out.dataset.quantity = quantity;
  if (input !== undefined) out.dataset.input = String(input);
  out.dataset.value = String(value);
  out.textContent = format(value);
  td.append(out);
  return td;
}

function row(label, cells, input) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  tr.append(th, ...cells.map(([quantity, value]) => cell(quantity, value, input)));
  return tr;
}

export function line(label, quantity, value, activation) {
  const div = document.createElement('div');
  const name = document.createElement('span');
  name.textContent = `${label} = `;
  const out = cell(quantity, value).firstChild;
  if (activation) out.dataset.activation = activation;
  div.append(name, out);
  return div;
}

function subscript(number) {
  return String(number).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
}
