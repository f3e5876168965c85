// Looking into the network diagram, with a mouse, a finger or the keyboard. Pointing at
// a neuron (hover, the keyboard's focus, or a tap that pins it until tapped again) shows
// its output in the big heatmap; a click or tap also opens the neuron inspector on it
// (from the keyboard: Enter or Space on a focused neuron, and the focus moves into the
// inspector). Pointing at a link or a bias shows its value in #weight-card; clicking or
// tapping it opens a box to type a new value, applied at once on Enter; Escape closes
// the box and puts the focus on the neuron the weight or bias belongs to.

const SHOW_DIGITS = 3;

export class DiagramInspector {
  /**
   * @param {{canvas: HTMLCanvasElement, nodes: HTMLElement, card: HTMLElement, label: HTMLElement,
   *          value: HTMLElement, input: HTMLInputElement}} elements
   * @param {import('./network-diagram.js').NetworkDiagram} diagram
   * @param {{showNode: (node: number|null) => void,
   *          inspect: (node: number, how: {opener: HTMLElement, focus: boolean}) => void,
   *          read: (target: object) => number, write: (target: object, value: number) => void,
   *          describe: (target: object) => string, nodeOf: (target: object) => number}} hooks
   */
  constructor(elements, diagram, hooks) {
    Object.assign(this, { elements, diagram, hooks });
    this.pinned = null; // node chosen by a click or tap
    this.previewed = null; // node under the mouse
    this.target = null; // weight or bias in the card
    this.editing = false;
    this.bindNodes();
    this.bindLinks();
    this.bindCard();
  }

  bindNodes() {
    const { nodes } = this.elements;
    const nodeOf = (event) => {
      const box = event.target.closest?.('.thumb[data-node]');
      return box ? Number(box.dataset.node) : null;
    };
    nodes.addEventListener('pointerover', (event) => {
      if (event.pointerType !== 'mouse' || nodeOf(event) === null) return;
      this.previewed = nodeOf(event);
      this.showNode();
    });
    nodes.addEventListener('pointerout', (event) => {
      if (event.pointerType !== 'mouse' || nodeOf(event) === null) return;
      this.previewed = null;
      this.showNode();
    });
    // Tabbing onto a neuron is the keyboard's hover: the heatmap shows it while it has the focus.
    nodes.addEventListener('focusin', (event) => {
      if (nodeOf(event) === null || !event.target.matches(':focus-visible')) return;
      this.previewed = nodeOf(event);
      this.showNode();
    });
    nodes.addEventListener('focusout', (event) => {
      if (nodeOf(event) === null || this.previewed !== nodeOf(event)) return;
      this.previewed = null;
      this.showNode();
    });
    const pin = (event, fromKeyboard) => {
      const node = nodeOf(event);
      this.pinned = this.pinned === node ? null : node;
      this.previewed = null;
      this.showNode();
      this.hooks.inspect(node, { opener: event.target, focus: fromKeyboard });
    };
    nodes.addEventListener('click', (event) => {
      if (nodeOf(event) !== null) pin(event, false);
    });
    // From the keyboard: Tab onto a neuron, Enter or Space to keep it in the heatmap.
    nodes.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && nodeOf(event) !== null) {
        event.preventDefault();
        pin(event, true);
      }
    });
  }

  bindLinks() {
    const { canvas } = this.elements;
    canvas.addEventListener('pointermove', (event) => {
      if (event.pointerType !== 'mouse' || this.editing) return;
      const target = this.diagram.targetAt(event.clientX, event.clientY);
      canvas.style.cursor = target ? 'pointer' : '';
      if (target && target !== this.target) this.openCard(target, false);
      else if (!target && this.target) this.closeCard();
    });
    canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse' && !this.editing) this.closeCard();
    });
    canvas.addEventListener('click', (event) => {
      const target = this.diagram.targetAt(event.clientX, event.clientY);
      if (target) this.openCard(target, true);
      else this.closeCard();
    });
  }

  bindCard() {
    const { input } = this.elements;
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.apply();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        const node = this.target && this.hooks.nodeOf(this.target);
        this.closeCard();
        this.elements.nodes.querySelector(`.thumb[data-node="${node}"]`)?.focus();
      }
    });
    input.addEventListener('change', () => this.apply());
    // A press elsewhere in this playground closes the box (the host page's own clicks are its own).
    this.elements.card.getRootNode().addEventListener('pointerdown', (event) => {
      if (!this.editing) return;
      const inside =
        this.elements.card.contains(event.target) || (event.target === this.elements.canvas && this.diagram.targetAt(event.clientX, event.clientY));
      if (!inside) this.closeCard();
    });
  }

  /** The node the heatmap should show: the one under the mouse, else the pinned one. */
  get shownNode() {
    return this.previewed ?? this.pinned;
  }

  showNode() {
    for (const box of this.elements.nodes.querySelectorAll('.thumb.pinned')) box.classList.remove('pinned');
    if (this.pinned !== null) {
      this.elements.nodes.querySelector(`.thumb[data-node="${this.pinned}"]`)?.classList.add('pinned');
    }
    this.hooks.showNode(this.shownNode);
  }

  /** Forgets the chosen node and the card (the network changed shape). */
  forget() {
    this.pinned = null;
    this.previewed = null;
    this.closeCard();
  }

  openCard(target, edit) {
    const { card, label, input } = this.elements;
    this.target = target;
    this.editing = edit;
    this.diagram.highlight(target);
    label.textContent = this.hooks.describe(target);
    const layout = this.diagram.layout;
    card.style.left = `${(target.middle.x / layout.width) * 100}%`;
    card.style.top = `${(target.middle.y / layout.height) * 100}%`;
    card.classList.toggle('flip', target.middle.x > layout.width * 0.6);
    card.hidden = false;
    input.hidden = !edit;
    this.refresh();
    if (edit) {
      input.value = String(round(this.hooks.read(target)));
      input.focus();
      input.select();
    }
  }

  closeCard() {
    this.target = null;
    this.editing = false;
    this.elements.card.hidden = true;
    this.elements.input.hidden = true;
    this.diagram.highlight(null);
  }

  /** Shows the current value of the weight or bias in the card (called after each frame). */
  refresh() {
    if (!this.target) return;
    this.elements.value.textContent = String(round(this.hooks.read(this.target)));
  }

  apply() {
    if (!this.target || !this.editing) return;
    const text = this.elements.input.value.trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) return;
    this.hooks.write(this.target, value);
    this.refresh();
  }
}

function round(value) {
  return Number(value.toPrecision(SHOW_DIGITS));
}
