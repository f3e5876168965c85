// The legend under the heatmap (#value-legend, #class-legend): the value scale
// (−1 · 0 · +1) for a single tanh or linear output; with three or more classes a swatch
// per class ("class 0 … class k−1", in the core's class colours) instead; and for a
// sigmoid or softmax output a note of what the shading means.

import { isMultiClass } from '../state/config.js';

const SHADE_NOTE = 'shade: confidence of the winning class';

export class ClassLegend {
  /** @param {{values: HTMLElement, classes: HTMLElement}} elements */
  constructor({ values, classes }) {
    Object.assign(this, { values, classes });
    this.key = '';
  }

  /** Shows the legend for `config`, in `classColours` (the core's, for the current palette). */
  show(config, classColours) {
    const many = isMultiClass(config);
    const probability = config.problem === 'classification' && (config.loss === 'softmaxCrossEntropy' || config.loss === 'binaryCrossEntropy');
    const key = JSON.stringify([many, probability, many ? config.classes : 0, classColours]);
    if (key === this.key) return;
    this.key = key;
    this.values.hidden = many;
    const parts = [];
    if (many) {
      parts.push(document.createTextNode('Classes: '));
      for (let k = 0; k < config.classes; k++) {
        const item = document.createElement('span');
        item.className = 'class-item';
        item.dataset.class = String(k);
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = classColours[k];
        item.append(swatch, `class ${k}`);
        parts.push(item);
      }
    }
    if (probability) {
      const note = document.createElement('span');
      note.className = 'shade-note';
      note.textContent = many ? `(${SHADE_NOTE})` : `Output: probability of the blue class; ${SHADE_NOTE}`;
      parts.push(note);
    }
    this.classes.replaceChildren(...parts);
    this.classes.hidden = parts.length === 0;
  }
}
