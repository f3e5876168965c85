// Checking what a script passes to the scripting API (api.js) before it reaches the
// core: wasm-bindgen turns any value into a number (NaN, "abc" and 2**32 become 0,
// "1" and 1.9 become 1), so a wrong index would quietly touch another weight. Each
// refusal names the argument, the range it allows and the value given. DOM-free
// (unit-tested in tests/unit/arguments.test.mjs).

import { describe } from '../state/notices.js';

export { describe };

/** The most points one `predict` call takes. */
export const MAX_PREDICT_POINTS = 100_000;

/** `value` if it is a whole number from 0 to `most`; else throws "`name` must be … got …" (`where` adds a place). */
export function wholeNumber(name, value, most, where = '') {
  if (!Number.isInteger(value) || value < 0 || value > most) {
    throw new Error(`${name} must be a whole number from 0 to ${most}${where}, got ${describe(value)}`);
  }
  return value;
}

/** The largest finite number in single precision, the precision greymatter trains in. */
const LARGEST_SINGLE = 3.4028234663852886e38;

/** `value` if it is a number finite in single precision; else throws naming `name`. */
export function finiteNumber(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number, got ${describe(value)}`);
  }
  if (Math.abs(value) > LARGEST_SINGLE) {
    throw new Error(`${name} must be a finite number in single precision (the precision greymatter trains in: at most 3.4e38 in size), got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks a neuron's place in a network of `shape` = {inputs, sizes} (`sizes`: neurons
 * per layer, hidden layers first, the output last; `inputs`: features): `layer`,
 * `neuron` and, when given, the weight's `input`. Throws for a place it does not have.
 */
export function checkNeuron(shape, layer, neuron, input) {
  const { sizes, inputs } = shape;
  const last = sizes.length - 1;
  wholeNumber('layer', layer, last, ' (the output)');
  wholeNumber('neuron', neuron, sizes[layer] - 1, ` in layer ${layer}`);
  if (input !== undefined) {
    const from = layer === 0 ? `${inputs} features` : `${sizes[layer - 1]} neurons of layer ${layer - 1}`;
    wholeNumber('input', input, (layer === 0 ? inputs : sizes[layer - 1]) - 1, ` (layer ${layer} reads the ${from})`);
  }
}

/** Checks `predict`'s argument: an array of at most MAX_PREDICT_POINTS [x1, x2] pairs of finite numbers. */
export function checkPoints(points) {
  if (!Array.isArray(points)) {
    throw new Error(`predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got ${describe(points)}`);
  }
  if (points.length > MAX_PREDICT_POINTS) {
    throw new Error(
      `predict takes at most ${MAX_PREDICT_POINTS.toLocaleString('en')} points per call, got ${points.length.toLocaleString('en')}: split them into several calls`,
    );
  }
  const bad = points.findIndex((point) => !Array.isArray(point) || point.length !== 2 || !point.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (bad >= 0) throw new Error(`point ${bad} must be [x1, x2], two finite numbers; got ${describe(points[bad])}`);
  return points;
}
