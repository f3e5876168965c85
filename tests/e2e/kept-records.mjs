// What greymatter keeps in a page's origin (state/session-store.js), as the browser
// tests read it: the runs saved under one key, whatever tab saved them. The database is
// read without creating it (a test may be checking that it is absent or made anew).

/** Every record kept in this origin: `[{id, epoch, dataset, hidden, savedAt}]` (`record` when it is no run). */
const keptEntries = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('greymatter');
        open.onupgradeneeded = () => open.transaction.abort(); // none yet: leave it so
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) {
            db.close();
            resolve([]);
            return;
          }
          const store = db.transaction('sessions').objectStore('sessions');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            resolve(
              keys.result.map((id, index) => {
                const record = values.result[index];
                const lesson = record?.lesson;
                if (!lesson || typeof lesson !== 'object') return { id, record };
                return { id, epoch: lesson.epoch, dataset: lesson.config?.dataset, hidden: lesson.config?.hidden, savedAt: record.savedAt };
              }),
            );
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );

/** The key a record is kept under (its IndexedDB key is `[key, tab]`, or `key` from an older build). */
const keyOf = ({ id }) => (Array.isArray(id) ? id[0] : id);

/** The runs kept under `key`, whatever tab saved them. */
export const keptRuns = async (page, key) => (await keptEntries(page)).filter((entry) => keyOf(entry) === key);

/** The keys something is kept under in this origin (each once). */
export const keptKeys = async (page) => [...new Set((await keptEntries(page)).map(keyOf))];

/** Waits until a run kept under `key` passes `test` (given the run); returns it. */
export async function waitForKept(page, key, test, what = 'the run') {
  const until = Date.now() + 30_000;
  for (;;) {
    const runs = await keptRuns(page, key);
    const found = runs.find(test);
    if (found) return found;
    if (Date.now() > until) throw new Error(`${what} was never kept under ${key}: ${JSON.stringify(runs)}`);
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

/** Puts `value` under `key` in the store, making the database and the store when missing. */
export const putRecord = (page, key, value) =>
  page.evaluate(
    ([id, record]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('greymatter');
        open.onupgradeneeded = () => open.result.createObjectStore('sessions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('sessions', 'readwrite');
          transaction.objectStore('sessions').put(record, id);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [key, value],
  );

/** Deletes greymatter's database, as another tab (or the browser's settings) may. */
export const deleteDatabase = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase('greymatter');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
