// Bad input at every door of the scripting API (docs/scripting.md, "Members"): a table of calls a
// script might get wrong, per door. Each row is refused with a message that names the
// problem, leaves the network (exportModel) and the data (getData) as they were, and
// the page trains on afterwards without a page error (bad-input-check.mjs). Each row
// is a test of its own, named after its door.
// The other doors have their own tables: bad-input-address, -attributes, -files and -iframe.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite } from './helpers.mjs';
import { assertSays, assertUnchangedAndTrains, snapshot } from './bad-input-check.mjs';

const LAYER = 'layer must be a whole number from 0 to 2 (the output)';
const NODE = 'node must be a whole number from 0 to 8 (or null for the output)';
const POINT = 'must be [x1, x2], two finite numbers';
const SINGLE = 'must be a finite number in single precision (the precision greymatter trains in: at most 3.4e38 in size)';
const CONTROLS = 'hidden must list controls from playButton, stepButton';
const NOT_OBJECT = 'setConfig expects an object such as {learningRate: 0.01}';

// [door, script (p is window.playground, model a fresh exportModel()), message]. The full
// page's default network: features x1 and x2, hidden layers of 4 and 2, one output (9 nodes).
const ROWS = [
  ['setWeight', 'p.setWeight(NaN, 0, 0, 1)', `${LAYER}, got NaN`],
  ['setWeight', 'p.setWeight("abc", 0, 0, 1)', `${LAYER}, got "abc"`],
  ['setWeight', 'p.setWeight(undefined, 0, 0, 1)', `${LAYER}, got undefined`],
  ['setWeight', 'p.setWeight(2 ** 32, 0, 0, 1)', `${LAYER}, got 4294967296`],
  ['setWeight', 'p.setWeight("1", 0, 0, 1)', `${LAYER}, got "1"`],
  ['setWeight', 'p.setWeight(1.9, 0, 0, 1)', `${LAYER}, got 1.9`],
  ['setWeight', 'p.setWeight(-1, 0, 0, 1)', `${LAYER}, got -1`],
  ['setWeight', 'p.setWeight(3, 0, 0, 1)', `${LAYER}, got 3`],
  ['setWeight', 'p.setWeight(1, 2, 0, 1)', 'neuron must be a whole number from 0 to 1 in layer 1, got 2'],
  ['setWeight', 'p.setWeight(0, 0, 2 ** 32, 1)', 'input must be a whole number from 0 to 1 (layer 0 reads the 2 features), got 4294967296'],
  ['setWeight', 'p.setWeight(2, 0, 2, 1)', 'input must be a whole number from 0 to 1 (layer 2 reads the 2 neurons of layer 1), got 2'],
  ['setWeight', 'p.setWeight(0, 0, 0, NaN)', 'value must be a finite number, got NaN'],
  ['setWeight', 'p.setWeight(0, 0, 0, "1")', 'value must be a finite number, got "1"'],
  ['setBias', 'p.setBias(NaN, 0, 1)', `${LAYER}, got NaN`],
  ['setBias', 'p.setBias("1", 0, 1)', `${LAYER}, got "1"`],
  ['setBias', 'p.setBias(0, 1.5, 1)', 'neuron must be a whole number from 0 to 3 in layer 0, got 1.5'],
  ['setBias', 'p.setBias(2, 2 ** 32, 1)', 'neuron must be a whole number from 0 to 0 in layer 2, got 4294967296'],
  ['setBias', 'p.setBias(0, 0, Infinity)', 'value must be a finite number, got Infinity'],
  ['showNode', 'p.showNode(2 ** 32)', `${NODE}, got 4294967296`],
  ['showNode', 'p.showNode(NaN)', `${NODE}, got NaN`],
  ['showNode', 'p.showNode("2")', `${NODE}, got "2"`],
  ['showNode', 'p.showNode(1.5)', `${NODE}, got 1.5`],
  ['showNode', 'p.showNode(9)', `${NODE}, got 9`],
  ['showNode', 'p.showNode()', `${NODE}, got undefined`],
  ['inspectNeuron', 'p.inspectNeuron(1.9, 0)', `${LAYER}, got 1.9`],
  ['inspectNeuron', 'p.inspectNeuron(0, NaN)', 'neuron must be a whole number from 0 to 3 in layer 0, got NaN'],
  ['predict', 'p.predict("0,0")', 'predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got "0,0"'],
  ['predict', 'p.predict([[0, 0], [1, 1], [2, 2], [1, "a"]])', `point 3 ${POINT}; got [1, "a"]`],
  ['predict', 'p.predict([[NaN, 0]])', `point 0 ${POINT}; got [NaN, 0]`],
  ['predict', 'p.predict([[0, 0], [0, Infinity]])', `point 1 ${POINT}; got [0, Infinity]`],
  ['predict', 'p.predict([[0, 0, 0]])', `point 0 ${POINT}; got [0, 0, 0]`],
  ['predict', 'p.predict([0, 0])', `point 0 ${POINT}; got 0`],
  [
    'predict',
    'p.predict(Array.from({ length: 100001 }, () => [0, 0]))',
    'predict takes at most 100,000 points per call, got 100,001: split them into several calls',
  ],
  ['importModel', 'p.importModel(null)', 'a model file must be an object with format, version, problem, features and layers; got null'],
  ['importModel', 'p.importModel(undefined)', 'a model file must be an object with format, version, problem, features and layers; got undefined'],
  ['importModel', 'p.importModel([])', 'a model file must be an object with format, version, problem, features and layers; got an array'],
  ['importModel', 'p.importModel({})', 'missing field `format`'],
  [
    'importModel',
    'model.layers[0].dropout = 0.5; p.importModel(model)',
    'layer 1 has an unknown field `dropout` (the fields are activation, weights and biases)',
  ],
  ['importModel', 'model.comment = "hi"; p.importModel(model)', 'the model file has an unknown field `comment`'],
  ['importModel', 'model.layers[0].biases[0] = 1e39; p.importModel(model)', 'layer 1: every value must be a finite number'],
  [
    'importModel',
    'model.layers[0].weights = model.layers[0].weights.map(() => [3e38, -3e38]); p.importModel(model)',
    "the model's loss on the training points is NaN",
  ],
  ['importModel', 'p.importModel("{not json")', 'the model file is not JSON'],
  ['setWeight', 'p.setWeight(0, 0, 0)', 'value must be a finite number, got undefined'],
  ['setWeight', 'p.setWeight(0, 0, 0, Infinity)', 'value must be a finite number, got Infinity'],
  ['setWeight', 'p.setWeight(0, 0, 0, 1e39)', `value ${SINGLE}, got 1e+39`],
  ['setWeight', 'p.setWeight(0, 0, 0, -4e38)', `value ${SINGLE}, got -4e+38`],
  ['setWeight', 'p.setWeight(0, 4, 0, 1)', 'neuron must be a whole number from 0 to 3 in layer 0, got 4'],
  ['setWeight', 'p.setWeight(0, -1, 0, 1)', 'neuron must be a whole number from 0 to 3 in layer 0, got -1'],
  ['setWeight', 'p.setWeight(0, 0, -1, 1)', 'input must be a whole number from 0 to 1 (layer 0 reads the 2 features), got -1'],
  ['setWeight', 'p.setWeight(null, 0, 0, 1)', `${LAYER}, got null`],
  ['setWeight', 'p.setWeight({}, 0, 0, 1)', `${LAYER}, got an object`],
  ['setWeight', 'p.setWeight(0, 0, 0, null)', 'value must be a finite number, got null'],
  ['setWeight', 'p.setWeight(0, 0, 0, 1n)', 'value must be a finite number, got 1n'],
  ['setBias', 'p.setBias(0, 0)', 'value must be a finite number, got undefined'],
  ['setBias', 'p.setBias(0, 0, NaN)', 'value must be a finite number, got NaN'],
  ['setBias', 'p.setBias(0, 0, -Infinity)', 'value must be a finite number, got -Infinity'],
  ['setBias', 'p.setBias(0, 0, 1e39)', `value ${SINGLE}, got 1e+39`],
  ['setBias', 'p.setBias(0, 4, 1)', 'neuron must be a whole number from 0 to 3 in layer 0, got 4'],
  ['setBias', 'p.setBias(3, 0, 1)', `${LAYER}, got 3`],
  ['setBias', 'p.setBias(0, 0, "0.5")', 'value must be a finite number, got "0.5"'],
  ['setBias', 'p.setBias(1, -1, 1)', 'neuron must be a whole number from 0 to 1 in layer 1, got -1'],
  ['showNode', 'p.showNode(-1)', `${NODE}, got -1`],
  ['showNode', 'p.showNode(Infinity)', `${NODE}, got Infinity`],
  ['showNode', 'p.showNode({})', `${NODE}, got an object`],
  ['showNode', 'p.showNode([1])', `${NODE}, got [1]`],
  ['showNode', 'p.showNode(true)', `${NODE}, got true`],
  ['inspectNeuron', 'p.inspectNeuron(3, 0)', `${LAYER}, got 3`],
  ['inspectNeuron', 'p.inspectNeuron(0, 4)', 'neuron must be a whole number from 0 to 3 in layer 0, got 4'],
  ['inspectNeuron', 'p.inspectNeuron("0", 0)', `${LAYER}, got "0"`],
  ['predict', 'p.predict()', 'predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got undefined'],
  ['predict', 'p.predict(null)', 'predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got null'],
  ['predict', 'p.predict({})', 'predict expects an array of [x1, x2] pairs, e.g. [[0, 0], [1, -2]]; got an object'],
  ['predict', 'p.predict([[0]])', `point 0 ${POINT}; got [0]`],
  ['predict', 'p.predict([["0", "0"]])', `point 0 ${POINT}; got ["0", "0"]`],
  ['predict', 'p.predict([null])', `point 0 ${POINT}; got null`],
  ['predict', 'p.predict([[0, 0], "a"])', `point 1 ${POINT}; got "a"`],
  ['predict', 'p.predict([[0, -Infinity]])', `point 0 ${POINT}; got [0, -Infinity]`],
  ['confusionMatrix', 'p.confusionMatrix("validation")', `confusionMatrix takes 'test' or 'train', got "validation"`],
  ['layerPlane', 'p.layerPlane(0, 1, 1)', 'pick two different neurons: both are neuron 2 of hidden layer 1'],
  ['layerPlane', 'p.layerPlane(2, 0, 1)', 'layer must be a whole number from 0 to 1 (the last hidden layer), got 2'],
  ['layerPlane', 'p.layerPlane("1", 0, 1)', 'layer must be a whole number from 0 to 1 (the last hidden layer), got "1"'],
  ['layerPlane', 'p.layerPlane(1, 0, NaN)', 'second must be a whole number from 0 to 1 in hidden layer 1, got NaN'],
  ['setConfig', 'p.setConfig(null)', NOT_OBJECT],
  ['setConfig', 'p.setConfig()', NOT_OBJECT],
  ['setConfig', 'p.setConfig("learningRate=0.1")', NOT_OBJECT],
  ['setConfig', 'p.setConfig([])', NOT_OBJECT],
  ['setConfig', 'p.setConfig(42)', NOT_OBJECT],
  ['setConfig', 'p.setConfig({ learningRate: -1 })', 'learningRate must be greater than 0 and at most 10, got -1'],
  ['setConfig', 'p.setConfig({ learningRate: 0 })', 'learningRate must be greater than 0 and at most 10, got 0'],
  ['setConfig', 'p.setConfig({ learningRate: 11 })', 'learningRate must be greater than 0 and at most 10, got 11'],
  ['setConfig', 'p.setConfig({ learningRate: NaN })', 'learningRate must be greater than 0 and at most 10, got NaN'],
  ['setConfig', 'p.setConfig({ learningRate: Infinity })', 'learningRate must be greater than 0 and at most 10, got Infinity'],
  [
    'setConfig',
    'p.setConfig({ learningRate: 1e-320 })',
    'learningRate must be greater than 0 and at most 10, got 1e-320 (that is 0 in single precision, the precision greymatter trains in)',
  ],
  ['setConfig', 'p.setConfig({ learningRate: "0.1" })', 'learningRate must be a number greater than 0 and at most 10, got "0.1"'],
  ['setConfig', 'p.setConfig({ learningRate: null })', 'learningRate must be a number greater than 0 and at most 10, got null'],
  ['setConfig', 'p.setConfig({ learnRate: 0.1 })', 'unknown setting "learnRate": known settings are dataset, noise'],
  ['setConfig', 'p.setConfig({ toString: 1 })', 'unknown setting "toString"'],
  ['setConfig', 'p.setConfig({ learningRate: 0.1, noise: 99 })', 'noise must be between 0 and 50, got 99'],
  ['setConfig', 'p.setConfig({ dataset: "moons" })', 'dataset must be one of circle, xor, gauss, spiral, plane, multigauss, formula, own, got "moons"'],
  ['setConfig', 'p.setConfig({ dataset: "plane" })', 'dataset plane is a regression dataset, but problem is classification'],
  ['setConfig', 'p.setConfig({ problem: "regression", dataset: "circle" })', 'dataset circle is a classification dataset, but problem is regression'],
  ['setConfig', 'p.setConfig({ problem: "clustering" })', 'problem must be classification or regression'],
  ['setConfig', 'p.setConfig({ classes: 7 })', 'classes must be a whole number from 2 to 6, got 7'],
  ['setConfig', 'p.setConfig({ classes: 1 })', 'classes must be a whole number from 2 to 6, got 1'],
  [
    'setConfig',
    'p.setConfig({ dataset: "xor", classes: 3, loss: "softmaxCrossEntropy" })',
    'dataset xor has 2 classes, got classes 3: pick circle, gauss or spiral for more',
  ],
  ['setConfig', 'p.setConfig({ noise: -1 })', 'noise must be between 0 and 50, got -1'],
  ['setConfig', 'p.setConfig({ trainRatio: 5 })', 'trainRatio must be between 10 and 90, got 5'],
  ['setConfig', 'p.setConfig({ samples: 5001 })', 'samples must be a whole number from 10 to 5000, got 5001'],
  ['setConfig', 'p.setConfig({ batchSize: 0 })', 'batchSize must be a whole number from 1 to 500, got 0'],
  ['setConfig', 'p.setConfig({ activation: "softmax" })', 'activation softmax only fits the output layer: pick another for the hidden layers'],
  [
    'setConfig',
    'p.setConfig({ activation: "ReLU" })',
    'activation must be one of relu, tanh, sigmoid, linear, leakyRelu, elu, swish, gelu, softplus, mish, sine',
  ],
  [
    'setConfig',
    'p.setConfig({ layerActivations: ["relu", "nope"] })',
    'layerActivations must be a list of activations, one per hidden layer, each one of relu, tanh',
  ],
  [
    'setConfig',
    'p.setConfig({ layerActivations: ["relu", "tanh", "tanh"] })',
    'layerActivations names 3 activations for 2 hidden layers: give at most one per hidden layer',
  ],
  ['setConfig', 'p.setConfig({ dropout: 0.5 })', 'dropout must be a list of dropout rates, one per hidden layer, each a number from 0 to 0.9, got 0.5'],
  ['setConfig', 'p.setConfig({ dropout: [0.5, 0.95] })', 'dropout of hidden layer 2 must be between 0 and 0.9, got 0.95'],
  ['setConfig', 'p.setConfig({ dropout: [0.1, 0.2, 0.3] })', 'dropout gives 3 rates for 2 hidden layers: give at most one per hidden layer'],
  ['setConfig', 'p.setConfig({ regularization: "l3" })', 'regularization must be one of none, l1, l2'],
  ['setConfig', 'p.setConfig({ regularizationRate: 11 })', 'regularizationRate must be between 0 and 10, got 11'],
  ['setConfig', 'p.setConfig({ hidden: [0] })', 'hidden layer 1 must have 1 to 64 neurons, got 0'],
  ['setConfig', 'p.setConfig({ hidden: [65] })', 'hidden layer 1 must have 1 to 64 neurons, got 65'],
  ['setConfig', 'p.setConfig({ hidden: Array(17).fill(1) })', 'hidden allows at most 16 layers, got 17'],
  [
    'setConfig',
    'p.setConfig({ hidden: Array(14).fill(64) })',
    'hidden layers [64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64] with 2 inputs make 53440 weights; the most is 50000: use fewer or narrower layers',
  ],
  ['setConfig', 'p.setConfig({ hidden: "4,2" })', 'hidden must be a list of at most 16 neuron counts, each from 1 to 64, got "4,2"'],
  ['setConfig', 'p.setConfig({ hidden: [1.5] })', 'hidden must be a list of at most 16 neuron counts, each from 1 to 64'],
  ['setConfig', 'p.setConfig({ features: [] })', 'features must name at least one input'],
  ['setConfig', 'p.setConfig({ features: ["x3"] })', 'features must be a list of inputs, each one of x1, x2, x1Squared'],
  ['setConfig', 'p.setConfig({ features: ["x1", "x1"] })', 'features lists x1 twice'],
  [
    'setConfig',
    'p.setConfig({ customFeatures: ["sinn(x1)"] })',
    `customFeatures[0] "sinn(x1)": at column 1: unknown function 'sinn' (the functions are sin, cos, tan, exp, log, sqrt, abs, tanh, min, max)`,
  ],
  [
    'setConfig',
    'p.setConfig({ customFeatures: ["x1 * (x2"] })',
    `customFeatures[0] "x1 * (x2": at column 9: expected ')' to close the '(' at column 6, found the end of the formula`,
  ],
  ['setConfig', 'p.setConfig({ customFeatures: ["x3"] })', `customFeatures[0] "x3": at column 1: unknown variable 'x3' (use x1 and x2)`],
  ['setConfig', 'p.setConfig({ customFeatures: ["1/x1"] })', 'customFeatures[0]: 1 / x1 is infinite at (x1, x2) = (0, 6)'],
  ['setConfig', 'p.setConfig({ customFeatures: ["x1*x2", "x1 * x2"] })', 'customFeatures[1] is x1 * x2, the same formula as customFeatures[0]'],
  ['setConfig', 'p.setConfig({ customFeatures: Array(9).fill("x1") })', 'customFeatures allows at most 8 formulas, got 9'],
  [
    'setConfig',
    'p.setConfig({ customFeatures: "sin(x1)" })',
    'customFeatures must be a list of at most 8 formulas over x1 and x2, such as ["sin(3*x1)"], got "sin(x1)"',
  ],
  ['setConfig', 'p.setConfig({ customFeatures: ["x1".repeat(101)] })', 'customFeatures[0] "x1x1x1'],
  ['setConfig', 'p.setConfig({ datasetFormula: "exp(x1^3)" })', 'datasetFormula: exp(x1^3) is infinite at (x1, x2) = (4.5, 6)'],
  ['setConfig', 'p.setConfig({ datasetFormula: 42 })', 'datasetFormula must be a formula over x1 and x2, such as "sin(3*x1)", got 42'],
  ['setConfig', 'p.setConfig({ datasetFormula: "" })', 'datasetFormula "": the formula is empty: write one over x1 and x2, such as sin(3*x1)'],
  ['setConfig', 'p.setConfig({ loss: "hinge" })', 'loss must be one of squared, absolute, huber, binaryCrossEntropy, softmaxCrossEntropy'],
  [
    'setConfig',
    'p.setConfig({ problem: "regression", loss: "binaryCrossEntropy" })',
    'loss binaryCrossEntropy does not fit regression: use squared or absolute or huber',
  ],
  ['setConfig', 'p.setConfig({ initialization: "random" })', 'initialization must be one of uniform, xavier, he, zeros'],
  ['setConfig', 'p.setConfig({ schedule: "cosine" })', 'schedule must be one of constant, step, exponential'],
  ['setConfig', 'p.setConfig({ decayRate: 1.5 })', 'decayRate must be greater than 0 and at most 1, got 1.5'],
  ['setConfig', 'p.setConfig({ decayEpochs: 100001 })', 'decayEpochs must be a whole number from 1 to 100000, got 100001'],
  ['setConfig', 'p.setConfig({ stopAfter: -1 })', 'stopAfter must be a whole number from 0 to 4294967295'],
  ['setConfig', 'p.setConfig({ stopAtLoss: 1001 })', 'stopAtLoss must be between 0 and 1000, got 1001'],
  ['setConfig', 'p.setConfig({ optimizer: "adagrad" })', 'optimizer must be one of sgd, momentum, nesterov, rmsprop, adam'],
  [
    'setConfig',
    'p.setConfig({ momentum: 0.99999999 })',
    'momentum must be at least 0 and below 1, got 0.99999999 (that is 1 in single precision, the precision greymatter trains in)',
  ],
  ['setConfig', 'p.setConfig({ beta2: 2 })', 'beta2 must be at least 0 and below 1, got 2'],
  ['setConfig', 'p.setConfig({ epsilon: 0 })', 'epsilon must be greater than 0 and at most 1, got 0'],
  ['setConfig', 'p.setConfig({ seed: 2 ** 32 })', 'seed must be a whole number from 0 to 4294967295'],
  ['setConfig', 'p.setConfig({ dataSeed: "1" })', 'dataSeed must be a whole number from 0 to 4294967295, got "1"'],
  [
    'setConfig',
    'p.setConfig({ __proto__: { learningRate: 5 }, noise: 99 })',
    'the settings: (the whole value) is an object with a prototype of its own, not plain data',
  ],
  ['setConfig', 'p.setConfig(new Map([["learningRate", 0.1]]))', 'the settings: (the whole value) is a Map, not plain data'],
  ['setConfig', 'p.setConfig({ learningRate: () => 0.1 })', 'the settings: learningRate is a function, not plain data'],
  ['setConfig', 'p.setConfig({ learningRate: 1n })', 'the settings: learningRate is a bigint, not plain data'],
  ['setConfig', 'p.setConfig({ hidden: [Symbol("x")] })', 'the settings: hidden[0] is a symbol, not plain data'],
  ['setView', 'p.setView({ epochsPerFrame: 0 })', 'epochsPerFrame must be a whole number from 1 to 100, got 0'],
  ['setView', 'p.setView({ epochsPerFrame: 1.5 })', 'epochsPerFrame must be a whole number from 1 to 100, got 1.5'],
  ['setView', 'p.setView({ palette: "pink" })', 'palette must be one of default, colorblind, got "pink"'],
  ['setView', 'p.setView({ showTestData: "yes" })', 'showTestData must be true or false, got "yes"'],
  ['setView', 'p.setView({ hidden: ["nonsense"] })', `${CONTROLS}`],
  ['setView', 'p.setView({ hidden: "noise" })', /^hidden must be a list of controls from playButton, .*; got "noise"$/],
  ['setView', 'p.setView({ speed: 2 })', 'unknown view option "speed": use epochsPerFrame, showTestData, gradientLinks, discretize, palette, hidden, hideText'],
  ['setView', 'p.setView(null)', 'setView expects an object such as {discretize: true}'],
  ['setView', 'p.setView({ hideText: 1 })', 'hideText must be true or false, got 1'],
  ['setData', 'p.setData(null)', 'setData expects {train: [[x1, x2, label], …], test: […]} or an array of points'],
  ['setData', 'p.setData({ train: [[0, 0, 2.5]], test: [] })', 'train point 1: label 2.5 is not a class: a class is a whole number from 0 to 5'],
  ['setData', 'p.setData({ train: [[7, 0, 1]], test: [] })', 'train point 1: (7, 0) lies outside the plotted range [−6, 6]²'],
  ['setData', 'p.setData({ train: [[0, 0]], test: [] })', 'train point 1 must be [x1, x2, label], three finite numbers; got [0, 0]'],
  ['setData', 'p.setData({ train: [[NaN, 0, 1]], test: [] })', 'train point 1 must be [x1, x2, label], three finite numbers; got [NaN, 0, 1]'],
  ['setData', 'p.setData({ train: [[0, 0, 1]], test: [[0, 0, 7]] })', 'test point 1: label 7 is not a class: a class is a whole number from 0 to 5'],
  ['setData', 'p.setData([[0, 0, 1]], { trainRatio: 200 })', 'trainRatio must be a percentage from 0 to 100, got 200'],
  ['setData', 'p.setData({ train: [[0, 0, 1]], test: [], classNames: "cat" })', 'classNames must be a list of names (texts), one a class'],
  ['setData', 'p.setData({ train: [[0, 0, 1]], test: [], classNames: ["a", "b".repeat(41)] })', 'class name 2 is 41 bytes long; the most is 40'],
  ['setData', 'p.setData({ train: [[0, 0, 1]], tset: [] })', 'setData: unknown field "tset" (it takes train, test and classNames)'],
  ['openLesson', 'p.openLesson(null)', `a lesson file's format must be "greymatter-lesson", got null`],
  ['openLesson', 'p.openLesson("{")', /^the lesson file is not JSON \(/],
  ['openLesson', 'p.openLesson({ ...lesson, format: "other" })', `a lesson file's format must be "greymatter-lesson", got "other"`],
  ['openLesson', 'p.openLesson({ ...lesson, version: 99 })', 'lesson file version 99 is not supported (this build reads version 1)'],
  ['openLesson', 'p.openLesson({ ...lesson, config: { ...lesson.config, noise: 99 } })', 'noise must be between 0 and 50, got 99'],
  ['importModel', 'model.format = "keras"; p.importModel(model)', 'model format must be "greymatter-model", got "keras"'],
  ['importModel', 'model.version = 2; p.importModel(model)', 'model version 2 is not supported (this build reads version 1)'],
  ['importModel', 'model.features = []; p.importModel(model)', 'model features must name at least one input'],
  ['importModel', 'model.layers = []; p.importModel(model)', 'model has no layers'],
  ['importModel', 'model.layers[0].activation = "softmax"; p.importModel(model)', 'layer 1: softmax only fits the output layer'],
  ['importModel', 'model.layers[0].weights = [[1, 2]]; p.importModel(model)', 'layer 1: 1 weight rows but 4 biases'],
  ['importModel', 'model.layers[0].weights[0] = [1]; p.importModel(model)', 'layer 1: weight row 1 has 1 values, expected 2'],
  ['importModel', 'model.layers[0].weights[0][0] = Infinity; p.importModel(model)', 'the model file: layers[0].weights[0][0] is Infinity, not a finite number'],
  ['importModel', 'p.importModel(42)', 'a model file must be an object with format, version, problem, features and layers; got 42'],
  ['importModel', 'p.importModel("")', 'the model file is not JSON (Unexpected end of JSON input)'],
  ['importModel', 'p.importModel("[1,2]")', 'a model file must be an object with format, version, problem, features and layers; got an array'],
  ['importModel', 'p.importModel(new Date())', 'the model file: (the whole value) is a Date, not plain data'],
  ['importModel', 'delete model.layers; p.importModel(model)', 'missing field `layers`'],
  [
    'importModel',
    'model.layers[0].weights = "abc"; p.importModel(model)',
    'not a greymatter model file: layer 1: weights must be a list of lists of numbers (one list per neuron), got "abc"',
  ],
  ['importModel', 'model.layers[1].biases[0] = "1"; p.importModel(model)', 'not a greymatter model file: layer 2: biases[0] must be a number, got "1"'],
  ['openLesson', 'delete lesson.config; p.openLesson(lesson)', /^not a greymatter lesson file: missing field `config`$/],
  ['openLesson', 'lesson.epoch = "3"; p.openLesson(lesson)', 'not a greymatter lesson file: epoch must be a whole number, got "3"'],
];

/**
 * Runs `script` in the page (`model` a fresh exportModel(), `lesson` a fresh
 * saveLesson()); returns the message it threw and whether it was an Error, or null if
 * it did not throw.
 */
const attempt = (page, script) =>
  page.evaluate((source) => {
    const p = window.playground;
    const model = p.exportModel();
    const lesson = p.saveLesson();
    try {
      new Function('p', 'model', 'lesson', source)(p, model, lesson);
      return null;
    } catch (error) {
      return { message: error?.message, isError: error instanceof Error };
    }
  }, script);

describe('bad input at every door of the scripting API', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));
  before(() => page.evaluate(() => window.playground.pause()));

  for (const [door, script, message] of ROWS) {
    it(`${door}: ${script} is refused, changes nothing, and the page trains on`, async () => {
      const before = await snapshot(page);
      const got = await attempt(page, script);
      assert.ok(got?.isError, `${script} throws an Error (got ${JSON.stringify(got)})`);
      assertSays(got.message, message);
      await assertUnchangedAndTrains(page, page, before);
    });
  }

  it('predict([]) is []; a model as text with a byte order mark is read as the file input reads it', async () => {
    assert.deepEqual(await page.evaluate(() => window.playground.predict([])), []);
    const same = await page.evaluate(() => {
      const p = window.playground;
      const model = p.exportModel();
      model.layers[0].biases[0] = 0.5;
      p.importModel(`\uFEFF${JSON.stringify(model)}`);
      return p.exportModel().layers[0].biases[0];
    });
    assert.equal(same, 0.5);
    assert.deepEqual(page.problems, []);
  });

  it('setConfig({hidden}) with per-layer activations cuts them to the new layers, as the − button does', async () => {
    const config = await page.evaluate(() => {
      const p = window.playground;
      p.setConfig({ hidden: [4, 2], layerActivations: ['relu', 'sigmoid'] });
      p.setConfig({ hidden: [3] });
      return p.config;
    });
    assert.deepEqual([config.hidden, config.layerActivations], [[3], ['relu']]);
    await page.evaluate(() => window.playground.setConfig({ hidden: [4, 2], layerActivations: [] }));
    assert.deepEqual(page.problems, []);
  });
});
