// The address bar as the playground's memory: every config key lives in the URL hash
// (`#dataset=spiral&noise=10&…&hidden=4,2&features=x1,x2`), so a copied address
// reproduces the same run. This module only turns configs into hashes and back;
// whether a value is allowed is decided by greymatter's core.

/** Config keys in the order they are written to the address bar. */
export const CONFIG_KEYS = [
  'dataset', 'noise', 'trainRatio', 'batchSize', 'learningRate', 'activation',
  'regularization', 'regularizationRate', 'hidden', 'features', 'problem', 'loss',
  'seed', 'dataSeed', 'samples',
];

const NUMBER_KEYS = new Set([
  'noise', 'trainRatio', 'batchSize', 'learningRate', 'regularizationRate',
  'seed', 'dataSeed', 'samples',
]);
const LIST_KEYS = new Set(['hidden', 'features']);

function encodeValue(value) {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return encodeURIComponent(text).replace(/%2C/gi, ',');
}

/** `config` → `dataset=circle&noise=0&…` (no leading `#`). */
export function encodeHash(config) {
  return CONFIG_KEYS
    .filter((key) => key in config)
    .map((key) => `${key}=${encodeValue(config[key])}`)
    .join('&');
}

function parseNumber(key, text) {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`${key} must be a number, got "${text}"`);
  return value;
}

/** Turns the text of one hash entry into the value the core expects. */
export function decodeValue(key, text) {
  if (!CONFIG_KEYS.includes(key)) throw new Error(`unknown setting "${key}"`);
  if (NUMBER_KEYS.has(key)) return parseNumber(key, text);
  if (!LIST_KEYS.has(key)) return text;
  const parts = text === '' ? [] : text.split(',').map((part) => part.trim());
  if (key === 'hidden') return parts.map((part) => parseNumber('hidden', part));
  return parts;
}

/**
 * Reads `#key=value&…`. Returns the values that could be read (`values`) and one
 * readable line per entry that could not (`errors`).
 */
export function decodeHash(hash) {
  const values = {};
  const errors = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const entry of body.split('&')) {
    if (entry === '') continue;
    const cut = entry.indexOf('=');
    let key, text;
    try {
      key = decodeURIComponent(cut < 0 ? entry : entry.slice(0, cut));
      text = cut < 0 ? '' : decodeURIComponent(entry.slice(cut + 1));
      values[key] = decodeValue(key, text);
    } catch (error) {
      errors.push(error instanceof URIError ? `cannot read "${entry}"` : error.message);
    }
  }
  return { values, errors };
}

/** Writes `config` into the address bar without adding a history entry. */
export function writeHash(config) {
  const hash = `#${encodeHash(config)}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

/** True when the two values write the same text to the address bar. */
export function sameValue(a, b) {
  return encodeValue(a) === encodeValue(b);
}
