// TypeScript declarations for greymatter.js: the <greymatter-playground> element and its
// scripting API (docs/embedding.md, docs/scripting.md and docs/api.md). The parts between
// GENERATED markers are written by `node scripts/types.mjs`: the settings' types from the
// core's schema (configSchema()), the `GreymatterApi` interface from the table of
// scripting members (www/js/element/methods.js); `make test` checks they are up to date.

// GENERATED from configSchema() by scripts/types.mjs — do not edit by hand.
export type Activation = "relu" | "tanh" | "sigmoid" | "linear" | "leakyRelu" | "elu" | "swish" | "gelu" | "softplus" | "mish" | "sine";
export type Feature = "x1" | "x2" | "x1Squared" | "x2Squared" | "x1x2" | "sinX1" | "sinX2";
export type Dataset = "circle" | "xor" | "gauss" | "spiral" | "plane" | "multigauss" | "formula" | "own";
export type Regularization = "none" | "l1" | "l2";
export type Problem = "classification" | "regression";
export type Loss = "squared" | "absolute" | "huber" | "binaryCrossEntropy" | "softmaxCrossEntropy";
export type Initialization = "uniform" | "xavier" | "he" | "zeros";
export type Schedule = "constant" | "step" | "exponential";
export type Optimizer = "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam";
export type Palette = "default" | "colorblind";
/** A control a classroom flag or the `controls` attribute names. */
export type ControlName = "playButton" | "stepButton" | "resetButton" | "newWeights" | "newData" | "modelFile" | "lessonFile" | "startFresh" | "dataFile" | "share" | "stepThrough" | "layerSees" | "drawPoints" | "dataset" | "noise" | "trainRatio" | "batchSize" | "learningRate" | "activation" | "regularization" | "regularizationRate" | "dropout" | "hidden" | "customFeatures" | "problem" | "classes" | "loss" | "initialization" | "schedule" | "decayRate" | "decayEpochs" | "stopAfter" | "stopAtLoss" | "optimizer" | "momentum" | "rmsDecay" | "beta1" | "beta2" | "epsilon" | "datasetFormula" | "epochsPerFrame" | "showTestData" | "gradientLinks" | "discretize" | "palette" | "x1" | "x2" | "x1Squared" | "x2Squared" | "x1x2" | "sinX1" | "sinX2";

/** Every setting of a playground (docs/scripting.md, "Config"). */
export interface GreymatterConfig {
  /** Dataset; default "circle"; a change: regenerated. */
  dataset: Dataset;
  /** Noise; at least 0, at most 50; default 0; a change: regenerated. */
  noise: number;
  /** Ratio of training to test data; at least 10, at most 90; default 50; a change: regenerated. */
  trainRatio: number;
  /** Batch size; a whole number, at least 1, at most 500; default 10; a change: kept. */
  batchSize: number;
  /** Learning rate; greater than 0, at most 10; default 0.03; a change: kept. */
  learningRate: number;
  /** Activation; default "tanh"; a change: reset. */
  activation: Activation;
  /** Activation of each hidden layer; default []; a change: reset. */
  layerActivations: Activation[];
  /** Regularization; default "none"; a change: kept. */
  regularization: Regularization;
  /** Regularization rate; at least 0, at most 10; default 0; a change: kept. */
  regularizationRate: number;
  /** Dropout rate of each hidden layer; one per hidden layer (at most 16), each from 0 to 0.9; default []; a change: kept. */
  dropout: number[];
  /** Hidden layers; at most 16 layers of 1 to 64 neurons; default [4,2]; a change: reset. */
  hidden: number[];
  /** Inputs; default ["x1","x2"]; a change: reset. */
  features: Feature[];
  /** Formula inputs; at most 8 formulas over x1 and x2, each of at most 200 characters; default []; a change: reset. */
  customFeatures: string[];
  /** Problem type; default "classification"; a change: regenerated. */
  problem: Problem;
  /** Classes; a whole number, at least 2, at most 6; default 2; a change: regenerated. */
  classes: number;
  /** Loss; default "squared"; a change: resetIfOutputLayerChanges. */
  loss: Loss;
  /** Starting weights; default "uniform"; a change: reset. */
  initialization: Initialization;
  /** Rate schedule; default "constant"; a change: kept. */
  schedule: Schedule;
  /** Decay γ; greater than 0, at most 1; default 0.5; a change: kept. */
  decayRate: number;
  /** every k epochs; a whole number, at least 1, at most 100000; default 100; a change: kept. */
  decayEpochs: number;
  /** Stop after (epochs, 0 = never); a whole number, at least 0, at most 4294967295; default 0; a change: kept. */
  stopAfter: number;
  /** Stop at loss; at least 0, at most 1000; default 0; a change: kept. */
  stopAtLoss: number;
  /** Optimizer; default "sgd"; a change: kept. */
  optimizer: Optimizer;
  /** Momentum μ; at least 0, below 1; default 0.9; a change: kept. */
  momentum: number;
  /** Decay ρ; at least 0, below 1; default 0.9; a change: kept. */
  rmsDecay: number;
  /** β₁; at least 0, below 1; default 0.9; a change: kept. */
  beta1: number;
  /** β₂; at least 0, below 1; default 0.999; a change: kept. */
  beta2: number;
  /** ε; greater than 0, at most 1; default 1e-8; a change: kept. */
  epsilon: number;
  /** Seed; a whole number, at least 0, at most 4294967295; default 1; a change: reset. */
  seed: number;
  /** Data seed; a whole number, at least 0, at most 4294967295; default 1; a change: newData. */
  dataSeed: number;
  /** Samples; a whole number, at least 10, at most 5000; default 500; a change: regenerated. */
  samples: number;
  /** f(x₁, x₂); a formula over x1 and x2 of at most 200 characters; default "x2 - 3 * sin(x1)"; a change: regenerated. */
  datasetFormula: string;
}

/** How a playground shows its run (docs/scripting.md, "Members": `view`). */
export interface GreymatterView {
  /** Speed; a whole number, at least 1, at most 100; default 1. */
  epochsPerFrame: number;
  /** Show test data; default false. */
  showTestData: boolean;
  /** Colour links by the gradient ∂J/∂w instead of the weight; default false. */
  gradientLinks: boolean;
  /** Discretize output; default false. */
  discretize: boolean;
  /** Colour-blind-safe colours; default "default". */
  palette: Palette;
  /** The controls a classroom hid. */
  hidden: ControlName[];
  /** Whether the page's own text is hidden. */
  hideText: boolean;
}

/** The attributes of <greymatter-playground> (docs/embedding.md, "Attributes"): every value is text. */
export interface GreymatterAttributes {
  "dataset"?: string;
  "noise"?: string;
  "train-ratio"?: string;
  "batch-size"?: string;
  "learning-rate"?: string;
  "activation"?: string;
  "layer-activations"?: string;
  "regularization"?: string;
  "regularization-rate"?: string;
  "dropout"?: string;
  "hidden-layers"?: string;
  "features"?: string;
  "custom-features"?: string;
  "problem"?: string;
  "classes"?: string;
  "loss"?: string;
  "initialization"?: string;
  "schedule"?: string;
  "decay-rate"?: string;
  "decay-epochs"?: string;
  "stop-after"?: string;
  "stop-at-loss"?: string;
  "optimizer"?: string;
  "momentum"?: string;
  "rms-decay"?: string;
  "beta1"?: string;
  "beta2"?: string;
  "epsilon"?: string;
  "seed"?: string;
  "data-seed"?: string;
  "samples"?: string;
  "dataset-formula"?: string;
  "epochs-per-frame"?: string;
  "show-test-data"?: string;
  "gradient-links"?: string;
  "discretize"?: string;
  "palette"?: string;
  "config"?: string;
  "link"?: string;
  "layout"?: string;
  "controls"?: string;
  "theme"?: string;
  "autoplay"?: string;
  "sync-url"?: string;
  "src"?: string;
  "data"?: string;
  "persist"?: string;
}
// END GENERATED

/** What a config change did: only training settings changed, new points, a new network, or both. */
export type Outcome = 'kept' | 'newData' | 'reset' | 'regenerated';

/** Counts of values in equal bins from `from` to `to` (the last bin closed); values not finite are counted apart. */
export interface GreymatterHistogram {
  from: number;
  to: number;
  counts: number[];
  nonFinite: number;
}

/** One hidden layer's histograms. */
export interface GreymatterLayerHistograms {
  activation: string;
  /** Its incoming weights, over ±max|β|. */
  weights: GreymatterHistogram;
  /** Every neuron's output at every training point: tanh −1…1, sigmoid 0…1, else the data's range. */
  activations: GreymatterHistogram;
}

/** What two neurons of a hidden layer see: flat pairs (a_first, a_second). */
export interface GreymatterLayerPlane {
  layer: number;
  neurons: [number, number];
  /** `lineCount` lines of `lineSamples` pairs: first the lines of constant x2, then those of constant x1. */
  lines: number[];
  lineCount: number;
  lineSamples: number;
  /** One pair per training point, in the order of getData().train. */
  points: number[];
  labels: number[];
}

/** A partial config for `setConfig`: any of the keys. */
export type ConfigPatch = Partial<GreymatterConfig>;

/** A partial view for `setView`: any of the options. */
export type ViewPatch = Partial<GreymatterView>;

/** The numbers of the run (a fresh object each time). */
export interface GreymatterState {
  /** Epochs trained since the network was built or reset (completed ones). */
  epoch: number;
  /** How far the epoch under way is, 0 to below 1: its share of batches trained (0 between epochs). */
  epochProgress: number;
  /** Mean loss over the training points (without the regularization term). */
  trainLoss: number;
  /** Mean loss over the test points. */
  testLoss: number;
  /** Accuracy (0 to 1) or R² on the training points, as `metric` says. */
  trainMetric: number;
  /** Accuracy or R² on the test points. */
  testMetric: number;
  metric: 'accuracy' | 'r2';
  /** `""` while training is healthy, else why it stopped, in plain words. */
  divergence: string;
  /** True once a stop condition is met (`stopAfter` epochs, or the training loss at `stopAtLoss` or below). */
  finished: boolean;
  /** The sentence that says which stop condition was met; `""` until then. */
  stopReason: string;
  /** The learning rate the next epoch uses, after the schedule. */
  currentLearningRate: number;
}

/** One layer of a model file: weights `[neuron][input]`, one bias per neuron. */
/** The dropout of one training batch (`lastDropout()`). */
export interface GreymatterDropout {
  /** The batch's training points, as indices into getData().train. */
  samples: number[];
  /** Every hidden layer: its rate p, 1/(1 − p), and masks[neuron][sample]. */
  layers: { rate: number; keptScale: number; masks: number[][] }[];
}

export interface ModelLayer {
  activation: string;
  weights: number[][];
  biases: number[];
}

/** A greymatter model file (docs/model-file.md). */
export interface GreymatterModel {
  format: 'greymatter-model';
  version: 1;
  /** Which greymatter wrote the file: "greymatter 0.1.0" (read, never checked). */
  writer?: string;
  problem: 'classification' | 'regression';
  features: Feature[];
  layers: ModelLayer[];
}

/** A greymatter lesson file: the whole run (docs/lesson-file.md). */
export interface GreymatterLesson {
  format: 'greymatter-lesson';
  version: 1;
  /** Which greymatter wrote the file: "greymatter 0.1.0" (read, never checked). */
  writer?: string;
  /** Every setting (missing ones take their defaults). */
  config: Partial<GreymatterConfig>;
  /** The view options (without the classroom flags). */
  view?: Partial<Omit<GreymatterView, 'hidden' | 'hideText'>>;
  classroom?: { hidden?: ControlName[]; hideText?: boolean };
  /** The own points, when there are any. */
  data?: { train: [number, number, number][]; test: [number, number, number][]; classNames?: string[] };
  /** The trained network, a model file. */
  model: GreymatterModel;
  epoch: number;
  /** `[epoch, training loss, test loss]` rows; a loss is null when its set is empty. */
  history?: [number, number | null, number | null][];
  /** What the optimizer and the shuffling remember, to train on exactly. */
  resume?: { first: number[]; second: number[]; steps: number; shufflePosition: string };
}

// GENERATED from the scripting members (www/js/element/methods.js) by scripts/types.mjs — do not edit by hand.
/** The scripting API: the element's methods, `window.playground` on the full page, the iframe's messages. */
export interface GreymatterApi {
  /** Resolves once the core is loaded, the setup applied and the first picture drawn; rejects, saying why, if the playground could not start. */
  readonly ready: Promise<void>;
  /** greymatter's version ("0.1.0"), as its core says; null until ready. */
  readonly version: string | null;
  /** Starts training, `view.epochsPerFrame` epochs per animation frame; may be called before ready. */
  play(): void;
  /** Stops training after the current frame. */
  pause(): void;
  /** True while it plays; training also pauses by itself when the loss diverges. */
  readonly playing: boolean;
  /** Pauses, trains `view.epochsPerFrame` epochs and resolves with the state once drawn. */
  step(): Promise<GreymatterState>;
  /** Pauses and puts the network back to the starting weights of its seed: epoch 0, the data kept. */
  reset(): void;
  /** The numbers of the run: epoch, losses, accuracy or R², divergence and stop (a fresh object). */
  readonly state: GreymatterState;
  /** The full config (a copy). */
  readonly config: GreymatterConfig;
  /** Changes the keys given; throws an Error naming the field on refusal (nothing changes). */
  setConfig(partial: ConfigPatch): Outcome;
  /** The view options (a copy). */
  readonly view: GreymatterView;
  /** Changes the view options given, as the page's controls do; throws (and shows) a refusal, changing nothing. */
  setView(partial: ViewPatch): void;
  /** Shows node `node` in the big heatmap (null: the output). */
  showNode(node: number | null): void;
  /** Sets one weight, `layers[layer].weights[neuron][input]` as in the model file; it takes effect at once. */
  setWeight(layer: number, neuron: number, input: number, value: number): void;
  /** Sets one bias, `layers[layer].biases[neuron]` as in the model file; it takes effect at once. */
  setBias(layer: number, neuron: number, value: number): void;
  /** Opens the neuron inspector on a neuron (layers as in setWeight; null closes it). */
  inspectNeuron(layer: number | null, neuron?: number): void;
  /** One output per point, or k class probabilities per point for a softmax output. */
  predict(points: ReadonlyArray<readonly [number, number]>): number[] | number[][];
  /** Counts per true class (rows) and predicted class (columns), of the test points unless `set` is 'train'. */
  confusionMatrix(set?: 'train' | 'test'): number[][];
  /** The dropout of the last trained batch: per hidden layer, masks[neuron][sample] (0 dropped, keptScale kept); null when none. */
  lastDropout(): GreymatterDropout | null;
  /** Per hidden layer: histograms (20 bins) of its weights and of its activations over the training points, without dropout. */
  layerHistograms(): GreymatterLayerHistograms[];
  /** The input plane's grid lines and the training points as two neurons of a hidden layer see them (layers and neurons from 0). */
  layerPlane(layer: number, first: number, second: number): GreymatterLayerPlane;
  /** The points trained on now (a copy). */
  getData(): GreymatterData;
  /** Trains on own points: by set, or one list split by `trainRatio` percent; throws (and changes nothing) on refusal. */
  setData(data: GreymatterData | ReadonlyArray<PointRow>, options?: { trainRatio?: number }): 'newData' | 'regenerated';
  /** Trains on the points of a CSV/TSV text; refusals name the line and the column (nothing changes). */
  importCsv(text: string, options?: { fitToView?: boolean }): CsvReport;
  /** The points trained on now as CSV text: x1,x2,label,set. */
  exportCsv(): string;
  /** The full page's address for this setup (own points included; the trained weights and epoch with `weights`). */
  shareLink(options?: { weights?: boolean }): string;
  /** The current network as a model object, ready for `JSON.stringify`. */
  exportModel(): GreymatterModel;
  /** The run as a script that rebuilds and trains it further; rejects naming a setting the target cannot express. */
  exportCode(target: 'numpy' | 'pytorch' | 'tfjs'): Promise<{ target: string; fileName: string; code: string }>;
  /** Loads a model object or its JSON text; throws (and changes nothing) on refusal. */
  importModel(model: GreymatterModel | string): void;
  /** The whole run as a lesson file object (docs/lesson-file.md). */
  saveLesson(): GreymatterLesson;
  /** Opens a lesson file object or its JSON text; throws (and changes nothing) on refusal. */
  openLesson(lesson: GreymatterLesson | string): void;
}
// END GENERATED

/** One point: x1, x2 and its label (−1/+1 or 0…k−1 for classes, the value for regression). */
export type PointRow = readonly [number, number, number];

/** What `importCsv` read. */
export interface CsvReport {
  change: 'newData' | 'reset';
  train: number;
  test: number;
  /** Points the file gave no set, split by the train ratio. */
  withoutSet: number;
  classes: number;
  classNames: string[];
  /** The factor the coordinates were scaled by to fit [−6, 6]², when "fit to view" had to. */
  scaledBy: number | null;
  /** The factor regression values were scaled by to fit [−1, 1]. */
  valuesScaledBy: number | null;
}

/** Points by set, as `getData` gives them and `setData` takes them. */
export interface GreymatterData {
  train: PointRow[];
  test: PointRow[];
  /** The names of the classes, when they have names (from a CSV). */
  classNames?: string[];
}

/** `detail` of the element's events. */
export interface GreymatterEventDetail {
  ready: { config: GreymatterConfig; state: GreymatterState };
  epoch: Pick<GreymatterState, 'epoch' | 'trainLoss' | 'testLoss' | 'trainMetric' | 'testMetric' | 'metric'>;
  configchange: { config: GreymatterConfig; outcome: Outcome };
  viewchange: { view: GreymatterView };
  diverge: { message: string; epoch: number };
  error: {
    message: string;
    /** Where it came from: a refused setting, the attributes or address, a model file, a crash of the core, … */
    source: 'setting' | 'setup' | 'attribute' | 'model' | 'lesson' | 'data' | 'crash' | 'training' | 'start';
    /** For a crash: whether the core was restarted, and whether the last good network came back. */
    recovered?: boolean;
    restored?: boolean;
  };
}

export type GreymatterEventMap = { [K in keyof GreymatterEventDetail]: CustomEvent<GreymatterEventDetail[K]> };

/** `<greymatter-playground>`: one playground in a shadow root; its members are the API's (merged below). */
export declare class GreymatterPlayground extends HTMLElement {
  /**
   * The folder greymatter's files are loaded from (`pkg/` and `css/` below it), for hosts
   * that move them; `null` (the default) finds them next to greymatter.js. Set it before
   * the first element starts; setting it later throws.
   */
  static basePath: string | null;
  /** The frozen API object (the same members as the element's). */
  readonly api: GreymatterApi;

  addEventListener<K extends keyof GreymatterEventMap>(
    type: K, listener: (this: GreymatterPlayground, event: GreymatterEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GreymatterEventMap>(
    type: K, listener: (this: GreymatterPlayground, event: GreymatterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// The element has every member of the API as its own.
export interface GreymatterPlayground extends GreymatterApi {}

/** One setting where B differs from A, its values in words (docs/embedding.md, "Comparing two runs"). */
export interface GreymatterDifference {
  key: keyof GreymatterConfig;
  /** The setting's label, as in a sentence: "learning rate". */
  label: string;
  a: string;
  b: string;
}

/** One row of a chart curve: the epoch, its training loss and its test loss (null: not measured). */
export type LossRow = [epoch: number, trainLoss: number | null, testLoss: number | null];

/** `detail` of a comparison's events. */
export interface GreymatterCompareEventDetail {
  ready: {
    a: { config: GreymatterConfig; state: GreymatterState };
    b: { config: GreymatterConfig; state: GreymatterState };
    differences: GreymatterDifference[];
  };
  /** After each round of both (play or step): the two states, at the same epoch unless one was reset. */
  epoch: { a: GreymatterState; b: GreymatterState };
  configchange: { a: GreymatterConfig; b: GreymatterConfig; differences: GreymatterDifference[] };
  /** `setup`: the attributes when it starts; `attribute`: a changed `b`; `training`: a round stopped both. */
  error: { message: string; source: 'setup' | 'attribute' | 'training' | 'start' };
}

export type GreymatterCompareEventMap = { [K in keyof GreymatterCompareEventDetail]: CustomEvent<GreymatterCompareEventDetail[K]> };

/** The attributes of <greymatter-compare>: every value is text. */
export interface GreymatterCompareAttributes {
  /** A JSON object of config keys, for both runs. */
  config?: string;
  /** A share link for both runs; its compare part (`compare=true&b.…`) sets B's differences. */
  link?: string;
  /** A JSON object of the config keys where B differs: `'{"learningRate": 0.3}'`. */
  b?: string;
  /** The settings shown under B, as a playground's `controls`: `"learning-rate, activation"` (default: every training setting). */
  controls?: string;
  theme?: string;
  autoplay?: string;
  'sync-url'?: string;
}

/** `<greymatter-compare>`: two playgrounds, A and B, trained in lockstep (docs/embedding.md, "Comparing two runs"). */
export declare class GreymatterCompare extends HTMLElement {
  /** Resolves once both playgrounds are up and B's differences applied. */
  readonly ready: Promise<void>;
  /** The pinned run. */
  readonly a: GreymatterPlayground;
  /** The run with the changed settings. */
  readonly b: GreymatterPlayground;
  readonly playing: number;
  /** Every setting where B differs from A, in address order. */
  readonly differences: GreymatterDifference[];
  /** The chart's curves, a copy. */
  readonly curves: { a: LossRow[]; b: LossRow[] };
  play(): void;
  pause(): void;
  /** One step of both; resolves once both show it. */
  step(): Promise<{ a: GreymatterState; b: GreymatterState }>;
  /** Both back to their starting weights, epoch 0. */
  reset(): Promise<void>;
  /** Pins `lesson` as A and opens B as its copy with `changes` applied; a refused change rejects, B stays A's copy. */
  pin(lesson: GreymatterLesson, changes?: Partial<GreymatterConfig>): Promise<void>;
  /** The full page's address of this comparison. */
  shareLink(): string;

  addEventListener<K extends keyof GreymatterCompareEventMap>(
    type: K, listener: (this: GreymatterCompare, event: GreymatterCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GreymatterCompareEventMap>(
    type: K, listener: (this: GreymatterCompare, event: GreymatterCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'greymatter-playground': GreymatterPlayground;
    'greymatter-compare': GreymatterCompare;
  }
  interface Window {
    /** The full page's playground (index.html only). */
    playground?: GreymatterApi;
  }
}
