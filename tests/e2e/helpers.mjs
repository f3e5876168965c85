// Shared set-up for the greymatter browser tests: a static server for www/, one
// headless Chromium (driven by playwright-core), and pages that record every console
// error and uncaught page error so a test can insist there were none.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, WWW } from './server.mjs';

const CHROMIUM = process.env.GREYMATTER_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Generous limits: the tests run on slow shared machines, and only ever wait for conditions. */
export const TIMEOUT_MS = 60_000;

/** Starts the server and the browser; call `close()` at the end of the file. */
export async function startSession() {
  const glue = path.join(WWW, 'pkg', 'greymatter.js');
  if (!existsSync(glue)) {
    throw new Error(`${glue} is missing: build the wasm package first (make build)`);
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `url` in a new page and waits until `window.playground.ready` resolved.
 * `page.problems` collects console errors and page errors as text.
 */
export async function openPlayground(session, url = session.url) {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
  return page;
}

/** Trains `epochs` epochs through the page API (each step resolves after drawing). */
export async function stepEpochs(page, epochs) {
  return page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await window.playground.step();
    return window.playground.state;
  }, epochs);
}

/** Counts pixels of the #heatmap canvas that are orange-ish, blue-ish, and distinct colours. */
export async function heatmapPixels(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('heatmap');
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
