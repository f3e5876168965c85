// What every "Export as code" target shares: how each setting of a run maps to a
// script, the refusal of anything a target cannot express, and the writing of numbers
// and arrays. DOM-free; a target module (numpy.js, pytorch.js, tfjs.js) gives its own
// tables of activations and features, and everything not in a table is refused.

/**
 * Every config key the export knows, and what the script does with it. A key that is
 * not here and differs from its default is refused (a setting added to greymatter later
 * is never exported silently wrong).
 */
export const SETTINGS = {
  dataset: 'data',
  problem: 'data',
  classes: 'data',
  noise: 'data',
  trainRatio: 'data',
  samples: 'data',
  dataSeed: 'data',
  hidden: 'model',
  features: 'model',
  customFeatures: 'model',
  activation: 'model',
  layerActivations: 'model',
  datasetFormula: 'data',
  initialization: 'model',
  loss: 'training',
  batchSize: 'training',
  learningRate: 'training',
  optimizer: 'training',
  momentum: 'training',
  rmsDecay: 'training',
  beta1: 'training',
  beta2: 'training',
  epsilon: 'training',
  regularization: 'training',
  regularizationRate: 'training',
  schedule: 'training',
  decayRate: 'training',
  decayEpochs: 'training',
  stopAfter: 'training',
  stopAtLoss: 'training',
  seed: 'training',
  dropout: 'training',
};

/** The losses every target writes (each target has its code for each). */
export const LOSSES = ['squared', 'absolute', 'huber', 'binaryCrossEntropy', 'softmaxCrossEntropy'];
/** The optimizers every target writes. */
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'];
/** The weight penalties every target writes. */
export const REGULARIZATIONS = ['none', 'l1', 'l2'];
/** The learning-rate schedules every target writes. */
export const SCHEDULES = ['constant', 'step', 'exponential'];

/** The output activation of each loss family, as the model file names it. */
export const OUTPUT_ACTIVATIONS = ['tanh', 'linear', 'sigmoid', 'softmax'];

/**
 * Refuses what `target` (with its `activations` and `features` tables) cannot express,
 * naming the setting and why; returns nothing when everything maps.
 */
export function check(run, defaults, { name, activations, features }) {
  const { config, model } = run;
  for (const [key, value] of Object.entries(config)) {
    if (!(key in SETTINGS) && JSON.stringify(value) !== JSON.stringify(defaults[key])) {
      refuse(name, `the setting ${key} = ${JSON.stringify(value)}`, 'the export does not know this setting yet');
    }
  }
  const known = (list, value, what) => {
    if (!list.includes(value)) refuse(name, `${what} ${JSON.stringify(value)}`, `it is not one of ${list.join(', ')}`);
  };
  known(LOSSES, config.loss, 'the loss');
  known(OPTIMIZERS, config.optimizer, 'the optimizer');
  known(REGULARIZATIONS, config.regularization, 'the regularization');
  known(SCHEDULES, config.schedule, 'the schedule');
  for (const feature of model.features) {
    if (!(feature in features))
      refuse(name, `the feature ${JSON.stringify(feature)}`, `it has no ${name} formula (known: ${Object.keys(features).join(', ')})`);
  }
  model.layers.forEach((layer, index) => {
    const output = index === model.layers.length - 1;
    const where = output ? 'the output layer' : `hidden layer ${index + 1}`;
    if (output ? !OUTPUT_ACTIVATIONS.includes(layer.activation) : !(layer.activation in activations)) {
      refuse(
        name,
        `the activation ${JSON.stringify(layer.activation)} of ${where}`,
        `it has no ${name} counterpart (known: ${Object.keys(activations).join(', ')})`,
      );
    }
  });
}

/**
 * The script's expression of each input of the model: the built-in features from the
 * target's `features` table, then each formula input (the core's `run.formulas`, written
 * for the target: `notation` is 'numpy', 'torch' or 'javascript') through `finite`,
 * which the script defines (a value that is not a number counts as 0, as in greymatter).
 */
export function inputExpressions(run, features, notation) {
  const builtIn = run.model.features.map((name) => features[name]);
  return [...builtIn, ...run.formulas.map((formula) => `finite(${formula[notation]})`)];
}

/**
 * The points and the next epoch's order, as a Python script writes them: `array` makes
 * an array (`np.array`, `torch.tensor`), of the 32-bit float and the integer types named.
 */
export function pythonPoints(run, labels, { array, float, integer }) {
  return `# Points as [x1, x2, label]: labels ${labels}.
TRAIN = ${array}([${pointRows(run.train)}], dtype=${float}).reshape(-1, 3)
TEST = ${array}([${pointRows(run.test)}], dtype=${float}).reshape(-1, 3)
# The order of the training points in greymatter's next epoch.
NEXT_ORDER = ${array}([${run.nextOrder.join(', ')}], dtype=${integer})`;
}

/** The names of the model's inputs, for a script's comments. */
export function inputNames(run) {
  return [...run.model.features, ...run.formulas.map((formula) => formula.formula)].join(', ');
}

function refuse(target, what, why) {
  throw new Error(`${target} export cannot express ${what}: ${why}`);
}

/** The shortest decimal text that reads back as the same 32-bit float as `x`. */
export function f32(x) {
  if (!Number.isFinite(x)) throw new Error(`a value to export is not finite: ${x}`);
  const single = Math.fround(x);
  const reads = (digits) => Math.fround(Number(single.toPrecision(digits))) === single;
  // 9 significant digits always read back; fewer do from some count on: search it.
  let [low, high] = [1, 9];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reads(middle)) high = middle;
    else low = middle + 1;
  }
  return String(Number(single.toPrecision(low)));
}

/** A nested array of numbers as text, `[a, b], [c, d]` rows wrapped to `width` characters. */
export function numbers(values, width = 100) {
  return wrap(values.map(f32), width);
}

/** Items joined by ", " and broken into lines of at most `width` characters. */
export function wrap(items, width = 100) {
  const lines = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 2 > width) {
      lines.push(`${line},`);
      line = item;
    } else {
      line = line ? `${line}, ${item}` : item;
    }
  }
  lines.push(line);
  return lines.join('\n    ');
}

/** Rows of points `[x1, x2, label]` as nested-array text. */
export function pointRows(points) {
  return wrap(points.map((row) => `[${row.map(f32).join(', ')}]`));
}

/** One layer's weights `[outputs][inputs]` as nested-array text. */
export function matrix(rows) {
  return wrap(rows.map((row) => `[${row.map(f32).join(', ')}]`));
}

/**
 * The optimizer memory cut into each layer's weights `[outputs][inputs]` and biases,
 * following the parameter layout (per layer: weights row by row, then biases); null when
 * the optimizer has taken no step.
 */
export function memoryByLayer(memory, layers) {
  if (!memory || memory.length === 0) return null;
  let at = 0;
  return layers.map((layer) => {
    const inputs = layer.weights[0]?.length ?? 0;
    const weights = layer.weights.map(() => {
      const row = memory.slice(at, at + inputs);
      at += inputs;
      return row;
    });
    const biases = memory.slice(at, at + layer.biases.length);
    at += layer.biases.length;
    return { weights, biases };
  });
}

/** How many epochs the script trains when run: up to stopAfter, else 100 more. */
export function epochsToTrain(run) {
  const { stopAfter } = run.config;
  return stopAfter > 0 ? Math.max(0, stopAfter - run.epoch) : 100;
}

/**
 * The lines of the header comment every script starts with (without comment marks):
 * `notes` are the target's own paragraphs; each paragraph is wrapped to 86 columns.
 */
export function header(run, target, notes) {
  const { config, epoch, train, test } = run;
  const data =
    config.dataset === 'own'
      ? 'your own points'
      : `the ${config.dataset} dataset (dataSeed ${config.dataSeed}, noise ${config.noise} %, ${config.samples} points)`;
  const paragraphs = [
    `greymatter run exported as code: ${target}.`,
    `Rebuilds the network greymatter trained, with its weights after epoch ${epoch}, and trains it `
      + `further with the same settings. The data is ${data}, inlined as arrays (${train.length} training `
      + `and ${test.length} test points, exactly the points greymatter trained on), not generated again.`,
    `Settings: problem ${config.problem}, loss ${config.loss}, optimizer ${config.optimizer}, learning rate `
      + `${config.learningRate} (schedule ${config.schedule}), batch size ${config.batchSize}, regularization `
      + `${config.regularization} (rate ${config.regularizationRate}, on the weights only, not the biases). `
      + 'Cost of a batch: J = mean loss over the batch + rate * penalty over the weights.',
    "The first epoch visits the training points in the order greymatter's next epoch would "
      + "(NEXT_ORDER), in the same batches; later epochs are shuffled by this script's own generator.",
    ...notes,
  ];
  return paragraphs.flatMap((paragraph, index) => [...(index ? [''] : []), ...wrapWords(paragraph, 86)]);
}

/** `text` broken at spaces into lines of at most `width` characters. */
function wrapWords(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/**
 * The dropout of each hidden layer as the scripts take it: `{rates, keptScales, kept}`
 * (rates 0 and no masks without dropout; `kept` null when the core left the next
 * epoch's masks out, else one hex text per layer, "" at rate 0), and whether any layer
 * drops.
 */
export function dropoutOf(run) {
  const hidden = run.model.layers.length - 1;
  const next = run.nextDropout;
  if (!next) return { any: false, rates: Array(hidden).fill(0), keptScales: Array(hidden).fill(1), kept: null };
  return { any: true, rates: next.rates, keptScales: next.keptScales, kept: next.kept };
}

/** What a missing mask in NEXT_MASKS means, for the scripts' comment. */
export function masksWords(run) {
  if (!run.nextDropout) return 'no dropout';
  return run.nextDropout.kept ? 'a layer at rate 0' : 'not inlined, over 2^20 draws: every epoch draws its own';
}

/** Long text (a mask's hex) cut into pieces of \`width\` characters. */
export function pieces(text, width = 96) {
  const out = [];
  for (let at = 0; at < text.length; at += width) out.push(text.slice(at, at + width));
  return out;
}

/**
 * The header paragraph on dropout (none without it): where the masks of the first
 * epoch come from, in the words of \`target\` (\`how\` says how it drops).
 */
export function dropoutNote(run, how) {
  const dropout = dropoutOf(run);
  if (!dropout.any) return [];
  const masks = dropout.kept
    ? "The first epoch uses the masks greymatter's next epoch draws (NEXT_MASKS, from greymatter's "
      + 'own mask generator: per hidden layer one bit per training point and neuron, 1 kept, in the '
      + "order of NEXT_ORDER); later epochs draw their own with this script's generator (seeded by "
      + 'seed), so they follow greymatter only in distribution.'
    : "greymatter's next-epoch masks are not inlined (more than 2^20 neuron-sample draws): every "
      + "epoch, the first too, draws its own with this script's generator, so one further epoch "
      + "matches greymatter's only in distribution.";
  return [
    `Dropout (inverted), per hidden layer at rates [${dropout.rates.map(f32).join(', ')}]: `
      + "in training only, each neuron's output is dropped for a sample with probability p and "
      + `the kept ones are scaled by 1/(1 - p); predictions and losses drop nothing. ${how} ${masks}`,
  ];
}

/**
 * The Python scripts' main(): trains the epochs asked for (the first over NEXT_ORDER,
 * then over \`shuffle\`, a permutation made with \`generator\`), printing the losses.
 */
export function pythonMain(run, generator, shuffle) {
  return `def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else ${epochsToTrain(run)}
    ${generator}
    print(f"epoch {EPOCH}: train loss {mean_loss(TRAIN):.6f}, test loss {mean_loss(TEST):.6f}")
    for done in range(epochs):
        if done == 0:
            train_epoch(NEXT_ORDER, NEXT_MASKS)
        else:
            train_epoch(${shuffle})
        loss = mean_loss(TRAIN)
        if done == epochs - 1 or EPOCH % 10 == 0 or (STOP_AT_LOSS > 0 and loss <= STOP_AT_LOSS):
            print(f"epoch {EPOCH}: train loss {loss:.6f}, test loss {mean_loss(TEST):.6f}")
        if STOP_AT_LOSS > 0 and loss <= STOP_AT_LOSS:
            break


if __name__ == "__main__":
    main()
`;
}

/**
 * The Python scripts' settings, one constant a line; \`single\` wraps the values greymatter
 * trains with as 32-bit floats.
 */
export function pythonConstants(run, single = (text) => text) {
  const { config } = run;
  return `CLASSES = ${config.classes}
EPOCH = ${run.epoch}  # epochs greymatter trained
SEED = ${config.seed}
BATCH_SIZE = ${config.batchSize}
LEARNING_RATE = ${config.learningRate}
DECAY_RATE = ${config.decayRate}
DECAY_EPOCHS = ${config.decayEpochs}
REGULARIZATION_RATE = ${single(f32(config.regularizationRate))}
MOMENTUM = ${single(f32(config.momentum))}
RMS_DECAY = ${single(f32(config.rmsDecay))}
BETA1 = ${f32(config.beta1)}
BETA2 = ${f32(config.beta2)}
EPSILON = ${single(f32(config.epsilon))}
STOP_AT_LOSS = ${config.stopAtLoss}
STEPS = ${run.optimizer.steps}  # optimizer steps taken so far (Adam's t)`;
}
