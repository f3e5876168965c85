// greymatter without a network (www/sw.js, js/offline/register.js): after one visit to
// any of greymatter's own pages — the full page, the tutorial, the iframe embed — all
// three start and train with the browser offline and the server stopped; a new build
// is announced by the "new version" notice, whose Reload button brings it (and the old
// cache goes); the page is installable (web app manifest); a frame on another site's
// page that the browser refuses a worker says nothing and works; and the element on a
// host page, of another origin or of greymatter's own, never registers a service worker.
// Each test serves www/ (or a copy of it) from a server of its own, so it can stop it.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startSession, openPage, untilControlled, startsAndTrains, trained, noNetwork, CHROMIUM, ARGS, TIMEOUT_MS } from './helpers.mjs';
import { startServer, WWW, FIXTURES } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRECACHE_SCRIPT = path.join(ROOT, 'scripts', 'precache.mjs');
const NOTICE = 'A new version of greymatter is ready';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The three pages, each with the address a reader would open. */
const PAGES = {
  'the full page': '#dataset=xor&hidden=3',
  'the tutorial': 'tutorial.html',
  'the iframe embed': 'embed.html#dataset=gauss&hidden=2&layout=compact',
};

/** An init script: every call of register() in a page or frame, kept in window.registrations with its outcome. */
function recordRegistrations() {
  window.registrations = [];
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (script, ...rest) {
    const call = { script: String(script), outcome: null };
    window.registrations.push(call);
    const registered = register.call(this, script, ...rest);
    registered.then(
      () => {
        call.outcome = 'registered';
      },
      (error) => {
        call.outcome = error.name;
      },
    );
    return registered;
  };
}

/** A new page (openPage, blank) whose frames keep their register() calls. */
async function openRecording(session) {
  const page = await openPage(session, 'about:blank');
  await page.context().addInitScript(recordRegistrations);
  return page;
}

/** The intro of the full page (its first paragraph). */
const intro = (page) => page.textContent('#intro');

/** greymatter's caches in the page's origin. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

describe('greymatter offline', () => {
  let session;
  const servers = [];
  const folders = [];

  /** Serves `root` on a port of its own (stopped at the end if a test has not stopped it). */
  async function serve(root = WWW) {
    const server = await startServer(root);
    servers.push(server);
    return server;
  }

  /** A temporary folder, deleted at the end. */
  async function temporary(name) {
    const folder = await mkdtemp(path.join(os.tmpdir(), name));
    folders.push(folder);
    return folder;
  }

  /** A copy of www/ in a temporary folder (for changing it), served on its own port. */
  async function serveCopy() {
    const folder = await temporary('greymatter-www-');
    await cp(WWW, folder, { recursive: true });
    return { folder, ...(await serve(folder)) };
  }

  before(async () => {
    assert.ok(existsSync(path.join(WWW, 'sw-precache.js')), `${WWW}/sw-precache.js is missing: run make build`);
    session = await startSession();
  });
  after(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  for (const [first, address] of Object.entries(PAGES)) {
    it(`after one visit to ${first}, all three pages start and train with no network`, async () => {
      const server = await serve();
      const page = await openPage(session, `${server.url}${address}`);
      trained(await startsAndTrains(page), `${first}, online`);
      assert.equal(await untilControlled(page), `${server.url}sw.js`);
      const [name] = await cacheNames(page);
      const wasmType = await page.evaluate(async (cache) => {
        const response = await (await caches.open(cache)).match('pkg/greymatter_bg.wasm');
        return response.headers.get('content-type');
      }, name);
      assert.equal(wasmType, 'application/wasm', 'the core is kept with its type, so it compiles while streaming');

      await noNetwork(page, server);
      const problems = page.problems.length;
      await page.reload();
      trained(await startsAndTrains(page), `${first}, reloaded offline`);
      // Another hash and a query: the same cached full page, set up by the new address.
      await page.goto(`${server.url}index.html?from=offline-test#dataset=spiral&hidden=5`);
      trained(await startsAndTrains(page), 'the full page, offline');
      assert.equal(await page.evaluate(() => window.playground.config.dataset), 'spiral');
      assert.deepEqual(await page.evaluate(() => window.playground.config.hidden), [5]);
      await page.goto(`${server.url}tutorial.html`);
      trained(await startsAndTrains(page), 'the tutorial, offline');
      await page.goto(`${server.url}embed.html#dataset=circle&layout=boundary`);
      trained(await startsAndTrains(page), 'the iframe embed, offline');
      assert.equal(await page.evaluate(() => document.querySelector('greymatter-playground').config.dataset), 'circle');
      assert.deepEqual(page.problems.slice(problems), [], 'nothing failed to load');
      // A file that is not kept really has no network to come from.
      assert.equal(
        await page.evaluate(() =>
          fetch('greymatter.d.ts').then(
            () => 'fetched',
            () => 'failed',
          ),
        ),
        'failed',
      );
      await page.context().close();
    });
  }

  it('the iframe embed on a host page of another site: a refused worker is silent, and the embed works', async () => {
    const server = await serve();
    const host = await startServer(FIXTURES, { substitute: { '{{GREYMATTER}}': server.url } });
    servers.push(host);
    const page = await openRecording(session);
    // localhost and 127.0.0.1 are two sites: the frame is a third party, and this browser
    // (third-party storage blocked, as in many) refuses it a service worker.
    await page.goto(`${host.url.replace('127.0.0.1', 'localhost')}iframe-host.html#dataset=xor&layout=compact`);
    const frame = await (await page.locator('iframe.greymatter').elementHandle()).contentFrame();
    trained(await startsAndTrains(frame), 'the embed');
    await frame.waitForFunction(() => window.registrations.length > 0 && window.registrations.every((call) => call.outcome));
    const [call] = await frame.evaluate(() => window.registrations);
    assert.deepEqual(
      [call.script, call.outcome],
      [`${server.url}sw.js`, 'NotSupportedError'],
      'register() was called and refused (these contexts block third-party storage)',
    );
    const epoch = await frame.evaluate(async () => (await document.querySelector('greymatter-playground').step()).epoch);
    assert.ok(epoch > 1, `it trains on after the refusal: epoch ${epoch}`);
    assert.deepEqual(page.problems, [], 'the refusal is silent');
    await page.context().close();
  });

  it('announces a new build; its Reload button brings it, and the old cache goes', async () => {
    const server = await serveCopy();
    // The page's CSP is set aside here for axe alone, which the test puts in.
    const page = await openPage(session, server.url, { bypassCSP: true });
    trained(await startsAndTrains(page), 'the first version');
    await untilControlled(page);
    const [oldCache] = await cacheNames(page);
    const oldIntro = await intro(page);

    // A new deploy: a changed page, and the file list and version written again for it.
    const index = path.join(server.folder, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('A neural network you can train', 'Version two: a neural network you can train'));
    execFileSync(process.execPath, [PRECACHE_SCRIPT, server.folder]);
    assert.equal(await page.locator('.greymatter-update').count(), 0, 'no notice before there is a new version');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.locator('.greymatter-update');
    await notice.getByRole('button', { name: 'Reload' }).waitFor();
    assert.match(await notice.textContent(), new RegExp(`^${NOTICE} — Reload`));
    assert.equal(await notice.getAttribute('role'), 'status');
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run('.greymatter-update')).violations.map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, [], 'axe finds nothing wrong with the notice');
    assert.equal(await intro(page), oldIntro, 'the open page stays as it was until the reader reloads');
    const caches = await cacheNames(page);
    assert.equal(caches.length, 2, `the new version is kept beside the old one: ${caches}`);
    const newCache = caches.find((name) => name !== oldCache);

    // Another page opened meanwhile finds the waiting version too; "Not now" hides the notice.
    const other = await page.context().newPage();
    await other.goto(server.url);
    await other.locator('.greymatter-update').getByRole('button', { name: 'Reload' }).waitFor();
    await other.getByRole('button', { name: 'Not now' }).click();
    assert.equal(await other.locator('.greymatter-update').count(), 0);
    await other.close();

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    trained(await startsAndTrains(page), 'the new version');
    assert.match(await intro(page), /^Version two: /);
    assert.deepEqual(await cacheNames(page), [newCache], "the old version's cache is deleted");
    assert.equal(await page.locator('.greymatter-update').count(), 0);

    // And the new version is the one kept for offline use.
    await noNetwork(page, server);
    await page.reload();
    trained(await startsAndTrains(page), 'the new version, offline');
    assert.match(await intro(page), /^Version two: /);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('is installable: Chromium finds the manifest and its icons fit', async () => {
    const server = await serve();
    const profile = await temporary('greymatter-profile-');
    // A persistent profile: Chromium installs nothing from an incognito one (browser.newContext).
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.goto(server.url);
      await untilControlled(page);
      const devtools = await context.newCDPSession(page);
      const manifest = await devtools.send('Page.getAppManifest');
      assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
      assert.deepEqual(manifest.errors, []);
      const { name, start_url: start, display, theme_color: theme, icons } = JSON.parse(manifest.data);
      assert.deepEqual([name, start, display], ['greymatter', './', 'standalone']);
      const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
      assert.equal(await page.getAttribute('meta[name="theme-color"]', 'content'), theme);
      // The PNG icons are the sizes they say (192 and 512 px), and there is an SVG one.
      const drawn = await page.evaluate(
        (list) =>
          Promise.all(
            list.map(async (icon) => {
              const image = new Image();
              image.src = new URL(icon.src, document.querySelector('link[rel="manifest"]').href).href;
              await image.decode();
              return { sizes: icon.sizes, type: icon.type, drawn: `${image.naturalWidth}x${image.naturalHeight}` };
            }),
          ),
        icons,
      );
      assert.deepEqual(
        drawn.filter((icon) => icon.type === 'image/png').map((icon) => [icon.sizes, icon.drawn]),
        [
          ['192x192', '192x192'],
          ['512x512', '512x512'],
        ],
      );
      assert.ok(
        drawn.some((icon) => icon.type === 'image/svg+xml' && icon.sizes === 'any'),
        'an SVG icon',
      );
    } finally {
      await context.close();
    }
  });

  it("the element on a host page never registers a service worker, on another origin or on greymatter's own", async () => {
    /** The page's register() calls and registrations, once it has loaded, started its playgrounds and run its pending tasks. */
    const registrationsOf = (page) =>
      page.evaluate(async () => {
        await Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready));
        await new Promise((resolve) => setTimeout(resolve));
        return { calls: window.registrations.map((call) => call.script), registered: (await navigator.serviceWorker.getRegistrations()).length };
      });
    const server = await serve();

    // greymatter's own page calls it: the recording works.
    const own = await openRecording(session);
    await own.goto(server.url);
    await own.waitForFunction(() => window.registrations.length > 0);
    assert.deepEqual((await registrationsOf(own)).calls, [`${server.url}sw.js`]);
    await own.context().close();

    // A host page of another origin loading greymatter.js from the session's server.
    const foreign = await openRecording(session);
    await foreign.goto(`${session.hostUrl}three-playgrounds.html`);
    assert.deepEqual(await registrationsOf(foreign), { calls: [], registered: 0 });
    assert.deepEqual(foreign.context().serviceWorkers(), []);
    assert.deepEqual(foreign.problems, []);
    await foreign.context().close();

    // An author's page next to a copy of www/ (greymatter's own origin), where a registration would succeed.
    const same = await openRecording(session);
    await same.route(`${server.url}lesson.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body:
          '<!doctype html><title>A lesson</title><script type="module" src="greymatter.js"></script>'
          + '<greymatter-playground layout="compact" dataset="xor"></greymatter-playground>',
      }),
    );
    await same.goto(`${server.url}lesson.html`);
    assert.deepEqual(await registrationsOf(same), { calls: [], registered: 0 });
    trained(await startsAndTrains(same), 'the element');
    assert.deepEqual(same.context().serviceWorkers(), []);
    assert.deepEqual(same.problems, []);
    await same.context().close();

    // And its code does not mention one.
    const elementFiles = readdirSync(path.join(WWW, 'js', 'element')).map((name) => `js/element/${name}`);
    for (const file of ['greymatter.js', ...elementFiles]) {
      assert.doesNotMatch(readFileSync(path.join(WWW, file), 'utf8'), /serviceWorker|offline\/register/, file);
    }
  });
});
