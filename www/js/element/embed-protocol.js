// The iframe embed's protocol (docs/embedding-iframe.md), without the DOM: reading the
// frame's address (the share-link hash plus the embed's own keys), deciding whether a
// message may script the frame, answering a call against the scripting API object
// (api.js; the calls that exist are the rows of methods.js) and shaping the messages
// the frame sends. embed-frame.js puts it on a page.
//
// Every message is a plain object tagged `greymatter: 1`:
//   host → frame   {greymatter: 1, id, call: 'setConfig', args: [{learningRate: 0.1}]}
//   frame → host   {greymatter: 1, id, result} or {greymatter: 1, id, error: '<message>'}
//   frame → host   {greymatter: 1, event: 'epoch', detail: {…}}, and event 'resize' with {height}

import { layoutNamed, THEMES } from './layouts.js';
import { MEMBERS } from './methods.js';

/** The tag and version every message carries. */
export const PROTOCOL_VERSION = 1;

/** The element's events the frame passes on to its parent. */
export const EVENT_TYPES = ['ready', 'epoch', 'configchange', 'viewchange', 'diverge', 'error'];

/** The keys of the frame's address that are the embed's own rather than the playground's setup. */
export const EMBED_KEYS = ['layout', 'controls', 'theme', 'autoplay', 'origins'];

/** How much one message may carry, in arguments or in a result. */
export const LIMITS = { depth: 32, values: 1_000_000, characters: 4_000_000 };

// ---- the frame's address ----------------------------------------------------

/** `decodeURIComponent`, or null for text that does not decode. */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Splits `#a=1&b=2` into `[{entry, key, text}]`: `entry` is the raw `a=1`, `text` is
 * null for an entry without `=`, `unreadable` true when the key or value does not decode.
 */
function hashEntries(hash) {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body
    .split('&')
    .filter(Boolean)
    .map((entry) => {
      const cut = entry.indexOf('=');
      const key = decoded(cut < 0 ? entry : entry.slice(0, cut));
      const text = cut < 0 ? null : decoded(entry.slice(cut + 1));
      return { entry, key, text, unreadable: key === null || (cut >= 0 && text === null) };
    });
}

/**
 * `https://a.example` (a trailing `/` or a default port is fine) → its origin, or null
 * for text that is not exactly an origin (a path, no scheme, `null`).
 */
export function originOf(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare && url.origin !== 'null' && !text.endsWith('#') && !text.endsWith('?') ? url.origin : null;
}

/** The `origins` key: comma-separated origins. An unreadable list allows none (it fails closed). */
function readOrigins(text, problems) {
  const origins = [];
  for (const part of (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const origin = originOf(part);
    if (origin) origins.push(origin);
    else problems.push(`origins: "${part}" is not an origin; write each as scheme://host[:port], e.g. https://example.org`);
  }
  if (origins.length === 0) {
    problems.push('origins names no origin, so no page may script this frame and it sends no messages');
  }
  return origins;
}

/**
 * Checks one of the element's own keys; returns the attribute's value, or null to leave
 * it unset. `controls` is left to the element, which knows the controls.
 */
function readElementKey(key, text, problems) {
  if (key === 'autoplay') {
    if (text === null || text === '' || text === 'true') return '';
    if (text !== 'false') problems.push(`autoplay must be true or false, got ${JSON.stringify(text)}`);
    return null;
  }
  const value = text ?? '';
  if (key === 'layout') {
    try {
      layoutNamed(value);
    } catch (error) {
      problems.push(error.message);
      return null;
    }
  }
  if (key === 'theme' && !THEMES.includes(value)) {
    problems.push(`theme must be one of ${THEMES.join(', ')}, got ${JSON.stringify(value)}`);
    return null;
  }
  return value;
}

/**
 * Reads the frame's address `#dataset=xor&…&layout=compact&origins=https://a.example`:
 * `link`, every other entry as written (the share link's hash, no `#`: the element
 * reads and checks it); `attributes`, the element's own attributes to set (`layout`,
 * `controls`, `theme`, `autoplay`), a layout, theme or autoplay only with a value it
 * takes; `origins`, the origins allowed to script the frame (null: any parent); and
 * `problems`, one readable line per embed key left out.
 */
export function readEmbedHash(hash) {
  const attributes = {};
  const setup = [];
  const problems = [];
  let origins = null;
  for (const { entry, key, text, unreadable } of hashEntries(hash)) {
    if (!EMBED_KEYS.includes(key)) {
      setup.push(entry);
    } else if (unreadable) {
      problems.push(`cannot read "${entry}"`);
      if (key === 'origins') origins = readOrigins('', problems); // an unreadable list allows none
    } else if (key === 'origins') {
      origins = readOrigins(text, problems);
    } else {
      const value = readElementKey(key, text, problems);
      if (value === null) delete attributes[key];
      else attributes[key] = value;
    }
  }
  return { link: setup.join('&'), attributes, origins, problems };
}

// ---- who may script the frame -------------------------------------------------

/**
 * True when a `message` event may script the frame: it comes from `parent` (the frame's
 * parent window) and, when `origins` is a list, from one of those origins.
 */
export function isFromHost(event, { parent, origins }) {
  return event.source === parent && (origins === null || origins.includes(event.origin));
}

/**
 * The answer to a greymatter message `data` from the parent when `origins` does not list
 * its `origin`: a refusal naming the origins listed (all the caller learns), so the
 * caller's promise settles and its author reads why.
 */
export function originRefusal(data, origins, origin) {
  const listed = origins.length > 0 ? `only from ${origins.join(', ')} (its origins=)` : 'from no page (its origins= names no origin)';
  return { greymatter: PROTOCOL_VERSION, id: replyId(data), error: `this embed takes calls ${listed}; this page is ${origin}` };
}

/** True for a message meant for greymatter (an object with a `greymatter` tag); others are not answered. */
export function isGreymatterMessage(data) {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, 'greymatter');
}

/**
 * Where the frame's events and heights go: `*` when any parent may script it, else the
 * listed origin that is the parent's (when `parentOrigin` is known), else each listed one
 * (the browser delivers only to the one that matches).
 */
export function eventTargets(origins, parentOrigin) {
  if (origins === null) return ['*'];
  return parentOrigin ? origins.filter((origin) => origin === parentOrigin) : [...origins];
}

// ---- plain data ---------------------------------------------------------------

function isPlainObject(value) {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function kindOf(value) {
  const name = typeof value === 'object' ? (value.constructor?.name ?? 'special object') : typeof value;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/**
 * A copy of `value` made only of objects, arrays, strings, numbers, booleans, null and
 * undefined (typed arrays become arrays), within LIMITS; throws an Error naming the path
 * (`what`, e.g. "args[0].weights") of anything else.
 */
export function plainData(value, what = 'value', limits = LIMITS) {
  const budget = { values: limits.values, characters: limits.characters };
  const copy = (item, path, depth) => {
    if (--budget.values < 0) throw new Error(`${what} is too large: at most ${limits.values} values`);
    if (item === null || item === undefined || typeof item === 'number' || typeof item === 'boolean') return item;
    if (typeof item === 'string') {
      budget.characters -= item.length;
      if (budget.characters < 0) throw new Error(`${what} is too large: at most ${limits.characters} characters of text`);
      return item;
    }
    if (typeof item !== 'object') throw new Error(`${path} is ${kindOf(item)}, which cannot be sent: only plain data can`);
    if (depth >= limits.depth) throw new Error(`${what} is nested too deeply: at most ${limits.depth} levels`);
    if (ArrayBuffer.isView(item) && !(item instanceof DataView) && !(item instanceof BigInt64Array) && !(item instanceof BigUint64Array)) {
      return copy(Array.from(item), path, depth);
    }
    if (Array.isArray(item)) return Array.from(item, (element, index) => copy(element, `${path}[${index}]`, depth + 1));
    if (!isPlainObject(item)) {
      throw new Error(`${path} is ${kindOf(item)}, which cannot be sent: only plain data (objects, arrays, strings, numbers, booleans, null) can`);
    }
    const result = {};
    for (const [key, entry] of Object.entries(item)) {
      if (key === '__proto__') throw new Error(`${path} has a key "__proto__", which greymatter does not take`);
      result[key] = copy(entry, `${path}.${key}`, depth + 1);
    }
    return result;
  };
  return copy(value, what, 0);
}

// ---- answering a call ------------------------------------------------------------

/**
 * The members a message may use, from the table (methods.js): methods (called with
 * args) and read-only members (read), each in the table's order; fresh arrays.
 */
export function callableMembers() {
  return {
    methods: MEMBERS.filter((member) => !member.readOnly).map((member) => member.name),
    readOnly: MEMBERS.filter((member) => member.readOnly).map((member) => member.name),
  };
}

function allowedCalls() {
  const { methods, readOnly } = callableMembers();
  return `the calls are ${methods.join(', ')} (with args, an array), ` + `and ${readOnly.join(', ')} (read, without args)`;
}

/** Calls the member `data.call` of `api` with `data.args`; returns its value or Promise, throws for a bad call. */
function callMember(api, data) {
  if (data.greymatter !== PROTOCOL_VERSION) {
    throw new Error(`greymatter must be ${PROTOCOL_VERSION}, the version of the messages this frame takes`);
  }
  const { call } = data;
  if (typeof call !== 'string') throw new Error(`a message needs call, the member to use: ${allowedCalls()}`);
  const { methods, readOnly } = callableMembers();
  const named = JSON.stringify(call);
  if (!methods.includes(call) && !readOnly.includes(call)) throw new Error(`unknown call ${named}: ${allowedCalls()}`);
  const given = Object.hasOwn(data, 'args') ? data.args : [];
  if (!Array.isArray(given)) {
    throw new Error(`args must be an array of the arguments, e.g. {call: "setConfig", args: [{learningRate: 0.1}]}`);
  }
  if (readOnly.includes(call)) {
    if (given.length) throw new Error(`${call} is read, not called: send {call: ${named}} without args`);
    return api[call];
  }
  return api[call](...plainData(given, 'args'));
}

/** A reply's `id`: the caller's string or number, or null when there is none. */
function replyId(data) {
  const { id } = data;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/**
 * Answers the call message `data` against the scripting API object `api`: resolves
 * (never rejects) to `{greymatter: 1, id, result}` once the member's value — or the
 * Promise it returns — is there, or to `{greymatter: 1, id, error}` with a readable
 * message. The call itself runs before this returns.
 */
export async function answerCall(api, data) {
  const id = replyId(data);
  try {
    if (Object.hasOwn(data, 'id') && id === null) throw new Error('id must be a string or a number');
    const result = await callMember(api, data);
    return { greymatter: PROTOCOL_VERSION, id, result: plainData(result ?? null, 'the result') };
  } catch (error) {
    return { greymatter: PROTOCOL_VERSION, id, error: error instanceof Error ? error.message : String(error) };
  }
}

// ---- what the frame sends ----------------------------------------------------------

/** The message passing on one of the element's events. */
export function eventMessage(type, detail) {
  return { greymatter: PROTOCOL_VERSION, event: type, detail: plainData(detail ?? null, `the ${type} event`) };
}

/** The message telling the parent the frame's content height, in CSS pixels. */
export function resizeMessage(height) {
  return { greymatter: PROTOCOL_VERSION, event: 'resize', detail: { height } };
}
