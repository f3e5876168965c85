// The tutorial's frame-time benchmark (not a test): opens www/tutorial.html — twelve
// <greymatter-playground> embeds on one page — in headless Chromium (the browser
// tests' launch flags: no GPU, software painting), scrolls to a reading position,
// plays every embed in view and records the time between animation frames
// (requestAnimationFrame timestamps) for a few seconds. Positions: step 2 in view (four
// small boundary embeds), then step 5 (three compact embeds), where step 2's embeds
// are still playing but off screen, so they should cost nothing and train no epoch.
// Prints fps, median and p95 frame time, the embeds playing and visible, the epochs
// each trained; also the time until every embed is ready. Writes
// target/bench/tutorial-frames.json. Settings: BENCH_SECONDS (recording per position,
// default 5), BENCH_WIDTH × BENCH_HEIGHT (the window, default 1280 × 900).
//   node benches/tutorial-frames.mjs

import { startSession, TIMEOUT_MS } from '../tests/e2e/helpers.mjs';
import { quantile, median, mean } from './page/frames.mjs';
import { machineOf, writeReport } from './page/report.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const VIEWPORT = { width: Number(process.env.BENCH_WIDTH ?? 1280), height: Number(process.env.BENCH_HEIGHT ?? 900) };
const WARMUP_FRAMES = 30;
/** Reading positions: the section scrolled to the top of the window. */
const POSITIONS = [
  { id: 'activations', label: 'step 2 in view (activations: four boundary embeds)' },
  { id: 'batches', label: 'step 5 in view (batch sizes: three compact embeds)' },
];

/**
 * In the page: scrolls section `id` to the top, plays every embed in view (those
 * played at an earlier position keep playing, off screen), records the animation
 * frames for `seconds` after `warmup` frames, and says which embeds play, which are
 * visible and how many epochs each trained meanwhile.
 */
function recordPosition({ id, seconds, warmup }) {
  const embeds = [...document.querySelectorAll('greymatter-playground')];
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return (async () => {
    document.getElementById(id).scrollIntoView({ block: 'start' });
    for (let i = 0; i < 3; i++) await nextFrame(); // the embeds hear that they are on screen
    const inView = embeds.filter(visible);
    for (const element of inView) element.play();
    for (let i = 0; i < warmup; i++) await nextFrame();
    const epochsBefore = embeds.map((element) => element.state.epoch);
    const stamps = [];
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) stamps.push(await nextFrame());
    const epochs = embeds.map((element, i) => element.state.epoch - epochsBefore[i]);
    return {
      intervals: stamps.slice(1).map((t, i) => t - stamps[i]),
      embeds: embeds.map((element, i) => ({
        id: element.id,
        visible: visible(element),
        playing: element.playing,
        epochs: epochs[i],
      })),
    };
  })();
}

async function measure(session) {
  const context = await session.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${session.url}tutorial.html`);
  const readyMs = await page.evaluate(async () => {
    await Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready));
    return performance.now();
  });
  const positions = [];
  for (const position of POSITIONS) {
    const result = await page.evaluate(recordPosition, { id: position.id, seconds: SECONDS, warmup: WARMUP_FRAMES });
    const { intervals, embeds } = result;
    const playing = embeds.filter((embed) => embed.playing);
    positions.push({
      id: position.id,
      label: position.label,
      frames: intervals.length,
      fps: 1000 / mean(intervals),
      p50Ms: median(intervals),
      p95Ms: quantile(intervals, 0.95),
      maxMs: Math.max(...intervals),
      embeds: embeds.length,
      visible: embeds.filter((embed) => embed.visible).length,
      playing: playing.length,
      playingVisible: playing.filter((embed) => embed.visible).length,
      offscreenEpochs: playing.filter((embed) => !embed.visible).reduce((sum, embed) => sum + embed.epochs, 0),
      epochsPerSecond: Object.fromEntries(playing.map((embed) => [embed.id, embed.epochs / SECONDS])),
    });
  }
  await context.close();
  if (problems.length) throw new Error(`the tutorial page reported: ${problems.join('; ')}`);
  return { readyMs, positions };
}

function printReport(report) {
  const line = (cells) => console.log(`| ${cells.join(' | ')} |`);
  const ms = (value) => value.toFixed(1);
  console.log(`\ngreymatter tutorial frame times — ${report.date}, ${report.machine.cpu} (${report.machine.cores} cores, shared),`);
  console.log(`${report.machine.browser}, headless, software rendering (no GPU), ${VIEWPORT.width}×${VIEWPORT.height}, ${SECONDS} s per position:\n`);
  console.log(`every embed ready ${ms(report.readyMs)} ms after navigation (${report.positions[0].embeds} embeds)\n`);
  line([
    'position',
    'fps',
    'p50 ms',
    'p95 ms',
    'max ms',
    'visible',
    'playing',
    'playing and visible',
    'epochs trained off screen',
    'epochs/s of each playing embed',
  ]);
  line(Array(10).fill('---'));
  for (const p of report.positions) {
    const rates = Object.entries(p.epochsPerSecond)
      .map(([id, rate]) => `${id} ${rate.toFixed(0)}`)
      .join(', ');
    line([p.label, p.fps.toFixed(0), ms(p.p50Ms), ms(p.p95Ms), ms(p.maxMs), p.visible, p.playing, p.playingVisible, p.offscreenEpochs, rates]);
  }
}

async function main() {
  const session = await startSession();
  try {
    const { readyMs, positions } = await measure(session);
    const report = {
      date: new Date().toISOString(),
      machine: machineOf(session),
      viewport: VIEWPORT,
      seconds: SECONDS,
      readyMs,
      positions,
    };
    printReport(report);
    writeReport('tutorial-frames', report);
  } finally {
    await session.close();
  }
}

await main();
