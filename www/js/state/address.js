// The address bar as the playground's memory. The URL hash holds every config key
// (`#dataset=spiral&noise=10&…&hidden=4,2&features=x1,x2`), then the view options
// (`epochsPerFrame`, `showTestData`, …, `palette`), then the classroom flags
// (`learningRate_hide=true`, `hideText=true`), so a copied address reproduces the same
// run on the same reduced page. The keys, their order and how each is written come
// from the schema (schema.js): lists comma-separated, except a list of formulas
// (`customFeatures=sin(3*x1);min(x1%2C%20x2)`), whose entries are separated by `;`,
// which no formula holds, each URL-encoded. This module only turns setups into hashes and back
// (DOM-free); whether a config value is allowed is decided by greymatter's core.

import { HIDE_SUFFIX, HIDE_TEXT, controlNames } from './classroom.js';
import { checkViewValue } from './view.js';
import { cut, quote } from './notices.js';

/** The separator of the entries of a list of formulas. */
const FORMULA_SEPARATOR = ';';

/**
 * A value as the address writes it for a setting of `kind`: formula lists ;-separated
 * with each formula URI-encoded, other lists comma-separated, the rest URI-encoded
 * (commas kept).
 */
export function encodeValue(value, kind) {
  if (kind === 'formulas' && Array.isArray(value)) return value.map((text) => encodeURIComponent(text)).join(FORMULA_SEPARATOR);
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return encodeURIComponent(text).replace(/%2C/gi, ',');
}

/** The text of `value` as the address writes it for setting `key` (its kind in the schema), decoded. */
export function valueText(key, value, schema) {
  if (schema.row(key)?.kind === 'formulas' && Array.isArray(value)) return value.join(FORMULA_SEPARATOR);
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The entries that carry documents rather than settings: the own points and the
 * trained weights, as the core's compact base64url texts (written after the config).
 */
export const DOCUMENT_KEYS = ['points', 'weights'];

/**
 * `config` and `view` → `dataset=circle&noise=0&…` (no leading `#`); `documents`
 * (`{points, weights}`, texts from the core) follow the config when given.
 */
export function encodeHash(config, view, schema, documents = {}) {
  const entries = schema.configKeys.filter((key) => key in config).map((key) => [key, config[key]]);
  for (const key of DOCUMENT_KEYS) if (documents[key]) entries.push([key, documents[key]]);
  const defaults = schema.defaultView();
  for (const key of schema.viewKeys) entries.push([key, view[key] ?? defaults[key]]);
  const hidden = new Set(view.hidden ?? []);
  for (const name of controlNames(schema)) if (hidden.has(name)) entries.push([name + HIDE_SUFFIX, true]);
  if (view.hideText) entries.push([HIDE_TEXT, true]);
  return entries.map(([key, value]) => `${key}=${encodeValue(value, schema.row(key)?.kind)}`).join('&');
}

/** The entry that opens a comparison of two runs (state/compare.js). */
export const COMPARE_KEY = 'compare';
/** The prefix of a comparison's entry that sets one of B's settings. */
export const B_PREFIX = 'b.';

/** True for an address key that belongs to a comparison's part. */
export function isCompareKey(key) {
  return key === COMPARE_KEY || key.startsWith(B_PREFIX);
}

/** `hash` without the entries of a comparison (what the playground itself reads and writes). */
export function withoutCompare(hash) {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const own = body.split('&').filter((entry) => {
    const key = entry.slice(0, entry.includes('=') ? entry.indexOf('=') : entry.length);
    try {
      return !isCompareKey(decodeURIComponent(key));
    } catch {
      return true; // refused later, where it is read
    }
  });
  return `${hash.startsWith('#') ? '#' : ''}${own.join('&')}`;
}

/** A number as the address writes it: decimal notation only (`-0.5`, `.5`, `3e-4`). */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(key, text) {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) {
    // Text JavaScript would read as a number (0x10, Infinity, " +1") is told how to write it.
    const hint = text.trim() !== '' && !Number.isNaN(Number(text)) ? ' (write it in decimals, such as 0.03 or 1e-4)' : '';
    throw new Error(`${key} must be a number, got ${quote(text)}${hint}`);
  }
  return value;
}

function parseBoolean(key, text) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Error(`${key} must be true or false, got ${quote(text)}`);
}

/** A list entry: `a,b,c` (`""` is the empty list). */
function parseList(text) {
  return text === '' ? [] : text.split(',').map((part) => part.trim());
}

/** The line for a key that names no setting. */
const unknownSetting = (key) => `unknown setting ${quote(key)}`;

/** Turns the text of one config entry into the value the core expects (its kind in the schema). */
export function decodeValue(key, text, schema) {
  const row = schema.isConfigKey(key) ? schema.row(key) : null;
  if (!row) throw new Error(unknownSetting(key));
  switch (row.kind) {
    case 'number':
      return parseNumber(key, text);
    case 'counts':
    case 'rates':
      return parseList(text).map((part) => parseNumber(key, part));
    case 'names':
      return parseList(text);
    case 'formulas':
      return text.trim() === '' ? [] : text.split(FORMULA_SEPARATOR).map((part) => part.trim());
    default:
      return text;
  }
}

/** The text of view option `key` as the value it stands for (checked against its row). */
export function decodeViewValue(key, text, schema) {
  const row = schema.row(key);
  let value = text;
  if (row.kind === 'number') value = parseNumber(key, text);
  else if (row.kind === 'toggle') value = parseBoolean(key, text);
  return checkViewValue(row, value);
}

const namesOf = new WeakMap();

/** The names of the controls a flag can hide, worked out once per schema. */
function hideableNames(schema) {
  if (!namesOf.has(schema)) namesOf.set(schema, new Set(controlNames(schema)));
  return namesOf.get(schema);
}

/** Reads one view option or classroom flag into `view`; false if `key` is not one. */
export function decodeViewEntry(key, text, view, schema) {
  if (schema.isViewKey(key)) {
    view[key] = decodeViewValue(key, text, schema);
  } else if (key === HIDE_TEXT) {
    view.hideText = parseBoolean(key, text);
  } else if (key.endsWith(HIDE_SUFFIX)) {
    const name = key.slice(0, -HIDE_SUFFIX.length);
    if (!hideableNames(schema).has(name)) {
      throw new Error(`${quote(key)}: there is no control called ${quote(name)} to hide`);
    }
    if (parseBoolean(key, text) && !view.hidden.includes(name)) view.hidden.push(name);
  } else {
    return false;
  }
  return true;
}

/** True when `key` names something the address can hold (a setting, a document, a flag). */
function isAddressKey(key, schema) {
  return schema.isConfigKey(key) || schema.isViewKey(key) || DOCUMENT_KEYS.includes(key) || key === HIDE_TEXT || key.endsWith(HIDE_SUFFIX);
}

/**
 * Reads `#key=value&…`. Returns the config values that could be read (`values`), the
 * view (`view`: the options the hash gives over those of `base`, so options left out
 * keep their value there; the classroom flags are exactly those the hash sets), the
 * documents (`{points, weights}` texts, for the core to read) and one readable line
 * per entry that could not be read (`errors`). A key given twice is read once, from
 * its first entry; each later one is reported. The entries of a comparison (`compare`,
 * `b.…`) are handed back as they are (`compare`: `[[key, text], …]`) for
 * state/compare.js to read.
 */
export function decodeHash(hash, schema, base = schema.defaultView()) {
  const values = {};
  const view = { ...base, hidden: [], hideText: false };
  const documents = {};
  const errors = [];
  const compare = [];
  const first = new Map();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const entry of body.split('&')) {
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    try {
      const key = decodeURIComponent(equals < 0 ? entry : entry.slice(0, equals));
      const text = equals < 0 ? '' : decodeURIComponent(entry.slice(equals + 1));
      if (isCompareKey(key)) {
        compare.push([key, text]); // read as a whole by state/compare.js
        continue;
      }
      // The two refusals a long hash repeats most, told without throwing (thousands stay fast).
      if (first.has(key)) {
        errors.push(`${cut(key)} is given twice; only the first (${cut(first.get(key))}) is read`);
        continue;
      }
      if (!isAddressKey(key, schema)) {
        errors.push(unknownSetting(key));
        continue;
      }
      first.set(key, text);
      if (DOCUMENT_KEYS.includes(key)) documents[key] = text;
      else if (!decodeViewEntry(key, text, view, schema)) values[key] = decodeValue(key, text, schema);
    } catch (error) {
      errors.push(error instanceof URIError ? `cannot read ${quote(entry)}` : error.message);
    }
  }
  return { values, view, documents, errors, compare };
}

/**
 * True when the two values are of one kind and write the same text to the address bar
 * (the text "4,2" is no list of layers: it goes on to be refused).
 */
export function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Entry by entry: a formula may hold a comma ("min(x1, x2)" is one entry, not two).
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  return typeof a === typeof b && Array.isArray(a) === Array.isArray(b) && encodeValue(a) === encodeValue(b);
}
