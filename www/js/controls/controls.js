// The form controls for the config (selects, sliders, the batch-size slider and box)
// and the view controls (speed, show test data, discretize, colour-blind colours): shows a
// config and a view in them, and reports each change a person makes as a partial
// config such as `{noise: 10}` or a partial view such as `{discretize: true}`.

import { tidyNumber, LOSS_LABELS } from '../state/config.js';

/** Config key → element id and how to read the element's value. */
const FIELDS = [
  { key: 'problem', id: 'problem', read: String },
  { key: 'classes', id: 'classes', read: Number },
  { key: 'noise', id: 'noise', read: Number, echo: 'noise-value' },
  { key: 'trainRatio', id: 'train-ratio', read: Number, echo: 'train-ratio-value' },
  { key: 'batchSize', id: 'batch-size', read: Number },
  { key: 'learningRate', id: 'learning-rate', read: Number },
  // The global activation is for the whole network: it also clears the per-layer choices.
  { key: 'activation', id: 'activation', read: String, also: { layerActivations: [] } },
  { key: 'regularization', id: 'regularization', read: String },
  { key: 'regularizationRate', id: 'regularization-rate', read: Number },
  { key: 'loss', id: 'loss', read: String },
  { key: 'initialization', id: 'initialization', read: String },
  { key: 'schedule', id: 'schedule', read: String },
  { key: 'decayRate', id: 'decay-rate', read: Number },
  { key: 'decayEpochs', id: 'decay-epochs', read: Number },
  { key: 'stopAfter', id: 'stop-after', read: Number },
  { key: 'optimizer', id: 'optimizer', read: String },
  { key: 'momentum', id: 'momentum', read: Number },
  { key: 'rmsDecay', id: 'rms-decay', read: Number },
  { key: 'beta1', id: 'beta1', read: Number },
  { key: 'beta2', id: 'beta2', read: Number },
  { key: 'epsilon', id: 'epsilon', read: Number },
];

/** Optimizer settings: element id → the optimizers that use it. */
const OPTIMIZER_SETTINGS = ['momentum', 'rms-decay', 'beta1', 'beta2', 'epsilon'];

/** View option → control id, how the control maps to the option and back. */
const VIEW_CONTROLS = [
  {
    key: 'epochsPerFrame', id: 'epochs-per-frame',
    read: (select) => Number(select.value), show: (select, value) => selectValue(select, String(value)),
  },
  { key: 'showTestData', id: 'show-test-data', read: (box) => box.checked, show: (box, value) => { box.checked = value; } },
  { key: 'gradientLinks', id: 'gradient-links', read: (box) => box.checked, show: (box, value) => { box.checked = value; } },
  { key: 'discretize', id: 'discretize', read: (box) => box.checked, show: (box, value) => { box.checked = value; } },
  {
    key: 'palette', id: 'palette',
    read: (box) => (box.checked ? 'colorblind' : 'default'), show: (box, value) => { box.checked = value === 'colorblind'; },
  },
];

export class Controls {
  /**
   * @param {(id: string) => HTMLElement} find looks an element up by id inside this playground
   * @param {{config: (partial: object) => void, view: (partial: object) => void}} onChange
   */
  constructor(find, onChange) {
    this.find = find;
    for (const field of FIELDS) {
      const control = find(field.id);
      control.addEventListener('change', () => onChange.config({ [field.key]: field.read(control.value), ...field.also }));
      if (field.echo) {
        // Sliders: show the number while dragging, apply when let go.
        control.addEventListener('input', () => { find(field.echo).textContent = control.value; });
      }
    }
    // The slider covers the usual 1–30; the box beside it takes up to 500.
    const slider = find('batch-size-slider');
    slider.addEventListener('input', () => { find('batch-size').value = slider.value; });
    slider.addEventListener('change', () => onChange.config({ batchSize: Number(slider.value) }));
    for (const control of VIEW_CONTROLS) {
      const element = find(control.id);
      element.addEventListener('change', () => onChange.view({ [control.key]: control.read(element) }));
    }
  }

  /**
   * Puts every value of `config` into the controls; `losses` (the core's lossesFor for
   * the config's problem and classes) are the losses the loss select offers.
   */
  show(config, losses) {
    if (losses) this.offerLosses(losses);
    // The classes only matter to classification.
    this.find('classes').closest('.classes-setting').classList.toggle('not-used', config.problem !== 'classification');
    for (const field of FIELDS) {
      if (!(field.key in config)) continue;
      const control = this.find(field.id);
      const text = String(tidyNumber(config[field.key]));
      if (control.tagName === 'SELECT') selectValue(control, text);
      else control.value = text;
      if (field.echo) this.find(field.echo).textContent = text;
    }
    for (const id of OPTIMIZER_SETTINGS) {
      // Only the current optimizer's settings are shown.
      const field = this.find(id).closest('.optimizer-setting');
      field.classList.toggle('not-used', !field.dataset.for.split(' ').includes(config.optimizer));
    }
    for (const id of ['decay-rate', 'decay-epochs']) {
      // The decay settings only matter to a decaying schedule.
      this.find(id).closest('.schedule-setting').classList.toggle('not-used', config.schedule === 'constant');
    }
    this.showMixedActivations(config);
    this.find('batch-size-slider').value = String(Math.min(30, config.batchSize));
    this.find('seed').textContent = String(config.seed);
    this.find('data-seed').textContent = String(config.dataSeed);
  }

  /**
   * The global activation names the hidden layers without their own choice: when some
   * layer uses another one, a note under it says so.
   */
  showMixedActivations({ activation, hidden = [], layerActivations = [] }) {
    const layers = hidden.map((_, layer) => layerActivations[layer] ?? activation);
    const mixed = layers.some((name) => name !== activation);
    this.find('activation-mixed').hidden = !mixed;
    this.find('activation').title = mixed
      ? `The hidden layers use ${layers.join(', ')}; picking one here sets every layer`
      : 'The activation of every hidden layer';
  }

  /** Offers exactly the losses `names` in the loss select (in that order). */
  offerLosses(names) {
    const select = this.find('loss');
    const now = [...select.options].map((option) => option.value);
    if (now.length === names.length && now.every((name, i) => name === names[i])) return;
    select.replaceChildren(...names.map((name) => new Option(LOSS_LABELS[name] ?? name, name)));
  }

  /** Puts the view options into their controls (the speed, the checkboxes). */
  showView(view) {
    for (const control of VIEW_CONTROLS) control.show(this.find(control.id), view[control.key]);
  }
}

/** Selects `text` in `select`, adding an option for a value off the usual ladder. */
function selectValue(select, text) {
  const matching = [...select.options].find((option) => sameChoice(option.value, text));
  if (matching) {
    select.value = matching.value;
    return;
  }
  for (const option of [...select.options]) if (option.dataset.extra) option.remove();
  const extra = new Option(text, text);
  extra.dataset.extra = 'true';
  const number = Number(text);
  const after = [...select.options].find((option) => Number(option.value) > number);
  select.add(extra, Number.isFinite(number) ? after ?? null : null);
  select.value = text;
}

function sameChoice(optionValue, text) {
  if (optionValue === text) return true;
  const a = Number(optionValue);
  const b = Number(text);
  return optionValue !== '' && Number.isFinite(a) && Number.isFinite(b) && a === b;
}
