// Web Worker or the main thread? The measurement behind the page's design (see
// benches/README.md): the trial page (benches/page/worker-trial/) trains and renders
// the same playground either on the main thread in every animation frame, or in a
// Web Worker whose newest pictures the main thread paints; both paint the same
// heatmap and thumbnails. For the TensorFlow Playground's largest network at 10
// epochs per frame and the largest the page allows at 1, it records the main
// thread's frame intervals (smoothness), the new pictures shown per second and the
// epochs trained per second, in interleaved rounds. `node benches/worker-or-main.mjs`
// (BENCH_FRAMES, default 240; BENCH_ROUNDS, default 3).

import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM, ARGS, TIMEOUT_MS } from '../tests/e2e/helpers.mjs';
import { quantile, median } from './page/frames.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAMES = Number(process.env.BENCH_FRAMES ?? 240);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ALL = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'];
const CASES = [
  { id: 'a', label: '7 inputs, 6×8, 10 epochs/frame', epochs: 10, config: { features: ALL, hidden: Array(6).fill(8) } },
  { id: 'b', label: '7 inputs, 10×32, 1 epoch/frame', epochs: 1, config: { features: ALL, hidden: Array(10).fill(32) } },
];
const MODES = ['main', 'worker'];

async function runOnce(browser, base, trial, mode) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const query = new URLSearchParams({ mode, epochs: String(trial.epochs), config: JSON.stringify(trial.config) });
  await page.goto(`${base}benches/page/worker-trial/index.html?${query}`);
  await page.waitForFunction(() => window.trial !== undefined);
  await page.evaluate(() => window.trial.run(60)); // warm up
  const result = await page.evaluate((frames) => window.trial.run(frames), FRAMES);
  await context.close();
  return result;
}

const server = await startServer(ROOT);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
try {
  const results = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const trial of CASES) {
      for (const mode of MODES) {
        const key = `${trial.id}/${mode}`;
        results[key] ??= [];
        results[key].push(await runOnce(browser, server.url, trial, mode));
      }
    }
  }
  console.log(`\nWeb Worker or main thread: headless Chromium ${browser.version()}, software rendering, ${FRAMES} frames × ${ROUNDS} rounds (medians)\n`);
  console.log('| network | where training runs | frame p50 ms | frame p95 ms | new pictures/s | epochs/s |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const trial of CASES) {
    for (const mode of MODES) {
      const runs = results[`${trial.id}/${mode}`];
      const cell = (pick) => median(runs.map(pick));
      console.log(
        `| ${trial.label} | ${mode === 'main' ? 'main thread' : 'Web Worker'} | ${cell((r) => quantile(r.intervals, 0.5)).toFixed(1)} | ${cell((r) => quantile(r.intervals, 0.95)).toFixed(1)} | ${cell((r) => r.picturesPerSecond).toFixed(0)} | ${cell((r) => r.epochsPerSecond).toFixed(0)} |`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
