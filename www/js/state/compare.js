// Two runs side by side: what B changes from A, in words, and the address's compare
// part. A comparison is the address of A as today followed by `compare=true` and one
// `b.<key>=<value>` entry per setting where B differs from A
// (`#…&seed=1&…&compare=true&b.learningRate=0.1&b.activation=relu`), values written as
// the address writes them. The compare part is read strictly and as a whole: one bad
// entry refuses it all, with a line naming the problem, and no comparison opens.
// Whether a value itself is allowed is decided by B's core. DOM-free.

import { decodeValue, encodeValue, sameValue, COMPARE_KEY, B_PREFIX } from './address.js';
import { cut, quote } from './notices.js';

export { COMPARE_KEY, B_PREFIX, isCompareKey } from './address.js';

/** The config keys (in address order) where `b` differs from `a`. */
export function differingKeys(a, b, schema) {
  return schema.configKeys.filter((key) => key in a && key in b && !sameValue(a[key], b[key]));
}

/** `value` of `key` in words: a choice's label, lists item by item, numbers as written. */
export function valueWords(key, value, schema) {
  const row = schema.row(key);
  const one = (item) => (row?.choices ? schema.label(key, item) : String(item));
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(one).join(', ');
  return one(value);
}

/** A schema label as it reads inside a sentence: "Learning rate" → "learning rate" (β₁, ReLU stay). */
function inSentence(label) {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/**
 * What B changes from A, one entry per setting: `{key, label, a, b}` with the values in
 * words (labels from the schema rows).
 */
export function differences(a, b, schema) {
  return differingKeys(a, b, schema).map((key) => ({
    key,
    label: inSentence(schema.row(key).label),
    a: valueWords(key, a[key], schema),
    b: valueWords(key, b[key], schema),
  }));
}

/** The line naming the differences: "B: learning rate 0.1 instead of 0.03; activation ReLU instead of Tanh". */
export function differenceLine(a, b, schema) {
  const list = differences(a, b, schema);
  if (list.length === 0) return "B: the same settings as A (change one of B's settings)";
  return `B: ${list.map(({ label, a: was, b: now }) => `${label} ${now} instead of ${was}`).join('; ')}`;
}

/** The compare part of the address for B against A: `compare=true&b.learningRate=0.1…` (no leading `&`). */
export function encodeCompare(a, b, schema) {
  const entries = [`${COMPARE_KEY}=true`];
  for (const key of differingKeys(a, b, schema)) entries.push(`${B_PREFIX}${key}=${encodeValue(b[key], schema.row(key)?.kind)}`);
  return entries.join('&');
}

/**
 * Reads the compare entries of an address (`[[key, text], …]`, as decodeHash collects
 * them). Returns `{open, values, errors}`: `open` is true when the address asks for a
 * comparison and every entry could be read, `values` then B's settings that differ
 * (config values as the core expects them); `errors` names each problem, and any
 * problem refuses the whole compare part (`open` false, no values).
 */
export function decodeCompare(entries, schema) {
  const errors = [];
  const values = {};
  const seen = new Map();
  let open = null;
  for (const [key, text] of entries) {
    if (seen.has(key)) {
      errors.push(`${cut(key)} is given twice (${quote(seen.get(key))} and ${quote(text)}); give it once`);
      continue;
    }
    seen.set(key, text);
    if (key === COMPARE_KEY) {
      if (text === 'true') open = true;
      else if (text === 'false') open = false;
      else errors.push(`compare must be true or false, got ${quote(text)}`);
      continue;
    }
    const setting = key.slice(B_PREFIX.length);
    if (!schema.isConfigKey(setting)) {
      const what = schema.isViewKey(setting) ? `${quote(setting)} is a view option, and B shows what A shows` : `unknown setting ${quote(setting)}`;
      errors.push(`${cut(key)}: ${what}; B's settings are ${B_PREFIX}${schema.configKeys[0]}, ${B_PREFIX}${schema.configKeys[1]}, … (the config keys)`);
      continue;
    }
    try {
      values[setting] = decodeValue(setting, text, schema);
    } catch (error) {
      errors.push(`${cut(key)}: ${error.message}`);
    }
  }
  const firstB = entries.find(([key]) => key !== COMPARE_KEY)?.[0];
  if (open !== true && firstB !== undefined && !errors.some((line) => line.startsWith('compare '))) {
    errors.push(`${cut(firstB)} belongs to a comparison: the address needs compare=true before it`);
  }
  if (errors.length > 0) return { open: false, values: {}, errors };
  return { open: open === true, values, errors };
}
