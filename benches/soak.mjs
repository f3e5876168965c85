// The soak run (`make soak`, not part of `make test`): plays the largest network the
// page allows (all 7 features, 10 hidden layers of 32) in headless Chromium for
// SOAK_MINUTES (default 30) while a seeded generator (SOAK_SEED, default 1) does what
// people and scripts do, at random: setting changes, model and lesson round trips, own
// points (importCsv, setData), crashes of the core (`_panicForTesting`), reloads (the
// kept session must bring the config, the network and the epoch back), steps, showNode,
// predict of thousands of points (benches/soak/actions.mjs). It samples the memory
// after a warm-up and every minute (the renderer's and the whole browser's RSS, the JS
// heap, each after a forced garbage collection: benches/soak/memory.mjs) and counts the
// long tasks (PerformanceObserver 'longtask'), page errors, console errors and actions
// that failed. Prints a summary and writes target/bench/soak.json. SOAK_WARMUP_SECONDS
// (default 30) sets the warm-up, SOAK_VERBOSE=1 prints every action.
//
// Fails (exit 1) on any page error, console error or failed action, or when the
// renderer's or the whole browser's RSS, or the JS heap, ends more than
// max(25 %, 100 MB) above where it started. Long tasks are reported, not judged.

import { startSession, CHROMIUM, TIMEOUT_MS } from '../tests/e2e/helpers.mjs';
import { seededRandom } from './js/workload.mjs';
import { quantile } from './page/frames.mjs';
import { machineOf, writeReport } from './page/report.mjs';
import { ACTIONS, ALL_FEATURES, HOME, LARGEST, pickAction, weightCount } from './soak/actions.mjs';
import { sampleMemory, observeLongTasks } from './soak/memory.mjs';
import { CHECKS } from './soak/checks.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const SEED = Number(process.env.SOAK_SEED ?? 1);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? 30);
const SAMPLE_EVERY_MS = 60_000;
/** The growth allowed from the start to the end: the larger of a share and an amount. */
const GROWTH_SHARE = 0.25;
const GROWTH_BYTES = 100 * 1024 * 1024;

const LARGEST_HASH = `features=${ALL_FEATURES.join(',')}&hidden=${LARGEST.join(',')}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** Opens the full page with the largest network, recording problems and long tasks into `record`. */
async function openSoakPage(session, record) {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.exposeFunction('soakLongTask', (duration) => record.longTasks.push(duration));
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  await page.goto(`${session.url}#${LARGEST_HASH}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
  return page;
}

/** Puts it back to playing after an action (a step pauses; a divergence or a dead relu layer stops it). */
async function keepPlaying(page, record) {
  const { playing, divergence, finished } = await page.evaluate(() => ({
    playing: window.playground.playing,
    ...window.playground.state,
  }));
  if (playing) return;
  if (divergence || finished) {
    record.restarts += 1;
    await page.evaluate(() => window.playground.reset());
  }
  await page.evaluate(() => window.playground.play());
}

/** Runs one action, counting it and noting a failure. */
async function runAction(page, name, random, record, log) {
  record.actions[name] = (record.actions[name] ?? 0) + 1;
  const started = Date.now();
  try {
    const note = await ACTIONS[name](page, random);
    log(`${name}: ${note} (${Date.now() - started} ms)`);
  } catch (error) {
    record.failures.push({ action: name, at: Date.now() - record.startedAt, message: String(error?.message ?? error).slice(0, 500) });
    log(`${name}: FAILED: ${error?.message ?? error}`);
  }
  await keepPlaying(page, record).catch((error) => {
    record.failures.push({ action: `${name} (playing again)`, at: Date.now() - record.startedAt, message: String(error?.message ?? error) });
  });
}

function growthAllowed(start) {
  return Math.max(start * GROWTH_SHARE, GROWTH_BYTES);
}

function summarize(record, samples, session) {
  const start = samples[0];
  const end = samples[samples.length - 1];
  const memory = ['rendererRss', 'totalRss', 'jsHeapUsed'].map((key) => ({
    key,
    start: start[key],
    end: end[key],
    peak: Math.max(...samples.map((s) => s[key])),
    allowed: growthAllowed(start[key]),
    grew: end[key] - start[key] > growthAllowed(start[key]),
  }));
  const tasks = record.longTasks;
  const longTasks = {
    count: tasks.length,
    p95Ms: tasks.length ? quantile(tasks, 0.95) : 0,
    maxMs: tasks.length ? Math.max(...tasks) : 0,
    totalMs: tasks.reduce((sum, t) => sum + t, 0),
  };
  const passed = !record.pageErrors.length && !record.consoleErrors.length && !record.failures.length && !memory.some((m) => m.grew);
  return {
    date: new Date(record.startedAt).toISOString(),
    machine: machineOf(session),
    chromium: CHROMIUM,
    minutes: MINUTES,
    seed: SEED,
    warmupSeconds: WARMUP_S,
    network: { features: ALL_FEATURES, hidden: LARGEST, weights: weightCount(ALL_FEATURES.length, LARGEST) },
    threshold: `end ≤ start + max(${GROWTH_SHARE * 100} %, ${mb(GROWTH_BYTES)} MB)`,
    actions: record.actions,
    totalActions: Object.values(record.actions).reduce((sum, n) => sum + n, 0),
    restarts: record.restarts,
    final: record.final,
    memory,
    samples: samples.map(({ processes, ...rest }) => rest),
    longTasks,
    pageErrors: record.pageErrors,
    consoleErrors: record.consoleErrors,
    failures: record.failures,
    passed,
  };
}

function printSummary(report) {
  const line = (cells) => console.log(`| ${cells.join(' | ')} |`);
  console.log(
    `\ngreymatter soak — ${report.date}, ${report.minutes} min, seed ${report.seed}, ${report.machine.cpu} (${report.machine.cores} cores), ${report.machine.browser}`,
  );
  console.log(
    `network: ${report.network.features.length} features, hidden ${report.network.hidden.length}×${report.network.hidden[0]} (${report.network.weights} weights); at the end: epoch ${report.final.epoch}, ${report.final.playing ? 'playing' : 'paused'}${report.final.stopReason || report.final.divergence ? ` (${report.final.stopReason || report.final.divergence})` : ''}\n`,
  );
  console.log(
    `actions (${report.totalActions}): ${Object.entries(report.actions)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; restarts after a divergence or a dead layer: ${report.restarts}\n`,
  );
  line(['memory (after GC)', 'start MB', 'end MB', 'peak MB', 'allowed growth MB', '']);
  line(Array(6).fill('---'));
  for (const m of report.memory) line([m.key, mb(m.start), mb(m.end), mb(m.peak), mb(m.allowed), m.grew ? 'GREW' : 'flat']);
  console.log('\nper minute (renderer RSS / total RSS / JS heap, MB):');
  console.log(report.samples.map((s) => `${(s.at / 60000).toFixed(1)}′ ${mb(s.rendererRss)}/${mb(s.totalRss)}/${mb(s.jsHeapUsed)}`).join('; '));
  const t = report.longTasks;
  console.log(`\nlong tasks (> 50 ms): ${t.count}, p95 ${t.p95Ms.toFixed(0)} ms, max ${t.maxMs.toFixed(0)} ms, ${(t.totalMs / 1000).toFixed(1)} s in all`);
  console.log(`page errors: ${report.pageErrors.length}, console errors: ${report.consoleErrors.length}, failed actions: ${report.failures.length}`);
  for (const text of [...report.pageErrors, ...report.consoleErrors].slice(0, 10)) console.log(`  ${text}`);
  for (const f of report.failures.slice(0, 10)) console.log(`  ${f.action} at ${(f.at / 1000).toFixed(0)} s: ${f.message}`);
  const why = [
    ...report.memory.filter((m) => m.grew).map((m) => `${m.key} grew`),
    report.pageErrors.length + report.consoleErrors.length + report.failures.length ? 'errors' : '',
  ].filter(Boolean);
  console.log(`\n${report.passed ? 'passed' : `FAILED: ${why.join(', ')}`} (wanted: no errors, memory ${report.threshold})`);
}

async function main() {
  const verbose = process.env.SOAK_VERBOSE === '1';
  const session = await startSession();
  const record = {
    startedAt: Date.now(),
    actions: {},
    failures: [],
    pageErrors: [],
    consoleErrors: [],
    longTasks: [],
    restarts: 0,
    final: null,
  };
  const log = (text) => {
    if (verbose) console.log(`${((Date.now() - record.startedAt) / 1000).toFixed(0).padStart(5)} s  ${text}`);
  };
  const random = seededRandom(SEED);
  try {
    const page = await openSoakPage(session, record);
    await page.evaluate(() => window.playground.play());
    // Warm-up: play, then each action and each check once, so the first sample counts what the page
    // keeps for good (a second wasm memory after a crash, caches) as the start.
    console.log(`greymatter soak: warming up (${WARMUP_S} s and every action once)`);
    await sleep(WARMUP_S * 1000);
    for (const name of Object.keys(ACTIONS)) await runAction(page, name, random, record, log);
    for (const [name, check] of Object.entries(CHECKS)) {
      try {
        log(`${name}: ${await check(page)}`);
      } catch (error) {
        record.failures.push({ action: name, at: 0, message: String(error?.message ?? error) });
        log(`${name}: FAILED: ${error?.message ?? error}`);
      }
    }
    await page.evaluate((home) => window.playground.setConfig(home), HOME);
    await keepPlaying(page, record);
    await sleep(5000);
    record.actions = {};
    record.longTasks.length = 0;
    record.startedAt = Date.now();
    const samples = [await sampleMemory(session.browser, page, record.startedAt)];
    console.log(`greymatter soak: ${MINUTES} min from now, sampling every minute (renderer RSS ${mb(samples[0].rendererRss)} MB at the start)`);
    const end = record.startedAt + MINUTES * 60_000;
    let nextSample = record.startedAt + SAMPLE_EVERY_MS;
    while (Date.now() < end) {
      await runAction(page, pickAction(random), random, record, log);
      await sleep(500 + random() * 3000);
      if (Date.now() >= nextSample) {
        const sample = await sampleMemory(session.browser, page, record.startedAt);
        samples.push(sample);
        nextSample += SAMPLE_EVERY_MS;
        console.log(
          `greymatter soak: ${(sample.at / 60000).toFixed(1)} min, ${Object.values(record.actions).reduce((s, n) => s + n, 0)} actions, renderer RSS ${mb(sample.rendererRss)} MB, JS heap ${mb(sample.jsHeapUsed)} MB, ${record.longTasks.length} long tasks, ${record.failures.length + record.pageErrors.length + record.consoleErrors.length} problems`,
        );
      }
    }
    // The end as the start: the largest network playing on the default data.
    await page.evaluate((home) => window.playground.setConfig(home), HOME);
    await keepPlaying(page, record);
    await sleep(5000);
    record.final = await page.evaluate(() => ({ playing: window.playground.playing, ...window.playground.state }));
    samples.push(await sampleMemory(session.browser, page, record.startedAt));
    const report = summarize(record, samples, session);
    printSummary(report);
    writeReport('soak', report);
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    await session.close();
  }
}

await main();
