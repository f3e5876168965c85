// The view options of a playground: how it shows the run rather than what the network
// is — training speed (epochs per frame), test points, discretized output, palette,
// links coloured by gradient (their rows are in the schema) — and the classroom flags
// (hidden controls, hidden page text). Checks a change before it is applied. DOM-free.

import { controlNames } from './classroom.js';
import { describe } from './notices.js';

/** Throws a readable Error unless `value` fits view option `row`; returns it. */
export function checkViewValue(row, value) {
  const { key } = row;
  const shown = describe(value);
  if (row.kind === 'toggle' && typeof value !== 'boolean') {
    throw new Error(`${key} must be true or false, got ${shown}`);
  }
  if (row.kind === 'choice') {
    const names = row.choices.map((choice) => choice.value);
    if (!names.includes(value)) throw new Error(`${key} must be one of ${names.join(', ')}, got ${shown}`);
  }
  if (row.kind === 'number') {
    const fits =
      typeof value === 'number'
      && Number.isFinite(value)
      && (!row.whole || Number.isInteger(value))
      && (row.minExclusive ? value > row.min : value >= row.min)
      && (row.maxExclusive ? value < row.max : value <= row.max);
    if (!fits) throw new Error(`${key} must be a ${row.whole ? 'whole ' : ''}number from ${row.min} to ${row.max}, got ${shown}`);
  }
  return value;
}

/** `view` with `partial` applied; throws a readable Error (and changes nothing) on a bad value. */
export function mergeView(view, partial, schema) {
  const known = [...schema.viewKeys, 'hidden', 'hideText'];
  const unknown = Object.keys(partial).filter((key) => !known.includes(key));
  if (unknown.length) {
    throw new Error(`unknown view option "${unknown[0]}": use ${known.join(', ')}`);
  }
  const next = { ...view, ...partial };
  for (const key of schema.viewKeys) checkViewValue(schema.row(key), next[key]);
  if (typeof next.hideText !== 'boolean') throw new Error(`hideText must be true or false, got ${JSON.stringify(next.hideText)}`);
  const names = controlNames(schema);
  if (!Array.isArray(next.hidden)) {
    throw new Error(`hidden must be a list of controls from ${names.join(', ')}; got ${describe(next.hidden)}`);
  }
  const { hidden } = next;
  const wrong = hidden.find((name) => !names.includes(name));
  if (wrong !== undefined) {
    throw new Error(`hidden must list controls from ${names.join(', ')}; got ${JSON.stringify(wrong)}`);
  }
  return { ...next, hidden: [...new Set(hidden)] };
}
