// The facade over one playground's wasm core: the only module that calls the core's
// methods. Everything else asks it for plain data (numbers, arrays, objects) and gets
// it back; the one exception is `pictures()`, whose typed arrays are views of wasm
// memory, valid until the next call into the core (any Rust allocation may move that
// memory), so they are drawn at once. Every object a caller hands the core is copied
// into plain data first (state/plain-data.js): a cycle, a Proxy or a throwing getter is
// refused here, never read inside a wasm call. Every call goes through Engine.call,
// which turns refusals into Errors and a crash into a restart (CoreCrash).

import { Engine, CoreCrash } from './engine.js';
import { plainData, plainDocument, SETTINGS } from '../state/plain-data.js';

export { CoreCrash };

/** "train" or "test", else a readable refusal. */
function setName(set) {
  if (set !== 'train' && set !== 'test') throw new Error(`the set must be 'train' or 'test', got ${JSON.stringify(set)}`);
  return set;
}

export class Core {
  /** @param {{onRestart: (info: object) => void}} hooks told once a crashed core is back */
  constructor(hooks) {
    this.engine = new Engine(hooks);
    /** Device pixels per side the big heatmap was last asked at (null until asked). */
    this.heatmapAsked = null;
  }

  /** Loads this playground's instance of the core (the compiled module is shared). */
  load() {
    return this.engine.load();
  }

  /** The restart under way after a crash (a Promise), or null. */
  get restarting() {
    return this.engine.restarting;
  }

  /** What a restart rebuilds from: `{config, parameters, epoch}`. */
  get lastGood() {
    return this.engine.lastGood;
  }

  // ---- the package's free functions ---------------------------------------

  /** greymatter's version ("0.1.0"): the one Cargo.toml gives the core. */
  version() {
    return this.engine.call((_, glue) => glue.version());
  }

  defaultConfig() {
    return this.engine.call((_, glue) => glue.defaultConfig());
  }

  limits() {
    return this.engine.call((_, glue) => glue.limits());
  }

  /** The names of the losses that fit `problem` with `classes` classes. */
  lossesFor(problem, classes) {
    return this.engine.call((_, glue) => Array.from(glue.lossesFor(problem, classes)));
  }

  /** The settings schema: every config key and view option (see state/schema.js). */
  configSchema() {
    return this.engine.call((_, glue) => glue.configSchema());
  }

  /** The colours of palette `name`: `{name, negative, neutral, positive, classes}`. */
  paletteColours(name) {
    return { name, ...this.engine.call((_, glue) => glue.paletteColors(name)) };
  }

  /** `[x1, x2, label, …]` of a small noise-free sample of dataset `name`. */
  datasetPreview(name, classes) {
    return this.engine.call((_, glue) => glue.datasetPreview(name, classes));
  }

  /** `[x1, x2, label, …]` of a small noise-free sample of the formula dataset with formula `text`. */
  formulaPreview(text, problem, classes) {
    return this.engine.call((_, glue) => glue.formulaPreview(text, problem, classes));
  }

  /** Formula `text` in its canonical form; throws its refusal (with the column). */
  formulaText(text) {
    return this.engine.call((_, glue) => glue.formulaText(text));
  }

  randomSeed() {
    return this.engine.call((_, glue) => glue.randomSeed());
  }

  /** Makes the core panic (a test hook); throws CoreCrash. */
  panic(text) {
    this.engine.call((_, glue) => glue.panicForTesting(String(text)));
  }

  // ---- the playground: config, training, numbers --------------------------

  /** Builds the playground for `config` (a full or partial config); on refusal the current one stays. */
  create(config) {
    this.engine.create(plainData(config, 'the config', SETTINGS));
  }

  config() {
    return this.engine.call((p) => p.config());
  }

  /** Applies a partial config; returns "kept", "newData", "reset" or "regenerated"; on refusal nothing changes. */
  setConfig(patch) {
    const plain = plainData(patch, 'the settings', SETTINGS);
    return this.engine.call((p) => p.setConfig(plain));
  }

  /** Trains up to `epochs` epochs (an epoch under way counts as one); returns how many it trained. */
  train(epochs) {
    return this.engine.call((p) => p.train(epochs));
  }

  /**
   * Trains up to `batches` mini-batches, going on with the epoch under way, then measures
   * its losses a slice per call; returns the batches' worth of work done (fewer: training
   * stopped, or an epoch was counted).
   */
  trainBatches(batches) {
    return this.engine.call((p) => p.trainBatches(batches));
  }

  /**
   * `{perEpoch, done, epoch}`: batches in an epoch, batches trained of the epoch under way
   * (all of them while its losses are measured), and epochs counted.
   */
  batchProgress() {
    return this.engine.call((p) => ({ perEpoch: p.batchesPerEpoch, done: p.epochBatchesDone, epoch: p.epoch }));
  }

  reset() {
    this.engine.call((p) => p.reset());
  }

  /**
   * The numbers of the run: epoch (completed) and progress within the next, losses, metrics, divergence, whether a stop condition
   * was met and why (`stopReason`, "" while training may go on), current learning rate.
   */
  numbers() {
    return this.engine.call((p) => ({
      epoch: p.epoch,
      epochProgress: p.batchesPerEpoch > 0 ? p.epochBatchesDone / p.batchesPerEpoch : 0,
      trainLoss: p.trainLoss,
      testLoss: p.testLoss,
      trainMetric: p.trainMetric,
      testMetric: p.testMetric,
      metric: p.metricName,
      divergence: p.divergence,
      finished: p.finished,
      stopReason: p.stopReason ?? '',
      currentLearningRate: p.currentLearningRate,
    }));
  }

  /** The points as flat `[x1, x2, label, …]` arrays (copies). */
  points() {
    return this.engine.call((p) => ({ train: p.trainPoints(), test: p.testPoints() }));
  }

  // ---- own points ---------------------------------------------------------

  /** The names of the own points' classes ([] for "class 0", "class 1", …). */
  classNames() {
    return this.engine.call((p) => Array.from(p.classNames));
  }

  /**
   * Trains on own points from now on: `{train, test, points, trainRatio, classNames}`
   * with flat `[x1, x2, label, …]` Float32Arrays (`points` are split by `trainRatio`).
   * The classes become what the points need unless `keepClasses`. Returns "newData",
   * or "reset" when the output layer changed; on refusal nothing changes.
   */
  setData({ train, test, points, trainRatio, classNames = [] }, keepClasses = false) {
    const none = new Float32Array();
    const names = plainData(classNames, 'the class names', SETTINGS);
    return this.engine.call((p) => p.setData(train ?? none, test ?? none, points ?? none, trainRatio, names, keepClasses));
  }

  /** Trains on the points of a CSV/TSV text; returns what it read (see the core's importCsv); refusals name the line and column. */
  importCsv(text, fitToView) {
    return this.engine.call((p) => p.importCsv(text, fitToView));
  }

  /** The points trained on now as CSV text (x1,x2,label,set). */
  exportCsv() {
    return this.engine.call((p) => p.exportCsv());
  }

  /** Draws points at `positions` (flat [x1, x2, …]) with `label` into `target` ("train", "test", "split"). */
  addPoints(positions, label, target, continues) {
    return this.engine.call((p) => p.addPoints(Float32Array.from(positions), label, target, continues));
  }

  /** Erases the points of `sets` ({train, test}) within `radius` of (x1, x2); returns how many. */
  erasePoints(x1, x2, radius, { train, test }, continues) {
    return this.engine.call((p) => p.erasePoints(x1, x2, radius, train, test, continues));
  }

  clearPoints() {
    return this.engine.call((p) => p.clearPoints());
  }

  undoPoints() {
    return this.engine.call((p) => p.undoPoints());
  }

  redoPoints() {
    return this.engine.call((p) => p.redoPoints());
  }

  /** `{undo, redo}`: whether an edit of the points can be undone, and redone. */
  pointsHistory() {
    const [undo, redo] = this.engine.call((p) => p.pointsHistory);
    return { undo: Boolean(undo), redo: Boolean(redo) };
  }

  // ---- share links ----------------------------------------------------------

  /** The share link's `points=` text for the own points, or undefined when another dataset is chosen. */
  linkPoints() {
    return this.engine.call((p) => p.linkPoints);
  }

  /** Trains on the own points of a `points=` text (the config's classes kept); on refusal nothing changes. */
  setLinkPoints(text) {
    return this.engine.call((p) => p.setLinkPoints(text));
  }

  /** The share link's `weights=` text: the current weights and epoch, bit for bit. */
  linkWeights() {
    return this.engine.call((p) => p.linkWeights);
  }

  /** Puts the weights and epoch of a `weights=` text in place; on refusal nothing changes. */
  setLinkWeights(text) {
    this.engine.call((p) => p.setLinkWeights(text));
  }

  // ---- whole runs -----------------------------------------------------------

  /** The playground as a lesson file object, with `view` and `classroom` ({hidden, hideText}). */
  lesson(view, classroom) {
    const options = plainData(view, 'the view', SETTINGS);
    const flags = plainData(classroom, 'the classroom flags', SETTINGS);
    return this.engine.call((p) => p.lesson(options, flags));
  }

  /** Opens a lesson file object (settings, points, network, epoch, history); on refusal nothing changes. */
  openLesson(lesson) {
    const plain = plainDocument(lesson, 'the lesson file');
    this.engine.call((p) => p.openLesson(plain));
  }

  /** Number of nodes with a picture (features, neurons, outputs) and of output neurons. */
  shape() {
    return this.engine.call((p) => ({ nodes: p.nodeCount(), outputs: p.outputCount }));
  }

  // ---- pictures -----------------------------------------------------------

  setPalette(palette) {
    this.engine.call((p) => p.setPalette(palette));
  }

  /** Draws in palette `palette` with other colours of −1, 0 and +1: `ends` = [r, g, b, r, g, b, r, g, b]. */
  setPaletteEnds(palette, ends) {
    this.engine.call((p) => p.setPaletteEnds(palette, Uint8Array.from(ends)));
  }

  setDiscretize(discretize) {
    this.engine.call((p) => p.setDiscretize(discretize));
  }

  /** Which node the big heatmap shows (null: the output, or the class map). */
  setHeatmapNode(node) {
    this.engine.call((p) => (node === null ? p.setHeatmapNode() : p.setHeatmapNode(node)));
  }

  /**
   * Renders every picture and hands `draw` views of wasm memory: `{heatmap, heatmapSize,
   * thumbnails, thumbnailSize, parameters}` (Uint8ClampedArray RGBA and the weights as
   * a Float32Array), valid only inside `draw`. `gradient`: pass the full-batch gradient
   * (a copy) as `parameters` instead of the weights. `heatmapSize`, `thumbnailSize`:
   * the device pixels each picture is shown at (the core computes it at that many cells
   * a side, at most its full grid); unknown (0) keeps the size asked before. `live`:
   * training plays, so the core may compute the big heatmap at fewer cells (within its
   * work budget); `heatmapSize` says how many it did.
   */
  pictures(draw, { gradient = false, heatmapSize = 0, thumbnailSize = 0, live = false } = {}) {
    const { engine } = this;
    if (heatmapSize) this.heatmapAsked = heatmapSize;
    return engine.call((p) => {
      p.setPictureSizes(this.heatmapAsked ?? p.heatmapSize(), thumbnailSize || p.thumbnailSize());
      p.setHeatmapLive(live);
      p.render();
      const view = (Type, pointer, length) => new Type(engine.memory.buffer, pointer, length);
      return draw({
        heatmap: () => view(Uint8ClampedArray, p.heatmapPtr(), p.heatmapLen()),
        heatmapSize: p.heatmapSize(),
        thumbnails: () => view(Uint8ClampedArray, p.thumbnailsPtr(), p.thumbnailsLen()),
        thumbnailSize: p.thumbnailSize(),
        parameters: () => (gradient ? p.gradient() : view(Float32Array, p.parametersPtr(), p.parametersLen())),
      });
    });
  }

  // ---- weights ------------------------------------------------------------

  /** One weight or bias by its place in the core's parameter buffer (weights, then biases, layer by layer). */
  parameterAt(offset) {
    const { engine } = this;
    return engine.call((p) => new Float32Array(engine.memory.buffer, p.parametersPtr(), p.parametersLen())[offset]);
  }

  /** Sets a diagram target: `{kind: 'weight', layer, neuron, input}` or `{kind: 'bias', layer, neuron}`. */
  setParameter(target, value) {
    this.engine.call((p) => {
      if (target.kind === 'bias') p.setBias(target.layer, target.neuron, value);
      else p.setWeight(target.layer, target.neuron, target.input, value);
    });
  }

  /** Remembers the own points a restart after a crash should bring back (null: none). */
  rememberPoints(points) {
    this.engine.lastGood.points = points;
  }

  /** Remembers the config and the weights a restart after a crash should bring back. */
  remember(config, epoch) {
    this.engine.rememberConfig(config);
    this.engine.snapshot(epoch);
  }

  /** Remembers the current weights (after training or an edit) for a restart. */
  snapshot(epoch) {
    this.engine.snapshot(epoch);
  }

  // ---- looking inside -----------------------------------------------------

  /** Every number of one sample's forward and backward pass (see the core's SampleInspection). */
  inspectSample(index, set) {
    return this.engine.call((p) => p.inspectSample(index, setName(set)));
  }

  /**
   * What the neuron inspector shows of neuron `neuron` in layer `layer` for one sample:
   * the sample's pass, the neuron's layer, its inputs, incoming weights and bias; null
   * when the neuron does not exist.
   */
  inspectNeuron(layer, neuron, index, set) {
    return this.engine.call((p) => {
      const sample = p.inspectSample(index, setName(set));
      const here = sample.layers[layer];
      if (!here || neuron >= here.z.length) return null;
      const parameters = p.parameters();
      const inputs = layer === 0 ? sample.inputs : sample.layers[layer - 1].a;
      const weights = inputs.map((_, input) => parameters[p.parameterIndex(layer, neuron, input)]);
      const bias = parameters[p.biasIndex(layer, neuron)];
      return { sample, here, inputs, weights, bias, output: layer === sample.layers.length - 1, loss: p.config().loss };
    });
  }

  /** One optimizer step on training sample `index` alone. */
  stepOnSample(index) {
    this.engine.call((p) => p.stepOnSample(index));
  }

  /**
   * J over the training set along incoming weight `input` of a neuron, at `steps`
   * values from `from(value)` to `to(value)`: `{index, value, series, cost}`. `range`
   * picks the ends from the weight's current value.
   */
  costAlongWeight(layer, neuron, input, range, steps) {
    return this.engine.call((p) => {
      const index = p.parameterIndex(layer, neuron, input);
      const value = p.parameters()[index];
      const { from, to } = range(index, value);
      return {
        index,
        value,
        from,
        to,
        series: Array.from(p.costAlongParameter(index, from, to, steps)),
        cost: p.costAlongParameter(index, value, value, 2)[0],
      };
    });
  }

  /**
   * The dropout of the last trained batch: `{samples, layers: [{rate, keptScale, masks}]}`
   * (`masks[neuron][sample]`: 0 dropped, 1/(1 − p) kept), or null when none was drawn.
   */
  lastDropout() {
    return this.engine.call((p) => p.lastDropout());
  }

  /**
   * Per layer: `{meanAbsGradient, deadShare, saturatedShare}` over the training points;
   * `live` (training plays): over at most the core's LIVE_VIEW_POINTS of them, evenly spread.
   */
  layerHealth(live = false) {
    return this.engine.call((p) => p.layerHealth(live));
  }

  /**
   * Per hidden layer: `{activation, weights, activations}`, each a histogram `{from, to,
   * counts, nonFinite}` (20 equal bins from `from` to `to`); activations over the
   * training set, without dropout; `live` as for layerHealth.
   */
  layerHistograms(live = false) {
    return this.engine.call((p) => p.layerHistograms(live));
  }

  /**
   * The input plane's grid lines and the training points as neurons `first` and
   * `second` of hidden layer `layer` (all from 0) see them: `{layer, neurons, lines,
   * lineCount, lineSamples, points, labels}`; a refusal (no such layer or neuron, a
   * layer of one neuron, the same neuron twice) says why.
   */
  layerPlane(layer, first, second) {
    return this.engine.call((p) => p.layerPlane(layer, first, second));
  }

  /** Counts per true class (rows) and predicted class, as a flat array (empty for regression). */
  confusionMatrix(set) {
    return this.engine.call((p) => Array.from(p.confusionMatrix(setName(set))));
  }

  /** Outputs for `flat` = [x1, x2, …]: `{values, count}` with `count` outputs per point. */
  predict(flat) {
    return this.engine.call((p) => ({ values: Array.from(p.predict(flat)), count: p.outputCount }));
  }

  // ---- model files --------------------------------------------------------

  exportModel() {
    return this.engine.call((p) => p.exportModel());
  }

  /**
   * The run for "Export as code": `{config, model, epoch, optimizer: {first, second, steps},
   * train, test, nextOrder, learningRate}` at the last completed epoch (see the core's RunExport).
   */
  exportRun() {
    return this.engine.call((p) => p.exportRun());
  }

  importModel(model) {
    const plain = plainDocument(model, 'the model file');
    this.engine.call((p) => p.importModel(plain));
  }
}
