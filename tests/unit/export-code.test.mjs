// "Export as code" (www/js/export/) against the real core: each target's script is
// written for several runs; the NumPy script runs under target/export-venv's Python
// (scripts/setup.sh --browser, part of `make test`, makes it) and the TensorFlow.js
// script under Node with @tensorflow/tfjs (a dev package); both must predict the grid
// as the core's predict() does within 1e-4, and one further epoch (over the exported
// next-epoch order) must give the training loss greymatter's next epoch gives within
// 1e-4 (relative to the loss, at least 1e-4 absolute) and the grid predictions of the
// core after that epoch within 1e-4 (both agree to about 1e-6 in practice: the same
// batches and the same math, in 32-bit floats, summed in another order). The PyTorch
// script is compiled by Python, and run and matched the same way where some Python
// imports torch (GREYMATTER_TORCH_PYTHON, the venv's, python3 or /usr/bin/python3, e.g.
// with Debian's python3-torch); `make test` does not install torch (it is too large).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glue } from './core.mjs';
import { exportCode } from '../../www/js/export/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Under the project, so that the TF.js script finds node_modules/@tensorflow/tfjs.
const scratch = `${root}target/export-test/`;
mkdirSync(scratch, { recursive: true });
const python = `${root}target/export-venv/bin/python`;
// The first Python that imports torch: GREYMATTER_TORCH_PYTHON, the venv's, the system's.
const torchPython = [process.env.GREYMATTER_TORCH_PYTHON, python, 'python3', '/usr/bin/python3'].find(
  (candidate) => candidate && spawnSync(candidate, ['-c', 'import torch']).status === 0,
);
const defaults = glue.defaultConfig();

/** A 21 × 21 grid over [−6, 6]². */
const GRID = [];
for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) GRID.push([-6 + 0.6 * i, -6 + 0.6 * j]);

/** The runs exported: each trained 3 epochs first, so the optimizers have memory. */
const RUNS = {
  'two classes, squared loss, sgd (the defaults)': {},
  'three classes, softmax, adam, L2': {
    dataset: 'spiral',
    classes: 3,
    loss: 'softmaxCrossEntropy',
    optimizer: 'adam',
    hidden: [6, 4],
    regularization: 'l2',
    regularizationRate: 0.003,
    learningRate: 0.01,
    samples: 300,
  },
  'regression, huber, momentum, L1, step schedule': {
    problem: 'regression',
    dataset: 'multigauss',
    loss: 'huber',
    optimizer: 'momentum',
    momentum: 0.8,
    regularization: 'l1',
    regularizationRate: 0.001,
    schedule: 'step',
    decayRate: 0.5,
    decayEpochs: 2,
    activation: 'relu',
    features: ['x1', 'x2', 'x1x2'],
  },
  'binary cross-entropy, rmsprop, exponential schedule, every feature': {
    dataset: 'xor',
    loss: 'binaryCrossEntropy',
    optimizer: 'rmsprop',
    rmsDecay: 0.95,
    epsilon: 1e-6,
    schedule: 'exponential',
    decayRate: 0.7,
    decayEpochs: 3,
    batchSize: 16,
    features: ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'],
  },
  'absolute loss, nesterov, every hidden activation': {
    loss: 'absolute',
    optimizer: 'nesterov',
    momentum: 0.5,
    noise: 20,
    batchSize: 1,
    samples: 120,
    hidden: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    layerActivations: ['relu', 'tanh', 'sigmoid', 'linear', 'leakyRelu', 'elu', 'swish', 'gelu', 'softplus', 'mish', 'sine'],
  },
  'regression, squared loss, adam, own points': { problem: 'regression', dataset: 'plane', optimizer: 'adam' },
  'mish and sine, dropout in two of three layers, adam': {
    dataset: 'circle',
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 8,
    hidden: [6, 5, 4],
    layerActivations: ['mish', 'sine', 'tanh'],
    dropout: [0.3, 0, 0.5],
  },
  'three classes, relu with dropout, softmax, momentum': {
    dataset: 'spiral',
    classes: 3,
    loss: 'softmaxCrossEntropy',
    optimizer: 'momentum',
    momentum: 0.9,
    activation: 'relu',
    hidden: [8, 6],
    dropout: [0.5, 0.2],
    samples: 240,
  },
  'regression, sine with dropout, huber': {
    problem: 'regression',
    dataset: 'multigauss',
    loss: 'huber',
    activation: 'sine',
    hidden: [7],
    dropout: [0.4],
    batchSize: 1,
    samples: 100,
  },
  'formula inputs using every operation and function, on the formula dataset, adam': {
    dataset: 'formula',
    datasetFormula: 'x2 - 3*sin(x1)',
    optimizer: 'adam',
    learningRate: 0.01,
    customFeatures: ['sin(x1)', 'x1^2/6 - min(x2, 0.5)', 'tanh(-x1*x2) + 2^-abs(x1)', 'max(log(abs(x1) + 0.001), -3)'],
  },
  'no hidden layer, zero starting weights, L1': {
    hidden: [],
    initialization: 'zeros',
    regularization: 'l1',
    regularizationRate: 0.01,
    features: ['x1Squared', 'x2Squared'],
  },
};

/** The core for `config`, trained 3 epochs; own points for the run that asks. */
function trained(name, config) {
  const playground = new glue.Playground({ ...config, seed: 7 });
  if (name.includes('own points')) {
    const points = [];
    for (let i = 0; i < 40; i++) points.push(Math.sin(i) * 5, Math.cos(i * 1.3) * 5, Math.tanh(i / 20 - 1));
    playground.setData(new Float32Array(), new Float32Array(), Float32Array.from(points), 60, [], false);
  }
  playground.train(3);
  return playground;
}

/** The core's predictions of the grid, one row (or one value) per point. */
function corePredictions(playground) {
  const flat = Array.from(playground.predict(Float32Array.from(GRID.flat())));
  const count = playground.outputCount;
  if (count === 1) return flat;
  return GRID.map((_, index) => flat.slice(index * count, index * count + count));
}

function assertClose(actual, expected, tolerance, what) {
  const a = actual.flat();
  const e = expected.flat();
  assert.equal(a.length, e.length, `${what}: ${a.length} values, expected ${e.length}`);
  const worst = Math.max(...a.map((value, index) => Math.abs(value - e[index])));
  assert.ok(worst <= tolerance, `${what}: differs by ${worst} (at most ${tolerance})`);
}

function assertLossClose(actual, expected, what) {
  const tolerance = 1e-4 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, greymatter ${expected}`);
}

/** The Python harness: the script imported as a module, grid, loss, one epoch, loss. */
const HARNESS = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
grid = json.loads(sys.argv[2])
before = m.mean_loss(m.TRAIN)
predictions = m.predict(grid).tolist()  # a NumPy array or a torch tensor
m.train_epoch(m.NEXT_ORDER, m.NEXT_MASKS)
after = m.predict(grid).tolist()
print(json.dumps({"grid": predictions, "before": before, "after": m.mean_loss(m.TRAIN), "gridAfter": after, "epoch": m.EPOCH}))
`;

function runPython(binary, file) {
  const out = execFileSync(binary, ['-c', HARNESS, file, JSON.stringify(GRID)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1));
}

test('the python with numpy the tests need is there (scripts/setup.sh --browser makes it)', () => {
  assert.ok(existsSync(python), `${python} is missing: run make test, or scripts/setup.sh --browser`);
  execFileSync(python, ['-c', 'import numpy']);
});

for (const [name, config] of Object.entries(RUNS)) {
  test(`exported as code: ${name}`, async (t) => {
    const playground = trained(name, config);
    const run = playground.exportRun();
    const expectedGrid = corePredictions(playground);
    const lossBefore = playground.trainLoss;
    const epochBefore = playground.epoch;
    playground.train(1);
    const lossAfter = playground.trainLoss;
    const gridAfter = corePredictions(playground);
    const slug = name.replace(/[^a-z0-9]+/gi, '-');

    await t.test("NumPy: the grid as predict() within 1e-4, and the next epoch as greymatter's", async () => {
      const { code, fileName } = await exportCode(run, defaults, 'numpy');
      assert.equal(fileName, 'greymatter_numpy.py');
      const file = `${scratch}${slug}.py`;
      writeFileSync(file, code);
      const result = runPython(python, file);
      assertClose(result.grid, expectedGrid, 1e-4, 'grid predictions');
      assertLossClose(result.before, lossBefore, 'training loss before the epoch');
      assertLossClose(result.after, lossAfter, 'training loss after one more epoch');
      assertClose(result.gridAfter, gridAfter, 1e-4, 'grid predictions after one more epoch');
      assert.equal(result.epoch, epochBefore + 1);
    });

    await t.test("TensorFlow.js: the grid as predict() within 1e-4, and the next epoch as greymatter's", async () => {
      const { code, fileName } = await exportCode(run, defaults, 'tfjs');
      assert.equal(fileName, 'greymatter_tfjs.mjs');
      const file = `${scratch}${slug}.mjs`;
      writeFileSync(file, code);
      const script = await import(`${pathToFileURL(file).href}?${Date.now()}`);
      assertClose(script.predict(GRID), expectedGrid, 1e-4, 'grid predictions');
      assertLossClose(script.meanLoss(script.TRAIN), lossBefore, 'training loss before the epoch');
      script.trainEpoch(script.NEXT_ORDER, script.NEXT_MASKS);
      assertLossClose(script.meanLoss(script.TRAIN), lossAfter, 'training loss after one more epoch');
      assertClose(script.predict(GRID), gridAfter, 1e-4, 'grid predictions after one more epoch');
      assert.equal(script.epoch, epochBefore + 1);
    });

    await t.test('PyTorch: compiled by Python; run and matched where torch imports', async (sub) => {
      const { code, fileName } = await exportCode(run, defaults, 'pytorch');
      assert.equal(fileName, 'greymatter_pytorch.py');
      const file = `${scratch}${slug}-torch.py`;
      writeFileSync(file, code);
      execFileSync(python, ['-m', 'py_compile', file]);
      if (!torchPython) {
        sub.diagnostic('no Python here imports torch: the script was compiled, its run skipped');
        return;
      }
      sub.diagnostic(`run under ${torchPython}`);
      const result = runPython(torchPython, file);
      assertClose(result.grid, expectedGrid, 1e-4, 'grid predictions');
      assertLossClose(result.after, lossAfter, 'training loss after one more epoch');
      assertClose(result.gridAfter, gridAfter, 1e-4, 'grid predictions after one more epoch');
    });
  });
}

test('the NumPy script runs on its own, training and printing its losses', async () => {
  const playground = trained('defaults', { stopAfter: 8 });
  const { code } = await exportCode(playground.exportRun(), defaults, 'numpy');
  const file = `${scratch}standalone.py`;
  writeFileSync(file, code);
  const lines = execFileSync(python, [file], { encoding: 'utf8' }).trim().split('\n');
  // Up to stopAfter: epochs 3 to 8.
  assert.match(lines[0], /^epoch 3: train loss \d\.\d{6}, test loss \d\.\d{6}$/);
  assert.match(lines.at(-1), /^epoch 8: train loss \d\.\d{6}, test loss \d\.\d{6}$/);
});

test("dropout: the next epoch matches only with greymatter's masks; without them the scripts draw their own", async () => {
  const playground = trained('dropout', RUNS['mish and sine, dropout in two of three layers, adam']);
  const run = playground.exportRun();
  assert.deepEqual(run.nextDropout.rates, [Math.fround(0.3), 0, 0.5]);
  assert.equal(run.nextDropout.kept[1], '', 'rate 0: no mask');
  playground.train(1);
  const lossAfter = playground.trainLoss;
  const { code } = await exportCode(run, defaults, 'numpy');
  assert.match(code.replace(/\n# /g, ' '), /The first epoch uses the masks greymatter's next epoch draws \(NEXT_MASKS/);
  const file = `${scratch}dropout-own-masks.py`;
  writeFileSync(file, code);
  const own = execFileSync(
    python,
    ['-c', `${HARNESS.split('m.train_epoch')[0]}m.train_epoch(m.NEXT_ORDER)\nprint(m.mean_loss(m.TRAIN))`, file, JSON.stringify(GRID)],
    { encoding: 'utf8' },
  );
  const ownLoss = Number(own.trim().split('\n').at(-1));
  assert.ok(Number.isFinite(ownLoss) && Math.abs(ownLoss - lossAfter) > 1e-4, `own masks: ${ownLoss}, greymatter ${lossAfter}`);
  // Masks left out (as the core does beyond 2^20 draws): the script says so and draws its own.
  const { code: without } = await exportCode({ ...run, nextDropout: { ...run.nextDropout, kept: null } }, defaults, 'tfjs');
  assert.match(without.replace(/\n\/\/ /g, ' '), /greymatter's next-epoch masks are not inlined \(more than 2\^20/);
  const tfFile = `${scratch}dropout-no-masks.mjs`;
  writeFileSync(tfFile, without);
  const script = await import(`${pathToFileURL(tfFile).href}?${Date.now()}`);
  assert.equal(script.NEXT_MASKS, null);
  script.trainEpoch(script.NEXT_ORDER, script.NEXT_MASKS);
  assert.ok(Number.isFinite(script.meanLoss(script.TRAIN)));
});

test('exportCode names the known targets for an unknown one', async () => {
  const run = trained('defaults', {}).exportRun();
  await assert.rejects(exportCode(run, defaults, 'cobol'), { message: 'exportCode: unknown target "cobol": the targets are "numpy", "pytorch", "tfjs"' });
});

test('a setting, an activation or a feature no table knows is refused, naming it', async () => {
  const run = trained('defaults', {}).exportRun();
  const changed = (change) => {
    const copy = structuredClone(run);
    change(copy);
    return copy;
  };
  // A setting greymatter may add later, at a value other than its default.
  await assert.rejects(
    exportCode(
      changed((r) => {
        r.config.maxNorm = 3;
      }),
      { ...defaults, maxNorm: 0 },
      'numpy',
    ),
    { message: 'NumPy export cannot express the setting maxNorm = 3: the export does not know this setting yet' },
  );
  // …at its default it changes nothing, so the script is written.
  await exportCode(
    changed((r) => {
      r.config.maxNorm = 0;
    }),
    { ...defaults, maxNorm: 0 },
    'numpy',
  );
  await assert.rejects(
    exportCode(
      changed((r) => {
        r.model.layers[1].activation = 'snake';
      }),
      defaults,
      'tfjs',
    ),
    /^Error: TensorFlow\.js export cannot express the activation "snake" of hidden layer 2: it has no TensorFlow\.js counterpart \(known: relu, tanh, .*, mish, sine\)$/,
  );
  await assert.rejects(
    exportCode(
      changed((r) => {
        r.model.features[0] = 'x1 + x2';
      }),
      defaults,
      'pytorch',
    ),
    /^Error: PyTorch export cannot express the feature "x1 \+ x2": it has no PyTorch formula/,
  );
  await assert.rejects(
    exportCode(
      changed((r) => {
        r.config.optimizer = 'lion';
      }),
      defaults,
      'numpy',
    ),
    { message: 'NumPy export cannot express the optimizer "lion": it is not one of sgd, momentum, nesterov, rmsprop, adam' },
  );
});
