// The dataset picker (#dataset): one button per dataset of the current problem, each
// showing a small picture of its points with the chosen number of classes (from the
// core's datasetPreview, drawn once per palette and class count). Clicking one reports
// `{dataset}`; the chosen one is pressed. A two-class dataset (xor) is disabled while
// three or more classes are chosen, its title saying why.

import { DATASETS, TWO_CLASS_DATASETS, isMultiClass } from '../state/config.js';
import { colourFor, labelColour } from '../output/palette.js';

const EXTENT = 6;
const SIZE = 64;

export class DatasetPicker {
  /**
   * @param {HTMLElement} container
   * @param {(name: string, classes: number) => Float32Array} preview [x1, x2, label, …] of a dataset
   * @param {(partial: {dataset: string}) => void} onChange
   */
  constructor(container, preview, onChange) {
    this.container = container;
    this.preview = preview;
    this.problem = null;
    this.palette = null;
    this.key = '';
    container.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-dataset]');
      if (button && !button.disabled && button.getAttribute('aria-checked') !== 'true') onChange({ dataset: button.dataset.dataset });
    });
  }

  /**
   * Offers the datasets of `config.problem` with `config.classes` classes, drawn in
   * `palette` (`classColours`: the core's class colours, used for 3 or more classes),
   * with `config.dataset` pressed.
   */
  show(config, palette, classColours) {
    const many = isMultiClass(config);
    const classes = many ? config.classes : 2;
    const key = `${config.problem}|${palette}|${classes}`;
    if (key !== this.key) {
      this.build(config.problem, palette, classes, many ? classColours : null);
      this.key = key;
      this.problem = config.problem;
      this.palette = palette;
    }
    for (const button of this.container.querySelectorAll('button[data-dataset]')) {
      const chosen = button.dataset.dataset === config.dataset;
      const label = button.getAttribute('aria-label');
      const tooFew = many && TWO_CLASS_DATASETS.includes(button.dataset.dataset);
      button.disabled = tooFew && !chosen;
      button.title = tooFew ? `${label} has only 2 classes: set Classes to 2 to use it` : label;
      button.setAttribute('aria-checked', String(chosen));
      button.tabIndex = chosen ? 0 : -1;
    }
  }

  build(problem, palette, classes, classColours) {
    const buttons = (DATASETS[problem] ?? []).map(({ value, label }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `dataset-${value}`;
      button.className = 'dataset-choice';
      button.dataset.dataset = value;
      button.setAttribute('role', 'radio');
      button.setAttribute('aria-label', label);
      button.title = label;
      const canvas = document.createElement('canvas');
      canvas.width = SIZE;
      canvas.height = SIZE;
      this.draw(canvas, value, palette, classes, classColours);
      button.append(canvas);
      return button;
    });
    this.container.replaceChildren(...buttons);
  }

  draw(canvas, name, palette, classes, classColours) {
    const context = canvas.getContext('2d');
    context.fillStyle = colourFor(0, palette);
    context.fillRect(0, 0, SIZE, SIZE);
    let points;
    try {
      points = this.preview(name, classes);
    } catch {
      return; // no preview: the button still works, it just shows no points
    }
    for (let i = 0; i + 2 < points.length; i += 3) {
      context.fillStyle = labelColour(points[i + 2], palette, classColours);
      const x = ((points[i] + EXTENT) / (2 * EXTENT)) * SIZE;
      const y = ((EXTENT - points[i + 1]) / (2 * EXTENT)) * SIZE;
      context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
}
