// The "Draw points" mode of the big heatmap: a toggle, and while it is on a toolbar
// (pen or eraser, the class or value of new points, where they go, undo, redo, clear)
// and pointer gestures on the heatmap — mouse, pen and touch alike. A click or tap adds
// one point, a drag paints a stroke of points 0.2 apart, the eraser removes the points
// under it; each stroke is one step to undo. Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) undo and
// redo while the focus is in the playground. It only turns gestures into the core's
// edits (through `edit`, which shows refusals); the core keeps the points, their
// history and the network. Entering the mode pauses training, leaving it resumes.

import { toData, strokeSteps, anyWithin } from './plane.js';
import { labelColour } from './palette.js';
import { isMultiClass } from '../state/config.js';

/** Data units between the points of a stroke. */
export const SPACING = 0.2;
/** How far the eraser reaches, in data units. */
export const ERASER_RADIUS = 0.4;

/** The sentence saying where new points go, for `target` and the train ratio (percent). */
export function targetSentence(target, trainRatio) {
  if (target === 'test') return 'New points go to the test set.';
  if (target === 'split') {
    const train = Math.round(trainRatio);
    return `New points are split ${train} : ${100 - train} by the train ratio.`;
  }
  return 'New points go to the training set.';
}

export class PointEditor {
  /**
   * @param {(id: string) => HTMLElement} find
   * @param {ShadowRoot|HTMLElement} root gets the undo and redo keys
   * @param {{edit: (change: (core: object) => any) => any, history: () => {undo: boolean, redo: boolean},
   *          points: () => {train: Float32Array, test: Float32Array}, showsTest: () => boolean,
   *          playing: () => boolean, pause: () => void, play: () => void, redraw: () => void}} hooks
   */
  constructor(find, root, hooks) {
    Object.assign(this, { find, hooks });
    this.canvas = find('heatmap');
    this.toggle = find('draw-points');
    this.toolbar = find('draw-toolbar');
    this.active = false;
    this.resume = false; // whether to play again on leaving
    this.stroke = null; // the gesture under way: {pointer, last, carry, started}
    this.config = null;
    this.toggle.addEventListener('click', () => this.setActive(!this.active));
    find('draw-target').addEventListener('change', () => {
      this.showTarget();
      this.hooks.redraw(); // drawing into the test set shows the test points
    });
    find('draw-value').addEventListener('input', () => this.showValue());
    find('draw-undo').addEventListener('click', () => this.run((core) => core.undoPoints()));
    find('draw-redo').addEventListener('click', () => this.run((core) => core.redoPoints()));
    find('draw-clear').addEventListener('click', () => this.run((core) => core.clearPoints()));
    root.addEventListener('keydown', (event) => this.onKey(event));
    const canvas = this.canvas;
    canvas.addEventListener('pointerdown', (event) => this.onDown(event));
    canvas.addEventListener('pointermove', (event) => this.onMove(event));
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) {
      canvas.addEventListener(type, (event) => this.onUp(event));
    }
  }

  /** Turns the mode on or off. */
  setActive(active) {
    if (active === this.active) return;
    this.active = active;
    this.stroke = null;
    this.toggle.setAttribute('aria-pressed', String(active));
    this.toggle.classList.toggle('on', active);
    this.toolbar.hidden = !active;
    this.canvas.classList.toggle('drawing', active);
    if (active) {
      this.canvas.tabIndex = -1; // takes the focus on a click, so the undo keys reach the playground
      this.resume = this.hooks.playing();
      this.hooks.pause();
    } else {
      this.canvas.removeAttribute('tabindex');
      if (this.resume) this.hooks.play();
    }
    this.refresh();
    this.hooks.redraw();
  }

  /** Offers the classes (or the value) of `config`, in `colours`, with their `names`. */
  show(config, colours, names) {
    const key = `${config.problem}|${config.classes}|${colours.name}|${names.join('|')}|${colours.hostEnds}`;
    this.config = config;
    if (key !== this.key) {
      this.key = key;
      this.buildClasses(config, colours, names);
    }
    this.refresh();
  }

  buildClasses(config, colours, names) {
    const regression = config.problem === 'regression';
    this.find('draw-value-field').hidden = !regression;
    const box = this.find('draw-classes');
    box.hidden = regression;
    const chosen = Number(box.querySelector('input:checked')?.value ?? 0);
    const many = isMultiClass(config);
    const count = regression ? 0 : config.classes;
    const swatches = Array.from({ length: count }, (_, index) => {
      const label = document.createElement('label');
      label.className = 'draw-swatch';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'draw-class';
      input.value = String(index);
      input.checked = index === (chosen < count ? chosen : 0);
      const name = names[index] ?? `class ${index}`;
      input.setAttribute('aria-label', name);
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      // Two classes are drawn as −1 and +1 on the value scale, more in their class colours.
      swatch.style.background = labelColour(many ? index : index * 2 - 1, colours, many);
      label.title = name;
      label.append(input, swatch);
      return label;
    });
    box.replaceChildren(...swatches);
  }

  /** Brings the sentence, the value and the undo / redo buttons up to date. */
  refresh() {
    if (!this.active || !this.config) return;
    this.showTarget();
    this.showValue();
    const { undo, redo } = this.hooks.history();
    this.find('draw-undo').disabled = !undo;
    this.find('draw-redo').disabled = !redo;
  }

  showTarget() {
    this.find('draw-where').textContent = targetSentence(this.target, this.config?.trainRatio ?? 50);
  }

  showValue() {
    this.find('draw-value-shown').textContent = Number(this.find('draw-value').value).toFixed(1);
  }

  get target() {
    return this.find('draw-target').value;
  }

  get tool() {
    return this.find('draw-eraser').checked ? 'eraser' : 'pen';
  }

  /** The label of new points: the chosen class, or the value for regression. */
  get label() {
    if (this.config?.problem === 'regression') return Number(this.find('draw-value').value);
    return Number(this.find('draw-classes').querySelector('input:checked')?.value ?? 0);
  }

  /** Whether the heatmap shows the test points while drawing (drawing into the test set shows them). */
  showsTest(shown) {
    return shown || (this.active && this.target === 'test');
  }

  /** Runs one edit through the playground; false when it was refused (and shown). */
  run(change) {
    try {
      this.hooks.edit(change);
      return true;
    } catch {
      return false;
    } finally {
      this.refresh();
    }
  }

  onKey(event) {
    if (!this.active || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.target instanceof HTMLElement && event.target.matches('input[type="number"], input[type="text"]')) return;
    const key = event.key.toLowerCase();
    const redo = key === 'y' || (key === 'z' && event.shiftKey);
    if (key !== 'z' && !redo) return;
    event.preventDefault();
    this.run((core) => (redo ? core.redoPoints() : core.undoPoints()));
  }

  /** The data point under `event`'s pointer. */
  at(event) {
    const box = this.canvas.getBoundingClientRect();
    const x = event.clientX - box.left - this.canvas.clientLeft;
    const y = event.clientY - box.top - this.canvas.clientTop;
    return toData(x, y, this.canvas.clientWidth, this.canvas.clientHeight);
  }

  onDown(event) {
    if (!this.active || this.stroke || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.canvas.focus({ preventScroll: true });
    this.canvas.setPointerCapture?.(event.pointerId);
    const point = this.at(event);
    this.stroke = { pointer: event.pointerId, last: point, carry: 0, started: false };
    if (this.tool === 'pen') this.paint([...point]);
    else this.erase(point);
  }

  onMove(event) {
    const { stroke } = this;
    if (!stroke || event.pointerId !== stroke.pointer) return;
    event.preventDefault();
    const point = this.at(event);
    const { positions, carry } = strokeSteps(stroke.last, point, SPACING, stroke.carry);
    stroke.last = point;
    stroke.carry = carry;
    if (positions.length === 0) return;
    if (this.tool === 'pen') {
      this.paint(positions);
    } else {
      for (let i = 0; i < positions.length && this.stroke; i += 2) this.erase([positions[i], positions[i + 1]]);
    }
  }

  onUp(event) {
    if (this.stroke && event.pointerId === this.stroke.pointer) this.stroke = null;
  }

  /** Adds points at `positions` ([x1, x2, …]) as part of the stroke; a refusal ends it. */
  paint(positions) {
    const { label, target } = this;
    const continues = this.stroke.started;
    if (this.run((core) => core.addPoints(positions, label, target, continues))) this.stroke.started = true;
    else this.stroke = null;
  }

  /** Erases under (x1, x2), if there is anything to erase: the first hit of a stroke starts its undo step. */
  erase([x1, x2]) {
    const { train, test } = this.hooks.points();
    const sets = { train: true, test: this.hooks.showsTest() };
    const hit = anyWithin(train, x1, x2, ERASER_RADIUS) || (sets.test && anyWithin(test, x1, x2, ERASER_RADIUS));
    if (!hit) return;
    const continues = this.stroke.started;
    if (this.run((core) => core.erasePoints(x1, x2, ERASER_RADIUS, sets, continues))) this.stroke.started = true;
    else this.stroke = null;
  }
}
