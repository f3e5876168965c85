// The +/− buttons that shape the hidden layers: #add-layer / #remove-layer for the
// number of layers, and a `.add-neuron` / `.remove-neuron` pair (with `data-layer`)
// above each hidden layer's column of the diagram. Reports the new `hidden` array.
// The core sets the limits (`limits()` of the wasm package): the buttons stop at its
// most layers and most neurons per layer; a change past its weight cap is sent all the
// same, and the core's refusal is shown like any other.

const NEW_LAYER_SIZE = 2;

export class LayerControls {
  /**
   * @param {{row: HTMLElement, addLayer: HTMLButtonElement, removeLayer: HTMLButtonElement,
   *          countLabel: HTMLElement}} elements
   * @param {(partial: {hidden: number[]}) => void} onChange
   */
  constructor(elements, onChange) {
    this.elements = elements;
    this.hidden = [];
    this.limits = { maxHiddenLayers: Infinity, maxNeuronsPerLayer: Infinity };
    const change = (hidden) => onChange({ hidden });
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
      change(hidden);
    });
  }

  /** Takes the core's limits ({maxHiddenLayers, maxNeuronsPerLayer, …}) for the buttons. */
  setLimits(limits) {
    this.limits = limits;
    this.show(this.hidden);
  }

  /** Shows the buttons for `hidden` (neurons per hidden layer). */
  show(hidden) {
    this.hidden = [...hidden];
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
      slot.append(
        this.button('add-neuron', '+', layer, count >= maxNeuronsPerLayer),
        this.button('remove-neuron', '−', layer, count <= 1),
        label,
      );
      slots.push(slot);
    });
    slots.push(document.createElement('div'));
    for (const slot of slots) slot.className = 'slot';
    row.replaceChildren(...slots);
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
