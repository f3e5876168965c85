// The dataset picker (#dataset): one button per dataset of the current problem, each
// showing a small picture of its points with the chosen number of classes (from the
// core's datasetPreview, drawn once per palette and class count). Clicking one reports
// `{dataset}`; the chosen one is pressed. A dataset with fewer classes than chosen (xor
// has two) is disabled, its title saying why. It is a radio group: one Tab stop (the
// chosen dataset), the arrow keys (and Home / End) choose the next, previous, first or
// last usable one. The `own` tile ("Your own points") shows the last own points it was
// given (`showOwn`), kept while another dataset is chosen. The formula tile shows the
// points of the config's `datasetFormula`.

import { isMultiClass } from '../state/config.js';
import { colourFor, labelColour } from '../output/palette.js';
import { toPixel } from '../output/plane.js';

const SIZE = 64;

export class DatasetPicker {
  /**
   * @param {HTMLElement} container
   * @param {import('../state/schema.js').Schema} schema the datasets, their problems and classes
   * @param {(name: string, classes: number, config: object) => Float32Array} preview
   *   [x1, x2, label, …] of a dataset (the formula dataset's from `config`)
   * @param {(partial: {dataset: string}) => void} onChange
   */
  constructor(container, schema, preview, onChange) {
    Object.assign(this, { container, schema, preview });
    this.key = '';
    this.own = new Float32Array(); // [x1, x2, label, …] of the own points, both sets
    this.drawn = null; // how the tiles were last drawn: {colours, classes, many}
    this.config = null; // the config last shown (the formula tile draws its datasetFormula)
    container.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-dataset]');
      if (button && !button.disabled && button.getAttribute('aria-checked') !== 'true') onChange({ dataset: button.dataset.dataset });
    });
    container.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const button = event.target.closest('button[data-dataset]');
      const next = button && this.neighbour(button, event.key);
      if (!next) return;
      event.preventDefault();
      next.focus();
      onChange({ dataset: next.dataset.dataset });
    });
  }

  /** The usable dataset an arrow key (or Home / End) moves to from `button`; null for other keys. */
  neighbour(button, key) {
    const usable = [...this.container.querySelectorAll('button[data-dataset]')].filter((choice) => !choice.disabled || choice === button);
    const at = usable.indexOf(button);
    const moves = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: usable.length - 1,
    };
    if (!(key in moves)) return null;
    const index = (moves[key] + usable.length) % usable.length;
    return usable[index] === button ? null : usable[index];
  }

  /**
   * Offers the datasets of `config.problem` with `config.classes` classes, drawn in the
   * palette's `colours`, with `config.dataset` pressed.
   */
  show(config, colours) {
    const many = isMultiClass(config);
    const classes = many ? config.classes : 2;
    const key = `${config.problem}|${colours.name}|${classes}|${config.datasetFormula}`;
    this.config = config;
    let refocus = false;
    if (key !== this.key) {
      refocus = this.container.contains(this.container.getRootNode().activeElement);
      this.build(config.problem, colours, classes, many);
      this.key = key;
    }
    for (const button of this.container.querySelectorAll('button[data-dataset]')) {
      const chosen = button.dataset.dataset === config.dataset;
      const label = button.getAttribute('aria-label');
      const tooFew = Number(button.dataset.maxClasses) < config.classes && config.problem === 'classification';
      button.disabled = tooFew && !chosen;
      button.title = tooFew ? `${label} has only ${button.dataset.maxClasses} classes: set Classes to ${button.dataset.maxClasses} to use it` : label;
      button.setAttribute('aria-checked', String(chosen));
      button.tabIndex = chosen ? 0 : -1;
      if (chosen && refocus) button.focus(); // the focus stays in the group when it is rebuilt
    }
  }

  build(problem, colours, classes, many) {
    const buttons = this.schema.datasetsOf(problem).map(({ value, label, maxClasses }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `dataset-${value}`;
      button.className = 'dataset-choice';
      button.dataset.dataset = value;
      button.dataset.maxClasses = String(maxClasses ?? 1);
      button.setAttribute('role', 'radio');
      button.setAttribute('aria-label', label);
      button.title = label;
      const canvas = document.createElement('canvas');
      canvas.width = SIZE;
      canvas.height = SIZE;
      this.draw(canvas, value, colours, classes, many);
      button.append(canvas);
      return button;
    });
    this.container.replaceChildren(...buttons);
    this.drawn = { colours, classes, many };
  }

  /** Shows `points` ([x1, x2, label, …], both sets) in the `own` tile from now on. */
  showOwn(points) {
    this.own = points;
    const canvas = this.container.querySelector('button[data-dataset="own"] canvas');
    if (canvas && this.drawn) {
      const { colours, classes, many } = this.drawn;
      this.draw(canvas, 'own', colours, classes, many);
    }
  }

  draw(canvas, name, colours, classes, many) {
    const context = canvas.getContext('2d');
    context.fillStyle = colourFor(0, colours);
    context.fillRect(0, 0, SIZE, SIZE);
    let points = this.own;
    if (name !== 'own') {
      try {
        points = this.preview(name, classes, this.config); // the core gives a dataset with fewer classes its own number
      } catch {
        return; // no preview: the button still works, it just shows no points
      }
    }
    for (let i = 0; i + 2 < points.length; i += 3) {
      context.fillStyle = labelColour(points[i + 2], colours, many);
      const [x, y] = toPixel(points[i], points[i + 1], SIZE, SIZE);
      context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
}
