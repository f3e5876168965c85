// Shared set-up for the greymatter browser tests: a static server for www/, one
// headless Chromium (driven by playwright-core), and pages that record every console
// error and uncaught page error so a test can insist there were none.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, WWW, FIXTURES } from './server.mjs';

export const CHROMIUM = process.env.GREYMATTER_CHROMIUM ?? '/usr/bin/chromium';
/** Chromium flags: headless, no GPU (software rendering), no background traffic. */
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Generous limits: the tests run on slow shared machines, and only ever wait for conditions. */
export const TIMEOUT_MS = 60_000;

/**
 * Starts the server and the browser; call `close()` at the end of the file.
 * `hostUrl` serves tests/e2e/fixtures/ from another origin, greymatter loaded from `url`.
 */
export async function startSession() {
  const glue = path.join(WWW, 'pkg', 'greymatter.js');
  if (!existsSync(glue)) {
    throw new Error(`${glue} is missing: build the wasm package first (make build)`);
  }
  const server = await startServer();
  const host = await startServer(FIXTURES, { substitute: { '{{GREYMATTER}}': server.url } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    url: server.url,
    hostUrl: host.url,
    browser,
    close: async () => {
      await browser.close();
      await Promise.all([server.close(), host.close()]);
    },
  };
}

/** A phone: small portrait screen, touch instead of a mouse. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/**
 * Opens `url` in a new page. `page.problems` collects console errors and page errors as
 * text. `device` is a browser-context option set such as PHONE (default: a 1400×1000
 * desktop window).
 */
export async function openPage(session, url, device = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 }, ...device });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return page;
}

/**
 * Run in a page before its own scripts: keeps the `detail` of every element's `error`
 * event in `window.errorEvents` (the events do not bubble, but each passes the window on
 * its way down).
 */
function keepErrorEvents() {
  window.errorEvents = [];
  window.addEventListener(
    'error',
    (event) => {
      if (event instanceof CustomEvent) window.errorEvents.push(event.detail);
    },
    true,
  );
}

/** Run in a page before its own scripts: keeps every Content-Security-Policy violation in `window.violations`. */
function keepViolations() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
  });
}

/**
 * A new page in a context of its own with `viewport`, not yet at any address, that keeps
 * the `detail` of every element's `error` event from the first one on in `window.errorEvents`.
 */
export async function pageKeepingErrorEvents(session, viewport) {
  const context = await session.browser.newContext({ viewport });
  await context.addInitScript(keepErrorEvents);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  return page;
}

/**
 * Opens `url` (as openPage) watched from its first script on: every policy violation in
 * `window.violations`, every element's `error` event in `window.errorEvents`, and the URL
 * of every request the page makes in `page.requests`.
 */
export async function openWatched(session, url, device = {}) {
  const page = await openPage(session, 'about:blank', device);
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  await page.addInitScript(keepErrorEvents);
  await page.addInitScript(keepViolations);
  await page.goto(url);
  return page;
}

/** Opens the full page at `url` (a new page, as openPage) and waits until `window.playground.ready` resolved. */
export async function openPlayground(session, url = session.url, device = {}) {
  const page = await openPage(session, url, device);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
  return page;
}

/**
 * Registers the current suite's hooks: before its tests, start a session and open the
 * playground once (on `device`, as openPage), handing `{ session, page }` to `receive`;
 * after them, close it all.
 */
export function openOncePerSuite(receive, device = {}) {
  let session;
  before(async () => {
    session = await startSession();
    receive({ session, page: await openPlayground(session, session.url, device) });
  });
  after(async () => session?.close());
}

/** Trains `epochs` epochs through the page API (each step resolves after drawing). */
export async function stepEpochs(page, epochs) {
  return page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await window.playground.step();
    return window.playground.state;
  }, epochs);
}

/** Waits until a service worker controls `page` (or a frame); its script's address. */
export async function untilControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
}

/** Waits until every playground of the page (or frame) is ready, then steps each once: their epochs. */
export async function startsAndTrains(page) {
  await page.waitForFunction(() => document.querySelector('greymatter-playground') !== null);
  return page.evaluate(async (timeout) => {
    // A page's module script may not have defined the element yet: until then it has no `ready`.
    await customElements.whenDefined('greymatter-playground');
    const elements = [...document.querySelectorAll('greymatter-playground')];
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`not ready after ${timeout} ms`)), timeout));
    await Promise.race([Promise.all(elements.map((element) => element.ready)), late]);
    const epochs = [];
    for (const element of elements) epochs.push((await element.step()).epoch);
    return epochs;
  }, TIMEOUT_MS);
}

/** Asserts that `what` trained: at least one playground, each past epoch 0 (startsAndTrains' epochs). */
export const trained = (epochs, what) => assert.ok(epochs.length > 0 && epochs.every((epoch) => epoch > 0), `${what} trains: epochs ${epochs}`);

/** Takes the network away: the browser offline, and nothing listening at the server's address. */
export async function noNetwork(page, server) {
  await page.context().setOffline(true);
  await server.close();
  await assert.rejects(fetch(server.url), 'the server is stopped');
}

/** Counts pixels of the #heatmap canvas that are orange-ish, blue-ish, and distinct colours. */
export async function heatmapPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let orange = 0;
    let blue = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > b + 40 && r > 150) orange++;
      if (b > r + 40 && b > 100) blue++;
      if (colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
    }
    let hash = 0;
    for (let i = 0; i < data.length; i++) hash = (hash * 31 + data[i]) >>> 0;
    return { orange, blue, distinct: colours.size, hash };
  });
}

/** Colour [r, g, b] of the #heatmap canvas at a share (0..1) of its width and height. */
export async function heatmapColourAt(page, across, down) {
  return page.evaluate(
    ([x, y]) => {
      const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap');
      const px = Math.min(canvas.width - 1, Math.floor(x * canvas.width));
      const py = Math.min(canvas.height - 1, Math.floor(y * canvas.height));
      return Array.from(canvas.getContext('2d').getImageData(px, py, 1, 1).data.slice(0, 3));
    },
    [across, down],
  );
}

/** Whether a colour is orange-ish (the −1 end) or blue-ish (the +1 end) of the default palette. */
export const isOrange = ([r, , b]) => r > b + 60;
export const isBlue = ([r, , b]) => b > r + 60;

/** How many pixels of #heatmap are exactly each of the given [r, g, b] colours. */
export async function countColours(page, colours) {
  return page.evaluate((list) => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const counts = list.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      list.forEach(([r, g, b], k) => {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[k]++;
      });
    }
    return counts;
  }, colours);
}

/**
 * Where a person sees things in the network diagram, in page coordinates, found from
 * the neurons' pictures: the middle of the link from node `from` to node `to`, and
 * the bias square at the lower left of node `node`.
 */
export async function linkMiddle(page, from, to) {
  await page.locator(`.thumb[data-node="${to}"]`).scrollIntoViewIfNeeded();
  const a = await page.locator(`.thumb[data-node="${from}"]`).boundingBox();
  const b = await page.locator(`.thumb[data-node="${to}"]`).boundingBox();
  return { x: (a.x + a.width + b.x) / 2, y: (a.y + b.y + (a.height + b.height) / 2) / 2 };
}

export async function biasSquare(page, node) {
  await page.locator(`.thumb[data-node="${node}"]`).scrollIntoViewIfNeeded();
  const box = await page.locator(`.thumb[data-node="${node}"]`).boundingBox();
  return { x: box.x - 4, y: box.y + box.height - 3 };
}

/**
 * The RGBA pixels (a plain array) of node `node`'s picture as the page shows it: the
 * part of the thumbnail atlas (`#network-nodes .thumb-atlas`) inside the node's box.
 */
export async function thumbnailPixels(page, node) {
  return page.evaluate((n) => {
    const root = document.querySelector('greymatter-playground').shadowRoot;
    const atlas = root.querySelector('#network-nodes .thumb-atlas');
    const box = root.querySelector(`.thumb[data-node="${n}"]`);
    const frame = atlas.getBoundingClientRect();
    const rect = box.getBoundingClientRect();
    const scale = atlas.width / frame.width;
    const x = Math.round((rect.left - frame.left + box.clientLeft) * scale);
    const y = Math.round((rect.top - frame.top + box.clientTop) * scale);
    const size = Math.round(box.clientWidth * scale);
    return Array.from(atlas.getContext('2d').getImageData(x, y, size, size).data);
  }, node);
}

/** RGBA pixels of the links' canvas (#network) at page points. */
export async function networkPixels(page, points) {
  return page.evaluate((list) => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('network');
    const box = canvas.getBoundingClientRect();
    const context = canvas.getContext('2d');
    return list.map(({ x, y }) => {
      const px = Math.floor(((x - box.left) / box.width) * canvas.width);
      const py = Math.floor(((y - box.top) / box.height) * canvas.height);
      return Array.from(context.getImageData(px, py, 1, 1).data);
    });
  }, points);
}

/** Points along the link from node `from` to node `to` (the curve the diagram draws). */
export async function alongLink(page, from, to, count) {
  const a = await page.locator(`.thumb[data-node="${from}"]`).boundingBox();
  const b = await page.locator(`.thumb[data-node="${to}"]`).boundingBox();
  const start = { x: a.x + a.width, y: a.y + a.height / 2 };
  const end = { x: b.x, y: b.y + b.height / 2 };
  const points = [];
  for (let i = 1; i < count; i++) {
    const t = i / count;
    const across = t * t * t - 1.5 * t * t + 1.5 * t;
    const down = 3 * t * t - 2 * t * t * t;
    points.push({ x: start.x + (end.x - start.x) * across, y: start.y + (end.y - start.y) * down });
  }
  return points;
}
