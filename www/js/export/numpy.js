// "Export as code" for NumPy: a Python script with the forward and backward passes
// written out by hand (no framework), in 32-bit floats as greymatter computes.

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
  pythonConstants,
  pythonMain,
  pythonPoints,
} from './shared.js';

/** Each hidden activation: f(z) and f'(z) given z and a = f(z), as NumPy expressions. */
export const ACTIVATIONS = {
  relu: ['np.maximum(z, 0)', '(a > 0).astype(F)'],
  tanh: ['np.tanh(z)', '1 - a * a'],
  sigmoid: ['1 / (1 + np.exp(-z))', 'a * (1 - a)'],
  linear: ['z', 'np.ones_like(z)'],
  leakyRelu: ['np.where(z > 0, z, F(0.01) * z)', 'np.where(a > 0, F(1), F(0.01))'],
  elu: ['np.where(z > 0, z, np.expm1(np.minimum(z, 0)))', 'np.where(a > 0, F(1), a + 1)'],
  swish: ['z / (1 + np.exp(-z))', 'sigmoid(z) + z * sigmoid(z) * (1 - sigmoid(z))'],
  gelu: [
    '0.5 * z * (1 + np.tanh(GELU_SCALE * (z + 0.044715 * z ** 3)))',
    '0.5 * (1 + np.tanh(GELU_SCALE * (z + 0.044715 * z ** 3))) + 0.5 * z * (1 - np.tanh(GELU_SCALE * (z + 0.044715 * z ** 3)) ** 2) * GELU_SCALE * (1 + 3 * 0.044715 * z * z)',
  ],
  softplus: ['softplus(z)', '1 - np.exp(-a)'],
  mish: ['z * np.tanh(softplus(z))', 'np.tanh(softplus(z)) + z * (1 - np.tanh(softplus(z)) ** 2) * sigmoid(z)'],
  sine: ['np.sin(z)', 'np.cos(z)'],
};

/** Each input feature as a NumPy expression of the columns x1, x2. */
export const FEATURES = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 * x1',
  x2Squared: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinX1: 'np.sin(x1)',
  sinX2: 'np.sin(x2)',
};

/** The output layer's f(z) and f'(z) (cross-entropies differentiate through it: a − t). */
const OUTPUTS = {
  tanh: ['np.tanh(z)', '1 - a * a'],
  linear: ['z', 'np.ones_like(z)'],
  sigmoid: ['1 / (1 + np.exp(-z))', null],
  softmax: ['softmax(z)', null],
};

/** Each loss: the per-sample loss L(o, t) summed over outputs, and ∂L/∂o (null: a − t at z). */
const LOSSES = {
  squared: ['0.5 * np.sum((o - t) ** 2, axis=1)', 'o - t'],
  absolute: ['np.sum(np.abs(o - t), axis=1)', 'np.sign(o - t)'],
  huber: ['np.sum(np.where(np.abs(o - t) <= 1, 0.5 * (o - t) ** 2, np.abs(o - t) - 0.5), axis=1)', 'np.clip(o - t, -1, 1)'],
  binaryCrossEntropy: ['-np.sum(t * np.log(np.clip(o, 1e-7, 1 - 1e-7)) + (1 - t) * np.log(1 - np.clip(o, 1e-7, 1 - 1e-7)), axis=1)', null],
  softmaxCrossEntropy: ['-np.sum(t * np.log(np.maximum(o, 1e-7)), axis=1)', null],
};

/** Each target rule: how a label becomes the targets t of the outputs. */
const TARGETS = {
  binaryCrossEntropy: '(labels > 0).astype(F)[:, None]',
  softmaxCrossEntropy: 'np.eye(OUTPUTS, dtype=F)[class_of(labels)]',
};

/** Each optimizer's update of one parameter p with gradient g and memories m1, m2. */
const OPTIMIZERS = {
  sgd: ['p -= lr * g'],
  momentum: ['m1[:] = MOMENTUM * m1 + g', 'p -= lr * m1'],
  nesterov: ['m1[:] = MOMENTUM * m1 + g', 'p -= lr * (g + MOMENTUM * m1)'],
  rmsprop: ['m2[:] = RMS_DECAY * m2 + (1 - RMS_DECAY) * g * g', 'p -= lr * g / (np.sqrt(m2) + EPSILON)'],
  adam: [
    'm1[:] = BETA1 * m1 + (1 - BETA1) * g',
    'm2[:] = BETA2 * m2 + (1 - BETA2) * g * g',
    'p -= lr * (m1 / (1 - BETA1 ** t)) / (np.sqrt(m2 / (1 - BETA2 ** t)) + EPSILON)',
  ],
};

const PENALTIES = { none: 'np.zeros_like(w)', l1: 'np.sign(w)', l2: 'w' };
const RATES = {
  constant: 'LEARNING_RATE',
  step: 'LEARNING_RATE * DECAY_RATE ** (epoch // DECAY_EPOCHS)',
  exponential: 'LEARNING_RATE * DECAY_RATE ** (epoch / DECAY_EPOCHS)',
};

export const NAME = 'NumPy';

/** How a formula input's values are made an array, 0 where not finite (as greymatter). */
const FINITE = `
    def finite(value):
        # A formula input: 0 where it is not a finite number, as greymatter counts it.
        value = np.broadcast_to(np.asarray(value, dtype=F), x1.shape)
        return np.where(np.isfinite(value), value, F(0))

`;

/** The script for `run` (the core's exportRun()), or an Error naming what cannot be expressed. */
export function generate(run, defaults) {
  check(run, defaults, { name: NAME, activations: ACTIVATIONS, features: FEATURES });
  const { config, model } = run;
  const layers = model.layers;
  const output = layers[layers.length - 1];
  const crossEntropy = OUTPUTS[output.activation][1] === null;
  const memory = [memoryByLayer(run.optimizer.first, layers), memoryByLayer(run.optimizer.second, layers)];
  const layerText = layers
    .map((layer, index) => {
      const memories = memory.map((m, which) =>
        m ? `\n        m${which + 1}=[np.array([${matrix(m[index].weights)}], dtype=F), np.array([${numbers(m[index].biases)}], dtype=F)],` : '',
      );
      return `    dict(  # ${index === layers.length - 1 ? 'output layer' : `hidden layer ${index + 1}`}: ${layer.biases.length} neurons, ${layer.activation}
        W=np.array([${matrix(layer.weights)}], dtype=F).reshape(${layer.biases.length}, ${layer.weights[0]?.length ?? 0}),
        b=np.array([${numbers(layer.biases)}], dtype=F),${memories.join('')}
        activation="${layer.activation}",
    ),`;
    })
    .join('\n');
  const used = [...new Set(layers.slice(0, -1).map((l) => l.activation))];
  const notes = [
    'NumPy mapping: every layer z = x @ W.T + b, a = f(z), written out by hand with its '
      + "derivative; tanh and sigmoid use NumPy's exact functions (greymatter's fast "
      + 'approximations are within 1e-6 of them); classification with squared, absolute or '
      + 'Huber loss has one tanh output and targets -1/+1; binary cross-entropy a sigmoid '
      + 'output with targets 0/1; softmax cross-entropy one softmax output per class, one-hot '
      + 'targets; a cross-entropy is differentiated through its output: dJ/dz = (a - t) / B.',
    ...dropoutNote(run, 'Here by hand: out = mask * a after the activation, and the same mask ' + 'in the backward pass, dJ/da = mask * dJ/d(out).'),
    `Run: python3 ${fileName()} [epochs]   (default ${epochsToTrain(run)})`,
  ];
  const lossValue = LOSSES[config.loss][0];
  const lossDerivative = LOSSES[config.loss][1];
  return `${header(run, NAME, notes)
    .map((line) => `# ${line}`.trimEnd())
    .join('\n')}

import sys

import numpy as np

F = np.float32
GELU_SCALE = F(0.7978846)${run.formulas.length ? '\nnp.seterr(all="ignore")  # a formula input\'s log(0) or 1/0 counts as 0, silently' : ''}
PROBLEM = "${config.problem}"
OUTPUTS = ${output.biases.length}
${pythonConstants(run, (text) => `F(${text})`)}

${pythonPoints(run, labelWords(config), { array: 'np.array', float: 'F', integer: 'np.int64' })}
${dropoutConstants(run)}

# Weights [outputs][inputs] and biases; m1, m2: what the optimizer remembers.
LAYERS = [
${layerText}
]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {
${used.map((name) => `    "${name}": (lambda z: ${ACTIVATIONS[name][0]}, lambda z, a: ${ACTIVATIONS[name][1]}),`).join('\n')}
}


def features(points):
    """The network's inputs (${inputNames(run)}) of points [x1, x2, ...]."""
    x1, x2 = points[:, 0], points[:, 1]
${run.formulas.length ? FINITE : ''}    return np.stack([${inputExpressions(run, FEATURES, 'numpy').join(', ')}], axis=1).astype(F)


def class_of(labels):
    return (labels > 0).astype(np.int64) if CLASSES <= 2 else np.minimum(labels.astype(np.int64), CLASSES - 1)


def targets(labels):
    return ${TARGETS[config.loss] ?? 'labels[:, None]'}


def forward(x, masks=None):
    """Every layer's (z, a, out) for inputs x [batch][features]: out = a, or with dropout
    masks (one [batch][neurons] array or None per hidden layer) out = mask * a."""
    passes = []
    for index, layer in enumerate(LAYERS):
        z = x @ layer["W"].T + layer["b"]
        if index == len(LAYERS) - 1:
            a = ${OUTPUTS[output.activation][0]}
        else:
            a = ACTIVATIONS[layer["activation"]][0](z)
        a = a.astype(F)
        mask = masks[index] if masks and index < len(masks) else None
        passes.append((z, a, a if mask is None else a * mask))
        x = passes[-1][2]
    return passes


def predict(points):
    """What greymatter's predict() gives: ${predictWords(config, output)}."""
    o = forward(features(np.asarray(points, dtype=F)))[-1][2]
    return o if OUTPUTS > 1 else o[:, 0]


def mean_loss(points):
    """The mean loss over points (without the penalty), as greymatter shows it."""
    if len(points) == 0:
        return float("nan")
    o = forward(features(points))[-1][2]
    t = targets(points[:, 2])
    return float(np.mean(${lossValue}))


def gradients(x, labels, masks=None):
    """dJ/dW and dJ/db of every layer for one batch: mean loss + rate * penalty (with
    dropout masks, the same masks forward and backward: dJ/da = mask * dJ/d(out))."""
    batch = len(labels)
    passes = forward(x, masks)
    o = passes[-1][2]
    t = targets(labels)
    ${
      crossEntropy
        ? 'delta = (o - t) / F(batch)  # dJ/dz of the output: through its own activation'
        : `z, a, _ = passes[-1]
    delta = (${lossDerivative}) / F(batch) * (${OUTPUTS[output.activation][1]})`
    }
    grads = [None] * len(LAYERS)
    for index in range(len(LAYERS) - 1, -1, -1):
        below = x if index == 0 else passes[index - 1][2]
        w = LAYERS[index]["W"]
        g_w = delta.T @ below + REGULARIZATION_RATE * ${PENALTIES[config.regularization]}
        grads[index] = (g_w.astype(F), delta.sum(axis=0).astype(F))
        if index > 0:
            z, a, _ = passes[index - 1]
            delta = delta @ w
            if masks and masks[index - 1] is not None:
                delta = delta * masks[index - 1]
            delta = delta * ACTIVATIONS[LAYERS[index - 1]["activation"]][1](z, a)
    return grads


def learning_rate(epoch):
    return ${RATES[config.schedule]}


def step(grads, lr):
    """One ${config.optimizer} step of every parameter."""
    global STEPS
    STEPS += 1
    t = STEPS
    for layer, (g_w, g_b) in zip(LAYERS, grads):
        layer.setdefault("m1", [np.zeros_like(layer["W"]), np.zeros_like(layer["b"])])
        layer.setdefault("m2", [np.zeros_like(layer["W"]), np.zeros_like(layer["b"])])
        for p, g, m1, m2 in ((layer["W"], g_w, layer["m1"][0], layer["m2"][0]), (layer["b"], g_b, layer["m1"][1], layer["m2"][1])):
${OPTIMIZERS[config.optimizer].map((line) => `            ${line}`).join('\n')}


def draw_masks(batch):
    """Inverted dropout masks of one batch: per hidden layer [batch][neurons], 0 with
    probability p, else 1/(1 - p); None for a layer at rate 0."""
    return [None if p == 0 else np.where(MASK_RNG.random((batch, len(layer["b"])), dtype=F) < p, F(0), scale)
            for p, scale, layer in zip(DROPOUT, KEPT_SCALES, LAYERS)]


def train_epoch(order, masks=None):
    """One pass over the training points in \`order\`, a step per batch of BATCH_SIZE.
    \`masks\` (NEXT_MASKS: per hidden layer [points][neurons] in the order's positions)
    gives the dropout of every batch; without them, the batches draw their own."""
    global EPOCH
    lr = learning_rate(EPOCH)
    x_all = features(TRAIN)
    for start in range(0, len(order), BATCH_SIZE):
        batch = order[start:start + BATCH_SIZE]
        if masks is not None:
            batch_masks = [None if m is None else m[start:start + len(batch)] for m in masks]
        else:
            batch_masks = draw_masks(len(batch))
        step(gradients(x_all[batch], TRAIN[batch, 2], batch_masks), lr)
    EPOCH += 1


${pythonMain(run, 'rng = np.random.default_rng(SEED)', 'rng.permutation(len(TRAIN))')}`;
}

/** The file the download gets. */
export function fileName() {
  return 'greymatter_numpy.py';
}

/** The dropout rates, kept scales and next-epoch masks as NumPy constants. */
function dropoutConstants(run) {
  const { rates, keptScales, kept } = dropoutOf(run);
  const masks = kept
    ? `[${kept
        .map((text, index) =>
          text
            ? `\n    unpack_masks(\n        ${pieces(text)
                .map((piece) => `"${piece}"`)
                .join('\n        ')},\n        ${run.model.layers[index].biases.length}, KEPT_SCALES[${index}]),`
            : '\n    None,',
        )
        .join('')}\n]`
    : 'None';
  return `# Dropout of each hidden layer: rate p, and 1/(1 - p) for a kept output.
DROPOUT = [${rates.map((rate) => `F(${f32(rate)})`).join(', ')}]
KEPT_SCALES = [${keptScales.map((scale) => `F(${f32(scale)})`).join(', ')}]
MASK_RNG = np.random.default_rng([SEED, 1])  # the masks after greymatter's next epoch


def unpack_masks(text, neurons, scale):
    """Hex text of one bit per training point and neuron (1 kept) as [points][neurons] masks."""
    bits = np.unpackbits(np.frombuffer(bytes.fromhex(text), dtype=np.uint8))[:len(TRAIN) * neurons]
    return np.where(bits.reshape(len(TRAIN), neurons) == 1, scale, F(0)).astype(F)


# The dropout masks of greymatter's next epoch (None: ${masksWords(run)}).
NEXT_MASKS = ${masks}`;
}

/** The labels' meaning, for the data comment. */
export function labelWords(config) {
  if (config.problem === 'regression') return 'the target value';
  if (config.classes <= 2) return '-1 and +1 (two classes)';
  return `the class 0 to ${config.classes - 1}`;
}

/** What a prediction is, for the docstring. */
export function predictWords(config, output) {
  if (output.activation === 'softmax') return 'one probability per class';
  if (output.activation === 'sigmoid') return 'the probability of the +1 class';
  if (config.problem === 'regression') return 'the predicted value';
  return 'a tanh output in [-1, 1] (its sign is the class)';
}
