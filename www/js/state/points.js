// Points as scripts hand them over and get them back: `[[x1, x2, label], …]` rows by
// set, or one list to split by a ratio. This module only checks their shape (arrays
// of three finite numbers, within the core's point limit, before anything is copied)
// and turns them into the flat Float32Arrays the core takes; whether a label is a
// class, a point in range, and how a list splits, the core decides. DOM-free.

import { describe } from './notices.js';

/** The most points a playground holds (the core's sample limit; the core checks it too). */
export const MAX_POINTS = 5000;

/** `rows` as a flat Float32Array `[x1, x2, label, …]`; `what` names them in a refusal. */
export function flatRows(rows, what) {
  if (!Array.isArray(rows)) throw new Error(`${what} must be an array of [x1, x2, label] rows`);
  if (rows.length > MAX_POINTS) {
    throw new Error(`${what}: ${rows.length} points is more than greymatter holds (at most ${MAX_POINTS})`);
  }
  const flat = new Float32Array(rows.length * 3);
  rows.forEach((row, index) => {
    const fine = Array.isArray(row) && row.length === 3 && row.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!fine) {
      throw new Error(`${what} ${index + 1} must be [x1, x2, label], three finite numbers; got ${describe(row)}`);
    }
    flat.set(row, index * 3);
  });
  return flat;
}

/** Flat `[x1, x2, label, …]` back into rows. */
export function pointRows(flat) {
  const rows = [];
  for (let i = 0; i + 2 < flat.length; i += 3) rows.push([flat[i], flat[i + 1], flat[i + 2]]);
  return rows;
}

/**
 * What setData(data, options) asks of the core: `data` is `{train, test, classNames}`
 * or an array of rows split by `options.trainRatio` (percent; the config's when absent).
 */
export function dataRequest(data, options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error('setData options must be an object such as {trainRatio: 80}');
  }
  const unknownOption = Object.keys(options).find((key) => key !== 'trainRatio');
  if (unknownOption) throw new Error(`setData has no option "${unknownOption}" (it takes trainRatio)`);
  const { trainRatio } = options;
  if (trainRatio !== undefined && (typeof trainRatio !== 'number' || !(trainRatio >= 0 && trainRatio <= 100))) {
    throw new Error(`trainRatio must be a percentage from 0 to 100, got ${describe(trainRatio)}`);
  }
  if (Array.isArray(data)) return { points: flatRows(data, 'point'), trainRatio };
  if (data === null || typeof data !== 'object') {
    throw new Error('setData expects {train: [[x1, x2, label], …], test: […]} or an array of points');
  }
  const unknown = Object.keys(data).find((key) => !['train', 'test', 'classNames'].includes(key));
  if (unknown) throw new Error(`setData: unknown field "${unknown}" (it takes train, test and classNames)`);
  if (trainRatio !== undefined) throw new Error('trainRatio splits an array of points; {train, test} are split already');
  const classNames = data.classNames ?? [];
  // Their number and length are the core's to check (one limit at every door).
  if (!Array.isArray(classNames) || classNames.some((name) => typeof name !== 'string')) {
    throw new Error('classNames must be a list of names (texts), one a class');
  }
  const train = flatRows(data.train ?? [], 'train point');
  const test = flatRows(data.test ?? [], 'test point');
  if (train.length + test.length > MAX_POINTS * 3) {
    throw new Error(`${(train.length + test.length) / 3} points is more than greymatter holds (at most ${MAX_POINTS})`);
  }
  return { train, test, classNames };
}
