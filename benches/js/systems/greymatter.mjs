// greymatter's wasm package in Node: the web glue made by `wasm-bindgen --target web`
// is loaded with `initSync` from the .wasm bytes on disk, and the benchmark drives a
// `Playground` exactly as the page does (docs/architecture.md, "One frame"): `train(n)` for
// training and the all-neuron grid pass for the pictures.
//
// Two packages can be measured: the page's own (www/pkg) and the one built with the
// cargo feature `bench` (target/bench/pkg), which adds `peakMultiplyAdd` and, in
// some versions, `evaluateGrid`. The bench package is preferred when it is at least as
// new as the page's; otherwise the page's package is used.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKLOAD } from '../workload.mjs';

/** Epochs per `train` call: like a page frame, so the per-call loss measurement is amortised. */
export const EPOCHS_PER_CALL = 20;

function newest(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
}

/** Picks the package directory: `GREYMATTER_PKG`, else the bench package if fresh, else www/pkg. */
export function choosePackage(root) {
  if (process.env.GREYMATTER_PKG) return { dir: path.resolve(process.env.GREYMATTER_PKG), why: 'GREYMATTER_PKG' };
  const page = path.join(root, 'www/pkg');
  const bench = path.join(root, 'target/bench/pkg');
  const pageTime = newest(path.join(page, 'greymatter_bg.wasm'));
  const benchTime = newest(path.join(bench, 'greymatter_bg.wasm'));
  if (benchTime >= 0 && benchTime >= pageTime) return { dir: bench, why: 'built with --features bench' };
  if (pageTime < 0) throw new Error(`no greymatter package in ${page}: run make build first`);
  const why = benchTime >= 0 ? 'the page package (target/bench/pkg is older: stale)' : 'the page package';
  return { dir: page, why };
}

/**
 * Imports the glue and instantiates the wasm. Node 20 treats a `.js` file outside a
 * `"type": "module"` package as CommonJS, so the ES-module glue is copied next to the
 * results as `.mjs` first (nothing in www/ is touched).
 */
export async function loadGreymatter(root, packageDir) {
  const glue = path.join(packageDir, 'greymatter.js');
  const wasmFile = path.join(packageDir, 'greymatter_bg.wasm');
  const copyDir = path.join(root, 'target/bench/glue');
  fs.mkdirSync(copyDir, { recursive: true });
  const tag = `${path.basename(path.dirname(packageDir))}-${path.basename(packageDir)}`;
  const copy = path.join(copyDir, `greymatter-${tag}-${Date.now()}.mjs`);
  fs.copyFileSync(glue, copy);
  const module = await import(pathToFileURL(copy).href);
  fs.rmSync(copy);
  const wasm = module.initSync({ module: fs.readFileSync(wasmFile) });
  const bytes = fs.statSync(wasmFile).size;
  return { module, wasm, bytes, built: fs.statSync(wasmFile).mtime.toISOString() };
}

/** The playground config of the standard workload for one network. */
export function workloadConfig(sizes) {
  return {
    dataset: 'spiral',
    noise: WORKLOAD.noise * 100,
    samples: WORKLOAD.samples,
    trainRatio: (WORKLOAD.trainCount / WORKLOAD.samples) * 100,
    batchSize: WORKLOAD.batchSize,
    learningRate: WORKLOAD.learningRate,
    activation: 'tanh',
    hidden: sizes.slice(1, -1),
    features: ['x1', 'x2'],
    problem: 'classification',
    loss: 'squared',
    regularization: 'none',
  };
}

/**
 * The greymatter system for the comparison. `loaded` is what loadGreymatter returned.
 * Returns `{ refused }` when the playground does not accept the network (a config limit).
 */
export function greymatterSystem(loaded) {
  const { module } = loaded;
  return {
    id: 'greymatter',
    label: 'greymatter (Rust → wasm, simd128)',
    setup(network, parameters) {
      let playground;
      try {
        playground = new module.Playground(workloadConfig(network.sizes));
      } catch (error) {
        return { refused: `the playground refuses it: ${error.message}` };
      }
      playground.setParameters(Float32Array.from(parameters));
      const trainCount = playground.trainPoints().length / 3;
      const hasEvaluateGrid = typeof playground.evaluateGrid === 'function';
      let diverged = false;
      return {
        config:
          `Playground ${JSON.stringify(workloadConfig(network.sizes))}; `
          + `train(${EPOCHS_PER_CALL}) per call (${trainCount} samples per epoch); grid: `
          + (hasEvaluateGrid ? 'evaluateGrid()' : 'render() (evaluateGrid() not in this package: the time includes colouring)'),
        gridMethod: hasEvaluateGrid ? 'evaluateGrid' : 'render',
        trainCount,
        train() {
          const trained = playground.train(EPOCHS_PER_CALL);
          // Contract v2 returns the epochs trained (0 once the loss diverged); v1 returns nothing.
          const epochs = typeof trained === 'number' ? trained : EPOCHS_PER_CALL;
          if (epochs < EPOCHS_PER_CALL) diverged = true;
          return Math.max(epochs, 1) * trainCount;
        },
        grid: hasEvaluateGrid ? () => playground.evaluateGrid() : () => playground.render(),
        loss: () => playground.trainLoss,
        divergence: () => (diverged ? playground.divergence || 'train() trained fewer epochs than asked' : ''),
        /** Output-neuron values at points `[x1, x2, …]` (greymatter keeps the others inside wasm). */
        predict: (points) => playground.predict(Float32Array.from(points)),
        dispose: () => playground.free(),
      };
    },
  };
}
