// The address bar as the playground's memory. The URL hash holds every config key
// (`#dataset=spiral&noise=10&…&hidden=4,2&features=x1,x2`), then the view options
// (`epochsPerFrame`, `showTestData`, …, `palette`), then the classroom flags
// (`learningRate_hide=true`, `hideText=true`), so a copied address reproduces the same
// run on the same reduced page. The keys, their order and how each is written come
// from the schema (schema.js). This module only turns setups into hashes and back
// (DOM-free); whether a config value is allowed is decided by greymatter's core.

import { HIDE_SUFFIX, HIDE_TEXT, controlNames } from './classroom.js';
import { checkViewValue } from './view.js';

function encodeValue(value) {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return encodeURIComponent(text).replace(/%2C/gi, ',');
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
  return entries.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');
}

function parseNumber(key, text) {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`${key} must be a number, got "${text}"`);
  return value;
}

function parseBoolean(key, text) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Error(`${key} must be true or false, got "${text}"`);
}

/** A list entry: `a,b,c` (`""` is the empty list). */
function parseList(text) {
  return text === '' ? [] : text.split(',').map((part) => part.trim());
}

/** Turns the text of one config entry into the value the core expects (its kind in the schema). */
export function decodeValue(key, text, schema) {
  const row = schema.isConfigKey(key) ? schema.row(key) : null;
  if (!row) throw new Error(`unknown setting "${key}"`);
  switch (row.kind) {
    case 'number': return parseNumber(key, text);
    case 'counts': return parseList(text).map((part) => parseNumber(key, part));
    case 'names': return parseList(text);
    default: return text;
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

/** Reads one view option or classroom flag into `view`; false if `key` is not one. */
export function decodeViewEntry(key, text, view, schema) {
  if (schema.isViewKey(key)) {
    view[key] = decodeViewValue(key, text, schema);
  } else if (key === HIDE_TEXT) {
    view.hideText = parseBoolean(key, text);
  } else if (key.endsWith(HIDE_SUFFIX)) {
    const name = key.slice(0, -HIDE_SUFFIX.length);
    if (!controlNames(schema).includes(name)) {
      throw new Error(`"${key}": there is no control called "${name}" to hide`);
    }
    if (parseBoolean(key, text) && !view.hidden.includes(name)) view.hidden.push(name);
  } else {
    return false;
  }
  return true;
}

/**
 * Reads `#key=value&…`. Returns the config values that could be read (`values`), the
 * view options and classroom flags (`view`, complete: missing ones take their
 * defaults), the documents (`{points, weights}` texts, for the core to read) and one
 * readable line per entry that could not be read (`errors`).
 */
export function decodeHash(hash, schema) {
  const values = {};
  const view = schema.defaultView();
  const documents = {};
  const errors = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const entry of body.split('&')) {
    if (entry === '') continue;
    const cut = entry.indexOf('=');
    try {
      const key = decodeURIComponent(cut < 0 ? entry : entry.slice(0, cut));
      const text = cut < 0 ? '' : decodeURIComponent(entry.slice(cut + 1));
      if (DOCUMENT_KEYS.includes(key)) documents[key] = text;
      else if (!decodeViewEntry(key, text, view, schema)) values[key] = decodeValue(key, text, schema);
    } catch (error) {
      errors.push(error instanceof URIError ? `cannot read "${entry}"` : error.message);
    }
  }
  return { values, view, documents, errors };
}

/** True when the two values write the same text to the address bar. */
export function sameValue(a, b) {
  return encodeValue(a) === encodeValue(b);
}
