// greymatter side by side with the JS neural-network peers on the standard workload
// (workload.mjs): train samples/s and all-neuron grids/s at 2-8-8-1 and 2-64-64-64-1,
// plus the machine's f32 multiply-add limit converted to the same units.
//
//   node --experimental-wasm-relaxed-simd benches/js/compare.mjs   (make bench runs it)
//
// (the flag only lets the informational fused multiply-add loop run; without it that
// one line is left out.)
//
// Every system starts from the same weights; before anything is timed, each one's
// grid is checked against the plain MLP's at those weights, and each must bring its
// training loss down during the warm-up (so nothing benchmarks a no-op). Then the
// systems are timed round-robin, several rounds, in a rotating order, and the table
// shows the medians (the limit: its best round). Exits with 1 if a check failed.
// Results also go to target/bench/compare.json.
//
// Environment: BENCH_ROUNDS (default 7), BENCH_BUDGET_MS (time per measurement,
// default 300), GREYMATTER_PKG (a package directory to measure instead of the default).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PlainMlp } from './plain-mlp.mjs';
import { NETWORKS, WORKLOAD, gridFlops, gridInputs, initialParameters, spiralData, trainFlopsPerSample } from './workload.mjs';
import { choosePackage, greymatterSystem, loadGreymatter } from './systems/greymatter.mjs';
import { plainSystem } from './systems/plain.mjs';
import { brainSystem, loadBrain } from './systems/brain.mjs';
import { prepareTfjs, tfjsSystem, tfjsVersion } from './systems/tfjs.mjs';
import { limitLoops } from './systems/limit.mjs';
import { goalLines, goals, ratioTable, resultsTable } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 300);
/** Warm-up: at least this long and this many epochs of training per system and network. */
const WARM_UP_MS = 2 * BUDGET_MS;
const WARM_UP_EPOCHS = 10;
/** If the loss has not fallen after the warm-up, train on for at most this long. */
const LEARNING_PATIENCE_MS = 10000;
/** Largest difference from the plain MLP's grid (f64) that f32 systems may show. */
const GRID_TOLERANCE = 1e-3;

const say = (text = '') => console.log(text);

/** Calls `fn` until `budgetMs` has passed (at least once); returns units per second. */
async function measure(fn, budgetMs) {
  let units = 0;
  const start = performance.now();
  let elapsed;
  do {
    let done = fn();
    if (done && typeof done.then === 'function') done = await done;
    units += done;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return units / (elapsed / 1000);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  let cores = os.cpus().length;
  try {
    const text = execFileSync('lscpu', { encoding: 'utf8' });
    cpu = /^Model name:\s*(.+)$/m.exec(text)?.[1].trim() ?? cpu;
    cores = Number(/^CPU\(s\):\s*(\d+)$/m.exec(text)?.[1] ?? cores);
  } catch {
    // no lscpu: os.cpus() is enough
  }
  return { cpu, cores, node: process.version, v8: process.versions.v8, platform: `${process.platform}-${process.arch}` };
}

function maxDifference(reference, candidate) {
  let largest = 0;
  for (let l = 0; l < reference.length; l++) {
    const a = reference[l];
    const b = candidate[l];
    if (!b || b.length !== a.length) return Infinity;
    for (let k = 0; k < a.length; k++) largest = Math.max(largest, Math.abs(a[k] - b[k]) || (Number.isNaN(b[k]) ? Infinity : 0));
  }
  return largest;
}

async function main() {
  const started = new Date();
  const host = machine();
  say(`greymatter comparison — ${started.toISOString()}`);
  say(`machine: ${host.cpu}, ${host.cores} cores; Node ${host.node} (V8 ${host.v8})`);
  say(`${ROUNDS} rounds × ${BUDGET_MS} ms per measurement, medians; warm-up ≥ ${WARM_UP_MS} ms and ≥ ${WARM_UP_EPOCHS} epochs each`);
  say();

  const data = spiralData(1);
  const grid = gridInputs();
  const chosen = choosePackage(root);
  const greymatter = await loadGreymatter(root, chosen.dir);
  const brain = loadBrain();
  prepareTfjs(path.join(here, 'node_modules'));

  const systems = [greymatterSystem(greymatter), plainSystem(data)];
  const absent = [];
  if (brain.error) absent.push({ label: 'brain.js', reason: `could not be loaded: ${brain.error}` });
  else systems.push(brainSystem(brain, data));
  systems.push(tfjsSystem('cpu', data), tfjsSystem('wasm', data));

  const relative = path.relative(root, chosen.dir);
  say(`greymatter package: ${relative} (${chosen.why}; ${greymatter.bytes} bytes, built ${greymatter.built})`);
  for (const system of systems) {
    if (system.describeBackend) say(`${system.label}: ${await system.describeBackend()}`);
  }
  say();

  // Set up every system on every network from the same weights; check the grids.
  const entries = [];
  for (const network of NETWORKS) {
    const parameters = initialParameters(network.sizes);
    const reference = new PlainMlp(network.sizes, parameters);
    const referenceGrid = reference
      .evaluateAll(
        grid,
        network.sizes.slice(1).map((m) => new Float64Array((m * grid.length) / 2)),
      )
      .map((layer) => Float64Array.from(layer));
    const referenceOutput = referenceGrid[referenceGrid.length - 1];
    for (const system of systems) {
      await system.activate?.();
      const instance = await system.setup(network, parameters);
      const entry = { system, network, instance, refused: instance.refused };
      entries.push(entry);
      if (entry.refused) {
        say(`${system.label}, ${network.name}: not measured — ${entry.refused}`);
        continue;
      }
      if (instance.allNeurons) {
        entry.gridDifference = maxDifference(referenceGrid, instance.allNeurons());
        entry.gridChecked = 'every neuron';
      } else {
        entry.gridDifference = maxDifference([referenceOutput], [instance.predict(grid)]);
        entry.gridChecked = 'output neuron only: the API keeps the others inside wasm';
      }
      entry.lossBefore = instance.loss();
    }
  }

  // Warm up (and let tfjs pick its faster way to train); every system must learn.
  for (const entry of entries.filter((e) => !e.refused)) {
    const { system, network, instance } = entry;
    await system.activate?.();
    if (instance.warmUp) entry.warmUpNote = await instance.warmUp(measure, BUDGET_MS);
    let samples = 0;
    const start = performance.now();
    while (performance.now() - start < WARM_UP_MS || samples < WARM_UP_EPOCHS * instance.trainCount) {
      let done = instance.train();
      if (done && typeof done.then === 'function') done = await done;
      samples += done;
    }
    await measure(() => {
      instance.grid();
      return 1;
    }, BUDGET_MS / 2);
    // Per-sample SGD on a wide net wanders before it settles: give it more time.
    const extraStart = performance.now();
    while (instance.loss() >= entry.lossBefore && performance.now() - extraStart < LEARNING_PATIENCE_MS) {
      let done = instance.train();
      if (done && typeof done.then === 'function') done = await done;
      samples += done;
    }
    entry.warmUpEpochs = Math.round(samples / instance.trainCount);
    entry.lossAfter = instance.loss();
    entry.divergence = instance.divergence?.() ?? '';
    entry.learned = entry.lossAfter < entry.lossBefore && !entry.divergence;
    const gridOk = entry.gridDifference <= GRID_TOLERANCE;
    say(
      `${system.label}, ${network.name}: grid vs plain MLP max |Δ| ${entry.gridDifference.toExponential(1)} `
        + `(${entry.gridChecked}): ${gridOk ? 'ok' : 'DIFFERS'}; train loss ${entry.lossBefore.toFixed(4)} → `
        + `${entry.lossAfter.toFixed(4)} after ${entry.warmUpEpochs} warm-up epochs ${entry.learned ? 'ok (learns)' : 'DID NOT FALL'}`
        + (entry.divergence ? ` — ${entry.divergence}` : ''),
    );
    if (entry.warmUpNote) say(`  ${entry.warmUpNote}`);
  }
  say();

  // The limit loops.
  const loops = limitLoops(greymatter.module);
  for (const loop of loops) loop.peak(loop.iterations); // warm-up

  // Round-robin: every task once per round, the order rotating from round to round.
  const tasks = [];
  for (const entry of entries.filter((e) => !e.refused)) {
    const { system, instance } = entry;
    entry.runs = { train: [], grid: [] };
    tasks.push({ system, fn: instance.train, runs: entry.runs.train });
    const grid = () => {
      instance.grid();
      return 1;
    };
    tasks.push({ system, fn: grid, runs: entry.runs.grid });
  }
  for (const loop of loops) {
    loop.runs = [];
    const peak = () => {
      loop.peak(loop.iterations);
      return loop.iterations * loop.flopsPerIteration;
    };
    tasks.push({ fn: peak, runs: loop.runs });
  }
  const roundsStart = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const shift = (round * 7) % tasks.length;
    for (const task of [...tasks.slice(shift), ...tasks.slice(0, shift)]) {
      await task.system?.activate?.();
      task.runs.push(await measure(task.fn, BUDGET_MS));
    }
    say(`round ${round + 1}/${ROUNDS} done (${((performance.now() - roundsStart) / 1000).toFixed(0)} s)`);
  }
  say();

  // Medians, rows, the limit. A ceiling is best estimated by its best round (other
  // processes only ever lower it); the systems get their medians.
  for (const loop of loops) loop.best = Math.max(...loop.runs);
  const limitLoop = loops.filter((loop) => !loop.informationOnly).reduce((best, loop) => (loop.best > best.best ? loop : best));
  const limitFlops = limitLoop.best;
  const rows = [];
  for (const system of systems) {
    const row = { id: system.id, label: system.label, cells: {}, notes: {}, configuration: {}, verification: {} };
    for (const entry of entries.filter((e) => e.system === system)) {
      const net = entry.network.name;
      if (entry.refused) {
        row.notes[net] = entry.refused;
        continue;
      }
      row.configuration[net] = entry.instance.config;
      row.verification[net] = {
        gridMaxDifference: entry.gridDifference,
        gridChecked: entry.gridChecked,
        lossBefore: entry.lossBefore,
        lossAfter: entry.lossAfter,
        warmUpEpochs: entry.warmUpEpochs,
        learned: entry.learned,
        warmUpNote: entry.warmUpNote,
      };
      row.cells[`${net}/train`] = median(entry.runs.train);
      row.cells[`${net}/grid`] = median(entry.runs.grid);
      row.runs = { ...row.runs, [`${net}/train`]: entry.runs.train, [`${net}/grid`]: entry.runs.grid };
      if (entry.instance.gridMethod) row.gridMethod = entry.instance.gridMethod;
    }
    rows.push(row);
  }
  const [greymatterRow, ...peerRows] = rows;
  const limitRow = {
    id: 'limit',
    label: `one core's f32 multiply-add limit (${(limitFlops / 1e9).toFixed(0)} GFLOP/s)`,
    cells: {},
  };
  for (const network of NETWORKS) {
    limitRow.cells[`${network.name}/train`] = limitFlops / trainFlopsPerSample(network.sizes);
    limitRow.cells[`${network.name}/grid`] = limitFlops / gridFlops(network.sizes);
  }
  const playgroundRow = {
    id: 'tensorflow-playground',
    label: "TensorFlow Playground's core (its nn.ts)",
    cells: {},
    note: 'not measured: the TensorFlow Playground is not published as a package',
  };
  const tableRows = [greymatterRow, peerRows[0], playgroundRow, ...peerRows.slice(1), limitRow];
  const table = resultsTable(tableRows);
  const ratios = ratioTable(greymatterRow, [...peerRows, limitRow]);
  const goalList = goals(greymatterRow, peerRows, limitRow);
  const fused = loops.find((loop) => loop.informationOnly);
  if (fused) {
    // The same shares against the fused multiply-add ceiling, which simd128 cannot reach.
    for (const goal of goalList.filter((g) => g.target < 1 && g.ratio != null)) {
      goal.shareOfRelaxedFma = (goal.ratio * limitFlops) / fused.best;
      goal.detail += `; ${(goal.shareOfRelaxedFma * 100).toFixed(1)}% of the relaxed-SIMD FMA limit (${(fused.best / 1e9).toFixed(0)} GFLOP/s)`;
    }
  }

  say(table);
  say();
  say(ratios);
  say();
  say('Goals:');
  say(goalLines(goalList));
  say();
  say('Notes:');
  if (greymatterRow.gridMethod === 'render') {
    say('- greymatter grids/s: this package has no evaluateGrid(), so the figure is render(): the all-neuron pass plus colouring.');
  }
  for (const [net, reason] of Object.entries(greymatterRow.notes)) say(`- greymatter ${net}: ${reason}`);
  say(`- ${playgroundRow.label}: ${playgroundRow.note}.`);
  for (const { label, reason } of absent) say(`- ${label}: ${reason}`);
  say(
    `- limit (best of ${ROUNDS} rounds): ${loops.map((loop) => `${loop.label}: ${(loop.best / 1e9).toFixed(1)} GFLOP/s`).join('; ')}; the table uses ${limitLoop.id}.`,
  );
  if (!loops.some((loop) => loop.informationOnly)) {
    say('- relaxed-SIMD FMA loop: this Node refuses f32x4.relaxed_madd (run with --experimental-wasm-relaxed-simd to see it).');
  }
  say('- limit row: flops per training sample = 6 × weights + 2 × parameters / 10 (forward, two backward products, the SGD step);');
  say('  per grid = 10,000 × (2 × weights + neurons). Activations are not counted.');
  say();
  say('How each system runs:');
  for (const row of rows) {
    const texts = [...new Set(Object.values(row.configuration))];
    for (const text of texts) say(`- ${row.label}: ${text}`);
  }

  const report = {
    date: started.toISOString(),
    machine: host,
    settings: { rounds: ROUNDS, budgetMs: BUDGET_MS, warmUpMs: WARM_UP_MS, warmUpEpochs: WARM_UP_EPOCHS },
    workload: {
      ...WORKLOAD,
      networks: NETWORKS.map((n) => ({
        ...n,
        trainFlopsPerSample: trainFlopsPerSample(n.sizes),
        gridFlops: gridFlops(n.sizes),
      })),
    },
    greymatter: {
      package: relative,
      chosenBecause: chosen.why,
      wasmBytes: greymatter.bytes,
      built: greymatter.built,
      gridMethod: greymatterRow.gridMethod,
    },
    versions: { tfjs: tfjsVersion, brainjs: brain.version ?? null },
    limit: {
      flopsPerSecond: limitFlops,
      from: limitLoop.id,
      loops: loops.map(({ id, label, flopsPerIteration, iterations, best, runs, informationOnly }) => ({
        id,
        label,
        flopsPerIteration,
        iterationsPerCall: iterations,
        bestFlopsPerSecond: best,
        medianFlopsPerSecond: median(runs),
        runs,
        informationOnly: !!informationOnly,
      })),
    },
    systems: [...rows, playgroundRow, ...absent.map(({ label, reason }) => ({ label, note: reason }))],
    limitRow,
    goals: goalList,
    table,
    ratios,
  };
  const out = path.join(root, 'target/bench/compare.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  say();
  say(`written: ${path.relative(root, out)}`);
  const silent = entries.filter((e) => !e.refused && (!e.learned || !(e.gridDifference <= GRID_TOLERANCE)));
  if (silent.length) {
    say(`WARNING: ${silent.map((e) => `${e.system.label} ${e.network.name}`).join(', ')} did not pass the learning or grid check.`);
    process.exitCode = 1;
  }
}

await main();
