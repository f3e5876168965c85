// The address bar as the playground's memory. The URL hash holds every config key
// (`#dataset=spiral&noise=10&…&hidden=4,2&features=x1,x2`), then the view options
// (`epochsPerFrame`, `showTestData`, `discretize`, `palette`), then the classroom flags
// (`learningRate_hide=true`, `hideText=true`), so a copied address reproduces the same
// run on the same reduced page. This module only turns those into hashes and back
// (DOM-free); whether a config value is allowed is decided by greymatter's core.

import { HIDEABLE_NAMES, HIDE_SUFFIX, HIDE_TEXT } from './classroom.js';
import { PALETTE_NAMES } from '../output/palette.js';
import { DEFAULT_VIEW, checkEpochsPerFrame } from './view.js';

/** Config keys in the order they are written to the address bar. */
export const CONFIG_KEYS = [
  'dataset', 'noise', 'trainRatio', 'batchSize', 'learningRate', 'activation', 'layerActivations',
  'regularization', 'regularizationRate', 'hidden', 'features', 'problem', 'classes', 'loss',
  'initialization', 'schedule', 'decayRate', 'decayEpochs', 'stopAfter',
  'optimizer', 'momentum', 'rmsDecay', 'beta1', 'beta2', 'epsilon',
  'seed', 'dataSeed', 'samples',
];

/** View options: how the page shows the run, not what the network is. */
export const VIEW_KEYS = ['epochsPerFrame', 'showTestData', 'gradientLinks', 'discretize', 'palette'];

const NUMBER_KEYS = new Set([
  'noise', 'trainRatio', 'batchSize', 'learningRate', 'regularizationRate',
  'momentum', 'rmsDecay', 'beta1', 'beta2', 'epsilon', 'decayRate', 'decayEpochs', 'stopAfter',
  'seed', 'dataSeed', 'samples', 'classes',
]);
const LIST_KEYS = new Set(['hidden', 'features', 'layerActivations']);

function encodeValue(value) {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return encodeURIComponent(text).replace(/%2C/gi, ',');
}

/** `config` and `view` → `dataset=circle&noise=0&…` (no leading `#`). */
export function encodeHash(config, view = DEFAULT_VIEW) {
  const entries = CONFIG_KEYS.filter((key) => key in config).map((key) => [key, config[key]]);
  for (const key of VIEW_KEYS) entries.push([key, view[key] ?? DEFAULT_VIEW[key]]);
  const hidden = new Set(view.hidden ?? []);
  for (const name of HIDEABLE_NAMES) if (hidden.has(name)) entries.push([name + HIDE_SUFFIX, true]);
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

/** Turns the text of one config entry into the value the core expects. */
export function decodeValue(key, text) {
  if (!CONFIG_KEYS.includes(key)) throw new Error(`unknown setting "${key}"`);
  if (NUMBER_KEYS.has(key)) return parseNumber(key, text);
  if (!LIST_KEYS.has(key)) return text;
  const parts = text === '' ? [] : text.split(',').map((part) => part.trim());
  if (key === 'hidden') return parts.map((part) => parseNumber('hidden', part));
  return parts;
}

/** Reads one view option or classroom flag into `view`; false if `key` is not one. */
export function decodeViewEntry(key, text, view) {
  if (key === 'palette') {
    if (!PALETTE_NAMES.includes(text)) {
      throw new Error(`palette must be one of ${PALETTE_NAMES.join(', ')}, got "${text}"`);
    }
    view.palette = text;
  } else if (key === 'epochsPerFrame') {
    view.epochsPerFrame = checkEpochsPerFrame(parseNumber(key, text));
  } else if (VIEW_KEYS.includes(key) || key === HIDE_TEXT) {
    view[key] = parseBoolean(key, text);
  } else if (key.endsWith(HIDE_SUFFIX)) {
    const name = key.slice(0, -HIDE_SUFFIX.length);
    if (!HIDEABLE_NAMES.includes(name)) {
      throw new Error(`"${key}": there is no control called "${name}" to hide`);
    }
    if (parseBoolean(key, text)) view.hidden.push(name);
  } else {
    return false;
  }
  return true;
}

/**
 * Reads `#key=value&…`. Returns the config values that could be read (`values`), the
 * view options and classroom flags (`view`, complete: missing ones take their
 * defaults) and one readable line per entry that could not be read (`errors`).
 */
export function decodeHash(hash) {
  const values = {};
  const view = { ...DEFAULT_VIEW, hidden: [] };
  const errors = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const entry of body.split('&')) {
    if (entry === '') continue;
    const cut = entry.indexOf('=');
    try {
      const key = decodeURIComponent(cut < 0 ? entry : entry.slice(0, cut));
      const text = cut < 0 ? '' : decodeURIComponent(entry.slice(cut + 1));
      if (!decodeViewEntry(key, text, view)) values[key] = decodeValue(key, text);
    } catch (error) {
      errors.push(error instanceof URIError ? `cannot read "${entry}"` : error.message);
    }
  }
  return { values, view, errors };
}

/** True when the two values write the same text to the address bar. */
export function sameValue(a, b) {
  return encodeValue(a) === encodeValue(b);
}
