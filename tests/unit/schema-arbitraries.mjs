// fast-check arbitraries for greymatter's settings, built from the core's schema (no
// key, range or name is written here): valid configs and views, address texts good and
// bad, and JSON-ish patches; and the range and weight rules a valid config keeps.
// Shared by the property tests of the address codec and of config patching, and by
// config-round-trip.test.mjs.

import fc from 'fast-check';
import { controlNames, HIDE_SUFFIX, HIDE_TEXT } from '../../www/js/state/classroom.js';
import { DOCUMENT_KEYS } from '../../www/js/state/address.js';
import { outputCountOf } from '../../www/js/state/config.js';
import { glue, schema } from './core.mjs';

/** One seed for every property, so a failure is reproduced by running the file again. */
export const SEED = 20240611;

/** Whether `value` is in number row `row`'s range (whole where it must be). */
export function inRange(row, value) {
  const low = row.minExclusive ? value > row.min : value >= row.min;
  const high = row.maxExclusive ? value < row.max : value <= row.max;
  return Number.isFinite(value) && low && high && (!row.whole || Number.isInteger(value));
}

/** Whether the core trains `value` of `row` in range: its 32-bit float too, unless the row keeps doubles. */
export function trainsInRange(row, value) {
  return inRange(row, value) && (row.precision === 'double' || inRange(row, Math.fround(value)));
}

/** The same config as the core trains it: single-precision settings as their f32. */
export function asTrained(config) {
  const trained = { ...config };
  for (const row of schema.settings) {
    if (row.precision !== 'single') continue;
    const value = config[row.key];
    trained[row.key] = Array.isArray(value) ? value.map(Math.fround) : Math.fround(value);
  }
  return trained;
}

/**
 * Numbers of `row`: anywhere in range, the ends, the offered values, an f32 widened, a
 * short decimal. Never -0: the core takes a setting of -0 as 0 (a valid config holds 0).
 */
export function numberOf(row) {
  const { min, max } = row;
  const ends = [min, max, ...(row.offered ?? [])];
  const anywhere = fc.double({ min, max, minExcluded: row.minExclusive, maxExcluded: row.maxExclusive, noNaN: true });
  const values = row.whole
    ? fc.oneof(fc.constantFrom(...ends), anywhere.map(Math.round), fc.integer({ min, max: Math.min(max, min + 20) }))
    : fc.oneof(
        fc.constantFrom(...ends),
        anywhere,
        anywhere.map(Math.fround),
        anywhere.map((x) => Number(x.toPrecision(3))),
      );
  return values.filter((value) => trainsInRange(row, value)).map((value) => value + 0);
}

/** The weights of the network `config` builds (biases not counted). */
export function weightCount(config) {
  let previous = config.features.length + (config.customFeatures?.length ?? 0);
  let total = 0;
  for (const neurons of [...config.hidden, outputCountOf(config)]) {
    total += previous * neurons;
    previous = neurons;
  }
  return total;
}

/** `config` with hidden layers dropped from the end until its weights are within the core's limit. */
function withinWeights(config) {
  const hidden = [...config.hidden];
  while (weightCount({ ...config, hidden }) > schema.limits.maxWeights) hidden.pop();
  return { ...config, hidden, ...perLayer(config, hidden.length) };
}

/** The per-layer lists of `config` cut to `layers` hidden layers. */
function perLayer(config, layers) {
  return { layerActivations: config.layerActivations.slice(0, layers), dropout: config.dropout.slice(0, layers) };
}

/** A value of a names row: `unique` ones in any order, within its lengths. */
function namesOf(row) {
  const names = schema.values(row.key);
  const length = { minLength: row.minLength, maxLength: row.maxLength };
  return row.unique ? fc.shuffledSubarray(names, length) : fc.array(fc.constantFrom(...names), length);
}

/** Valid formulas, each a different formula: with spaces, commas, signs, powers and every function. */
export const FORMULAS = [
  'x1',
  'x1*x2',
  'sin(3*x1)',
  'x1^2 + x2^2',
  'tanh(x1 - x2)',
  'min(x1, x2)',
  'max(abs(x1), 0.5) / 2',
  '-x2^2 + cos(x1)',
  'exp(x1 / 6) - sqrt(x2^2 + 1)',
  'log(abs(x1) + 1) * tan(x2 / 10)',
  '2^-x1 + 1e-3',
  '(x1+x2)*(x1-x2)',
];

/** A formula row's value (one formula), or a formulas row's (distinct ones, within its length). */
function formulasOf(row) {
  if (row.kind === 'formula') return fc.constantFrom(...FORMULAS);
  return fc.uniqueArray(fc.constantFrom(...FORMULAS), { maxLength: row.maxLength });
}

/** The arbitrary of one config key, from its row alone (no rule across keys). */
export function arbitraryOf(row) {
  switch (row.kind) {
    case 'number':
      return numberOf(row);
    case 'choice':
      return fc.constantFrom(...schema.values(row.key));
    case 'names':
      return namesOf(row);
    case 'counts':
      return fc.array(fc.integer({ min: row.min, max: row.max }), { maxLength: row.maxLength });
    case 'rates':
      return fc.array(numberOf(row), { maxLength: row.maxLength });
    case 'formula':
    case 'formulas':
      return formulasOf(row);
    default:
      throw new Error(`no arbitrary for kind ${row.kind}`);
  }
}

/**
 * Every config the core takes: each key from its row, then the rules across keys — a
 * dataset of the problem, classes the dataset has, a loss that fits the problem and
 * classes, no more layer activations or dropout rates than hidden layers, and at most the core's
 * number of weights.
 */
export const validConfig = fc
  .record(Object.fromEntries(schema.settings.map((row) => [row.key, arbitraryOf(row)])), { noNullPrototype: true })
  .chain((config) => {
    const datasets = schema.datasetsOf(config.problem);
    return fc.constantFrom(...datasets).chain((dataset) => {
      const classes = config.problem === 'classification' ? Math.min(config.classes, dataset.maxClasses) : config.classes;
      const losses = Array.from(glue.lossesFor(config.problem, classes));
      return fc.constantFrom(...losses).map((loss) =>
        withinWeights({
          ...config,
          dataset: dataset.value,
          classes,
          loss,
          ...perLayer(config, config.hidden.length),
        }),
      );
    });
  });

/** Every view the address can hold: each option from its row, the hidden controls in address order. */
export const validView = fc.record(
  {
    ...Object.fromEntries(schema.view.map((row) => [row.key, row.kind === 'toggle' ? fc.boolean() : arbitraryOf(row)])),
    hidden: fc.subarray(controlNames(schema)),
    hideText: fc.boolean(),
  },
  { noNullPrototype: true },
);

/** Documents as the core writes them: base64url texts, or none. */
export const documents = fc.record(
  Object.fromEntries(DOCUMENT_KEYS.map((key) => [key, fc.string({ unit: fc.constantFrom(...'ABCabc019-_'), minLength: 1 })])),
  { requiredKeys: [], noNullPrototype: true },
);

/** Every key the address knows, and some it does not. */
export const addressKey = fc.oneof(
  fc.constantFrom(...schema.configKeys, ...schema.viewKeys, ...DOCUMENT_KEYS, HIDE_TEXT),
  fc.constantFrom(...controlNames(schema)).map((name) => name + HIDE_SUFFIX),
  fc.string().map((name) => name + HIDE_SUFFIX),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
);

/** Text that is hard to read as a value: broken escapes, lone surrogates, other numbers, lists, huge. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('%', '0', '9', 'A', 'f', 'G', 'E', 'D', '8', ',', '&', '=', '#', '+', ' ') }),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%ED%A0%80',
    '%FF',
    '%C0%80',
    '%00',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1e999',
    '-0',
    '1e-400',
    ' 1',
    '1,,2',
    ',',
    '4,-2',
    'true',
    'null',
    '\uD800',
    '\uDC00x',
  ),
  fc.tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 1000, max: 50_000 })).map(([text, times]) => (text || 'x').repeat(times)),
);

/** The text of a value as the address might carry it: valid for some key, or hostile. */
export const valueText = fc.oneof(
  fc
    .constantFrom(...schema.settings, ...schema.view)
    .chain((row) => (row.kind === 'toggle' ? fc.boolean() : arbitraryOf(row)))
    .map((value) => encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value))),
  hostileText,
  hostileText.map((text) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return text;
    }
  }),
);

/** `key=value&…` soups: known and unknown keys, repeated keys, entries with no `=`, empty entries. */
export const addressSoup = fc
  .array(
    fc.oneof(
      fc.tuple(addressKey, valueText).map(([key, text]) => `${key}=${text}`),
      addressKey,
      hostileText,
      fc.constant(''),
    ),
    { maxLength: 40 },
  )
  .chain((entries) => fc.tuple(fc.constantFrom('', '#', '##', '?'), fc.constant(entries), fc.constantFrom('&', '&&', '=')))
  .map(([start, entries, separator]) => start + entries.join(separator));

/** JSON-ish values of any shape, with the numbers JSON has not (NaN, ±Infinity, -0) and undefined. */
export const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined, null, '', [], {}, 1e308, 5e-324, 2 ** 53, -1, 0.5),
  fc.array(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)), { maxLength: 12 }),
);

/** Patches of JSON-ish values: some on known keys (with a valid value now and then), some on unknown ones. */
export const anyPatch = fc
  .dictionary(fc.oneof(fc.constantFrom(...schema.configKeys), fc.string(), fc.constantFrom('__proto__', 'constructor')), jsonish, {
    maxKeys: 6,
    noNullPrototype: true,
  })
  .chain((patch) =>
    fc
      .subarray(schema.settings, { maxLength: 2 })
      .chain((rows) => fc.record(Object.fromEntries(rows.map((row) => [row.key, arbitraryOf(row)])), { noNullPrototype: true }))
      .map((valid) => ({ ...patch, ...valid })),
  );
