// Reading a greymatter document (a lesson file or a model file) from text that came
// from outside — a file picked or dropped, a `src=` download, a saved session — without
// letting it hurt the page: text over 16 MiB is refused before it is parsed, a parse
// error is named, and the parsed value is walked without recursion to refuse nesting
// deeper than the formats have (8), values JSON cannot hold, and more values than a
// lesson file of the largest size could sensibly carry. Every refusal is an Error with
// a readable message that names the file and, where it helps, the path of the value.
// A lesson or model file of another version is refused for its version first.
// DOM-free (unit-tested in tests/unit/document.test.mjs).

/** The longest text greymatter reads (16 MiB, as the core's MAX_LESSON_BYTES). */
export const MAX_DOCUMENT_BYTES = 16 << 20;
/** The deepest nesting of arrays and objects (the core's MAX_DEPTH). */
export const MAX_DEPTH = 8;
/** The most values (numbers, strings, arrays, …) one document may hold. */
export const MAX_VALUES = 2_000_000;
/**
 * The version of each format this build reads, and what a refusal calls the document:
 * the core's `VERSION` of the lesson and the model file (tests/unit/document.test.mjs
 * checks that they agree).
 */
const VERSIONS = {
  'greymatter-lesson': { version: 1, name: 'lesson file' },
  'greymatter-model': { version: 1, name: 'model' },
};

/** "17.2 MB", "16 MB", "812 kB": sizes as a person reads them (1 MB = 1024 × 1024 bytes). */
export function formatSize(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The size of `text` in UTF-8 bytes (a text longer than the limit in characters is over it anyway). */
function utf8Length(text) {
  return text.length > MAX_DOCUMENT_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** `lesson.model.layers[2].weights` style path of a value. */
function pathText(path) {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text || '(the whole file)';
}

/**
 * Checks a parsed (or script-given) value: plain objects, arrays, strings, finite
 * numbers, booleans and null only, nested at most MAX_DEPTH deep, at most MAX_VALUES
 * values in all. `what` names the document in messages ("the lesson file"). Iterative:
 * a deep value cannot overflow the stack. Returns `value`.
 */
export function checkDocument(value, what = 'the file') {
  checkVersion(value);
  const stack = [[value, [], 0]];
  let count = 0;
  while (stack.length > 0) {
    const [item, path, depth] = stack.pop();
    count += 1;
    if (count > MAX_VALUES) {
      throw new Error(`${what} holds more than ${MAX_VALUES.toLocaleString('en')} values; the most greymatter reads is that many`);
    }
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) throw new Error(`${what}: ${pathText(path)} is ${item}, not a finite number`);
      continue;
    }
    const isArray = Array.isArray(item);
    if (typeof item !== 'object' || (!isArray && !isPlainObject(item))) {
      const kind = typeof item === 'object' ? (item.constructor?.name ?? 'object') : typeof item;
      throw new Error(`${what}: ${pathText(path)} is a ${kind}, which a greymatter file cannot hold`);
    }
    if (depth >= MAX_DEPTH) {
      throw new Error(`${what} is nested too deeply at ${pathText(path)}: the most is ${MAX_DEPTH} levels of arrays and objects`);
    }
    if (isArray) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], [...path, i], depth + 1]);
    } else {
      for (const key of Object.keys(item)) stack.push([item[key], [...path, key], depth + 1]);
    }
  }
  return value;
}

/**
 * Refuses a lesson or model file of a version this build does not read, before anything
 * else is read from it (a newer file may add fields and options), in the core's words.
 * A version that is not a whole number is left for the core to refuse with its path.
 */
function checkVersion(value) {
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return;
  const { format, version } = value;
  const reads = typeof format === 'string' && Object.hasOwn(VERSIONS, format) ? VERSIONS[format] : null;
  if (reads && Number.isInteger(version) && version !== reads.version) {
    throw new Error(`${reads.name} version ${version} is not supported (this build reads version ${reads.version})`);
  }
}

function isPlainObject(value) {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Reads the JSON text of a greymatter document (`what` names it: "the lesson file",
 * "the model file"): refuses text over 16 MiB before parsing, skips a leading byte
 * order mark, names a parse error,
 * then checks the value (checkDocument). Returns the parsed value.
 */
export function readDocumentText(text, what = 'the file') {
  if (typeof text !== 'string') throw new Error(`${what} must be JSON text, got ${typeof text}`);
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new Error(`${what} is ${formatSize(bytes)}; the most greymatter reads is ${formatSize(MAX_DOCUMENT_BYTES)}`);
  }
  let value;
  try {
    // A byte order mark is not JSON, but many editors write one (file.text() drops it too).
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`${what} is not JSON (${error.message})`);
  }
  return checkDocument(value, what);
}

/** What kind of greymatter document `value` is: "lesson", "model", or null. */
export function documentKind(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (value.format === 'greymatter-lesson') return 'lesson';
  if (value.format === 'greymatter-model') return 'model';
  return null;
}
