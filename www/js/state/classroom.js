// Classroom mode: a teacher hands out a reduced playground by adding flags to the
// address, like the TensorFlow Playground's: `learningRate_hide=true` hides the
// learning-rate control, `x1Squared_hide=true` the x₁² input toggle, and
// `hideText=true` the page's own text. Elements name the control they belong to with
// `data-control`; this module only shows and hides them.

import { FEATURES } from './config.js';

/** Every control that can be hidden: its address name and what it is, in address order. */
export const HIDEABLE = [
  ['playButton', 'the play/pause button'],
  ['stepButton', 'the step button'],
  ['epochsPerFrame', 'the speed (epochs per frame)'],
  ['resetButton', 'the reset button'],
  ['newWeights', 'the new-weights button'],
  ['learningRate', 'the learning rate'],
  ['activation', 'the activation'],
  ['regularization', 'the regularization'],
  ['regularizationRate', 'the regularization rate'],
  ['problem', 'the problem type'],
  ['classes', 'the number of classes'],
  ['dataset', 'the dataset picker'],
  ['trainRatio', 'the ratio of training data'],
  ['noise', 'the noise'],
  ['batchSize', 'the batch size'],
  ['newData', 'the regenerate button'],
  ['hidden', 'the layer and neuron buttons'],
  ...FEATURES.map(({ value, label }) => [value, `the ${label} input toggle`]),
  ['showTestData', 'the show-test-data toggle'],
  ['discretize', 'the discretize toggle'],
  ['palette', 'the colour-blind toggle'],
  ['loss', 'the loss'],
  ['initialization', 'the starting-weights scheme'],
  ['schedule', 'the learning-rate schedule'],
  ['decayRate', 'the schedule\'s decay γ'],
  ['decayEpochs', 'the schedule\'s period'],
  ['stopAfter', 'the stop-after epochs'],
  ['optimizer', 'the optimizer'],
  ['momentum', 'the momentum μ'],
  ['rmsDecay', 'the RMSProp decay ρ'],
  ['beta1', 'Adam\'s β₁'],
  ['beta2', 'Adam\'s β₂'],
  ['epsilon', 'the ε of RMSProp and Adam'],
  ['modelFile', 'the model file buttons'],
  ['gradientLinks', 'the gradient-links toggle'],
  ['stepThrough', 'the step-through button'],
].map(([name, what]) => ({ name, what }));

export const HIDEABLE_NAMES = HIDEABLE.map((control) => control.name);

/** The name of a control in the element's `controls` attribute: kebab-case, "Button" dropped (playButton → play). */
export function controlAttributeName(name) {
  return name.replace(/Button$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

const BY_ATTRIBUTE_NAME = new Map(HIDEABLE_NAMES.flatMap((name) => [[controlAttributeName(name), name], [name, name]]));

/**
 * Reads a `controls` attribute ("learning-rate, activation, play"): the controls to
 * show, by their names here (`names`), and a line per name that is no control (`errors`).
 */
export function readControlList(text) {
  const names = [];
  const errors = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const name = BY_ATTRIBUTE_NAME.get(part);
    if (name) names.push(name);
    else errors.push(`controls: there is no control called "${part}"; the controls are ${HIDEABLE_NAMES.map(controlAttributeName).join(', ')}`);
  }
  return { names, errors };
}
export const HIDE_SUFFIX = '_hide';
export const HIDE_TEXT = 'hideText';

const FEATURE_NAMES = new Set(FEATURES.map((feature) => feature.value));

/** The hidden feature toggles among `hidden` (a list of control names). */
export function hiddenFeatures(hidden) {
  return hidden.filter((name) => FEATURE_NAMES.has(name));
}

/**
 * Hides every `[data-control]` element under `root` whose control is in `hidden`,
 * and the page text (`data-control="text"`) when `hideText`; shows the others.
 */
export function applyClassroom(root, { hidden, hideText }) {
  const names = new Set(hidden);
  for (const element of root.querySelectorAll('[data-control]')) {
    const name = element.dataset.control;
    element.hidden = name === 'text' ? hideText : names.has(name);
  }
}
