// brain.js (NeuralNetwork, its CPU network) as a system of the comparison.
//
// brain.js trains one sample at a time: every sample's gradient is applied at once
// (there is no mini-batch option), so it runs as per-sample SGD with learning rate 0.03,
// tanh in every layer (brain.js uses the same activation for the output). Its update is
// w += α·δ·x + μ·Δw_previous with δ = (t − o)·(1 − o²) at the output: the gradient of
// ½(o − t)². brain.js refuses momentum 0 and errorThresh 0 ("out of normal training
// range"), so μ = 1e-9 (plain SGD in effect; the momentum term costs the same at any μ)
// and errorThresh 1e-9 (it never stops early). `train()` runs 20 iterations (epochs)
// per call. The all-neuron grid calls `run()` per
// cell and copies every layer's outputs (`net.outputs`, filled by that run) out.

import { createRequire } from 'node:module';
import { WORKLOAD, gridInputs, layerParameters, meanHalfSquaredError } from '../workload.mjs';

const require = createRequire(import.meta.url);

/** Epochs per `train` call (brain.js formats and validates the data on every call). */
const EPOCHS_PER_CALL = 20;

/** `{ brain, version }`, or `{ error }` when brain.js cannot be loaded here. */
export function loadBrain() {
  try {
    const brain = require('brain.js');
    const version = require('brain.js/package.json').version;
    return { brain, version };
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  }
}

export function brainSystem({ brain, version }, data) {
  const grid = gridInputs();
  const samples = [];
  for (let i = 0; i < data.train.count; i++) {
    samples.push({
      input: [data.train.inputs[2 * i], data.train.inputs[2 * i + 1]],
      output: [data.train.targets[i]],
    });
  }
  const options = {
    iterations: EPOCHS_PER_CALL,
    errorThresh: 1e-9,
    learningRate: WORKLOAD.learningRate,
    momentum: 1e-9,
    log: false,
  };
  return {
    id: 'brain',
    label: `brain.js ${version}`,
    setup(network, parameters) {
      const { sizes } = network;
      const net = new brain.NeuralNetwork({
        inputSize: sizes[0],
        hiddenLayers: sizes.slice(1, -1),
        outputSize: sizes[sizes.length - 1],
        activation: 'tanh',
        learningRate: WORKLOAD.learningRate,
        momentum: options.momentum,
      });
      net.initialize();
      layerParameters(sizes, parameters).forEach(({ inputs, outputs, weights, biases }, index) => {
        for (let j = 0; j < outputs; j++) {
          net.weights[index + 1][j].set(weights.subarray(j * inputs, (j + 1) * inputs));
          net.biases[index + 1][j] = biases[j];
        }
      });
      const layerOutputs = sizes.slice(1).map((m) => new Float64Array((m * grid.length) / 2));
      const point = new Float32Array(2);
      const allNeurons = () => {
        for (let cell = 0; cell < grid.length / 2; cell++) {
          point[0] = grid[2 * cell];
          point[1] = grid[2 * cell + 1];
          net.run(point);
          for (let l = 1; l < sizes.length; l++) {
            layerOutputs[l - 1].set(net.outputs[l], cell * sizes[l]);
          }
        }
        return layerOutputs;
      };
      const predict = (points) => {
        const out = new Float64Array(points.length / 2);
        for (let p = 0; p < out.length; p++) out[p] = net.run([points[2 * p], points[2 * p + 1]])[0];
        return out;
      };
      return {
        config:
          `new NeuralNetwork({hiddenLayers: [${sizes.slice(1, -1)}], activation: 'tanh'}); `
          + `train(data, {iterations: ${EPOCHS_PER_CALL}, learningRate: 0.03, momentum: 1e-9, errorThresh: 1e-9}) per call: `
          + 'per-sample SGD (brain.js has no mini-batches), data in a fixed order; grid: run() per cell, every layer copied from net.outputs',
        trainCount: samples.length,
        train: () => net.train(samples, options).iterations * samples.length,
        grid: allNeurons,
        allNeurons,
        loss: () => meanHalfSquaredError(predict(data.train.inputs), data.train.targets),
        predict,
      };
    },
  };
}
