// The deployable site (target/site/, written by `make site`) served under a sub-path, as
// GitHub Pages serves a project (`/greymatter/`): the full page, the tutorial and the
// iframe embed load and train, the manifest and its icons are found, nothing is asked for
// outside the sub-path; after one visit the three start and train with the browser
// offline and the server stopped. Run `make site` first (`make test` does).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, openPage, untilControlled, startsAndTrains, trained, noNetwork } from './helpers.mjs';
import { startServer, WWW } from './server.mjs';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'site');
const PREFIX = '/greymatter/';

/** The three pages, each with the address a reader would open (relative to the site). */
const PAGES = ['#dataset=xor&hidden=3', 'tutorial.html', 'embed.html#dataset=gauss&hidden=2&layout=compact'];

/** The offline version a folder's sw-precache.js names. */
const versionOf = (folder) => /"version": "(\w+)"/.exec(readFileSync(path.join(folder, 'sw-precache.js'), 'utf8'))?.[1];

describe('the site under a sub-path', () => {
  let session;
  const servers = [];

  /**
   * Serves target/site/ below PREFIX on a port of its own and opens a blank page. Every
   * path the server is asked for (by the pages and the service worker alike) and every
   * request the page's context makes (to other origins too) is checked: `strays` lists
   * those outside the site, and `within(work)` fails at the first of them if it comes
   * before `work` is done (a clearer failure than what it breaks). `base` is the site's
   * address.
   */
  async function serveAndOpen() {
    const strays = [];
    const paths = [];
    let reject;
    const strayed = new Promise((_, fail) => {
      reject = fail;
    });
    strayed.catch(() => {}); // seen by `within` and by the check of `strays`, not unhandled
    const stray = (what) => {
      strays.push(what);
      reject(new Error(`asked for ${what}, outside ${PREFIX}`));
    };
    const server = await startServer(SITE, {
      prefix: PREFIX,
      onRequest: (pathname) => (pathname.startsWith(PREFIX) ? paths.push(pathname) : stray(pathname)),
    });
    servers.push(server);
    const base = new URL(PREFIX, server.url).href;
    const page = await openPage(session, 'about:blank');
    page.context().on('request', (request) => {
      if (/^https?:/.test(request.url()) && !request.url().startsWith(base)) stray(request.url());
    });
    return { server, base, page, strays, paths, within: (work) => Promise.race([strayed, work]) };
  }

  before(async () => {
    assert.ok(existsSync(path.join(SITE, 'sw-precache.js')), `${SITE} is missing: run make site`);
    if (existsSync(path.join(WWW, 'sw-precache.js'))) {
      assert.equal(versionOf(SITE), versionOf(WWW), `${SITE} is older than the build in www/: run make site`);
    }
    session = await startSession();
  });
  after(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('the full page, the tutorial and the embed load and train, asking for nothing outside it', async () => {
    const { base, page, strays, paths, within } = await serveAndOpen();
    for (const address of PAGES) {
      await page.goto(base + address);
      trained(await within(startsAndTrains(page)), address);
    }
    const controlled = untilControlled(page).catch((error) => {
      throw new Error(`no service worker of ${base} took control (${error.message})`);
    });
    assert.equal(await within(controlled), `${base}sw.js`);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), base);

    // The manifest of the full page: its start, scope and icons are inside the site, and found.
    await page.goto(base);
    const devtools = await page.context().newCDPSession(page);
    const manifest = await devtools.send('Page.getAppManifest');
    assert.equal(manifest.url, `${base}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const { start_url: start, scope, icons } = JSON.parse(manifest.data);
    const urls = [start, scope, ...icons.map((icon) => icon.src)].map((url) => new URL(url, manifest.url).href);
    assert.deepEqual(urls.slice(0, 2), [base, base]);
    const statuses = await page.evaluate((list) => Promise.all(list.map(async (url) => (await fetch(url)).status)), urls.slice(2));
    assert.deepEqual(
      statuses,
      icons.map(() => 200),
      `the icons are found: ${urls.slice(2)}`,
    );

    assert.deepEqual(strays, [], `nothing is asked for outside ${PREFIX}`);
    assert.ok(paths.includes(`${PREFIX}pkg/greymatter_bg.wasm`), `the requests were heard: ${paths}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('after one visit, the three pages start and train with no network', async () => {
    const { server, base, page, strays, within } = await serveAndOpen();
    await page.goto(base);
    trained(await within(startsAndTrains(page)), 'the full page, online');
    await within(untilControlled(page));

    await noNetwork(page, server);
    await page.reload();
    trained(await within(startsAndTrains(page)), 'the full page, reloaded offline');
    for (const address of PAGES) {
      await page.goto(base + address);
      trained(await within(startsAndTrains(page)), `${address}, offline`);
    }
    assert.deepEqual(strays, [], `nothing is asked for outside ${PREFIX}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
