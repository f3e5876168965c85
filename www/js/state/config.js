// Patching a config so the core takes it in one step (a dataset that fits the
// problem and the classes, a loss that fits), what a change's outcome means, and tidy
// numbers (the core trains with some settings as 32-bit floats, so a momentum of
// 0.8999999761581421 is the same as 0.9; the page shows and shares the short form).
// The datasets and their problems and classes come from the schema (schema.js).
// DOM-free.

/**
 * Shortest decimal that is the same 32-bit float as `x` (integers untouched): `x` itself
 * when it is that short, else the one nearest the float. A tidy number stays as it is
 * (0.029999999329447746 becomes 0.03, and 0.03 stays 0.03).
 */
export function tidyNumber(x) {
  if (typeof x !== 'number' || Number.isInteger(x) || !Number.isFinite(x)) return x;
  const target = Math.fround(x);
  for (let digits = 1; digits <= 9; digits++) {
    if (Number(x.toPrecision(digits)) === x) return x;
    // Every decimal of this many digits that can be the float: the nearest and its neighbours.
    const near = target.toPrecision(digits);
    const [, exponent] = Number(near)
      .toExponential(digits - 1)
      .split('e');
    const step = 10 ** (Number(exponent) - digits + 1);
    for (const candidate of [Number(near), Number(near) - step, Number(near) + step]) {
      const written = Number(candidate.toPrecision(digits));
      if (Math.fround(written) === target) return written;
    }
  }
  return x;
}

/**
 * A copy of `config` with the value of every single-precision setting (a schema row with
 * `precision: "single"`: the core trains with its 32-bit float and nothing else; each
 * entry of a list of them) in its
 * short form, which the core takes as the same setting; every other value as it is,
 * since the core uses more of it (a noise of 12.3456789012 is not 12.345679, nor is a
 * learning rate of 0.029999999329447746 0.03 once the schedule decays it).
 * @param {import('./schema.js').Schema} schema
 */
export function tidyConfig(config, schema) {
  const tidy = { ...config };
  for (const row of schema.settings) {
    if (row.precision !== 'single' || !(row.key in tidy)) continue;
    const value = tidy[row.key];
    // A list of rates (dropout) is tidied rate by rate.
    tidy[row.key] = Array.isArray(value) ? value.map(tidyNumber) : tidyNumber(value);
  }
  return tidy;
}

/**
 * When `partial` switches the problem but names no dataset and the current one does
 * not belong to the new problem, adds the new problem's first dataset.
 */
export function withFittingDataset(partial, current, schema) {
  if (!('problem' in partial) || 'dataset' in partial) return partial;
  const datasets = schema.datasetsOf(partial.problem);
  if (datasets.length === 0) return partial;
  const fits = datasets.some((d) => d.value === current.dataset);
  return fits ? partial : { ...partial, dataset: datasets[0].value };
}

/** Where a dataset with too few classes goes when more classes are asked for. */
export const MANY_CLASS_DATASET = 'spiral';

/**
 * The words for a two-class dataset `from` replaced, to fit `config.classes`, by
 * `config.dataset`: said after a control's change and after an address alike.
 */
export function datasetSwitchNote(from, config, schema) {
  const label = (dataset) => schema.label('dataset', dataset);
  return `the dataset ${label(from)} has only 2 classes, so it is now ${label(config.dataset)} (${config.classes} classes)`;
}

/**
 * The words for a dataset `from` that a setup names but that own points given with it
 * (`points=`) replaced: own points make the dataset `own`, whatever it was.
 */
export function ownPointsNote(from, schema) {
  const label = (dataset) => schema.label('dataset', dataset);
  return `the own points given (points=) make the dataset ${label('own')}, not ${label(from)}`;
}

/** How many output neurons a config's network has: one per class for softmax, else one. */
export function outputCountOf(config) {
  return config.loss === 'softmaxCrossEntropy' ? (config.classes ?? 2) : 1;
}

/** Whether `config` classifies into three or more classes (class colours, class legend). */
export function isMultiClass(config) {
  return config.problem === 'classification' && (config.classes ?? 2) > 2;
}

/**
 * `partial` made to fit the rest of the config (`current`), so the core takes it in one
 * patch: a dataset of the problem (withFittingDataset); with 3 or more classes, a dataset
 * that has them (xor → spiral); and a loss that fits the problem and the classes (the
 * first of `lossesFor(problem, classes)`) when the current one does not; a shorter
 * `hidden` cuts `layerActivations` and `dropout` to its length, as the page's − button
 * does (a longer one leaves the new layers on `activation`, without dropout). Keys that `partial` names itself
 * are never changed.
 */
export function fitPatch(partial, current, lossesFor, schema) {
  let patch = withFittingDataset(partial, current, schema);
  const problem = patch.problem ?? current.problem;
  const classes = patch.classes ?? current.classes ?? 2;
  const dataset = patch.dataset ?? current.dataset;
  const mostClasses = schema.row('dataset').choices.find((choice) => choice.value === dataset)?.maxClasses ?? Infinity;
  if (problem === 'classification' && classes > mostClasses && !('dataset' in partial)) {
    patch = { ...patch, dataset: MANY_CLASS_DATASET };
  }
  if (!('loss' in partial) && lossesFor) {
    let fits = [];
    try {
      fits = Array.from(lossesFor(problem, classes));
    } catch {
      // A value the core refuses: it will say why when the patch is applied.
    }
    if (fits.length && !fits.includes(current.loss)) patch = { ...patch, loss: fits[0] };
  }
  return withFittingLayerLists(patch, current);
}

/** The settings that hold one entry per hidden layer (or fewer). */
const PER_LAYER = ['layerActivations', 'dropout'];

/** `patch` with `layerActivations` and `dropout` cut to a shorter `hidden` (see fitPatch). */
function withFittingLayerLists(patch, current) {
  const { hidden } = patch;
  if (!Array.isArray(hidden)) return patch;
  const fitted = { ...patch };
  for (const key of PER_LAYER) {
    const list = current[key] ?? [];
    if (!(key in patch) && hidden.length < list.length) fitted[key] = list.slice(0, hidden.length);
  }
  return fitted;
}

/**
 * Sums up two `setConfig` outcomes: "kept" < "newData" (new points, same network) and
 * "reset" (same points, new network) < "regenerated" (both new).
 */
export function combineOutcomes(a, b) {
  if (a === b || b === 'kept') return a;
  if (a === 'kept') return b;
  return 'regenerated';
}

/** Whether an outcome brought new points. */
export function hasNewData(outcome) {
  return outcome === 'newData' || outcome === 'regenerated';
}

/** Whether an outcome rebuilt the network (epoch back to 0). */
export function hasNewNetwork(outcome) {
  return outcome === 'reset' || outcome === 'regenerated';
}
