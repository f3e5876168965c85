// A plain JavaScript multilayer perceptron on Float64Arrays: the baseline any
// playground could write by hand. Every layer is tanh. Training goes sample by sample
// (forward, then backward, adding each sample's gradient into per-layer buffers) and
// takes one SGD step per mini-batch with the gradient averaged over the batch. The grid
// pass keeps every neuron's output at every cell.
//
// Layer l (inputs n, outputs m): z_j = Σ_i w_ji·x_i + b_j, a_j = tanh(z_j), weights
// stored `[m][n]` row-major. For the loss ½(o − t)²: δ_out = (o − t)·(1 − o²);
// δ_i (below) = (1 − a_i²)·Σ_j w_ji·δ_j; ∂J/∂w_ji += δ_j·x_i; ∂J/∂b_j += δ_j.

import { layerParameters, shuffle } from './workload.mjs';

export class PlainMlp {
  /** `parameters` in the flat layout of workload.mjs (weights `[out][in]`, then biases). */
  constructor(sizes, parameters) {
    this.sizes = sizes;
    this.layers = layerParameters(sizes, parameters).map(({ inputs, outputs, weights, biases }) => ({
      inputs,
      outputs,
      weights: Float64Array.from(weights),
      biases: Float64Array.from(biases),
      weightGradient: new Float64Array(inputs * outputs),
      biasGradient: new Float64Array(outputs),
      activations: new Float64Array(outputs),
      delta: new Float64Array(outputs),
    }));
    this.input = new Float64Array(sizes[0]);
  }

  /** Forward pass of one sample at `inputs[offset…]`; returns the output layer's activations. */
  forward(inputs, offset) {
    const input = this.input;
    for (let i = 0; i < input.length; i++) input[i] = inputs[offset + i];
    let x = input;
    for (const layer of this.layers) {
      const { inputs: n, outputs: m, weights, biases, activations } = layer;
      for (let j = 0; j < m; j++) {
        let sum = biases[j];
        const row = j * n;
        for (let i = 0; i < n; i++) sum += weights[row + i] * x[i];
        activations[j] = Math.tanh(sum);
      }
      x = activations;
    }
    return x;
  }

  /** Adds the gradient of ½(o − t)²·scale for the last forward pass into the buffers. */
  backward(target, scale) {
    const last = this.layers.length - 1;
    const top = this.layers[last];
    const o = top.activations[0];
    top.delta[0] = (o - target) * (1 - o * o) * scale;
    for (let l = last; l >= 0; l--) {
      const { inputs: n, outputs: m, weights, delta, weightGradient, biasGradient } = this.layers[l];
      const x = l === 0 ? this.input : this.layers[l - 1].activations;
      for (let j = 0; j < m; j++) {
        const d = delta[j];
        biasGradient[j] += d;
        const row = j * n;
        for (let i = 0; i < n; i++) weightGradient[row + i] += d * x[i];
      }
      if (l > 0) {
        const below = this.layers[l - 1];
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let j = 0; j < m; j++) sum += weights[j * n + i] * delta[j];
          const a = below.activations[i];
          below.delta[i] = sum * (1 - a * a);
        }
      }
    }
  }

  /** θ ← θ − α·∂J/∂θ, then clears the gradient buffers. */
  step(learningRate) {
    for (const layer of this.layers) {
      const { weights, biases, weightGradient, biasGradient } = layer;
      for (let k = 0; k < weights.length; k++) {
        weights[k] -= learningRate * weightGradient[k];
        weightGradient[k] = 0;
      }
      for (let k = 0; k < biases.length; k++) {
        biases[k] -= learningRate * biasGradient[k];
        biasGradient[k] = 0;
      }
    }
  }

  /**
   * One epoch over `set` (`{ inputs, targets, count }`) in a fresh shuffled order
   * (`order` is reused, `random` drives the shuffle), one step per batch of `batchSize`
   * (the last one may be smaller). Returns the number of samples trained.
   */
  trainEpoch(set, order, random, batchSize, learningRate) {
    shuffle(order, random);
    const width = this.sizes[0];
    for (let start = 0; start < set.count; start += batchSize) {
      const end = Math.min(start + batchSize, set.count);
      const scale = 1 / (end - start);
      for (let k = start; k < end; k++) {
        const sample = order[k];
        this.forward(set.inputs, sample * width);
        this.backward(set.targets[sample], scale);
      }
      this.step(learningRate);
    }
    return set.count;
  }

  /**
   * Every neuron's output at every point of `inputs` (`[x1, x2, …]`): fills `outputs`,
   * one Float64Array per layer laid out `[points][neurons]`.
   */
  evaluateAll(inputs, outputs) {
    const width = this.sizes[0];
    const points = inputs.length / width;
    for (let p = 0; p < points; p++) {
      this.forward(inputs, p * width);
      for (let l = 0; l < this.layers.length; l++) {
        const { activations, outputs: m } = this.layers[l];
        outputs[l].set(activations, p * m);
      }
    }
    return outputs;
  }

  /** The output for every point of `inputs` (`[x1, x2, …]`). */
  predict(inputs) {
    const width = this.sizes[0];
    const result = new Float64Array(inputs.length / width);
    for (let p = 0; p < result.length; p++) result[p] = this.forward(inputs, p * width)[0];
    return result;
  }
}
