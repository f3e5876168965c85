// Where a playground keeps its session between visits: one IndexedDB database
// ("greymatter", store "sessions") with one record per key — `{lesson, hash, savedAt}`,
// the lesson file object of the run, the address hash it was saved under and when.
// The connection is opened once and kept, so a save on `pagehide` starts its write
// at once. Every failure (no IndexedDB, private mode, a full disk) is a rejected
// promise with a readable Error; nothing here touches the page.

const NAME = 'greymatter';
const STORE = 'sessions';

let connection = null; // Promise<IDBDatabase>
let database = null; // the IDBDatabase, once open

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(req.error?.message || req.error?.name || 'IndexedDB refused'));
  });
}

/** Opens (once) the database; rejects with why it cannot be used. */
export function openStore() {
  if (!connection) {
    connection = new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
      const open = indexedDB.open(NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => {
        database = open.result;
        database.onclose = () => { database = null; connection = null; };
        database.onversionchange = () => database?.close();
        resolve(database);
      };
      open.onerror = () => reject(new Error(open.error?.message || 'IndexedDB could not be opened'));
      open.onblocked = () => reject(new Error('IndexedDB is busy in another tab'));
    }).catch((error) => {
      connection = null; // tried again next time
      throw error;
    });
  }
  return connection;
}

/** Runs `work(store)` in a transaction; resolves with its request's result once committed. */
async function inStore(mode, work) {
  const db = database ?? await openStore();
  return runIn(db, mode, work);
}

function runIn(db, mode, work) {
  const transaction = db.transaction(STORE, mode);
  const result = request(work(transaction.objectStore(STORE)));
  transaction.commit?.(); // at once: the page may be going away (pagehide)
  const done = new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(new Error(transaction.error?.message || transaction.error?.name || 'the write was aborted'));
    transaction.onerror = () => reject(new Error(transaction.error?.message || 'the write failed'));
  });
  return Promise.all([result, done]).then(([value]) => value);
}

/** The record saved under `key`, or undefined. */
export function readSession(key) {
  return inStore('readonly', (store) => store.get(key));
}

/**
 * Saves `record` under `key`. When the database is already open the write starts
 * before this returns (so it survives the page going away right after).
 */
export function writeSession(key, record) {
  if (database) return runIn(database, 'readwrite', (store) => store.put(record, key));
  return inStore('readwrite', (store) => store.put(record, key));
}

export function deleteSession(key) {
  return inStore('readwrite', (store) => store.delete(key));
}
