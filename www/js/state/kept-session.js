// Which kept run a playground opens when it starts (DOM-free; lessons.js reads and
// writes them through session-store.js). Each browser tab keeps its own run under the
// playground's key (tab-id.js), so two tabs never save over each other: a reload finds
// its tab's own run, a new tab the most recently saved one. Per-tab records were chosen
// over one shared record guarded by BroadcastChannel or Web Locks because they need no
// tab to be alive or to answer: each tab only ever writes its own record, and which
// one to open is decided once, here, from what is stored. A run opens when the
// address has no setup in it (`''`, `'#'`) or is the one it was saved under.

/** How many runs of one key are kept (the most recently saved; the others are forgotten). */
export const KEPT_RUNS = 20;

/** True when the address asks for no setup of its own. */
export function isPlainAddress(hash) {
  return hash === '' || hash === '#';
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a text' : `a ${typeof value}`;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why `record` is no kept run (`{lesson, hash, savedAt}`), or '' when it is one. */
export function recordProblem(record) {
  if (!isObject(record)) return `it is ${describe(record)}, not a saved session`;
  if (!isObject(record.lesson)) return 'it holds no lesson';
  if (typeof record.hash !== 'string') return 'it holds no address';
  return '';
}

const savedAt = ({ record }) => (isObject(record) && typeof record.savedAt === 'string' ? record.savedAt : '');

/** `runs` ([{tab, record}]), the most recently saved first (those that say no time last). */
export function newestFirst(runs) {
  return [...runs].sort((a, b) => savedAt(b).localeCompare(savedAt(a)));
}

/**
 * The run to open in tab `tab` at `address`: `{run}`, `{run, problem}` for one that
 * should open but is no kept run (say, from another program), or null. This tab's own
 * run comes first, then the others, the most recently saved first; the first that the
 * address lets open is chosen (an unreadable one only at a plain address).
 */
export function chooseRun(runs, tab, address) {
  const plain = isPlainAddress(address);
  const own = runs.filter((run) => run.tab === tab);
  for (const run of [...own, ...newestFirst(runs.filter((other) => other.tab !== tab))]) {
    const problem = recordProblem(run.record);
    if (problem) {
      if (plain) return { run, problem };
    } else if (plain || run.record.hash === address) {
      return { run };
    }
  }
  return null;
}

/** The tabs whose runs go: all but the `keep` most recently saved, never `tab`'s own. */
export function runsToForget(runs, tab, keep = KEPT_RUNS) {
  return newestFirst(runs)
    .slice(keep)
    .map((run) => run.tab)
    .filter((other) => other !== tab);
}
