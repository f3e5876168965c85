// TensorFlow.js 4.22 as a system of the comparison, once with its pure-JS `cpu`
// backend and once with its `wasm` backend (XNNPACK, SIMD; one thread in Node).
//
// The network is a functional tf.LayersModel of dense tanh layers. Training is plain
// `tf.train.sgd` on batches of 10 in one of two ways, whichever is faster on this
// machine (picked in the warm-up and printed): a hand-written step (one
// `optimizer.minimize` per batch over the layers' variables, ½·mean squared error) or
// `model.fit` with batchSize 10. The all-neuron grid is a second model over the same
// layers whose outputs are every layer's activation, run with `predictOnBatch` on the
// 10,000 cells at once and read back to JS (`dataSync`).

import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { WORKLOAD, gridInputs, meanHalfSquaredError, seededRandom, shuffle } from '../workload.mjs';

/** Epochs per `model.fit` call (fit has a fixed cost per call). */
const FIT_EPOCHS = 5;

let prepared = false;

/** Points the wasm backend at its .wasm files in node_modules and turns off debug checks. */
export function prepareTfjs(nodeModules) {
  if (prepared) return;
  prepared = true;
  // Production mode skips tfjs's own correctness checks: its fastest setting.
  tf.enableProdMode();
  setWasmPaths(path.join(nodeModules, '@tensorflow/tfjs-backend-wasm/dist') + path.sep);
}

export const tfjsVersion = tf.version.tfjs;

function halfMeanSquaredError(yTrue, yPred) {
  return tf.mul(0.5, tf.mean(tf.square(tf.sub(yPred, yTrue))));
}

/** `backend` is 'cpu' or 'wasm'. */
export function tfjsSystem(backend, data) {
  const label = backend === 'wasm' ? `TensorFlow.js ${tf.version.tfjs} wasm (SIMD)` : `TensorFlow.js ${tf.version.tfjs} cpu`;
  return {
    id: `tfjs-${backend}`,
    label,
    async activate() {
      if (tf.getBackend() !== backend) await tf.setBackend(backend);
    },
    async describeBackend() {
      await this.activate();
      if (backend !== 'wasm') return 'pure JS kernels';
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      return `XNNPACK, SIMD ${simd ? 'on' : 'OFF'}, ${threads ? 'threaded' : 'one thread'}`;
    },
    async setup(network, parameters) {
      await this.activate();
      return buildModel(backend, network, parameters, data);
    },
  };
}

function buildModel(backend, network, parameters, data) {
  const { sizes } = network;
  const input = tf.input({ shape: [sizes[0]] });
  const layers = [];
  const activations = [];
  let x = input;
  for (let l = 1; l < sizes.length; l++) {
    const dense = tf.layers.dense({ units: sizes[l], activation: 'tanh' });
    x = dense.apply(x);
    layers.push(dense);
    activations.push(x);
  }
  const model = tf.model({ inputs: input, outputs: x });
  const everyLayer = tf.model({ inputs: input, outputs: activations });
  setWeights(layers, sizes, parameters);

  const variables = layers.flatMap((dense) => [dense.kernel.read(), dense.bias.read()]);
  const optimizer = tf.train.sgd(WORKLOAD.learningRate);
  model.compile({ optimizer: tf.train.sgd(WORKLOAD.learningRate), loss: halfMeanSquaredError });

  const set = data.train;
  const trainX = tf.tensor2d(Float32Array.from(set.inputs), [set.count, sizes[0]]);
  const trainY = tf.tensor2d(Float32Array.from(set.targets), [set.count, 1]);
  const gridCells = gridInputs();
  const grid = tf.tensor2d(Float32Array.from(gridCells), [gridCells.length / 2, 2]);
  const order = Array.from({ length: set.count }, (_, i) => i);
  const random = seededRandom(5);

  const forward = (batch) => {
    let a = batch;
    for (let k = 0; k < variables.length; k += 2) {
      a = tf.tanh(tf.add(tf.matMul(a, variables[k]), variables[k + 1]));
    }
    return a;
  };

  const stepEpoch = () => {
    shuffle(order, random);
    for (let start = 0; start < set.count; start += WORKLOAD.batchSize) {
      const end = Math.min(start + WORKLOAD.batchSize, set.count);
      const xs = new Float32Array((end - start) * 2);
      const ys = new Float32Array(end - start);
      for (let k = start; k < end; k++) {
        const sample = order[k];
        xs[2 * (k - start)] = set.inputs[2 * sample];
        xs[2 * (k - start) + 1] = set.inputs[2 * sample + 1];
        ys[k - start] = set.targets[sample];
      }
      tf.tidy(() => {
        const batchX = tf.tensor2d(xs, [end - start, 2]);
        const batchY = tf.tensor2d(ys, [end - start, 1]);
        optimizer.minimize(() => halfMeanSquaredError(batchY, forward(batchX)), false, variables);
      });
    }
    return set.count;
  };

  const fitEpochs = async () => {
    await model.fit(trainX, trainY, {
      batchSize: WORKLOAD.batchSize,
      epochs: FIT_EPOCHS,
      shuffle: true,
      verbose: 0,
    });
    return FIT_EPOCHS * set.count;
  };

  const allNeurons = () => {
    const outputs = everyLayer.predictOnBatch(grid);
    const list = Array.isArray(outputs) ? outputs : [outputs];
    const values = list.map((t) => t.dataSync());
    tf.dispose(list);
    return values;
  };

  let trainMode = 'step';
  const instance = {
    trainCount: set.count,
    get config() {
      const how =
        trainMode === 'step'
          ? 'hand-written step: tf.train.sgd(0.03).minimize(½·mean (o−t)²) per shuffled batch of 10, one epoch per call'
          : `model.fit(batchSize 10, shuffle, ${FIT_EPOCHS} epochs per call) with tf.train.sgd(0.03) and loss ½·mean (o−t)²`;
      return (
        `tf.model of dense tanh layers, backend ${backend}, prod mode; training: ${how}; `
        + 'grid: model with every layer as an output, predictOnBatch on 10,000 cells, dataSync'
      );
    },
    train: () => (trainMode === 'step' ? stepEpoch() : fitEpochs()),
    grid: allNeurons,
    allNeurons,
    loss: () => {
      const outputs = tf.tidy(() => model.predictOnBatch(trainX).dataSync());
      return meanHalfSquaredError(outputs, set.targets);
    },
    predict: (points) => tf.tidy(() => model.predictOnBatch(tf.tensor2d(Float32Array.from(points), [points.length / 2, 2])).dataSync()),
    /**
     * Times both ways of training, alternating, three times `budget` ms each after one
     * untimed run of each (the JIT warms up), and keeps the faster by median.
     */
    async warmUp(measure, budget) {
      await measure(stepEpoch, budget / 2);
      await measure(fitEpochs, budget / 2);
      const step = [];
      const fit = [];
      for (let k = 0; k < 3; k++) {
        step.push(await measure(stepEpoch, budget));
        fit.push(await measure(fitEpochs, budget));
      }
      const middle = (values) => values.sort((a, b) => a - b)[1];
      trainMode = middle(fit) > middle(step) ? 'fit' : 'step';
      return (
        `training: hand-written step ${Math.round(middle(step))} samples/s, model.fit `
        + `${Math.round(middle(fit))} samples/s → uses ${trainMode === 'fit' ? 'model.fit' : 'the hand-written step'}`
      );
    },
  };
  return instance;
}

/** Our layout is `[outputs][inputs]`; a tfjs dense kernel is `[inputs][outputs]`. */
function setWeights(layers, sizes, parameters) {
  let offset = 0;
  layers.forEach((dense, index) => {
    const inputs = sizes[index];
    const outputs = sizes[index + 1];
    const kernel = new Float32Array(inputs * outputs);
    for (let j = 0; j < outputs; j++) {
      for (let i = 0; i < inputs; i++) kernel[i * outputs + j] = parameters[offset + j * inputs + i];
    }
    offset += inputs * outputs;
    const bias = Float32Array.from(parameters.subarray(offset, offset + outputs));
    offset += outputs;
    const values = [tf.tensor2d(kernel, [inputs, outputs]), tf.tensor1d(bias)];
    dense.setWeights(values); // copies
    tf.dispose(values);
  });
}
