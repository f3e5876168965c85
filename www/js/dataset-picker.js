// The dataset picker (#dataset): one button per dataset of the current problem, each
// showing a small picture of its points (from the core's datasetPreview, drawn once
// per palette). Clicking one reports `{dataset}`; the chosen one is pressed.

import { DATASETS } from './config.js';
import { colourFor } from './palette.js';

const EXTENT = 6;
const SIZE = 64;

export class DatasetPicker {
  /**
   * @param {HTMLElement} container
   * @param {(name: string) => Float32Array} preview [x1, x2, label, …] of a dataset
   * @param {(partial: {dataset: string}) => void} onChange
   */
  constructor(container, preview, onChange) {
    this.container = container;
    this.preview = preview;
    this.problem = null;
    this.palette = null;
    container.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-dataset]');
      if (button && button.getAttribute('aria-checked') !== 'true') onChange({ dataset: button.dataset.dataset });
    });
  }

  /** Offers the datasets of `config.problem`, drawn in `palette`, with `config.dataset` pressed. */
  show(config, palette) {
    if (config.problem !== this.problem || palette !== this.palette) {
      this.build(config.problem, palette);
      this.problem = config.problem;
      this.palette = palette;
    }
    for (const button of this.container.querySelectorAll('button[data-dataset]')) {
      const chosen = button.dataset.dataset === config.dataset;
      button.setAttribute('aria-checked', String(chosen));
      button.tabIndex = chosen ? 0 : -1;
    }
  }

  build(problem, palette) {
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
      this.draw(canvas, value, palette);
      button.append(canvas);
      return button;
    });
    this.container.replaceChildren(...buttons);
  }

  draw(canvas, name, palette) {
    const context = canvas.getContext('2d');
    context.fillStyle = colourFor(0, palette);
    context.fillRect(0, 0, SIZE, SIZE);
    let points;
    try {
      points = this.preview(name);
    } catch {
      return; // no preview: the button still works, it just shows no points
    }
    for (let i = 0; i + 2 < points.length; i += 3) {
      context.fillStyle = colourFor(points[i + 2], palette);
      const x = ((points[i] + EXTENT) / (2 * EXTENT)) * SIZE;
      const y = ((EXTENT - points[i + 1]) / (2 * EXTENT)) * SIZE;
      context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
}
