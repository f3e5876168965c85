// "Export as code" for PyTorch: a Python script with an nn.Sequential model, a torch.optim
// optimizer holding greymatter's memory, and a training loop.

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
import { labelWords, predictWords } from './numpy.js';

/** Each hidden activation as a torch.nn module. */
export const ACTIVATIONS = {
  relu: 'nn.ReLU()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
  linear: 'nn.Identity()',
  leakyRelu: 'nn.LeakyReLU(0.01)',
  elu: 'nn.ELU(1.0)',
  swish: 'nn.SiLU()',
  gelu: 'nn.GELU(approximate="tanh")',
  softplus: 'nn.Softplus()',
  mish: 'nn.Mish()',
  sine: 'Sine()',
};

/** The modules the script defines itself, when a layer uses them. */
const MODULES = {
  Sine: `class Sine(nn.Module):
    """sin z, elementwise (torch has no module for it)."""

    def forward(self, z):
        return torch.sin(z)`,
  Dropout: `class Dropout(nn.Dropout):
    """nn.Dropout(p): inverted dropout in training only (kept outputs scaled by 1/(1 - p));
    while \`mask\` is set (greymatter's masks of a batch, [batch][neurons]), that mask."""

    mask = None

    def forward(self, a):
        if self.training and self.mask is not None:
            return a * self.mask
        return super().forward(a)`,
};

/** Each input feature as a torch expression of the columns x1, x2. */
export const FEATURES = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 * x1',
  x2Squared: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinX1: 'torch.sin(x1)',
  sinX2: 'torch.sin(x2)',
};

/** The output layer's module (none: the cross-entropies train on logits) and its reading. */
const OUTPUTS = {
  tanh: ['nn.Tanh()', 'o'],
  linear: [null, 'o'],
  sigmoid: [null, 'torch.sigmoid(o)'],
  softmax: [null, 'torch.softmax(o, dim=1)'],
};

/** Each loss per sample, of outputs o (logits for the cross-entropies) and targets t. */
const LOSSES = {
  squared: '0.5 * ((o - t) ** 2).sum(dim=1)',
  absolute: '(o - t).abs().sum(dim=1)',
  huber: 'F.huber_loss(o, t, reduction="none", delta=1.0).sum(dim=1)',
  binaryCrossEntropy: 'F.binary_cross_entropy_with_logits(o, t, reduction="none").sum(dim=1)',
  softmaxCrossEntropy: 'F.cross_entropy(o, t, reduction="none")',
};

const TARGETS = {
  binaryCrossEntropy: '(labels > 0).float()[:, None]',
  softmaxCrossEntropy: 'class_of(labels)',
};

/** Each optimizer as torch.optim, and the state entries that hold greymatter's memory m1, m2. */
const OPTIMIZERS = {
  sgd: ['torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)', {}],
  momentum: ['torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)', { m1: 'momentum_buffer' }],
  nesterov: ['torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM, nesterov=MOMENTUM > 0)', { m1: 'momentum_buffer' }],
  rmsprop: ['torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, alpha=RMS_DECAY, eps=EPSILON)', { m2: 'square_avg', step: true }],
  adam: ['torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPSILON)', { m1: 'exp_avg', m2: 'exp_avg_sq', step: true }],
};

const PENALTIES = { none: null, l1: 'linear.weight.abs().sum()', l2: '0.5 * (linear.weight ** 2).sum()' };
const RATES = {
  constant: 'LEARNING_RATE',
  step: 'LEARNING_RATE * DECAY_RATE ** (epoch // DECAY_EPOCHS)',
  exponential: 'LEARNING_RATE * DECAY_RATE ** (epoch / DECAY_EPOCHS)',
};

export const NAME = 'PyTorch';

/** The file the download gets. */
export function fileName() {
  return 'greymatter_pytorch.py';
}

/** The dropout masks of greymatter's next epoch as a torch constant. */
function dropoutConstants(run) {
  const { kept, keptScales } = dropoutOf(run);
  const masks = kept
    ? `[${kept
        .map((text, index) =>
          text
            ? `\n    unpack_masks(\n        ${pieces(text)
                .map((piece) => `"${piece}"`)
                .join('\n        ')},\n        ${run.model.layers[index].biases.length}, ${f32(keptScales[index])}),`
            : '\n    None,',
        )
        .join('')}\n]`
    : 'None';
  return `

def unpack_masks(text, neurons, scale):
    """Hex text of one bit per training point and neuron (1 kept) as [points][neurons] masks."""
    data = torch.tensor(list(bytes.fromhex(text)), dtype=torch.int64)
    bits = (data[:, None] >> torch.arange(7, -1, -1)) & 1
    return bits.flatten()[:len(TRAIN) * neurons].reshape(len(TRAIN), neurons).to(FLOAT) * torch.tensor(scale, dtype=FLOAT)


# The dropout masks of greymatter's next epoch (None: ${masksWords(run)}).
NEXT_MASKS = ${masks}`;
}

/** The functions formula inputs call: torch's, taking numbers as well as tensors. */
const FORMULA_HELPERS = `def tensor(value):
    return torch.as_tensor(value, dtype=FLOAT)


${['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh'].map((f) => `def f_${f}(a):\n    return torch.${f}(tensor(a))\n`).join('\n\n')}

def f_min(a, b):
    return torch.minimum(tensor(a), tensor(b))


def f_max(a, b):
    return torch.maximum(tensor(a), tensor(b))


`;

/** How a formula input's values are made a tensor, 0 where not finite (as greymatter). */
const FINITE = `
    def finite(value):
        # A formula input: 0 where it is not a finite number, as greymatter counts it.
        value = torch.broadcast_to(tensor(value), x1.shape)
        return torch.where(torch.isfinite(value), value, torch.zeros_like(value))

`;

/** The script for `run` (the core's exportRun()), or an Error naming what cannot be expressed. */
export function generate(run, defaults) {
  check(run, defaults, { name: NAME, activations: ACTIVATIONS, features: FEATURES });
  const { config, model } = run;
  const layers = model.layers;
  const output = layers[layers.length - 1];
  const [optimizer, state] = OPTIMIZERS[config.optimizer];
  const memory = { m1: memoryByLayer(run.optimizer.first, layers), m2: memoryByLayer(run.optimizer.second, layers) };
  const dropout = dropoutOf(run);
  // Where each hidden layer's Dropout module sits in the model (None: no dropout there).
  const dropoutAt = [];
  let at = 0;
  const modules = layers.flatMap((layer, index) => {
    const hidden = index < layers.length - 1;
    const linear = `nn.Linear(${layer.weights[0]?.length ?? 0}, ${layer.biases.length}),  # ${hidden ? `hidden layer ${index + 1}` : 'output layer'}`;
    const activation = hidden ? ACTIVATIONS[layer.activation] : OUTPUTS[layer.activation][0];
    const drop = hidden && dropout.rates[index] > 0 ? [`Dropout(${f32(dropout.rates[index])}),`] : [];
    const lines = [linear, ...(activation ? [`${activation},`] : []), ...drop];
    if (hidden) dropoutAt.push(drop.length ? at + lines.length - 1 : 'None');
    at += lines.length;
    return lines;
  });
  const defined = Object.keys(MODULES).filter((name) => modules.some((line) => line.startsWith(`${name}(`)));
  const tensors = (pick) =>
    layers
      .map((layer, index) => {
        const { weights, biases } = pick(layer, index);
        return `    (torch.tensor([${matrix(weights)}], dtype=FLOAT), torch.tensor([${numbers(biases)}], dtype=FLOAT)),`;
      })
      .join('\n');
  const memoryText = Object.entries(memory)
    .map(([name, m]) =>
      state[name] && m
        ? `${name.toUpperCase()} = [  # ${state[name]} of each layer's weight and bias
${tensors((_, index) => m[index])}
]`
        : `${name.toUpperCase()} = None`,
    )
    .join('\n');
  const entries = Object.entries(state)
    .filter(([name]) => name !== 'step')
    .map(([name, key]) => `            state["${key}"] = ${name.toUpperCase()}[index][which].clone()`);
  if (state.step) entries.push('            state["step"] = torch.tensor(float(STEPS))');
  const penalty = PENALTIES[config.regularization];
  const notes = [
    'PyTorch mapping: nn.Sequential of nn.Linear (weights [outputs][inputs], as greymatter) '
      + 'and activation modules: leaky relu nn.LeakyReLU(0.01), elu nn.ELU(1.0), swish nn.SiLU, '
      + 'gelu nn.GELU(approximate="tanh"), mish nn.Mish, sine a Sine module (torch.sin); tanh, '
      + "sigmoid and mish are exact (greymatter's fast tanh and sigmoid are within 1e-6, its "
      + 'mish within 1e-6 |z|). The cross-entropies train on logits with '
      + 'F.binary_cross_entropy_with_logits and F.cross_entropy (gradient a - t, as greymatter; '
      + "the loss printed is not clamped at 1e-7 as greymatter's is). The penalty is added to "
      + "the cost over the weights only (torch's weight_decay would also decay the biases); "
      + "the optimizer is torch.optim with greymatter's memory loaded into its state (momentum "
      + 'and Nesterov: v = mu v + g; RMSProp and Adam: epsilon outside the square root).',
    ...dropoutNote(
      run,
      'Here a Dropout module (nn.Dropout(p), model.train() while training, '
        + "model.train(False) else) after the layer's activation, which takes a given mask instead while "
        + 'one is set.',
    ),
    `Run: pip install torch && python3 ${fileName()} [epochs]   (default ${epochsToTrain(run)})`,
  ];
  return `${header(run, NAME, notes)
    .map((line) => `# ${line}`.trimEnd())
    .join('\n')}

import sys

import torch
import torch.nn.functional as F
from torch import nn

FLOAT = torch.float32  # greymatter trains in 32-bit floats
${pythonConstants(run)}

${pythonPoints(run, labelWords(config), { array: 'torch.tensor', float: 'FLOAT', integer: 'torch.long' })}
${dropoutConstants(run)}
${defined.map((name) => `\n\n${MODULES[name]}\n`).join('')}${defined.length ? '\n' : ''}
torch.manual_seed(SEED)  # nn.Dropout's masks after greymatter's next epoch
model = nn.Sequential(
${modules.map((line) => `    ${line}`).join('\n')}
)
model.train(False)  # training mode only while training: dropout drops nothing else
dropouts = [None if at is None else model[at] for at in [${dropoutAt.join(', ')}]]  # each hidden layer's Dropout
# Weights [outputs][inputs] and biases of each layer.
PARAMETERS = [
${tensors((layer) => layer)}
]
${memoryText}
linears = [module for module in model if isinstance(module, nn.Linear)]
with torch.no_grad():
    for linear, (weight, bias) in zip(linears, PARAMETERS):
        linear.weight.copy_(weight.reshape(linear.weight.shape))
        linear.bias.copy_(bias)

optimizer = ${optimizer}
if STEPS > 0:
    for index, linear in enumerate(linears):
        for which, parameter in enumerate((linear.weight, linear.bias)):
            state = optimizer.state[parameter]
${entries.length ? entries.join('\n') : '            pass'}


${run.formulas.length ? FORMULA_HELPERS : ''}def features(points):
    """The network's inputs (${inputNames(run)}) of points [x1, x2, ...]."""
    x1, x2 = points[:, 0], points[:, 1]
${run.formulas.length ? FINITE : ''}    return torch.stack([${inputExpressions(run, FEATURES, 'torch').join(', ')}], dim=1)


def class_of(labels):
    return (labels > 0).long() if CLASSES <= 2 else labels.long().clamp(max=CLASSES - 1)


def targets(labels):
    return ${TARGETS[config.loss] ?? 'labels[:, None]'}


def sample_loss(o, t):
    return ${LOSSES[config.loss]}


def predict(points):
    """What greymatter's predict() gives: ${predictWords(config, output)}."""
    with torch.no_grad():
        o = model(features(torch.as_tensor(points, dtype=FLOAT)))
        values = ${OUTPUTS[output.activation][1]}
    return values if values.shape[1] > 1 else values[:, 0]


def mean_loss(points):
    """The mean loss over points (without the penalty), as greymatter shows it."""
    if len(points) == 0:
        return float("nan")
    with torch.no_grad():
        return float(sample_loss(model(features(points)), targets(points[:, 2])).mean())


def learning_rate(epoch):
    return ${RATES[config.schedule]}


def train_epoch(order, masks=None):
    """One pass over the training points in \`order\`, a step per batch of BATCH_SIZE.
    \`masks\` (NEXT_MASKS: per hidden layer [points][neurons] in the order's positions)
    gives the dropout of every batch; without them, nn.Dropout draws its own."""
    global EPOCH
    for group in optimizer.param_groups:
        group["lr"] = learning_rate(EPOCH)
    x_all = features(TRAIN)
    model.train()
    for start in range(0, len(order), BATCH_SIZE):
        batch = order[start:start + BATCH_SIZE]
        for layer, dropout in enumerate(dropouts):
            if dropout is not None:
                given = masks[layer] if masks is not None else None
                dropout.mask = None if given is None else given[start:start + len(batch)]
        optimizer.zero_grad()
        cost = sample_loss(model(x_all[batch]), targets(TRAIN[batch, 2])).mean()${
          penalty
            ? `
        cost = cost + REGULARIZATION_RATE * sum(${penalty} for linear in linears)`
            : ''
        }
        cost.backward()
        optimizer.step()
    for dropout in dropouts:
        if dropout is not None:
            dropout.mask = None
    model.train(False)
    EPOCH += 1


${pythonMain(run, 'generator = torch.Generator().manual_seed(SEED)', 'torch.randperm(len(TRAIN), generator=generator)')}`;
}
