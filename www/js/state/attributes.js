// The element's attributes as a setup: every config key and view option is an
// attribute in kebab-case (`learning-rate="0.1"`, `features="x1,x2,x1x2"`,
// `show-test-data`), except `hidden` — HTML's own global attribute, which would hide the
// element — whose attribute is `hidden-layers="4,2"`. Values are written as in the
// address bar (lists comma-separated); a view toggle present without a value is on.
// `config='{…}'` takes a JSON object of config keys, and `link` a share link (or just
// its `#…` part) to start from; the attributes for single keys win over both.
// DOM-free: it reads a plain {name: value} map.

import { CONFIG_KEYS, VIEW_KEYS, decodeHash, decodeValue, decodeViewEntry } from './address.js';
import { DEFAULT_VIEW } from './view.js';

/** Config keys whose attribute is not their kebab-case name. */
const RENAMED = { hidden: 'hidden-layers' };

/** `learningRate` → `learning-rate`. */
export function kebab(name) {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `learning-rate` → `learningRate`. */
export function camel(name) {
  return name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** The attribute of a config key or view option. */
export function attributeOf(key) {
  return RENAMED[key] ?? kebab(key);
}

/** Attribute name → config key, for every config key. */
export const CONFIG_ATTRIBUTES = new Map(CONFIG_KEYS.map((key) => [attributeOf(key), key]));
/** Attribute name → view option. */
export const VIEW_ATTRIBUTES = new Map(VIEW_KEYS.map((key) => [attributeOf(key), key]));
/** The attributes that are whole setups rather than one key. */
export const SETUP_ATTRIBUTES = ['link', 'config'];

/** Reads the `config` attribute: a JSON object of config keys. */
function parseConfigAttribute(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`config must be a JSON object such as {"learningRate": 0.1} (${error.message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('config must be a JSON object such as {"learningRate": 0.1}');
  }
  return parsed;
}

/** A view option from its attribute text: a toggle present without a value is on. */
function viewEntry(key, text, view) {
  const value = typeof DEFAULT_VIEW[key] === 'boolean' && text === '' ? 'true' : text;
  decodeViewEntry(key, value, view);
}

/**
 * The setup the attributes in `attributes` ({name: value}) ask for: `values` (config
 * keys), `view` (complete: options no attribute names keep their value in `base`, or
 * the link's) and one readable line per attribute that could not be read (`errors`).
 */
export function readAttributes(attributes, base = DEFAULT_VIEW) {
  const errors = [];
  let values = {};
  let view = { ...base, hidden: [...base.hidden] };
  if ('link' in attributes) {
    const text = attributes.link;
    const link = decodeHash(text.includes('#') ? text.slice(text.indexOf('#')) : text);
    ({ values, view } = link);
    errors.push(...link.errors.map((error) => `link: ${error}`));
  }
  if ('config' in attributes) {
    try {
      values = { ...values, ...parseConfigAttribute(attributes.config) };
    } catch (error) {
      errors.push(error.message);
    }
  }
  for (const [name, text] of Object.entries(attributes)) {
    try {
      if (CONFIG_ATTRIBUTES.has(name)) values[CONFIG_ATTRIBUTES.get(name)] = decodeValue(CONFIG_ATTRIBUTES.get(name), text);
      else if (VIEW_ATTRIBUTES.has(name)) viewEntry(VIEW_ATTRIBUTES.get(name), text, view);
    } catch (error) {
      errors.push(`${name}="${text}": ${error.message}`);
    }
  }
  return { values, view, errors };
}

/** The text an attribute shows for `value` (as the address bar writes it). */
export function attributeText(value) {
  return Array.isArray(value) ? value.join(',') : String(value);
}
