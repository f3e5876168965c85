// The name of this browser tab among those that keep sessions (lessons.js), so two
// tabs never save over each other's run. It lives in sessionStorage, which a reload
// (and going back and forth in the tab) keeps and a new tab does not. A duplicated tab
// starts with a copy of it: once loaded, a tab claims its name with a Web Lock, held
// while the page lives, and takes a new name if another open page holds it. Without
// sessionStorage (a sandboxed frame) the name lasts as long as the page.

const ITEM = 'greymatter-tab';

let current = null;
let claiming = null;

const newId = () => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function remember(id) {
  current = id;
  try {
    sessionStorage.setItem(ITEM, id);
  } catch {
    // No sessionStorage: the name lasts as long as the page.
  }
}

/** This tab's name (made on first use). */
export function tabId() {
  if (!current) {
    let stored = null;
    try {
      stored = sessionStorage.getItem(ITEM);
    } catch {
      // No sessionStorage here.
    }
    remember(stored || newId());
  }
  return current;
}

/** Holds the lock named after `id` for the page's life; resolves with whether it was free. */
function hold(id) {
  return new Promise((resolve) => {
    const held = (lock) => {
      resolve(lock !== null);
      return lock === null ? undefined : new Promise(() => {}); // released when the page goes
    };
    try {
      navigator.locks.request(`greymatter-tab:${id}`, { ifAvailable: true }, held).catch(() => resolve(true));
    } catch {
      resolve(true); // no locks here (an opaque origin): nothing to check against
    }
  });
}

/**
 * Makes sure no other open page uses this tab's name (a duplicated tab), taking a new
 * one if so; resolves with the name. Called once the page has opened its kept run (so
 * a duplicate finds the name taken even if this tab never changes anything) — by then
 * the page this one replaced (a reload) has let go of it.
 */
export function claimTabId() {
  claiming ??= (async () => {
    if (!globalThis.navigator?.locks) return tabId();
    while (!(await hold(tabId()))) remember(newId());
    return current;
  })();
  return claiming;
}
