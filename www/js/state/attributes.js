// The element's attributes as a setup: every config key and view option of the schema
// is an attribute in kebab-case (`learning-rate="0.1"`, `features="x1,x2,x1x2"`,
// `show-test-data`), except `hidden` — HTML's own global attribute, which would hide the
// element — whose attribute is `hidden-layers="4,2"`. Values are written as in the
// address bar (lists comma-separated, formulas `;`-separated); a view toggle present
// without a value is on.
// `config='{…}'` takes a JSON object of config keys, and `link` a share link (or just
// its `#…` part) to start from; the attributes for single keys win over both.
// An attribute written with `_` or in camelCase (which HTML lowers: `learningRate`
// arrives as `learningrate`) is named with the one meant (`misnamedAttributes`).
// DOM-free: it reads a plain {name: value} map.

import { decodeHash, decodeValue, decodeViewEntry, valueText } from './address.js';
import { cut, quote } from './notices.js';

/** Config keys whose attribute is not their kebab-case name. */
const RENAMED = { hidden: 'hidden-layers' };

/** `learningRate` → `learning-rate`. */
export function kebab(name) {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The attribute of a config key or view option. */
export function attributeOf(key) {
  return RENAMED[key] ?? kebab(key);
}

/** Attribute name → config key, for every config key of the schema. */
export function configAttributes(schema) {
  return new Map(schema.configKeys.map((key) => [attributeOf(key), key]));
}

/** Attribute name → view option, for every view option of the schema. */
export function viewAttributes(schema) {
  return new Map(schema.viewKeys.map((key) => [attributeOf(key), key]));
}

/** Every attribute a playground reads: its settings' (config keys, view options) and `own`, the element's. */
export function knownAttributes(schema, own) {
  return new Set([...configAttributes(schema).keys(), ...viewAttributes(schema).keys(), ...own]);
}

/** An attribute name as compared for a slip: lower case, without `-` and `_`. */
const squashed = (name) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * One line for each name in `names` that is not in `known` but, squashed (lower case,
 * without `-` and `_`), is one of them: `learning_rate is not an attribute of
 * greymatter-playground; did you mean learning-rate?`. A name HTML lowered from
 * camelCase (all lower case, where the one meant has a `-`) says so. The page's own
 * attributes are never taken for one: any other name, and every `aria-*` and `data-*`.
 */
export function misnamedAttributes(names, known, element = 'greymatter-playground') {
  const meant = new Map([...known].map((name) => [squashed(name), name]));
  const lines = [];
  for (const name of names) {
    const target = meant.get(squashed(name));
    if (!target || known.has(name) || /^(aria|data)-/.test(name)) continue;
    const lowered = /^[a-z0-9]+$/.test(name) && target.includes('-') ? ' (HTML lowers attribute names)' : '';
    lines.push(`${cut(name)}${lowered} is not an attribute of ${element}; did you mean ${target}?`);
  }
  return lines;
}

/** Reads an attribute `name` that holds a JSON object of config keys (`config`, a comparison's `b`). */
export function parseConfigAttribute(text, name = 'config') {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} must be a JSON object such as {"learningRate": 0.1} (${error.message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${name} must be a JSON object such as {"learningRate": 0.1}`);
  }
  return parsed;
}

/**
 * The setup the attributes in `attributes` ({name: value}) ask for: `values` (config
 * keys), `view` (complete: options no attribute names keep their value in `base`, or
 * the link's) and one readable line per attribute that could not be read (`errors`).
 * Attributes that are no setting (`id`, `class`, `layout`, …) are left alone.
 */
export function readAttributes(attributes, schema, base = schema.defaultView()) {
  const errors = [];
  let values = {};
  let view = { ...base, hidden: [...base.hidden] };
  let documents = {};
  if ('link' in attributes) {
    const text = attributes.link;
    const link = decodeHash(text.includes('#') ? text.slice(text.indexOf('#')) : text, schema, base);
    ({ values, view, documents } = link);
    for (const error of link.errors) errors.push(`link: ${error}`);
  }
  if ('config' in attributes) {
    try {
      values = { ...values, ...parseConfigAttribute(attributes.config) };
    } catch (error) {
      errors.push(error.message);
    }
  }
  const configKeys = configAttributes(schema);
  const viewKeys = viewAttributes(schema);
  for (const [name, text] of Object.entries(attributes)) {
    try {
      if (configKeys.has(name)) {
        values[configKeys.get(name)] = decodeValue(configKeys.get(name), text, schema);
      } else if (viewKeys.has(name)) {
        const key = viewKeys.get(name);
        decodeViewEntry(key, schema.row(key).kind === 'toggle' && text === '' ? 'true' : text, view, schema);
      }
    } catch (error) {
      errors.push(`${name}=${quote(text)}: ${error.message}`);
    }
  }
  return { values, view, documents, errors };
}

/** The text an attribute shows for `value` of `key` (as the address bar writes it). */
export function attributeText(key, value, schema) {
  return valueText(key, value, schema);
}
