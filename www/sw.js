// greymatter's service worker: after one visit to one of greymatter's own pages (which
// register it through js/offline/register.js; the element never does), the full page,
// the tutorial and the iframe embed work without a network. At install it keeps every
// file they need in a cache named after the build's version; then it answers those
// files from that cache, whatever the address's query and hash. Anything else, and
// every request to another origin, goes to the network untouched.
//
// sw-precache.js, written by `make build` (scripts/precache.mjs), lists the files and
// the version, a hash of their contents. A new build is a new sw-precache.js, so the
// browser installs a new worker; it waits until a page's "Reload" sends SKIP_WAITING,
// then takes over and deletes the caches of older versions.

importScripts('sw-precache.js'); // self.GREYMATTER_PRECACHE = { version, files }

const { version, files } = self.GREYMATTER_PRECACHE;
const SCOPE = self.registration.scope;
/** This copy's caches only: other sites of the same origin keep theirs. */
const PREFIX = `greymatter ${SCOPE} `;
const CACHE = PREFIX + version;
const PRECACHED = new Set(files.map((file) => new URL(file, self.location.href).href));
/** The folder's own address is the full page. */
const INDEX = new URL('index.html', self.location.href).href;

/**
 * A response fit to keep: the core keeps `application/wasm` (the page compiles it while
 * it streams), and a redirected response is copied (browsers refuse one for a navigation).
 */
async function cacheable(url, response) {
  const wrongType = url.endsWith('.wasm') && response.headers.get('content-type') !== 'application/wasm';
  if (!wrongType && !response.redirected) return response;
  const headers = new Headers(response.headers);
  if (wrongType) headers.set('content-type', 'application/wasm');
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        [...PRECACHED].map(async (url) => {
          // Revalidated with the server, so an HTTP cache cannot mix in files of an older build.
          const response = await fetch(url, { cache: 'no-cache' });
          if (!response.ok) throw new Error(`greymatter: ${url}: ${response.status} ${response.statusText}`);
          await cache.put(url, await cacheable(url, response));
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim(); // the page that installed it works offline from now on
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // `greymatter.js?instance=2` (core/engine.js) and `index.html#…` are the same files.
  url.search = '';
  url.hash = '';
  const key = url.href === SCOPE ? INDEX : url.href;
  if (!PRECACHED.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((kept) => kept ?? fetch(request)),
  );
});
