// The +/− buttons that shape the hidden layers: #add-layer / #remove-layer for the
// number of layers, and a `.add-neuron` / `.remove-neuron` pair (with `data-layer`)
// above each hidden layer's column of the diagram. Reports the new `hidden` array.
// Above the pair, a `.layer-activation` select per hidden layer shows and sets that
// layer's activation: a choice sends `layerActivations` for every hidden layer, and
// adding or removing a layer keeps that list as long as `hidden`. Beside it, a
// `.layer-dropout` select per hidden layer shows and sets that layer's dropout rate
// (the schema's offered rates): a choice sends `dropout` for every hidden layer;
// removing a layer shortens that list with it (the playground's fitPatch).
// The core sets the limits (`limits()` of the wasm package): the buttons stop at its
// most layers and most neurons per layer; a change past its weight cap is sent all the
// same, and the core's refusal is shown like any other.

const NEW_LAYER_SIZE = 2;

export class LayerControls {
  /**
   * @param {{row: HTMLElement, addLayer: HTMLButtonElement, removeLayer: HTMLButtonElement,
   *          countLabel: HTMLElement}} elements
   * @param {import('../state/schema.js').Schema} schema the activations a hidden layer can use (the
   *   global activation's choices), with their labels
   * @param {(partial: {hidden?: number[], layerActivations?: string[], dropout?: number[]}) => void} onChange
   */
  constructor(elements, schema, onChange) {
    this.elements = elements;
    this.activations = schema.row('activation').choices;
    this.dropoutRates = schema.row('dropout').offered;
    this.hidden = [];
    this.activation = 'tanh';
    this.layerActivations = [];
    this.dropout = [];
    this.hide = new Set();
    this.limits = { maxHiddenLayers: Infinity, maxNeuronsPerLayer: Infinity };
    // A per-layer list must never be longer than `hidden` (the playground cuts the
    // dropout rates, fitPatch); an empty one stays empty.
    const change = (hidden) =>
      onChange(
        this.layerActivations.length === 0
          ? { hidden }
          : {
              hidden,
              layerActivations: hidden.map((_, layer) => this.layerActivations[layer] ?? this.activation),
            },
      );
    elements.addLayer.addEventListener('click', () => {
      change([...this.hidden, NEW_LAYER_SIZE]);
    });
    elements.removeLayer.addEventListener('click', () => {
      change(this.hidden.slice(0, -1));
    });
    elements.row.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-layer]');
      if (!button) return;
      const layer = Number(button.dataset.layer);
      const hidden = [...this.hidden];
      hidden[layer] += button.classList.contains('add-neuron') ? 1 : -1;
      onChange({ hidden });
    });
    elements.row.addEventListener('change', (event) => {
      const select = event.target.closest('select[data-layer]');
      if (!select) return;
      const layer = Number(select.dataset.layer);
      if (select.classList.contains('layer-dropout')) {
        const dropout = this.hidden.map((_, index) => this.dropout[index] ?? 0);
        dropout[layer] = Number(select.value);
        onChange({ dropout });
        return;
      }
      const layerActivations = this.effectiveActivations();
      layerActivations[layer] = select.value;
      onChange({ layerActivations });
    });
  }

  /** The activation of every hidden layer: its own entry, else the global `activation`. */
  effectiveActivations() {
    return this.hidden.map((_, layer) => this.layerActivations[layer] ?? this.activation);
  }

  /** Takes the core's limits ({maxHiddenLayers, maxNeuronsPerLayer, …}) for the buttons. */
  setLimits(limits) {
    this.limits = limits;
    this.show(this);
  }

  /**
   * Shows the buttons and selects for `hidden` (neurons per hidden layer), `activation`
   * `layerActivations` and `dropout`; `hide` names classroom-hidden controls ("hidden",
   * "activation", "dropout").
   */
  show({ hidden, activation, layerActivations = [], dropout = [] }, hide = this.hide) {
    this.hidden = [...hidden];
    this.activation = activation;
    this.layerActivations = [...layerActivations];
    this.dropout = [...dropout];
    this.hide = new Set(hide);
    const { row, addLayer, removeLayer, countLabel } = this.elements;
    const { maxHiddenLayers, maxNeuronsPerLayer } = this.limits;
    addLayer.disabled = hidden.length >= maxHiddenLayers;
    removeLayer.disabled = hidden.length === 0;
    countLabel.textContent = `${hidden.length} hidden layer${hidden.length === 1 ? '' : 's'}`;
    // One slot per diagram column: inputs, each hidden layer, output.
    const slots = [document.createElement('div')];
    hidden.forEach((count, layer) => {
      const slot = document.createElement('div');
      const label = document.createElement('span');
      label.className = 'neuron-count';
      // Narrow columns (many layers) show just the number.
      label.textContent = hidden.length > 4 ? String(count) : `${count} neuron${count === 1 ? '' : 's'}`;
      label.title = `${count} neuron${count === 1 ? '' : 's'}`;
      const buttons = document.createElement('div');
      buttons.className = 'neuron-buttons';
      buttons.dataset.control = 'hidden';
      buttons.hidden = this.hide.has('hidden');
      buttons.append(this.button('add-neuron', '+', layer, count >= maxNeuronsPerLayer), this.button('remove-neuron', '−', layer, count <= 1), label);
      slot.append(this.activationSelect(layer, this.layerActivations[layer] ?? activation), this.dropoutSelect(layer, this.dropout[layer] ?? 0), buttons);
      slots.push(slot);
    });
    slots.push(document.createElement('div'));
    for (const slot of slots) slot.className = 'slot';
    row.replaceChildren(...slots);
  }

  /**
   * A select of hidden layer `layer` for the classroom control `control`: its `options`
   * ([value, text] pairs, `shown` added when it is none of them), showing `shown`.
   */
  layerSelect(layer, { className, control, label, options, shown }) {
    const select = document.createElement('select');
    select.className = className;
    select.dataset.layer = String(layer);
    select.dataset.control = control;
    select.hidden = this.hide.has(control);
    select.setAttribute('aria-label', `${label} of hidden layer ${layer + 1}`);
    for (const [value, text] of options) select.add(new Option(text, value));
    if (!options.some(([value]) => value === shown[0])) select.add(new Option(shown[1], shown[0]));
    select.value = shown[0];
    return select;
  }

  /** The activation select of hidden layer `layer`, showing `name`. */
  activationSelect(layer, name) {
    const known = this.activations.find((choice) => choice.value === name);
    const select = this.layerSelect(layer, {
      className: 'layer-activation',
      control: 'activation',
      label: 'Activation',
      options: this.activations.map(({ value, label }) => [value, label]),
      shown: [name, name],
    });
    select.title = `Hidden layer ${layer + 1}: ${known?.label ?? name}`;
    return select;
  }

  /** The dropout select of hidden layer `layer`, showing `rate`. */
  dropoutSelect(layer, rate) {
    const text = (value) => (value === 0 ? 'no dropout' : `dropout ${value}`);
    const select = this.layerSelect(layer, {
      className: 'layer-dropout',
      control: 'dropout',
      label: 'Dropout rate',
      options: this.dropoutRates.map((value) => [String(value), text(value)]),
      shown: [String(rate), text(rate)],
    });
    select.title =
      rate === 0
        ? `Hidden layer ${layer + 1}: no dropout`
        : `Hidden layer ${layer + 1}: in training, each neuron is dropped with probability ${rate} and the kept ones scaled by 1/(1 − ${rate})`;
    return select;
  }

  button(kind, text, layer, disabled) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `round ${kind}`;
    button.dataset.layer = String(layer);
    button.textContent = text;
    button.disabled = disabled;
    const verb = kind === 'add-neuron' ? 'Add a neuron to' : 'Remove a neuron from';
    button.setAttribute('aria-label', `${verb} hidden layer ${layer + 1}`);
    return button;
  }
}
