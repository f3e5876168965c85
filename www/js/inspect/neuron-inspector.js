// The neuron inspector (#inspector): every number of one neuron for one sample, as a
// first course writes them — inputs x_i, weights β_i, bias b, z = Σ β_i·x_i + b,
// a = f(z), then the backward pass ∂J/∂a, ∂J/∂z, ∂J/∂β_i and the update Δβ_i the chosen
// optimizer's next step makes (−α·∂J/∂β_i with SGD; with momentum, Nesterov, RMSProp or
// Adam one line per parameter writes out the rule with its memories, optimizer-step.js).
// For a cross-entropy output layer (sigmoid or softmax) the output neurons show their
// target t (one-hot for softmax) and ∂J/∂z = a − t, as the course derives it.
// Every number is the core's own (`inspectSample`, `parameters`, asked for through the
// `source` the playground gives), never recomputed here. Each shown number also carries its full value in `data-value`, for scripts.
// Below the table, the cost against one incoming weight (cost-plot.js).
// Each incoming weight β_i and the bias b is also a number box (labelled "Weight from x₁
// to neuron 2 of hidden layer 1"), applied on Enter or change through `source.write` —
// the path the diagram's weight box takes — so every parameter can be edited from the
// keyboard. The table is built once per neuron and updated in place, so a box keeps
// the focus and what is being typed while the numbers change. Escape (or ×) closes the
// panel and gives the focus back to what opened it.

import { CostPlot } from './cost-plot.js';
import { optimizerWords, stepParts, stepLine } from './optimizer-step.js';

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
   *          describe: (layer: number, neuron: number) => string,
   *          describeParameter: (target: object) => string,
   *          write: (target: object, value: number) => void}} source the core's numbers, words for a
   *   neuron and for a weight or bias (a diagram target), and the setter of a weight or bias
   */
  constructor(find, source) {
    this.source = source;
    this.panel = find('inspector');
    this.title = find('inspector-title');
    this.table = find('inspector-table');
    this.updateHeading = this.table.parentElement.tHead.rows[0].cells[4];
    this.summary = find('inspector-summary');
    this.sampleInput = find('inspector-sample');
    this.setSelect = find('inspector-set');
    this.weightSelect = find('cost-weight');
    this.plot = new CostPlot(find('cost-plot'));
    this.neuron = null; // { layer, neuron } being inspected
    this.tableKey = ''; // the neuron and input count the table's rows were built for
    this.opener = null; // the element to give the focus back to on closing
    find('inspector-close').addEventListener('click', () => this.close({ refocus: true }));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close({ refocus: true });
    });
    for (const control of [this.sampleInput, this.setSelect, this.weightSelect]) {
      control.addEventListener('change', () => this.refresh());
    }
  }

  /** The theme's colours for the cost plot. */
  setInk(ink) {
    this.plot.ink = ink;
  }

  /**
   * Opens the panel on neuron `neuron` of layer `layer` (layer 0: the first hidden layer).
   * `opener` gets the focus back on closing; `focus` moves the focus to the panel's title
   * (opened from the keyboard: Tab goes on to its sample and its weights).
   */
  open(layer, neuron, { opener = null, focus = false } = {}) {
    this.neuron = { layer, neuron };
    this.opener = opener;
    this.weightSelect.dataset.for = '';
    this.plot.range = null;
    this.panel.hidden = false;
    this.refresh();
    if (focus && this.neuron) this.title.focus();
  }

  /** Hides the panel; `refocus`: gives the focus back to what opened it (Escape, ×). */
  close({ refocus = false } = {}) {
    const { opener } = this;
    this.neuron = null;
    this.opener = null;
    this.tableKey = '';
    this.panel.hidden = true;
    if (refocus && opener?.isConnected) opener.focus();
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

  /** Builds one row per incoming weight and one for the bias, each with its number box. */
  buildTable(count) {
    const { layer, neuron } = this.neuron;
    const rows = Array.from({ length: count }, (_, input) =>
      row(`x${subscript(input + 1)}`, ['x', 'weight', 'dJdw', 'update'], this.parameterBox({ kind: 'weight', layer, neuron, input }), input),
    );
    rows.push(row('bias', ['x', 'bias', 'dJdb', 'biasUpdate'], this.parameterBox({ kind: 'bias', layer, neuron })));
    this.table.replaceChildren(...rows);
  }

  /** A number box that sets the weight or bias `target` on Enter or change. */
  parameterBox(target) {
    const box = document.createElement('input');
    box.type = 'number';
    box.step = 'any';
    box.className = 'parameter-input';
    box.dataset.parameter = target.kind;
    if (target.kind === 'weight') box.dataset.input = String(target.input);
    box.setAttribute('aria-label', this.source.describeParameter(target));
    const apply = () => {
      const text = box.value.trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value) || text === box.dataset.applied) return;
      box.dataset.applied = text;
      this.source.write(target, value);
    };
    box.addEventListener('change', apply);
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      apply();
    });
    return box;
  }

  show({ sample, here, inputs, weights, bias, output, cross }) {
    const { layer, neuron } = this.neuron;
    this.title.textContent = this.source.describe(layer, neuron);
    const key = `${layer}:${neuron}:${inputs.length}`;
    if (key !== this.tableKey) {
      this.buildTable(inputs.length);
      this.tableKey = key;
    }
    const values = inputs.map((x, i) => ({ x, weight: weights[i], dJdw: here.dJdw[neuron][i], update: here.update[neuron][i] }));
    values.push({ x: 1, bias, dJdb: here.dJdb[neuron], biasUpdate: here.biasUpdate[neuron] });
    [...this.table.rows].forEach((tr, r) => showRow(tr, values[r]));
    const name = here.activation;
    const outputs = sample.outputs ?? [sample.output];
    const lines = [
      line('z = Σ β·x + b', 'z', here.z[neuron]),
      line(`a = ${name}(z)`, 'a', here.a[neuron], name),
      line(cross ? '∂J/∂a (for reference)' : '∂J/∂a', 'dJda', here.dJda[neuron]),
      line(output ? dJdzLabel(cross, name) : `∂J/∂z = ∂J/∂a · ${name}′(z)`, 'dJdz', here.dJdz[neuron]),
      ...dropoutLines(here, neuron),
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
      ...this.optimizerLines(sample, here, inputs.length),
    );
    this.summary.replaceChildren(...lines);
  }

  /** The optimizer's step of each incoming weight and the bias, written out (nothing more for SGD). */
  optimizerLines(sample, here, count) {
    const settings = sample.optimizer;
    const sgd = settings.optimizer === 'sgd';
    this.updateHeading.textContent = sgd ? '−α·∂J/∂β' : 'Δβ';
    const title = document.createElement('div');
    title.textContent = `update: ${optimizerWords(settings, sample.optimizerStep, format)}`;
    if (sgd) return [title];
    const { neuron } = this.neuron;
    const lines = Array.from({ length: count }, (_, i) => {
      const symbol = `β${subscript(i + 1)}`;
      const div = stepLine(symbol, stepParts(settings.optimizer, symbol), here.weightSteps[neuron][i], 'stepDelta', showValue);
      for (const out of div.querySelectorAll('output')) out.dataset.input = String(i);
      return div;
    });
    lines.push(stepLine('b', stepParts(settings.optimizer, 'b'), here.biasSteps[neuron], 'stepDelta', showValue));
    return [title, ...lines];
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

/** `value` to DIGITS significant digits, as the panels show numbers. */
export function format(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(DIGITS))) : String(value);
}

/** Puts `value` into an `output[data-quantity]`: rounded as text, in full in `data-value`. */
export function showValue(out, value) {
  out.dataset.value = String(value);
  out.textContent = format(value);
}

function cell(quantity, value, input) {
  const td = document.createElement('td');
  const out = document.createElement('output');
  out.dataset.quantity = quantity;
  if (input !== undefined) out.dataset.input = String(input);
  showValue(out, value);
  td.append(out);
  return td;
}

/**
 * A table row of `quantities` (values filled by showRow); the second one (the weight or
 * the bias) is shown by the number box `box`, its output kept hidden for scripts.
 */
function row(label, quantities, box, input) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  const cells = quantities.map((quantity) => cell(quantity, NaN, input));
  cells[1].firstChild.hidden = true;
  cells[1].prepend(box);
  tr.append(th, ...cells);
  return tr;
}

/** Shows `values` (by quantity) in a row; a number box being edited (focused) is left alone. */
function showRow(tr, values) {
  for (const out of tr.querySelectorAll('output[data-quantity]')) showValue(out, values[out.dataset.quantity]);
  const box = tr.querySelector('input.parameter-input');
  const value = values[box.dataset.parameter];
  if (box.getRootNode().activeElement === box) return;
  box.value = format(value);
  box.dataset.applied = box.value;
}

/**
 * The dropout of a hidden neuron for the sample in view, when its layer has a rate:
 * the mask m it had in the last trained batch (0: dropped, 1/(1 − p): kept, scaled),
 * or why there is none. The numbers shown above are evaluation's, which drops nothing.
 */
export function dropoutLines(here, neuron, prefix = '') {
  if (!(here.dropoutRate > 0)) return [];
  const p = format(here.dropoutRate);
  const scale = format(here.dropoutKeptScale);
  const mask = here.dropoutMask[neuron];
  if (mask === undefined) {
    const div = document.createElement('div');
    div.className = 'dropout-line';
    div.textContent = `${prefix}dropout p = ${p}: this sample was not in the last trained batch`;
    return [div];
  }
  const words = mask === 0 ? 'dropped' : `kept, ×1/(1 − p) = ${scale}`;
  const div = line(`${prefix}dropout mask m in the last batch (p = ${p}; ${words})`, 'dropoutMask', mask);
  div.className = 'dropout-line';
  div.dataset.dropped = String(mask === 0);
  return [div];
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
