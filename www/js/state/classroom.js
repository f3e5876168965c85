// Classroom mode and the element's `controls`: which controls a reader may touch. A
// teacher hands out a reduced playground by adding flags to the address, like the
// TensorFlow Playground's — `learningRate_hide=true` hides the learning-rate control,
// `x1Squared_hide=true` the x₁² input toggle, `hideText=true` the page's own text — and
// an author lists the controls an embed shows (`controls="learning-rate,play"`). The
// controls are the playground's buttons, one toggle per input feature, and every
// setting whose schema row is hideable. Elements name the control they belong to with
// `data-control`. DOM-free.

export const HIDE_SUFFIX = '_hide';
export const HIDE_TEXT = 'hideText';

/** The controls that are no setting: the buttons, with what each is. */
const BUTTONS = [
  ['playButton', 'the play/pause button'],
  ['stepButton', 'the step button'],
  ['resetButton', 'the reset button'],
  ['newWeights', 'the new-weights button'],
  ['newData', 'the regenerate button'],
  ['modelFile', 'the model file buttons'],
  ['lessonFile', 'the lesson file buttons'],
  ['startFresh', 'the start-fresh button'],
  ['dataFile', 'the CSV buttons (load, paste, export)'],
  ['share', 'the share-link button'],
  ['stepThrough', 'the step-through button'],
  ['layerSees', 'the what-a-layer-sees button and its panel'],
  ['drawPoints', 'the draw-points button and its toolbar'],
];

/** Every control that can be hidden, in address order: `{name, what}`. */
export function controls(schema) {
  return [
    ...BUTTONS.map(([name, what]) => ({ name, what })),
    ...schema.hideableRows().map((row) => ({ name: row.key, what: row.hides })),
    ...schema.row('features').choices.map(({ value, label }) => ({ name: value, what: `the ${label} input toggle` })),
  ];
}

/** The names of every control that can be hidden. */
export function controlNames(schema) {
  return controls(schema).map((control) => control.name);
}

/** The hidden feature toggles among `hidden` (a list of control names). */
export function hiddenFeatures(hidden, schema) {
  const features = schema.values('features');
  return hidden.filter((name) => features.includes(name));
}

/** The name of a control in the element's `controls` attribute: kebab-case, "Button" dropped (playButton → play). */
export function controlAttributeName(name) {
  return name.replace(/Button$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * Reads a `controls` attribute ("learning-rate, activation, play"): the controls to
 * show, by their names here (`names`), and a line per name that is no control (`errors`).
 * Each control may be written in kebab-case or as in the address (`learningRate`).
 */
export function readControlList(text, schema) {
  const names = controlNames(schema);
  const byName = new Map(
    names.flatMap((name) => [
      [controlAttributeName(name), name],
      [name, name],
    ]),
  );
  const shown = [];
  const errors = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const name = byName.get(part);
    if (name) shown.push(name);
    else errors.push(`controls: there is no control called "${part}"; the controls are ${names.map(controlAttributeName).join(', ')}`);
  }
  return { names: shown, errors };
}
