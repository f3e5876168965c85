// Offline use of greymatter's own pages: registers the service worker (sw.js, next to
// the pages) once the page has loaded and its playgrounds have started (the worker's
// first download of every file then does not slow the core's), and when a new version
// has been installed while the page is open, says so in a small notice whose "Reload"
// button starts it.
// Imported by js/full-page.js and js/tutorial.js, loaded by embed.html; never by the
// element (greymatter.js, js/element/), which authors put in sites of their own.
// Where service workers are not available (file:, a sandboxed frame, an old browser)
// or registering fails, it does nothing: the page works as it does without it.

import { trustedScriptUrl } from '../element/trusted-types.js';

const WORKER_URL = new URL('../../sw.js', import.meta.url);

const NOTICE_STYLE = `
.greymatter-update { position: fixed; left: 16px; bottom: 16px; z-index: 1000; display: flex;
  align-items: center; gap: 12px; max-width: calc(100% - 32px); padding: 10px 14px; border-radius: 4px;
  background: #183d4e; color: #fff; font: 0.9rem/1.3 system-ui, sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }
.greymatter-update button { font: inherit; padding: 4px 12px; border: 1px solid #fff; border-radius: 4px;
  background: #fff; color: #183d4e; cursor: pointer; }
.greymatter-update button.dismiss { padding: 4px 8px; background: transparent; color: #fff; border-color: transparent; }
.greymatter-update button:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 2px; }
`;

/** Shows the notice for `worker` (installed and waiting), once. */
function offerUpdate(worker) {
  if (document.querySelector('.greymatter-update')) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(NOTICE_STYLE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const notice = document.createElement('div');
  notice.className = 'greymatter-update';
  notice.setAttribute('role', 'status');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    // Another page may have started it already: then it only takes a reload.
    if (worker.state !== 'installed') {
      window.location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'dismiss';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', 'Not now');
  dismiss.addEventListener('click', () => notice.remove());
  // The live region is in the page before its words, so that screen readers say them.
  document.body.append(notice);
  setTimeout(() => notice.append('A new version of greymatter is ready — ', reload, dismiss));
}

async function register() {
  const container = navigator.serviceWorker; // throws in an opaque origin (a sandboxed frame)
  const registration = await container.register(trustedScriptUrl(WORKER_URL), { updateViaCache: 'none' });
  // A worker that installs while an older one controls the page is a new version; the
  // first one (no controller yet) just takes over.
  const watch = (worker) => {
    const check = () => {
      if (worker.state === 'installed' && container.controller) offerUpdate(worker);
    };
    worker.addEventListener('statechange', check);
    check();
  };
  if (registration.waiting) watch(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

/** Registers once the page's playgrounds are ready (or have failed); a failure changes nothing. */
function start() {
  const started = [...document.querySelectorAll('greymatter-playground')].map((element) => element.ready);
  Promise.allSettled(started)
    .then(register)
    .catch(() => {});
}

if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
