// Step-through (#step-through-panel): one training sample walked through the network
// stage by stage, as a first course does it on the board — forward through each layer
// (z and a per neuron), the output and its loss, then backward from the output layer
// down to the first (∂J/∂a, ∂J/∂z per neuron), then the update: the chosen optimizer's
// next step of every weight and bias, its rule written out with its memories
// (optimizer-step.js). The layer of the stage is outlined on the diagram. Every number
// is the core's own (`inspectSample`); "Apply" makes the core take that one step
// (`stepOnSample`), so each parameter moves by exactly the Δ shown. Each number carries its full
// value in `data-value`, as in the neuron inspector. ← and → move between the stages
// while the focus is inside this playground (never for the rest of the page). Opening
// puts the focus on the panel's title (its changes are announced); Escape or × closes
// it and gives the focus back to the Step-through button. A button that stops applying
// (Next at the last stage) hands its focus on rather than dropping it.

import { line, dropoutLines, crossEntropyOf, dJdzLabel, classWords, format, showValue } from './neuron-inspector.js';
import { optimizerWords, stepParts, stepLine } from './optimizer-step.js';

export class StepThrough {
  /**
   * @param {(id: string) => HTMLElement} find
   * @param {{ sample: (index: number) => object, setSize: () => number, apply: (index: number) => void,
   *           pause: () => void, firstNode: (layer: number) => number,
   *           describeLayer: (layer: number) => string }} page the core's numbers for a training
   *   sample (with `lossName`), the number of training samples, the sample's step, and the diagram
   */
  constructor(find, page) {
    this.page = page;
    this.panel = find('step-through-panel');
    this.title = find('step-title');
    this.numbers = find('step-numbers');
    this.sampleInput = find('step-sample');
    this.previous = find('step-previous');
    this.next = find('step-next');
    this.apply = find('step-apply');
    this.diagram = find('network-nodes');
    this.opener = find('step-through');
    this.stage = 0;
    this.opener.addEventListener('click', () => this.open());
    find('step-close').addEventListener('click', () => this.close({ refocus: true }));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close({ refocus: true });
    });
    this.previous.addEventListener('click', () => this.move(-1));
    this.next.addEventListener('click', () => this.move(1));
    this.apply.addEventListener('click', () => this.applyUpdate());
    this.sampleInput.addEventListener('change', () => this.refresh());
    this.panel.getRootNode().addEventListener('keydown', (event) => {
      if (this.panel.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest?.('input, select, textarea')) return;
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        this.move(event.key === 'ArrowRight' ? 1 : -1);
      }
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  /** Pauses training and shows the first stage, with the focus on its title. */
  open() {
    this.page.pause();
    this.stage = 0;
    this.panel.hidden = false;
    this.refresh();
    this.title.focus();
  }

  /** Hides the panel; `refocus`: the focus goes back to the Step-through button (Escape, ×). */
  close({ refocus = false } = {}) {
    const wasOpen = this.isOpen;
    this.panel.hidden = true;
    this.highlight(null);
    if (refocus && wasOpen) this.opener.focus();
  }

  move(by) {
    if (!this.sample) return;
    this.stage = Math.min(Math.max(0, this.stage + by), this.stageCount() - 1);
    this.keepingFocus(() => this.show());
  }

  /** Runs `change`; if it disabled or hid the focused button, the focus moves to the next one that applies. */
  keepingFocus(change) {
    const focused = this.panel.getRootNode().activeElement;
    change();
    if (!focused || !this.panel.contains(focused) || !(focused.disabled || focused.hidden)) return;
    const usable = [this.next, this.apply, this.previous].find((button) => !button.disabled && !button.hidden);
    (usable ?? this.title).focus();
  }

  /** Forward through each layer, backward through each layer, then the update. */
  stageCount() {
    return 2 * this.sample.layers.length + 1;
  }

  index() {
    const count = this.page.setSize();
    const index = Math.min(Math.max(0, Math.trunc(Number(this.sampleInput.value) || 0)), Math.max(0, count - 1));
    this.sampleInput.max = String(Math.max(0, count - 1));
    if (String(index) !== this.sampleInput.value) this.sampleInput.value = String(index);
    return index;
  }

  /** Reads the sample's numbers from the core again (after any change) and shows the stage. */
  refresh() {
    if (!this.isOpen) return;
    this.sample = this.page.sample(this.index());
    this.cross = crossEntropyOf(this.sample.lossName);
    this.stage = Math.min(this.stage, this.stageCount() - 1);
    this.show();
  }

  /** One optimizer step on this sample alone; the page redraws, the walk starts again. */
  applyUpdate() {
    if (!this.sample) return;
    const index = Number(this.sampleInput.value);
    this.page.apply(index);
    this.stage = 0;
    this.keepingFocus(() => this.refresh());
  }

  show() {
    const { sample, stage } = this;
    const count = sample.layers.length;
    const forward = stage < count;
    const layer = forward ? stage : stage < 2 * count ? 2 * count - 1 - stage : null;
    const kind = forward ? 'forward' : layer !== null ? 'backward' : 'apply';
    this.panel.dataset.stage = String(stage);
    this.panel.dataset.kind = kind;
    this.panel.dataset.layer = layer === null ? '' : String(layer);
    this.previous.disabled = stage === 0;
    this.next.disabled = stage === this.stageCount() - 1;
    this.apply.hidden = kind !== 'apply';
    const step = `Step ${stage + 1} of ${this.stageCount()}: `;
    const rows = [];
    if (kind === 'apply') {
      const settings = sample.optimizer;
      const words = optimizerWords(settings, sample.optimizerStep, format);
      this.title.textContent = `${step}apply the update β ← β + Δβ, ${words}`;
      const parts = stepParts(settings.optimizer, 'β');
      const biasParts = stepParts(settings.optimizer, 'b');
      sample.layers.forEach((here, l) => {
        rows.push(heading(this.page.describeLayer(l)));
        here.weightSteps.forEach((steps, neuron) => {
          steps.forEach((parameter, input) =>
            rows.push(tag(stepLine(`neuron ${neuron + 1}, input ${input + 1}`, parts, parameter, 'update', showValue), l, neuron, input)),
          );
          rows.push(tag(stepLine(`neuron ${neuron + 1}, bias`, biasParts, here.biasSteps[neuron], 'biasUpdate', showValue), l, neuron));
        });
      });
    } else {
      const here = sample.layers[layer];
      const what = forward ? `forward through ${this.page.describeLayer(layer)}` : `backward through ${this.page.describeLayer(layer)}`;
      this.title.textContent = step + what;
      const last = layer === count - 1;
      const cross = last ? this.cross : null;
      const targets = last && (cross || here.z.length > 1) ? sample.targets : null;
      here.z.forEach((_, neuron) => {
        const pairs = forward
          ? [
              ['z', here.z],
              ['a', here.a],
            ]
          : [
              ['dJda', here.dJda],
              ['dJdz', here.dJdz],
            ];
        if (forward && targets) pairs.push(['targetT', targets]);
        const label = {
          z: 'z',
          a: `a = ${here.activation}(z)`,
          targetT: 'target t',
          dJda: cross ? '∂J/∂a (for reference)' : '∂J/∂a',
          dJdz: cross ? dJdzLabel(cross) : '∂J/∂z',
        };
        for (const [quantity, values] of pairs) {
          rows.push(tag(line(`neuron ${neuron + 1}: ${label[quantity]}`, quantity, values[neuron]), layer, neuron));
        }
        if (forward) for (const div of dropoutLines(here, neuron, `neuron ${neuron + 1}: `)) rows.push(tag(div, layer, neuron));
      });
      if (forward && last) {
        rows.push(
          line(targets ? classWords(sample) : 'target', 'target', sample.target),
          line(cross ? cross.lossLabel : 'loss of this sample', 'loss', sample.loss),
        );
      }
    }
    this.numbers.replaceChildren(...rows);
    this.highlight(layer);
  }

  /** Outlines the neurons of `layer` on the diagram (null: none). */
  highlight(layer) {
    for (const old of this.diagram.querySelectorAll('.step-highlight')) old.classList.remove('step-highlight');
    if (layer === null || !this.sample) return;
    const first = this.page.firstNode(layer);
    for (let neuron = 0; neuron < this.sample.layers[layer].z.length; neuron++) {
      this.diagram.querySelector(`[data-node="${first + neuron}"]`)?.classList.add('step-highlight');
    }
  }
}

function heading(text) {
  const h = document.createElement('h4');
  h.textContent = text;
  return h;
}

function tag(element, layer, neuron, input) {
  for (const out of element.querySelectorAll('output')) {
    out.dataset.layer = String(layer);
    out.dataset.neuron = String(neuron);
    if (input !== undefined) out.dataset.input = String(input);
  }
  return element;
}
