// The dataset picker (#dataset): one button per dataset of the current problem, each
// showing a small picture of its points with the chosen number of classes (from the
// core's datasetPreview, drawn once per palette and class count). Clicking one reports
// `{dataset}`; the chosen one is pressed. A dataset with fewer classes than chosen (xor
// has two) is disabled, its title saying why.

import { isMultiClass } from '../state/config.js';
import { colourFor, labelColour } from '../output/palette.js';

const EXTENT = 6;
const SIZE = 64;

export class DatasetPicker {
  /**
   * @param {HTMLElement} container
   * @param {import('../state/schema.js').Schema} schema the datasets, their problems and classes
   * @param {(name: string, classes: number) => Float32Array} preview [x1, x2, label, …] of a dataset
   * @param {(partial: {dataset: string}) => void} onChange
   */
  constructor(container, schema, preview, onChange) {
    Object.assign(this, { container, schema, preview });
    this.key = '';
    container.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-dataset]');
      if (button && !button.disabled && button.getAttribute('aria-checked') !== 'true') onChange({ dataset: button.dataset.dataset });
    });
  }

  /**
   * Offers the datasets of `config.problem` with `config.classes` classes, drawn in the
   * palette's `colours`, with `config.dataset` pressed.
   */
  show(config, colours) {
    const many = isMultiClass(config);
    const classes = many ? config.classes : 2;
    const key = `${config.problem}|${colours.name}|${classes}`;
    if (key !== this.key) {
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
  }

  draw(canvas, name, colours, classes, many) {
    const context = canvas.getContext('2d');
    context.fillStyle = colourFor(0, colours);
    context.fillRect(0, 0, SIZE, SIZE);
    let points;
    try {
      points = this.preview(name, classes); // the core gives a dataset with fewer classes its own number
    } catch {
      return; // no preview: the button still works, it just shows no points
    }
    for (let i = 0; i + 2 < points.length; i += 3) {
      context.fillStyle = labelColour(points[i + 2], colours, many);
      const x = ((points[i] + EXTENT) / (2 * EXTENT)) * SIZE;
      const y = ((EXTENT - points[i + 1]) / (2 * EXTENT)) * SIZE;
      context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
}
