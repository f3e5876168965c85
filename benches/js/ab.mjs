// greymatter against greymatter: two (or more) wasm packages in one Node process, timed
// interleaved on the standard workload (train and all-neuron grid at both networks), to
// see what one change to the core buys on a busy machine.
//
//   PKGS=/path/to/old/pkg:target/bench/pkg node benches/js/ab.mjs
//
// Time is the process's CPU time (process.cpuUsage), not the wall clock, so that other
// work on a shared machine does not count; shares are of the mul+add loop's best round
// measured the same way. Each package after the first gets the median of its per-round
// ratios to the first. ROUNDS (default 9), BUDGET (CPU ms per measurement, default 200).
// Nothing is written; compare.mjs stays the measurement of record.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NETWORKS, gridFlops, initialParameters, trainFlopsPerSample } from './workload.mjs';
import { greymatterSystem, loadGreymatter } from './systems/greymatter.mjs';
import { limitLoops } from './systems/limit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const defaultPackages = `${path.join(root, 'www/pkg')}:${path.join(root, 'target/bench/pkg')}`;
const dirs = (process.env.PKGS ?? defaultPackages).split(':');
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const BUDGET_MS = Number(process.env.BUDGET ?? 200);

/** CPU milliseconds this process has used. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Calls `fn` until `BUDGET_MS` of CPU time has passed; returns units per CPU second. */
function measure(fn) {
  let units = 0;
  const start = cpuMs();
  let elapsed;
  do {
    units += fn();
    elapsed = cpuMs() - start;
  } while (elapsed < BUDGET_MS);
  return units / (elapsed / 1000);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const packages = [];
for (const dir of dirs) {
  const loaded = await loadGreymatter(root, dir);
  const system = greymatterSystem(loaded);
  const instances = NETWORKS.map((network) => ({
    network,
    instance: system.setup(network, initialParameters(network.sizes)),
    train: [],
    grid: [],
  }));
  packages.push({ dir, loaded, instances });
}
const tasks = {
  train: (entry) => () => entry.instance.train(),
  grid: (entry) => () => {
    entry.instance.grid();
    return 1;
  },
};
for (const { instances } of packages) {
  for (const entry of instances) for (const task of Object.values(tasks)) measure(task(entry));
}

const loop = limitLoops(packages[0].loaded.module).find((l) => l.id === 'limit-mul-add');
const limitRuns = [];
for (let round = 0; round < ROUNDS; round++) {
  limitRuns.push(
    measure(() => {
      loop.peak(loop.iterations);
      return loop.iterations * loop.flopsPerIteration;
    }),
  );
  for (let n = 0; n < NETWORKS.length; n++) {
    for (const [what, task] of Object.entries(tasks)) {
      // Alternate which package goes first.
      const order = round % 2 ? [...packages].reverse() : packages;
      for (const { instances } of order) instances[n][what].push(measure(task(instances[n])));
    }
  }
}

const limit = Math.max(...limitRuns);
console.log(`limit: best ${(limit / 1e9).toFixed(1)} GFLOP/s, median ${(median(limitRuns) / 1e9).toFixed(1)}`);
const flops = { train: trainFlopsPerSample, grid: gridFlops };
for (const [p, { dir, instances }] of packages.entries()) {
  console.log(dir);
  for (const [n, entry] of instances.entries()) {
    const cells = Object.keys(tasks).map((what) => {
      const rate = median(entry[what]);
      const share = (100 * rate * flops[what](entry.network.sizes)) / limit;
      const ratios = entry[what].map((value, round) => value / packages[0].instances[n][what][round]);
      const ratio = p === 0 ? '' : ` ×${median(ratios).toFixed(2)}`;
      return `${what} ${rate.toPrecision(3)}/s = ${share.toFixed(1)}%${ratio}`;
    });
    console.log(`  ${entry.network.name}: ${cells.join('  ')}  loss ${entry.instance.loss().toFixed(4)}`);
  }
}
