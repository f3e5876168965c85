// The standard workload every system in the comparison runs: the two-class spiral
// (500 points, labels ±1, noise 0.1, 450 of them for training), tanh in every layer,
// plain SGD at learning rate 0.03 on mini-batches of 10, loss ½(o − t)², weights
// uniform in [−0.5, 0.5) and biases 0.1, and the 100×100 grid over [−6, 6]² on which
// "all-neuron" means the output of every neuron at every cell.
//
// Also the flop counts that turn the f32 multiply-add limit into samples/s and grids/s.

export const WORKLOAD = Object.freeze({
  samples: 500,
  noise: 0.1,
  trainCount: 450, // 90% of the points; the other 50 are test points
  batchSize: 10,
  learningRate: 0.03,
  gridSize: 100,
  extent: 6,
});

export const NETWORKS = Object.freeze([
  { name: '2-8-8-1', sizes: [2, 8, 8, 1] },
  { name: '2-64-64-64-1', sizes: [2, 64, 64, 64, 1] },
]);

/** A small seeded generator (mulberry32): uniform in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `items` in place with `random` in [0, 1). */
export function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
  return items;
}

/**
 * The spiral as the TensorFlow Playground (and greymatter) draw it: two arms of
 * `count / 2` points, r = 5·i/n, t = 1.75·(i/n)·2π (+π for the second arm), each
 * coordinate moved by noise·uniform(−1, 1); label +1 for the first arm, −1 for the
 * second. Shuffled, then split into `trainCount` training points and the rest.
 * Returns `{ train, test }`, each `{ inputs: Float64Array [x1, x2, …], targets }`.
 */
export function spiralData(seed = 1) {
  const random = seededRandom(seed);
  const noisy = () => (random() * 2 - 1) * WORKLOAD.noise;
  const points = [];
  const half = WORKLOAD.samples / 2;
  for (const [delta, label] of [
    [0, 1],
    [Math.PI, -1],
  ]) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = 1.75 * (i / half) * 2 * Math.PI + delta;
      points.push([r * Math.sin(t) + noisy(), r * Math.cos(t) + noisy(), label]);
    }
  }
  shuffle(points, random);
  const pack = (list) => ({
    inputs: Float64Array.from(list.flatMap((point) => point.slice(0, 2))),
    targets: Float64Array.from(list.map(([, , label]) => label)),
    count: list.length,
  });
  return {
    train: pack(points.slice(0, WORKLOAD.trainCount)),
    test: pack(points.slice(WORKLOAD.trainCount)),
  };
}

/**
 * Starting parameters in greymatter's layout (the one `Playground.setParameters`
 * takes): for each layer, its weights `[outputs][inputs]` row-major, then its biases.
 * Weights uniform in [−0.5, 0.5), biases 0.1. Every system starts from these.
 */
export function initialParameters(sizes, seed = 7) {
  const random = seededRandom(seed);
  const values = [];
  for (let layer = 1; layer < sizes.length; layer++) {
    const inputs = sizes[layer - 1];
    const outputs = sizes[layer];
    for (let k = 0; k < inputs * outputs; k++) values.push(random() - 0.5);
    for (let k = 0; k < outputs; k++) values.push(0.1);
  }
  return Float64Array.from(values);
}

/** Splits a flat parameter vector into per-layer `{ weights, biases }` copies. */
export function layerParameters(sizes, parameters) {
  const layers = [];
  let offset = 0;
  for (let layer = 1; layer < sizes.length; layer++) {
    const inputs = sizes[layer - 1];
    const outputs = sizes[layer];
    const weights = parameters.slice(offset, offset + inputs * outputs);
    offset += inputs * outputs;
    const biases = parameters.slice(offset, offset + outputs);
    offset += outputs;
    layers.push({ inputs, outputs, weights, biases });
  }
  return layers;
}

/** The grid's cell centres `[x1, x2, …]`, row 0 at the top (x2 = +6), as greymatter draws. */
export function gridInputs() {
  const { gridSize, extent } = WORKLOAD;
  const step = (2 * extent) / gridSize;
  const inputs = new Float64Array(gridSize * gridSize * 2);
  for (let row = 0; row < gridSize; row++) {
    for (let column = 0; column < gridSize; column++) {
      const cell = row * gridSize + column;
      inputs[2 * cell] = -extent + (column + 0.5) * step;
      inputs[2 * cell + 1] = extent - (row + 0.5) * step;
    }
  }
  return inputs;
}

/** Σ inputs·outputs over the layers: multiply-adds of one forward pass of one sample. */
export function multiplyAdds(sizes) {
  let total = 0;
  for (let layer = 1; layer < sizes.length; layer++) total += sizes[layer - 1] * sizes[layer];
  return total;
}

/** Weights plus biases. */
export function parameterCount(sizes) {
  let total = 0;
  for (let layer = 1; layer < sizes.length; layer++) total += (sizes[layer - 1] + 1) * sizes[layer];
  return total;
}

/** Neurons (hidden and output), i.e. nodes with a picture besides the inputs. */
export function neuronCount(sizes) {
  return sizes.slice(1).reduce((a, b) => a + b, 0);
}

/**
 * Flops of training on one sample: forward, weight gradient and input gradient are
 * each one multiply-add per weight (3 × 2 flops per weight), plus the SGD update of
 * every parameter (2 flops) shared by the batch. Activations are not counted.
 */
export function trainFlopsPerSample(sizes) {
  return 6 * multiplyAdds(sizes) + (2 * parameterCount(sizes)) / WORKLOAD.batchSize;
}

/** Flops of one all-neuron grid: per cell one multiply-add per weight plus one bias add per neuron. */
export function gridFlops(sizes) {
  const cells = WORKLOAD.gridSize * WORKLOAD.gridSize;
  return cells * (2 * multiplyAdds(sizes) + neuronCount(sizes));
}

/** Mean of ½(o − t)² over a set. */
export function meanHalfSquaredError(outputs, targets) {
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const error = outputs[i] - targets[i];
    total += 0.5 * error * error;
  }
  return total / targets.length;
}
