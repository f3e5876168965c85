// Where playgrounds keep their sessions between visits: one IndexedDB database
// ("greymatter", store "sessions") with one record per key and browser tab —
// `{lesson, hash, savedAt}`, the lesson file object of the run, the address hash it was
// saved under and when — under the IndexedDB key `[key, tab]` (an older build kept one
// record under `key` alone; it is read as one more run, and the first save replaces it).
// The connection is opened once and kept, so a save on `pagehide` starts its write at
// once. When another tab deletes or upgrades the database the connection is closed and
// the next call opens it anew; a database without the store gets it back (opened one
// version up). Every failure is a rejected promise — never a throw — with a short
// readable reason (no browser's wording); nothing here touches the page.

const NAME = 'greymatter';
const STORE = 'sessions';

let database = null; // the open IDBDatabase, or null
let opening = null; // Promise<IDBDatabase> while it opens

/** A storage failure in the words the page shows ("Could not save this session … (why)"). */
function readable(error) {
  switch (error?.name) {
    case 'QuotaExceededError':
      return new Error("the browser's storage is full");
    case 'NoIndexedDB':
      return new Error('this browser has no IndexedDB');
    case 'SecurityError':
    case 'InvalidStateError':
      return new Error('this browser does not allow storage here');
    case 'VersionError':
      return new Error('a newer greymatter uses the storage in another tab');
    default:
      return new Error("the browser's storage refused it");
  }
}

/** Opens the database (one version up when the store is missing) and watches for it being taken away. */
function open(version) {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new DOMException('no IndexedDB', 'NoIndexedDB');
    const request = indexedDB.open(NAME, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        db.close();
        resolve(open(db.version + 1));
        return;
      }
      const forget = () => {
        if (database === db) database = null;
      };
      db.onversionchange = () => {
        // another tab deletes or upgrades it: let it
        db.close();
        forget();
      };
      db.onclose = forget; // the browser closed it (storage cleared, disk error)
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

/** The open database, opening it when needed. */
function connect() {
  if (database) return Promise.resolve(database);
  opening ??= open()
    .then((db) => {
      database = db;
      return db;
    })
    .finally(() => {
      opening = null;
    });
  return opening;
}

/**
 * Runs `work(store)` in one transaction (it may return a function giving the result once
 * committed); resolves with that result. Starts at once when the database is open; a
 * connection found closing is dropped and the work tried once more on a new one.
 */
async function inStore(mode, work) {
  try {
    const db = database ?? (await connect());
    try {
      return await runIn(db, mode, work);
    } catch (error) {
      if (error?.name !== 'InvalidStateError') throw error;
      if (database === db) database = null;
      return await runIn(await connect(), mode, work);
    }
  } catch (error) {
    throw readable(error);
  }
}

function runIn(db, mode, work) {
  const transaction = db.transaction(STORE, mode);
  const result = work(transaction.objectStore(STORE));
  transaction.commit?.(); // at once: the page may be going away (pagehide)
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(result?.());
    transaction.onabort = () => reject(transaction.error ?? new DOMException('aborted', 'AbortError'));
  });
}

const rangeOf = (key) => IDBKeyRange.bound([key], [key, []]);

/** Every run kept under `key`: `[{tab, record}]` (`tab` null for an older build's record). */
export function readRuns(key) {
  return inStore('readonly', (store) => {
    const older = store.get(key);
    const ids = store.getAllKeys(rangeOf(key));
    const records = store.getAll(rangeOf(key));
    return () => [
      ...(older.result === undefined ? [] : [{ tab: null, record: older.result }]),
      ...ids.result.map((id, index) => ({ tab: id[1], record: records.result[index] })),
    ];
  });
}

/** Saves `record` as tab `tab`'s run under `key`; the write starts before this returns when the database is open. */
export function writeRun(key, tab, record) {
  return inStore('readwrite', (store) => {
    store.put(record, [key, tab]);
    store.delete(key); // an older build's record: this tab's run replaces it
  });
}

/** Forgets the runs of `tabs` under `key` (null: an older build's record). */
export function deleteRuns(key, tabs) {
  return inStore('readwrite', (store) => {
    for (const tab of tabs) store.delete(tab === null ? key : [key, tab]);
  });
}
