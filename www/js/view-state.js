// The view options of a playground: how it shows the run rather than what the
// network is — test points, discretized output, palette — and the classroom flags
// (hidden controls, hidden page text). Checks a change before it is applied.

import { HIDEABLE_NAMES } from './classroom.js';
import { PALETTE_NAMES } from './palette.js';

export const DEFAULT_VIEW = Object.freeze({
  showTestData: false, discretize: false, palette: 'default', hidden: Object.freeze([]), hideText: false,
});

const BOOLEANS = ['showTestData', 'discretize', 'hideText'];

/** `view` with `partial` applied; throws a readable Error (and changes nothing) on a bad value. */
export function mergeView(view, partial) {
  const unknown = Object.keys(partial).filter((key) => !(key in DEFAULT_VIEW));
  if (unknown.length) {
    throw new Error(`unknown view option "${unknown[0]}": use ${Object.keys(DEFAULT_VIEW).join(', ')}`);
  }
  const next = { ...view, ...partial };
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
