// The form controls for the config (selects, sliders, number box, feature
// checkboxes): shows a config in them and reports each change a person makes as a
// partial config such as `{noise: 10}`. Knows nothing about the network itself.

import { DATASETS, FEATURES, tidyNumber } from './config.js';

/** Config key → element id and how to read the element's value. */
const FIELDS = [
  { key: 'problem', id: 'problem', read: String },
  { key: 'dataset', id: 'dataset', read: String },
  { key: 'noise', id: 'noise', read: Number, echo: 'noise-value' },
  { key: 'trainRatio', id: 'train-ratio', read: Number, echo: 'train-ratio-value' },
  { key: 'batchSize', id: 'batch-size', read: Number },
  { key: 'learningRate', id: 'learning-rate', read: Number },
  { key: 'activation', id: 'activation', read: String },
  { key: 'regularization', id: 'regularization', read: String },
  { key: 'regularizationRate', id: 'regularization-rate', read: Number },
  { key: 'loss', id: 'loss', read: String },
];

export class Controls {
  /**
   * @param {(id: string) => HTMLElement} find looks an element up by id inside this playground
   * @param {(partial: object) => void} onChange
   */
  constructor(find, onChange) {
    this.find = find;
    this.features = FEATURES.map(({ value }) => find(`feature-${value}`));
    for (const field of FIELDS) {
      const control = find(field.id);
      control.addEventListener('change', () => onChange({ [field.key]: field.read(control.value) }));
      if (field.echo) {
        // Sliders: show the number while dragging, apply when let go.
        control.addEventListener('input', () => { find(field.echo).textContent = control.value; });
      }
    }
    for (const box of this.features) {
      box.addEventListener('change', () => onChange({ features: this.checkedFeatures() }));
    }
  }

  checkedFeatures() {
    return this.features.filter((box) => box.checked).map((box) => box.value);
  }

  /** Puts every value of `config` into the controls. */
  show(config) {
    this.showDatasets(config.problem);
    for (const field of FIELDS) {
      const control = this.find(field.id);
      const text = String(tidyNumber(config[field.key]));
      if (control.tagName === 'SELECT') selectValue(control, text);
      else control.value = text;
      if (field.echo) this.find(field.echo).textContent = text;
    }
    for (const box of this.features) box.checked = config.features.includes(box.value);
    this.find('seed').textContent = String(config.seed);
    this.find('data-seed').textContent = String(config.dataSeed);
  }

  /** Offers the datasets of `problem` in #dataset. */
  showDatasets(problem) {
    const select = this.find('dataset');
    const choices = DATASETS[problem] ?? [];
    const current = [...select.options].map((option) => option.value).join();
    if (current === choices.map((choice) => choice.value).join()) return;
    select.replaceChildren(...choices.map(({ value, label }) => new Option(label, value)));
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
