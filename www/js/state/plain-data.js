// Copying a value a script handed greymatter into plain data before the core sees it.
// A script may pass anything: a cycle, arrays nested 10,000 deep, a getter that throws,
// a Proxy whose traps throw or lie, a Date or a class instance. Read inside the core,
// such a value throws a JavaScript exception through a wasm call, and that leaves the
// core's handle unusable. `plainData` reads the value once, without recursion, into
// fresh objects, arrays, strings, numbers, booleans and null (undefined too, where the
// limits allow it) — so the core never sees a Proxy or a getter — and refuses anything
// else with a readable message that names the path of the value.
// DOM-free (unit-tested in tests/unit/plain-data.test.mjs).

import { MAX_DEPTH, MAX_VALUES } from './document.js';

/** Limits for settings (a config, a patch, view options): small, and undefined allowed (the core names the key). */
export const SETTINGS = { maxDepth: 16, maxValues: 10_000, json: false };
/** Limits for model and lesson files: what document.js allows for their text, and only what JSON holds. */
export const DOCUMENT = { maxDepth: MAX_DEPTH, maxValues: MAX_VALUES, json: true };

/** `layers[2].weights` style path of a stack entry (its keys from the top value down). */
function pathOf(entry) {
  const keys = [];
  for (let at = entry; at && at.key !== null; at = at.up) keys.push(at.key);
  let text = '';
  for (const key of keys.reverse()) text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
  return text || '(the whole value)';
}

/** What a thrown value says, without trusting it (its message getter may throw too). */
function thrownText(thrown) {
  try {
    return thrown instanceof Error ? String(thrown.message) : String(thrown);
  } catch {
    return 'an exception';
  }
}

/** The kind of a value that is not plain data, as a message says it ("a Date", "a function"). */
function kindOf(value) {
  if (typeof value !== 'object') return `a ${typeof value}`;
  try {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    if (name === 'Object') return 'an object with a prototype of its own';
    return typeof name === 'string' && name ? `a ${name}` : 'an object that is not plain';
  } catch {
    return 'an object that is not plain';
  }
}

/**
 * A plain copy of `value`, or an Error naming the path of what is refused: nesting
 * deeper than `limits.maxDepth` arrays and objects, more than `limits.maxValues` values,
 * a cycle, a property whose getter (or Proxy trap) throws, a non-plain object (Date,
 * Map, class instance, boxed primitive), a function, symbol or bigint, and — with
 * `limits.json` — undefined and non-finite numbers. `what` names the value in messages
 * ("the settings", "the model"). Iterative: a deep value cannot overflow the stack.
 */
export function plainData(value, what, limits = SETTINGS) {
  const top = [undefined];
  const stack = [{ source: value, into: top, slot: 0, key: null, up: null, depth: 0 }];
  let count = 1; // values met so far, those still on the stack included
  while (stack.length > 0) {
    const entry = stack.pop();
    const { copy, children } = copyOne(entry, what, limits, limits.maxValues - count);
    entry.into[entry.slot] = copy;
    count += children.length;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return top[0];
}

/**
 * One entry's copy: a primitive as it is, or a fresh container (filled in later) and
 * the entries of its children, read once each. `room`: how many more values fit.
 */
function copyOne(entry, what, limits, room) {
  const refuse = (text) => new Error(`${what}: ${pathOf(entry)} ${text}`);
  const { source } = entry;
  const type = typeof source;
  const leaf = (copy) => ({ copy, children: [] });
  if (source === null || type === 'string' || type === 'boolean') return leaf(source);
  if (type === 'number') {
    if (limits.json && !Number.isFinite(source)) throw refuse(`is ${source}, not a finite number`);
    return leaf(source);
  }
  if (type === 'undefined') {
    if (limits.json) throw refuse('is undefined, which JSON cannot hold');
    return leaf(source);
  }
  if (type !== 'object') throw refuse(`is ${kindOf(source)}, not plain data`);
  for (let at = entry.up; at; at = at.up) {
    if (at.source === source) throw refuse(`refers back to ${pathOf(at)} (a cycle)`);
  }
  const read = (doing, work, at = entry) => {
    try {
      return work();
    } catch (thrown) {
      throw new Error(`${what}: ${doing(pathOf(at))} threw "${thrownText(thrown)}"`);
    }
  };
  const isArray = read(
    (path) => `Array.isArray(${path})`,
    () => Array.isArray(source),
  );
  if (!isArray) {
    const prototype = read(
      (path) => `the prototype of ${path}`,
      () => Object.getPrototypeOf(source),
    );
    if (prototype !== Object.prototype && prototype !== null) throw refuse(`is ${kindOf(source)}, not plain data`);
  }
  if (entry.depth >= limits.maxDepth) {
    throw refuse(`is nested too deeply: the most is ${limits.maxDepth} levels of arrays and objects`);
  }
  const keys = isArray
    ? null
    : read(
        (path) => `listing the keys of ${path}`,
        () => Object.keys(source),
      );
  const length = isArray
    ? read(
        (path) => `the length of ${path}`,
        () => source.length,
      )
    : keys.length;
  if (length > room) {
    throw new Error(`${what} holds more than ${limits.maxValues.toLocaleString('en')} values; the most greymatter takes is that many`);
  }
  const copy = isArray ? new Array(length).fill(null) : {};
  const children = [];
  for (let i = 0; i < length; i++) {
    const key = isArray ? i : keys[i];
    if (!isArray) Object.defineProperty(copy, key, { value: null, writable: true, enumerable: true, configurable: true });
    const child = { source: undefined, into: copy, slot: key, key, up: entry, depth: entry.depth + 1 };
    child.source = read(
      (path) => `reading ${path}`,
      () => source[key],
      child,
    );
    children.push(child);
  }
  return { copy, children };
}

/**
 * A plain copy of a document (a model or lesson file object) with DOCUMENT's limits. A
 * value that is no object at all (undefined, null, a number, a string) cannot hide a
 * getter or a cycle: it goes to the core as it is, which says what a document must be.
 */
export function plainDocument(value, what) {
  return value !== null && typeof value === 'object' ? plainData(value, what, DOCUMENT) : value;
}
