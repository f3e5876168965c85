// The form controls of the settings and view options (every `[data-setting]` element
// that fields.js built from the schema): shows a config and a view in them, and
// reports each change a person makes as a partial config such as `{noise: 10}` or a
// partial view such as `{discretize: true}`. A control with `data-used-when="optimizer=
// adam,rmsprop"` on its field is shown only while that setting has one of those values;
// an input with `data-mirror="batchSize"` (the batch-size slider) shows a setting's
// value within its own range and sets it when moved.

import { tidyNumber } from '../state/config.js';

/** Hidden layers' activations follow the global one when it is picked: it clears the per-layer choices. */
const ALSO = { activation: { layerActivations: [] } };

export class Controls {
  /**
   * @param {ShadowRoot|HTMLElement} root holds the controls
   * @param {import('../state/schema.js').Schema} schema
   * @param {{config: (partial: object) => void, view: (partial: object) => void}} onChange
   */
  constructor(root, schema, onChange) {
    Object.assign(this, { root, schema });
    this.inputs = [...root.querySelectorAll('[data-setting]')];
    this.mirrors = [...root.querySelectorAll('[data-mirror]')];
    this.conditional = [...root.querySelectorAll('[data-used-when]')].map((field) => {
      const [key, values] = field.dataset.usedWhen.split('=');
      return { field, key, values: values.split(',') };
    });
    for (const input of this.inputs) {
      const key = input.dataset.setting;
      const scope = schema.isViewKey(key) ? 'view' : 'config';
      input.addEventListener('change', () => onChange[scope]({ [key]: this.read(input), ...ALSO[key] }));
      const echo = root.getElementById(`${input.id}-value`);
      // Sliders: show the number while dragging, apply when let go.
      if (echo)
        input.addEventListener('input', () => {
          echo.textContent = input.value;
        });
    }
    for (const mirror of this.mirrors) {
      const target = this.inputs.find((input) => input.dataset.setting === mirror.dataset.mirror);
      mirror.addEventListener('input', () => {
        target.value = mirror.value;
      });
      mirror.addEventListener('change', () => onChange.config({ [mirror.dataset.mirror]: Number(mirror.value) }));
    }
  }

  /** The value a control holds, as its setting's kind has it. */
  read(input) {
    const row = this.schema.row(input.dataset.setting);
    if (input.type === 'checkbox') return input.dataset.on ? (input.checked ? input.dataset.on : row.default) : input.checked;
    return row.kind === 'number' ? Number(input.value) : input.value;
  }

  /**
   * Puts every value of `config` into the controls; `losses` (the core's lossesFor for
   * the config's problem and classes) are the losses the loss select offers.
   */
  show(config, losses) {
    if (losses) this.offerLosses(losses);
    this.showValues(config);
    for (const { field, key, values } of this.conditional) field.classList.toggle('not-used', !values.includes(String(config[key])));
    for (const mirror of this.mirrors) mirror.value = String(Math.min(Number(mirror.max), config[mirror.dataset.mirror]));
    this.showMixedActivations(config);
    this.root.getElementById('seed').textContent = String(config.seed);
    this.root.getElementById('data-seed').textContent = String(config.dataSeed);
  }

  /** Puts the view options into their controls (the speed, the checkboxes). */
  showView(view) {
    this.showValues(view);
  }

  /** Shows the value of each key of `values` that has a control. */
  showValues(values) {
    for (const input of this.inputs) {
      const key = input.dataset.setting;
      if (!(key in values)) continue;
      const value = values[key];
      if (input.type === 'checkbox') {
        input.checked = input.dataset.on ? value === input.dataset.on : value;
        continue;
      }
      const text = String(tidyNumber(value));
      if (input.tagName === 'SELECT') selectValue(input, text);
      else input.value = text;
      const echo = this.root.getElementById(`${input.id}-value`);
      if (echo) echo.textContent = text;
    }
  }

  /**
   * The global activation names the hidden layers without their own choice: when some
   * layer uses another one, a note under it says so.
   */
  showMixedActivations({ activation, hidden = [], layerActivations = [] }) {
    const layers = hidden.map((_, layer) => layerActivations[layer] ?? activation);
    const mixed = layers.some((name) => name !== activation);
    this.root.getElementById('activation-mixed').hidden = !mixed;
    this.root.getElementById('activation').title = mixed
      ? `The hidden layers use ${layers.join(', ')}; picking one here sets every layer`
      : 'The activation of every hidden layer';
  }

  /** Offers exactly the losses `names` in the loss select (in that order). */
  offerLosses(names) {
    const select = this.root.getElementById('loss');
    const now = [...select.options].map((option) => option.value);
    if (now.length === names.length && now.every((name, i) => name === names[i])) return;
    select.replaceChildren(...names.map((name) => new Option(this.schema.label('loss', name), name)));
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
  select.add(extra, Number.isFinite(number) ? (after ?? null) : null);
  select.value = text;
}

function sameChoice(optionValue, text) {
  if (optionValue === text) return true;
  const a = Number(optionValue);
  const b = Number(text);
  return optionValue !== '' && Number.isFinite(a) && Number.isFinite(b) && a === b;
}
