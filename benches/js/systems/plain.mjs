// The plain Float64Array JS MLP (plain-mlp.mjs) as a system of the comparison:
// one epoch per train call, batch-averaged SGD, every neuron's output on the grid.

import { PlainMlp } from '../plain-mlp.mjs';
import { WORKLOAD, gridInputs, meanHalfSquaredError, seededRandom } from '../workload.mjs';

export function plainSystem(data) {
  const grid = gridInputs();
  return {
    id: 'plain',
    label: 'plain JS MLP on Float64Array',
    setup(network, parameters) {
      const mlp = new PlainMlp(network.sizes, parameters);
      const order = Array.from({ length: data.train.count }, (_, i) => i);
      const random = seededRandom(3);
      const outputs = network.sizes.slice(1).map((m) => new Float64Array((m * grid.length) / 2));
      return {
        config:
          'benches/js/plain-mlp.mjs: per-sample forward/backward on Float64Array, '
          + `gradient averaged over batches of ${WORKLOAD.batchSize}, one SGD step per batch, `
          + 'shuffled every epoch; one epoch per train call; grid: every layer kept per cell',
        trainCount: data.train.count,
        train: () => mlp.trainEpoch(data.train, order, random, WORKLOAD.batchSize, WORKLOAD.learningRate),
        grid: () => mlp.evaluateAll(grid, outputs),
        allNeurons: () => mlp.evaluateAll(grid, outputs),
        loss: () => meanHalfSquaredError(mlp.predict(data.train.inputs), data.train.targets),
        predict: (points) => mlp.predict(points),
      };
    },
  };
}
