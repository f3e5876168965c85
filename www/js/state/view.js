// The view options of a playground: how it shows the run rather than what the
// network is — training speed (epochs per frame), test points, discretized output,
// palette, links coloured by gradient — and the classroom flags (hidden controls, hidden page text). Checks a
// change before it is applied.

import { HIDEABLE_NAMES } from './classroom.js';
import { PALETTE_NAMES } from '../output/palette.js';

export const DEFAULT_VIEW = Object.freeze({
  epochsPerFrame: 1, showTestData: false, gradientLinks: false, discretize: false, palette: 'default', hidden: Object.freeze([]), hideText: false,
});

/** The speeds the control offers; any whole number from 1 to MAX_EPOCHS_PER_FRAME is allowed. */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100];
export const MAX_EPOCHS_PER_FRAME = 100;

const BOOLEANS = ['showTestData', 'gradientLinks', 'discretize', 'hideText'];

/** Throws a readable Error unless `value` is an allowed number of epochs per frame. */
export function checkEpochsPerFrame(value) {
  if (!Number.isInteger(value) || value < 1 || value > MAX_EPOCHS_PER_FRAME) {
    throw new Error(`epochsPerFrame must be a whole number from 1 to ${MAX_EPOCHS_PER_FRAME}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `view` with `partial` applied; throws a readable Error (and changes nothing) on a bad value. */
export function mergeView(view, partial) {
  const unknown = Object.keys(partial).filter((key) => !(key in DEFAULT_VIEW));
  if (unknown.length) {
    throw new Error(`unknown view option "${unknown[0]}": use ${Object.keys(DEFAULT_VIEW).join(', ')}`);
  }
  const next = { ...view, ...partial };
  checkEpochsPerFrame(next.epochsPerFrame);
  for (const key of BOOLEANS) {
    if (typeof next[key] !== 'boolean') throw new Error(`${key} must be true or false, got ${JSON.stringify(next[key])}`);
  }
  if (!PALETTE_NAMES.includes(next.palette)) {
    throw new Error(`palette must be one of ${PALETTE_NAMES.join(', ')}, got ${JSON.stringify(next.palette)}`);
  }
  const hidden = Array.isArray(next.hidden) ? next.hidden : [null];
  const wrong = hidden.find((name) => !HIDEABLE_NAMES.includes(name));
  if (wrong !== undefined) {
    throw new Error(`hidden must list controls from ${HIDEABLE_NAMES.join(', ')}; got ${JSON.stringify(wrong)}`);
  }
  return { ...next, hidden: [...new Set(hidden)] };
}
