// Keeping notices short whatever they are given: a quoted value is cut to a stated
// length, a line too, and a long list of refusals shows its first few lines and then
// how many more, counted by kind ("… and 19,995 more unknown keys"). The error events
// of one setup are capped the same way. DOM-free.

/** How many characters of a value (or key) a message quotes. */
export const QUOTE_LENGTH = 60;
/** How many characters one notice line has at most. */
export const LINE_LENGTH = 300;
/** How many lines a notice shows before it sums up the rest. */
export const SHOWN_LINES = 5;
/** How many lines the notice's "show all" list holds at most. */
export const LISTED_LINES = 200;
/** How many `error` events one setup sends before a single summary event. */
export const EVENT_LIMIT = 20;

/** `text` cut to `length` characters, its end replaced by "…" when it is longer. */
export function cut(text, length = QUOTE_LENGTH) {
  const whole = String(text);
  return whole.length > length ? `${whole.slice(0, length - 1)}…` : whole;
}

/** A value as a message shows it: NaN as NaN (JSON would say null), text quoted, arrays item by item. */
export function describe(value, depth = 0) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (Array.isArray(value)) {
    if (depth > 1) return 'an array';
    const items = value.slice(0, 4).map((item) => describe(item, depth + 1));
    return `[${items.join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  return 'an object';
}

/** A value as a message quotes it: in double quotes, cut to QUOTE_LENGTH. */
export function quote(text) {
  return `"${cut(text)}"`;
}

/** Kinds of refusal that are counted together: a pattern, then the word for one and for many. */
const KINDS = [
  [/unknown setting "/, 'unknown key', 'unknown keys'],
  [/ is given twice;/, 'repeated key', 'repeated keys'],
  [/ must be a number, got /, 'value that is no number', 'values that are no number'],
];
const OTHER = ['other refusal', 'other refusals'];

function kindOf(line) {
  const kind = KINDS.find(([pattern]) => pattern.test(line));
  return kind ? kind.slice(1) : OTHER;
}

const count = (n) => n.toLocaleString('en-US');

/** The line for `lines` left out of a notice: "… and 12 more unknown keys" or "… and 12 more: 10 unknown keys, 2 other refusals". */
export function moreLine(lines) {
  const kinds = new Map();
  for (const line of lines) {
    const words = kindOf(line);
    const seen = kinds.get(words[1]) ?? { words, n: 0 };
    seen.n += 1;
    kinds.set(words[1], seen);
  }
  const plural = (words, n) => words[n === 1 ? 0 : 1];
  if (kinds.size === 1) {
    const [{ words, n }] = kinds.values();
    return `… and ${count(n)} more ${plural(words === OTHER ? ['refusal', 'refusals'] : words, n)}`;
  }
  const counts = [...kinds.values()].map(({ words, n }) => `${count(n)} ${plural(words, n)}`);
  return `… and ${count(lines.length)} more: ${counts.join(', ')}`;
}

/**
 * A notice for `lines`: the first `shown` lines (`lines`, each cut to LINE_LENGTH), the
 * line saying how many more (`more`, "" when none) and the longer list a reader may
 * open (`listed`: at most LISTED_LINES, then its own "… and N more").
 */
export function summarize(lines, shown = SHOWN_LINES) {
  const short = (list) => list.map((line) => cut(line, LINE_LENGTH));
  if (lines.length <= shown) return { lines: short(lines), more: '', listed: [] };
  const listed = short(lines.slice(0, LISTED_LINES));
  if (lines.length > LISTED_LINES) listed.push(moreLine(lines.slice(LISTED_LINES)));
  return { lines: short(lines.slice(0, shown)), more: moreLine(lines.slice(shown)), listed };
}

/** The messages of the error events for `lines`: the first `limit`, cut, then one summing up the rest. */
export function eventLines(lines, limit = EVENT_LIMIT) {
  const first = lines.slice(0, limit).map((line) => cut(line, LINE_LENGTH));
  return lines.length > limit ? [...first, moreLine(lines.slice(limit))] : first;
}
