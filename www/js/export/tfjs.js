// "Export as code" for TensorFlow.js: a Node script (ES module) with a tf.sequential
// model of dense layers, trained by greymatter's update rules written with tf ops.

import {
  check,
  dropoutNote,
  dropoutOf,
  epochsToTrain,
  f32,
  header,
  inputExpressions,
  inputNames,
  masksWords,
  matrix,
  memoryByLayer,
  numbers,
  pieces,
  pointRows,
} from './shared.js';
import { labelWords, predictWords } from './numpy.js';

/** Each hidden activation: the dense layer's activation and a layer added after it. */
export const ACTIVATIONS = {
  relu: { activation: 'relu' },
  tanh: { activation: 'tanh' },
  sigmoid: { activation: 'sigmoid' },
  linear: { activation: 'linear' },
  leakyRelu: { activation: 'linear', after: 'tf.layers.leakyReLU({ alpha: 0.01 })' },
  elu: { activation: 'elu' },
  swish: { activation: 'swish' },
  gelu: { activation: 'gelu_new' }, // the tanh form, as greymatter computes it
  softplus: { activation: 'softplus' },
  mish: { activation: 'mish' },
  sine: { activation: 'linear', after: 'new Sine()' },
};

/** A layer the script defines itself (tfjs has no sine activation). */
const SINE_LAYER = `/** sin z, elementwise, as a layer after a linear dense layer (tfjs has no sine activation). */
class Sine extends tf.layers.Layer {
  static className = 'Sine';
  call(inputs) {
    return tf.sin(Array.isArray(inputs) ? inputs[0] : inputs);
  }
}
`;

/** Each input feature as a JS expression of x1, x2. */
export const FEATURES = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 * x1',
  x2Squared: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinX1: 'Math.sin(x1)',
  sinX2: 'Math.sin(x2)',
};

/** The output layer's dense activation (cross-entropies train on logits) and its reading. */
const OUTPUTS = {
  tanh: ['tanh', 'o'],
  linear: ['linear', 'o'],
  sigmoid: ['linear', 'tf.sigmoid(o)'],
  softmax: ['linear', 'tf.softmax(o)'],
};

/** Each loss L of a batch of outputs o (logits for the cross-entropies), per sample. */
const LOSSES = {
  squared: 'tf.sum(tf.square(o.sub(t)), 1).mul(0.5)',
  absolute: 'tf.sum(tf.abs(o.sub(t)), 1)',
  // ½ min(|e|, 1)² + (|e| − min(|e|, 1)): ½e² within 1 of the target, |e| − ½ beyond.
  huber: 'tf.sum(tf.square(tf.minimum(tf.abs(o.sub(t)), 1)).mul(0.5).add(tf.abs(o.sub(t)).sub(tf.minimum(tf.abs(o.sub(t)), 1))), 1)',
  // -[t ln σ(z) + (1 - t) ln(1 - σ(z))], written stably; its gradient is σ(z) - t.
  binaryCrossEntropy: 'tf.sum(tf.relu(o).sub(o.mul(t)).add(tf.log1p(tf.exp(tf.abs(o).neg()))), 1)',
  // -Σ t ln softmax(z) = logsumexp(z) - Σ t z; its gradient is softmax(z) - t.
  softmaxCrossEntropy: 'tf.logSumExp(o, 1).sub(tf.sum(o.mul(t), 1))',
};

/** How a label becomes the targets t of the outputs. */
const TARGETS = {
  binaryCrossEntropy: '[label > 0 ? 1 : 0]',
  softmaxCrossEntropy: 'Array.from({ length: OUTPUTS }, (_, k) => (classOf(label) === k ? 1 : 0))',
};

/** Each optimizer's update of variable p with gradient g and memories m1, m2. */
const OPTIMIZERS = {
  sgd: ['p.assign(p.sub(g.mul(lr)));'],
  momentum: ['m1.assign(m1.mul(MOMENTUM).add(g));', 'p.assign(p.sub(m1.mul(lr)));'],
  nesterov: ['m1.assign(m1.mul(MOMENTUM).add(g));', 'p.assign(p.sub(g.add(m1.mul(MOMENTUM)).mul(lr)));'],
  rmsprop: ['m2.assign(m2.mul(RMS_DECAY).add(g.square().mul(1 - RMS_DECAY)));', 'p.assign(p.sub(g.mul(lr).div(m2.sqrt().add(EPSILON))));'],
  adam: [
    'm1.assign(m1.mul(BETA1).add(g.mul(1 - BETA1)));',
    'm2.assign(m2.mul(BETA2).add(g.square().mul(1 - BETA2)));',
    'p.assign(p.sub(m1.div(1 - BETA1 ** t).mul(lr).div(m2.div(1 - BETA2 ** t).sqrt().add(EPSILON))));',
  ],
};

/** R'(w) of each penalty, added to the kernels' gradients. */
const PENALTIES = { none: null, l1: 'tf.sign(w)', l2: 'w' };
const RATES = {
  constant: 'LEARNING_RATE',
  step: 'LEARNING_RATE * DECAY_RATE ** Math.floor(epoch / DECAY_EPOCHS)',
  exponential: 'LEARNING_RATE * DECAY_RATE ** (epoch / DECAY_EPOCHS)',
};

export const NAME = 'TensorFlow.js';

/** The file the download gets. */
export function fileName() {
  return 'greymatter_tfjs.mjs';
}

/** How a formula input's value is read: 0 where not finite, as greymatter counts it. */
const FINITE = `/** A formula input's value: 0 where it is not a finite number, as greymatter counts it. */
function finite(value) {
  return Number.isFinite(value) ? value : 0;
}

`;

/** The script for `run` (the core's exportRun()), or an Error naming what cannot be expressed. */
export function generate(run, defaults) {
  check(run, defaults, { name: NAME, activations: ACTIVATIONS, features: FEATURES });
  const { config, model } = run;
  const inputs = inputExpressions(run, FEATURES, 'javascript');
  const layers = model.layers;
  const output = layers[layers.length - 1];
  const memory = [memoryByLayer(run.optimizer.first, layers), memoryByLayer(run.optimizer.second, layers)];
  const layerText = layers
    .map((layer, index) => {
      const hidden = index < layers.length - 1;
      const dense = hidden ? ACTIVATIONS[layer.activation].activation : OUTPUTS[layer.activation][0];
      const memories = memory.map(
        (m, which) => `m${which + 1}: ${m ? `{ weights: [${matrix(m[index].weights)}], biases: [${numbers(m[index].biases)}] }` : 'null'},`,
      );
      return `  { // ${hidden ? `hidden layer ${index + 1}` : 'output layer'}: ${layer.biases.length} neurons, ${layer.activation}
    activation: '${dense}',${hidden && ACTIVATIONS[layer.activation].after ? `\n    after: () => ${ACTIVATIONS[layer.activation].after},` : ''}
    weights: [${matrix(layer.weights)}],
    biases: [${numbers(layer.biases)}],
    ${memories.join('\n    ')}
  },`;
    })
    .join('\n');
  const notes = [
    'TensorFlow.js mapping: tf.sequential() of tf.layers.dense (kernels [inputs][outputs], '
      + "the transpose of greymatter's [outputs][inputs]); leaky relu is a leakyReLU layer "
      + "(alpha 0.01) after a linear dense layer, gelu is tfjs's gelu_new (the tanh form), mish "
      + "tfjs's mish, sine a Sine layer (tf.sin) after a linear dense layer; tanh, sigmoid and "
      + "mish are exact (greymatter's fast tanh and sigmoid are within 1e-6, its mish within "
      + '1e-6 |z|). The '
      + "cross-entropies train on the output layer's logits (predict() applies the sigmoid or "
      + 'softmax), their gradient is a - t as in greymatter; the loss printed is not clamped at '
      + "1e-7 as greymatter's is. The optimizers are greymatter's rules written with tf ops "
      + '(tf.train.rmsprop puts epsilon inside the square root; greymatter adds it outside). '
      + "The penalty's gradient (sign(w) for L1, w for L2) is added to the kernels only.",
    ...dropoutNote(
      run,
      "Here by hand with tf ops: the training pass multiplies the layer's "
        + 'activations by the mask (tf.variableGrads then takes the same mask backward); predict() and '
        + 'meanLoss() use model.predict(), which drops nothing.',
    ),
    `Run: npm install @tensorflow/tfjs && node ${fileName()} [epochs]   (default ${epochsToTrain(run)})`,
  ];
  const dropout = dropoutOf(run);
  const sine = layers.slice(0, -1).some((layer) => layer.activation === 'sine');
  const penalty = PENALTIES[config.regularization];
  return `${header(run, NAME, notes)
    .map((line) => `// ${line}`.trimEnd())
    .join('\n')}

import * as tf from '@tensorflow/tfjs';
import { pathToFileURL } from 'node:url';

await tf.setBackend('cpu');

const CLASSES = ${config.classes};
const OUTPUTS = ${output.biases.length};
export let epoch = ${run.epoch}; // epochs greymatter trained
const SEED = ${config.seed};
const BATCH_SIZE = ${config.batchSize};
const LEARNING_RATE = ${config.learningRate};
const DECAY_RATE = ${config.decayRate};
const DECAY_EPOCHS = ${config.decayEpochs};
const REGULARIZATION_RATE = ${f32(config.regularizationRate)};
const MOMENTUM = ${f32(config.momentum)};
const RMS_DECAY = ${f32(config.rmsDecay)};
const BETA1 = ${f32(config.beta1)};
const BETA2 = ${f32(config.beta2)};
const EPSILON = ${f32(config.epsilon)};
const STOP_AT_LOSS = ${config.stopAtLoss};
let steps = ${run.optimizer.steps}; // optimizer steps taken so far (Adam's t)

// Points as [x1, x2, label]: labels ${labelWords(config)}.
export const TRAIN = [${pointRows(run.train)}];
export const TEST = [${pointRows(run.test)}];
// The order of the training points in greymatter's next epoch.
export const NEXT_ORDER = [${run.nextOrder.join(', ')}];
// Dropout of each hidden layer: rate p, and 1/(1 - p) for a kept output.
const DROPOUT = [${dropout.rates.map(f32).join(', ')}];
const KEPT_SCALES = [${dropout.keptScales.map(f32).join(', ')}];

/** Hex text of one bit per training point and neuron (1 kept) as [points × neurons] masks. */
function unpackMasks(text, neurons, scale) {
  const values = new Float32Array(TRAIN.length * neurons);
  for (let at = 0; at < values.length; at++) values[at] = (parseInt(text[at >> 2], 16) >> (3 - (at & 3))) & 1 ? scale : 0;
  return values;
}

// The dropout masks of greymatter's next epoch (null: ${masksWords(run)}).
export const NEXT_MASKS = ${
    dropout.kept
      ? `[${dropout.kept
          .map((text, index) =>
            text
              ? `\n  unpackMasks([\n    ${pieces(text)
                  .map((piece) => `'${piece}'`)
                  .join(',\n    ')},\n  ].join(''), ${layers[index].biases.length}, KEPT_SCALES[${index}]),`
              : '\n  null,',
          )
          .join('')}\n]`
      : 'null'
  };

// Weights [outputs][inputs] and biases; m1, m2: what the optimizer remembers.
const LAYERS = [
${layerText}
];

${sine ? `${SINE_LAYER}\n` : ''}export const model = tf.sequential();
// Each layer's tf layers (the dense layer, and one after it for some activations).
const stages = LAYERS.map((layer, index) => {
  const inputShape = index === 0 ? [layer.weights[0].length] : undefined;
  const added = [tf.layers.dense({ units: layer.biases.length, activation: layer.activation, inputShape })];
  if (layer.after) added.push(layer.after());
  added.forEach((stage) => model.add(stage));
  return added;
});
const dense = stages.map(([layer]) => layer);
dense.forEach((layer, index) => layer.setWeights([
  tf.tensor2d(LAYERS[index].weights).transpose(),
  tf.tensor1d(LAYERS[index].biases),
]));
// Kernel then bias of every layer, and what the optimizer remembers of each.
const variables = model.trainableWeights.map((weight) => weight.read());
const memoryOf = (which, index, shape) => {
  const layer = LAYERS[Math.floor(index / 2)][which];
  if (layer === null) return tf.variable(tf.zeros(shape));
  return tf.variable(index % 2 === 0 ? tf.tensor2d(layer.weights).transpose() : tf.tensor1d(layer.biases));
};
const memory = variables.map((variable, index) => ({
  m1: memoryOf('m1', index, variable.shape),
  m2: memoryOf('m2', index, variable.shape),
}));

${run.formulas.length ? FINITE : ''}/** The network's inputs (${inputNames(run)}) of points [x1, x2, ...]. */
function features(points) {
  return tf.tensor2d(points.map(([x1, x2]) => [${inputs.join(', ')}]), [points.length, ${inputs.length}]);
}

function classOf(label) {
  return CLASSES <= 2 ? (label > 0 ? 1 : 0) : Math.min(Math.trunc(label), CLASSES - 1);
}

function targets(points) {
  return tf.tensor2d(points.map(([, , label]) => ${TARGETS[config.loss] ?? '[label]'}), [points.length, OUTPUTS]);
}

/** The per-sample loss of outputs o against targets t. */
function sampleLoss(o, t) {
  return ${LOSSES[config.loss]};
}

/** What greymatter's predict() gives: ${predictWords(config, output)}. */
export function predict(points) {
  return tf.tidy(() => {
    const o = model.predict(features(points));
    const values = ${OUTPUTS[output.activation][1]}.arraySync();
    return OUTPUTS > 1 ? values : values.map((row) => row[0]);
  });
}

/** The mean loss over points (without the penalty), as greymatter shows it. */
export function meanLoss(points) {
  if (points.length === 0) return NaN;
  return tf.tidy(() => tf.mean(sampleLoss(model.predict(features(points)), targets(points))).arraySync());
}

function learningRate(epoch) {
  return ${RATES[config.schedule]};
}

/** One ${config.optimizer} step of every variable with gradients \`grads\`. */
function step(grads, lr) {
  steps += 1;
  const t = steps;
  variables.forEach((p, index) => {
    let g = grads[p.name];${
      penalty
        ? `
    if (index % 2 === 0) {
      const w = p;
      g = g.add(${penalty}.mul(REGULARIZATION_RATE)); // the penalty, on the kernels only
    }`
        : ''
    }
    const { m1, m2 } = memory[index];
${OPTIMIZERS[config.optimizer].map((line) => `    ${line}`).join('\n')}
  });
}

/** The training pass: every layer, each hidden layer's outputs times its mask (or null). */
function trainingPass(x, masks) {
  return stages.reduce((a, layers, index) => {
    const out = layers.reduce((input, layer) => layer.apply(input), a);
    return masks[index] ? out.mul(masks[index]) : out;
  }, x);
}

const maskRandom = mulberry32((SEED ^ 0x5bd1e995) >>> 0); // the masks after greymatter's next epoch

/** Inverted dropout masks of one batch: per hidden layer [batch × neurons], 0 with probability p, else 1/(1 - p). */
function drawMasks(batch) {
  return DROPOUT.map((p, index) => (p === 0 ? null : Float32Array.from(
    { length: batch * LAYERS[index].biases.length },
    () => (maskRandom() < p ? 0 : KEPT_SCALES[index]),
  )));
}

/**
 * One pass over the training points in \`order\`, a step per batch of BATCH_SIZE. \`masks\`
 * (NEXT_MASKS: per hidden layer [points × neurons] in the order's positions) gives the
 * dropout of every batch; without them, the batches draw their own.
 */
export function trainEpoch(order, masks = null) {
  const lr = learningRate(epoch);
  for (let start = 0; start < order.length; start += BATCH_SIZE) {
    const batch = order.slice(start, start + BATCH_SIZE).map((index) => TRAIN[index]);
    const given = masks
      ? masks.map((m, index) => m && m.subarray(start * LAYERS[index].biases.length, (start + batch.length) * LAYERS[index].biases.length))
      : drawMasks(batch.length);
    tf.tidy(() => {
      const x = features(batch);
      const t = targets(batch);
      const m = given.map((values, index) => values && tf.tensor2d(values, [batch.length, LAYERS[index].biases.length]));
      const { grads } = tf.variableGrads(() => tf.mean(sampleLoss(trainingPass(x, m), t)), variables);
      step(grads, lr);
    });
  }
  epoch += 1;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded shuffle (mulberry32 and Fisher-Yates) for the epochs after the first. */
function shuffler(seed) {
  const random = mulberry32(seed);
  return (count) => {
    const order = Array.from({ length: count }, (_, index) => index);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  };
}

function main() {
  const epochs = process.argv[2] === undefined ? ${epochsToTrain(run)} : Number(process.argv[2]);
  const shuffle = shuffler(SEED);
  const report = (loss) => console.log(\`epoch \${epoch}: train loss \${loss.toFixed(6)}, test loss \${meanLoss(TEST).toFixed(6)}\`);
  report(meanLoss(TRAIN));
  for (let done = 0; done < epochs; done++) {
    if (done === 0) trainEpoch(NEXT_ORDER, NEXT_MASKS);
    else trainEpoch(shuffle(TRAIN.length));
    const loss = meanLoss(TRAIN);
    const reached = STOP_AT_LOSS > 0 && loss <= STOP_AT_LOSS;
    if (done === epochs - 1 || epoch % 10 === 0 || reached) report(loss);
    if (reached) break;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
`;
}
